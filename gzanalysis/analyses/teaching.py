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


def check_indicator(d, project_id, indicator, measurable, ambitious) -> bool:
    """Exercise 3: judge one indicator: is it measurable (a number with a unit), and is its target ambitious?

    ``measurable`` must agree with the data (a parsed number and unit); ``ambitious`` is the student's
    judgement, checked only for consistency: a target of =100% on a rate the unit controls is not ambitious.
    """
    d = as_disclosure(d, "gz.teaching.check_indicator()")
    if project_id is None or indicator is None or measurable is None or ambitious is None:
        return _verdict(None, "Not answered yet: choose a project, an indicator and your two judgements.")
    ind = d.table("indicators")
    row = ind[(ind["project_id"] == project_id) & (ind["level3"] == indicator)]
    if row.empty:
        return _verdict(False, f"No indicator {indicator!r} in project {project_id}.")
    r = row.iloc[0]
    is_measurable = bool(pd.notna(r["number"]) and pd.notna(r["unit"]))
    if bool(measurable) != is_measurable:
        return _verdict(
            False,
            f"'{r['value_text']}' is {'measurable: a number with a unit' if is_measurable else 'not measurable as printed'}.",
        )
    trivial = is_measurable and r["operator"] == "=" and r["number"] == 100 and r["unit"] == "%"
    if trivial and ambitious:
        return _verdict(
            False, "A target of exactly 100% on a rate the unit itself reports is hard to call ambitious."
        )
    return _verdict(
        True, f"Consistent: '{indicator}' {r['value_text']} (line {r['source_line']} of the source)."
    )
