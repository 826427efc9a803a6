"""Codes listed by one table and missing from another where the template says they must match.

A code missing from one side is otherwise skipped silently by the cross-table checks; only totals would
betray it. The pairs (equal lists, or a fiscal table's codes within an all-funds table's) are data:
``codes_match`` in ``gzanalysis/package/template.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator

from gzanalysis.audit.checks import Check
from gzanalysis.audit.rules import codes_of
from gzanalysis.package.layout import layout
from gzanalysis.package.template import template


def _codes(d, spec: dict, which: str) -> dict[str, int]:
    return codes_of(d, spec[which], spec.get(f"{which}_column"), spec.get("side"), spec.get("levels"))


def _label(spec: dict, which: str) -> str:
    res = layout()[spec[which]]
    column = spec.get(f"{which}_column")
    return f"{res.title}「{res.field(column).title}」" if column else res.title


def codes_match(d) -> Iterator[Check]:
    """Per pair of tables and direction: how many codes of one are missing from the other (0 where they match)."""
    for spec in template()["codes_match"]:
        codes = {"a": _codes(d, spec, "a"), "b": _codes(d, spec, "b")}
        directions = [("a", "b")] + ([("b", "a")] if spec["relation"] == "equal" else [])
        for this, other in directions:
            missing = sorted(set(codes[this]) - set(codes[other]))
            this_label, other_label = _label(spec, this), _label(spec, other)
            yield Check(
                rule=f"codes.{spec['name']}.{spec[this]}_not_in_{spec[other]}",
                family="codes",
                fund=layout()[spec["a"]].fund,
                description_zh=f"{this_label}的科目编码均见于{other_label}",
                description_en=(
                    f"every code of {layout()[spec[this]].title_en} is in {layout()[spec[other]].title_en}"
                ),
                lhs_label=f"{this_label} 缺于对方的编码: {', '.join(missing) or '无'}",
                lhs=float(len(missing)),
                rhs_label="0",
                rhs=0.0,
                figures=1,
                tables=[layout()[spec[this]].title, layout()[spec[other]].title],
                source_lines=[codes[this][c] for c in missing],
                kind="exact",
            )
