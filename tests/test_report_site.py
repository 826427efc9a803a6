"""The report's rendering without a browser: cell tags, folded code, navigation, index, downloads."""

import zipfile
from pathlib import Path

import nbformat
import pytest

import gzanalysis as gz
from gzanalysis.publish import site
from gzanalysis.publish.report import render_page


def _nb():
    cell = nbformat.v4.new_code_cell
    out = nbformat.v4.new_output

    def tagged(source, *tags, text="out"):
        c = cell(source, outputs=[out("stream", name="stdout", text=text)])
        c.metadata["tags"] = list(tags)
        return c

    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Title\n\n## Overview\nWhat it answers.\n\n### A detail"),
            tagged("plain_code = 1", text="plain output"),
            tagged("check_code = 2", "nbval-check-output", "remove-cell", text="check output"),
            tagged("no_input_code = 3", "remove-input", text="kept output"),
            tagged("folded_code = 4", "hide-input", text="shown output"),
            tagged("hidden_output_code = 5", "hide-output", text="folded output"),
            tagged("no_output_code = 6", "remove-output", text="dropped output"),
        ]
    )


def test_cell_tags_are_honoured_and_code_is_folded():
    page = render_page(_nb(), "demo", "source")
    assert "check_code" not in page and "check output" not in page  # remove-cell
    assert "no_input_code" not in page and "kept output" in page  # remove-input
    assert "no_output_code" in page and "dropped output" not in page  # remove-output
    for code in ("plain_code", "folded_code", "hidden_output_code"):
        before = page[: page.index(code)]
        assert before.rindex("<details") > before.rfind("</details>"), f"{code} is not folded"
    assert page.count('<details class="gz-code') == 4
    assert 'class="gz-code gz-hide-input"' in page
    before = page[: page.index("folded output")]
    assert before.rindex('<details class="gz-hide-output">') > before.rfind("</details>")
    assert "plain output" in page and "shown output" in page
    assert 'href="notebooks/demo.ipynb"' in page


def test_navigation_is_filled_in():
    entries = [site.Entry("a", "First"), site.Entry("demo", "Second <b>"), site.Entry("c", "Third")]
    page = site.finish_page(render_page(_nb(), "demo", "source"), entries, 1)
    for mark in (site.SIDEBAR, site.TOC, site.PAGER):
        assert mark not in page
    assert 'href="demo.html" aria-current="page">Second &lt;b&gt;</a>' in page
    assert 'rel="prev" href="a.html"' in page and 'rel="next" href="c.html"' in page
    toc = site.toc(page)
    assert 'href="#Overview"' in toc and 'class="gz-toc-h3"><a href="#A-detail"' in toc
    last = site.pager(entries, 2)
    assert 'rel="next"' not in last and 'rel="prev" href="demo.html"' in last


def test_key_figures_come_from_the_data(d):
    figures = {f["en"]: f["value"] for f in site.key_figures(d)}
    income = d.table("income_by_function")
    total = income[income["code"].isna()].iloc[0]
    assert figures["Total budget"] == f"{total['total']:,.2f}" == "23,255.42"
    assert figures["Carried over"] == f"{total['carryover']:,.2f}"
    kinds = gz.composition(d, by="kind", level=None).set_index("kind")["amount"]
    assert figures["Basic spending"] == f"{kinds['basic']:,.2f}"
    assert figures["Project spending"] == f"{kinds['project']:,.2f}"
    assert figures["Material audit findings"] == str((gz.audit(d)["status"] == "material").sum())


@pytest.mark.slow
def test_downloads_hold_the_data_package(d, tmp_path):
    links = site.write_downloads(tmp_path, d)
    archive, workbook = (tmp_path / link["href"] for link in links)
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "unzipped")
        names = {n.split("/")[-1] for n in z.namelist()}
    assert {"datapackage.json", "expenditure_by_function.csv", "errata.csv"} <= names
    again = gz.load(tmp_path / "unzipped" / d.id)
    assert again.table("部门支出总表").equals(d.table("部门支出总表"))
    assert (
        gz.read_excel(workbook).table("部门支出总表")["total"].tolist()
        == d.table("部门支出总表")["total"].tolist()
    )


def test_thumbnail_of_the_first_chart(d, tmp_path):
    from gzanalysis.views.notebook import render

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "chart",
                outputs=[
                    nbformat.v4.new_output("display_data", data=render(gz.charts.carryover(d).to_dict()))
                ],
            )
        ]
    )
    spec = site.first_chart(nb)
    assert spec["width"] == "container"
    path = site.write_thumbnail(tmp_path, "p", spec)
    assert (tmp_path / path).read_bytes()[:4] == b"\x89PNG"
    assert site.write_thumbnail(tmp_path, "q", None) is None


def test_a_chinese_page_speaks_chinese_and_links_to_its_english_twin():
    page = render_page(_nb(), "demo", "source", "zh", "notebooks/zh/demo.ipynb")
    assert '<html lang="zh">' in page
    assert "显示代码" in page and "Show code" not in page
    assert 'href="notebooks/zh/demo.ipynb"' in page
    entries = [site.Entry("a", "甲", lang="zh"), site.Entry("demo", "乙", lang="zh")]
    page = site.finish_page(page, entries, 1)
    assert 'class="gz-lang" href="demo.html" hreflang="en"' in page
    assert 'href="index.zh.html">首页</a>' in page and 'href="glossary.zh.html">名词解释</a>' in page
    assert 'rel="prev" href="a.zh.html"' in page and "本页内容" in page
    english = site.finish_page(render_page(_nb(), "demo", "source"), [site.Entry("demo", "Demo")], 0)
    assert '<html lang="en">' in english and 'class="gz-lang" href="demo.zh.html" hreflang="zh"' in english
    assert 'href="glossary.html">Glossary</a>' in english


def test_the_index_in_both_languages(d):
    entries = {lang: [site.Entry("00_start_here", "T", "O", lang=lang)] for lang in ("en", "zh")}
    downloads = [{"href": "downloads/x.zip", "text": {"en": "CSV", "zh": "数据包"}, "bytes": 1000}]
    en = site.render_index(entries["en"], d, downloads, "2026-01-01", "en")
    zh = site.render_index(entries["zh"], d, downloads, "2026-01-01", "zh")
    assert '<html lang="en">' in en and '<html lang="zh">' in zh
    assert "navigator.language" in en and "navigator.language" not in zh  # only index.html chooses
    assert 'href="00_start_here.html"' in en and 'href="00_start_here.zh.html"' in zh
    assert 'class="gz-lang" href="index.zh.html"' in en and 'class="gz-lang" href="index.html"' in zh
    assert "主要数据" in zh and "预算总额" in zh and "Key figures" in en and "Total budget" in en
    assert 'href="glossary.zh.html"' in zh and 'href="glossary.html"' in en


def test_a_report_of_another_disclosure_resolves_its_path_and_keeps_the_default_site(tmp_path, monkeypatch):
    """GZANALYSIS_DISCLOSURE relative to the folder the command started in is made absolute (the kernels run
    in notebooks/); its report goes to reports/<id> unless --out says otherwise; a name that is neither a
    folder nor an id is one sentence."""
    from gzanalysis.publish.report import ReportError, default_out, disclosure_from_env

    (tmp_path / "packages" / "shenzhen-audit-2026").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", "packages/shenzhen-audit-2026")
    resolved = disclosure_from_env()
    assert resolved == str((tmp_path / "packages" / "shenzhen-audit-2026").resolve())
    assert default_out(resolved) == Path("reports") / "shenzhen-audit-2026"
    assert default_out(None) == Path("reports")
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", "ganzhou-xzspj-2023")
    assert default_out(disclosure_from_env()) == Path("reports")
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", "packages/nowhere")
    with pytest.raises(ReportError, match="is neither a package folder"):
        disclosure_from_env()


def _teaching_notebooks(folder: Path) -> list[Path]:
    """Two editions of a tiny curated set: a numbered page and one exercise/solution pair."""
    paths = []
    for sub, lang in (("", "en"), ("zh", "zh")):
        for stem, title in (
            ("00_start_here", "Start"),
            ("teaching_ex_01_demo", "Exercise"),
            ("teaching_sol_01_demo", "Solution"),
        ):
            path = folder / sub / f"{stem}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {title} {lang}")])
            nbformat.write(nb, path)
            paths.append(path)
    return paths


def test_a_class_site_has_no_solution_page_nor_link(tmp_path, monkeypatch):
    """`make report CLASS=1` (`--without-solutions`): the exercises without their solutions; no page, index
    entry, sidebar or prev/next link, notebook or thumbnail of a solution, also where a full build left one."""
    from gzanalysis.publish import report
    from gzanalysis.publish.execute import Outcome

    notebooks = _teaching_notebooks(tmp_path / "notebooks")
    executed = []

    def run(paths, **kwargs):  # no kernel: each notebook as it is
        executed.extend(paths)
        return {p: Outcome(p, nbformat.read(p, as_version=4), 0.0) for p in paths}

    monkeypatch.setattr(report, "run", run)
    monkeypatch.setattr(report, "write_assets", lambda *args, **kwargs: None)
    monkeypatch.setattr(site, "write_downloads", lambda *args, **kwargs: [])
    out = tmp_path / "site"
    report.build(out, notebooks, quiet=True, cache_dir=None)  # the full site first: solutions included
    assert (out / "teaching_sol_01_demo.html").is_file() and (out / "teaching_sol_01_demo.zh.html").is_file()
    assert "teaching_sol_01_demo.html" in (out / "index.html").read_text(encoding="utf-8")

    executed.clear()
    pages = report.build(out, notebooks, quiet=True, cache_dir=None, solutions=False)
    assert not any("teaching_sol" in p.name for p in executed), "a solution is not even executed"
    assert {p.name for p in pages} == {
        "00_start_here.html",
        "teaching_ex_01_demo.html",
        "00_start_here.zh.html",
        "teaching_ex_01_demo.zh.html",
    }
    left = [p.relative_to(out).as_posix() for p in out.rglob("*") if "teaching_sol" in p.name]
    assert left == [], left
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "teaching_sol" not in text, f"{page.name} links to a solution"
    exercise = (out / "teaching_ex_01_demo.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="00_start_here.html"' in exercise and 'rel="next"' not in exercise


def test_the_report_command_and_make_pass_without_solutions(tmp_path):
    import shutil
    import subprocess

    from gzanalysis.cli import build_parser
    from gzanalysis.publish.notebooks import copy_notebooks, notebook_paths

    args = build_parser().parse_args(["report", "--without-solutions"])
    assert args.without_solutions
    assert not build_parser().parse_args(["report"]).without_solutions
    assert build_parser().parse_args(["notebooks", "x", "--without-solutions"]).without_solutions
    for lang in ("en", "zh"):
        every = notebook_paths(lang=lang)
        handed_out = notebook_paths(lang=lang, solutions=False)
        assert any("teaching_sol_" in p.name for p in every)
        assert [p for p in every if "teaching_sol_" not in p.name] == handed_out
    copied = copy_notebooks(tmp_path / "class", solutions=False)
    assert copied and not any("teaching_sol_" in p.name for p in copied)
    assert {p.parent.name for p in copied if p.name.startswith("teaching_ex_")} == {"class", "zh"}
    if shutil.which("make"):
        root = Path(__file__).resolve().parent.parent
        dry = subprocess.run(
            ["make", "-n", "-o", ".venv/.installed", "-o", ".venv/share/gzanalysis/js/.installed", "report",
             "CLASS=1"], cwd=root, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        assert "gzanalysis report" in dry and "--without-solutions" in dry
