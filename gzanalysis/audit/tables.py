"""Checks on the published tables: hierarchy, identities within a row, across tables, and balance."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, lines, num
from gzanalysis.package.layout import INCOME_SOURCES, layout


def not_printed(d, name: str) -> set[str]:
    """Amount fields of a resource that the document's table does not print (``d.meta["structure"]``, written
    by the PDF ingest from its template): identities that need them are not checked."""
    return set(d.meta.get("structure", {}).get(name, {}).get("not_printed", ()))


def expenditure_by(d, name: str) -> str:
    """What the expenditure side of a summary table lists above its subtotal: "function" or "kind"."""
    return d.meta.get("structure", {}).get(name, {}).get("expenditure_by", "function")


def _amount_columns(res) -> list[str]:
    return [f.name for f in res.fields if f.is_amount]


def hierarchy(d) -> Iterator[Check]:
    """Every 类 = Σ its 款, every 款 = Σ its 项, and the 合计 row = Σ 类, in every amount column."""
    for res in layout().values():
        if not res.classification:
            continue
        t = d.tables[res.title]
        if t.empty:
            continue
        # Plain Python lists: these tables have tens of rows, and pandas' per-call cost would dominate.
        codes, parents, names, levels = (
            [None if pd.isna(v) else v for v in t[c]] for c in ("code", "parent", "name", "level")
        )
        line = t["source_line"].tolist()
        rows = range(len(t))
        total_rows = [i for i in rows if codes[i] is None]
        groups = [
            (i, codes[i], [j for j in rows if parents[j] == codes[i]]) for i in rows if codes[i] is not None
        ]
        if total_rows:
            groups.append((total_rows[0], None, [j for j in rows if levels[j] == "类"]))
        groups = [g for g in groups if g[2]]
        for col in _amount_columns(res):
            values = t[col].tolist()
            for at, code, children in groups:
                lhs, parts = values[at], [values[j] for j in children]
                if pd.isna(lhs) and all(pd.isna(v) for v in parts):
                    continue  # an empty column of this branch: nothing published to check
                what = f"{code} {names[at]}" if code else "合计"
                yield Check(
                    rule=f"hierarchy.{res.name}.{col}.{code or 'total'}",
                    family="hierarchy",
                    fund=res.fund,
                    description_zh=f"{res.title}「{res.field(col).title}」: {what} = 下级科目之和",
                    description_en=f"{res.title_en}, {col}: {what} equals the sum of its sub-items",
                    lhs_label=f"{what} {col}",
                    lhs=num(lhs),
                    rhs_label=f"Σ {len(children)} sub-items",
                    rhs=sum(num(v) for v in parts),
                    figures=1 + sum(not pd.isna(v) for v in parts),
                    tables=[res.title],
                    source_lines=lines([line[at], *(line[j] for j in children)]),
                )


# Identities between the columns of one row: (resource, total column, part columns, zh label, en label).
ROW_IDENTITIES = [
    (
        "income_by_function",
        "total",
        list(INCOME_SOURCES),
        "合计 = 上年结转 + 财政拨款 + 其他各项收入",
        "total = carry-over + fiscal appropriations + other sources",
    ),
    (
        "income_by_function",
        "fiscal_subtotal",
        ["general_budget", "government_fund", "state_capital"],
        "财政拨款小计 = 一般公共预算 + 政府性基金 + 国有资本经营",
        "fiscal subtotal = its three fund columns",
    ),
    (
        "expenditure_by_function",
        "total",
        ["basic", "project"],
        "合计 = 基本支出 + 项目支出",
        "total = basic + project",
    ),
    (
        "general_budget_expenditure",
        "total",
        ["basic", "project"],
        "合计 = 基本支出 + 项目支出",
        "total = basic + project",
    ),
    (
        "government_fund_expenditure",
        "total",
        ["basic", "project"],
        "合计 = 基本支出 + 项目支出",
        "total = basic + project",
    ),
    (
        "state_capital_expenditure",
        "total",
        ["basic", "project"],
        "合计 = 基本支出 + 项目支出",
        "total = basic + project",
    ),
    (
        "general_budget_basic_expenditure",
        "total",
        ["personnel", "public_operations"],
        "合计 = 人员经费 + 公用经费",
        "total = personnel + office running costs",
    ),
    (
        "three_public_expenses",
        "total",
        ["overseas_travel", "official_reception", "vehicle_operation", "vehicle_purchase"],
        "三公经费合计 = 各项之和",
        "three public expenses total = its parts",
    ),
    (
        "fiscal_summary",
        "total",
        ["general_budget", "government_fund", "state_capital"],
        "支出合计 = 一般公共预算 + 政府性基金 + 国有资本经营",
        "expenditure total = the three budgets",
    ),
]


FISCAL_FUNDS = ("general_budget", "government_fund", "state_capital")


def rows(d) -> Iterator[Check]:
    """Within each row: totals equal the sum of their columns."""
    for name, total, parts, zh, en in ROW_IDENTITIES:
        res = layout()[name]
        t = d.tables[res.title]
        if name == "fiscal_summary":
            t = t[t["side"] == "expenditure"]
        family = "three_public" if name == "three_public_expenses" else "row"
        absent = not_printed(d, name)
        if total in absent:
            continue
        if "fiscal_subtotal" in parts and "fiscal_subtotal" in absent:
            parts = [*parts, *FISCAL_FUNDS]  # no printed subtotal: its fund columns stand for it
        parts = [c for c in parts if c not in absent]
        if not parts:
            continue
        for r in t.itertuples():
            values = [getattr(r, c) for c in parts]
            if pd.isna(getattr(r, total)) and all(pd.isna(v) for v in values):
                continue
            key = r.code if "code" in t.columns and not pd.isna(r.code) else f"row{r.row}"
            label = getattr(r, "name", None) or getattr(r, "item", None) or getattr(r, "department", "")
            yield Check(
                rule=f"{family}.{name}.{total}.{key}",
                family=family,
                fund=res.fund,
                description_zh=f"{res.title}: {zh}",
                description_en=f"{res.title_en}: {en}",
                lhs_label=f"{label} {total}",
                lhs=num(getattr(r, total)),
                rhs_label=" + ".join(parts),
                rhs=sum(num(v) for v in values),
                figures=1 + sum(not pd.isna(v) for v in values),
                tables=[res.title],
                source_lines=[int(r.source_line)],
            )


def _by_code(d, name: str) -> pd.DataFrame:
    t = d.table(name)
    return t.assign(key=t["code"].fillna("合计")).set_index("key")


def _pair(
    rule, family, fund, zh, en, a_label, a, a_line, a_table, b_label, b, b_line, b_table, note=""
) -> Check:
    return Check(
        rule=rule,
        family=family,
        fund=fund,
        description_zh=zh,
        description_en=en,
        lhs_label=a_label,
        lhs=num(a),
        rhs_label=b_label,
        rhs=num(b),
        figures=2,
        tables=[a_table, b_table],
        source_lines=lines([a_line, b_line]),
        note=note,
    )


# The same figure in two tables: (rule name, fund, table A, column A, table B, column B).
SAME_FIGURE = [
    ("income_vs_expenditure", "all", "income_by_function", "total", "expenditure_by_function", "total"),
    (
        "general_budget_column",
        "general_budget",
        "general_budget_expenditure",
        "total",
        "income_by_function",
        "general_budget",
    ),
    (
        "fiscal_summary_by_function",
        "fiscal",
        "fiscal_summary",
        "total",
        "income_by_function",
        "fiscal_subtotal",
    ),
    (
        "fiscal_summary_general_budget",
        "general_budget",
        "fiscal_summary",
        "general_budget",
        "general_budget_expenditure",
        "total",
    ),
    ("budget_summary_by_function", "all", "budget_summary", "amount", "expenditure_by_function", "total"),
]

# Lines of the two summary tables and the detail-table figure each equals.
SUMMARY_LINES = [
    ("budget_summary", "一、财政拨款收入", "income_by_function", "fiscal_subtotal", "all"),
    ("budget_summary", "(一)一般公共预算收入", "income_by_function", "general_budget", "general_budget"),
    ("budget_summary", "(二)政府性基金预算收入", "income_by_function", "government_fund", "government_fund"),
    ("budget_summary", "(三)国有资本经营预算收入", "income_by_function", "state_capital", "state_capital"),
    ("budget_summary", "二、教育收费资金收入", "income_by_function", "education_fees", "all"),
    ("budget_summary", "三、事业收入", "income_by_function", "public_institution_income", "all"),
    ("budget_summary", "四、事业单位经营收入", "income_by_function", "public_institution_operations", "all"),
    ("budget_summary", "五、附属单位上缴收入", "income_by_function", "subordinate_remittance", "all"),
    ("budget_summary", "六、上级补助收入", "income_by_function", "higher_level_grants", "all"),
    ("budget_summary", "七、其他收入", "income_by_function", "other_income", "all"),
    ("budget_summary", "八、使用非财政拨款结余", "income_by_function", "non_fiscal_balance", "all"),
    ("budget_summary", "九、上年结转(结余)", "income_by_function", "carryover", "all"),
    ("budget_summary", "本年支出合计", "expenditure_by_function", "total", "all"),
    ("fiscal_summary", "一、财政拨款收入", "income_by_function", "fiscal_subtotal", "fiscal"),
    ("fiscal_summary", "一般公共预算拨款收入", "income_by_function", "general_budget", "general_budget"),
    ("fiscal_summary", "一、本年支出", "income_by_function", "fiscal_subtotal", "fiscal"),
]


def cross_tables(d) -> Iterator[Check]:
    """The same code and measure has the same amount wherever it appears."""
    for rule, fund, a_name, a_col, b_name, b_col in SAME_FIGURE:
        a_res, b_res = layout()[a_name], layout()[b_name]
        if a_col in not_printed(d, a_name) or b_col in not_printed(d, b_name):
            continue
        a = d.table(a_name)
        if "side" in a.columns:
            a = a[(a["side"] == "expenditure") & a["code"].notna()]
        a = a.assign(key=a["code"].fillna("合计")).set_index("key")
        b = _by_code(d, b_name)
        for key, row in a.iterrows():
            if key not in b.index or (pd.isna(row[a_col]) and pd.isna(b.loc[key, b_col])):
                continue
            if rule == "general_budget_column" and key == "合计":
                carried = _general_budget_carryover(d)
                # spent this year, from last year's general-budget appropriations, unless the income
                # table's 一般公共预算 column already counts them (as 重庆 prints it)
                if carried is not None and num(row[a_col]) != num(b.loc[key, b_col]):
                    yield _with_carryover(a_res, b_res, row, b.loc[key], carried)
                    continue
            yield _pair(
                f"cross.{rule}.{key}",
                "cross_table",
                fund,
                f"{a_res.title}「{a_res.field(a_col).title}」= {b_res.title}「{b_res.field(b_col).title}」: {key}",
                f"{a_res.title_en} {a_col} equals {b_res.title_en} {b_col} for {key}",
                f"{a_res.title} {key}",
                row[a_col],
                row["source_line"],
                a_res.title,
                f"{b_res.title} {key}",
                b.loc[key, b_col],
                b.loc[key, "source_line"],
                b_res.title,
            )
    for a_name, item, b_name, b_col, fund in SUMMARY_LINES:
        a_res, b_res = layout()[a_name], layout()[b_name]
        if b_col in not_printed(d, b_name):
            continue
        a = d.table(a_name)
        line = a[a["item"] == item]
        if line.empty:
            continue
        a_col = "amount" if "amount" in a.columns else "total"
        b = _by_code(d, b_name)
        if pd.isna(line[a_col].iloc[0]) and pd.isna(b.loc["合计", b_col]):
            continue
        yield _pair(
            f"cross.{a_name}_line.{item}",
            "cross_table",
            fund,
            f"{a_res.title}「{item}」= {b_res.title}合计「{b_res.field(b_col).title}」",
            f"{a_res.title_en} line {item} equals the {b_col} total of {b_res.title_en}",
            f"{a_res.title} {item}",
            line[a_col].iloc[0],
            line["source_line"].iloc[0],
            a_res.title,
            f"{b_res.title} 合计 {b_col}",
            b.loc["合计", b_col],
            b.loc["合计", "source_line"],
            b_res.title,
        )
    # Basic expenditure by economic class against the general budget's basic column.
    basic = _by_code(d, "general_budget_basic_expenditure")
    gb = _by_code(d, "general_budget_expenditure")
    yield _pair(
        "cross.basic_table_total",
        "cross_table",
        "general_budget",
        "一般公共预算基本支出表合计 = 一般公共预算支出表「基本支出」合计",
        "basic expenditure by economic class equals the general budget's basic expenditure",
        "基本支出表 合计",
        basic.loc["合计", "total"],
        basic.loc["合计", "source_line"],
        "一般公共预算基本支出表",
        "一般公共预算支出表 基本支出",
        gb.loc["合计", "basic"],
        gb.loc["合计", "source_line"],
        "一般公共预算支出表",
    )
    # 三公: hospitality in the 三公 table against the economic class 30217 公务接待费 of the basic table.
    three = d.table("three_public_expenses").iloc[0]
    if "30217" in basic.index:
        yield _pair(
            "three_public.reception_vs_30217",
            "three_public",
            "fiscal",
            "三公经费表「公务接待费」= 基本支出表 30217 公务接待费",
            "official hospitality in the three-public table equals economic class 30217",
            "三公 公务接待费",
            three["official_reception"],
            three["source_line"],
            '财政拨款"三公"经费支出表',
            "30217 公务接待费",
            basic.loc["30217", "total"],
            basic.loc["30217", "source_line"],
            "一般公共预算基本支出表",
            note="Holds where all hospitality is basic expenditure of the general budget (no project hospitality).",
        )


def _general_budget_carryover(d):
    """The general-budget part of the carry-over (上年结转/结余) where the fiscal summary prints it as a figure
    (a sub-item of its carry-over line naming 一般公共预算), as ``(amount, line)``; None where it is blank."""
    t = d.table("fiscal_summary")
    income = t[t["side"] == "income"].sort_values("row")
    carry = None
    for r in income.itertuples():
        if r.role == "item":
            carry = r if re.search("结转|结余", r.item) else None
        elif r.role == "sub-item" and carry is not None and "一般公共预算" in r.item and not pd.isna(r.total):
            return float(r.total), int(r.source_line)
    return None


def _with_carryover(a_res, b_res, a_row, b_row, carried) -> Check:
    amount, line = carried
    return Check(
        rule="cross.general_budget_column.合计",
        family="cross_table",
        fund="general_budget",
        description_zh=f"{a_res.title}合计 = {b_res.title}「一般公共预算」+ 一般公共预算拨款上年结转",
        description_en=f"{a_res.title_en} total equals this year's general-budget income of {b_res.title_en} "
        "plus the general-budget carry-over of the fiscal summary",
        lhs_label=f"{a_res.title} 合计",
        lhs=num(a_row["total"]),
        rhs_label=f"{b_res.title} 合计 一般公共预算 + 上年结转(一般公共预算)",
        rhs=num(b_row["general_budget"]) + amount,
        figures=3,
        tables=[a_res.title, b_res.title, "财政拨款收支总表"],
        source_lines=lines([a_row["source_line"], b_row["source_line"], line]),
    )


# Where a summary labels its totals otherwise (合计, 收入合计 …), the line of that role stands for them.
ROLE_OF = {"收入总计": "total", "支出总计": "total", "本年收入合计": "subtotal", "本年支出合计": "subtotal"}


def _line(t, item):
    row = t[t["item"] == item]
    if row.empty and item in ROLE_OF:
        row = t[t["role"] == ROLE_OF[item]]
    return (
        (row["amount" if "amount" in t.columns else "total"].iloc[0], int(row["source_line"].iloc[0]))
        if not row.empty
        else (None, None)
    )


def _sum_check(res, name, col, rule, zh, en, lhs_item, parts, frame) -> Check:
    """A summary-table line equals the sum of the lines it totals."""
    lhs, lhs_line = _line(frame, lhs_item)
    values = parts[col]
    return Check(
        rule=f"balance.{name}.{rule}",
        family="balance",
        fund=res.fund,
        description_zh=f"{res.title}: {zh}",
        description_en=f"{res.title_en}: {en}",
        lhs_label=lhs_item,
        lhs=num(lhs),
        rhs_label=" + ".join(parts["item"]),
        rhs=sum(num(v) for v in values),
        figures=1 + int(values.notna().sum()),
        tables=[res.title],
        source_lines=lines([lhs_line, *parts["source_line"]]),
    )


def _blank_items_from_parts(side: pd.DataFrame, col: str) -> pd.DataFrame:
    """An item printed blank over printed sub-items (一、部门预算 above 1、财政拨款 …) counts as their sum in
    the sums it is part of (its own parts check then compares the sum with itself)."""
    side = side.copy()
    for item, subs in _sub_items(side):
        at = (side["item"] == item) & (side["role"] == "item")
        if side.loc[at, col].isna().all() and subs[col].notna().any():
            side.loc[at, col] = subs[col].sum()
    return side


def _sub_items(side: pd.DataFrame):
    """Each item with the sub-items printed under it (in row order), for items that have any."""
    groups, current = {}, None
    for r in side.sort_values("row").itertuples():
        if r.role == "item":
            current = r.item
        elif r.role == "sub-item" and current is not None:
            groups.setdefault(current, []).append(r.row)
    return [(item, side[side["row"].isin(rows_)]) for item, rows_ in groups.items()]


def balance(d) -> Iterator[Check]:
    """The summary tables add up and balance: income = expenditure."""
    for name in ("budget_summary", "fiscal_summary"):
        res = layout()[name]
        t = d.table(name)
        col = "amount" if name == "budget_summary" else "total"
        income, spend = t[t["side"] == "income"], t[t["side"] == "expenditure"]
        income = _blank_items_from_parts(income, col)

        def check(rule, zh, en, lhs_item, parts, frame, res=res, col=col, name=name):
            return _sum_check(res, name, col, rule, zh, en, lhs_item, parts, frame)

        items = income[income["role"] == "item"]
        spend_items = spend[spend["role"] == "item"]
        for item, subs in _sub_items(income):
            yield check(
                f"parts.{item}", f"{item} = 其下各项之和", f"{item} = its sub-items", item, subs, income
            )
        if name == "budget_summary":
            subtotal_row = income.loc[income["role"] == "subtotal", "row"].iloc[0]
            this_year, later = items[items["row"] < subtotal_row], items[items["row"] > subtotal_row]
            yield check(
                "income_this_year",
                "本年收入合计 = 一至七项收入之和",
                "income this year = items 一 to 七",
                "本年收入合计",
                this_year,
                income,
            )
            yield check(
                "income_total",
                "收入总计 = 本年收入合计 + 八 + 九",
                "total income = this year + items 八 and 九",
                "收入总计",
                pd.concat([income[income["role"] == "subtotal"], later]),
                income,
            )
            spending = "本年支出合计"
        else:
            yield check(
                "income_total",
                "收入总计 = 财政拨款收入 + 上年结转",
                "total income = appropriations + carry-over",
                "收入总计",
                items,
                income,
            )
            spending = "一、本年支出"
        subtotal = spend[spend["role"] == "subtotal"]
        if not subtotal.empty:  # the label as printed (本年支出合计, 一、本年支出 …)
            spending = subtotal["item"].iloc[0]
        elif (spend["role"] == "total").any():  # no subtotal printed: the grand total is this year's
            spending = spend.loc[spend["role"] == "total", "item"].iloc[0]
        if expenditure_by(d, name) == "kind":
            # 基本支出, 项目支出 … above the subtotal; 结余分配, 结转下年 … below it
            at = subtotal["row"].iloc[0] if not subtotal.empty else spend["row"].max() + 1
            this_year, carried = spend_items[spend_items["row"] < at], spend_items[spend_items["row"] > at]
            zh, en = "各类支出之和", "the sum of the kinds of spending"
        else:
            this_year, carried = (
                spend_items[spend_items["code"].notna()],
                spend_items[spend_items["code"].isna()],
            )
            zh, en = "各类支出之和", "the sum of the functions"
        yield check(
            "spending_this_year",
            f"{spending} = {zh}",
            f"spending this year = {en}",
            spending,
            this_year,
            spend,
        )
        yield check(
            "spending_total",
            f"支出总计 = {spending} + 结转下年",
            "total spending = this year + carried forward",
            "支出总计",
            pd.concat([spend[spend["item"] == spending], carried]),
            spend,
        )
        total_in, line_in = _line(income, "收入总计")
        total_out, line_out = _line(spend, "支出总计")
        yield Check(
            rule=f"balance.{name}.income_equals_expenditure",
            family="balance",
            fund=res.fund,
            description_zh=f"{res.title}: 收入总计 = 支出总计",
            description_en=f"{res.title_en}: total income equals total spending",
            lhs_label="收入总计",
            lhs=num(total_in),
            rhs_label="支出总计",
            rhs=num(total_out),
            figures=2,
            tables=[res.title],
            source_lines=lines([line_in, line_out]),
        )
