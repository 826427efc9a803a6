"""Cached report builds: what re-executes when nothing, one notebook, or the data changes; failing notebooks.

Small notebooks that call gzanalysis stand in for the curated ones (same executor, same cache, seconds each).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pytest

from gzanalysis.publish.cache import code_key
from gzanalysis.publish.report import NotebookFailed, build

from .conftest import PACKAGE, ROOT

pytestmark = pytest.mark.slow


def _notebook(path, *cells: str):
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell(f"# {path.stem}")]
        + [nbformat.v4.new_code_cell(c) for c in cells]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def _statuses(capsys) -> dict[str, str]:
    """notebook → executed / cached / FAILED, from the build's progress lines."""
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[")]
    # a line names the page: a.html (a.zh.html for a Chinese twin)
    return {
        line.split("] ")[1].split(":")[0].removesuffix(".html"): line.split(": ")[1].split(",")[0]
        for line in lines
    }


@pytest.fixture
def notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    return [
        _notebook(folder / "a.ipynb", "import gzanalysis as gz\nprint(gz.load().meta['unit'])"),
        _notebook(folder / "b.ipynb", "import gzanalysis as gz\nlen(gz.load().facts)"),
    ]


def test_rebuild_reexecutes_only_what_changed(notebooks, tmp_path, capsys, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(site, notebooks, cache_dir=cache)
    assert _statuses(capsys) == {"a": "executed", "b": "executed"}
    first = (site / "a.html").read_text(encoding="utf-8")
    assert "赣州市行政审批局" in first

    build(site, notebooks, cache_dir=cache)  # unchanged: nothing runs, the same pages are written
    assert _statuses(capsys) == {"a": "cached", "b": "cached"}
    assert (site / "a.html").read_text(encoding="utf-8") == first

    _notebook(notebooks[0], "import gzanalysis as gz\nprint(gz.load().meta['unit'] + ' edited')")
    build(site, notebooks, cache_dir=cache)
    assert _statuses(capsys) == {"a": "executed", "b": "cached"}
    assert "赣州市行政审批局 edited" in (site / "a.html").read_text(encoding="utf-8")
    assert len(list(cache.glob("a-*.ipynb"))) == 1, "the earlier execution's entry is replaced"

    build(site, notebooks, cache_dir=cache, fresh=True)  # make report FRESH=1
    assert _statuses(capsys) == {"a": "executed", "b": "executed"}

    # Another data package (a copy with one glossary term changed): every notebook runs again.
    package = tmp_path / "package"
    shutil.copytree(PACKAGE, package)
    shutil.copy(ROOT / "data" / "raw" / f"{PACKAGE.name}.txt", package / f"{PACKAGE.name}.txt")
    glossary = package / "glossary.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("三公", "三公 ", 1), encoding="utf-8")
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", str(package))
    with pytest.warns(Warning):  # the CSV no longer matches its descriptor's hash: loaded, with a warning
        build(site, notebooks, cache_dir=cache)
    assert _statuses(capsys) == {"a": "executed", "b": "executed"}


def test_code_key_follows_the_code_but_not_publish(tmp_path):
    import gzanalysis

    package = tmp_path / "gzanalysis"
    shutil.copytree(
        gzanalysis.__path__[0], package, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = code_key(package)
    assert code_key(package) == before
    (package / "publish" / "templates" / "report.css").write_text("body {}", encoding="utf-8")
    assert code_key(package) == before, "the report's look does not change what a notebook computes"
    charts = package / "views" / "charts.py"
    charts.write_text(charts.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert code_key(package) != before


def test_a_failing_notebook_fails_the_build_and_the_site_is_written(notebooks, tmp_path):
    bad = _notebook(
        notebooks[0].with_name("c_bad.ipynb"), "x = 1", "raise ValueError('the figures do not add up')"
    )
    site, cache = tmp_path / "site", tmp_path / "cache"
    run = subprocess.run(
        [sys.executable, "-m", "gzanalysis.publish.report", "--out", str(site), "--cache", str(cache)]
        + [str(p) for p in [*notebooks, bad]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    progress = run.stdout.splitlines()
    assert sorted(line.split("] ")[1].split(",")[0] for line in progress if line.startswith("[")) == [
        "a.html: executed",
        "b.html: executed",
        "c_bad.html: FAILED",
    ]
    # The failing cell and its traceback; no kernel noise anywhere.
    assert "raise ValueError('the figures do not add up')" in run.stderr
    assert "ValueError: the figures do not add up" in run.stderr
    for noise in ("Parent appears to have exited", "WARNING", "[IPKernelApp]"):
        assert noise not in run.stdout + run.stderr
    assert len(progress) == 4  # one line per notebook and the summary
    for name in ("a", "b", "c_bad", "index"):
        assert (site / f"{name}.html").is_file()
    assert "the figures do not add up" in (site / "c_bad.html").read_text(encoding="utf-8")
    assert not list(cache.glob("c_bad-*")), "a failed execution is never cached"


def test_build_raises_notebook_failed(tmp_path):
    bad = _notebook(tmp_path / "bad.ipynb", "1 / 0")
    with pytest.raises(NotebookFailed, match="ZeroDivisionError") as err:
        build(tmp_path / "site", [bad], cache_dir=None, quiet=True)
    assert [o.path for o in err.value.outcomes] == [bad]


def test_report_kernels_skip_jsonschemas_slow_plugin(tmp_path):
    from gzanalysis.publish.execute import run

    probe = _notebook(
        tmp_path / "probe.ipynb", "import sys\nimport altair\nprint(sys.modules.get('rfc3987_syntax'))"
    )
    outcome = run([probe])[probe]
    assert outcome.error is None
    assert outcome.nb.cells[1].outputs[0]["text"] == "None\n"  # altair (and jsonschema) imported without it
