"""The audit families of issue 18: each runs on the seed, and each sees what a broken copy breaks."""

import dataclasses
import json
import warnings

import pandas as pd
import pytest

import gzanalysis as gz
from gzanalysis.audit import completeness, rules, vehicles
from gzanalysis.audit.years import stale_years
from gzanalysis.package.layout import resource
from gzanalysis.package.template import template

NEW_FAMILIES = ["codes", "bounds", "empty_tables", "fund_totals", "prior_year", "completeness", "years"]


@pytest.fixture(scope="module")
def seed(d):
    return gz.audit(d).set_index("rule")


def altered(d, meta=None, **frames):
    """A copy of the loaded disclosure with some tables (by English name) or its metadata replaced."""
    tables = dict(d.tables)
    for name, frame in frames.items():
        tables[resource(name).title] = frame
    return dataclasses.replace(d, tables=tables, meta=meta if meta is not None else d.meta)


def edited_copy(d, tmp_path, file, old, new):
    """Write the seed package to a folder, replace ``old`` by ``new`` in one CSV, load it back."""
    folder = d.to_csv(tmp_path / "pkg")
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gz.PackageWarning)
        return gz.load(folder)


def audited(d):
    return gz.audit(d).set_index("rule")


def family_only(d):
    """The completeness rules alone: the other families assume the 三公 and project tables have rows."""
    return pd.DataFrame([c.as_row() for c in completeness.completeness(d)]).set_index("rule")


# --- on the seed
def test_each_new_family_runs_on_the_seed_without_a_material_finding(seed):
    for family in NEW_FAMILIES:
        rows = seed[seed["family"] == family]
        assert len(rows) > 0, family
        assert not (rows["status"] == "material").any(), rows[rows["status"] == "material"].index.tolist()
    assert seed.loc[seed["status"] == "minor"].index.tolist() == ["years.glossary.8"]
    assert seed.loc["years.glossary.8", "source_lines"] == "760"
    assert "2021" in seed.loc["years.glossary.8", "lhs_label"]


# --- a broken copy of the package (one CSV edited), the finding each family makes of it:
# (family, file, text of the seed, replacement, rule, status, lhs, rhs)
BROKEN_COPIES = [
    (
        "codes: a row dropped from 部门支出总表",
        "expenditure_by_function.csv",
        "\n6,2010350,2010350,事业运行,478.91,478.91,,166\n",
        "\n",
        "codes.income_vs_expenditure.income_by_function_not_in_expenditure_by_function",
        "material",
        1,
        0,
    ),
    (
        "prior_year: a change larger than the amount",
        "narrative_changes.csv",
        "文化旅游体育与传媒支出,207,,192,149,",
        "文化旅游体育与传媒支出,207,,192,200,",
        "prior_year.not_negative.支出预算.function.文化旅游体育与传媒支出",
        "material",
        0,
        -8,
    ),
    (
        "prior_year: a bare 净增 other than the table figure",
        "narrative_changes.csv",
        "节能环保支出,211,,,606.35,净增",
        "节能环保支出,211,,,600,净增",
        "prior_year.net_increase.支出预算.function.节能环保支出",
        "material",
        600,
        606.35,
    ),
    (
        "fund_totals: a state-capital figure in the fiscal summary, none in its table",
        "fiscal_summary.csv",
        "9,expenditure,subtotal,一、本年支出,,13347.47,13347.47,,,224",
        "9,expenditure,subtotal,一、本年支出,,13347.47,13347.47,,10.00,224",
        "fund_totals.state_capital.合计",
        "material",
        10,
        0,
    ),
    (
        "years: a stale year in a glossary definition",
        "glossary.csv",
        "指市级财政当年拨付的资金。",
        "指市级财政2020年拨付的资金。",
        "years.glossary.1",
        "minor",
        1,
        0,
    ),
]


@pytest.mark.parametrize(
    "file, old, new, rule, status, lhs, rhs",
    [c[1:] for c in BROKEN_COPIES],
    ids=[c[0] for c in BROKEN_COPIES],
)
def test_a_broken_copy_is_seen(d, seed, tmp_path, file, old, new, rule, status, lhs, rhs):
    assert seed.loc[rule, "status"] == "ok"
    found = audited(edited_copy(d, tmp_path, file, old, new)).loc[rule]
    assert found["status"] == status
    assert (found["lhs"], found["rhs"]) == (pytest.approx(lhs), pytest.approx(rhs))


def test_the_dropped_code_is_named_with_its_line(d, tmp_path):
    found = audited(edited_copy(d, tmp_path, *BROKEN_COPIES[0][1:4]))
    rule = BROKEN_COPIES[0][4]
    assert "2010350" in found.loc[rule, "lhs_label"] and found.loc[rule, "source_lines"] == "100"


# --- 2. empty tables stated consistently
def test_a_note_copied_from_the_other_fund_is_a_minor_finding(d):
    notes = dict(d.meta["notes"], government_fund_expenditure=d.meta["notes"]["state_capital_expenditure"])
    found = audited(altered(d, meta={**d.meta, "notes": notes}))
    assert found.loc["empty_tables.government_fund.note", "status"] == "minor"
    assert found.loc["empty_tables.state_capital.note", "status"] == "ok"


def test_a_fund_column_printed_while_its_table_is_empty_is_material(d):
    income = d.table("income_by_function").copy()
    income.loc[income["code"] == "2010301", "government_fund"] = 5.0
    found = audited(altered(d, income_by_function=income))
    rule = "empty_tables.government_fund.income_by_function.government_fund"
    assert found.loc[rule, "status"] == "material" and found.loc[rule, "lhs"] == 5.0


def test_a_narrative_section_that_does_not_say_none_is_a_finding(d):
    copy = altered(d)
    lines = list(d.raw_lines)
    assert "没有使用政府性基金" in lines[598]
    lines[598] = "2023年赣州市审批局政府性基金预算拨款安排的支出 50 万元。"
    copy.__dict__["raw_lines"] = lines  # the cached raw text of this copy only
    found = audited(copy)
    assert found.loc["empty_tables.government_fund.narrative", "status"] == "minor"
    assert found.loc["empty_tables.state_capital.narrative", "status"] == "ok"


# --- 3. fund-subset bounds
def test_a_fiscal_figure_above_its_all_funds_figure_is_material(d):
    gb = d.table("general_budget_expenditure").copy()
    gb.loc[gb["code"] == "2010301", "basic"] = 950.0  # all funds: 946.01
    found = audited(altered(d, general_budget_expenditure=gb))
    rule = "bounds.general_budget_basic.2010301"
    assert found.loc[rule, "status"] == "material"
    assert (found.loc[rule, "lhs"], found.loc[rule, "rhs"]) == (950.0, 946.01)


# --- 6. 三公 vehicle subtotal
def test_a_vehicle_subtotal_in_the_narrative_must_equal_its_parts(d):
    changes = d.table("narrative_changes").copy()
    extra = changes[changes["item"] == "公务用车购置费"].copy()
    extra[["row", "item", "amount", "change"]] = [41, "公务用车购置及运行维护费", 5.0, 1.0]
    changes = pd.concat([changes, extra], ignore_index=True)
    found = audited(altered(d, narrative_changes=changes))
    amount = found.loc["three_public.vehicles.narrative_changes.三公经费.amount"]
    assert amount["status"] == "material" and (amount["lhs"], amount["rhs"]) == (5.0, 0.0)
    assert found.loc["three_public.vehicles.narrative_changes.三公经费.change", "status"] == "material"


def test_a_vehicle_subtotal_column_declared_by_a_template_is_checked(d, monkeypatch):
    spec = json.loads(json.dumps(template()))
    spec["three_public_vehicles"]["tables"] = [
        ["three_public_expenses", "vehicles", "vehicle_purchase", "vehicle_operation"]
    ]
    monkeypatch.setattr(vehicles, "template", lambda: spec)
    three = d.table("three_public_expenses").assign(vehicles=2.0)  # parts blank
    found = audited(altered(d, three_public_expenses=three))
    assert found.loc["three_public.vehicles.three_public_expenses.row1", "status"] == "material"


def test_the_seed_prints_no_vehicle_subtotal(seed):
    assert not seed.index.str.startswith("three_public.vehicles").any()


# --- 7. amounts are not negative (a schema constraint)
def test_a_negative_amount_is_refused_and_a_negative_change_is_not(d, tmp_path):
    with pytest.raises(gz.PackageError, match="minimum"):
        edited_copy(d, tmp_path, "expenditure_by_function.csv", ",行政运行,946.01,", ",行政运行,-946.01,")
    assert (d.table("narrative_changes")["change"] < 0).any()  # signed changes load


# --- 8. completeness
def test_a_missing_table_and_a_contents_count_that_disagrees_are_material(d):
    three = d.table("three_public_expenses").iloc[0:0]
    found = family_only(altered(d, three_public_expenses=three))
    assert found.loc["completeness.table.three_public_expenses", "status"] == "material"
    assert found.loc["completeness.contents_tables", "status"] == "material"
    assert (
        found.loc["completeness.contents_tables", "lhs"],
        found.loc["completeness.contents_tables", "rhs"],
    ) == (
        10,
        9,
    )


def test_a_missing_section_is_material(d):
    found = audited(altered(d, glossary=d.table("glossary").iloc[0:0]))
    assert found.loc["completeness.section.名词解释", "status"] == "material"


def test_the_required_tables_come_from_the_package_template_when_it_names_them(d):
    meta = {**d.meta, "template": {"name": "pdf-x", "tables": ["部门收入总表", "projects"]}}
    found = family_only(altered(d, meta=meta, projects=d.table("projects").iloc[0:0]))
    tables = found[found.index.str.startswith("completeness.table.")]
    assert sorted(tables.index) == ["completeness.table.income_by_function", "completeness.table.projects"]
    assert found.loc["completeness.table.projects", "status"] == "material"
    assert (
        found.loc["completeness.contents_tables", "lhs"],
        found.loc["completeness.contents_tables", "rhs"],
    ) == (
        10,
        1,
    )


def test_a_part_the_ingest_did_not_read_is_not_checked_and_a_part_the_document_lacks_is_material(d):
    empty = {"projects": d.table("projects").iloc[0:0], "glossary": d.table("glossary").iloc[0:0]}
    own = {"name": "pdf-x", "tables": ["budget_summary", "projects"], "sections": ["名词解释"]}
    unread = {"projects": "printed, not read", "narrative": "the narrative is not read"}
    found = family_only(altered(d, meta={**d.meta, "template": {**own, "not_read": unread}}, **empty))
    for rule in ("completeness.table.projects", "completeness.section.名词解释"):
        assert found.loc[rule, "status"] == "not_checked"
        assert found.loc[rule, "note"] in unread.values()
    assert found.loc["completeness.table.budget_summary", "status"] == "ok"
    # the same package, where the ingest read both parts and found nothing: findings of the document
    lacking = family_only(altered(d, meta={**d.meta, "template": own}, **empty))
    assert lacking.loc["completeness.table.projects", "status"] == "material"
    # a section named as the standard's is looked for where the standard keeps it (名词解释: glossary)
    assert lacking.loc["completeness.section.名词解释", "status"] == "material"


def test_the_contents_count_is_of_the_listed_tables_the_ingest_found(d):
    contents = {"tables": ["收支总表", "收入总表", "项目支出绩效目标表"], "found": ["收支总表", "收入总表"]}
    found = family_only(altered(d, meta={**d.meta, "contents": contents}))
    row = found.loc["completeness.contents_tables"]
    assert (row["lhs"], row["rhs"], row["status"]) == (3, 2, "material")
    assert "not found: 项目支出绩效目标表" in row["rhs_label"]
    contents["found"].append("项目支出绩效目标表")
    assert (
        family_only(altered(d, meta={**d.meta, "contents": contents})).loc[
            "completeness.contents_tables", "status"
        ]
        == "ok"
    )


def test_codes_are_compared_only_where_both_tables_list_them_by_function(d, seed):
    income = d.table("income_by_function")
    dropped = income[~(income["code"] == "2010350").fillna(False)]  # a 项 of the seed, dropped
    broken = audited(altered(d, income_by_function=dropped))
    rule = "codes.income_vs_expenditure.expenditure_by_function_not_in_income_by_function"
    assert seed.loc[rule, "status"] == "ok" and broken.loc[rule, "status"] == "material"
    by_unit = {**d.meta, "structure": {"income_by_function": {"rows_by": "unit"}}}
    skipped = audited(altered(d, meta=by_unit, income_by_function=dropped))
    assert skipped.loc[rule, "status"] == "not_checked"
    assert "by unit" in skipped.loc[rule, "note"]
    # a rule that needs no income table still runs
    assert (
        skipped.loc[
            "codes.general_budget_in_expenditure.general_budget_expenditure_not_in_expenditure_by_function",
            "status",
        ]
        == "ok"
    )
    by_kind = {**d.meta, "structure": {"budget_summary": {"expenditure_by": "kind"}}}
    rule = "codes.budget_summary_vs_expenditure.expenditure_by_function_not_in_budget_summary"
    assert audited(altered(d, meta=by_kind)).loc[rule, "status"] == "not_checked"


def test_a_summary_line_printed_blank_lists_no_code(d, seed):
    summary = d.table("budget_summary")
    line = summary[(summary["side"] == "expenditure") & summary["code"].notna()].iloc[[0]]
    blank = line.assign(code="202", item="外交支出", amount=pd.NA, row=len(summary) + 1)
    rule = "codes.budget_summary_vs_expenditure.budget_summary_not_in_expenditure_by_function"
    found = audited(altered(d, budget_summary=pd.concat([summary, blank], ignore_index=True)))
    assert found.loc[rule, "status"] == "ok"  # every 类 of the list printed, blank where the unit has none
    printed = blank.assign(amount=1.0)
    found = audited(altered(d, budget_summary=pd.concat([summary, printed], ignore_index=True)))
    assert found.loc[rule, "status"] == "material" and found.loc[rule, "lhs"] == 1


def test_a_fund_column_the_document_does_not_print_is_not_checked(d, seed):
    single = {
        **d.meta,
        "structure": {"fiscal_summary": {"not_printed": ["government_fund", "state_capital"]}},
    }
    found = audited(altered(d, meta=single))
    assert seed.loc["fund_totals.government_fund.合计", "status"] == "ok"
    assert found.loc["fund_totals.government_fund.合计", "status"] == "not_checked"
    assert found.loc["empty_tables.government_fund.fiscal_summary.government_fund", "status"] == "not_checked"
    assert found.loc["empty_tables.government_fund.income_by_function.government_fund", "status"] == "ok"
    unread = {**d.meta, "template": {"name": "pdf-x", "not_read": {"narrative": "not read"}}}
    found = audited(altered(d, meta=unread))
    assert found.loc["empty_tables.government_fund.narrative", "status"] == "not_checked"


def test_not_checked_is_counted_only_where_some_rule_did_not_run(d, seed):
    from gzanalysis.audit.report import render

    assert "not_checked" not in render(seed.reset_index(), "text", "seed").splitlines()[0]
    single = {**d.meta, "structure": {"fiscal_summary": {"not_printed": ["government_fund"]}}}
    head = render(gz.audit(altered(d, meta=single)), "text", "x").splitlines()[0]
    assert head.endswith("ok, 2 not_checked")


# --- 9. stale years
def test_a_stale_year_in_a_definition_or_statement_is_minor(d, tmp_path):
    copy = edited_copy(
        d, tmp_path, "glossary.csv", "指市级财政当年拨付的资金。", "指市级财政2020年拨付的资金。"
    )
    found = audited(copy)
    assert found.loc["years.glossary.1", "status"] == "minor"
    changes = d.table("narrative_changes").copy()
    changes.loc[changes["row"] == 36, "reason"] = "较2020年单位人员增加"
    found = audited(altered(d, narrative_changes=changes))
    assert found.loc["years.narrative_changes.36", "status"] == "minor"


def test_years_of_cited_documents_plans_and_stages_are_not_stale():
    assert stale_years("弥补 2021 年收支差额", 2023, 2022) == [2021]
    assert stale_years("《赣州市相对集中行政许可权改革试点方案》(赣市字〔2017〕63号)", 2023, 2022) == []
    assert stale_years("赣市府办字 [2022]97号; 国办发〔2020〕53号", 2023, 2022) == []
    assert stale_years("第十四个五年规划和 2035 年远景目标纲要", 2023, 2022) == []
    assert stale_years("第三阶段:2024年12月底前完成", 2023, 2022) == []
    assert stale_years("较 2022年增加, 2023年安排", 2023, 2022) == []


def test_without_raw_text_the_raw_rules_are_skipped(d, tmp_path):
    folder = d.to_csv(tmp_path / "pkg")
    copy = gz.load(folder)
    assert rules.raw_text(copy) is None
    found = audited(copy)
    assert not found.index.str.startswith("years.narrative_text").any()
    assert "empty_tables.government_fund.narrative" not in found.index
