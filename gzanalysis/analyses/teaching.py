"""Checks for the teaching notebooks: a student's answer against the one computed from the data.

Every check prints a short verdict and returns True or False; an answer left as ``None`` is "not answered
yet", never an error, so the exercise notebooks run from top to bottom.
"""

from __future__ import annotations

import math

import pandas as pd

from gzanalysis.analyses.carryover import carryover
from gzanalysis.package.load import as_disclosure


def _verdict(ok: bool | None, message: str) -> bool:
    print(("✔ " if ok else "✘ " if ok is not None else "… ") + message)
    return bool(ok)


def check_basic_split(d, personnel, public_operations, difference) -> bool:
    """Exercise 1: read 人员经费 and 公用经费 of 一般公共预算基本支出表, and the gap to its 合计."""
    d = as_disclosure(d, "gz.teaching.check_basic_split()")
    t = d.table("一般公共预算基本支出表")
    total = t[t["code"].isna()].iloc[0]
    if personnel is None or public_operations is None or difference is None:
        return _verdict(None, "Not answered yet: fill in the three values above.")
    expected = (
        total["personnel"],
        total["public_operations"],
        round(total["total"] - total["personnel"] - total["public_operations"], 2),
    )
    got = (personnel, public_operations, round(difference, 2))
    ok = all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(got, expected, strict=True))
    return _verdict(
        ok,
        "Correct: the parts miss the total by 0.01 — a rounding difference."
        if ok
        else f"Not quite: check each figure against the table (you gave {got}).",
    )


def shrink_without_carryover(d, level: str = "类"):
    """The function that would lose the largest share of its money without carry-over (ties: the larger amount)."""
    d = as_disclosure(d, "gz.teaching.shrink_without_carryover()")
    c = carryover(d, level=level)
    c = c[c["carryover"] > 0].sort_values(["share_carried_over", "carryover"], ascending=False)
    return c.iloc[0]


def check_without_carryover(d, code, share) -> bool:
    """Exercise 2: which 类 would shrink most (in share) without 上年结转, and by how much (a fraction)."""
    d = as_disclosure(d, "gz.teaching.check_without_carryover()")
    if code is None or share is None:
        return _verdict(None, "Not answered yet: set `code` and `share`.")
    c = carryover(d, level="类").set_index("code")
    if code not in c.index:
        return _verdict(False, f"{code!r} is not a 类 of this disclosure.")
    full = c[c["share_carried_over"] >= 1 - 1e-12]
    ok = code in full.index and math.isclose(share, 1.0)
    if ok:
        return _verdict(
            True,
            f"Correct: {code} lives on carry-over alone, as do {len(full) - 1} other classes: "
            f"{', '.join(sorted(set(full.index) - {code}))}.",
        )
    return _verdict(
        False, f"{code} would lose {c.loc[code, 'share_carried_over']:.1%} of its money; some lose more."
    )


# Rates whose target of =100% cannot mean what it says: a failure or error rate of 100% is a system that
# always fails; a cost saving rate of 100% is spending nothing.
ABSURD_AT_100 = ("故障率", "出错率", "错误率", "节约率")
# A column that would hold an earlier value of the indicator, against which a target could be judged.
BASELINE_COLUMNS = ("baseline", "prior_value", "actual")


def _is_exactly_100_percent(r) -> bool:
    return r["operator"] == "=" and r["number"] == 100 and r["unit"] == "%"


def indicator_judgement(d, project_id, indicator) -> dict | None:
    """What the disclosure lets a reader judge of one indicator, or None if there is no such indicator.

    ``measurable``: the target states a number with a unit. ``ambition_judgeable``: the disclosure gives an
    earlier or actual value to judge the target against (the performance tables print the target only).
    ``sensible``: the target can mean what it says (not =100% on a failure or saving rate).
    ``self_reported_100``: a rate of exactly =100%, which nothing in the disclosure lets a reader verify.
    """
    d = as_disclosure(d, "gz.teaching.indicator_judgement()")
    ind = d.table("indicators")
    row = ind[(ind["project_id"] == project_id) & (ind["level3"] == indicator)]
    if row.empty:
        return None
    r = row.iloc[0]
    at_100 = bool(pd.notna(r["number"]) and _is_exactly_100_percent(r))
    return {
        "value_text": r["value_text"],
        "source_line": int(r["source_line"]),
        "measurable": bool(pd.notna(r["number"]) and pd.notna(r["unit"])),
        "ambition_judgeable": any(c in ind.columns for c in BASELINE_COLUMNS),
        "sensible": not (at_100 and any(k in indicator for k in ABSURD_AT_100)),
        "self_reported_100": at_100,
    }


def check_indicator(d, project_id, indicator, measurable, ambition_judgeable, sensible) -> bool:
    """Exercise 3: judge one indicator on what the disclosure lets a reader judge.

    Three questions, each answered from the data: is the target measurable (a number with a unit)? Can its
    ambition be judged from the disclosure (is an earlier or actual value given)? Can the target mean what it
    says? A =100% rate that makes sense is accepted, with the reminder that nothing lets a reader verify it.
    """
    answers = (measurable, ambition_judgeable, sensible)
    if project_id is None or indicator is None or any(a is None for a in answers):
        return _verdict(None, "Not answered yet: choose a project, an indicator and your three judgements.")
    d = as_disclosure(d, "gz.teaching.check_indicator()")
    expected = indicator_judgement(d, project_id, indicator)
    if expected is None:
        return _verdict(False, f"No indicator {indicator!r} in project {project_id}.")
    value = expected["value_text"]
    if bool(measurable) != expected["measurable"]:
        return _verdict(
            False,
            f"'{value}' is {'measurable: a number with a unit' if expected['measurable'] else 'not measurable as printed: it lacks a number or a unit'}.",
        )
    if bool(ambition_judgeable) != expected["ambition_judgeable"]:
        return _verdict(
            False,
            "The performance table prints the target only, no earlier or actual value: whether it is "
            "ambitious cannot be judged from the disclosure."
            if not expected["ambition_judgeable"]
            else "The disclosure gives a value to judge this target against.",
        )
    if bool(sensible) != expected["sensible"]:
        return _verdict(
            False,
            f"'{indicator}' {value} cannot mean what it says: 100% of this rate is total failure or no spending."
            if not expected["sensible"]
            else f"'{indicator}' {value} can mean what it says; its fault, if any, lies elsewhere.",
        )
    note = (
        " A rate of exactly 100% the unit reports on itself: nothing in the disclosure lets a reader verify it."
        if expected["self_reported_100"] and expected["sensible"]
        else ""
    )
    return _verdict(
        True, f"Right: '{indicator}' {value} (line {expected['source_line']} of the source).{note}"
    )
