"""One cause, several findings: the findings a single fact of the disclosure explains share a ``cause``.

Each finding gets a ``cause`` (a short id) and ``cause_text`` (one sentence). Where the arithmetic shows
that findings are one discrepancy seen from several sides, they share a cause; every other finding is its
own cause (its rule id). Checks that hold have none. Causes are found from the findings' own figures, so a
disclosure where the coincidence does not hold keeps its findings apart.
"""

from __future__ import annotations

import pandas as pd

from gzanalysis.audit.checks import _EPS

PRIOR_YEAR = "narrative.prior_year."
PARTS = "narrative.parts."
COVERAGE = "projects.coverage."
NON_FISCAL = "narrative.prior_year.non_fiscal."
# Prior-year rules that compare a part with its whole, or report information: not pairs of one figure.
NOT_PAIRS = ("narrative.prior_year.fiscal_within.", NON_FISCAL)


def _sections_and_items(rule: str) -> tuple[str, str, str, str]:
    """``narrative.prior_year.收入预算.其他收入~支出预算.其他支出`` → (收入预算, 其他收入, 支出预算, 其他支出)."""
    left, right = rule.removeprefix(PRIOR_YEAR).split("~")
    return (*left.split(".", 1), *right.split(".", 1))


def _misstated_changes(findings: pd.DataFrame):
    """A pair of sections implying different 2022 amounts, and a section's parts missing their total by the
    same difference (within the parts' rounding): one change misstated, seen twice."""
    material = findings[findings["status"] == "material"]
    pairs = material[
        material["rule"].str.startswith(PRIOR_YEAR) & ~material["rule"].str.startswith(NOT_PAIRS)
    ]
    parts = material[material["rule"].str.startswith(PARTS)]
    for pair in pairs.itertuples():
        section_a, item_a, section_b, item_b = _sections_and_items(pair.rule)
        explained = [
            p
            for p in parts.itertuples()
            if p.rule.removeprefix(PARTS).split(".")[0] in (section_a, section_b)
            and abs(p.diff - pair.diff) <= p.tolerance + _EPS
        ]
        text = (
            f"One misstated change: 「{section_a}」 {item_a} and 「{section_b}」 {item_b} imply 2022 amounts "
            f"{pair.lhs:,.2f} and {pair.rhs:,.2f} (lines {pair.source_lines})"
        )
        for p in explained:
            text += (
                f"; the same difference, up to rounding, is the {abs(p.diff):,.2f} by which the parts of "
                f"「{p.rule.removeprefix(PARTS).split('.')[0]}」 miss their total"
            )
        yield f"misstated_change.{item_a}", text + ".", [pair.rule, *(p.rule for p in explained)]


def _coverage_gap(findings: pd.DataFrame):
    """Coverage findings with the same difference are one gap: the money without a performance table."""
    material = findings[(findings["status"] == "material") & findings["rule"].str.startswith(COVERAGE)]
    for diff, block in material.groupby(material["diff"].round(2)):
        if len(block) > 1:
            yield (
                "projects.coverage_gap",
                f"One gap seen {len(block)} times: the {-diff:,.2f} of project spending without a performance "
                "table is the carry-over without one.",
                list(block["rule"]),
            )


def _non_fiscal_prior_year(findings: pd.DataFrame):
    info = findings[(findings["status"] == "info") & findings["rule"].str.startswith(NON_FISCAL)]
    if not info.empty:
        parts = ", ".join(f"{r.rule.removeprefix(NON_FISCAL)} {r.diff:,.2f}" for r in info.itertuples())
        yield (
            "non_fiscal_2022",
            f"In 2022 part of the spending was paid from money other than fiscal appropriations: {parts}.",
            list(info["rule"]),
        )


SHARED = [_misstated_changes, _coverage_gap, _non_fiscal_prior_year]


def assign(findings: pd.DataFrame) -> pd.DataFrame:
    """Fill ``cause`` and ``cause_text``: shared causes first, every other finding its own cause."""
    out = findings.copy()
    cause = pd.Series("", index=out.index, dtype=object)
    text = pd.Series("", index=out.index, dtype=object)
    for find in SHARED:
        for cause_id, sentence, rules in find(out):
            where = out["rule"].isin(rules) & (cause == "")
            cause[where], text[where] = cause_id, sentence
    rounding = (out["status"] == "rounding") & (cause == "")
    cause[rounding] = "rounding"
    text[rounding] = "Tables rounded separately to 0.01 万元: within half a cent per figure."
    unchecked = (out["status"] == "not_checked") & (cause == "")
    cause[unchecked] = "not_checked"
    text[unchecked] = [f"Not checked: {r.note}" for r in out[unchecked].itertuples()]
    alone = (out["status"] != "ok") & (cause == "")
    cause[alone] = out.loc[alone, "rule"]
    text[alone] = [
        f"Does not hold: {r.description_en} ({r.lhs_label} {r.lhs:,.2f} against {r.rhs_label} {r.rhs:,.2f})."
        for r in out[alone].itertuples()
    ]
    return out.assign(cause=cause, cause_text=text)


def count(findings: pd.DataFrame, status: str) -> tuple[int, int]:
    """How many findings of a status, and from how many distinct causes."""
    block = findings[findings["status"] == status]
    return len(block), block["cause"].nunique()
