"""The report of another document than the seed: notebooks/any, whose every sentence gz.prose computes.

On the seed, the prose states the figures its notebooks' nbval-checked cells print. On packages ingested from
three shared PDFs of three cities, the sentences name the document's own unit and year and hold nothing of
the seed's case study; ``GZANALYSIS_DISCLOSURE=<relative path> gzanalysis report --out DIR`` builds every
page of both editions, none with a seed sentence, title or figure (slow: one build per document).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import nbformat
import pytest
from bs4 import BeautifulSoup

import gzanalysis as gz
from gzanalysis.publish.notebooks import ANY, is_check_cell, notebook_paths, notebooks_dir
from tests.test_ingest_pdf import CORPUS

# Three cities, three template families; one has a carry-over stated only in words (苏州: 上年结转结余为0万元)
DOCUMENTS = ["shenzhen-audit-2026", "suzhou-transport-2026", "guangzhou-petitions-2026"]
# The seed's case study: its unit, city and figures, which no page of another document's report may hold
SEED = ["赣州", "行政审批", "9,207.96", "9207.96", "23,255.42", "23255.42", "8,471.56", "8471.56"]
PAGES = ["overview", "composition", "changes", "carryover", "targets", "audit", "summary", "sources"]
LANGS = ("en", "zh")


def _sentences(d, lang: str) -> dict[str, str]:
    return {page: " ".join(getattr(gz.prose, page)(d, lang)) for page in PAGES}


def _checked_output(name: str) -> str:
    """The stored outputs of the nbval-checked cells of ``notebooks/any/NAME.ipynb`` (the seed's figures)."""
    nb = nbformat.read(notebooks_dir() / ANY / f"{name}.ipynb", as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if is_check_cell(c) for o in c.outputs)


@pytest.mark.parametrize("lang", LANGS)
def test_on_the_seed_the_prose_states_the_checked_figures(lang):
    """Each figure a sentence states on the seed is one the page's nbval-checked cell prints (stored, and
    compared with what the data gives on every `make test`)."""
    d = gz.load()
    said = _sentences(d, lang)
    figures = {
        ("overview", "00_overview"): [23255.42],
        ("composition", "01_composition"): [13070.04],
        ("changes", "02_changes"): [23255.42, 8471.56],
        ("carryover", "03_carryover"): [9207.96],
        ("targets", "04_targets"): [8, 120, 105],
    }
    for (page, notebook), values in figures.items():
        checked = _checked_output(notebook)
        for value in values:
            shown = f"{value:,.2f}" if isinstance(value, float) else str(value)
            assert shown in said[page], (page, shown, said[page])
            assert re.search(rf"(?<![\d.]){re.escape(str(value))}(?![\d])", checked), (
                notebook,
                value,
                checked,
            )
    assert d.meta["unit"] in said["summary"] and str(d.meta["year"]) in said["summary"]


def test_the_report_set_of_another_document():
    """Six pages in each edition, in reading order; none is a page of the case study."""
    english = [p.stem for p in notebook_paths(any_document=True)]
    assert english == [p.stem for p in notebook_paths(lang="zh", any_document=True)]
    assert english == [f"0{i}_{n}" for i, n in enumerate(PAGES[:6])]
    assert not set(english) & {p.stem for p in notebook_paths()}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """The three documents ingested with `gzanalysis ingest` (skipped without ../shared/corpus)."""
    pdfs = [CORPUS / f"{name}.pdf" for name in DOCUMENTS]
    if not all(p.is_file() for p in pdfs):
        pytest.skip("../shared/corpus is not beside this checkout")
    folder = tmp_path_factory.mktemp("packages")
    for pdf in pdfs:
        cmd = [sys.executable, "-m", "gzanalysis.cli", "ingest", str(pdf), "--out", str(folder / pdf.stem)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    return folder


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_prose_of_a_pdf_package_is_its_own(packages, name):
    d = gz.load(packages / name)
    unit, year = d.meta["unit"], str(d.meta["year"])
    headline = gz.headline_changes(d)
    for lang in LANGS:
        said = _sentences(d, lang)
        for page, text in said.items():
            assert not [w for w in SEED if w in text], (page, text)
        assert unit in " ".join(gz.prose.about(d, lang)) and year in " ".join(gz.prose.about(d, lang))
        # the headline statements as printed: amount and change
        for r in headline.itertuples():
            assert f"{r.amount:,.2f}" in said["changes"] and f"{abs(r.change):,.2f}" in said["changes"]
        if d.projects.empty:
            assert said["targets"] == (
                "This document prints no performance target tables (项目支出绩效目标表)."
                if lang == "en"
                else "这份公开没有项目支出绩效目标表。"
            )
    stated = gz.stated_carryover(d)
    if stated is not None:  # printed blank in the tables, stated in words: 0 is 0, not unknown
        assert gz.prose.carryover_total(d) == stated["amount"]
        assert f"line {stated['source_line']}" in " ".join(gz.prose.carryover(d, "en"))


def test_a_carryover_stated_only_in_words_is_that_figure(packages):
    d = gz.load(packages / "suzhou-transport-2026")
    assert gz.stated_carryover(d)["amount"] == 0.0
    assert gz.prose.carryover_total(d) == 0.0
    assert "so it is 0.00 万元" in " ".join(gz.prose.carryover(d, "en"))


def _visible(html: str) -> str:
    """A page's text without its scripts, styles and tags (what a reader can see, roughly)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.slow
@pytest.mark.parametrize("name", DOCUMENTS)
def test_report_of_another_document_from_a_relative_path(packages, name, tmp_path):
    """`GZANALYSIS_DISCLOSURE=<relative path> gzanalysis report --out DIR`, from the folder above the
    package: every page of both editions builds; none holds the seed's words or figures; each names the
    document's unit and year."""
    from gzanalysis.publish.report import JS_DIR

    if not (JS_DIR / "html-manager").exists():
        pytest.skip(f"the widget manager's JavaScript is not in {JS_DIR} (make report installs it)")
    d = gz.load(packages / name)
    env = {**os.environ, "GZANALYSIS_DISCLOSURE": name}
    cmd = [sys.executable, "-m", "gzanalysis.cli", "report", "--out", str(tmp_path / "site")]
    cmd += ["--cache", str(tmp_path / "cache")]
    run = subprocess.run(cmd, cwd=packages, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    site = tmp_path / "site"
    pages = sorted(site.glob("*.html"))
    expected = {f"0{i}_{n}" for i, n in enumerate(PAGES[:6])}
    stems = {p.name.removesuffix(".html").removesuffix(".zh") for p in pages}
    assert stems == expected | {"index", "glossary"}, stems
    assert len(pages) == 2 * len(stems)  # both editions
    for page in pages:
        html = page.read_text(encoding="utf-8")
        main = BeautifulSoup(html, "html.parser").find("main")
        printed = [
            p
            for p in (main.select(".jp-OutputArea-output pre") if main else [])
            if not p.find_parent("details")
        ]
        assert not printed, (page.name, printed[:2])  # prose, tables and charts; no printed text
        text = _visible(html)
        assert "Traceback" not in text and "Error" not in text, page.name
        assert not [w for w in SEED if w in text], page.name
        assert not re.search(r"\bnan\b", text), page.name  # a figure the document lacks is said, not "nan"
        assert d.meta["unit"] in text and str(d.meta["year"]) in text, page.name
    index = (site / "index.html").read_text(encoding="utf-8")
    for stem in expected:  # the index lists the document's own pages
        assert f'href="{stem}.html"' in index, stem


@pytest.mark.slow
@pytest.mark.parametrize(
    "code",
    [
        'gz.require(gz.load(), "projects")',  # a PDF package without performance tables
        'gz.notebook.skip_rest("Nothing to compare here.")',
    ],
)
def test_a_stopped_page_says_so_in_a_paragraph(packages, code, tmp_path, monkeypatch):
    """A notebook that stops (``gz.require`` on a document that lacks the subject, ``gz.notebook.skip_rest``)
    ends its page with a sentence as a paragraph, not printed text (<pre>) and not a traceback."""
    from gzanalysis.publish.execute import execute
    from gzanalysis.publish.report import render_page

    # 苏州交通 prints no performance table (深圳审计 prints its key projects' goals: read since)
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", str(packages / "suzhou-transport-2026"))
    path = tmp_path / "stop.ipynb"
    cells = [
        nbformat.v4.new_code_cell(f"import gzanalysis as gz\n{code}"),
        nbformat.v4.new_code_cell("1 + 1"),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    nb, error = execute(path, seed_checks=False)
    assert error is None
    html = render_page(nb, "stop", "test")
    body = html[html.index("<body") :]
    assert re.search(r"<p[\s>][^<]*(performance tables|Nothing to compare here)", body), body[-3000:]
    # no output block of printed text (an input's highlighted code is a <pre> too, outside the outputs)
    assert not re.search(r'class="[^"]*jp-OutputArea-output[^"]*"[^>]*>\s*<pre', body), body[-3000:]
    assert "Traceback" not in body
