"""The PDF ingest on the eight real budgets of ../shared/corpus (skipped without it), and on bad input
built from them in tmp_path."""

from __future__ import annotations

import json
import os
import re
import warnings
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import gzanalysis as gz
from gzanalysis.audit import completeness
from gzanalysis.cli import main
from gzanalysis.ingest.pdf import PdfError, cells_frame, ingest_pdf
from gzanalysis.ingest.pdf.header import clean
from gzanalysis.package.layout import resource


def _corpus() -> Path:
    """GZANALYSIS_CORPUS, else shared/corpus beside the checkout or beside any folder above it (a clone
    with shared/ beside it; a worktree such as /work/wt/pdf finds /work/shared/corpus)."""
    if os.environ.get("GZANALYSIS_CORPUS"):
        return Path(os.environ["GZANALYSIS_CORPUS"])
    for folder in Path(__file__).resolve().parents[1].parents:
        if (folder / "shared" / "corpus").is_dir():
            return folder / "shared" / "corpus"
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


CORPUS = _corpus()
# The cities whose template family gzanalysis ships (templates/*.toml); the others are read as national.
KNOWN_FAMILIES = {"changsha", "shenzhen", "suzhou", "wuxi"}
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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a carry-over of 0 without functions says so
        try:
            gz.carryover(d, lang="en")
        except gz.NotInDisclosure as exc:  # an income table without functions: one sentence
            assert "without functions" in str(exc)
    gz.audit(d)
    try:
        gz.changes(d), gz.changes(d, lang="en"), gz.headline_changes(d)
    except gz.NotInDisclosure:  # a document whose narrative states no change (西安应急 prints only tables)
        assert d.table("narrative_changes").empty


def _printed_amounts(folder: Path, line: int) -> set[Decimal]:
    """The amounts (in 万元, as pdf_cells converts them from the printed unit) printed on a line."""
    cells = cells_frame(folder)
    on_line = cells[(cells["source_line"] == str(line)) & cells["amount"].notna()]
    return {Decimal(a) for a in on_line["amount"]}


def _is_printed(folder: Path, value, line) -> bool:
    return Decimal(str(value)).quantize(Decimal("0.000001")) in {
        a.quantize(Decimal("0.000001")) for a in _printed_amounts(folder, int(line))
    }


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_totals_equal_the_printed_ones(packages, name):
    """The 收支总表's grand totals (收入总计 / 支出总计, or 合计 / 收入合计 as a city labels them) are read,
    equal, and printed on the line the package cites (in 万元)."""
    _, folder = packages[name]
    s = _load(folder).budget_summary
    totals = s[s["role"] == "total"].set_index("side")
    for side in ("income", "expenditure"):
        row = totals.loc[side]
        assert _is_printed(folder, row["amount"], row["source_line"]), (side, row["amount"])
    assert totals.loc["income", "amount"] == totals.loc["expenditure", "amount"]


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_every_class_equals_the_printed_one(packages, name):
    """Every 类 of the expenditure table (支出总表, or the 收支总表's functions where the 支出总表 is by
    unit) is printed on its line, and the 类 add up to the 合计 within rounding."""
    _, folder = packages[name]
    e = _load(folder).expenditure_by_function
    classes = e[e["level"] == "类"]
    assert len(classes) > 0
    for r in classes.itertuples():
        assert _is_printed(folder, r.total, r.source_line), (r.code, r.total)
    total = e[e["code"].isna()]["total"].iloc[0]
    assert abs(classes["total"].sum() - total) <= 0.005 * (len(classes) + 1) + 1e-9


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_functions_equal_the_summary_table(packages, name):
    d = _load(packages[name][1])
    e = d.expenditure_by_function.set_index("code")
    lines = d.budget_summary[(d.budget_summary["side"] == "expenditure") & d.budget_summary["code"].notna()]
    lines = lines[lines["amount"].notna() & (lines["amount"] != 0)]  # 广州 prints every 类, 0.00 where none
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
        if not isinstance(c.field, str):
            continue  # a column the standard tables do not hold (a project's description …)
        # the cell's text is printed on the row's line or, for a name wrapped onto several lines, on the
        # lines around it (of the same page)
        near = [
            clean(text[n - 1].replace("\t", ""))
            for n in range(int(c.source_line) - 3, int(c.source_line) + 4)
            if 0 < n <= len(text) and page_of[n] == int(c.page)
        ]
        # a long text (a project's description) wraps over many lines: its start is on the row's lines
        printed = clean(c.printed)[:24]
        assert _printed_in(printed, near, pieces=5), (c.source_line, c.printed)
    d = _load(folder)
    e = d.expenditure_by_function
    for r in e.itertuples():
        assert pd_isna(r.total) or _is_printed(folder, r.total, r.source_line), (r.code, r.total)


def _printed_in(text: str, lines: list[str], pieces: int = 3) -> bool:
    """``text`` is printed on one of ``lines``, or wrapped: cut into at most ``pieces`` parts, each on a line."""
    if any(text in line for line in lines):
        return True
    return pieces > 1 and any(
        any(text[:k] in line for line in lines) and _printed_in(text[k:], lines, pieces - 1)
        for k in range(len(text) - 1, 0, -1)
    )


def pd_isna(v) -> bool:
    return v != v


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("fraction", [0.001, 0.3, 0.95])
def test_truncated_pdf(tmp_path, fraction):
    data = PDFS[0].read_bytes()
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(PdfError, match=r"^a truncated PDF: its [\d,]+ bytes end without %%EOF"):
        ingest_pdf(bad)


def _encrypted_pdf() -> bytes:
    """A one-page PDF under the standard security handler whose user password is not empty (its /U entry
    does not match the empty password), written by hand: no PDF tool here can encrypt."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        b"ab" * 16,
        b"ab" * 16,
    )
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % xref)


def test_encrypted_pdf(tmp_path, capsys):
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted_pdf())
    with pytest.raises(PdfError, match=r"^the PDF is encrypted \(password protected\): decrypt it first$"):
        ingest_pdf(locked)
    assert main(["ingest", str(locked), "--out", str(tmp_path / "pkg")]) == 2
    assert capsys.readouterr().err == (
        f"gzanalysis ingest: {locked}: the PDF is encrypted (password protected): decrypt it first\n"
    )
    assert not (tmp_path / "pkg").exists()


def test_not_a_pdf(tmp_path):
    bad = tmp_path / "news.pdf"
    bad.write_bytes(b"<html>news</html>")
    with pytest.raises(PdfError, match=r"^an HTML page, not a PDF: a web page saved as .pdf$"):
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
    assert main(["ingest", str(PDFS[0]), "--out", str(out)]) == 0
    assert main(["ingest", str(PDFS[0]), "--out", str(out)]) == 0  # ours: replaced
    assert _load(out).id == "pkg"


# ---------------------------------------------------------------- mapping, structure, errata, units


# Documents whose audit has material findings that are not mapping errors, and why (strict: a fix that
# removes them must remove the mark).
MATERIAL = {
    "xian-emergency": "西安应急 prints an income column 上年实户资金余额 that the standard layout has no field "
    "for (the income table's 合计 is then more than its mapped parts), carries 52.54 forward (income 合计 ≠ "
    "this year's spending), and its 目录 lists tables the reader does not recognise (政府性基金收支表, 项目支出"
    "绩效目标表 …)",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(p.stem, marks=pytest.mark.xfail(strict=True, reason=MATERIAL[p.stem]))
        if p.stem in MATERIAL
        else p.stem
        for p in PDFS
    ],
)
def test_no_material_finding(packages, name):
    """Every material finding would be a mapping error: none of the eight documents is inconsistent beyond
    rounding (each prints "金额单位转换时可能存在尾数误差" or balances exactly)."""
    findings = gz.audit(_load(packages[name][1]))
    # project spending without a performance table (a document that prints tables for some of its projects,
    # as the seed does) is a fact of the document, not of the reading: tests/test_pdf_performance.py checks it
    material = findings[
        (findings["status"] == "material") & ~findings["rule"].str.startswith("projects.coverage.")
    ]
    assert material.empty, material[["rule", "lhs", "rhs"]].to_dict("records")
    assert (findings["status"] == "ok").sum() > 50


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_template_and_contents_are_recorded(packages, name):
    """The package says what its template family requires, what the ingest did not read, and what the
    document's contents (目录) list; every table the 目录 lists is found in the document."""
    result, folder = packages[name]
    d = _load(folder)
    record = d.meta["template"]
    assert record["name"] == result.reading.template
    assert {"budget_summary", "expenditure_by_function"} <= set(record["tables"])
    # the narrative is read, where the document prints one (西安应急 prints only tables)
    assert ("narrative" in record["not_read"]) == (name not in NARRATIVES)
    findings = gz.audit(d).set_index("rule")
    sections = findings[findings.index.str.startswith("completeness.section.")]
    # a section is found by its heading (ok) or not_checked with the reason: never a finding of the reader
    assert sections["status"].isin(["ok", "not_checked"]).all()
    if name.split("-")[0] not in KNOWN_FAMILIES:
        # a city whose family gzanalysis does not ship: read as the family its titles match, or as
        # national (its sections not known, its tables those its contents list, or those found)
        if record["name"] == "national":
            assert record["sections"] == []
        if "contents" in d.meta:
            assert set(d.meta["contents"]["found"]) <= set(d.meta["contents"]["tables"])
        return
    assert record["sections"] and len(sections) == len(record["sections"])
    contents = d.meta["contents"]
    text = (folder / "source.txt").read_text(encoding="utf-8").split("\n")
    assert re.sub(r"\s", "", text[contents["source_line"] - 1]) == "目录"
    assert len(contents["tables"]) >= 9 and contents["found"] == contents["tables"]
    assert findings.loc["completeness.contents_tables", "status"] == "ok"


def test_an_unread_part_is_not_checked_and_a_missing_table_is_material(packages):
    import dataclasses

    changsha = next(n for n in packages if n.startswith("changsha"))
    d = _load(packages[changsha][1])
    # 长沙 prints 项目支出绩效目标表 (pages 22–29), read into projects (tests/test_pdf_performance.py)
    assert "projects" not in d.meta["template"]["not_read"]
    found = gz.audit(d).set_index("rule")
    assert found.loc["completeness.table.projects", "status"] == "ok"
    # its 政府性基金预算支出表 is printed empty, with a note naming its fund
    assert "政府性基金" in d.meta["notes"]["government_fund_expenditure"]
    assert found.loc["completeness.table.government_fund_expenditure", "status"] == "ok"
    assert found.loc["empty_tables.government_fund.note", "status"] == "ok"
    # 重庆气象 prints its 市级一般性项目绩效目标表 (page 22) without indicator levels: read, so checked
    d = _load(packages["chongqing-meteorology-2026"][1])
    assert "projects" not in d.meta["template"]["not_read"]
    assert gz.audit(d).set_index("rule").loc["completeness.table.projects", "status"] == "ok"
    # the same package without its projects: where the ingest says it could not read them, not checked;
    # where it read the document and found none, a finding
    tables = dict(d.tables)
    tables[resource("projects").title] = d.projects.iloc[0:0]
    tables[resource("indicators").title] = d.indicators.iloc[0:0]
    unread = {**d.meta["template"], "not_read": {"projects": "a table not read (for this test)"}}
    for template, status in ((unread, "not_checked"), (d.meta["template"], "material")):
        bare = dataclasses.replace(d, tables=tables, meta={**d.meta, "template": template})
        rows = [c.as_row() for c in completeness.completeness(bare)]
        assert pd.DataFrame(rows).set_index("rule").loc["completeness.table.projects", "status"] == status
    # a standard table the template requires, missing from a PDF package: material
    shenzhen = next(n for n in packages if n.startswith("shenzhen"))
    d = _load(packages[shenzhen][1])
    tables = dict(d.tables)
    tables[resource("three_public_expenses").title] = d.three_public_expenses.iloc[0:0]
    # (the completeness rules alone: the 三公 cross-table rules assume the table has rows)
    rows = [c.as_row() for c in completeness.completeness(dataclasses.replace(d, tables=tables))]
    found = pd.DataFrame(rows).set_index("rule")
    assert found.loc["completeness.table.three_public_expenses", "status"] == "material"


def test_rules_needing_a_shape_the_document_lacks_are_not_checked(packages):
    """深圳 and 江苏 print the 收入总表 by unit and a single-column 财政拨款收支总表: the codes of the income
    table and the fund columns are not compared (not_checked, with the reason), not reported missing."""
    for name in packages:
        if not name.startswith(("shenzhen", "suzhou", "wuxi")):
            continue
        d = _load(packages[name][1])
        assert d.meta["structure"]["income_by_function"]["rows_by"] == "unit"
        found = gz.audit(d).set_index("rule")
        rule = "codes.income_vs_expenditure.expenditure_by_function_not_in_income_by_function"
        assert found.loc[rule, "status"] == "not_checked" and "by unit" in found.loc[rule, "note"]
        assert found.loc["fund_totals.government_fund.合计", "status"] == "not_checked"
        # the rules whose tables have the shape still run
        assert (
            found.loc[
                "codes.budget_summary_vs_expenditure.budget_summary_not_in_expenditure_by_function", "status"
            ]
            == "ok"
        )


def test_structure_declared_and_extras(packages):
    name = next(n for n in packages if n.startswith("shenzhen"))
    d = _load(packages[name][1])
    structure = d.meta["structure"]
    # 一般公共预算支出表(按经济分类) prints 支出总计/基本支出/项目支出, no 人员经费/公用经费 columns
    assert structure["general_budget_basic_expenditure"]["not_printed"] == ["personnel", "public_operations"]
    assert d.general_budget_basic_expenditure["personnel"].isna().all()
    # the extra files are declared, and loading them raises no warning
    descriptor = json.loads((packages[name][1] / "datapackage.json").read_text(encoding="utf-8"))
    extras = {r["name"]: r for r in descriptor["resources"] if r.get("gzanalysis", {}).get("extra")}
    assert {r["path"] for r in extras.values()} == {"pdf_cells.csv", "source.txt"}
    assert extras["pdf_cells"]["schema"]["fields"][0] == {"name": "table", "type": "string"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gz.load(packages[name][1])
    changsha = next(n for n in packages if n.startswith("changsha"))
    assert _load(packages[changsha][1]).meta["structure"]["budget_summary"]["expenditure_by"] == "kind"


def test_pdf_errata(tmp_path):
    pdf = next(p for p in PDFS if p.stem.startswith("shenzhen"))
    plain = ingest_pdf(pdf)
    row = next(
        r for r in plain.reading.tables["expenditure_by_function"] if r["code"] and len(r["code"]) == 7
    )
    cell = row["_row"]
    printed = next(
        cell.text(i)
        for i, c in enumerate(
            next(
                t for t in plain.reading.read if t.spec and t.spec.resource == "expenditure_by_function"
            ).columns
        )
        if c.field == "total"
    )
    errata = tmp_path / "errata.csv"
    errata.write_text(
        "row,table,page,record,field,printed,corrected,kind,proof\n"
        f'1,expenditure_by_function,{cell.page},{row["code"]},total,"{printed}",12.34,misread-number,a test\n'
        f'2,expenditure_by_function,{cell.page},,total,"98,765.43",1,misread-number,printed nowhere\n',
        encoding="utf-8",
    )
    out = tmp_path / "pkg"
    assert main(["ingest", str(pdf), "--errata", str(errata), "--out", str(out)]) == 0
    d = _load(out)
    e = d.expenditure_by_function.set_index("code")
    assert e.loc[row["code"], "total"] == 12.34
    assert d.errata[["table", "source_line", "record", "field", "corrected", "proof"]].to_dict("records") == [
        {
            "table": "expenditure_by_function",
            "source_line": int(row["source_line"]),
            "record": row["code"],
            "field": "total",
            "corrected": "12.34",
            "proof": f"page {cell.page}: a test",
        }
    ]
    report = (out / "ingest_report.txt").read_text(encoding="utf-8")
    assert (
        f"erratum 2 (expenditure_by_function, page {cell.page}, total): no cell printed '98,765.43' there; "
        "not applied" in report
    )
    assert main(["ingest", str(pdf), "--errata", str(errata), "--out", str(out), "--strict"]) == 1


def test_amounts_in_yuan_are_stored_in_wanyuan(tmp_path, monkeypatch):
    """A document published in 元 (the unit line read as 单位：元): every amount is the printed one divided
    by 10 000 exactly, and the published unit is recorded."""
    from decimal import Decimal

    from gzanalysis.ingest.pdf import tables

    pdf = PDFS[0]
    wan = ingest_pdf(pdf).write(tmp_path / "wan")
    real = tables._unit_line

    def in_yuan(lines):
        found = real(lines)
        return None if found is None else (found[0], "元")

    monkeypatch.setattr(tables, "_unit_line", in_yuan)
    yuan = ingest_pdf(pdf).write(tmp_path / "yuan")
    d_wan, d_yuan = _load(wan), _load(yuan)
    assert d_yuan.meta["published_unit"] == "元" and d_wan.meta["published_unit"] == "万元"
    a = (wan / "expenditure_by_function.csv").read_text(encoding="utf-8").splitlines()
    b = (yuan / "expenditure_by_function.csv").read_text(encoding="utf-8").splitlines()
    assert len(a) == len(b) > 3
    compared = 0
    for x, y in zip(a[1:], b[1:], strict=True):
        for u, v in zip(x.split(","), y.split(","), strict=True):
            if "." in u:  # an amount
                assert Decimal(v) == Decimal(u) / 10000, (u, v)
                compared += 1
    assert compared > 10
    # the loaded package and its CSV round trip keep every digit
    e = d_yuan.expenditure_by_function
    assert (
        Decimal(str(e["total"].iloc[0]))
        == Decimal(str(d_wan.expenditure_by_function["total"].iloc[0])) / 10000
    )
    again = d_yuan.to_csv(tmp_path / "again")
    assert (again / "expenditure_by_function.csv").read_text(encoding="utf-8") == "\n".join(b) + "\n"


def test_amount_conversion():
    from gzanalysis.ingest.pdf.standard import amount

    assert amount("1,234.56", "万元") == "1234.56"
    assert amount("0.00", "万元") == "0.00"
    assert amount("1,234.56", "元") == "0.123456"
    assert amount("12,340,000", "元") == "1234"
    assert amount("5", "千元") == "0.5"
    assert amount("", "元") is None
    assert amount("—", "元") is None


def _table(rows: list[list[str]]):
    """A table read from a PDF, built in memory: 预算单位 | 科目编码 | 科目名称 | 合计."""
    from gzanalysis.ingest.pdf.header import Column
    from gzanalysis.ingest.pdf.tables import Row, Table
    from gzanalysis.ingest.pdf.templates import load
    from gzanalysis.ingest.pdf.textlayer import Word

    columns = [
        Column((h,), 100.0 * i, 100.0 * i + 90)
        for i, h in enumerate(["预算单位", "科目编码", "科目名称", "合计"])
    ]
    table = Table(load("national").tables["expenditure_by_function"], "支出总表", [1], "万元", columns)
    for n, cells in enumerate(rows, 1):
        words = {
            i: [Word(t, 100.0 * i, 100.0 * i + 50, 10.0 * n, 10.0 * n + 8)] for i, t in enumerate(cells) if t
        }
        table.rows.append(Row(words, 1, n, n))
    return table


@pytest.mark.parametrize(
    ("first", "kept", "finding"),
    [
        (
            "合计",
            ["合计", "201"],
            "1 预算单位 blocks after the department's 合计 (某某中心): the standard table holds the department's "
            "block; the units' rows are in pdf_cells only",
        ),
        (
            "某某局",
            ["某某局", "201"],
            "1 预算单位 blocks after the department's 某某局 (某某中心): the standard table holds the department's "
            "block; the units' rows are in pdf_cells only",
        ),
        (
            "某某局本级",
            [],
            "2 预算单位 blocks (某某局本级, 某某中心) and no 合计 block for the department: the department's figures "
            "are not printed as a whole; the standard table is left empty (rows in pdf_cells)",
        ),
    ],
)
def test_several_budget_units(first, kept, finding):
    from gzanalysis.ingest.pdf import standard
    from gzanalysis.package.layout import layout

    unit = "" if first == "合计" else first
    table = _table(
        [
            [unit, "", "合计" if not unit else "", "10.00"],
            ["", "201", "一般公共服务支出", "10.00"],
            ["某某中心", "", "", "4.00"],
            ["", "201", "一般公共服务支出", "4.00"],
        ]
    )
    findings = standard.Findings()
    rows = standard.classified(
        table, layout()["expenditure_by_function"], standard.CodeBook({}), findings, department="某某局"
    )
    assert [r["code"] or r["name"] for r in rows] == kept
    assert findings.notes == [f"expenditure_by_function (pages 1–1): {finding}"]


# ---------------------------------------------------------------- the report on a PDF package


@pytest.mark.slow
def test_report_builds_on_a_pdf_package(tmp_path, monkeypatch):
    """`GZANALYSIS_DISCLOSURE=<package> make report` on an ingested PDF: the pages of another document
    (notebooks/any, prose computed by gz.prose) render in both editions; what the document lacks (上海人社's
    performance tables) is said in one sentence, as a paragraph."""
    from gzanalysis.publish.notebooks import notebook_paths
    from gzanalysis.publish.report import JS_DIR, build

    if not (JS_DIR / "html-manager").exists():
        pytest.skip(f"the widget manager's JavaScript is not in {JS_DIR} (make report installs it)")
    pdf = next(p for p in PDFS if p.stem == "shanghai-hrss-2026")  # a paragraph on its targets, no table
    package = ingest_pdf(pdf).write(tmp_path / pdf.stem)
    monkeypatch.setenv("GZANALYSIS_DISCLOSURE", str(package))
    title = _load(package).meta["title"]
    pages = build(tmp_path / "site", quiet=True, workers=2)
    expected = [p.stem for p in notebook_paths(any_document=True)]
    expected += [f"{p.stem}.zh" for p in notebook_paths(lang="zh", any_document=True)]
    assert [p.stem for p in pages] == expected  # both editions
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in index  # the index is titled with the package's own disclosure
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Traceback" not in text and "Error</span>" not in text, page.name
    targets = (tmp_path / "site" / "04_targets.html").read_text(encoding="utf-8")
    assert '<p class="gz-sentence" lang="en">This document prints no performance target tables' in targets
    # the PDF's functions, not the seed's: by their Chinese names in the Chinese edition, English in the English
    composition = (tmp_path / "site" / "01_composition.zh.html").read_text(encoding="utf-8")
    assert "社会保障和就业支出" in composition
    composition = (tmp_path / "site" / "01_composition.html").read_text(encoding="utf-8")
    assert "Social security and employment" in composition


# The narrative of each shared document (西安应急 prints only tables): its headline statements of income and
# expenditure as printed (amount, signed change, what it compares with; checked against the PDFs' text),
# how many change statements the ingest reads and how many it keeps unparsed, and which narrative audit
# rules ran (the others are not_checked, with the reason). Where the narrative states no total, its 财政拨款
# statements head it (上海's and 西安's units compare only their 财政拨款).
AMOUNT, TOTALS, FISCAL, THREE, PARTS, RATES, AGREE = (
    "amount",
    "amount.收入预算",
    "amount.财政拨款支出",
    "amount.三公经费",
    "parts",
    "growth_rate",
    "prior_year",
)
NARRATIVES = {
    # name: (read, unparsed, income, expenditure, rules that ran, rules not_checked)
    "changsha-petitions-2026": (
        4,
        0,
        (1935.36, 54.13, "上年"),
        (1935.36, 54.13, "上年"),
        {TOTALS, RATES, AGREE},
        {THREE, FISCAL},
    ),
    "chongqing-government-office-2026": (
        11,
        1,
        (19230.18, 2784.38, "上年"),
        (19230.18, 2784.38, "上年"),
        {TOTALS, FISCAL, THREE, PARTS, AGREE},
        set(),
    ),
    "chongqing-meteorology-2026": (
        12,
        0,
        (14770.62, 2515.39, "上年"),
        (14770.62, 2515.39, "上年"),
        {TOTALS, FISCAL, THREE, PARTS, AGREE},
        set(),
    ),
    "fuzhou-ecology-environment-2026": (
        8,
        0,
        (1369.27, 9.11, "上年"),
        (1369.27, 9.11, "上年"),
        {TOTALS, RATES, AGREE},
        {THREE, FISCAL},
    ),
    "guangzhou-petitions-2026": (
        9,
        0,
        (3944.08, 286.07, "上年"),
        (3944.08, 286.07, "上年"),
        {TOTALS, THREE, PARTS, RATES, AGREE},
        {FISCAL},
    ),
    "guangzhou-transport-2026": (
        9,
        0,
        (632065.7, -70257.1, "上年"),
        (632065.7, -70257.1, "上年"),
        {TOTALS, THREE, PARTS, RATES, AGREE},
        {FISCAL},
    ),
    "hangzhou-meteorology-2026": (
        16,
        2,
        (5876.67, 48.92, "上年执行"),
        (5876.67, 48.92, "上年执行"),
        {TOTALS, FISCAL, THREE, RATES, AGREE},
        {PARTS},
    ),
    "shanghai-hrss-2026": (
        7,
        0,
        (12026, -375, "上年预算"),
        (12026, -375, "上年预算"),
        {FISCAL, THREE, AGREE},  # the 三公 table's 合计 is read (81.60 / 67.59)
        {TOTALS, PARTS},
    ),
    "shanghai-transport-2026": (
        7,
        0,
        (30441, 1500, "上年预算"),
        (30441, 1500, "上年预算"),
        {FISCAL, THREE, AGREE},  # the 三公 table's 合计 is read (81.60 / 67.59)
        {TOTALS, PARTS},
    ),
    "shenzhen-audit-2026": (
        8,
        1,
        (10737.69, -176.45, "上年预算"),
        (10737.69, -176.45, "上年预算"),
        {TOTALS, THREE, RATES, AGREE, PARTS},  # 1.因公出国（境）费用。… named by its title
        {FISCAL},
    ),
    "shenzhen-civil-affairs-2026": (
        8,
        0,
        (28283.46, 14309.95, "上年预算"),
        (28283.46, 14309.95, "上年预算"),
        {TOTALS, THREE, RATES, AGREE, PARTS},  # 1.因公出国（境）费用。… named by its title
        {FISCAL},
    ),
    "shenzhen-transport-2026": (
        8,
        0,
        (388763.56, 18248.67, "上年预算"),
        (388763.56, 18248.67, "上年预算"),
        {TOTALS, THREE, RATES, AGREE, PARTS},  # 1.因公出国（境）费用。… named by its title
        {FISCAL},
    ),
    "suzhou-audit-2026": (
        36,
        0,
        (4651.67, 47.15, "上年"),
        (4651.67, 47.15, "上年"),
        {TOTALS, FISCAL, THREE, PARTS, RATES, AGREE},
        set(),
    ),
    "suzhou-transport-2026": (
        43,
        0,
        (249977.11, -10247.57, "上年"),
        (249977.11, -10247.57, "上年"),
        {TOTALS, FISCAL, THREE, PARTS, RATES, AGREE},
        set(),
    ),
    "wuxi-statistics-2026": (
        40,
        0,
        (3210.1, 242.3, "上年"),
        (3210.1, 242.3, "上年"),
        {TOTALS, FISCAL, THREE, PARTS, RATES, AGREE},
        set(),
    ),
    "wuxi-transport-2026": (
        50,
        0,
        (984760.87, 108584.28, "上年"),
        (984760.87, 108584.28, "上年"),
        {TOTALS, FISCAL, THREE, PARTS, RATES, AGREE},
        {PARTS},
    ),
    "xian-petitions-2026": (
        29,
        0,
        (2838.42, 145.22, "上年"),
        (2838.42, 145.22, "上年"),
        {FISCAL, THREE, PARTS, RATES},
        {TOTALS},
    ),
}


def _rule_kind(rule: str) -> str:
    """narrative.amount.收入预算.total → the kind of rule (both totals are one kind)."""
    parts = rule.split(".")
    if parts[1] != AMOUNT:
        return parts[1]
    return TOTALS if parts[2] in ("收入预算", "支出预算") else f"{AMOUNT}.{parts[2]}"


def _numbers_near(folder: Path, first: int, last: int) -> set[float]:
    """The numbers printed on lines first..last of source.txt, its words joined (1935.\t36 is 1935.36)."""
    import unicodedata

    text = (folder / "source.txt").read_text(encoding="utf-8").split("\n")[first - 1 : last]
    joined = unicodedata.normalize("NFKC", "".join(t.replace("\t", "") for t in text)).replace(",", "")
    return {float(x) for x in re.findall(r"\d+(?:\.\d+)?", joined)}


@pytest.mark.parametrize("name", sorted(NARRATIVES))
def test_headline_statements_equal_the_printed_ones(packages, name):
    """The headline income and expenditure statements: amount, signed change and what they compare with,
    as printed on the page and line the package cites."""
    _, _, income, spending, _, _ = NARRATIVES[name]
    folder = packages[name][1]
    h = gz.headline_changes(_load(folder)).set_index("side")
    text = (folder / "source.txt").read_text(encoding="utf-8").split("\n")
    for side, (amount, change, compared) in (("income", income), ("expenditure", spending)):
        r = h.loc[side]
        assert (r["amount"], r["change"], r["compared_with"]) == (amount, change, compared), side
        line = int(r["source_line"])
        assert {abs(change), amount} <= _numbers_near(folder, line - 6, line + 3), side
        pages = [int(t[6:-1]) for t in text[:line] if t.startswith("[page ")]
        assert int(r["page"]) == pages[-1]


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_change_statements_read_and_kept_unparsed(packages, name):
    """How many change statements are read and kept unparsed (each with its text and reason); the ingest
    report counts both."""
    result, folder = packages[name]
    d = _load(folder)
    read, kept = NARRATIVES[name][:2] if name in NARRATIVES else (0, 0)
    assert (len(d.table("narrative_changes")), len(d.table("narrative_unparsed"))) == (read, kept)
    unparsed = d.table("narrative_unparsed")
    assert unparsed["text"].str.len().gt(0).all() and unparsed["reason"].str.len().gt(0).all()
    report = (folder / "ingest_report.txt").read_text(encoding="utf-8")
    if name in NARRATIVES:
        assert f"Narrative: {read} change statements read" in report and f"{kept} kept unparsed" in report
        assert "narrative" not in d.meta["template"]["not_read"]
    else:  # 西安应急 prints only tables: the narrative's rules are not_checked, with the reason
        assert "Narrative: none found" in report
        assert "no narrative" in d.meta["template"]["not_read"]["narrative"]


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_narrative_audit_rules_that_ran(packages, name):
    """Which narrative rules ran (stated totals vs 收支总表, 财政拨款 vs 财政拨款收支总表, 三公 vs the 三公 table,
    parts vs their total, stated rates, implied prior years agreeing) and which are not_checked; the implied
    prior year of every statement is ≥ 0."""
    findings = gz.audit(_load(packages[name][1]))
    narrative = findings[findings["family"] == "narrative"]
    ran = {_rule_kind(r) for r in narrative.loc[narrative["status"] != "not_checked", "rule"]}
    not_checked = {_rule_kind(r) for r in narrative.loc[narrative["status"] == "not_checked", "rule"]}
    expected_ran, expected_not = (
        NARRATIVES[name][4:] if name in NARRATIVES else (set(), {TOTALS, FISCAL, THREE})
    )
    assert (ran, not_checked) == (expected_ran, expected_not)
    assert narrative["status"].isin(["ok", "rounding", "not_checked"]).all()
    assert narrative.loc[narrative["status"] == "not_checked", "note"].str.len().gt(0).all()
    prior = findings[findings["family"] == "prior_year"]
    assert (prior["status"] == "ok").all() and (len(prior) > 0) == (name in NARRATIVES)


def test_carryover_stated_in_words_is_used_where_the_table_prints_it_blank(packages):
    """苏州市审计局's 收入总表 prints no 上年结转 figure; its narrative says 上年结转结余为0万元: the package
    records it with its line, and gz.carryover uses 0, not unknown."""
    folder = packages["suzhou-audit-2026"][1]
    d = _load(folder)
    income = d.table("income_by_function")
    assert income.loc[income["code"].isna(), "carryover"].isna().all()
    stated = gz.stated_carryover(d)
    assert stated["amount"] == 0
    assert "上年结转结余为0万元" in _normalised_line(folder, stated["source_line"])
    c = gz.carryover(d)
    assert c.attrs["carryover_total"] == 0.0 and c.attrs["carryover_stated"] == stated
    assert gz.carryover_context(d)["total"] == 0.0


def _normalised_line(folder: Path, line: int) -> str:
    import unicodedata

    text = (folder / "source.txt").read_text(encoding="utf-8").split("\n")[line - 1]
    return unicodedata.normalize("NFKC", text.replace("\t", ""))


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_the_audit_names_the_documents_own_years(packages, name):
    """The audit's descriptions and causes name the document's year and the one before (2026 / 2025 for a
    2026 budget), never the seed's 2023 / 2022."""
    d = _load(packages[name][1])
    year = int(d.meta["year"])
    texts = gz.audit(d)[["description_zh", "description_en", "note", "cause_text", "cause_text_zh"]]
    said = " ".join(texts.fillna("").astype(str).to_numpy().ravel())
    for seed_year in {"2022", "2023"} - {str(year), str(year - 1)}:
        assert seed_year not in said
    if (d.table("narrative_changes")["amount"].notna()).any():
        assert f"{year}" in said or f"{year - 1}" in said
