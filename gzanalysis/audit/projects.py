"""Checks of the project performance tables against the budget tables and the narrative."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, lines, num

PROJECTS = "项目支出绩效目标表"
NARRATIVE = "预算情况说明"


def _total_row(d, name):
    """The table's total line (no code), or None where it prints none (a PDF read without one)."""
    t = d.table(name)
    total = t[t["code"].isna()]
    return total.iloc[0] if len(total) else None


def projects(d) -> Iterator[Check]:
    p = d.table("projects")
    # Each table's funds add up.
    for r in p.itertuples():
        parts = [r.funds_fiscal, r.funds_other, r.funds_carryover]
        if pd.isna(r.funds_total) or all(pd.isna(v) for v in parts):
            continue  # the table prints the total only (长沙's 资金总额), or a source only (重庆's 财政拨款)
        yield Check(
            rule=f"projects.funds_add_up.{r.project_id}",
            family="projects",
            fund="all",
            description_zh=f"{r.project_id} {r.name}: 年度资金总额 = 财政拨款 + 其他资金 + 上年结转",
            description_en=f"{r.project_id}: total funds = fiscal + other + carry-over",
            lhs_label="年度资金总额",
            lhs=num(r.funds_total),
            rhs_label="财政拨款 + 其他资金 + 上年结转",
            rhs=sum(num(v) for v in parts),
            figures=4,
            tables=[PROJECTS],
            source_lines=lines(
                [r.funds_total_line, r.funds_fiscal_line, r.funds_other_line, r.funds_carryover_line]
            ),
        )
    if "scope" in p:  # a table of the department as a whole (部门整体) is not project spending
        p = p[p["scope"].fillna("project") == "project"]
    if p.empty:
        return  # no project performance table (none published, or an ingest that does not read them)
    spend, income = _total_row(d, "expenditure_by_function"), _total_row(d, "income_by_function")
    gb = _total_row(d, "general_budget_expenditure")
    n = len(p)
    blank = pd.Series({"project": None, "other_income": None, "carryover": None, "source_line": None})
    spend, income, gb = (blank if r is None else r for r in (spend, income, gb))
    # The performance tables against 项目支出, source by source.
    comparisons = [
        (
            "funds_fiscal",
            "财政拨款",
            gb["project"],
            "一般公共预算支出表 项目支出",
            gb["source_line"],
            "fiscal",
            "项目表财政拨款之和 = 一般公共预算项目支出",
            "fiscal funds of the project tables = general budget project spending",
            "",
        ),
        (
            "funds_other",
            "其他资金",
            income["other_income"],
            "部门收入总表 其他收入",
            income["source_line"],
            "all",
            "项目表其他资金之和 = 其他收入",
            "other funds of the project tables = other income",
            "Holds where all other income is spent on projects, as here.",
        ),
        (
            "funds_carryover",
            "上年结转",
            income["carryover"],
            "部门收入总表 上年结转",
            income["source_line"],
            "all",
            "项目表上年结转之和 = 上年结转收入: 结转资金有没有绩效目标",
            "carry-over in the project tables = carry-over income: does carried-over money have performance targets",
            "Carry-over funds only project spending in this disclosure (部门支出总表: 基本支出 is all fiscal).",
        ),
        (
            "funds_total",
            "年度资金总额",
            spend["project"],
            "部门支出总表 项目支出",
            spend["source_line"],
            "all",
            "项目表年度资金总额之和 = 项目支出: 有绩效目标表的项目支出占比",
            "total funds of the project tables = project spending: how much project spending has a performance table",
            "The measure of coverage: every project should have a performance table (项目支出全面实施绩效目标管理).",
        ),
    ]
    for col, label, table_value, table_label, table_line, fund, zh, en, note in comparisons:
        if table_value is None or pd.isna(table_value) or p[col].isna().all():
            continue  # the budget table prints no such total, or no performance table prints this source
        yield Check(
            rule=f"projects.coverage.{col}",
            family="projects",
            fund=fund,
            description_zh=zh,
            description_en=en,
            lhs_label=f"Σ {n} 项目表 {label}",
            lhs=sum(num(v) for v in p[col]),
            rhs_label=table_label,
            rhs=num(table_value),
            figures=n + 1,
            tables=[PROJECTS, "部门支出总表" if "支出总表" in table_label else "部门收入总表"],
            source_lines=lines([*p[f"{col}_line"], table_line]),
            note=note,
        )
    # The narrative's project amounts against the tables.
    figures = d.table("narrative_figures")
    by_id = p.set_index("project_id")
    for r in figures.dropna(subset=["project_id"]).itertuples():
        table = by_id.loc[r.project_id]
        yield Check(
            rule=f"projects.narrative.{r.section}.{r.project_id}",
            family="projects",
            fund="all",
            description_zh=f"说明「{r.section}」{r.item} 金额 = 绩效目标表 年度资金总额",
            description_en=f"narrative amount of {r.project_id} ({r.section}) equals its performance table",
            lhs_label=f"说明 {r.item}",
            lhs=num(r.amount),
            rhs_label=f"{r.project_id} 年度资金总额",
            rhs=num(table["funds_total"]),
            figures=2,
            tables=[NARRATIVE, PROJECTS],
            source_lines=lines([r.source_line, table["funds_total_line"]]),
        )
    for item, value, kind in (
        ("项目预算金额合计", sum(num(v) for v in p["funds_total"]), "eq"),
        ("预算安排项目数", n, "exact"),
    ):
        row = figures[figures["item"] == item]
        if row.empty:
            continue
        yield Check(
            rule=f"projects.narrative.{item}",
            family="projects",
            fund="all",
            description_zh=f"说明 {item} = 绩效目标表",
            description_en=f"narrative {item} matches the performance tables",
            lhs_label=f"说明 {item}",
            lhs=num(row["amount"].iloc[0]),
            rhs_label=f"{n} 张绩效目标表",
            rhs=float(value),
            figures=n + 1,
            tables=[NARRATIVE, PROJECTS],
            source_lines=lines(row["source_line"]),
            kind=kind,
        )
