"""三公: the official-vehicle subtotal equals purchase + operation wherever it is printed.

The subtotal (公务用车购置及运行维护费) appears in some templates' 三公 tables and in some narratives; its
names, the names of its two parts, and any table column printing it are ``three_public_vehicles`` in
``gzanalysis/package/template.toml``. Where nothing prints the subtotal there is nothing to check.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, lines, num
from gzanalysis.audit.narrative import FUND, NARRATIVE
from gzanalysis.package.layout import layout
from gzanalysis.package.template import template

# The narrative's tables and the columns whose subtotal is checked: the amount, and the stated change.
NARRATIVE_MEASURES = {"narrative_changes": ["amount", "change"], "narrative_figures": ["amount"]}


def _check(rule, zh, en, fund, lhs_label, lhs, rhs_label, parts, tables, source_lines) -> Check:
    return Check(
        rule=rule,
        family="three_public",
        fund=fund,
        description_zh=zh,
        description_en=en,
        lhs_label=lhs_label,
        lhs=num(lhs),
        rhs_label=rhs_label,
        rhs=sum(num(v) for v in parts),
        figures=1 + sum(not pd.isna(v) for v in parts),
        tables=tables,
        source_lines=lines(source_lines),
    )


def vehicles(d) -> Iterator[Check]:
    spec = template()["three_public_vehicles"]
    for name, measures in NARRATIVE_MEASURES.items():
        t = d.table(name)
        for section, rows in t.groupby("section", sort=False):
            subtotal = rows[rows["item"].isin(spec["subtotal_items"])]
            parts = rows[rows["item"].isin(spec["part_items"])]
            for r in subtotal.itertuples():
                for measure in measures:
                    yield _check(
                        f"three_public.vehicles.{name}.{section}.{measure}",
                        f"说明「{section}」{r.item} = 购置费 + 运行维护费 ({measure})",
                        f"narrative ({section}): the vehicle subtotal's {measure} equals purchase + operation",
                        FUND[r.scope],
                        f"说明 {r.item}",
                        getattr(r, measure),
                        " + ".join(parts["item"]) or "(parts not stated)",
                        list(parts[measure]),
                        [NARRATIVE],
                        [r.source_line, *parts["source_line"]],
                    )
    for table, subtotal, *part_columns in spec["tables"]:
        res = layout()[table]
        for r in d.table(table).to_dict("records"):
            if pd.isna(r[subtotal]) and all(pd.isna(r[c]) for c in part_columns):
                continue
            yield _check(
                f"three_public.vehicles.{table}.row{r['row']}",
                f"{res.title}: 公务用车费小计 = 购置费 + 运行维护费",
                f"{res.title_en}: the vehicle subtotal equals purchase + operation",
                res.fund,
                f"{res.title} {subtotal}",
                r[subtotal],
                " + ".join(part_columns),
                [r[c] for c in part_columns],
                [res.title],
                [r["source_line"]],
            )
