"""The PDF reader on documents of cities it has no family for: each shared document read with its own
family withheld, codes the national list lacks learnt from the document, a table that cannot be read
leaving a partial package (never a traceback). Reads ../shared/corpus (skipped without it)."""

from __future__ import annotations

import csv
import shutil
import warnings

import pytest

import gzanalysis as gz
from gzanalysis.cli import main
from gzanalysis.ingest.pdf import PdfError, ingest_pdf
from gzanalysis.ingest.pdf.generalise import markdown, narrative_markdown, narrative_withheld, withheld
from gzanalysis.ingest.pdf.selfcheck import identities, reads_right
from tests.test_ingest_pdf import PDFS

pytestmark = pytest.mark.skipif(not PDFS, reason="../shared/corpus is not beside this checkout")
AT_LEAST = 14  # of the 18 shared documents must read right with their own family withheld
HEADLINES_AT_LEAST = 0.9  # of the headline statements, read right with each city's own phrasings withheld


def test_every_document_reads_right_with_its_own_family_withheld(capsys):
    rows = withheld(PDFS)
    with capsys.disabled():
        print("\n" + markdown(rows))
    assert all(r.right for r in rows), [r.document for r in rows if not r.right]
    assert sum(r.right_withheld for r in rows) >= min(AT_LEAST, len(rows))
    # withholding changes what a document is read as: none of them by the withheld family
    assert all(r.withheld_as != r.family or r.family == "national" for r in rows)
    # the documents of cities without a family are read by content for at least some of their tables
    assert any(r.by_content for r in rows if r.family == "national")


def test_headline_statements_read_with_each_citys_own_phrasings_withheld(capsys):
    """The narrative of a city never seen: each city's documents read without the phrasings of
    narrative.toml that only that city's statements use; ≥ 90 % of the headline statements keep their
    printed amount and change."""
    rows = narrative_withheld(PDFS)
    with capsys.disabled():
        print("\n" + narrative_markdown(rows))
    n = sum(r.headlines for r in rows)
    assert n >= 2 * (len(rows) - 1)  # every document but 西安应急 (tables only) states both
    assert sum(r.right_withheld for r in rows) >= HEADLINES_AT_LEAST * n
    assert all(r.basis_withheld <= r.right_withheld <= r.headlines for r in rows)
    assert any(r.withheld for r in rows)  # the measure withholds something: a phrasing one city alone uses


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_the_reading_checks_itself(pdf):
    """Each document's summary balances and its 类 add up, as read (the identities of selfcheck)."""
    tables = ingest_pdf(pdf).reading.tables
    ok, problems = reads_right(tables)
    assert ok, problems
    checked = identities(tables)
    assert {i.rule for i in checked} >= {"收入总计 = 支出总计", "Σ 类 = 合计"}


def _printed_code(pdf) -> str:
    """A code the document prints beside a name in its expenditure table (a 项 where it prints one)."""
    rows = ingest_pdf(pdf).reading.tables["expenditure_by_function"]
    printed = [r["code"] for r in rows if r.get("code_printed") and r["code"]]
    return next((c for c in printed if len(c) == 7), printed[0] if printed else "")


@pytest.fixture
def national_lists_without(tmp_path, monkeypatch):
    """Make the national code lists lack one code (a copy of data/classifications without it)."""
    from gzanalysis.package import classifications

    real = classifications.national_lists()

    def without(code: str):
        root = tmp_path / "data" / "classifications"
        shutil.copytree(real, root, dirs_exist_ok=True)
        path = root / "functional.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(r for r in rows if r["code"] != code)
        monkeypatch.setattr(classifications, "national_lists", lambda: root)

    return without


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_a_code_the_list_lacks_is_learnt_from_the_document(pdf, tmp_path, national_lists_without):
    """Removing a code the document prints from the national list leaves the document ingesting, with
    the code learnt from it (name as printed, origin "document") and the audit saying so (info)."""
    code = _printed_code(pdf)
    if not code:
        # 杭州 prints names only and 西安's 支出总表 is by unit: a code they do not print cannot be learnt
        # from them; their codes come from the national list by name (the test above reads them)
        assert pdf.stem.startswith(("hangzhou", "xian"))
        return
    national_lists_without(code)
    folder = ingest_pdf(pdf).write(tmp_path / pdf.stem)
    with (folder / "functional_codes.csv").open(encoding="utf-8", newline="") as fh:
        entries = {r["code"]: r for r in csv.DictReader(fh)}
    assert entries[code]["origin"] == "document" and entries[code]["name_zh"]
    assert entries[code]["name_en"] == ""
    assert entries[code]["parent"] == (code[:-2] if len(code) > 3 else "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = gz.audit(gz.load(folder)).set_index("rule")
    learnt = found.loc["codes.learnt.functional_codes"]
    assert learnt["status"] == "info" and code in learnt["lhs_label"]
    assert not (tmp_path / "classifications").exists()  # the ingest writes only inside its --out


def test_a_table_that_cannot_be_read_leaves_a_partial_package(tmp_path, monkeypatch, capsys):
    from gzanalysis.ingest.pdf import standard

    pdf = next(p for p in PDFS if p.stem.startswith("guangzhou"))
    real = standard.classified

    def broken(table, resource, *args, **kwargs):
        if resource.name == "general_budget_basic_expenditure":
            raise ValueError("a row of another shape")
        return real(table, resource, *args, **kwargs)

    monkeypatch.setattr(standard, "classified", broken)
    result = ingest_pdf(pdf)
    assert result.partial
    why = dict(result.unread())["general_budget_basic_expenditure"]
    assert why == "printed, but no row could be read (see the findings)"
    assert any("general_budget_basic_expenditure" in f and "not read" in f for f in result.reading.findings)
    out = tmp_path / "pkg"
    assert main(["ingest", str(pdf), "--out", str(out)]) == 0
    d = gz.load(out)
    assert "general_budget_basic_expenditure" in d.meta["unread"]
    assert len(d.expenditure_by_function) > 0  # what was read is there
    capsys.readouterr()
    assert main(["ingest", str(pdf), "--out", str(tmp_path / "strict"), "--strict"]) == 1


def test_an_unreadable_page_is_one_sentence(tmp_path, monkeypatch):
    from gzanalysis.ingest.pdf import tables

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(tables, "_read_body", broken)
    with pytest.raises(
        PdfError, match=r"^page \d+( \(table '.+'\))?: its lines do not read as a table's header"
    ):
        ingest_pdf(PDFS[0])


def test_a_reading_that_breaks_an_identity_is_tried_again(monkeypatch):
    """Where the row rules join lines wrongly (here: a page's rules made to put a table's rows in twos), the
    类 no longer add up to the 合计; the reader reads the table again by its lines and keeps that reading."""
    from gzanalysis.ingest.pdf import tables

    pdf = next(p for p in PDFS if p.stem.startswith("suzhou-audit"))
    plain = ingest_pdf(pdf).reading.tables["expenditure_by_function"]

    def in_twos(page, lines):
        return (lambda line: lines.index(line) // 2) if len(lines) > 6 else None

    monkeypatch.setattr(tables, "_bands", in_twos)
    result = ingest_pdf(pdf)
    again = result.reading.tables["expenditure_by_function"]
    assert [(r["code"], r["total"]) for r in again] == [(r["code"], r["total"]) for r in plain]
    assert any("read again with its lines joined by 'lines'" in f for f in result.reading.findings)


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_every_document_reads_right_with_no_family_at_all(pdf):
    """Every family withheld (only national's rules): the totals and 类 still read right."""
    from gzanalysis.ingest.pdf.templates import names

    result = ingest_pdf(pdf, withhold=tuple(names()))
    assert result.reading.template == "national"
    ok, problems = reads_right(result.reading.tables)
    assert ok, problems


# Where a document prints a name the national list words otherwise (not a misreading): (document, code).
NAMED_OTHERWISE = {("chongqing-government-office-2026", "21505")}  # 工业和信息产业 / 工业和信息产业监管


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_wrapped_names_are_joined_whole(pdf):
    """Each coded row's name, wrapped over lines (and over its row's rules), is read whole: it is the
    national list's name for its code (a fragment such as 出 for 灾害防治及应急管理支出 would not be)."""
    from gzanalysis.ingest.pdf import _code_lists
    from gzanalysis.ingest.pdf.standard import _plain

    functional, _ = _code_lists()
    rows = ingest_pdf(pdf).reading.tables["expenditure_by_function"]
    wrong = [
        (r["code"], r["name"])
        for r in rows
        if r["code"] in functional
        and (pdf.stem, r["code"]) not in NAMED_OTHERWISE
        and _plain(r["name"]) != _plain(functional[r["code"]]["name_zh"])
    ]
    assert not wrong
