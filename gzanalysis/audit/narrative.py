"""Checks of the narrative (预算情况说明) against the tables and against itself."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import ROUNDING_PER_FIGURE, Check, lines, num, years
from gzanalysis.audit.rules import not_checked, not_read, structure
from gzanalysis.package.layout import layout

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
    if structure(d, name).get("rows_by") == "unit" and "name" in rows.columns:
        rows = rows[rows["name"].fillna("").str.contains("合计|总计")]  # not a unit's row
    return rows.iloc[0] if not rows.empty else None


def _printed(d, name, col) -> bool:
    """Whether the document's table ``name`` prints ``col`` (a PDF's table may not)."""
    return col not in structure(d, name).get("not_printed", ())


def own_template(d) -> bool:
    """The package records its own template: a PDF ingest's (the rules compare what it reads with the
    tables it reads: totals with the 收支总表, 财政拨款 with the 财政拨款收支总表)."""
    return isinstance(d.meta.get("template"), dict)


def _summary_total(d, name, side, col):
    """The grand total of one side of a two-sided summary (its 总计, else its 合计)."""
    t = d.table(name)
    rows = t[(t["side"] == side) & t["role"].isin(["total", "subtotal"])]
    rows = rows.sort_values("role", key=lambda s: s.map({"total": 0, "subtotal": 1}), kind="stable")
    rows = rows[rows[col].notna()]
    return rows.iloc[0] if not rows.empty else None


def _three_public_row(d):
    t = d.table("three_public_expenses")
    if len(t) > 1 and "department" in t.columns:
        total = t[t["department"].fillna("").str.contains("合计|总计")]
        t = total if not total.empty else t
    return t.iloc[0] if not t.empty else None


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
    if own_template(d):
        return _pdf_table_figure(d, r)
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


def _pdf_table_figure(d, r):
    """What a PDF package's narrative statement describes: its totals in the 收支总表, its 财政拨款 in the
    财政拨款收支总表, its 一般公共预算 in the 一般公共预算支出表, its 三公 in the 三公 table; a part where the
    table prints it by code. None where no table of the package prints the figure."""
    scope, grouping, item = r.scope, r.grouping, r.item
    if grouping == "total" and r.section in ("收入预算", "支出预算") and scope == "全部资金":
        side = "income" if r.section == "收入预算" else "expenditure"
        row = _summary_total(d, "budget_summary", side, "amount")
        if row is not None:
            return row["amount"], row["source_line"], "收支预算总表", f"收支总表 {row['item']}"
    if grouping == "total" and r.section == "财政拨款支出" and scope == "财政拨款":
        row = _summary_total(d, "fiscal_summary", "expenditure", "total")
        if row is not None:
            return row["total"], row["source_line"], "财政拨款收支总表", f"财政拨款收支总表 {row['item']}"
    if grouping == "total" and r.section == "财政拨款支出" and scope == "一般公共预算财政拨款":
        row = _total_row(d, "general_budget_expenditure")
        if row is not None and pd.notna(row["total"]):
            return row["total"], row["source_line"], "一般公共预算支出表", "一般公共预算支出表 合计"
    if grouping == "function" and r.function_code:
        name = "expenditure_by_function" if scope == "全部资金" else "general_budget_expenditure"
        if not structure(d, name).get("read_from") and structure(d, name).get("rows_by", "code") == "code":
            value, line = _coded(d, name, r.function_code, "total")
            if value is not None and pd.notna(value):
                title = layout()[name].title
                return value, line, title, f"{title} {r.function_code} total"
    if grouping == "three_public":
        col = next((c for key, c in THREE_PUBLIC_COLUMNS.items() if item.startswith(key)), None)
        row = _three_public_row(d)
        if col and row is not None and _printed(d, "three_public_expenses", col) and pd.notna(row[col]):
            return row[col], row["source_line"], '财政拨款"三公"经费支出表', f"三公经费表 {col}"
    return None


# The headline statements every narrative makes, checked against the tables: where the narrative states
# none, the rule is not_checked, with the reason.
HEADLINES = [
    ("收入预算", "全部资金", "the total income (收入预算)", "收支预算总表"),
    ("支出预算", "全部资金", "the total expenditure (支出预算)", "收支预算总表"),
    ("财政拨款支出", None, "the fiscal appropriations (财政拨款)", "财政拨款收支总表"),
]


HEADLINE_TABLES = {s: t for s, _, _, t in HEADLINES}


def unique_rule(rule: str, seen: set[str], row) -> str:
    """A rule id, made unique by the statement's row where the narrative states the same item twice."""
    if rule in seen:
        rule = f"{rule}.row{row}"
    seen.add(rule)
    return rule


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
    """Every amount of the year the narrative states equals the table figure it describes."""
    y = years(d.meta.get("year"))
    changes = d.table("narrative_changes")
    seen: set[str] = set()
    yield from _headlines_not_stated(d, changes)
    for r in changes.itertuples():
        if pd.isna(r.amount):
            continue
        found = table_figure(d, r)
        if found is None:
            if own_template(d) and r.grouping == "total" and r.section in HEADLINE_TABLES:
                yield not_checked(
                    f"no table of the package prints the figure ({HEADLINE_TABLES[r.section]} as read has none)",
                    rule=unique_rule(f"narrative.amount.{r.section}.{r.grouping}.{r.item}", seen, r.row),
                    family="narrative",
                    fund=FUND[r.scope],
                    description_zh=f"说明「{r.section}」{r.item} 本年预算数 = 表中数",
                    description_en=f"narrative amount of {r.item} ({r.section}) equals the table",
                    tables=[NARRATIVE, HEADLINE_TABLES[r.section]],
                )
            continue
        value, line, title, label = found
        yield _check(
            unique_rule(f"narrative.amount.{r.section}.{r.grouping}.{r.item}", seen, r.row),
            f"说明「{r.section}」{r.item} {y.zh}预算数 = 表中数",
            f"narrative {y.en} amount of {r.item} ({r.section}) equals the table",
            FUND[r.scope],
            f"说明 {r.item}",
            r.amount,
            label,
            value,
            _stated_figures(d, r.amount, 2),
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
    table = _three_public_row(d)
    if three.empty and table is not None:
        yield _not_stated(
            d, "narrative.amount.三公经费.total", "the 三公 total (三公经费)", '财政拨款"三公"经费支出表'
        )
    for r in three.itertuples() if table is not None else ():
        total, label, n = table["total"], "三公经费表 合计", 2
        if pd.isna(total) and own_template(d):  # no 合计 column read: the sum of the four items
            parts = list(dict.fromkeys(THREE_PUBLIC_COLUMNS.values()))
            missing = [c for c in parts if not _printed(d, "three_public_expenses", c)]
            if missing:
                yield not_checked(
                    "the 三公 table as read has no 合计 and no column for " + ", ".join(missing),
                    rule="narrative.amount.三公经费.total",
                    family="narrative",
                    fund="fiscal",
                    description_zh="说明 三公经费合计 = 三公经费表合计",
                    description_en="narrative three-public total equals the table",
                    tables=[NARRATIVE, '财政拨款"三公"经费支出表'],
                )
                continue
            total, label, n = sum(num(table[c]) for c in parts), "三公经费表 Σ " + " + ".join(parts), 5
        yield _check(
            "narrative.amount.三公经费.total",
            "说明 三公经费合计 = 三公经费表合计",
            "narrative three-public total equals the table",
            "fiscal",
            "说明 三公经费",
            r.amount,
            label,
            total,
            _stated_figures(d, r.amount, n),
            [NARRATIVE, '财政拨款"三公"经费支出表'],
            [r.source_line, table["source_line"]],
        )


def _stated_figures(d, amount, n: int) -> int:
    """The figures a comparison spans, counting a PDF narrative's amount printed in whole 万元 (12,026)
    as rounded to 1 万元, i.e. a hundred hundredths (the seed prints two decimals)."""
    whole = own_template(d) and pd.notna(amount) and float(amount) == round(float(amount))
    return n + 99 if whole else n


def _not_stated(d, rule, what, title):
    reason = not_read(d, "narrative") or f"the narrative states no amount of {what}"
    return not_checked(
        reason,
        rule=rule,
        family="narrative",
        fund="all",
        description_zh=f"说明所述数 = {title}",
        description_en=f"the narrative's amount of {what} equals the {title}",
        tables=[NARRATIVE, title],
    )


def _headlines_not_stated(d, changes) -> Iterator[Check]:
    for section, scope, what, title in HEADLINES:
        rows = changes[(changes["section"] == section) & (changes["grouping"] == "total")]
        if scope:
            rows = rows[rows["scope"] == scope]
        if rows["amount"].notna().any():
            continue
        yield _not_stated(d, f"narrative.amount.{section}.total", what, title)


def _group_sum(rows, col):
    return sum(num(v) for v in rows[col]), int(rows[col].notna().sum())


def parts_add_up(d) -> Iterator[Check]:
    """The parts of each stated change (and amount of the year) add up to the stated total."""
    y = years(d.meta.get("year"))
    changes = d.table("narrative_changes")
    for (section, scope), block in changes.groupby(["section", "scope"], sort=False):
        total = block[block["grouping"] == "total"]
        if total.empty:
            continue
        total = total.iloc[0]
        for grouping, parts in block[~block["grouping"].isin(["total", "other"])].groupby(
            "grouping", sort=False
        ):
            covered, n_amounts = _group_sum(parts, "amount")
            rule = f"narrative.parts.{section}.{scope}.{grouping}"
            if (
                n_amounts == len(parts)
                and pd.notna(total["amount"])
                and abs(covered - total["amount"]) > ROUNDING_PER_FIGURE * (1 + n_amounts)
            ):
                # the parts stated do not make up the total: a part is not stated (or not read)
                yield not_checked(
                    f"the {len(parts)} parts stated ({GROUPING_ZH.get(grouping, grouping)}) cover "
                    f"{covered:,.2f} of the total {total['amount']:,.2f}: their changes are not compared",
                    rule=f"{rule}.change",
                    family="narrative",
                    fund=FUND[scope],
                    description_zh=f"说明「{section}」按{GROUPING_ZH.get(grouping, grouping)}各项增减额之和 = 总增减额",
                    description_en=f"narrative ({section}, {scope}): the changes by {grouping} add up to the total",
                    tables=[NARRATIVE],
                )
                continue
            for col, what_zh, what_en in (
                ("change", "增减额", "changes"),
                ("amount", f"{y.zh}预算数", f"{y.en} amounts"),
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
    """A stated growth rate equals change ÷ (amount − change), within half a unit of its last printed digit."""
    seen: set[str] = set()
    for r in d.table("narrative_changes").dropna(subset=["growth_rate_stated", "amount"]).itertuples():
        prior = r.amount - r.change
        if abs(prior) < 1e-9:
            continue  # nothing last year: no rate
        yield Check(
            rule=unique_rule(f"narrative.growth_rate.{r.item}", seen, r.row),
            family="narrative",
            fund=FUND[r.scope],
            description_zh=f"说明 {r.item} 增长率 = 增加额 ÷ 上年数",
            description_en=f"stated growth rate of {r.item} = change / prior-year amount",
            lhs_label="说明 增长率 (%)",
            lhs=float(r.growth_rate_stated),
            rhs_label=f"{r.change} ÷ {prior:.2f} × 100",
            rhs=round(100 * r.change / prior, 6),
            figures=_rate_figures(d, r),
            tables=[NARRATIVE],
            source_lines=[r.source_line],
            note="Percent points; half a unit of the rate's last printed digit is rounding."
            if own_template(d)
            else "Percent points; the rate is printed to 0.01, so half a hundredth is rounding.",
        )


def _rate_figures(d, r) -> int:
    """How many hundredths the rate's rounding spans: 1 for a rate printed to 0.01 (the seed's), 10 to 0.1."""
    if not own_template(d):
        return 1
    text = f"{r.growth_rate_stated}"
    decimals = min(2, len(text.split(".")[1].rstrip("0")) if "." in text else 0)
    return 10 ** (2 - decimals)


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
    y = years(d.meta.get("year"))
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
            f"推算{y.prior_zh}数: 「{fiscal.section}」{fiscal.item}(财政拨款) ≤ 「{whole.section}」{whole.item}(全部资金)",
            f"implied {y.prior_en} amounts: the fiscal part of {fiscal.item} lies within its all-funds amount",
            fiscal,
            whole,
            note="A fiscal figure is compared with an all-funds one only as a part with its whole.",
            kind="le",
        )
    kinds = [(w, f) for w, f in pairs[: len(KIND_COLUMNS)] if w is not None and f is not None]
    for whole, fiscal in kinds:
        yield _prior_year_check(
            f"narrative.prior_year.non_fiscal.{whole.item}",
            f"{y.prior_zh}{whole.item}中非财政拨款部分: 全部资金推算数 − 财政拨款推算数",
            f"{y.prior_en} {whole.item} not paid from fiscal appropriations: all-funds minus fiscal implied amount",
            whole,
            fiscal,
            note=f"Information, not a test: diff is the {y.prior_en} money from sources other than fiscal "
            "appropriations.",
            kind="info",
        )
    total = _find(changes, "收入", "全部资金", "total")
    fiscal_income = _find(changes, "收入", "全部资金", "income_source", "财政拨款收入")
    if len(kinds) == len(KIND_COLUMNS) and total is not None and fiscal_income is not None:
        by_kind = sum(_implied_prior(w) - _implied_prior(f) for w, f in kinds)
        yield _check(
            "narrative.prior_year.non_fiscal.by_kind~by_source",
            f"{y.prior_zh}非财政拨款资金: 按支出类别(基本 + 项目, 全部资金 − 财政拨款) = 按收入来源(收入总额 − 财政拨款收入)",
            f"{y.prior_en} non-fiscal money by kind (basic + project, all funds − fiscal) = by source (income − fiscal "
            "income)",
            "all",
            "Σ 基本支出, 项目支出 (全部资金 − 财政拨款)",
            by_kind,
            f"{total.item} − {fiscal_income.item} ({y.prior_en})",
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
    y = years(d.meta.get("year"))
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
            f"in {y.en} all 其他收入 is spent as function 229 其他支出 and 229 has no other source (部门收入总表); "
            f"assumes the same of {y.prior_en}",
            inc is not None
            and abs(num(inc["other_income"]) - num(other_229)) < 1e-9
            and abs(num(other_229) - num(_coded(d, "income_by_function", "229", "total")[0])) < 1e-9,
        )
    )
    pairs.append(
        (
            find("支出", "全部资金", "function", function_code="229"),
            find("支出", "全部资金", "economic", economic_code="399"),
            f"function 229 其他支出 and economic class 其他相关支出 are taken to be the same money in {y.en} (the "
            f"unit's own funds); assumes the same of {y.prior_en}",
            True,
        )
    )
    for a, b, note, applies in pairs:
        if a is None or b is None or not applies:
            continue
        yield _prior_year_check(
            f"narrative.prior_year.{a.section}.{a.item}~{b.section}.{b.item}",
            f"推算{y.prior_zh}数一致: 「{a.section}」{a.item} 与 「{b.section}」{b.item}",
            f"implied {y.prior_en} amounts agree: {a.item} ({a.section}) and {b.item} ({b.section})",
            a,
            b,
            note=note,
        )


# The headline statements: the total income and expenditure (全部资金); a unit whose narrative compares only
# its fiscal appropriations (a 单位预算 of 上海, 西安) is headed by its 财政拨款 statements instead.
HEADLINE_STATEMENTS = {
    "income": [("收入预算", "total", None), ("收入预算", "income_source", "财政拨款|一般公共预算")],
    "expenditure": [("支出预算", "total", None), ("财政拨款支出", "total", None)],
}


def headline_statements(rows: list[dict]) -> dict[str, dict]:
    """Side (income, expenditure) → the change statement that heads it: the first of ``HEADLINE_STATEMENTS``' kinds
    the rows (of ``narrative_changes``, in reading order) hold."""
    out = {}
    for side, rules in HEADLINE_STATEMENTS.items():
        for section, grouping, words in rules:
            found = [
                r
                for r in rows
                if str(r["section"]) == section  # str(): a missing value (NA) is no section
                and str(r["grouping"]) == grouping
                and (words is None or re.search(words, str(r["item"])))
            ]
            if found:
                out[side] = found[0]
                break
    return out
