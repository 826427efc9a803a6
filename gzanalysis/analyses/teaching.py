"""Checks for the teaching notebooks: a student's answer against the one computed from the data.

Every check returns a ``Verdict``: true or false as the answer is right, shown in a notebook as one short
sentence in the notebook's language; an answer left as ``None`` is "not answered yet", never an error, so the
exercise notebooks run from top to bottom.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from gzanalysis.analyses.carryover import carryover
from gzanalysis.analyses.labels import check_lang
from gzanalysis.package.load import as_disclosure

# Every verdict in both languages: key → (zh, en), formatted with the check's figures.
MESSAGES: dict[str, tuple[str, str]] = {
    "basic.unanswered": (
        "尚未作答：请在上面填入三个数值。",
        "Not answered yet: fill in the three values above.",
    ),
    "basic.right": (
        "正确：各分项与合计相差0.01——这是尾差。",
        "Correct: the parts miss the total by 0.01 — a rounding difference.",
    ),
    "basic.wrong": (
        "还不对：请逐个对照表中的数字（你填的是 {got}）。",
        "Not quite: check each figure against the table (you gave {got}).",
    ),
    "carry.unanswered": ("尚未作答：请设置 `code` 和 `share`。", "Not answered yet: set `code` and `share`."),
    "carry.unknown": ("{code!r} 不是本公开文件中的类。", "{code!r} is not a 类 of this disclosure."),
    "carry.right": (
        "正确：{code} 完全依靠上年结转，另有 {others} 个类也是如此：{names}。",
        "Correct: {code} lives on carry-over alone, as do {others} other classes: {names}.",
    ),
    "carry.wrong": (
        "{code} 将失去 {share:.1%} 的资金；还有类失去得更多。",
        "{code} would lose {share:.1%} of its money; some lose more.",
    ),
    "indicator.unanswered": (
        "尚未作答：请选择项目、指标，并给出三个判断。",
        "Not answered yet: choose a project, an indicator and your three judgements.",
    ),
    "indicator.unknown": (
        "项目 {project_id} 中没有指标 {indicator!r}。",
        "No indicator {indicator!r} in project {project_id}.",
    ),
    "indicator.measurable": (
        "“{value}” 可以衡量：有数值，也有计量单位。",
        "'{value}' is measurable: a number with a unit.",
    ),
    "indicator.not_measurable": (
        "“{value}” 按印刷的内容无法衡量：缺少数值或计量单位。",
        "'{value}' is not measurable as printed: it lacks a number or a unit.",
    ),
    "indicator.no_baseline": (
        "绩效目标表只列出目标值，没有以前年度值或实际值：从公开文件无法判断目标定得高不高。",
        "The performance table prints the target only, no earlier or actual value: whether it is "
        "ambitious cannot be judged from the disclosure.",
    ),
    "indicator.baseline": (
        "公开文件给出了可以与该目标比较的数值。",
        "The disclosure gives a value to judge this target against.",
    ),
    "indicator.absurd": (
        "“{indicator}” {value} 按字面说不通：这一比率为100%意味着完全失败或一分钱不花。",
        "'{indicator}' {value} cannot mean what it says: 100% of this rate is total failure or no spending.",
    ),
    "indicator.sensible": (
        "“{indicator}” {value} 可以按字面理解；如果有问题，也在别处。",
        "'{indicator}' {value} can mean what it says; its fault, if any, lies elsewhere.",
    ),
    "indicator.self_reported": (
        "这是单位自己报告的恰为100%的比率：公开文件中没有任何内容能让读者核实它。",
        " A rate of exactly 100% the unit reports on itself: nothing in the disclosure lets a reader verify it.",
    ),
    "indicator.right": (
        "判断正确：“{indicator}” {value}（原文第{line}行）。{note}",
        "Right: '{indicator}' {value} (line {line} of the source).{note}",
    ),
}


def _message(key: str, lang: str, **figures) -> str:
    zh, en = MESSAGES[key]
    return (zh if check_lang(lang) == "zh" else en).format(**figures)


class Verdict:
    """A check's answer: ``bool(verdict)`` is whether the answer is right; ``str(verdict)`` the sentence
    (✔ right, ✘ wrong, … not answered yet), shown to readers as a paragraph, not as printed text."""

    def __init__(self, ok: bool | None, message: str):
        self.ok, self.message = ok, message

    def __bool__(self) -> bool:
        return bool(self.ok)

    def __str__(self) -> str:
        return ("✔ " if self.ok else "✘ " if self.ok is not None else "… ") + self.message

    __repr__ = __str__

    def _repr_html_(self) -> str:
        state = "right" if self.ok else "wrong" if self.ok is not None else "unanswered"
        return f'<p class="gz-verdict gz-verdict-{state}">{html.escape(str(self))}</p>'


def _verdict(ok: bool | None, message: str) -> Verdict:
    return Verdict(ok, message)


def check_basic_split(d, personnel, public_operations, difference, lang: str = "zh") -> Verdict:
    """Exercise 1: read 人员经费 and 公用经费 of 一般公共预算基本支出表, and the gap to its 合计.

    The verdict is worded in ``lang`` ("zh" or "en"), as for every check here.
    """
    d = as_disclosure(d, "gz.teaching.check_basic_split()")
    check_lang(lang)
    t = d.table("一般公共预算基本支出表")
    total = t[t["code"].isna()].iloc[0]
    if personnel is None or public_operations is None or difference is None:
        return _verdict(None, _message("basic.unanswered", lang))
    expected = (
        total["personnel"],
        total["public_operations"],
        round(total["total"] - total["personnel"] - total["public_operations"], 2),
    )
    got = (personnel, public_operations, round(difference, 2))
    ok = all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(got, expected, strict=True))
    return _verdict(ok, _message("basic.right", lang) if ok else _message("basic.wrong", lang, got=got))


def shrink_without_carryover(d, level: str = "类"):
    """The function that would lose the largest share of its money without carry-over (ties: the larger amount)."""
    d = as_disclosure(d, "gz.teaching.shrink_without_carryover()")
    c = carryover(d, level=level)
    c = c[c["carryover"] > 0].sort_values(["share_carried_over", "carryover"], ascending=False)
    return c.iloc[0]


def check_without_carryover(d, code, share, lang: str = "zh") -> Verdict:
    """Exercise 2: which 类 would shrink most (in share) without 上年结转, and by how much (a fraction)."""
    d = as_disclosure(d, "gz.teaching.check_without_carryover()")
    check_lang(lang)
    if code is None or share is None:
        return _verdict(None, _message("carry.unanswered", lang))
    c = carryover(d, level="类").set_index("code")
    if code not in c.index:
        return _verdict(False, _message("carry.unknown", lang, code=code))
    full = c[c["share_carried_over"] >= 1 - 1e-12]
    ok = code in full.index and math.isclose(share, 1.0)
    if ok:
        names = ", ".join(sorted(set(full.index) - {code}))
        return _verdict(True, _message("carry.right", lang, code=code, others=len(full) - 1, names=names))
    share_lost = c.loc[code, "share_carried_over"]
    return _verdict(False, _message("carry.wrong", lang, code=code, share=share_lost))


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


def check_indicator(
    d, project_id, indicator, measurable, ambition_judgeable, sensible, lang: str = "zh"
) -> Verdict:
    """Exercise 3: judge one indicator on what the disclosure lets a reader judge.

    Three questions, each answered from the data: is the target measurable (a number with a unit)? Can its
    ambition be judged from the disclosure (is an earlier or actual value given)? Can the target mean what it
    says? A =100% rate that makes sense is accepted, with the reminder that nothing lets a reader verify it.
    """
    check_lang(lang)
    answers = (measurable, ambition_judgeable, sensible)
    if project_id is None or indicator is None or any(a is None for a in answers):
        return _verdict(None, _message("indicator.unanswered", lang))
    d = as_disclosure(d, "gz.teaching.check_indicator()")
    expected = indicator_judgement(d, project_id, indicator)
    if expected is None:
        return _verdict(
            False, _message("indicator.unknown", lang, project_id=project_id, indicator=indicator)
        )
    value = expected["value_text"]
    if bool(measurable) != expected["measurable"]:
        key = "indicator.measurable" if expected["measurable"] else "indicator.not_measurable"
        return _verdict(False, _message(key, lang, value=value))
    if bool(ambition_judgeable) != expected["ambition_judgeable"]:
        key = "indicator.baseline" if expected["ambition_judgeable"] else "indicator.no_baseline"
        return _verdict(False, _message(key, lang))
    if bool(sensible) != expected["sensible"]:
        key = "indicator.sensible" if expected["sensible"] else "indicator.absurd"
        return _verdict(False, _message(key, lang, indicator=indicator, value=value))
    self_reported = expected["self_reported_100"] and expected["sensible"]
    note = _message("indicator.self_reported", lang) if self_reported else ""
    line = expected["source_line"]
    return _verdict(
        True, _message("indicator.right", lang, indicator=indicator, value=value, line=line, note=note)
    )
