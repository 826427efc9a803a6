"""Codes listed by one table and missing from another where the template says they must match.

A code missing from one side is otherwise skipped silently by the cross-table checks; only totals would
betray it. The pairs (equal lists, or a fiscal table's codes within an all-funds table's) are data:
``codes_match`` in ``gzanalysis/package/template.toml``. A pair is compared only where both tables list
their rows by functional code, with the columns it names printed (``d.meta["structure"]``: an income table
by unit, a summary table whose expenditure side lists 基本/项目支出, a column the document does not print);
otherwise its row says why it was not checked (status ``info``).
"""

from __future__ import annotations

from collections.abc import Iterator

from gzanalysis.audit.checks import Check
from gzanalysis.audit.rules import codes_of, not_checked, shape_problem
from gzanalysis.package.layout import layout
from gzanalysis.package.template import template


def _codes(d, spec: dict, which: str) -> dict[str, int]:
    column = spec.get(f"{which}_column") or spec.get(f"{which}_printed")
    return codes_of(d, spec[which], column, spec.get("side"), spec.get("levels"))


def _label(spec: dict, which: str) -> str:
    res = layout()[spec[which]]
    column = spec.get(f"{which}_column")
    return f"{res.title}「{res.field(column).title}」" if column else res.title


def codes_match(d) -> Iterator[Check]:
    """Per pair of tables and direction: how many codes of one are missing from the other (0 where they match)."""
    for spec in template()["codes_match"]:
        # the first reason a table of the pair lacks the shape the comparison needs, if any
        problems = [
            p
            for w in ("a", "b")
            if (p := shape_problem(d, spec[w], spec.get(f"{w}_column"), spec.get("side"), codes=True))
        ]
        problem = problems[0] if problems else None
        codes = {"a": _codes(d, spec, "a"), "b": _codes(d, spec, "b")}
        directions = [("a", "b")] + ([("b", "a")] if spec["relation"] == "equal" else [])
        for this, other in directions:
            this_label, other_label = _label(spec, this), _label(spec, other)
            common = dict(
                rule=f"codes.{spec['name']}.{spec[this]}_not_in_{spec[other]}",
                family="codes",
                fund=layout()[spec["a"]].fund,
                description_zh=f"{this_label}的科目编码均见于{other_label}",
                description_en=(
                    f"every code of {layout()[spec[this]].title_en} is in {layout()[spec[other]].title_en}"
                ),
                tables=[layout()[spec[this]].title, layout()[spec[other]].title],
            )
            if problem:
                yield not_checked(problem, **common)
                continue
            missing = sorted(set(codes[this]) - set(codes[other]))
            yield Check(
                **common,
                lhs_label=f"{this_label} 缺于对方的编码: {', '.join(missing) or '无'}",
                lhs=float(len(missing)),
                rhs_label="0",
                rhs=0.0,
                figures=1,
                source_lines=[codes[this][c] for c in missing],
                kind="exact",
            )


def learnt(d) -> Iterator[Check]:
    """Codes the document prints that the national code list lacks, learnt from it (name as printed):
    not a finding of the document, but what a reader of its codes should know (status ``info``)."""
    for resource, title in (("functional_codes", "支出功能分类"), ("economic_codes", "支出经济分类")):
        codes = d.table(resource)
        if "origin" not in codes.columns:
            continue
        own = codes[codes["origin"] == "document"]
        if own.empty:
            continue  # every code is the national list's
        names = "、".join(
            f"{r.code} {r.name_zh}" if isinstance(r.name_zh, str) else r.code for r in own.itertuples()
        )
        yield Check(
            rule=f"codes.learnt.{resource}",
            family="codes",
            fund="all",
            description_zh=f"文件所列、国家{title}科目表所无的编码(取文件所印名称)",
            description_en=f"codes the document prints that the national {resource.split('_')[0]} code list "
            "lacks, learnt from the document with the name it prints",
            lhs_label=f"learnt from the document: {names}",
            lhs=float(len(own)),
            rhs_label="codes of the national list",
            rhs=float(len(codes) - len(own)),
            figures=0,
            tables=[layout()[resource].title],
            kind="info",
        )
