"""Checks of which budget the money belongs to: 一般公共预算, 政府性基金预算, 国有资本经营预算, and fiscal or not.

The functional code list says which budget each subject belongs to (``budget`` in ``functional_codes``);
the 财政拨款收支总表 says how much money of each budget the unit has; the narrative names the carry-over.
"""

from __future__ import annotations

from collections.abc import Iterator

from gzanalysis.audit.checks import Check, lines, num

FISCAL_SUMMARY = "财政拨款收支总表"
NARRATIVE = "预算情况说明"
# Income lines of the 财政拨款收支总表: those naming the government-fund budget (its appropriation and its
# carry-over, however numbered: 政府性基金预算拨款收入, 2.政府性基金预算拨款, …), and the carry-over lines.
GOVERNMENT_FUND = "政府性基金"
CARRYOVER = "结转"
# A carry-over the narrative names after the treasury's centralised payment is unspent fiscal money of earlier years.
TREASURY_CARRYOVER = "国库集中支付"


def _fiscal_income_rows(d, word):
    t = d.table("fiscal_summary")
    return t[(t["side"] == "income") & t["item"].str.contains(word, regex=False)]


def government_fund_subjects(d) -> Iterator[Check]:
    """Money on government-fund subjects is within the government-fund money the disclosure shows.

    A subject such as 21208 国有土地使用权出让收入安排的支出 is paid from the 政府性基金预算; a unit whose
    财政拨款收支总表 has no government-fund appropriation and no government-fund carry-over has none to spend.
    """
    codes = d.table("functional_codes")
    fund_codes = codes[codes["budget"] == "government_fund"]
    # The highest government-fund subjects only, so that a 款 and its 项 are not counted twice.
    top = fund_codes[~fund_codes["parent"].isin(fund_codes["code"])]["code"]
    spending = d.table("expenditure_by_function")
    rows = spending[spending["code"].isin(top)]
    if rows.empty:
        return
    available = _fiscal_income_rows(d, GOVERNMENT_FUND)
    names = "、".join(f"{r.code} {r.name}" for r in rows.itertuples())
    yield Check(
        rule="budgets.government_fund.subjects_within_fund_money",
        family="budgets",
        fund="government_fund",
        description_zh=f"政府性基金预算科目({names})的资金 ≤ 财政拨款收支总表中的政府性基金预算拨款收入与结转",
        description_en="money on government-fund subjects is within the government-fund appropriations and "
        "carry-over of the fiscal summary",
        lhs_label=f"部门支出总表 政府性基金科目 合计 ({', '.join(rows['code'])})",
        lhs=sum(num(v) for v in rows["total"]),
        rhs_label=" + ".join(f"财政拨款收支总表 {i}" for i in available["item"]),
        rhs=sum(num(v) for v in available["total"]),
        figures=len(rows) + len(available),
        tables=["部门支出总表", FISCAL_SUMMARY, "政府性基金预算支出表"],
        source_lines=lines([*rows["source_line"], *available["source_line"]]),
        note="Blank cells count as 0. The 政府性基金预算支出表 and the narrative say so too where they state "
        "that no government-fund money is used.",
        kind="le",
    )


def treasury_carryover_is_fiscal(d) -> Iterator[Check]:
    """A carry-over the narrative calls 国库集中支付网上结转 appears as 上年结转 in the 财政拨款收支总表.

    Treasury centralised payment handles fiscal appropriations only, so balances carried over through it are
    earlier years' fiscal money; the fiscal summary should then show them as 上年结转.
    """
    changes = d.table("narrative_changes")
    named = changes[
        (changes["grouping"] == "income_source")
        & changes["item"].str.contains(TREASURY_CARRYOVER, regex=False)
    ]
    carried = _fiscal_income_rows(d, CARRYOVER)
    carried = carried[~carried["item"].str.contains(GOVERNMENT_FUND, regex=False)]
    # The carry-over line itself (二、上年结转); its sub-lines split it by budget.
    shown = carried[carried["role"] != "sub-item"] if (carried["role"] != "sub-item").any() else carried
    for r in named.itertuples():
        yield Check(
            rule=f"budgets.fiscal_carryover.{r.item}",
            family="budgets",
            fund="fiscal",
            description_zh=f"说明称上年结转为{r.item}(以前年度财政拨款) = 财政拨款收支总表 上年结转",
            description_en=f"the narrative's {r.item} (earlier years' fiscal appropriations) = the fiscal "
            "summary's carry-over",
            lhs_label=f"说明 {r.item}",
            lhs=num(r.amount),
            rhs_label=f"财政拨款收支总表 {' / '.join(carried['item'])}",
            rhs=sum(num(v) for v in shown["total"]),
            figures=2,
            tables=[NARRATIVE, FISCAL_SUMMARY],
            source_lines=lines([r.source_line, *carried["source_line"]]),
            note="Blank cells count as 0.",
        )


def budgets(d) -> Iterator[Check]:
    yield from government_fund_subjects(d)
    yield from treasury_carryover_is_fiscal(d)
