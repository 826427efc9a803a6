"""The fund columns of the 财政拨款收支总表 equal the totals of the fund's own expenditure table.

Only the general budget's column was compared before (``cross_table``); this does the same for every fund
budget of ``funds`` in ``gzanalysis/package/template.toml`` (政府性基金, 国有资本经营): the 本年支出 line
against the table's 合计, and each 类 printed in either. An empty table counts as 0 (blank). Where the
document's 财政拨款收支总表 prints no column for the fund (a single amount column: ``not_printed`` in
``d.meta["structure"]``), there is nothing to compare: one row says so (status ``info``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, num
from gzanalysis.audit.rules import keyed, not_checked, shape_problem
from gzanalysis.package.codes import level
from gzanalysis.package.layout import layout
from gzanalysis.package.template import template

SUMMARY_TOTAL = "expenditure.subtotal"  # the 本年支出 line of a two-sided summary table


def fund_totals(d) -> Iterator[Check]:
    for fund in template()["funds"]:
        res = layout()[fund["table"]]
        summary_name, column = fund["summary"]
        summary_res = layout()[summary_name]
        summary = keyed(d, summary_name, column)
        own = keyed(d, res.name, "total")
        problem = shape_problem(d, summary_name, column)
        if problem:
            yield not_checked(
                problem,
                rule=f"fund_totals.{fund['fund']}.合计",
                family="fund_totals",
                fund=fund["fund"],
                description_zh=f"{summary_res.title}「{summary_res.field(column).title}」= {res.title}合计",
                description_en=f"{summary_res.title_en} {column} equals the total of {res.title_en}",
                tables=[summary_res.title, res.title],
            )
            continue
        pairs = {"合计": SUMMARY_TOTAL}
        for key in [*summary, *own]:
            if key not in pairs and key not in pairs.values() and key.isdigit() and level(key) == "类":
                pairs[key] = key
        for own_key, summary_key in pairs.items():
            a, a_line = own.get(own_key, (None, None))
            b, b_line = summary.get(summary_key, (None, None))
            if own_key != "合计" and pd.isna(a) and pd.isna(b):
                continue
            yield Check(
                rule=f"fund_totals.{fund['fund']}.{own_key}",
                family="fund_totals",
                fund=fund["fund"],
                description_zh=f"{summary_res.title}「{summary_res.field(column).title}」= {res.title}合计: {own_key}",
                description_en=f"{summary_res.title_en} {column} equals the total of {res.title_en}: {own_key}",
                lhs_label=f"{summary_res.title} {column} {summary_key}",
                lhs=num(b),
                rhs_label=f"{res.title} {own_key}" + ("" if own else " (no rows)"),
                rhs=num(a),
                figures=2,
                tables=[summary_res.title, res.title],
                source_lines=[n for n in (b_line, a_line) if n is not None],
            )
