"""The previous year's figures the narrative implies are not negative; a bare 净增 is the whole amount.

Every year-over-year statement gives (or, with 净增, implies through its table) this year's amount and the
change; amount − change is last year's budget, which cannot be below zero. A statement "净增 X" that gives
no amount says the item is new: X equals this year's table figure.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, lines, num, years
from gzanalysis.audit.narrative import FUND, NARRATIVE, table_figure, unique_rule

NEW_ITEM = "净增"  # the wording of a change that is the whole of this year's amount


def prior_years(d) -> Iterator[Check]:
    y = years(d.meta.get("year"))
    seen: set[str] = set()
    for r in d.table("narrative_changes").itertuples():
        key = unique_rule(f"{r.section}.{r.grouping}.{r.item}", seen, r.row)
        found = table_figure(d, r)
        if pd.isna(r.amount):
            if found is None or pd.isna(found[0]):
                continue  # neither the statement nor a table gives this year's amount
            value, line, title, label = found
            if r.wording == NEW_ITEM:
                yield Check(
                    rule=f"prior_year.net_increase.{key}",
                    family="prior_year",
                    fund=FUND[r.scope],
                    description_zh=f"说明「{r.section}」{r.item}「净增」数 = 表中{y.zh}数",
                    description_en=f"the bare net increase of {r.item} ({r.section}) equals this year's table figure",
                    lhs_label=f"说明 {r.item} 净增",
                    lhs=float(r.change),
                    rhs_label=label,
                    rhs=num(value),
                    figures=2,
                    tables=[NARRATIVE, title],
                    source_lines=lines([r.source_line, line]),
                )
            amount, amount_label, more = num(value), label, [line]
        else:
            amount, amount_label, more = float(r.amount), f"说明 {r.item} {y.zh}", []
        yield Check(
            rule=f"prior_year.not_negative.{key}",
            family="prior_year",
            fund=FUND[r.scope],
            description_zh=f"说明「{r.section}」{r.item}: 推算的{y.prior_zh}数(本年数 − 增减)不为负",
            description_en=f"the previous-year amount implied for {r.item} ({r.section}) is not negative",
            lhs_label="0",
            lhs=0.0,
            rhs_label=f"{amount_label} {amount:,.2f} − 增减 {r.change:+,.2f}",
            rhs=round(amount - float(r.change), 6),
            figures=2,
            tables=[NARRATIVE],
            source_lines=lines([r.source_line, *more]),
            kind="le",
        )
