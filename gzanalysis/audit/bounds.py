"""Fund-subset bounds: a fund-only figure never exceeds the all-funds figure of the same code.

一般公共预算支出表 ≤ 部门支出总表 (合计, 基本, 项目), 一般公共预算基本支出表 ≤ 基本支出, 财政拨款收支总表 ≤
收支预算总表. Equality would hold only for a unit without carry-over or other income; the bound always
holds, and it is the only check of the 基本/项目 split against the fiscal table. Pairs: ``fund_bounds``
in ``gzanalysis/package/template.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from gzanalysis.audit.checks import Check, num
from gzanalysis.audit.rules import keyed, structure
from gzanalysis.package.layout import layout
from gzanalysis.package.template import template


def bounds(d) -> Iterator[Check]:
    """Each printed fund-only figure ≤ its all-funds counterpart (rows matched by code, total or label)."""
    for spec in template()["fund_bounds"]:
        part_res, whole_res = layout()[spec["part"]], layout()[spec["whole"]]
        only = spec.get("totals_only", False)
        part = keyed(d, spec["part"], spec["part_column"], only)
        whole = keyed(d, spec["whole"], spec["whole_column"], only)
        part_title = f"{part_res.title}「{part_res.field(spec['part_column']).title}」"
        whole_title = f"{whole_res.title}「{whole_res.field(spec['whole_column']).title}」"
        if spec["whole_column"] in structure(d, spec["whole"]).get("not_printed", ()):
            continue  # the all-funds table prints no such column (西安's 支出总表 by unit)
        for key, (value, line) in part.items():
            if pd.isna(value) or key not in whole:
                continue  # nothing printed, or a code the other table lacks (the codes family reports it)
            other, other_line = whole[key]
            yield Check(
                rule=f"bounds.{spec['name']}.{key}",
                family="bounds",
                fund=part_res.fund,
                description_zh=f"{part_title} ≤ {whole_title}: {key}",
                description_en=(
                    f"{part_res.title_en} {spec['part_column']} within "
                    f"{whole_res.title_en} {spec['whole_column']} for {key}"
                ),
                lhs_label=f"{part_res.title} {key}",
                lhs=num(value),
                rhs_label=f"{whole_res.title} {key}",
                rhs=num(other),
                figures=2,
                tables=[part_res.title, whole_res.title],
                source_lines=[line, other_line],
                kind="le",
            )
