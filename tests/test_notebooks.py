"""The curated notebooks: in step with their sources, following the skeleton, using only the public API.

Executing them (and comparing their key figures) is nbval's job: `pytest` collects notebooks/*.ipynb.
"""

import re
from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("*.py"))
CURATED = [p for p in SOURCES if not p.name.startswith("teaching_")]


def test_the_curated_set_is_complete():
    names = {p.stem for p in SOURCES}
    for prefix in ["00_", "01_", "02_", "03_", "04_", "05_"]:
        assert any(n.startswith(prefix) for n in names), prefix
    exercises = {n.split("_", 3)[2] for n in names if n.startswith("teaching_ex_")}
    solutions = {n.split("_", 3)[2] for n in names if n.startswith("teaching_sol_")}
    assert len(exercises) >= 3 and exercises == solutions


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_ipynb_is_generated_from_its_source(source):
    """Edit the .py, then run `tools/sync_notebooks.py`: the two must hold the same cells."""
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    src = jupytext.read(source)
    assert [(c.cell_type, c.source) for c in nb.cells] == [(c.cell_type, c.source) for c in src.cells]


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_skeleton(source):
    nb = jupytext.read(source)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[0].source.startswith("# "), "a title first"
    for heading in ["## Overview", "## Prerequisites", "## Imports", "## Summary", "## Sources"]:
        assert heading in markdown, heading


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_only_the_public_api(source):
    code = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "code")
    imports = set(re.findall(r"^\s*(?:import|from)\s+([\w.]+)", code, flags=re.M))
    assert imports <= {"gzanalysis"}, imports
    for forbidden in ["read_csv", "open(", "os.chdir", "../data", "gz._", "gzanalysis."]:
        assert forbidden not in code, forbidden
    assert "gz.notebook.setup()" in code  # charts render offline


def _checked(cell) -> bool:
    """A cell nbval compares: marked by the comment, or by the tag."""
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and ("NBVAL_CHECK_OUTPUT" in cell.source or "nbval-check-output" in tags)


@pytest.mark.parametrize("source", CURATED, ids=[p.stem for p in CURATED])
def test_key_figures_are_checked(source):
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    checked = [c for c in nb.cells if _checked(c)]
    assert checked and all(c.outputs for c in checked)
    assert all(not c.outputs for c in nb.cells if c.cell_type == "code" and c not in checked), (
        "only key figures are stored"
    )
    for cell in checked:  # a tagged check is for nbval, not for readers: the report removes it
        tags = cell.get("metadata", {}).get("tags", [])
        assert "nbval-check-output" not in tags or "remove-cell" in tags, cell.source[:80]


@pytest.mark.parametrize("source", CURATED, ids=[p.stem for p in CURATED])
def test_no_printed_dataframes_for_readers(source):
    """Readers see formatted tables (gz.tables.show); a printed DataFrame may only feed a hidden check."""
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and "remove-cell" not in tags:
            assert ".to_string(" not in cell.source, cell.source[:120]


@pytest.mark.slow
def test_nbval_fails_on_a_wrong_key_figure(tmp_path):
    """A notebook whose stored key figure differs from what the data gives fails the test run."""
    import subprocess
    import sys

    nb = nbformat.read(NOTEBOOKS / "00_start_here.ipynb", as_version=4)
    cell = next(c for c in nb.cells if _checked(c) and c.outputs)
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
