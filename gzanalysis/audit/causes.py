"""One cause, several findings: the findings a single fact of the disclosure explains share a ``cause``.

Each finding gets a ``cause`` (a short id), ``cause_text`` (one sentence) and ``cause_text_zh`` (the same
sentence in Chinese, for the Chinese edition of a report). Where the arithmetic shows
that findings are one discrepancy seen from several sides, they share a cause; every other finding is its
own cause (its rule id). Checks that hold have none. Causes are found from the findings' own figures, so a
disclosure where the coincidence does not hold keeps its findings apart.
"""

from __future__ import annotations

import pandas as pd

from gzanalysis.audit.checks import _EPS, Years, years

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


def _misstated_changes(findings: pd.DataFrame, y: Years):
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
            f"One misstated change: 「{section_a}」 {item_a} and 「{section_b}」 {item_b} imply {y.prior_en} amounts "
            f"{pair.lhs:,.2f} and {pair.rhs:,.2f} (lines {pair.source_lines})"
        )
        text_zh = (
            f"同一个增减额说错：「{section_a}」{item_a}与「{section_b}」{item_b}推算的{y.prior_zh}数分别为"
            f"{pair.lhs:,.2f}和{pair.rhs:,.2f}（第{_lines_zh(pair.source_lines)}行）"
        )
        for p in explained:
            section = p.rule.removeprefix(PARTS).split(".")[0]
            text += (
                f"; the same difference, up to rounding, is the {abs(p.diff):,.2f} by which the parts of "
                f"「{section}」 miss their total"
            )
            text_zh += f"；在尾差范围内，同一差额也就是「{section}」各分项之和与总额相差的{abs(p.diff):,.2f}"
        rules = [pair.rule, *(p.rule for p in explained)]
        yield f"misstated_change.{item_a}", (text + ".", text_zh + "。"), rules


def _coverage_gap(findings: pd.DataFrame, y: Years):
    """Coverage findings with the same difference are one gap: the money without a performance table."""
    material = findings[(findings["status"] == "material") & findings["rule"].str.startswith(COVERAGE)]
    for diff, block in material.groupby(material["diff"].round(2)):
        if len(block) > 1:
            yield (
                "projects.coverage_gap",
                (
                    f"One gap seen {len(block)} times: the {-diff:,.2f} of project spending without a "
                    "performance table is the carry-over without one.",
                    f"同一个缺口出现{len(block)}次：没有绩效目标表的{-diff:,.2f}万元项目支出，"
                    "就是没有绩效目标表的上年结转。",
                ),
                list(block["rule"]),
            )


def _non_fiscal_prior_year(findings: pd.DataFrame, y: Years):
    info = findings[(findings["status"] == "info") & findings["rule"].str.startswith(NON_FISCAL)]
    if not info.empty:
        parts = ", ".join(f"{r.rule.removeprefix(NON_FISCAL)} {r.diff:,.2f}" for r in info.itertuples())
        yield (
            "non_fiscal_2022",
            (
                f"In {y.prior_en} part of the spending was paid from money other than fiscal appropriations: {parts}.",
                f"{y.prior_zh}有部分支出由财政拨款以外的资金安排：{parts}。",
            ),
            list(info["rule"]),
        )


def _lines_zh(lines: str) -> str:
    """``575;585`` → ``575、585`` (lines as a Chinese sentence lists them)."""
    return str(lines).replace(";", "、")


SHARED = [_misstated_changes, _coverage_gap, _non_fiscal_prior_year]


def assign(findings: pd.DataFrame, year=None) -> pd.DataFrame:
    """Fill ``cause``, ``cause_text`` and ``cause_text_zh``: shared causes first, every other finding its own
    cause. ``year``: the disclosure's, named in the texts."""
    out = findings.copy()
    cause = pd.Series("", index=out.index, dtype=object)
    text = pd.Series("", index=out.index, dtype=object)
    text_zh = pd.Series("", index=out.index, dtype=object)
    for find in SHARED:
        for cause_id, (sentence, sentence_zh), rules in find(out, years(year)):
            where = out["rule"].isin(rules) & (cause == "")
            cause[where], text[where], text_zh[where] = cause_id, sentence, sentence_zh
    rounding = (out["status"] == "rounding") & (cause == "")
    cause[rounding] = "rounding"
    text[rounding] = "Tables rounded separately to 0.01 万元: within half a cent per figure."
    text_zh[rounding] = "各表分别四舍五入到0.01万元：每个数字的误差不超过0.005万元。"
    unchecked = (out["status"] == "not_checked") & (cause == "")
    cause[unchecked] = "not_checked"
    text[unchecked] = [f"Not checked: {r.note}" for r in out[unchecked].itertuples()]
    text_zh[unchecked] = [f"未核对：{r.description_zh}" for r in out[unchecked].itertuples()]
    alone = (out["status"] != "ok") & (cause == "")
    cause[alone] = out.loc[alone, "rule"]
    text[alone] = [
        f"Does not hold: {r.description_en} ({r.lhs_label} {r.lhs:,.2f} against {r.rhs_label} {r.rhs:,.2f})."
        for r in out[alone].itertuples()
    ]
    text_zh[alone] = [
        f"不成立：{r.description_zh}（{r.lhs_label} {r.lhs:,.2f}，对照 {r.rhs_label} {r.rhs:,.2f}）。"
        for r in out[alone].itertuples()
    ]
    return out.assign(cause=cause, cause_text=text, cause_text_zh=text_zh)


def count(findings: pd.DataFrame, status: str) -> tuple[int, int]:
    """How many findings of a status, and from how many distinct causes."""
    block = findings[findings["status"] == status]
    return len(block), block["cause"].nunique()
