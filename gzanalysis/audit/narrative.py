"""Checks of the narrative (预算情况说明) against the tables and against itself."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, lines, num

FUND = {"全部资金": "all", "财政拨款": "fiscal", "一般公共预算财政拨款": "general_budget"}
NARRATIVE = "预算情况说明"

# Income sources named by the narrative → column of 部门收入总表. The narrative may call the carry-over
# 上年结转 or, as here, 国库集中支付网上结转.
INCOME_SOURCE_COLUMNS = {
    "财政拨款收入": "fiscal_subtotal",
    "教育收费资金收入": "education_fees",
    "事业收入": "public_institution_income",
    "事业单位经营收入": "public_institution_operations",
    "附属单位上缴收入": "subordinate_remittance",
    "上级补助收入": "higher_level_grants",
    "其他收入": "other_income",
    "上年结转": "carryover",
    "结转": "carryover",
}
THREE_PUBLIC_COLUMNS = {
    "因公出国费": "overseas_travel",
    "因公出国(境)费": "overseas_travel",
    "公务接待费": "official_reception",
    "公务用车运行维护费": "vehicle_operation",
    "公务用车购置费": "vehicle_purchase",
}
GROUPING_ZH = {
    "income_source": "收入来源",
    "kind": "支出类别",
    "function": "功能分类",
    "economic": "经济分类",
    "three_public": "三公经费",
}
KIND_COLUMNS = {"基本支出": "basic", "项目支出": "project"}
FISCAL_TABLES = ["general_budget_expenditure", "government_fund_expenditure", "state_capital_expenditure"]


def _total_row(d, name):
    t = d.table(name)
    rows = t[t["code"].isna()]
    return rows.iloc[0] if not rows.empty else None


def _coded(d, name, code, col):
    t = d.table(name)
    row = t[t["code"] == code]
    return (row[col].iloc[0], row["source_line"].iloc[0]) if not row.empty else (None, None)


def _income_source_column(item: str) -> str | None:
    for key, col in INCOME_SOURCE_COLUMNS.items():
        if item == key or item.endswith(key):
            return col
    return None


def table_figure(d, r):
    """The table figure a narrative statement describes: (value, line, table title, label) or None."""
    scope, grouping, item = r.scope, r.grouping, r.item
    if grouping == "total":
        if r.section.startswith("收入"):
            row = _total_row(d, "income_by_function")
            return row["total"], row["source_line"], "部门收入总表", "部门收入总表 合计"
        if scope == "全部资金":
            row = _total_row(d, "expenditure_by_function")
            return row["total"], row["source_line"], "部门支出总表", "部门支出总表 合计"
        if scope == "财政拨款":
            row = _total_row(d, "income_by_function")
            return row["fiscal_subtotal"], row["source_line"], "部门收入总表", "部门收入总表 财政拨款小计"
        if "机关运行" in item:
            row = _total_row(d, "general_budget_basic_expenditure")
            return (
                row["public_operations"],
                row["source_line"],
                "一般公共预算基本支出表",
                "基本支出表 公用经费合计",
            )
    if grouping == "income_source" and (col := _income_source_column(item)):
        row = _total_row(d, "income_by_function")
        return row[col], row["source_line"], "部门收入总表", f"部门收入总表 合计 {col}"
    if grouping == "kind":
        col = KIND_COLUMNS[item]
        if scope == "全部资金":
            row = _total_row(d, "expenditure_by_function")
            return row[col], row["source_line"], "部门支出总表", f"部门支出总表 合计 {item}"
        values = [_total_row(d, n) for n in FISCAL_TABLES]
        present = [v for v in values if v is not None]
        return (
            sum(num(v[col]) for v in present),
            present[0]["source_line"],
            "一般公共预算支出表",
            f"财政拨款 {item} (一般公共预算 + 政府性基金 + 国有资本经营)",
        )
    if grouping == "function":
        name, col = (
            ("expenditure_by_function", "total")
            if scope == "全部资金"
            else ("income_by_function", "fiscal_subtotal")
        )
        value, line = _coded(d, name, r.function_code, col)
        title = "部门支出总表" if name == "expenditure_by_function" else "部门收入总表"
        return value, line, title, f"{title} {r.function_code} {col}"
    if grouping == "three_public" and item in THREE_PUBLIC_COLUMNS:
        row = d.table("three_public_expenses").iloc[0]
        col = THREE_PUBLIC_COLUMNS[item]
        return row[col], row["source_line"], '财政拨款"三公"经费支出表', f"三公经费表 {col}"
    return None


def _check(
    rule, zh, en, fund, lhs_label, lhs, rhs_label, rhs, figures, tables, source_lines, note="", kind="eq"
):
    return Check(
        rule=rule,
        family="narrative",
        fund=fund,
        description_zh=zh,
        description_en=en,
        lhs_label=lhs_label,
        lhs=num(lhs),
        rhs_label=rhs_label,
        rhs=num(rhs),
        figures=figures,
        tables=tables,
        source_lines=lines(source_lines),
        note=note,
        kind=kind,
    )


def amounts_vs_tables(d) -> Iterator[Check]:
    """Every 2023 amount the narrative states equals the table figure it describes."""
    for r in d.table("narrative_changes").itertuples():
        if pd.isna(r.amount):
            continue
        found = table_figure(d, r)
        if found is None:
            continue
        value, line, title, label = found
        yield _check(
            f"narrative.amount.{r.section}.{r.grouping}.{r.item}",
            f"说明「{r.section}」{r.item} 2023年预算数 = 表中数",
            f"narrative 2023 amount of {r.item} ({r.section}) equals the table",
            FUND[r.scope],
            f"说明 {r.item}",
            r.amount,
            label,
            value,
            2,
            [NARRATIVE, title],
            [r.source_line, line],
        )
    figures = d.table("narrative_figures")
    basic = d.table("general_budget_basic_expenditure")
    for r in figures[(figures["topic"] == "基本支出") & figures["economic_code"].notna()].itertuples():
        row = basic[basic["code"] == r.economic_code]
        value, line = (row["total"].iloc[0], row["source_line"].iloc[0]) if not row.empty else (None, None)
        yield _check(
            f"narrative.amount.{r.section}.basic_by_economic.{r.economic_code}",
            f"说明「{r.section}」基本支出中{r.item} = 基本支出表 {r.economic_code}",
            f"narrative basic expenditure on {r.economic_code} ({r.section}) equals the basic expenditure table",
            FUND[r.scope],
            f"说明 基本支出 {r.item}",
            r.amount,
            f"基本支出表 {r.economic_code}",
            value,
            2,
            [NARRATIVE, "一般公共预算基本支出表"],
            [r.source_line, line],
        )
    three = figures[figures["topic"] == "三公经费"]
    table = d.table("three_public_expenses").iloc[0]
    for r in three.itertuples():
        yield _check(
            "narrative.amount.三公经费.total",
            "说明 三公经费合计 = 三公经费表合计",
            "narrative three-public total equals the table",
            "fiscal",
            "说明 三公经费",
            r.amount,
            "三公经费表 合计",
            table["total"],
            2,
            [NARRATIVE, '财政拨款"三公"经费支出表'],
            [r.source_line, table["source_line"]],
        )


def _group_sum(rows, col):
    return sum(num(v) for v in rows[col]), int(rows[col].notna().sum())


def parts_add_up(d) -> Iterator[Check]:
    """The parts of each stated change (and 2023 amount) add up to the stated total."""
    changes = d.table("narrative_changes")
    for (section, scope), block in changes.groupby(["section", "scope"], sort=False):
        total = block[block["grouping"] == "total"]
        if total.empty:
            continue
        total = total.iloc[0]
        for grouping, parts in block[block["grouping"] != "total"].groupby("grouping", sort=False):
            for col, what_zh, what_en in (
                ("change", "增减额", "changes"),
                ("amount", "2023年预算数", "2023 amounts"),
            ):
                if col == "amount" and parts["amount"].isna().any():
                    continue  # some parts state only their change
                value, n = _group_sum(parts, col)
                yield _check(
                    f"narrative.parts.{section}.{scope}.{grouping}.{col}",
                    f"说明「{section}」按{GROUPING_ZH.get(grouping, grouping)}各项{what_zh}之和 = 总{what_zh}",
                    f"narrative ({section}, {scope}): the {what_en} by {grouping} add up to the total",
                    FUND[scope],
                    f"说明 总{what_zh}",
                    total[col],
                    f"Σ {len(parts)} 项 ({GROUPING_ZH.get(grouping, grouping)})",
                    value,
                    1 + n,
                    [NARRATIVE],
                    [total["source_line"], *parts["source_line"], *parts["end_line"]],
                )
    # Breakdowns (其中 …) of basic and project expenditure add up to the amount they break down.
    figures = d.table("narrative_figures")
    for (section, scope, topic), parts in figures[figures["topic"].isin(KIND_COLUMNS)].groupby(
        ["section", "scope", "topic"], sort=False
    ):
        whole = changes[
            (changes["section"] == section) & (changes["scope"] == scope) & (changes["item"] == topic)
        ]
        if whole.empty:
            continue
        value, n = _group_sum(parts, "amount")
        yield _check(
            f"narrative.breakdown.{section}.{topic}",
            f"说明「{section}」{topic}按经济分类各项之和 = {topic}",
            f"narrative ({section}): the economic breakdown of {topic} adds up",
            FUND[scope],
            f"说明 {topic}",
            whole["amount"].iloc[0],
            f"Σ {len(parts)} 项",
            value,
            1 + n,
            [NARRATIVE],
            [whole["source_line"].iloc[0], *parts["source_line"]],
        )
    # Each economic class of all spending = its basic part + its project part.
    economic = changes[(changes["grouping"] == "economic") & (changes["scope"] == "全部资金")]
    for r in economic.itertuples():
        parts = figures[
            (figures["scope"] == r.scope)
            & (figures["section"] == r.section)
            & (figures["economic_code"] == r.economic_code)
        ]
        if parts.empty:
            continue
        value, n = _group_sum(parts, "amount")
        yield _check(
            f"narrative.breakdown.economic.{r.economic_code}",
            f"说明 {r.item} = 基本支出中 + 项目支出中{r.item}",
            f"narrative {r.item} = its basic part + its project part",
            "all",
            f"说明 {r.item}",
            r.amount,
            "基本支出部分 + 项目支出部分",
            value,
            1 + n,
            [NARRATIVE],
            [r.source_line, *parts["source_line"]],
        )
    procurement = figures[figures["topic"] == "政府采购"]
    if len(procurement) > 1:
        whole, parts = procurement.iloc[0], procurement.iloc[1:]
        value, n = _group_sum(parts, "amount")
        yield _check(
            "narrative.breakdown.政府采购",
            "政府采购总额 = 货物 + 工程 + 服务",
            "procurement total = goods + works + services",
            "all",
            whole["item"],
            whole["amount"],
            "货物 + 工程 + 服务",
            value,
            1 + n,
            [NARRATIVE],
            [whole["source_line"]],
        )


def growth_rates(d) -> Iterator[Check]:
    """A stated growth rate equals change ÷ (amount − change)."""
    for r in d.table("narrative_changes").dropna(subset=["growth_rate_stated"]).itertuples():
        prior = r.amount - r.change
        yield Check(
            rule=f"narrative.growth_rate.{r.item}",
            family="narrative",
            fund=FUND[r.scope],
            description_zh=f"说明 {r.item} 增长率 = 增加额 ÷ 上年数",
            description_en=f"stated growth rate of {r.item} = change / prior-year amount",
            lhs_label="说明 增长率 (%)",
            lhs=float(r.growth_rate_stated),
            rhs_label=f"{r.change} ÷ {prior:.2f} × 100",
            rhs=round(100 * r.change / prior, 6),
            figures=1,
            tables=[NARRATIVE],
            source_lines=[r.source_line],
            note="Percent points; the rate is printed to 0.01, so half a hundredth is rounding.",
        )


def _implied_prior(r):
    return num(r.amount) - num(r.change)


def _implied_label(r):
    """``基本支出 1862.41 − 809.39``; a stated decrease reads ``项目支出 11485.06 + 241.32``."""
    change = num(r.change)
    return f"{r.item} {num(r.amount):.2f} {'−' if change >= 0 else '+'} {abs(change):.2f}"


def _find(changes, section_prefix, scope, grouping, item=None, function_code=None, economic_code=None):
    """The first narrative statement of a section (by prefix), scope and grouping, or None."""
    rows = changes[
        changes["section"].str.startswith(section_prefix)
        & (changes["scope"] == scope)
        & (changes["grouping"] == grouping)
    ]
    if item is not None:
        rows = rows[rows["item"] == item]
    if function_code is not None:
        rows = rows[rows["function_code"] == function_code]
    if economic_code is not None:
        rows = rows[rows["economic_code"] == economic_code]
    return next(rows.itertuples(), None)


def _prior_year_check(rule, zh, en, a, b, note="", kind="eq"):
    return _check(
        rule,
        zh,
        en,
        FUND[b.scope],
        _implied_label(a),
        _implied_prior(a),
        _implied_label(b),
        _implied_prior(b),
        4,
        [NARRATIVE],
        [a.source_line, b.source_line],
        note=note,
        kind=kind,
    )


def fiscal_parts_of_prior_year(d) -> Iterator[Check]:
    """What the all-funds and the fiscal sections imply for 2022, compared like with like.

    The 支出预算 section states changes of all funds, the 财政拨款支出 section changes of fiscal appropriations
    only. Their implied 2022 amounts are not two estimates of one figure: the fiscal one is a part of the
    all-funds one, and the difference is the 2022 money from other sources (上年结转, 其他收入 …). So:
    the fiscal part lies within the whole (a limit), the non-fiscal parts by kind add up to the non-fiscal
    income by source (an identity), and the non-fiscal part of each kind is reported as information.
    """
    changes = d.table("narrative_changes")
    pairs = [
        (
            _find(changes, "支出", "全部资金", "kind", item),
            _find(changes, "财政拨款", "财政拨款", "kind", item),
        )
        for item in KIND_COLUMNS
    ]
    for r in changes[(changes["grouping"] == "function") & (changes["scope"] == "财政拨款")].itertuples():
        pairs.append((_find(changes, "支出", "全部资金", "function", function_code=r.function_code), r))
    for whole, fiscal in pairs:
        if whole is None or fiscal is None:
            continue
        yield _prior_year_check(
            f"narrative.prior_year.fiscal_within.{whole.section}.{whole.item}~{fiscal.section}.{fiscal.item}",
            f"隐含2022年数: 「{fiscal.section}」{fiscal.item}(财政拨款) ≤ 「{whole.section}」{whole.item}(全部资金)",
            f"implied 2022 amounts: the fiscal part of {fiscal.item} lies within its all-funds amount",
            fiscal,
            whole,
            note="A fiscal figure is compared with an all-funds one only as a part with its whole.",
            kind="le",
        )
    kinds = [(w, f) for w, f in pairs[: len(KIND_COLUMNS)] if w is not None and f is not None]
    for whole, fiscal in kinds:
        yield _prior_year_check(
            f"narrative.prior_year.non_fiscal.{whole.item}",
            f"2022年{whole.item}中非财政拨款部分: 全部资金隐含数 − 财政拨款隐含数",
            f"2022 {whole.item} not paid from fiscal appropriations: all-funds minus fiscal implied amount",
            whole,
            fiscal,
            note="Information, not a test: diff is the 2022 money from sources other than fiscal appropriations.",
            kind="info",
        )
    total = _find(changes, "收入", "全部资金", "total")
    fiscal_income = _find(changes, "收入", "全部资金", "income_source", "财政拨款收入")
    if len(kinds) == len(KIND_COLUMNS) and total is not None and fiscal_income is not None:
        by_kind = sum(_implied_prior(w) - _implied_prior(f) for w, f in kinds)
        yield _check(
            "narrative.prior_year.non_fiscal.by_kind~by_source",
            "2022年非财政拨款资金: 按支出类别(基本 + 项目, 全部资金 − 财政拨款) = 按收入来源(收入总额 − 财政拨款收入)",
            "2022 non-fiscal money by kind (basic + project, all funds − fiscal) = by source (income − fiscal income)",
            "all",
            "Σ 基本支出, 项目支出 (全部资金 − 财政拨款)",
            by_kind,
            f"{total.item} − {fiscal_income.item} (2022)",
            _implied_prior(total) - _implied_prior(fiscal_income),
            4 * len(kinds) + 4,
            [NARRATIVE],
            [*(r.source_line for pair in kinds for r in pair), total.source_line, fiscal_income.source_line],
        )


def prior_years_agree(d) -> Iterator[Check]:
    """Where two sections describe the same money, the 2022 amounts they imply agree.

    Each pair below holds only where the 2023 tables show that both statements describe the same money;
    the condition is checked on the tables, and the note says what is assumed of 2022. Both sides of a
    pair are all-funds figures, or both fiscal: a fiscal part and its all-funds whole are compared in
    ``fiscal_parts_of_prior_year``.
    """
    changes = d.table("narrative_changes")
    inc = _total_row(d, "income_by_function")

    def find(*args, **kwargs):
        return _find(changes, *args, **kwargs)

    pairs = []
    pairs.append(
        (
            find("收入", "全部资金", "total"),
            find("支出", "全部资金", "total"),
            "income equals spending in both years (the summary table balances)",
            True,
        )
    )
    pairs.append(
        (
            find("收入", "全部资金", "income_source", "财政拨款收入"),
            find("财政拨款", "财政拨款", "total"),
            "fiscal appropriations received equal those spent (财政拨款收支总表 balances)",
            True,
        )
    )
    other_229, _ = _coded(d, "income_by_function", "229", "other_income")
    pairs.append(
        (
            find("收入", "全部资金", "income_source", "其他收入"),
            find("支出", "全部资金", "function", function_code="229"),
            "in 2023 all 其他收入 is spent as function 229 其他支出 and 229 has no other source (部门收入总表); "
            "assumes the same of 2022",
            abs(num(inc["other_income"]) - num(other_229)) < 1e-9
            and abs(num(other_229) - num(_coded(d, "income_by_function", "229", "total")[0])) < 1e-9,
        )
    )
    pairs.append(
        (
            find("支出", "全部资金", "function", function_code="229"),
            find("支出", "全部资金", "economic", economic_code="399"),
            "function 229 其他支出 and economic class 其他相关支出 are the same money in 2023 (both the unit's own funds, 700); "
            "assumes the same of 2022",
            True,
        )
    )
    for a, b, note, applies in pairs:
        if a is None or b is None or not applies:
            continue
        yield _prior_year_check(
            f"narrative.prior_year.{a.section}.{a.item}~{b.section}.{b.item}",
            f"隐含2022年数一致: 「{a.section}」{a.item} 与 「{b.section}」{b.item}",
            f"implied 2022 amounts agree: {a.item} ({a.section}) and {b.item} ({b.section})",
            a,
            b,
            note=note,
        )
