"""第三部分 预算情况说明 (the narrative), 第一部分's staffing and 第四部分's glossary.

The narrative is read statement by statement: ``<item> <amount> 万元,较上年预算安排增加 <change> 万元
[,主要原因为 <reason>]``, the breakdowns that follow ``其中:``, and the standard sentences of the template
(政府采购, 车辆, 项目). Every figure keeps the raw-text lines it spans.
"""

from __future__ import annotations

import re

from gzanalysis.ingest.context import Ctx, top_codes
from gzanalysis.ingest.statements import NUM, Paragraph, find, join_lines, unparsed, unparsed_row
from gzanalysis.ingest.statements import is_heading as _is_heading
from gzanalysis.ingest.text import nospace, plain, squeeze

_NUM = NUM
_PART = re.compile(rf"^\s*(?P<name>.+?)\s*(?P<amount>{_NUM})\s*万元\s*(?:[((](?P<note>[^))]*)[))])?\s*$")
_NAMED_AMOUNT = re.compile(rf"(?P<name>[^\s,,;;::。、\d]+)\s*(?P<amount>{_NUM})\s*万元")
_BUDGET_LINE = re.compile(rf"^[((](\d+)[))]\s*本年度预算安排\s*[::]\s*({_NUM})\s*万元")
_STAFF_REASON = re.compile(r"(单位人员较\s*\S*?\s*增加)了?\s*(\d+)\s*人")

# Section headings of 第三部分 → (section, scope of the funds).
SECTIONS = [
    ("收入预算", "收入预算", "全部资金"),
    ("支出预算", "支出预算", "全部资金"),
    ("财政拨款支出", "财政拨款支出", "财政拨款"),
    ("政府性基金", None, None),
    ("国有资本经营", None, None),
    ("机关运行经费", "机关运行经费", "一般公共预算财政拨款"),
    ("政府采购", "政府采购", "全部资金"),
    ("国有资产", "国有资产占有使用", "全部资金"),
    ("绩效管理", "预算绩效管理", "全部资金"),
    ("重点项目", "重点项目", "全部资金"),
    ("三公", "三公经费", "一般公共预算财政拨款"),
]
GROUPINGS = {"按支出项目类别划分": "kind", "按支出功能科目划分": "function", "按支出经济分类划分": "economic"}
REASON_SCOPE = {"收入预算": "income", "支出预算": "expenditure", "财政拨款支出": "fiscal appropriations"}
ECONOMIC_ALIASES = {"其他相关支出": "399"}
STAFFING = [
    ("divisions", "内设处室", "Internal divisions", "", "个"),
    ("posts_total", "编制人数小计", "Authorised posts, total", "", "人"),
    ("posts_administrative", "行政编制人数", "Administrative posts", "posts_total", "人"),
    (
        "posts_civil_service_managed",
        "参照公务员法管理的事业编制人数",
        "Public-institution posts managed as civil service",
        "posts_total",
        "人",
    ),
    ("posts_public_institution", "事业编制人数", "Public-institution posts", "posts_total", "人"),
    ("headcount_total", "实有人数", "Actual headcount", "", "人"),
    ("serving_total", "在职人数小计", "Serving staff, total", "headcount_total", "人"),
    ("serving_administrative", "行政在职人数", "Serving administrative staff", "serving_total", "人"),
    (
        "serving_civil_service_managed",
        "参照公务员法管理的事业单位在职人数",
        "Serving staff of public institutions managed as civil service",
        "serving_total",
        "人",
    ),
    (
        "serving_public_institution",
        "事业单位在职人数",
        "Serving public-institution staff",
        "serving_total",
        "人",
    ),
    ("retired_veterans", "离休人数小计", "Retired veteran cadres (离休)", "headcount_total", "人"),
    ("retired", "退休人数小计", "Retired staff", "headcount_total", "人"),
]


def paragraphs(ctx: Ctx, start: int, end: int, table: str = "narrative") -> list[Paragraph]:
    """Paragraphs of running text (``statements.join_lines``), lines an erratum sets aside left out."""
    lines = []
    for n in range(start, end + 1):
        if ctx.line(n).strip() and not ctx.set_aside(table, n):
            lines.append((n, ctx.line(n)))
    return join_lines(lines)


def _clean_item(item: str) -> str:
    item = nospace(item)
    if m := re.search(r"((?:财政拨款)?(?:收入|支出)(?:预算)?总额)", item):
        return m.group(1)
    item = re.sub(r"^(?:\d{4})?年", "", item)
    return re.sub(r"^本单位", "", item)


def _economic(name: str) -> str:
    return ECONOMIC_ALIASES.get(name) or top_codes("economic").get(name, "")


class Narrative:
    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.changes: list[dict] = []
        self.figures: list[dict] = []
        self.unparsed: list[dict] = []  # sentences recognised as change statements but not read
        self.project_items: dict[str, str] = {}

    def _figure(
        self, section, scope, topic, item, amount, unit, start, end, economic_code="", project_id="", note=""
    ):
        self.figures.append(
            {
                "row": str(len(self.figures) + 1),
                "section": section,
                "scope": scope,
                "topic": topic,
                "item": item,
                "economic_code": economic_code,
                "project_id": project_id,
                "amount": plain(amount),
                "unit": unit,
                "note": note,
                "source_line": str(start),
                "end_line": str(end),
            }
        )
        for n in range(start, end + 1):
            self.ctx.report.use(n, "narrative")

    def read(self, start: int, end: int) -> None:
        section = scope = None
        key_project = None
        for p in paragraphs(self.ctx, start, end):
            head = nospace(p.text)
            if _is_heading(p.text) or head.startswith("第三部分"):
                for word, sec, sc in SECTIONS:
                    if word in head:
                        section, scope = sec, sc
                        break
                self.ctx.report.use(p.starts[0][1], "narrative", "section heading")
                continue
            if section is None:
                continue
            if section == "重点项目" and (m := re.match(r"^(\d+)\.\s*(.+)$", p.text)):
                key_project = (m.group(1), nospace(m.group(2)))
                self.ctx.report.use(p.starts[0][1], "narrative", "project heading")
                continue
            if section in ("收入预算", "支出预算", "财政拨款支出", "机关运行经费", "三公经费"):
                self._statements(p, section, scope)
            elif section == "政府采购":
                for m in _NAMED_AMOUNT.finditer(p.text):
                    self._figure(
                        section,
                        scope,
                        "政府采购",
                        _clean_item(m.group("name")),
                        m.group("amount"),
                        "万元",
                        p.line_at(m.start()),
                        p.line_at(m.end() - 1),
                    )
            elif section == "国有资产占有使用":
                self._assets(p, section, scope)
            elif section == "预算绩效管理":
                self._projects(p, section, scope)
            elif section == "重点项目" and key_project and (m := _BUDGET_LINE.match(p.text)):
                num, name = key_project
                pid = self.project_items.get(name, "")
                self._figure(
                    section,
                    scope,
                    "本年度预算安排",
                    name,
                    m.group(2),
                    "万元",
                    p.line_at(0),
                    p.line_at(m.end() - 1),
                    project_id=pid,
                    note=f"重点项目情况说明 {num}({m.group(1)})",
                )

    def _statements(self, p: Paragraph, section: str, scope: str) -> None:
        head = nospace(p.text)
        grouping = next((g for word, g in GROUPINGS.items() if head.startswith(word)), None)
        if section == "三公经费" and (
            m := re.search(rf"(\"三公\"经费)财政拨款安排\s*({_NUM})\s*万元", p.text)
        ):
            self._figure(
                section,
                scope,
                "三公经费",
                m.group(1) + "合计",
                m.group(2),
                "万元",
                p.line_at(m.start()),
                p.line_at(m.end() - 1),
            )
        found = find(p.text)
        for a, b, why in unparsed(p.text, found):
            self.unparsed.append(unparsed_row(len(self.unparsed) + 1, section, p, a, b, why))
        for st in found:
            item = _clean_item(st.item)
            if section == "机关运行经费":
                item = re.sub(r"预算$", "", item)
            if "总额" in item or section == "机关运行经费":
                g = "total"
            elif section == "三公经费":
                g = "three_public"
            elif grouping:
                g = grouping
            else:
                g = "income_source"
            reason = squeeze(st.reason)
            start, end = p.line_at(st.start), p.line_at(st.end - 1)
            self.changes.append(
                {
                    "row": str(len(self.changes) + 1),
                    "section": section,
                    "scope": scope,
                    "grouping": g,
                    "item": item,
                    "function_code": top_codes("functional").get(item, "") if g == "function" else "",
                    "economic_code": _economic(item) if g == "economic" else "",
                    "amount": st.amount,
                    "change": st.change,
                    "wording": st.wording,
                    "growth_rate_stated": st.rate,
                    "reason": reason,
                    "source_line": str(start),
                    "end_line": str(end),
                    "compared_with": st.compared_with,
                    "page": "",
                }
            )
            for n in range(start, end + 1):
                self.ctx.report.use(n, "narrative")
            if reason and (r := _STAFF_REASON.search(reason)):
                at = p.line_at(st.reason_start)
                self._figure(
                    section,
                    scope,
                    "人员",
                    nospace(r.group(1)),
                    r.group(2),
                    "人",
                    at,
                    at,
                    note=f"given as the reason for the change in {REASON_SCOPE.get(section, section)}",
                )
            # 其中: the breakdown of this item, up to the next ; or 。
            rest = p.text[st.end :]
            if b := re.match(r"\s*[,,]\s*其中\s*[::]\s*([^;;。]*)", rest):
                offset = st.end + b.start(1)
                for part in re.split(r"([、,,])", b.group(1)):
                    if part in "、,,":
                        offset += len(part)
                        continue
                    if pm := _PART.match(part):
                        name = nospace(pm.group("name"))
                        self._figure(
                            section,
                            scope,
                            item,
                            name,
                            pm.group("amount"),
                            "万元",
                            p.line_at(offset),
                            p.line_at(offset + len(part) - 1),
                            economic_code=_economic(name),
                            note=pm.group("note") or "",
                        )
                    offset += len(part)

    def _assets(self, p: Paragraph, section: str, scope: str) -> None:
        t = p.text
        if m := re.search(
            r"截至\s*(\d{4})\s*年\s*(\d+)\s*月\s*(\d+)\s*日\s*[,,]\s*本单位共有车辆\s*(\d+)\s*辆", t
        ):
            y, mo, d, count = m.groups()
            line = p.line_at(m.start())
            self._figure(section, scope, "车辆", f"车辆(截至{y}年{mo}月{d}日)", count, "辆", line, line)
            for part in re.finditer(r"([^\s,,;;::。、\d]+)\s*(\d+)\s*辆", t[m.end() :]):
                at = p.line_at(m.end() + part.start())
                self._figure(section, scope, "车辆", part.group(1), part.group(2), "辆", at, at)
        if m := re.search(r"(\d{4})\s*年部门预算安排购置车辆\s*(\d+)\s*辆", t):
            line = p.line_at(m.start())
            self._figure(section, scope, "购置", f"{m.group(1)}年安排购置车辆", m.group(2), "辆", line, line)
        if m := re.search(r"安排购置单位价值\s*(\d+)\s*万元以上大型设备\s*(\d+)\s*个", t):
            line = p.line_at(m.start())
            self._figure(
                section,
                scope,
                "购置",
                f"安排购置单位价值{m.group(1)}万元以上大型设备",
                m.group(2),
                "个",
                line,
                line,
            )

    def _projects(self, p: Paragraph, section: str, scope: str) -> None:
        t = p.text
        if m := re.search(r"预算安排项目\s*(\d+)\s*个", t):
            line = p.line_at(m.start())
            self._figure(section, scope, "项目", "预算安排项目数", m.group(1), "个", line, line)
        if m := re.search(rf"项目预算金额合计\s*({_NUM})\s*万元", t):
            line = p.line_at(m.start())
            self._figure(section, scope, "项目", "项目预算金额合计", m.group(1), "万元", line, line)
            if b := re.match(r"\s*[,,]\s*其中\s*[::]\s*([^;;。]*)", t[m.end() :]):
                offset = m.end() + b.start(1)
                k = 0
                for part in re.split(r"([,,])", b.group(1)):
                    if part in ",,":
                        offset += len(part)
                        continue
                    if pm := _PART.match(part):
                        k += 1
                        name, pid = nospace(pm.group("name")), f"P{k}"
                        self.project_items[name] = pid
                        self._figure(
                            section,
                            scope,
                            "项目",
                            name,
                            pm.group("amount"),
                            "万元",
                            p.line_at(offset),
                            p.line_at(offset + len(part) - 1),
                            project_id=pid,
                        )
                    offset += len(part)


def read_staffing(ctx: Ctx, start: int, end: int) -> list[dict]:
    """The counts of 二、机构设置及人员情况, in the order the template states them."""
    rows = []
    for p in paragraphs(ctx, start, end, "staffing"):
        pos = 0
        for measure, name_zh, name_en, parent, unit in STAFFING:
            m = re.compile(rf"{re.escape(name_zh)}\s*(\d+)\s*{unit}").search(p.text, pos)
            if not m:
                continue
            pos = m.end()
            rows.append(
                {
                    "measure": measure,
                    "name_zh": name_zh,
                    "name_en": name_en,
                    "parent": parent,
                    "count": m.group(1),
                    "source_line": str(p.line_at(m.start())),
                }
            )
            ctx.report.use(p.line_at(m.start()), "staffing")
        if rows:
            break
    return rows


def read_glossary(ctx: Ctx, start: int, end: int) -> list[dict]:
    rows = []
    category = ""
    for p in paragraphs(ctx, start, end, "glossary"):
        text = p.text
        if m := re.match(r"^[一二三四五六七八九十]+、\s*(.+)$", text):
            category = nospace(m.group(1))
            ctx.report.use(p.starts[0][1], "glossary", "category heading")
            continue
        if m := re.match(r"^[((]([一二三四五六七八九十]+)[))]\s*(.+?)\s*[::]\s*(.*)$", text):
            rows.append(
                {
                    "row": str(len(rows) + 1),
                    "category": category,
                    "number": m.group(1),
                    "term": nospace(m.group(2)),
                    "definition": squeeze(m.group(3)),
                    "source_line": str(p.starts[0][1]),
                    "end_line": str(p.starts[-1][1]),
                }
            )
            for _, n in p.starts:
                ctx.report.use(n, "glossary")
    return rows
