"""Project performance tables (项目支出绩效目标表): the project, its funds and goal, and its indicators.

The 一级/二级 indicator labels are merged cells: the OCR prints each label once, about the middle of its
group. A row takes the nearest printed 二级 label (ties: the one above); errata of field ``level2`` set the
rows where the disclosure groups them otherwise. 一级 follows from 二级.
"""

from __future__ import annotations

import re

from gzanalysis.ingest.context import UNRESOLVED, Ctx
from gzanalysis.ingest.numbers import parse_target
from gzanalysis.ingest.sections import Section
from gzanalysis.ingest.text import cells, nospace, squeeze

LEVEL1_OF = {
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度": "满意度指标",
    "服务对象满意度指标": "满意度指标",
}
_LABELS_LONGEST_FIRST = sorted(LEVEL1_OF, key=len, reverse=True)
# OCR variants of the labels.
LABEL_VARIANTS = {"財效指标": "时效指标", "时效指示": "时效指标"}
FUNDS = [
    ("funds_total", "年度资金总额"),
    ("funds_fiscal", "财政拨款"),
    ("funds_other", "其他资金"),
    ("funds_carryover", "上年结转"),
]
_TARGET_NUMBER = re.compile(r"^\s*[=≥≤]\s*(\d+(?:\.\d+)?)")
READABLE_UNIT = re.compile(r"^[%\u4e00-\u9fff()()]+(/[%\u4e00-\u9fff()()]+)?$")  # 个, %, 次/年
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
SEPARATORS = re.compile(r"[；;、，,]")  # between the targets of one cell
_BARE_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(\S*)$")  # a target printed without its comparison: 100%
COMPARISON_WORDS = re.compile(r"以上|以下|以内|不低于|不高于|不超过|不少于|至少|左右")
NO_OPERATOR = "no comparison printed (≥, ≤ or =): the number is the target as printed"
TARGET_NOTES = {
    "no operator": NO_OPERATOR,
    "several targets": "several targets printed in one cell: no one number is taken",
}
EMPTY_CATEGORY = "the project's table lists the category with no indicator and no value"


def level2_label(cell: str) -> str | None:
    key = nospace(cell)
    for variant, label in LABEL_VARIANTS.items():
        key = key.replace(variant, label)
    for label in _LABELS_LONGEST_FIRST:
        if label in key:
            return label
    return None


def _money(ctx: Ctx, n: int, field: str, cell: str) -> str | None:
    v = ctx.amount("projects", n, field, cell)
    if v is UNRESOLVED:
        ctx.report.flag("projects", n, field, cell, "not one unambiguous number")
        return None
    return v


def project_row(pid: str, scope: str = "project") -> dict:
    """An empty record of ``projects`` (the OCR reader's and the PDF reader's): ``scope`` is ``project`` for a
    project's table, ``department`` for a table of the department (or a fund) as a whole (部门整体)."""
    return {
        "project_id": pid,
        "name": "",
        "scope": scope,
        "department_code": "",
        "department": "",
        "implementing_unit": "",
        "funds_total": None,
        "funds_fiscal": None,
        "funds_other": None,
        "funds_carryover": None,
        "goal": "",
        "source_line": None,
        "funds_total_line": None,
        "funds_fiscal_line": None,
        "funds_other_line": None,
        "funds_carryover_line": None,
        "goal_line": None,
    }


def _flattened(ctx: Ctx, n: int, pid: str) -> dict:
    """A table the OCR printed as one line of text: labels and values in reading order."""
    text = ctx.line(n)
    p = project_row(pid)
    m = re.search(r"\(\d{4}年度\)\s*(.*?)\s*项目名称", text)
    p["name"] = squeeze(m.group(1)) if m else ""
    if m2 := re.search(r"(\d+)-(\S+)", text):
        p["department_code"], p["department"] = m2.group(1), m2.group(2)
    if m3 := re.search(r"实施单位\s+(\S+)", text):
        unit = m3.group(1)
        p["implementing_unit"] = "" if unit.startswith(p["department_code"] + "-") else unit
    for field, label in FUNDS:
        m4 = re.search(rf"{label}\s*([\d][\d.,]*)", text)
        p[field] = _money(ctx, n, field, m4.group(1)) if m4 else None
        p[f"{field}_line"] = str(n) if m4 else None
    p["source_line"] = str(n)
    ctx.report.warn(
        f"line {n}: project {pid}: the table is printed as one line of text; its cells are read in order"
    )
    return p


def read_project(ctx: Ctx, sec: Section, pid: str) -> tuple[dict | None, list[dict]]:
    where = f"projects {pid}"
    p = None
    indicators: list[dict] = []
    n = sec.start
    header = None
    goal_next = False
    while n <= sec.end:
        text = ctx.line(n)
        c = cells(text)
        key = nospace(text)
        if not key:
            ctx.report.skip(n, where, "blank")
        elif "项目名称" in key and "年度资金总额" in key:
            p = _flattened(ctx, n, pid)
            ctx.report.use(n, where, "project table printed on one line")
            goal_next = key.endswith("年度绩效目标")
        elif nospace(c[0]).startswith("项目名称"):
            p = p or project_row(pid)
            value = "\t".join(x for x in c[1:] if x)
            name, _ = ctx.text("projects", n, "name", value)
            p["name"], p["source_line"] = squeeze(name.replace("\t", "")), str(n)
            ctx.report.use(n, where, "project name")
        elif p is not None and "主管部门" in nospace(c[0]):
            if m := re.match(r"(\d+)\s*-\s*(.+)", c[1] if len(c) > 1 else ""):
                p["department_code"], p["department"] = m.group(1), nospace(m.group(2))
            unit = ""
            for i, cell in enumerate(c):
                if nospace(cell).startswith("实施单位"):
                    rest = cell.split("实施单位", 1)[1].strip()
                    unit = rest or (c[i + 1] if i + 1 < len(c) else "")
            unit, _ = ctx.text("projects", n, "implementing_unit", unit)
            p["implementing_unit"] = nospace(unit)
            ctx.report.use(n, where, "departments")
        elif goal_next and nospace(c[0]) != "一级指标" and p is not None:
            goal, _ = ctx.text("projects", n, "goal", squeeze(text))
            p["goal"], p["goal_line"] = goal, str(n)
            goal_next = False
            ctx.report.use(n, where, "goal")
        elif p is not None and header is None and "\t" in text and any(label in key for _, label in FUNDS):
            for field, label in FUNDS:
                idx = next((i for i, cell in enumerate(c) if label in nospace(cell)), None)
                if idx is None:
                    continue
                value = next((cell for cell in c[idx + 1 :] if cell), "")
                p[field] = _money(ctx, n, field, value)
                p[f"{field}_line"] = str(n)
                break
            ctx.report.use(n, where, "funds")
        elif key == "年度绩效目标":
            goal_next = True
            ctx.report.use(n, where, "goal heading")
        elif nospace(c[0]) == "一级指标":
            header = n
            goal_next = False
            ctx.report.use(n, where, "indicator header")
        elif header is not None and "\t" in text:
            indicators.append({"_n": n, "_cells": c})
        else:
            ctx.report.skip(n, where, "project table heading or garbled text (no field of the table)")
        n += 1
    if p is None:
        for i in indicators:
            ctx.report.skip(i["_n"], where, "indicator of a table without a project name")
        return None, []
    return p, _indicators(ctx, pid, indicators, where)


# Operators as some documents print them (full-width, or the Japanese forms ≧ ≦): the same comparison.
OPERATOR_FORMS = str.maketrans({"＝": "=", "≧": "≥", "≦": "≤"})


def target(value: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """A printed target value as (operator, number as printed, unit, problem): the one parser of the seed
    and the PDF ingest. ``problem`` says what the print leaves out or makes unclear:

    - "no unit": a comparison and a number without a unit (=21);
    - "unreadable unit": text after the number that is not a unit (operator and number kept, unit blank);
    - "no operator": a number (and unit) printed with no comparison (100%, 2项, 235; operator blank);
    - "several targets": more than one target in the cell (≤42.38万元；≤88.65万元): no one number is taken.

    >>> target("≥95%"), target("≧90%"), target("提高"), target("100%")
    (('≥', '95', '%', None), ('≥', '90', '%', None), (None, None, None, None), (None, '100', '%', 'no operator'))
    >>> target("≥65次/年"), target("12"), target("≤42.38万元；≤88.65万元")
    (('≥', '65', '次/年', None), (None, '12', None, 'no operator'), (None, None, None, 'several targets'))
    """
    value = (value or "").translate(OPERATOR_FORMS)
    if len(_NUMBERS.findall(value)) > 1 and SEPARATORS.search(value):
        return None, None, None, "several targets"
    op, _, unit = parse_target(value or None)
    if op is None:
        bare = _BARE_NUMBER.match(value)
        # (a comparison in words after the unit, 95%以上, is not read as one: left as printed)
        if bare and not COMPARISON_WORDS.search(value):
            if not bare.group(2):
                return None, bare.group(1), None, "no operator"
            if READABLE_UNIT.match(bare.group(2)):
                return None, bare.group(1), bare.group(2), "no operator"
        return None, None, None, None
    number = _TARGET_NUMBER.match(value).group(1)
    if unit is None:
        return op, number, None, "no unit"
    if READABLE_UNIT.match(unit):
        return op, number, unit, None
    return op, number, None, "unreadable unit"


def _indicators(ctx: Ctx, pid: str, raw: list[dict], where: str) -> list[dict]:
    labels = [(r["_n"], level2_label(r["_cells"][1] if len(r["_cells"]) > 1 else "")) for r in raw]
    labels = [(n, lab) for n, lab in labels if lab]
    out = []
    for r in raw:
        n, c = r["_n"], (r["_cells"] + [""] * 4)
        level3, value = c[2], c[3]
        e3 = ctx.errata.take("indicators", n, "level3", "\t".join(c[2:]))
        if e3 is not None:
            ctx.report.correct("indicators", n, "level3", e3)
            level3 = e3.corrected
            if "\t" in e3.printed:
                value = e3.printed.split("\t")[-1]
        e2 = ctx.errata.take("indicators", n, "level2", c[1])
        if e2 is not None:
            ctx.report.correct("indicators", n, "level2", e2)
            level2 = e2.corrected
        elif labels:
            level2 = min(labels, key=lambda lab: (abs(lab[0] - n), lab[0]))[1]
        else:
            level2 = ""
            ctx.report.flag("indicators", n, "level2", c[1], "no 二级指标 label in the table")
        value = re.sub(r"^([=≥≤])\s+", r"\1", value.strip())
        value, _ = ctx.text("indicators", n, "value_text", value)
        level3 = squeeze(level3)
        row = {
            "row": None,
            "project_id": pid,
            "level1": LEVEL1_OF.get(level2, ""),
            "level2": level2,
            "level3": level3,
            "value_text": value,
            "operator": None,
            "number": None,
            "unit": None,
            "note": None,
            "source_line": str(n),
        }
        row["operator"], row["number"], row["unit"], problem = target(value)
        if problem == "no unit":
            row["note"] = "no unit printed"
        elif problem in TARGET_NOTES:
            row["note"] = TARGET_NOTES[problem]
        elif problem == "unreadable unit":
            row["note"] = (
                f"unit unreadable in the OCR text (printed as '{value}'); operator and number kept, "
                "unit left blank"
            )
        if not level3 and not value:
            row["note"] = EMPTY_CATEGORY
        out.append(row)
        ctx.report.use(n, where, "indicator")
    return out
