"""The curated notebooks: one source each, two editions in step with it, the skeleton, only the public API.

Each notebook has one jupytext source, notebooks/src/NAME.py (code once, LANG as a parameter, markdown in
English/Chinese pairs); tools/sync_notebooks.py writes its English edition notebooks/NAME.ipynb and its Chinese
edition notebooks/zh/NAME.ipynb. Executing the editions (and comparing their key figures) is nbval's job:
`pytest` collects notebooks/*.ipynb and notebooks/zh/*.ipynb; the two editions' checked figures are compared here.
"""

import importlib.util
import re
import shutil
from collections import Counter
from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
ZH = NOTEBOOKS / "zh"
CASE_STUDY = sorted((NOTEBOOKS / "src").glob("*.py"))  # the seed's case study and the teaching pairs
# the report of any other document (notebooks/src/any → notebooks/any, notebooks/any/zh): same conventions
ANY = sorted((NOTEBOOKS / "src" / "any").glob("*.py"))
SOURCES = CASE_STUDY + ANY
CURATED = [p for p in SOURCES if not p.name.startswith("teaching_")]
LANGS = ("en", "zh")
HEADINGS = {
    "en": ["## Overview", "## Prerequisites", "## Imports", "## Summary", "## Sources"],
    "zh": ["## 概览", "## 预备知识", "## 导入", "## 小结", "## 资料来源"],
}
TOOLS = NOTEBOOKS.parent / "tools"


def _tool(name: str):
    """A script of tools/ as a module."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sync = _tool("sync_notebooks")
EDITIONS = [(source, lang) for source in SOURCES for lang in LANGS]
CURATED_EDITIONS = [(source, lang) for source in CURATED for lang in LANGS]


def _ids(pairs) -> list[str]:
    return [f"{source.stem}-{lang}" for source, lang in pairs]


def _code(source: Path) -> str:
    return "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "code")


def test_the_curated_set_is_complete():
    names = {p.stem for p in CASE_STUDY}
    for prefix in ["00_", "01_", "02_", "03_", "04_", "05_"]:
        assert any(n.startswith(prefix) for n in names), prefix
    exercises = {n.split("_", 3)[2] for n in names if n.startswith("teaching_ex_")}
    solutions = {n.split("_", 3)[2] for n in names if n.startswith("teaching_sol_")}
    assert len(exercises) >= 3 and exercises == solutions


def test_every_source_has_both_editions_and_nothing_else():
    """notebooks/NAME.ipynb and notebooks/zh/NAME.ipynb for every source, no edition without a source, and
    no second source (a .py beside an edition) to drift from the first."""
    for sources, folder in ((CASE_STUDY, NOTEBOOKS), (ANY, NOTEBOOKS / "any")):
        names = {p.stem for p in sources}
        assert names and {p.stem for p in folder.glob("*.ipynb")} == names
        assert {p.stem for p in (folder / "zh").glob("*.ipynb")} == names
        assert not list(folder.glob("*.py")) and not list((folder / "zh").glob("*.py"))
        assert all(sync.target(p, "zh").parent == folder / "zh" for p in sources)


@pytest.mark.parametrize(("source", "lang"), EDITIONS, ids=_ids(EDITIONS))
def test_ipynb_is_generated_from_its_source(source, lang):
    """Edit the source, then run `tools/sync_notebooks.py NAME`: each edition holds the source's cells."""
    nb = nbformat.read(sync.target(source, lang), as_version=4)

    def cells(notebook):
        return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in notebook.cells]

    assert cells(nb) == cells(sync.edition(source, lang))
    assert all(set(c.metadata) <= {"tags", "jupyter", "collapsed"} for c in nb.cells), (
        "only tags: no timings, no ids to diff"
    )
    # The hidden key-figure cells (checks the reader sees as a table or chart) are folded in JupyterLab,
    # source and output; every other cell is shown as it is.
    for cell in nb.cells:
        hidden = sync.is_checked(cell) and "remove-cell" in cell.metadata.get("tags", [])
        assert cell.metadata.get("jupyter") == (sync.COLLAPSED if hidden else None), cell.source[:80]
        assert cell.metadata.get("collapsed") == (True if hidden else None), cell.source[:80]
    # The kernelspec as JupyterLab writes it on opening: an edition is not modified before anything runs.
    assert nb.metadata["kernelspec"] == sync.KERNEL


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_markdown_cell_has_its_other_language_pair(source):
    """Markdown comes in pairs: an English cell, then the Chinese that renders it (and nothing untagged)."""
    assert sync.unpaired(jupytext.read(source)) == []


def test_an_unpaired_cell_is_found_and_refused(tmp_path):
    """The pairing check is not vacuous: a missing translation, a lone or a misordered cell are each named,
    and the sync tool writes no edition from such a source."""
    md = "# %% [markdown] tags=[{tag}]\n# {text}\n\n"
    good = md.format(tag='"lang-en"', text="# Title") + md.format(tag='"lang-zh"', text="# 标题")
    code = '# %% tags=["parameters"]\nLANG = "en"\n\n'
    cases = {
        "missing zh": good + code + md.format(tag='"lang-en"', text="More"),
        "lone zh": good + code + md.format(tag='"lang-zh"', text="更多"),
        "zh before en": good
        + md.format(tag='"lang-zh"', text="更多")
        + md.format(tag='"lang-en"', text="More"),
        "untagged": good + "# %% [markdown]\n# Untagged\n\n",
    }
    assert sync.unpaired(jupytext.reads(good + code, fmt="py:percent")) == []
    for name, text in cases.items():
        path = tmp_path / f"{name.replace(' ', '_')}.py"
        path.write_text(text, encoding="utf-8")
        assert sync.unpaired(jupytext.read(path)), name
        with pytest.raises(ValueError, match="pair"):
            sync.edition(path, "en")


def test_an_edition_takes_its_language_from_the_source(tmp_path):
    path = tmp_path / "tiny.py"
    path.write_text(
        '# %% [markdown] tags=["lang-en"]\n# # Tiny\n\n# %% [markdown] tags=["lang-zh"]\n# # 小\n\n'
        '# %% tags=["parameters", "remove-cell"]\nLANG = "en"\n\n'
        '# %% tags=["nbval-check-output"]\nprint(LANG)\n',
        encoding="utf-8",
    )
    for lang, title in [("en", "# Tiny"), ("zh", "# 小")]:
        nb = sync.edition(path, lang)
        assert [c.source for c in nb.cells] == [title, f'LANG = "{lang}"', "print(LANG)"]
        assert [c.id for c in sync.edition(path, lang).cells] == [c.id for c in nb.cells]  # no random ids
        assert [c.metadata.get("tags", []) for c in nb.cells] == [
            [],
            ["parameters", "remove-cell"],
            ["nbval-check-output"],
        ]


@pytest.mark.parametrize(("source", "lang"), EDITIONS, ids=_ids(EDITIONS))
def test_skeleton(source, lang):
    nb = sync.edition(source, lang)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[0].source.startswith("# "), "a title first"
    for heading in HEADINGS[lang]:
        assert heading in markdown, heading


def cjk_share(text: str) -> float:
    """Share of CJK ideographs among the letters of a text (code spans and links left out)."""
    text = re.sub(r"`[^`]*`|\(http[^)]*\)", "", text)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return cjk / max(cjk + latin, 1)


@pytest.mark.parametrize(("source", "lang"), EDITIONS, ids=_ids(EDITIONS))
def test_prose_is_in_the_editions_language(source, lang):
    """The Chinese edition is written in Chinese, the English one in English (Chinese terms glossed in it)."""
    nb = sync.edition(source, lang)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    share = cjk_share(markdown)
    assert share > 0.8 if lang == "zh" else share < 0.25, f"{share:.0%} CJK"


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_labels_follow_the_edition(source):
    """The code is written once: the first code cell sets LANG (the parameters cell), and no cell asks for
    one language's labels in particular."""
    first = next(c for c in jupytext.read(source).cells if c.cell_type == "code")
    assert sync.PARAMETERS in first.metadata.get("tags", []) and first.source == 'LANG = "en"'
    code = _code(source)
    assert not re.search(r"""lang=["']|, ["'](?:en|zh)["']\)""", code), "pass lang=LANG"


UNIT = "万元"  # the unit as published: both editions print it
WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]{3,}")


def printed_words(code: str) -> list[str]:
    """The text a cell prints from its own literals (not from labels it computes): the string constants of
    each print() call, and the literal parts of its f-strings, but not what their {…} compute."""
    import ast

    found = []

    def visit(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            for part in node.values:
                visit(part)  # a FormattedValue (a computed label) is left out
        elif isinstance(node, ast.BinOp):
            visit(node.left)
            visit(node.right)

    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
            for arg in node.args:
                visit(arg)
    return [w for text in found for w in WORD.findall(text.replace(UNIT, ""))]


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_key_figures_print_no_words_of_one_language(source):
    """A key-figure cell prints numbers, codes and the labels the analyses give in LANG (gz.label, gz.term,
    an analysis' label column), never a word of its own: both editions print the same figures."""
    for cell in jupytext.read(source).cells:
        if sync.is_checked(cell):
            assert not printed_words(cell.source), cell.source[:200]


def test_printed_words_are_found():
    assert printed_words('print(f"Total {x:,.2f} 万元", "条勘误")') == ["Total", "条", "勘", "误"]
    assert printed_words("print(f\"{gz.label('total', LANG)}: {x} 万元 | {y:.1%}\")") == []


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_only_the_public_api(source):
    code = _code(source)
    imports = set(re.findall(r"^\s*(?:import|from)\s+([\w.]+)", code, flags=re.M))
    assert imports <= {"gzanalysis"}, imports
    for forbidden in ["read_csv", "open(", "os.chdir", "../data", "gz._", "gzanalysis."]:
        assert forbidden not in code, forbidden
    assert "gz.notebook.setup()" in code  # charts render offline


def _checked_cells(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if sync.is_checked(c)]


@pytest.mark.parametrize(("source", "lang"), CURATED_EDITIONS, ids=_ids(CURATED_EDITIONS))
def test_key_figures_are_checked(source, lang):
    path = sync.target(source, lang)
    nb = nbformat.read(path, as_version=4)
    checked = _checked_cells(path)
    assert checked and all(c.outputs for c in checked)
    assert all(not c.outputs for c in nb.cells if c.cell_type == "code" and c not in checked), (
        "only key figures are stored"
    )
    for cell in checked:  # every key figure is tagged now (tools/check_markers_to_tags.py has run)
        assert "nbval-check-output" in cell.get("metadata", {}).get("tags", []), cell.source[:80]
        assert "NBVAL_CHECK_OUTPUT" not in cell.source, cell.source[:80]


@pytest.mark.parametrize("source", CURATED, ids=[p.stem for p in CURATED])
def test_no_printed_dataframes_for_readers(source):
    """Readers see formatted tables (gz.tables.show); a printed DataFrame may only feed a hidden check."""
    for cell in jupytext.read(source).cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and "remove-cell" not in tags:
            assert ".to_string(" not in cell.source, cell.source[:120]


NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def figures(cell) -> Counter:
    """The numbers a checked cell prints (thousands separators dropped): labels differ by language, these not."""
    text = "".join(
        o.get("text", "") if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
        for o in cell.outputs
    )
    return Counter(n.replace(",", "").lstrip("+") for n in NUMBER.findall(text))


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_editions_check_the_same_figures(source):
    """The two editions' executed key-figure cells, cell by cell, print the same numbers (labels differ by
    language, numbers may not); a missing edition fails."""
    english, chinese = (_checked_cells(sync.target(source, lang)) for lang in LANGS)
    assert len(english) == len(chinese), "the editions check a different number of cells"
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


def _marked(nb, marker: str):
    """The notebook with its key-figure cells marked by the comment or by the tag (before or after
    tools/check_markers_to_tags.py has run on the sources, the same cells)."""
    for cell in nb.cells:
        if not sync.is_checked(cell):
            continue
        lines = [line for line in cell.source.split("\n") if line.strip() != f"# {sync.CHECK_COMMENT}"]
        tags = [t for t in cell.metadata.get("tags", []) if t != sync.CHECK_TAG]
        if marker == "comment":
            lines.insert(0, f"# {sync.CHECK_COMMENT}")
        else:
            tags.append(sync.CHECK_TAG)
        cell.source = "\n".join(lines)
        cell.metadata["tags"] = tags
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("marker", ["comment", "tag"])
def test_nbval_fails_on_a_wrong_key_figure(tmp_path, marker):
    """A notebook whose stored key figure differs from what the data gives fails the test run, whether
    the cell is marked by the comment or by the tag."""
    import subprocess
    import sys

    nb = _marked(nbformat.read(NOTEBOOKS / "00_start_here.ipynb", as_version=4), marker)
    cell = next(c for c in nb.cells if sync.is_checked(c) and c.outputs)
    assert (sync.CHECK_COMMENT in cell.source) == (marker == "comment")
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


def test_markers_become_tags_on_a_copy(tmp_path):
    """tools/check_markers_to_tags.py on a copy of the sources: every comment becomes a tag, nothing else
    changes, a second run changes nothing, and --check says when a comment is left."""
    convert = _tool("check_markers_to_tags")
    copy = {source: tmp_path / source.name for source in SOURCES}  # the one source of both editions
    for source, target in copy.items():
        shutil.copy(source, target)
    folders = [str(tmp_path)]
    marked = {p: p.read_text(encoding="utf-8").count("# NBVAL_CHECK_OUTPUT") for p in SOURCES}
    assert convert.main(["--check", *folders]) == (1 if any(marked.values()) else 0)
    assert convert.main(folders) == 0
    for source in SOURCES:
        text = copy[source].read_text(encoding="utf-8")
        assert "NBVAL_CHECK_OUTPUT" not in text
        before, after = jupytext.read(source), jupytext.reads(text, fmt="py:percent")
        tagged = [c for c in after.cells if sync.CHECK_TAG in c.metadata.get("tags", [])]
        was = [c for c in before.cells if sync.is_checked(c)]
        assert len(tagged) == len(was) >= marked[source]
        assert [c.source.replace("# NBVAL_CHECK_OUTPUT\n", "") for c in before.cells] == [
            c.source for c in after.cells
        ]
    assert convert.main(["--check", *folders]) == 0
    assert convert.convert_text('# %% tags=["remove-input"]\n# NBVAL_CHECK_OUTPUT\nx') == (
        '# %% tags=["remove-input", "nbval-check-output"]\nx'
    )


@pytest.mark.slow
def test_sync_keeps_the_outputs_and_tags_of_tagged_cells(tmp_path):
    source = tmp_path / "tiny.py"
    source.write_text(
        '# %% [markdown] tags=["lang-en"]\n# # Tiny\n\n# %% [markdown] tags=["lang-zh"]\n# # 小\n\n'
        '# %% tags=["nbval-check-output"]\nprint(6 * 7)\n\n'
        "# %%\n# NBVAL_CHECK_OUTPUT\nprint(2 + 2)\n\n# %%\nprint('not kept')\n",
        encoding="utf-8",
    )
    nb = sync.generate(source)
    tagged, commented, plain = nb.cells[1:]
    assert tagged.metadata == {"tags": ["nbval-check-output"]} and tagged.outputs[0]["text"] == "42\n"
    assert commented.outputs[0]["text"] == "4\n"  # the comment still works during the transition
    assert plain.outputs == [] and plain.execution_count is None


@pytest.mark.slow
def test_an_executed_and_saved_notebook_stays_small(tmp_path, monkeypatch):
    """Run All then save: the chart library is loaded from the Jupyter server, not stored (it is 0.9 MB)."""
    import json

    from nbclient import NotebookClient

    from gzanalysis.views.notebook import BUNDLE_MARK, REPORT_BUILD_ENV, vega_bundle

    monkeypatch.delenv(REPORT_BUILD_ENV, raising=False)  # a report build in this session must not hide it
    source = NOTEBOOKS / "01_spending_composition.ipynb"
    nb = nbformat.read(source, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    ).execute()
    saved = tmp_path / source.name
    nbformat.write(nb, saved)
    library = [o for c in nb.cells for o in c.get("outputs", []) if o.get("metadata", {}).get(BUNDLE_MARK)]
    assert len(library) == 1 and len(json.dumps(library)) < 5_000
    assert vega_bundle()[:2000] not in saved.read_text(encoding="utf-8")
    assert saved.stat().st_size < source.stat().st_size + 150_000, saved.stat().st_size


def test_the_chart_library_is_served_not_stored(tmp_path):
    """setup() writes the library where the Jupyter server serves static files, outside any extension."""
    from gzanalysis.views import notebook

    path = notebook.install_lab_asset(tmp_path)
    folder = tmp_path / "share" / "jupyter" / "labextensions" / notebook.ASSET_FOLDER
    assert path.parent == folder / "static" and path.read_text(encoding="utf-8") == notebook.vega_bundle()
    assert not (folder / "package.json").exists()  # JupyterLab must not take it for an extension
    assert notebook.install_lab_asset(tmp_path) == path  # written once
    loader = notebook.loader_snippet(path.name)
    assert f"/{notebook.ASSET_FOLDER}/static/{path.name}" in loader and len(loader) < 2_000
