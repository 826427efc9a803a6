"""The curated notebooks: in step with their sources, following the skeleton, using only the public API.

Executing them (and comparing their key figures) is nbval's job: `pytest` collects notebooks/*.ipynb.
"""

import importlib.util
import re
import shutil
from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("*.py"))
CURATED = [p for p in SOURCES if not p.name.startswith("teaching_")]
TOOLS = NOTEBOOKS.parent / "tools"


def _tool(name: str):
    """A script of tools/ as a module."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sync = _tool("sync_notebooks")


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

    def cells(notebook):
        return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in notebook.cells]

    assert cells(nb) == cells(src)


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


@pytest.mark.parametrize("source", CURATED, ids=[p.stem for p in CURATED])
def test_key_figures_are_checked(source):
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    checked = [c for c in nb.cells if sync.is_checked(c)]
    assert checked and all(c.outputs for c in checked)
    assert all(not c.outputs for c in nb.cells if c.cell_type == "code" and c not in checked), (
        "only key figures are stored"
    )


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
    for source in SOURCES:
        shutil.copy(source, tmp_path / source.name)
    marked = {p.name: p.read_text(encoding="utf-8").count("# NBVAL_CHECK_OUTPUT") for p in SOURCES}
    assert convert.main(["--check", str(tmp_path)]) == (1 if any(marked.values()) else 0)
    assert convert.main([str(tmp_path)]) == 0
    for source in SOURCES:
        text = (tmp_path / source.name).read_text(encoding="utf-8")
        assert "NBVAL_CHECK_OUTPUT" not in text
        before, after = jupytext.read(source), jupytext.reads(text, fmt="py:percent")
        tagged = [c for c in after.cells if sync.CHECK_TAG in c.metadata.get("tags", [])]
        was = [c for c in before.cells if sync.is_checked(c)]
        assert len(tagged) == len(was) >= marked[source.name]
        assert [c.source.replace("# NBVAL_CHECK_OUTPUT\n", "") for c in before.cells] == [
            c.source for c in after.cells
        ]
    assert convert.main(["--check", str(tmp_path)]) == 0
    assert convert.convert_text('# %% tags=["remove-input"]\n# NBVAL_CHECK_OUTPUT\nx') == (
        '# %% tags=["remove-input", "nbval-check-output"]\nx'
    )


@pytest.mark.slow
def test_sync_keeps_the_outputs_and_tags_of_tagged_cells(tmp_path):
    source = tmp_path / "tiny.py"
    source.write_text(
        '# %% [markdown]\n# # Tiny\n\n# %% tags=["nbval-check-output"]\nprint(6 * 7)\n\n'
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
