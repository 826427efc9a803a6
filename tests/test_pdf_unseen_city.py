"""A budget of a city no family describes (tests/unseen_city.py, printed by Chromium): its tables titled as no
shared document titles them, amounts in 元, code and name in one cell, totals labelled 收入合计/支出合计, 三公
items as rows. The reader reads it by what its tables hold."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gzanalysis.ingest.pdf import ingest_pdf
from gzanalysis.ingest.pdf.selfcheck import reads_right
from tests.unseen_city import PROJECTS, SPENDING, THREE_PUBLIC, UNIT, budget_pdf, figures


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    pdf = budget_pdf(tmp_path_factory.mktemp("unseen"))
    if pdf is None:
        pytest.skip("no Chromium to print the document with (make test installs it)")
    return ingest_pdf(pdf)


def _wan(yuan: float) -> Decimal:
    return Decimal(f"{yuan:.2f}") / 10000


def test_it_is_read_as_a_document_of_no_family(result):
    assert result.reading.template == "national"
    assert result.reading.meta["unit"] == UNIT and result.reading.meta["year"] == 2026
    assert all(t.recognised == "content" for t in result.reading.read)
    ok, problems = reads_right(result.reading.tables)
    assert ok, problems


def test_its_totals_and_classes_are_the_printed_ones_in_wanyuan(result):
    f = figures()
    tables = result.reading.tables
    totals = {r["side"]: r["amount"] for r in tables["budget_summary"] if r["role"] == "total"}
    assert Decimal(totals["income"]) == Decimal(totals["expenditure"]) == _wan(f["total"])
    spending = {r["code"]: r for r in tables["expenditure_by_function"]}
    for code, (name, items) in SPENDING.items():
        assert Decimal(spending[code]["total"]) == _wan(f["classes"][code])
        assert spending[code]["name"] == name
        for sub, subname, basic, project in items:
            assert spending[sub]["name"] == subname
            assert Decimal(spending[sub]["basic"]) == _wan(basic), sub
            assert Decimal(spending[sub]["project"]) == _wan(project), sub
    assert Decimal(spending[None]["total"]) == _wan(f["total"])
    income = {r["code"]: r["total"] for r in tables["income_by_function"]}
    assert {c for c in income if c} == set(SPENDING)


def test_its_three_public_items_printed_as_rows(result):
    (row,) = result.reading.tables["three_public_expenses"]
    assert Decimal(row["total"]) == _wan(THREE_PUBLIC["合计"])
    assert Decimal(row["official_reception"]) == _wan(THREE_PUBLIC["2、公务接待费"])


def test_its_performance_table_is_read_by_its_header(result):
    """附表五 重点项目绩效目标申报表, a title no shared document prints: read by its header (项目名称 / 项目金额 /
    一级指标 / 二级指标 / 三级指标 / 指标值), its merged cells (project, amount, 一级, 二级) given to every row
    they span, its wrapped indicator whole, its amounts in 万元 (printed in 元)."""
    perf = result.reading.performance
    assert [(p["name"], Decimal(p["funds_total"])) for p in perf.projects] == [
        (name, _wan(amount)) for name, amount, _ in PROJECTS
    ]
    read = [(i["level1"], i["level2"], i["level3"], i["value_text"]) for i in perf.indicators]
    # the text layer's full-width parentheses are read as ASCII ones, as everywhere in the PDF reader
    printed = [
        (l1, l2, l3.replace("（", "(").replace("）", ")"), v)
        for _, _, rows in PROJECTS
        for l1, l2, l3, v in rows
    ]
    assert read == printed
    by_text = {i["value_text"]: i for i in perf.indicators}
    assert (by_text["≥99.5%"]["operator"], by_text["≥99.5%"]["number"], by_text["≥99.5%"]["unit"]) == (
        "≥",
        "99.5",
        "%",
    )
    assert by_text["提高"]["operator"] is None and by_text["提高"]["number"] is None
    assert perf.not_read == [] and perf.findings == []


def test_its_other_performance_forms_are_read_by_what_they_hold(tmp_path):
    """附表六–八 (tests/unseen_city.py): a 部门整体 form (labels and goal above 一级/二级/三级指标), a project
    table without levels whose value and unit are printed apart and without a comparison, and a table of
    goals only: each read by its header, none by its title."""
    from gzanalysis.ingest.pdf import performance
    from gzanalysis.ingest.pdf.tables import Document
    from gzanalysis.ingest.pdf.templates import load
    from gzanalysis.ingest.pdf.textlayer import read_pages
    from tests.unseen_city import DEPARTMENT_FORM, GOALS, LEVELLESS, forms_pdf

    pdf = forms_pdf(tmp_path)
    if pdf is None:
        pytest.skip("no Chromium to print the document with (make test installs it)")
    perf = performance.read(Document(read_pages(pdf)), load("national"))
    got = [(p["scope"], p["name"], Decimal(p["funds_total"]), p["goal"]) for p in perf.projects]
    assert got == [
        (
            "department",
            DEPARTMENT_FORM["name"],
            _wan(DEPARTMENT_FORM["amount"]),
            DEPARTMENT_FORM["goal"],
        ),
        *(("project", name, _wan(amount), goal) for name, amount, goal, _ in LEVELLESS),
        *(("project", name, Decimal(amount), goal) for name, amount, goal in GOALS),
    ]
    by_project = {}
    for i in perf.indicators:
        by_project.setdefault(i["project_id"], []).append(i)
    department = [(i["level1"], i["level2"], i["level3"], i["value_text"]) for i in by_project["P1"]]
    assert department == DEPARTMENT_FORM["indicators"]
    levelless = [
        (i["level1"], i["level2"], i["level3"], i["value_text"], i["operator"], i["number"], i["unit"])
        for pid in ("P2", "P3")
        for i in by_project[pid]
    ]
    assert levelless == [
        (None, None, indicator, f"{value}{unit}", None, value, unit)
        for _, _, _, rows in LEVELLESS
        for indicator, value, unit in rows
    ]
    assert all("no indicator levels" in i["note"] for pid in ("P2", "P3") for i in by_project[pid])
    assert "P4" not in by_project and "P5" not in by_project  # goals only
