"""The curated notebooks: in step with their sources, following the skeleton, using only the public API.

Two editions: English in notebooks/, Chinese in notebooks/zh/ under the same names. Executing them (and
comparing their key figures) is nbval's job: `pytest` collects notebooks/*.ipynb and notebooks/zh/*.ipynb;
the twins' checked figures are compared here.
"""

import re
from collections import Counter
from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
ZH = NOTEBOOKS / "zh"
ENGLISH = sorted(NOTEBOOKS.glob("*.py"))
CHINESE = sorted(ZH.glob("*.py"))
SOURCES = ENGLISH + CHINESE
CURATED = [p for p in SOURCES if not p.name.startswith("teaching_")]
HEADINGS = {
    "en": ["## Overview", "## Prerequisites", "## Imports", "## Summary", "## Sources"],
    "zh": ["## 概览", "## 预备知识", "## 导入", "## 小结", "## 资料来源"],
}


def _id(path: Path) -> str:
    return path.relative_to(NOTEBOOKS).with_suffix("").as_posix()


def _lang(path: Path) -> str:
    return "zh" if path.parent == ZH else "en"


def test_the_curated_set_is_complete():
    for edition in (ENGLISH, CHINESE):
        names = {p.stem for p in edition}
        for prefix in ["00_", "01_", "02_", "03_", "04_", "05_"]:
            assert any(n.startswith(prefix) for n in names), prefix
        exercises = {n.split("_", 3)[2] for n in names if n.startswith("teaching_ex_")}
        solutions = {n.split("_", 3)[2] for n in names if n.startswith("teaching_sol_")}
        assert len(exercises) >= 3 and exercises == solutions


def test_every_notebook_has_a_twin():
    """Each notebook exists in English and in Chinese, under the same name."""
    assert {p.stem for p in ENGLISH} == {p.stem for p in CHINESE}


@pytest.mark.parametrize("source", SOURCES, ids=[_id(p) for p in SOURCES])
def test_ipynb_is_generated_from_its_source(source):
    """Edit the .py, then run `tools/sync_notebooks.py`: the two must hold the same cells."""
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    src = jupytext.read(source)
    assert [(c.cell_type, c.source) for c in nb.cells] == [(c.cell_type, c.source) for c in src.cells]


@pytest.mark.parametrize("source", SOURCES, ids=[_id(p) for p in SOURCES])
def test_skeleton(source):
    nb = jupytext.read(source)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[0].source.startswith("# "), "a title first"
    for heading in HEADINGS[_lang(source)]:
        assert heading in markdown, heading


def cjk_share(text: str) -> float:
    """Share of CJK ideographs among the letters of a text (code spans and links left out)."""
    text = re.sub(r"`[^`]*`|\(http[^)]*\)", "", text)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return cjk / max(cjk + latin, 1)


@pytest.mark.parametrize("source", SOURCES, ids=[_id(p) for p in SOURCES])
def test_prose_is_in_the_editions_language(source):
    """The Chinese edition is written in Chinese, the English one in English (Chinese terms glossed in it)."""
    markdown = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "markdown")
    share = cjk_share(markdown)
    assert share > 0.7 if _lang(source) == "zh" else share < 0.35, f"{share:.0%} CJK"


@pytest.mark.parametrize("source", SOURCES, ids=[_id(p) for p in SOURCES])
def test_labels_follow_the_edition(source):
    """The Chinese edition never asks for English labels, nor the English edition for Chinese ones."""
    code = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "code")
    other = "en" if _lang(source) == "zh" else "zh"
    assert f'lang="{other}"' not in code


@pytest.mark.parametrize("source", SOURCES, ids=[_id(p) for p in SOURCES])
def test_only_the_public_api(source):
    code = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "code")
    imports = set(re.findall(r"^\s*(?:import|from)\s+([\w.]+)", code, flags=re.M))
    assert imports <= {"gzanalysis"}, imports
    for forbidden in ["read_csv", "open(", "os.chdir", "../data", "gz._", "gzanalysis."]:
        assert forbidden not in code, forbidden
    assert "gz.notebook.setup()" in code  # charts render offline


def _checked_cells(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if c.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in c.source]


@pytest.mark.parametrize("source", CURATED, ids=[_id(p) for p in CURATED])
def test_key_figures_are_checked(source):
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    checked = _checked_cells(source.with_suffix(".ipynb"))
    assert checked and all(c.outputs for c in checked)
    assert all(not c.outputs for c in nb.cells if c.cell_type == "code" and c not in checked), (
        "only key figures are stored"
    )


NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def figures(cell) -> Counter:
    """The numbers a checked cell prints (thousands separators dropped): labels differ by language, these not."""
    text = "".join(
        o.get("text", "") if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
        for o in cell.outputs
    )
    return Counter(n.replace(",", "").lstrip("+") for n in NUMBER.findall(text))


@pytest.mark.parametrize("source", ENGLISH, ids=[p.stem for p in ENGLISH])
def test_twins_check_the_same_figures(source):
    """Each English notebook's checked figures, cell by cell, are its Chinese twin's; a missing twin fails."""
    twin = ZH / source.with_suffix(".ipynb").name
    assert twin.exists(), f"no Chinese twin notebooks/zh/{twin.name}"
    english, chinese = _checked_cells(source.with_suffix(".ipynb")), _checked_cells(twin)
    assert len(english) == len(chinese), "the twins check a different number of cells"
    for n, (en, zh) in enumerate(zip(english, chinese, strict=True)):
        assert figures(en), f"checked cell {n} prints no number"
        assert figures(en) == figures(zh), (
            f"checked cell {n}: only in English {figures(en) - figures(zh)}, only in Chinese {figures(zh) - figures(en)}"
        )


def test_twin_comparison_sees_a_changed_figure():
    """The comparison is not vacuous: one digit changed in a copy of a checked output is a difference."""
    cell = _checked_cells(NOTEBOOKS / "00_start_here.ipynb")[0]
    changed = nbformat.from_dict(cell)
    changed.outputs[0]["text"] = changed.outputs[0]["text"].replace("23,255.42", "23,255.43")
    assert figures(changed) != figures(cell)


@pytest.mark.slow
def test_nbval_fails_on_a_wrong_key_figure(tmp_path):
    """A notebook whose stored key figure differs from what the data gives fails the test run."""
    import subprocess
    import sys

    nb = nbformat.read(NOTEBOOKS / "00_start_here.ipynb", as_version=4)
    cell = next(
        c for c in nb.cells if c.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in c.source and c.outputs
    )
    text = cell.outputs[0]["text"]
    assert "23,255.42" in text
    cell.outputs[0]["text"] = text.replace("23,255.42", "23,255.43")
    nbformat.write(nb, tmp_path / "wrong.ipynb")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval-lax",
            str(tmp_path / "wrong.ipynb"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 1, out.stdout[-2000:]
    assert "23,255.43" in out.stdout
