"""Checks for the teaching notebooks: a student's answer against the one computed from the data.

Every check returns a ``Verdict``, shown in a notebook as sentences in the notebook's language (never a bare
True/False): right, or which value is wrong and why, or which is not answered yet. An answer left as
``None`` is "not answered yet", never an error, so the exercise notebooks run from top to bottom. The checks
take an answer in the forms a student types (``1648.09``, ``"1,648.09"``, ``"65.7%"``, ``208`` for a code,
``"是"`` for True) and say what they expected where a value cannot be read.
"""

from __future__ import annotations

import html
import math
import numbers
import re
import unicodedata

import pandas as pd

from gzanalysis.analyses.carryover import carryover
from gzanalysis.analyses.labels import check_lang, code_names
from gzanalysis.package.load import as_disclosure

# Every sentence in both languages: key → (zh, en), formatted with the check's figures. `{name}` is the
# variable of the exercise notebook that holds the answer, `{got}` the answer as given.
MESSAGES: dict[str, tuple[str, str]] = {
    "unanswered": ("尚未作答：请设置 {names}。", "Not answered yet: set {names}."),
    "not_a_number": (
        '`{name}` = {got!r} 不是数字：请写成 1234.56 或 "1,234.56" 这样的形式。',
        '`{name}` = {got!r} is not a number: write it as 1234.56 or "1,234.56".',
    ),
    "not_a_share": (
        '`{name}` = {got!r} 不是比重：请写成0到1之间的小数（0.123）或带%的字符串（"12.3%"）。',
        "`{name}` = {got!r} is not a share: write it as a fraction from 0 to 1 (0.123) or as a percent "
        'string ("12.3%").',
    ),
    "not_a_code": (
        '`{name}` = {got!r} 不是科目编码：请写成 "201" 这样的编码。',
        '`{name}` = {got!r} is not a code: write it as "201".',
    ),
    "not_a_count": (
        "`{name}` = {got!r} 不是整数：请写一个个数，如 3。",
        "`{name}` = {got!r} is not a whole number: write a count, such as 3.",
    ),
    "not_yes_no": (
        "`{name}` = {got!r} 不是判断：请写 True 或 False（也可以写“是”或“否”）。",
        '`{name}` = {got!r} is not a judgement: write True or False ("yes"/"no", "是"/"否" also do).',
    ),
    "all_right": ("全部正确。", "All right."),
    # exercise 1
    "basic.personnel": (
        "`personnel` = {got} 不是合计行的人员经费。",
        "`personnel` = {got} is not the 人员经费 (personnel) of the 合计 row.",
    ),
    "basic.public_operations": (
        "`public_operations` = {got} 不是合计行的公用经费。",
        "`public_operations` = {got} is not the 公用经费 (public operations) of the 合计 row.",
    ),
    "basic.difference": (
        "`difference` = {got} 不是合计行的 合计 − 人员经费 − 公用经费（保留到0.01）。",
        "`difference` = {got} is not total − personnel − public_operations of the 合计 row (to 0.01).",
    ),
    "basic.sign": (
        "`difference` = {got}：符号反了，应按 合计 − 人员经费 − 公用经费 的顺序计算。",
        "`difference` = {got}: the sign is the wrong way round; compute total − personnel − public_operations.",
    ),
    "basic.right": (
        "正确：合计比两个分项之和多{difference}万元。这是尾差还是错误？下一题来追查。",
        "Correct: the total exceeds the sum of its two parts by {difference} 万元. A rounding difference or "
        "an error? The next question traces it.",
    ),
    "trace.unknown": (
        "`code` = {got!r} 不是一般公共预算基本支出表中的类：表中的类是 {codes}。",
        "`code` = {got!r} is not a 类 of 一般公共预算基本支出表: its classes are {codes}.",
    ),
    "trace.agrees": (
        "`code` = {got!r}：{got}类的各款加起来正好等于它的小计{printed}，差额在别处。",
        "`code` = {got!r}: the 款 rows of {got} add up to its subtotal, {printed}; the gap is elsewhere.",
    ),
    "trace.printed": (
        "`items_total` = {got}：这是{code}类印刷的小计，题目要的是它各款之和。",
        "`items_total` = {got} is the subtotal {code} prints; the question asks for the sum of its 款 rows.",
    ),
    "trace.items_total": (
        "`items_total` = {got} 不是{code}类各款之和。",
        "`items_total` = {got} is not the sum of the 款 rows of {code}.",
    ),
    "trace.right": (
        "正确：{code}类各款之和为{items}，印刷的小计为{printed}，相差{gap}；人员经费的合计沿用了这个小计。",
        "Correct: the 款 rows of {code} add up to {items}, its printed subtotal is {printed}, a gap of {gap}; "
        "the personnel total carries that subtotal.",
    ),
    "trace.none": (
        "本公开文件中每个类的小计都等于其各款之和。",
        "In this disclosure every class's subtotal equals the sum of its 款 rows.",
    ),
    # exercise 2
    "carry.disappear": (
        "`disappear` = {got} 不是完全依靠上年结转（比重为1）的类的个数。",
        "`disappear` = {got} is not the number of classes funded by carry-over alone (share 1).",
    ),
    "carry.unknown": (
        "`code` = {got!r} 不是部门收入总表中的类。",
        "`code` = {got!r} is not a 类 of 部门收入总表.",
    ),
    "carry.only": (
        "`code` = {got!r}：这个类完全依靠上年结转，没有自己的其他资金；题目问的是还有其他资金的类。",
        "`code` = {got!r} has no money but carry-over (share 1); the question asks among the classes that "
        "keep money of their own.",
    ),
    "carry.none": (
        "`code` = {got!r}：这个类没有上年结转，什么也不会失去。",
        "`code` = {got!r} has no carry-over: it would lose nothing.",
    ),
    "carry.smaller": (
        "`code` = {got!r} 将失去 {share:.1%} 的资金；另一个还有其他资金的类失去的比重更大。",
        "`code` = {got!r} would lose {share:.1%} of its money; another class with money of its own loses "
        "a larger share.",
    ),
    "carry.share_after_code": (
        "`share` 在 `code` 正确之后再核对。",
        "`share` is checked once `code` is right.",
    ),
    "carry.share": (
        "`share` = {got} 不是{code}类的上年结转 ÷ 合计。",
        "`share` = {got} is not carry-over ÷ total of {code}.",
    ),
    "carry.coarse": (
        '`share` = {got} 接近了，但请保留三位小数（如0.123，或"12.3%"）。',
        '`share` = {got} is close, but give three decimals (such as 0.123, or "12.3%").',
    ),
    "carry.right": (
        "正确：{disappear}个类完全依靠上年结转（{only}）；在还有其他资金的类中，{code}将失去{share:.1%}。",
        "Correct: {disappear} classes live on carry-over alone ({only}); among the classes with money of "
        "their own, {code} would lose {share:.1%}.",
    ),
    # exercise 3
    "indicator.unknown": (
        "项目 {project_id} 中没有指标 {indicator!r}；它的指标有：{names}。",
        "No indicator {indicator!r} in project {project_id}; its indicators are: {names}.",
    ),
    "indicator.no_project": (
        "`project_id` = {got!r} 不是本公开文件中的项目：项目有 {ids}。",
        "`project_id` = {got!r} is not a project of this disclosure: its projects are {ids}.",
    ),
    "indicator.measurable": (
        "`measurable` = {got}：“{value}” 可以衡量，有数值，也有计量单位。",
        "`measurable` = {got}: '{value}' is measurable, a number with a unit.",
    ),
    "indicator.not_measurable": (
        "`measurable` = {got}：“{value}” 按印刷的内容无法衡量，缺少数值或计量单位。",
        "`measurable` = {got}: '{value}' is not measurable as printed, it lacks a number or a unit.",
    ),
    "indicator.no_baseline": (
        "`ambition_judgeable` = {got}：绩效目标表只列出目标值，没有以前年度值或实际值，从公开文件无法判断目标定得"
        "高不高。",
        "`ambition_judgeable` = {got}: the performance table prints the target only, no earlier or actual "
        "value, so whether it is ambitious cannot be judged from the disclosure.",
    ),
    "indicator.baseline": (
        "`ambition_judgeable` = {got}：公开文件给出了可以与该目标比较的数值。",
        "`ambition_judgeable` = {got}: the disclosure gives a value to judge this target against.",
    ),
    "indicator.absurd": (
        "`sensible` = {got}：“{indicator}” {value} 按字面说不通，这一比率为100%意味着完全失败或一分钱不花。",
        "`sensible` = {got}: '{indicator}' {value} cannot mean what it says, 100% of this rate is total "
        "failure or no spending.",
    ),
    "indicator.sensible": (
        "`sensible` = {got}：“{indicator}” {value} 可以按字面理解；如果有问题，也在别处。",
        "`sensible` = {got}: '{indicator}' {value} can mean what it says; its fault, if any, lies elsewhere.",
    ),
    "indicator.output": (
        "`output_as_benefit` = {got}：“{indicator}” {value} 列为效益指标，却只是计数（{unit}），数的是项目做了"
        "多少（产出），不是带来了什么变化（效益）。",
        "`output_as_benefit` = {got}: '{indicator}' {value} is listed as a benefit (效益指标) but is a count "
        "(in {unit}) of what the project delivers: an output, not what changes because of it.",
    ),
    "indicator.not_output": (
        "`output_as_benefit` = {got}：“{indicator}” {value} 列在{level1}之下，{why}。",
        "`output_as_benefit` = {got}: '{indicator}' {value} is listed under {level1}, {why}.",
    ),
    "why.not_benefit": ("它不是效益指标", "not as a benefit"),
    "why.rate": (
        "它是一个比率或定性的变化，而不是计数",
        "and it states a rate or a qualitative change, not a count",
    ),
    "indicator.self_reported": (
        "这是单位自己报告的恰为100%的比率：公开文件中没有任何内容能让读者核实它。",
        "A rate of exactly 100% the unit reports on itself: nothing in the disclosure lets a reader verify it.",
    ),
    "indicator.output_note": (
        "它列为效益指标，却只是在数项目做了多少：这是产出。",
        "Listed as a benefit, it only counts what the project delivers: an output.",
    ),
    "indicator.right": (
        "判断正确：“{indicator}” {value}（原文第{line}行）。{note}",
        "Right: '{indicator}' {value} (line {line} of the source). {note}",
    ),
}


def _message(key: str, lang: str, **figures) -> str:
    zh, en = MESSAGES[key]
    return (zh if check_lang(lang) == "zh" else en).format(**figures).strip()


class Verdict:
    """A check's answer: ``bool(verdict)`` is whether the answer is right; ``str(verdict)`` the sentences
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


def _unanswered(lang: str, **answers) -> Verdict | None:
    """The verdict "not answered yet", naming each answer still ``None``; None when every one is given."""
    missing = [f"`{name}`" for name, value in answers.items() if value is None]
    if not missing:
        return None
    return _verdict(None, _message("unanswered", lang, names=("、" if lang == "zh" else ", ").join(missing)))


# --- reading what a student typed


class Unreadable(ValueError):
    """An answer that cannot be read as what the question asks: the sentence that says what was expected."""


def _plain(text: str) -> str:
    """Full-width digits and signs made ASCII, spaces and thousands separators (, ，) dropped."""
    return re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", text))


def read_number(value, name: str = "value", lang: str = "zh") -> float:
    """A number as a student types it: ``1648.09``, ``"1,648.09"``, ``"1648.09 万元"``, ``1648``.

    >>> read_number("1,648.09"), read_number(1648), read_number("１６４８.０９万元")
    (1648.09, 1648.0, 1648.09)
    """
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if not math.isnan(float(value)):
            return float(value)
    elif isinstance(value, str):
        text = _plain(value).removesuffix("万元")
        try:
            return float(text)
        except ValueError:
            pass
    raise Unreadable(_message("not_a_number", lang, name=name, got=value))


def read_share(value, name: str = "share", lang: str = "zh") -> float:
    """A share as a fraction: ``0.657``, ``"0.657"``, ``"65.7%"`` (a bare number above 1 is refused: it
    may be a percent without its sign).

    >>> read_share("65.7%"), read_share(0.657)
    (0.657, 0.657)
    """
    try:
        if isinstance(value, str) and _plain(value).endswith("%"):
            return read_number(_plain(value)[:-1], name, lang) / 100
        share = read_number(value, name, lang)
    except Unreadable:
        share = math.nan
    if not 0 <= share <= 1:
        raise Unreadable(_message("not_a_share", lang, name=name, got=value))
    return share


def read_code(value, name: str = "code", lang: str = "zh") -> str:
    """A classification code: ``"208"``, ``208``, ``" 208 社会保障和就业支出"`` → ``"208"``."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return str(int(value))
    if isinstance(value, str):
        digits = re.match(r"\d+", unicodedata.normalize("NFKC", value).strip())
        if digits:
            return digits.group(0)
    raise Unreadable(_message("not_a_code", lang, name=name, got=value))


def read_count(value, name: str = "count", lang: str = "zh") -> int:
    """A whole number: ``7``, ``"7"``, ``7.0``."""
    try:
        number = read_number(value, name, lang)
    except Unreadable:
        number = math.nan
    if math.isnan(number) or not number.is_integer():
        raise Unreadable(_message("not_a_count", lang, name=name, got=value))
    return int(number)


YES = {"true", "yes", "y", "t", "1", "是", "对", "能", "可以", "是的"}
NO = {"false", "no", "n", "f", "0", "否", "不", "不是", "不能", "错"}


def read_yes_no(value, name: str = "answer", lang: str = "zh") -> bool:
    """A judgement: ``True``/``False``, ``"yes"``/``"no"``, ``"是"``/``"否"``, ``1``/``0``."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, numbers.Integral) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = _plain(value).lower()
        if text in YES or text in NO:
            return text in YES
    raise Unreadable(_message("not_yes_no", lang, name=name, got=value))


def _shown(value: float) -> str:
    """An amount as a reader writes it: ``1,645.10`` (a number given by the student, echoed)."""
    return f"{value:,.2f}"


def _same_amount(a: float, b: float) -> bool:
    """Equal as published, to 0.01 万元 (a gap under half of that is floating-point noise, not a figure)."""
    return abs(a - b) < 0.005


def _judged(wrong: list[str], right: str) -> Verdict:
    """The verdict of a check that judged each answer: the sentences on the wrong ones, or ``right``."""
    if wrong:
        return _verdict(False, " ".join(wrong))
    return _verdict(True, right)


# --- exercise 1: 基本支出 = 人员经费 + 公用经费, and where the 0.01 comes from


def _basic_total_row(d):
    t = d.table("一般公共预算基本支出表")
    return t[t["code"].isna()].iloc[0]


def check_basic_split(d, personnel, public_operations, difference, lang: str = "zh") -> Verdict:
    """Exercise 1: read 人员经费 and 公用经费 of 一般公共预算基本支出表, and the gap to its 合计.

    Each wrong value is named; the verdict is worded in ``lang`` ("zh" or "en"), as for every check here.
    """
    d = as_disclosure(d, "gz.teaching.check_basic_split()")
    check_lang(lang)
    pending = _unanswered(
        lang, personnel=personnel, public_operations=public_operations, difference=difference
    )
    if pending is not None:
        return pending
    total = _basic_total_row(d)
    expected = {
        "personnel": float(total["personnel"]),
        "public_operations": float(total["public_operations"]),
    }
    expected["difference"] = round(
        float(total["total"]) - expected["personnel"] - expected["public_operations"], 2
    )
    wrong = []
    for name, value in (
        ("personnel", personnel),
        ("public_operations", public_operations),
        ("difference", difference),
    ):
        try:
            got = read_number(value, name, lang)
        except Unreadable as err:
            wrong.append(str(err))
            continue
        if _same_amount(got, expected[name]):
            continue
        sign = name == "difference" and expected[name] != 0 and _same_amount(-got, expected[name])
        wrong.append(_message("basic.sign" if sign else f"basic.{name}", lang, got=_shown(got)))
    return _judged(wrong, _message("basic.right", lang, difference=_shown(expected["difference"])))


def subtotal_gaps(d) -> pd.DataFrame:
    """Each 类 of 一般公共预算基本支出表 with its printed ``subtotal``, the sum of its 款 rows (``items_sum``)
    and the ``subtotal_gap`` (subtotal − items), in the table's order: where a total and its parts disagree,
    this says which class.

    >>> import gzanalysis as gz
    >>> g = subtotal_gaps(gz.load()).set_index("code")
    >>> [float(g.loc["301", c]) for c in ("subtotal", "items_sum", "subtotal_gap")]
    [1645.09, 1645.1, -0.01]
    """
    d = as_disclosure(d, "gz.teaching.subtotal_gaps()")
    t = d.table("一般公共预算基本支出表")
    classes = t[t["level"] == "类"]
    items = t[t["level"] == "款"].groupby("parent")["total"].sum()
    out = pd.DataFrame(
        {
            "code": classes["code"].to_numpy(),
            "subtotal": classes["total"].to_numpy(dtype=float),
            "items_sum": classes["code"].map(items).to_numpy(dtype=float).round(2),
            "source_line": classes["source_line"].to_numpy(),
        }
    )
    out["subtotal_gap"] = (out["subtotal"] - out["items_sum"]).round(2)
    return out


def check_subtotal_trace(d, code, items_total, lang: str = "zh") -> Verdict:
    """Exercise 1, second part: which 类 of 一般公共预算基本支出表 prints a subtotal its 款 rows do not add
    up to, and what those rows add up to."""
    d = as_disclosure(d, "gz.teaching.check_subtotal_trace()")
    check_lang(lang)
    pending = _unanswered(lang, code=code, items_total=items_total)
    if pending is not None:
        return pending
    gaps = subtotal_gaps(d).set_index("code")
    off = gaps[gaps["subtotal_gap"] != 0]
    try:
        code = read_code(code, "code", lang)
    except Unreadable as err:
        return _verdict(False, str(err))
    if code not in gaps.index:
        return _verdict(False, _message("trace.unknown", lang, got=code, codes=", ".join(gaps.index)))
    if off.empty:
        return _verdict(False, _message("trace.none", lang))
    if code not in off.index:
        printed = _shown(gaps.loc[code, "subtotal"])
        return _verdict(False, _message("trace.agrees", lang, got=code, printed=printed))
    row = off.loc[code]
    try:
        got = read_number(items_total, "items_total", lang)
    except Unreadable as err:
        return _verdict(False, str(err))
    if _same_amount(got, row["items_sum"]):
        return _verdict(
            True,
            _message(
                "trace.right",
                lang,
                code=code,
                items=_shown(row["items_sum"]),
                printed=_shown(row["subtotal"]),
                gap=_shown(abs(row["subtotal_gap"])),
            ),
        )
    key = "trace.printed" if _same_amount(got, row["subtotal"]) else "trace.items_total"
    return _verdict(False, _message(key, lang, got=_shown(got), code=code))


# --- exercise 2: which classes live on carry-over, which would lose the largest share


def shrink_without_carryover(d, level: str = "类"):
    """Of the functions that keep money of their own (not funded by carry-over alone), the one that would
    lose the largest share of its money without carry-over (ties: the larger amount); its row of
    ``gz.carryover``. Those funded by carry-over alone would disappear: ``carryover_only``."""
    d = as_disclosure(d, "gz.teaching.shrink_without_carryover()")
    c = carryover(d, level=level)
    c = c[(c["carryover"] > 0) & ~c["carryover_only"]]
    return c.sort_values(["share_carried_over", "carryover"], ascending=False).iloc[0]


def check_without_carryover(d, disappear, code, share, lang: str = "zh") -> Verdict:
    """Exercise 2: how many 类 are funded by 上年结转 alone (``disappear``); of the others, which would lose
    the largest share of its money without it (``code``) and that share (``share``, a fraction or "x%")."""
    d = as_disclosure(d, "gz.teaching.check_without_carryover()")
    check_lang(lang)
    pending = _unanswered(lang, disappear=disappear, code=code, share=share)
    if pending is not None:
        return pending
    c = carryover(d, level="类").set_index("code")
    only = sorted(c.index[c["carryover_only"]])
    top = shrink_without_carryover(d)
    wrong = []
    try:
        if read_count(disappear, "disappear", lang) != len(only):
            wrong.append(_message("carry.disappear", lang, got=disappear))
    except Unreadable as err:
        wrong.append(str(err))
    try:
        code = read_code(code, "code", lang)
        if code not in c.index:
            raise Unreadable(_message("carry.unknown", lang, got=code))
        if code != top["code"]:
            key = (
                "carry.only"
                if c.loc[code, "carryover_only"]
                else "carry.none"
                if c.loc[code, "carryover"] == 0
                else "carry.smaller"
            )
            raise Unreadable(_message(key, lang, got=code, share=c.loc[code, "share_carried_over"]))
    except Unreadable as err:
        wrong += [str(err), _message("carry.share_after_code", lang)]
    else:
        try:
            got = read_share(share, "share", lang)
            off = abs(got - top["share_carried_over"])
            if off > 0.0005:
                key = "carry.coarse" if off <= 0.005 else "carry.share"
                wrong.append(_message(key, lang, got=share, code=code))
        except Unreadable as err:
            wrong.append(str(err))
    right = _message(
        "carry.right",
        lang,
        disappear=len(only),
        only=", ".join(only),
        code=top["code"],
        share=top["share_carried_over"],
    )
    return _judged(wrong, right)


def project_spending_by_economic(d, lang: str = "zh") -> pd.DataFrame:
    """项目支出 by economic class as the narrative states it (all funds, 支出预算): code, name, amount
    (万元), note and line. The tables print project spending by function only; the narrative is the one place
    that says what kind of spending it is (salaries, goods and services, capital, transfers …)."""
    d = as_disclosure(d, "gz.teaching.project_spending_by_economic()")
    f = d.table("narrative_figures")
    rows = f[
        (f["section"] == "支出预算")
        & (f["topic"] == "项目支出")
        & f["economic_code"].notna()
        & (f["unit"] == "万元")
    ]
    if rows.empty:
        from gzanalysis.analyses.subjects import NotInDisclosure

        raise NotInDisclosure(
            f"{d.meta.get('title', d.id)}: its narrative states no split of project spending by economic "
            "class, so what kind of spending the projects are is not known."
        )
    return pd.DataFrame(
        {
            "code": rows["economic_code"].to_numpy(),
            "name": rows["economic_code"].map(code_names(d, "economic", lang)).to_numpy(),
            "amount": rows["amount"].to_numpy(dtype=float),
            "source_line": rows["source_line"].to_numpy(),
        }
    )


# --- exercise 3: judge a performance indicator

# Rates whose target of =100% cannot mean what it says: a failure or error rate of 100% is a system that
# always fails; a cost saving rate of 100% is spending nothing.
ABSURD_AT_100 = ("故障率", "出错率", "错误率", "节约率")
# A column that would hold an earlier value of the indicator, against which a target could be judged.
BASELINE_COLUMNS = ("baseline", "prior_value", "actual")
# The 一级指标 of benefits (效益指标): it should state what changes for people or the economy.
BENEFIT = "效益指标"
# Units of a rate: a target in any other unit counts something (people, items, times).
RATE_UNITS = ("%", "‰")


def _is_exactly_100_percent(r) -> bool:
    return r["operator"] == "=" and r["number"] == 100 and r["unit"] == "%"


def indicator_judgement(d, project_id, indicator) -> dict | None:
    """What the disclosure lets a reader judge of one indicator, or None if there is no such indicator.

    ``measurable``: the target states a number with a unit. ``ambition_judgeable``: the disclosure gives an
    earlier or actual value to judge the target against (the performance tables print the target only).
    ``sensible``: the target can mean what it says (not =100% on a failure or saving rate).
    ``output_as_benefit``: listed as a benefit (效益指标) but stated as a count (a number in a unit that is
    not a rate): it counts what the project delivers (an output), not what changes because of it.
    ``self_reported_100``: a rate of exactly =100%, which nothing in the disclosure lets a reader verify.
    """
    d = as_disclosure(d, "gz.teaching.indicator_judgement()")
    ind = d.table("indicators")
    row = ind[(ind["project_id"] == project_id) & (ind["level3"] == indicator)]
    if row.empty:
        return None
    r = row.iloc[0]
    at_100 = bool(pd.notna(r["number"]) and _is_exactly_100_percent(r))
    counted = bool(pd.notna(r["number"]) and pd.notna(r["unit"]) and r["unit"] not in RATE_UNITS)
    return {
        "value_text": r["value_text"],
        "source_line": int(r["source_line"]),
        "level1": r["level1"],
        "unit": r["unit"],
        "measurable": bool(pd.notna(r["number"]) and pd.notna(r["unit"])),
        "ambition_judgeable": any(c in ind.columns for c in BASELINE_COLUMNS),
        "sensible": not (at_100 and any(k in indicator for k in ABSURD_AT_100)),
        "output_as_benefit": r["level1"] == BENEFIT and counted,
        "self_reported_100": at_100,
    }


def _project_id(value, ids: list[str], lang: str) -> str:
    """``"P2"``, ``"p2"``, ``2`` → ``"P2"`` where the disclosure has it."""
    text = str(value).strip().upper() if not isinstance(value, bool) else ""
    text = f"P{text}" if text.isdigit() else text
    if text not in ids:
        raise Unreadable(_message("indicator.no_project", lang, got=value, ids=", ".join(ids)))
    return text


def check_indicator(
    d,
    project_id,
    indicator,
    measurable,
    ambition_judgeable,
    sensible,
    output_as_benefit=False,
    lang: str = "zh",
) -> Verdict:
    """Exercise 3: judge one indicator on what the disclosure lets a reader judge.

    Four questions, each answered from the data: is the target measurable (a number with a unit)? Can its
    ambition be judged from the disclosure (is an earlier or actual value given)? Can the target mean what it
    says? Is it listed as a benefit (效益指标) while it counts an output? Each wrong judgement is named. A
    =100% rate that makes sense is accepted, with the reminder that nothing lets a reader verify it.
    """
    check_lang(lang)
    pending = _unanswered(
        lang,
        project_id=project_id,
        indicator=indicator,
        measurable=measurable,
        ambition_judgeable=ambition_judgeable,
        sensible=sensible,
        output_as_benefit=output_as_benefit,
    )
    if pending is not None:
        return pending
    d = as_disclosure(d, "gz.teaching.check_indicator()")
    ind = d.table("indicators")
    try:
        project_id = _project_id(project_id, sorted(ind["project_id"].dropna().unique()), lang)
    except Unreadable as err:
        return _verdict(False, str(err))
    indicator = str(indicator).strip()
    expected = indicator_judgement(d, project_id, indicator)
    if expected is None:
        names = ", ".join(repr(n) for n in ind.loc[ind["project_id"] == project_id, "level3"].dropna())
        return _verdict(
            False,
            _message("indicator.unknown", lang, project_id=project_id, indicator=indicator, names=names),
        )
    value, level1 = expected["value_text"], expected["level1"]
    figures = {"indicator": indicator, "value": value, "unit": expected["unit"], "level1": level1}
    # the sentence for a wrong answer to each question, by what the data says is right
    explain = {
        "measurable": ("indicator.measurable", "indicator.not_measurable"),
        "ambition_judgeable": ("indicator.baseline", "indicator.no_baseline"),
        "sensible": ("indicator.sensible", "indicator.absurd"),
        "output_as_benefit": ("indicator.output", "indicator.not_output"),
    }
    answers = {
        "measurable": measurable,
        "ambition_judgeable": ambition_judgeable,
        "sensible": sensible,
        "output_as_benefit": output_as_benefit,
    }
    wrong = []
    for name, given in answers.items():
        try:
            got = read_yes_no(given, name, lang)
        except Unreadable as err:
            wrong.append(str(err))
            continue
        if got != expected[name]:
            key = explain[name][0 if expected[name] else 1]
            why = _message("why.rate" if level1 == BENEFIT else "why.not_benefit", lang)
            wrong.append(_message(key, lang, got=given, why=why, **figures))
    self_reported = expected["self_reported_100"] and expected["sensible"]
    note = (
        _message("indicator.self_reported", lang)
        if self_reported
        else _message("indicator.output_note", lang)
        if expected["output_as_benefit"]
        else ""
    )
    right = _message("indicator.right", lang, line=expected["source_line"], note=note, **figures)
    return _judged(wrong, right)
