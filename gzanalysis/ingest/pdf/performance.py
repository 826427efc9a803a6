"""Performance tables (绩效目标表) from a PDF: ``read(doc, template) -> Performance``.

A table is found by its indicator header (a line whose headings are the family's wordings of 二级指标,
三级指标 and 指标值, ``[performance]`` in ``templates/national.toml``), not by its title, so a city never
seen is read where it prints the same headings. Its cells are rebuilt by rectangle from the ruling lines:
an indicator row is a cell of the 三级指标 column (between two horizontal rules crossing that column);
each other field is the cell of its own column that covers the row, so a merged cell (一级指标, or a
project's name and amount spanning many rows) gives its text to every row it spans, and text wrapped
inside a cell is joined. A page whose first lines lie inside the grid of the table open on the page
before continues it.

A project is either columns of the same header (名称, 资金总额 beside the indicators) or labelled cells
above it (项目名称 | …, 资金总额 | …). A table of the department as a whole (部门整体) is not a project's: it
is noted, not read. Target values go through the seed's parser (``gzanalysis.ingest.projects.target``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from gzanalysis.ingest.pdf import standard
from gzanalysis.ingest.pdf.header import EDGE, Column, cell_span, clean, columns
from gzanalysis.ingest.pdf.tables import UNIT, Document
from gzanalysis.ingest.pdf.templates import Template, normalise_title
from gzanalysis.ingest.pdf.textlayer import Line, Page, Word
from gzanalysis.ingest.projects import (
    EMPTY_CATEGORY,
    LEVEL1_OF,
    READABLE_UNIT,
    TARGET_NOTES,
    project_row,
    target,
)

INDICATOR_FIELDS = ("level1", "level2", "level3", "value", "unit", "operator")
# The headings that make a line a performance table's header: an indicator and its value (with or without
# the levels 一级/二级指标 beside them), or, for a table that states goals without indicators, a project's
# name, its amount and its goal.
INDICATOR_HEADER = {"level3", "value"}
GOAL_HEADER = {"name", "goal"}
AMOUNTS = {"amount": "funds_total", "fiscal": "funds_fiscal"}  # a column's money → the project's field
NO_LEVELS = "the table prints no indicator levels (一级/二级指标)"
TOTALS = {"合计", "总计"}
OPERATORS = {"=", "≥", "≤"}
UNIT_IN_LABEL = re.compile(r"[(（](?:单位[:：])?(万元|千元|元)[)）]")


@dataclass
class Performance:
    projects: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    read: list[list] = field(default_factory=list)  # [title, first page, last page] of each table read
    not_read: list[str] = field(default_factory=list)  # tables printed but not read: where, and why
    findings: list[str] = field(default_factory=list)  # values left blank; checks against the document
    pages: set[int] = field(default_factory=set)  # pages whose performance tables were read
    failed: str | None = None  # why none could be read, where the reader stopped on a page it cannot read

    def summary(self) -> str:
        return (
            f"Performance tables: {len(self.projects)} projects, {len(self.indicators)} indicators read "
            f"from {len(self.read)} tables; {len(self.not_read)} printed but not read"
        )

    def tables(self) -> list[str]:
        return [f"{t} (page {a})" if a == b else f"{t} (pages {a}–{b})" for t, a, b in self.read]


def _field(patterns: dict, text: str) -> str | None:
    for name, regexes in patterns.items():
        if any(re.search(p, text) for p in regexes):
            return name
    return None


def _label(text: str) -> str:
    """A label without its trailing colon and its unit: 实施期资金总额： → 实施期资金总额."""
    return UNIT_IN_LABEL.sub("", clean(text)).rstrip(":")


@dataclass
class _Grid:
    """A table's indicator header on one page: its columns (by field) and where its body runs."""

    title: str
    cols: dict[str, Column]
    unit: str | None
    layout: str  # "columns" (the project is a column of the header) | "labels" (cells above the header)
    scope: str  # "project" | "department" (部门整体: the department, or a fund, as a whole)
    row_field: str  # the column whose cells are the table's rows: level3 (an indicator) or name (a goal)


def _cuts(page: Page, x: float, top: float, bottom: float) -> list[float]:
    """The horizontal rules crossing ``x`` between ``top`` and ``bottom``, merged within EDGE."""
    ys = sorted(
        y for y, x0, x1 in page.hrules if x0 - EDGE <= x <= x1 + EDGE and top - EDGE <= y <= bottom + EDGE
    )
    out: list[float] = []
    for y in ys:
        if not out or y - out[-1] > EDGE:
            out.append(y)
    return out


def _centre(c: Column) -> float:
    return (c.text_left + c.text_right) / 2


def _ruled(c: Column, page: Page, y: float) -> Column:
    """The column bounded by the rules around its heading (not stretched to its neighbours)."""
    left, right, ruled = cell_span(Word("", c.text_left, c.text_right, y - 1, y + 1), page)
    return Column(c.path, left, right, c.text_left, c.text_right) if ruled else c


def _header_top(page: Page, line: Line) -> float | None:
    """The rule over the header's rows: the nearest rule above ``line`` that runs the table's full width
    (rules inside a many-rowed header span some of its columns only)."""
    xs = [x for x, t, b in page.vrules if t - EDGE <= line.y <= b + EDGE]
    if not xs:
        return None
    left, right = min(xs), max(xs)
    spans: dict[int, list[list[float]]] = {}  # a rule drawn cell by cell: its pieces joined, per height
    for y, x0, x1 in sorted(page.hrules, key=lambda r: (round(r[0]), r[1])):
        if y >= line.top:
            continue
        pieces = spans.setdefault(round(y), [])
        if pieces and x0 <= pieces[-1][1] + EDGE:
            pieces[-1][1] = max(pieces[-1][1], x1)
        else:
            pieces.append([x0, x1])
    full = [
        y for y, pieces in spans.items() if any(a <= left + EDGE and b >= right - EDGE for a, b in pieces)
    ]
    return max(full) if full else None


def _open_below(col: list[float], y: float, cuts: list[float]) -> bool:
    """Whether the cell of a column at ``y`` runs on past the table's last rule on the page (no rule closes
    it: a merged cell continued on the next page)."""
    return not col or (y > col[-1] and col[-1] < cuts[-1] - EDGE)


def _label_below_page(words: list[Word], c: Column, page: Page) -> list[Word]:
    """The label of a merged cell broken by the page, drawn at its middle: below the page's edge, where the
    cell runs on over the next page (西安应急 page 34: 质量指标). The nearest such label of the column."""
    below = sorted(
        (w for w in words if c.left - EDGE <= w.cx <= c.right + EDGE and w.top > page.height),
        key=lambda w: w.top,
    )
    label: list[Word] = []
    for w in below:  # the label's lines (可持续影响 / 指标): each within a line's height of the one before
        if label and w.top - label[-1].bottom > label[-1].bottom - label[-1].top:
            break
        label.append(w)
    return label


def _labelled(p: dict) -> bool:
    """Whether a form gave any labelled value (a name, a unit, an amount, a goal)."""
    return any(
        p.get(f) for f in ("name", "department", "implementing_unit", "funds_total", "funds_fiscal", "goal")
    )


def _segment(cuts: list[float], y: float) -> tuple[float, float] | None:
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a <= y <= b:
            return a, b
    return None


PUNCTUATION = re.compile(r"[“”‘’\"'「」『』《》（）()、，。；：,.;:·/\-]+")
LABEL_FRAGMENT = 2  # characters: a line of a label printed one or two characters a line, down its cell
UNIT_IN_NAME = re.compile(r"\(([^()]+)\)$")  # 接访数量（件次/年）: a unit the indicator's name ends with
NO_NAME = "no project name printed; its indicator rows are not read"
NOTE = re.compile(r"^(注|备注)[:：]")
NOTE_LINE = 12  # characters: a short line after a note is its wrapped end (注：已剔除涉 / 密部分)
HEADING_LENGTH = 16  # characters: longer is a cell's text (a goal), not a heading
HEADING_OF_GOAL = re.compile(r"^.{0,16}目标$")
TABLE_TITLE_END = re.compile(r"表([(（][^()（）]*[)）])?$")  # …绩效目标表, …绩效目标表(一级项目)
NUMBERED = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.])"
)


def _heading_line(text: str) -> bool:
    """A numbered heading of the narrative that stands for a table's title (七、重点项目预算绩效目标情况,
    第七部分重点项目预算绩效情况说明): it names 绩效 and is no sentence."""
    return bool(NUMBERED.match(text)) and "绩效" in text and not re.search(r"[，。；：:,;]", text)


def _text(words: list[Word], line_of: dict[int, int]) -> str:
    """A cell's text: its words by printed line (``line_of``: a word's line), top to bottom, each left to
    right. A line of punctuation only (quotation marks drawn a little higher than their words) joins the
    line whose band holds its centre: a band is not used otherwise, as a loose box (a comma's) may reach
    into the next line's."""
    rows: dict[int, list[Word]] = {}
    for w in words:
        rows.setdefault(line_of[id(w)], []).append(w)
    for n, ws in sorted(rows.items()):
        if all(PUNCTUATION.fullmatch(w.text) for w in ws):
            cy = sum((w.top + w.bottom) / 2 for w in ws) / len(ws)
            home = next(
                (
                    m
                    for m, o in rows.items()
                    if m != n and o and min(x.top for x in o) <= cy <= max(x.bottom for x in o)
                ),
                None,
            )
            if home is not None:
                rows[home] += rows[n]
                rows[n] = []
    return clean("".join(w.text for _, ws in sorted(rows.items()) for w in sorted(ws, key=lambda w: w.x0)))


class _Reader:
    def __init__(self, doc: Document, template: Template):
        self.doc = doc
        self.spec = template.performance
        self.header = self.spec.get("header", {})
        self.labels = self.spec.get("labels", {})
        self.department_words = self.spec.get("kinds", {}).get("department", [])
        self.out = Performance()
        self.line_of: dict[int, int] = {}
        for page in doc.pages:
            for line in page.lines:
                for w in line.words:
                    self.line_of[id(w)] = doc.line_number(line)
        self.title = ""  # the last performance table title seen
        self.title_from: tuple[Page, float] | None = None  # its page, and where on it
        self.project: dict | None = None  # the project the rows read last belong to
        self.project_key: tuple | None = None
        self.totals: list[tuple] = []  # printed 合计 of a columns table: (amount, unit, page, line)
        self.last_row: dict | None = None  # the indicator row read last (None after a row not read)
        self.filled: set[int] = set()
        self.nameless_rows: set[str] = (
            set()
        )  # tables with indicator rows but no project name  # the tables read (entries of ``out.read``) that gave a row

    # ------------------------------------------------------------------ finding tables
    def heading(self, text: str) -> str | None:
        """The field a heading names (its unit dropped: 预算数（单位：万元） → amount)."""
        return _field(self.header, _label(text))

    def is_header(self, line: Line) -> bool:
        fields = {self.heading(w.text) for w in line.words}
        return fields >= INDICATOR_HEADER or (fields >= GOAL_HEADER and bool(fields & AMOUNTS.keys()))

    def title_above(self, page: Page, i: int) -> tuple[int, str] | None:
        for j in range(i - 1, -1, -1):
            text = clean(page.lines[j].text)
            if "绩效" in text and (TABLE_TITLE_END.search(text) or _heading_line(text)):
                return j, text
        return None

    def last_title(self, page: Page) -> None:
        """The last performance table title printed up to this page: a header on a page of its own
        (the table's second page) belongs to it."""
        titled = self.title_above(page, len(page.lines))
        if titled is not None:
            self.title = titled[1]
            self.title_from = (page, page.lines[titled[0]].y)

    def run(self) -> Performance:
        grid: _Grid | None = None
        for page in self.doc.pages:
            heads = [i for i, line in enumerate(page.lines) if self.is_header(line)]
            if grid is not None:  # the table open on the page before: does this page continue it?
                stop = min([page.lines[i].top for i in heads] + [page.height])
                titled = self.title_above(page, heads[0]) if heads else None
                if titled is not None:
                    stop = min(stop, page.lines[titled[0]].top)
                continued = self.body(page, grid, None, stop, continuing=True)
                if not continued or heads:
                    grid = None  # else the table runs on over a whole page, and may run on again
            for n, i in enumerate(heads):
                grid = self.open(page, i, heads[n + 1] if n + 1 < len(heads) else None)
            self.last_title(page)
        self.check_totals()
        self.drop_empty_tables()
        return self.out

    def drop_empty_tables(self) -> None:
        """A header printed with no row read under it (表十一 …故此表无数据) is an empty table, not one read."""
        for entry in list(self.out.read):
            if id(entry) not in self.filled:
                title, first, last = entry
                self.out.read.remove(entry)
                pages = f"page {first}" if first == last else f"pages {first}–{last}"
                nameless = [f for f in self.out.findings if f.startswith(f"{title} (page") and NO_NAME in f]
                if nameless and title in self.nameless_rows:
                    continue  # indicator rows printed with no project name: that finding says so
                for f in nameless:  # a blank form: one finding says so, not two
                    self.out.findings.remove(f)
                self.out.findings.append(
                    f"{title} ({pages}): a blank form, its categories printed with no project and no indicator"
                    if nameless
                    else f"{title} ({pages}): its header is printed with no row under it"
                )

    def open(self, page: Page, i: int, next_head: int | None) -> _Grid | None:
        """The table whose header is line ``i``: its columns, its project (where labelled above) and rows."""
        titled = self.title_above(page, i)
        title = titled[1] if titled else self.title
        scope = "department" if any(w in normalise_title(title) for w in self.department_words) else "project"
        line = page.lines[i]
        fields = {self.heading(w.text): w for w in line.words}
        row_field = "level3" if "level3" in fields else "name"
        anchor = fields[row_field]
        cuts = _cuts(page, anchor.cx, anchor.bottom, page.height)
        band_bottom = cuts[0] if cuts else line.bottom
        lines = [line]
        header_top = _header_top(page, line)
        for j in range(i - 1, (titled[0] if titled else -1), -1):
            # lines above in the header's rows (below the table's top rule: 指标值类 / 型 in one cell), or
            # whose words are all headings
            above = page.lines[j]
            in_rows = header_top is not None and above.y > header_top
            if (in_rows and all(len(w.text) <= HEADING_LENGTH for w in above.words)) or all(
                self.heading(w.text) for w in above.words
            ):
                lines.insert(0, above)
            else:
                break
        lines += [
            ln
            for ln in page.lines[i + 1 :]
            if ln.y < band_bottom  # its centre: loose character boxes may reach over the rule
        ]
        y = (line.top + line.bottom) / 2
        cols: dict[str, Column] = {}
        for c in columns(lines, page):
            f = self.heading(c.leaf)
            if f and f not in cols:
                cols[f] = _ruled(c, page, y)
        where = f"{title or 'a performance table'} (page {page.number}, line {self.doc.line_number(line)})"
        if not cuts:
            self.out.not_read.append(
                f"{where}: no ruling lines under its header, so its cells cannot be told apart"
            )
            return None
        top = page.lines[titled[0]].y if titled else 0.0  # centres: loose boxes overlap the next line
        unit = self.unit(page, top, line.top, lines)
        if scope == "department" and "name" not in cols and "unit_name" in cols:
            cols["name"] = cols.pop("unit_name")  # 单位名称 | 整体绩效目标: each unit's targets as a whole
        layout = "columns" if "name" in cols else "labels"
        grid = _Grid(title, cols, unit, layout, scope, row_field)
        first_page = page.number  # where the table begins: its header's page, or its title's
        if layout == "labels":
            before = self.project
            if (
                titled is None
                and self.title_from is not None
                and self.title_from[0] is not page
                and (before is None or before["_title"] != title)
            ):
                # a form whose labels are printed under its title, a page before its indicators
                title_page, title_y = self.title_from
                self.labelled_project(title_page, grid, title_y, title_page.height, where)
                first_page = title_page.number
            self.labelled_project(page, grid, top, min(w.top for ln in lines for w in ln.words), where)
        stop = page.lines[next_head].top if next_head is not None else page.height
        if next_head is not None and (t := self.title_above(page, next_head)) and t[0] > i:
            stop = page.lines[t[0]].top
        last = self.out.read[-1] if self.out.read else None
        if last and last[0] == title and page.number - 1 <= last[2]:  # its header printed again on each page
            last[2] = page.number
        else:
            self.out.read.append([title, first_page, page.number])
        self.body(page, grid, band_bottom, stop)
        return grid

    def unit(self, page: Page, top: float, bottom: float, header: list[Line]) -> str | None:
        """The unit of the table's amounts: its unit line (单位：万元) or a label's (资金金额（万元）)."""
        for line in [*(ln for ln in page.lines if top < ln.y < bottom), *header]:
            text = clean(line.text)
            if m := UNIT.search(text) or UNIT_IN_LABEL.search(text):
                return m.group(1)
        return None

    # ------------------------------------------------------------------ projects
    def new_project(self, grid: _Grid, page: Page) -> dict:
        p = project_row(f"P{len(self.out.projects) + 1}", grid.scope)
        p.update(department_code=None, department=None, implementing_unit=None, goal=None)
        p.update(_title=grid.title, _page=page.number)
        return p

    def money(self, p: dict, fname: str, text: str, words: list[Word], grid: _Grid, where: str) -> None:
        if not text:
            return
        if not standard.is_amount(text):
            self.out.findings.append(f"{where}: {fname} printed as {text!r}, not an amount; left blank")
            return
        if grid.unit is None:
            self.out.findings.append(f"{where}: {fname} {text} printed with no unit (万元 or 元); left blank")
            return
        p[fname] = standard.amount(text, grid.unit)
        p[f"{fname}_line"] = str(self.line_of[id(words[0])])

    def labelled_project(self, page: Page, grid: _Grid, top: float, bottom: float, where: str) -> None:
        """项目名称 | …, 资金总额 | …: each label's value is the nearest cell to its right."""
        words = [w for ln in page.lines if top < ln.y < bottom for w in ln.words]
        cells: dict[tuple, list[Word]] = {}
        for w in words:
            left, right, _ = cell_span(w, page)
            ys = _cuts(page, w.cx, 0, page.height)
            seg = next(
                (
                    (a, b)
                    for a, b in zip(ys, ys[1:], strict=False)
                    if a <= (w.top + w.bottom) / 2 <= b  # its centre: loose boxes reach over rules
                ),
                # under the last rule at its place: a cell the page ends (年度总体目标, run on to the next)
                (ys[-1], page.height) if ys and w.top > ys[-1] else (w.top, w.bottom),
            )
            cells.setdefault((round(left), round(right), round(seg[0]), round(seg[1])), []).append(w)
        boxes = [(k, _text(ws, self.line_of), ws) for k, ws in cells.items()]
        if grid.unit is None:  # 资金金额（万元）: the unit in a label cell, wrapped or not
            grid.unit = next((m.group(1) for _, text, _ in boxes if (m := UNIT_IN_LABEL.search(text))), None)
        p = self.new_project(grid, page)
        for (left, right, t, b), text, ws in boxes:
            name = _field(self.labels, _label(text))
            label, colon, after = text.partition(":")
            column = None  # the value's column (left, right), where the value is a cell of its own
            if name is None and colon and after:  # 单位名称:重庆市气象局, label and value in one cell
                name, value, vws = _field(self.labels, _label(label)), after, ws
            elif name is not None:
                # its value: the nearest cell to its right in its own row (not a cell spanning several rows)
                right_of = [
                    x
                    for x in boxes
                    if x[0][0] >= right - EDGE
                    and x[0][2] >= t - EDGE
                    and x[0][3] <= b + EDGE
                    and not _field(self.labels, _label(x[1]))
                ]
                # else the cell under it, as wide (当年整体绩效目标 over the goal's text)
                below = [
                    x
                    for x in boxes
                    if abs(x[0][0] - left) <= EDGE
                    and abs(x[0][1] - right) <= EDGE
                    and x[0][2] >= b - EDGE
                    and not _field(self.labels, _label(x[1]))
                ]
                if not (right_of or (name == "goal" and below)):
                    continue
                (*column, _, _), value, vws = (
                    min(right_of, key=lambda x: x[0][0]) if right_of else min(below, key=lambda x: x[0][2])
                )
                if name == "goal" and right_of:  # a goal over several cells of its column, top to bottom
                    parts = sorted((x for x in right_of if list(x[0][:2]) == column), key=lambda x: x[0][2])
                    value, vws = "".join(x[1] for x in parts), parts[0][2]
            if name is None:
                continue
            if name.startswith("funds_"):
                self.money(p, name, value, vws, grid, where)
            elif name == "goal" and HEADING_OF_GOAL.search(value):
                continue  # 部门整体支出年度绩效目标: the heading over the goal's column, not a goal
            elif not p.get(name):
                p[name] = value
                if name == "goal" and column:
                    p["_goal_column"] = tuple(column)
                if name in ("name", "goal", "unit_name"):
                    line = {"name": "source_line", "goal": "goal_line"}.get(name, "unit_name_line")
                    p[line] = str(self.line_of[id(vws[0])])
        unit_name = p.pop("unit_name", None)  # 单位名称: the department's own name in a table of its whole
        if unit_name and grid.scope == "department" and not p["name"]:
            p["name"] = unit_name
            p["source_line"] = p.pop("unit_name_line")
        elif unit_name and not p["implementing_unit"]:
            p["implementing_unit"] = unit_name
        p.pop("unit_name_line", None)
        before = self.project
        if (
            before is not None
            and before["_title"] == grid.title
            and before["_page"] < page.number
            and p["name"] in ("", before["name"])
        ):
            # the table's header printed again on its next page: its rows are the same project's, and a goal
            # run on from the page before is the rest of its goal
            if p["goal"] and before["goal"] and p["goal"] not in before["goal"]:
                before["goal"] += p["goal"]
            elif not p["goal"] and before["goal"] and before.get("_goal_column") and not _labelled(p):
                # its label printed on the page before only: the goal's column at this page's top goes on
                parts = sorted(
                    (x for x in boxes if x[0][:2] == before["_goal_column"]), key=lambda x: x[0][2]
                )
                before["goal"] += "".join(x[1] for x in parts)
            return
        self.project, self.project_key = p, ("labels", id(p))
        if not p["name"]:
            p["_blank"] = (
                where  # a form printed without a project (专项资金 … 无): no row unless indicators say
            )

    def columned_project(self, texts: dict, words: dict, grid: _Grid, page: Page, where: str) -> None:
        name = texts.get("name", "")
        key = (texts.get("code", ""), name, *(texts.get(f, "") for f in AMOUNTS))
        if name and key != self.project_key:
            p = self.new_project(grid, page)
            p["name"], p["source_line"] = name, str(self.line_of[id(words["name"][0])])
            p["department_code"] = texts.get("code") or None
            p["implementing_unit"] = texts.get("unit_name") or None
            if texts.get("goal"):
                p["goal"], p["goal_line"] = texts["goal"], str(self.line_of[id(words["goal"][0])])
            for column, fname in AMOUNTS.items():
                self.money(p, fname, texts.get(column, ""), words.get(column, []), grid, where)
            self.project, self.project_key = p, key

    def keep_project(self) -> dict | None:
        p = self.project
        if p is None:
            return None
        if not any(q is p for q in self.out.projects):
            self.out.projects.append(p)
        return p

    # ------------------------------------------------------------------ rows
    def body(self, page: Page, grid: _Grid, top: float | None, stop: float, continuing: bool = False) -> bool:
        """Read the rows of ``grid`` on ``page`` between ``top`` and ``stop``; where ``continuing``, only if the
        page's first lines lie in the same grid. Whether rows were read."""
        x = _centre(grid.cols[grid.row_field])
        cuts = _cuts(page, x, top if top is not None else 0.0, stop)
        if continuing:
            # the page begins inside the grid: nothing printed above its first rule but characters of a
            # broken cell's label (a vertical 年度绩效指标 drawn at its cell's middle, across the page's edge)
            above = [
                ln for ln in page.lines if clean(ln.text) and ln.bottom > 0 and cuts and ln.y < cuts[0] - EDGE
            ]
            inside = bool(cuts) and all(len(clean(ln.text)) <= LABEL_FRAGMENT for ln in above)
            edges = [v for v, t, b in page.vrules if cuts and t <= cuts[0] + EDGE]
            same = all(
                any(abs(v - c.left) < EDGE for v in edges) for c in grid.cols.values() if c.left > -1e9
            )
            if not (inside and same):
                return False
            self.out.read[-1][2] = page.number
        self.out.pages.add(page.number)
        drawn = {f: _cuts(page, _centre(c), cuts[0], cuts[-1]) if cuts else [] for f, c in grid.cols.items()}
        col_cuts = dict(drawn)
        for f in ("level1", "level2"):  # a level cell open at the page's top or foot ends at the table's edge
            if f in col_cuts and cuts:
                col_cuts[f] = sorted({cuts[0], *drawn[f], cuts[-1]})
        words = [w for ln in page.lines for w in ln.words]
        for a, b in zip(cuts, cuts[1:], strict=False):
            mid = (a + b) / 2
            texts, at = {}, {}
            for f, c in grid.cols.items():
                seg = _segment(col_cuts[f], mid) or (a, b)
                ws = [
                    w
                    for w in words
                    if c.left - EDGE <= w.cx <= c.right + EDGE
                    and seg[0] - EDGE <= (w.top + w.bottom) / 2 <= seg[1] + EDGE
                ]
                if not ws and f in ("level1", "level2") and _open_below(drawn[f], mid, cuts):
                    ws = _label_below_page(words, c, page)
                texts[f], at[f] = _text(ws, self.line_of), ws
                if continuing and f in ("level1", "level2") and not ws and seg[0] <= cuts[0] + EDGE:
                    texts[f"{f}_broken"] = "1"  # a merged cell begun on the page before
            where = f"{grid.title} (page {page.number})"
            indicator = any(texts.get(f) for f in ("level1", "level2", "level3", "value"))
            goals_only = grid.row_field == "name"  # a table of goals: each row is a project
            if grid.layout == "columns":
                total = TOTALS & {texts.get("name"), texts.get("code")}
                if total or not (indicator or goals_only):
                    if total and texts.get("amount"):
                        line = self.line_of[id(at["amount"][0])]
                        self.totals.append((texts["amount"], grid.unit, page.number, line))
                    continue  # a unit's or the table's total line, no indicator
                self.columned_project(texts, at, grid, page, where)
                if goals_only:
                    self.keep_project()
                    self.filled.add(id(self.out.read[-1]))
                    continue
            if not indicator:
                continue
            self.indicator(texts, at, grid, page)
        return True

    def indicator(self, texts: dict, at: dict, grid: _Grid, page: Page) -> None:
        first = next((at[f][0] for f in ("level3", "value", "level2", "level1") if at.get(f)), None)
        line = self.line_of[id(first)]
        where = f"{grid.title} (page {page.number}, line {line})"
        p = self.project
        if p is None or not p.get("name"):
            blank = f"{grid.title} (page {page.number}): {NO_NAME}"
            if texts.get("level3") or texts.get("value"):
                self.nameless_rows.add(grid.title)
            if blank not in self.out.findings:
                self.out.findings.append(blank)
            return
        notes = []
        last = self.last_row  # the row above, where it was read: a broken cell's text is its
        for f in ("level1", "level2"):
            if texts.get(f"{f}_broken") and last is not None and last["project_id"] == p["project_id"]:
                texts[f] = last[f]
                if f == "level2":
                    notes.append("二级指标 printed on the page before (a merged cell broken by the page)")
        level2 = texts.get("level2", "")
        if not level2 and "level2" in grid.cols:
            self.last_row = None
            self.out.findings.append(
                f"{where}: an indicator row without its 二级指标; not read ({texts.get('level3')!r})"
            )
            return
        p = self.keep_project()
        self.filled.add(id(self.out.read[-1]))
        level1 = texts.get("level1") or LEVEL1_OF.get(level2, "")
        if not level2:
            notes.append(NO_LEVELS)
        elif not texts.get("level1"):
            notes.append(
                "一级指标 not printed for this row; taken from its 二级指标"
                if level1
                else "一级指标 not printed"
            )
        value = texts.get("value", "")
        op = texts.get("operator", "").translate(str.maketrans({"＝": "=", "≧": "≥", "≦": "≤"}))
        if op in OPERATORS and value:
            # 指标值类型 / 指标值 / 度量单位 printed in three columns: joined as one printed target
            value = f"{op}{value}{texts.get('unit', '')}"
            notes.append("value_text joins the printed columns 指标值类型, 指标值 and 度量单位")
        elif value and texts.get("unit") and standard.is_amount(value):
            value = f"{value}{texts['unit']}"
        operator, number, unit, problem = target(value)
        if problem in TARGET_NOTES:
            notes.append(TARGET_NOTES[problem])
        elif problem == "unreadable unit":
            notes.append(f"the text after the number is not one unit (printed as '{value}'); unit left blank")
        named = UNIT_IN_NAME.search(texts.get("level3") or "")
        if number is not None and unit is None and named and READABLE_UNIT.match(named.group(1)):
            unit = named.group(1)  # 信访事项及时受理率（%） | ≥95
            notes.append(f"unit printed in the indicator's name: {named.group(0)}")
        elif problem == "no unit" or (number is not None and unit is None):
            notes.append("no unit printed")
        if not texts.get("level3") and not value:
            notes.append(EMPTY_CATEGORY)
        self.last_row = {
            "row": str(len(self.out.indicators) + 1),
            "project_id": p["project_id"],
            "level1": level1 or None,
            "level2": level2 or None,
            "level3": texts.get("level3") or None,
            "value_text": value or None,
            "operator": operator,
            "number": number,
            "unit": unit,
            "note": "; ".join(notes) or None,
            "source_line": str(line),
        }
        self.out.indicators.append(self.last_row)

    def check_totals(self) -> None:
        """A columns table's printed 合计 against the sum of its projects' 资金总额 (both as printed)."""
        for printed, unit, page, line in self.totals[:1]:  # the first: the table's own 合计
            if not standard.is_amount(printed) or unit is None:
                continue
            total = sum(
                Decimal(p["funds_total"])
                for p in self.out.projects
                if p["funds_total"] and p["scope"] == "project"
            )
            stated = Decimal(standard.amount(printed, unit))
            verdict = "equals" if total == stated else "does not equal"
            note = self.note_after(page)
            self.out.findings.append(
                f"the {sum(p['scope'] == 'project' for p in self.out.projects)} projects' 资金总额 add up to "
                f"{total}, which {verdict} the printed "
                f"合计 {stated} (page {page}, line {line})"
                + (f"; the table's note: {note[0]} (line {note[1]})" if note and total != stated else "")
            )

    def note_after(self, page_number: int) -> tuple[str, int] | None:
        """The note (注：…) printed under the table that begins on ``page_number`` (长沙: 注：已剔除涉密部分, on
        its last page): its text, wrapped lines joined, and its line."""
        entry = next((e for e in self.out.read if e[1] <= page_number <= e[2]), None)
        if entry is None:
            return None
        for page in self.doc.pages[entry[1] - 1 : entry[2]][::-1]:
            texts = [clean(ln.text) for ln in page.lines]
            for i, text in enumerate(texts):
                if NOTE.match(text):
                    rest = list(itertools.takewhile(lambda t: len(t) <= NOTE_LINE, texts[i + 1 : i + 3]))
                    return "".join([text, *rest]), self.doc.line_number(page.lines[i])
        return None


def read(doc: Document, template: Template) -> Performance:
    """Every performance table of the document with an indicator header, as projects and indicators.
    A page whose cells cannot be made sense of leaves the budget tables readable: nothing is read from
    the performance tables, and the package says why."""
    if not template.performance:
        return Performance()
    try:
        out = _Reader(doc, template).run()
    except (ValueError, KeyError, IndexError, TypeError, ArithmeticError) as exc:
        return Performance(failed=f"its performance tables could not be read ({exc!r})")
    for p in out.projects:
        for k in [k for k in p if k.startswith("_")]:
            del p[k]
    return out


def cross_check(perf: Performance, found: list) -> None:
    """Each project's 资金总额 against the amount its name has in another table of the document (a 项目支出
    or 专项业务经费支出表 listing the projects): agreeing to the cent, or named with both figures."""
    listed: dict[str, list[tuple[Decimal, str]]] = {}
    for t in found:
        if t.spec is not None and t.spec.shape == "performance":
            continue
        for r in t.rows:
            texts = [r.text(i) for i in sorted(r.cells)]
            amounts = [x for x in texts if standard.is_amount(x)]
            for x in texts:
                if not standard.is_amount(x) and amounts:
                    value = Decimal(standard.amount(amounts[0], t.unit))
                    listed.setdefault(x, []).append(
                        (value, f"{clean(t.title)} (page {r.page}, line {r.line})")
                    )
    agree, total = 0, 0
    for p in perf.projects:
        if p["scope"] != "project" or p["name"] not in listed or not p["funds_total"]:
            continue
        total += 1
        mine = Decimal(p["funds_total"])
        value, where = min(listed[p["name"]], key=lambda v: abs(v[0] - mine))
        if abs(value - mine) < Decimal("0.005"):
            agree += 1
        else:
            perf.findings.append(
                f"{p['project_id']} {p['name']}: 资金总额 {mine} (line {p['funds_total_line']}) against {value} "
                f"in {where}: the document prints two amounts for the project"
            )
    if total:
        perf.findings.append(
            f"{agree} of the {total} projects named in another table of the document have the same amount "
            "there (to the cent)"
        )
