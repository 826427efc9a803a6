"""The audit: every family can fail on a broken copy, and the seed's findings are reproduced."""

import copy
import json
import subprocess
import sys

import pytest

import gzanalysis as gz
from gzanalysis.audit.checks import Check


@pytest.fixture(scope="module")
def findings(d):
    return gz.audit(d).set_index("rule")


def status(findings, rule):
    return findings.loc[rule, "status"]


def test_every_family_runs_and_every_check_is_listed(findings):
    assert set(findings["family"]) == {
        "hierarchy",
        "row",
        "cross_table",
        "balance",
        "three_public",
        "narrative",
        "projects",
        "staffing",
        "codes",
        "bounds",
        "empty_tables",
        "fund_totals",
        "prior_year",
        "completeness",
        "years",
        "budgets",
    }
    assert set(findings["status"]) == {"ok", "rounding", "minor", "material", "info"}
    assert findings.index.is_unique
    assert (findings["diff"].round(6) == (findings["lhs"] - findings["rhs"]).round(6)).all()


def test_rounding_rule_is_half_a_cent_per_figure():
    c = Check("r", "f", "all", "", "", "a", 10.0, "b", 10.015, figures=3)
    assert c.tolerance == pytest.approx(0.015) and c.status == "rounding"
    assert Check("r", "f", "all", "", "", "a", 10.0, "b", 10.016, figures=3).status == "material"
    assert Check("r", "f", "all", "", "", "a", 10.0, "b", 10.0, figures=3).status == "ok"
    assert Check("r", "f", "all", "", "", "a", 54, "b", 52, figures=2, kind="le").status == "material"


# --- the seed's material findings, by rule id, with both figures
SEED_MATERIAL = {
    "narrative.parts.收入预算.全部资金.income_source.change": (8471.56, 8472.24),
    "narrative.prior_year.收入预算.其他收入~支出预算.其他支出": (600.00, 600.67),
    "projects.coverage.funds_carryover": (1.40, 9207.96),
    "projects.coverage.funds_total": (12186.46, 21393.02),
    "projects.narrative.重点项目.P1": (4200.00, 1340.00),
    "staffing.within_establishment.serving_administrative": (54, 52),
    # 21208 carries 389.43 of carry-over; the fiscal summary has no government-fund money (lines 132, 226, 231)
    "budgets.government_fund.subjects_within_fund_money": (389.43, 0.0),
    # the narrative's 国库集中支付网上结转 (line 575) against the blank 上年结转 of the fiscal summary (229–230)
    "budgets.fiscal_carryover.国库集中支付网上结转": (9207.96, 0.0),
}


def test_seed_material_findings(findings):
    material = findings[findings["status"] == "material"]
    assert set(material.index) == set(SEED_MATERIAL)
    for rule, (lhs, rhs) in SEED_MATERIAL.items():
        assert material.loc[rule, "lhs"] == pytest.approx(lhs)
        assert material.loc[rule, "rhs"] == pytest.approx(rhs)


def test_seed_rounding_findings(findings):
    rounding = findings[findings["status"] == "rounding"]
    assert len(rounding) >= 12
    assert (rounding["diff"].abs() <= rounding["tolerance"] + 1e-9).all()
    for rule in [
        "hierarchy.income_by_function.carryover.total",  # Σ 类 9207.97 vs 9207.96
        "hierarchy.income_by_function.carryover.20103",  # 50.77 + 9.30 = 60.07 vs 60.06
        "hierarchy.expenditure_by_function.project.total",  # 21393.03 vs 21393.02
        "row.expenditure_by_function.total.row1",  # 1862.41 + 21393.02 vs 23255.42
        "row.general_budget_basic_expenditure.total.row1",  # 1648.09 + 214.31 vs 1862.41
        "hierarchy.general_budget_basic_expenditure.total.301",  # Σ 款 1645.10 vs 1645.09
        "narrative.amount.支出预算.basic_by_economic.302",  # narrative 214.32 vs table 214.31
        "narrative.parts.支出预算.全部资金.function.change",  # Σ 8471.58 vs 8471.56
    ]:
        assert status(findings, rule) == "rounding", rule


def test_checks_that_hold(findings):
    for rule in [
        "narrative.parts.财政拨款支出.财政拨款.function.change",
        "projects.coverage.funds_fiscal",
        "projects.narrative.预算绩效管理.P4",
        "staffing.subtotal.posts_total",
        "balance.fiscal_summary.income_equals_expenditure",
        "narrative.growth_rate.机关运行经费",
    ]:
        assert status(findings, rule) in ("ok", "rounding"), rule


# --- prior years: like with like (issue 17)
def test_fiscal_and_all_funds_prior_years_are_compared_as_part_and_whole(findings):
    """An all-funds 2022 figure and a fiscal one are not two estimates of one number."""
    assert "narrative.prior_year.支出预算.基本支出~财政拨款支出.基本支出" not in findings.index
    within = findings.loc["narrative.prior_year.fiscal_within.支出预算.基本支出~财政拨款支出.基本支出"]
    assert (within["lhs"], within["rhs"], within["status"]) == (
        pytest.approx(838.18),
        pytest.approx(1053.02),
        "ok",
    )
    basic = findings.loc["narrative.prior_year.non_fiscal.基本支出"]
    assert basic["status"] == "info" and basic["diff"] == pytest.approx(214.84)
    assert findings.loc["narrative.prior_year.non_fiscal.项目支出", "diff"] == pytest.approx(2004.46)
    identity = findings.loc["narrative.prior_year.non_fiscal.by_kind~by_source"]
    assert identity["status"] == "ok"
    assert identity["lhs"] == pytest.approx(2219.30) and identity["rhs"] == pytest.approx(14783.86 - 12564.56)


def test_non_fiscal_identity_fails_when_a_fiscal_change_is_misstated(d):
    broken = _broken(d, "narrative_changes", lambda t: t["row"] == 35, "change", -200.0)  # project, fiscal
    assert status(broken, "narrative.prior_year.non_fiscal.by_kind~by_source") == "material"


def test_a_fiscal_part_larger_than_its_whole_is_material(d):
    broken = _broken(d, "narrative_changes", lambda t: t["row"] == 34, "change", 700.0)  # fiscal basic +700
    rule = "narrative.prior_year.fiscal_within.支出预算.基本支出~财政拨款支出.基本支出"
    assert status(broken, rule) == "material"


# --- causes: one fact, several findings
def test_findings_of_one_cause_share_it(findings):
    material = findings[findings["status"] == "material"]
    other_income = material.loc[
        [
            "narrative.parts.收入预算.全部资金.income_source.change",
            "narrative.prior_year.收入预算.其他收入~支出预算.其他支出",
        ],
        "cause",
    ]
    assert set(other_income) == {"misstated_change.其他收入"}
    coverage = material.loc[["projects.coverage.funds_total", "projects.coverage.funds_carryover"], "cause"]
    assert set(coverage) == {"projects.coverage_gap"}
    assert material["cause"].nunique() == len(material) - 2
    assert (material["cause_text"] != "").all() and (
        findings.loc[findings["status"] == "ok", "cause"] == ""
    ).all()


def test_a_stated_change_that_adds_up_clears_both_findings_of_its_cause(d):
    fixed = _broken(d, "narrative_changes", lambda t: t["item"] == "其他收入", "change", 99.33)
    assert status(fixed, "narrative.prior_year.收入预算.其他收入~支出预算.其他支出") == "ok"
    assert status(fixed, "narrative.parts.收入预算.全部资金.income_source.change") == "rounding"
    assert "misstated_change.其他收入" not in set(fixed["cause"])


def test_text_report_counts_causes():
    out = subprocess.run([sys.executable, "-m", "gzanalysis.cli", "audit"], capture_output=True, text=True)
    material = len(SEED_MATERIAL)
    assert f"{material} material findings from {material - 2} causes" in out.stdout
    assert "cause [projects.coverage_gap]" in out.stdout


# --- which budget the money belongs to
def test_government_fund_money_clears_the_government_fund_finding(d):
    fixed = _broken(d, "财政拨款收支总表", lambda t: t["item"] == "政府性基金预算拨款结转", "total", 389.43)
    assert status(fixed, "budgets.government_fund.subjects_within_fund_money") == "ok"


def test_government_fund_lines_are_found_however_they_are_numbered(d):
    """Other templates print 2.政府性基金预算拨款 or (二)政府性基金预算拨款 (the corpus PDFs do)."""
    fixed = copy.deepcopy(d)
    t = fixed.table("财政拨款收支总表")
    line = t["item"] == "政府性基金预算拨款收入"
    t.loc[line, "item"], t.loc[line, "total"] = "2.政府性基金预算拨款", 389.43
    assert (
        status(gz.audit(fixed).set_index("rule"), "budgets.government_fund.subjects_within_fund_money")
        == "ok"
    )


def test_a_general_budget_subject_raises_no_government_fund_finding(d):
    general = copy.deepcopy(d)
    codes = general.table("functional_codes")
    codes.loc[codes["budget"] == "government_fund", "budget"] = "general"
    assert "budgets.government_fund.subjects_within_fund_money" not in set(gz.audit(general)["rule"])


def test_fiscal_carryover_shown_in_the_fiscal_summary_clears_the_treasury_finding(d):
    fixed = _broken(d, "财政拨款收支总表", lambda t: t["item"] == "二、上年结转", "total", 9207.96)
    assert status(fixed, "budgets.fiscal_carryover.国库集中支付网上结转") == "ok"


# --- every family fails on a copy broken on purpose
def _broken(d, table, where, column, value):
    broken = copy.deepcopy(d)
    t = broken.table(table)
    t.loc[where(t), column] = value
    return gz.audit(broken).set_index("rule")


@pytest.mark.parametrize(
    "table, where, column, value, rule",
    [
        (
            "部门支出总表",
            lambda t: t["code"] == "2010301",
            "total",
            947.01,
            "hierarchy.expenditure_by_function.total.20103",
        ),
        (
            "一般公共预算基本支出表",
            lambda t: t["code"] == "30201",
            "total",
            61.71,
            "hierarchy.general_budget_basic_expenditure.total.302",
        ),
        (
            "部门支出总表",
            lambda t: t["code"] == "2010301",
            "basic",
            900.00,
            "row.expenditure_by_function.total.2010301",
        ),
        (
            "部门收入总表",
            lambda t: t["code"] == "2080799",
            "carryover",
            300.00,
            "row.income_by_function.total.2080799",
        ),
        (
            "一般公共预算支出表",
            lambda t: t["code"] == "2101101",
            "total",
            80.01,
            "cross.general_budget_column.2101101",
        ),
        (
            "收支预算总表",
            lambda t: t["item"] == "支出总计",
            "amount",
            23256.42,
            "balance.budget_summary.income_equals_expenditure",
        ),
        (
            '财政拨款"三公"经费支出表',
            lambda t: t["row"] == 1,
            "official_reception",
            4.0,
            "three_public.three_public_expenses.total.row1",
        ),
        (
            "narrative_changes",
            lambda t: t["function_code"] == "206",
            "change",
            2700.0,
            "narrative.parts.支出预算.全部资金.function.change",
        ),
        (
            "narrative_changes",
            lambda t: t["item"] == "卫生健康支出",
            "amount",
            150.0,
            "narrative.amount.支出预算.function.卫生健康支出",
        ),
        ("projects", lambda t: t["project_id"] == "P3", "funds_fiscal", 250.0, "projects.funds_add_up.P3"),
        (
            "staffing",
            lambda t: t["measure"] == "posts_public_institution",
            "count",
            80,
            "staffing.subtotal.posts_total",
        ),
    ],
    ids=[
        "hierarchy",
        "hierarchy-economic",
        "row",
        "row-income",
        "cross-table",
        "balance",
        "three-public",
        "narrative-parts",
        "narrative-amount",
        "projects",
        "staffing",
    ],
)
def test_a_broken_copy_is_caught(d, findings, table, where, column, value, rule):
    assert status(findings, rule) in ("ok", "rounding")
    assert status(_broken(d, table, where, column, value), rule) == "material"


def test_a_fixed_copy_clears_a_finding(d, findings):
    """The staffing limit is a real comparison: within the establishment it holds."""
    fixed = _broken(d, "staffing", lambda t: t["measure"] == "serving_administrative", "count", 52)
    assert status(fixed, "staffing.within_establishment.serving_administrative") == "ok"


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_cli_formats(fmt):
    out = subprocess.run(
        [sys.executable, "-m", "gzanalysis.cli", "audit", "--format", fmt], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        rows = json.loads(out.stdout)
        assert rows[0]["status"] == "material"  # material findings first
    else:
        assert "projects.narrative.重点项目.P1" in out.stdout


def test_cli_strict_exits_1_on_material_findings():
    out = subprocess.run(
        [sys.executable, "-m", "gzanalysis.cli", "audit", "--strict"], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert out.stdout.index("MATERIAL") < out.stdout.index("ROUNDING")


def test_markdown_report_names_each_findings_cause():
    out = subprocess.run(
        [sys.executable, "-m", "gzanalysis.cli", "audit", "--format", "markdown"],
        capture_output=True,
        text=True,
    )
    rows = [line for line in out.stdout.splitlines() if line.startswith("| `projects.coverage.")]
    assert len(rows) == 2 and all(row.endswith("| `projects.coverage_gap` |") for row in rows)
