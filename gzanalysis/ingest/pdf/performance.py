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

import re
from dataclasses import dataclass, field
from decimal import Decimal

from gzanalysis.ingest.pdf import standard
from gzanalysis.ingest.pdf.header import EDGE, Column, cell_span, clean, columns
from gzanalysis.ingest.pdf.tables import UNIT, Document
from gzanalysis.ingest.pdf.templates import Template, normalise_title
from gzanalysis.ingest.pdf.textlayer import Line, Page, Word
from gzanalysis.ingest.projects import EMPTY_CATEGORY, LEVEL1_OF, target

INDICATOR_FIELDS = ("level1", "level2", "level3", "value", "unit", "operator")
HEADER_NEEDS = {"level2", "level3", "value"}  # the headings that make a line a performance table's header
TOTALS = {"合计", "总计"}
OPERATORS = {"=", "≥", "≤"}
UNIT_IN_LABEL = re.compile(r"[(（](万元|千元|元)[)）]")


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


def _segment(cuts: list[float], y: float) -> tuple[float, float] | None:
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a <= y <= b:
            return a, b
    return None


def _text(words: list[Word]) -> str:
    """A cell's text: its words in visual lines (a word whose centre lies within a line's height joins it:
    quotation marks drawn a little higher than their words), top to bottom, each left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        cy = (w.top + w.bottom) / 2
        if rows and min(x.top for x in rows[-1]) <= cy <= max(x.bottom for x in rows[-1]):
            rows[-1].append(w)
        else:
            rows.append([w])
    return clean("".join(w.text for row in rows for w in sorted(row, key=lambda w: w.x0)))


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
        self.overall: dict[str, list] = {}  # 部门整体 tables seen: title → [first page, last page, line]
        self.project: dict | None = None  # the project the rows read last belong to
        self.project_key: tuple | None = None
        self.totals: list[tuple] = []  # printed 合计 of a columns table: (amount, unit, page, line)

    # ------------------------------------------------------------------ finding tables
    def is_header(self, line: Line) -> bool:
        return {_field(self.header, clean(w.text)) for w in line.words} >= HEADER_NEEDS

    def title_above(self, page: Page, i: int) -> tuple[int, str] | None:
        for j in range(i - 1, -1, -1):
            text = clean(page.lines[j].text)
            if "绩效" in text and text.endswith("表"):
                return j, text
        return None

    def last_title(self, page: Page) -> None:
        """The last performance table title printed up to this page: a header on a page of its own
        (the table's second page) belongs to it."""
        titled = self.title_above(page, len(page.lines))
        if titled is not None:
            self.title = titled[1]

    def run(self) -> Performance:
        grid: _Grid | None = None
        for page in self.doc.pages:
            heads = [i for i, line in enumerate(page.lines) if self.is_header(line)]
            if grid is not None:  # the table open on the page before: does this page continue it?
                stop = min([page.lines[i].top for i in heads] + [page.height])
                titled = self.title_above(page, heads[0]) if heads else None
                if titled is not None:
                    stop = min(stop, page.lines[titled[0]].top)
                self.body(page, grid, None, stop, continuing=True)
            grid = None
            for n, i in enumerate(heads):
                grid = self.open(page, i, heads[n + 1] if n + 1 < len(heads) else None)
            self.last_title(page)
        self.check_totals()
        for title, (first, last, line) in self.overall.items():
            pages = f"page {first}" if first == last else f"pages {first}–{last}"
            self.out.not_read.append(
                f"{title} ({pages}, header on line {line}): overall targets (整体: of the department or of a "
                "fund as a whole), not a project's; not read into projects"
            )
        return self.out

    def open(self, page: Page, i: int, next_head: int | None) -> _Grid | None:
        """The table whose header is line ``i``: its columns, its project (where labelled above) and rows."""
        titled = self.title_above(page, i)
        title = titled[1] if titled else self.title
        kind = "department" if any(w in normalise_title(title) for w in self.department_words) else "project"
        line = page.lines[i]
        level3 = next(w for w in line.words if _field(self.header, clean(w.text)) == "level3")
        cuts = _cuts(page, level3.cx, level3.bottom, page.height)
        band_bottom = cuts[0] if cuts else line.bottom
        lines = [line]
        for j in range(
            i - 1, (titled[0] if titled else -1), -1
        ):  # heading lines above: all its words headings
            if all(_field(self.header, clean(w.text)) for w in page.lines[j].words):
                lines.insert(0, page.lines[j])
            else:
                break
        lines += [
            ln
            for ln in page.lines[i + 1 :]
            if ln.top < band_bottom - EDGE and ln.bottom <= band_bottom + EDGE
        ]
        y = (line.top + line.bottom) / 2
        cols: dict[str, Column] = {}
        for c in columns(lines, page):
            f = _field(self.header, c.leaf)
            if f and f not in cols:
                cols[f] = _ruled(c, page, y)
        where = f"{title or 'a performance table'} (page {page.number}, line {self.doc.line_number(line)})"
        if kind == "department":
            seen = self.overall.get(title)
            if seen and seen[1] == page.number - 1:  # the same table, its header printed again
                seen[1] = page.number
            else:
                self.overall[title] = [page.number, page.number, self.doc.line_number(line)]
            return None
        if not cuts:
            self.out.not_read.append(
                f"{where}: no ruling lines under its header, so its cells cannot be told apart"
            )
            return None
        top = page.lines[titled[0]].bottom if titled else 0.0
        unit = self.unit(page, top, line.top, lines)
        layout = "columns" if "name" in cols else "labels"
        grid = _Grid(title, cols, unit, layout)
        if layout == "labels":
            self.labelled_project(page, grid, top, min(w.top for ln in lines for w in ln.words), where)
        stop = page.lines[next_head].top if next_head is not None else page.height
        if next_head is not None and (t := self.title_above(page, next_head)) and t[0] > i:
            stop = page.lines[t[0]].top
        last = self.out.read[-1] if self.out.read else None
        if last and last[0] == title and last[2] == page.number - 1:  # its header printed again on each page
            last[2] = page.number
        else:
            self.out.read.append([title, page.number, page.number])
        self.body(page, grid, band_bottom, stop)
        return grid

    def unit(self, page: Page, top: float, bottom: float, header: list[Line]) -> str | None:
        """The unit of the table's amounts: its unit line (单位：万元) or a label's (资金金额（万元）)."""
        for line in [*(ln for ln in page.lines if top - EDGE <= ln.top <= bottom), *header]:
            text = clean(line.text)
            if m := UNIT.search(text) or UNIT_IN_LABEL.search(text):
                return m.group(1)
        return None

    # ------------------------------------------------------------------ projects
    def new_project(self, grid: _Grid, page: Page) -> dict:
        p = {
            "project_id": f"P{len(self.out.projects) + 1}",
            "name": "",
            "department_code": None,
            "department": None,
            "implementing_unit": None,
            "funds_total": None,
            "funds_fiscal": None,
            "funds_other": None,
            "funds_carryover": None,
            "goal": None,
            "source_line": None,
            "funds_total_line": None,
            "funds_fiscal_line": None,
            "funds_other_line": None,
            "funds_carryover_line": None,
            "goal_line": None,
            "_title": grid.title,
            "_page": page.number,
        }
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
        words = [w for ln in page.lines if top <= ln.top and ln.bottom <= bottom + EDGE for w in ln.words]
        cells: dict[tuple, list[Word]] = {}
        for w in words:
            left, right, _ = cell_span(w, page)
            ys = _cuts(page, w.cx, 0, page.height)
            seg = next(
                (
                    (a, b)
                    for a, b in zip(ys, ys[1:], strict=False)
                    if a - EDGE <= w.top and w.bottom <= b + EDGE
                ),
                (w.top, w.bottom),
            )
            cells.setdefault((round(left), round(right), round(seg[0]), round(seg[1])), []).append(w)
        boxes = [(k, _text(ws), ws) for k, ws in cells.items()]
        if grid.unit is None:  # 资金金额（万元）: the unit in a label cell, wrapped or not
            grid.unit = next((m.group(1) for _, text, _ in boxes if (m := UNIT_IN_LABEL.search(text))), None)
        p = self.new_project(grid, page)
        for (_, right, t, b), text, _ in boxes:
            name = _field(self.labels, _label(text))
            if name is None:
                continue
            # its value: the nearest cell to its right within its own row (not a cell spanning several rows)
            right_of = [
                x
                for x in boxes
                if x[0][0] >= right - EDGE
                and x[0][2] >= t - EDGE
                and x[0][3] <= b + EDGE
                and not _field(self.labels, _label(x[1]))
            ]
            if not right_of:
                continue
            _, value, vws = min(right_of, key=lambda x: x[0][0])
            if name.startswith("funds_"):
                self.money(p, name, value, vws, grid, where)
            elif not p.get(name):
                p[name] = value
                if name in ("name", "goal"):
                    p["source_line" if name == "name" else "goal_line"] = str(self.line_of[id(vws[0])])
        self.project, self.project_key = p, ("labels", id(p))
        if not p["name"]:
            p["_blank"] = (
                where  # a form printed without a project (专项资金 … 无): no row unless indicators say
            )

    def columned_project(self, texts: dict, words: dict, grid: _Grid, page: Page, where: str) -> None:
        name = texts.get("name", "")
        key = (texts.get("code", ""), name, texts.get("amount", ""))
        if name and key != self.project_key:
            p = self.new_project(grid, page)
            p["name"], p["source_line"] = name, str(self.line_of[id(words["name"][0])])
            p["department_code"] = texts.get("code") or None
            if texts.get("goal"):
                p["goal"], p["goal_line"] = texts["goal"], str(self.line_of[id(words["goal"][0])])
            self.money(p, "funds_total", texts.get("amount", ""), words.get("amount", []), grid, where)
            self.project, self.project_key = p, key

    def keep_project(self) -> dict | None:
        p = self.project
        if p is None:
            return None
        if not any(q is p for q in self.out.projects):
            self.out.projects.append(p)
        return p

    # ------------------------------------------------------------------ rows
    def body(self, page: Page, grid: _Grid, top: float | None, stop: float, continuing: bool = False) -> None:
        x = _centre(grid.cols["level3"])
        cuts = _cuts(page, x, top if top is not None else 0.0, stop)
        if continuing:
            first = next((ln for ln in page.lines if ln.words and clean(ln.text)), None)
            inside = first is not None and cuts and cuts[0] - EDGE <= first.top <= cuts[-1]
            edges = [v for v, t, b in page.vrules if cuts and t <= cuts[0] + EDGE]
            same = all(
                any(abs(v - c.left) < EDGE for v in edges) for c in grid.cols.values() if c.left > -1e9
            )
            if not (inside and same):
                return
            self.out.read[-1][2] = page.number
        self.out.pages.add(page.number)
        col_cuts = {
            f: _cuts(page, _centre(c), cuts[0], cuts[-1]) if cuts else [] for f, c in grid.cols.items()
        }
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
                texts[f], at[f] = _text(ws), ws
                if continuing and f in ("level1", "level2") and not ws and seg[0] <= cuts[0] + EDGE:
                    texts[f"{f}_broken"] = "1"  # a merged cell begun on the page before
            where = f"{grid.title} (page {page.number})"
            indicator = any(texts.get(f) for f in ("level1", "level2", "level3", "value"))
            if grid.layout == "columns":
                if not indicator:
                    if TOTALS & {texts.get("name"), texts.get("code")} and texts.get("amount"):
                        line = self.line_of[id(at["amount"][0])]
                        self.totals.append((texts["amount"], grid.unit, page.number, line))
                    continue  # a unit's or the table's total line, no indicator
                self.columned_project(texts, at, grid, page, where)
            if not indicator:
                continue
            self.indicator(texts, at, grid, page)

    def indicator(self, texts: dict, at: dict, grid: _Grid, page: Page) -> None:
        first = next((at[f][0] for f in ("level3", "value", "level2", "level1") if at.get(f)), None)
        line = self.line_of[id(first)]
        where = f"{grid.title} (page {page.number}, line {line})"
        p = self.project
        if p is None or not p.get("name"):
            blank = (
                f"{grid.title} (page {page.number}): no project name printed; its indicator rows are not read"
            )
            if blank not in self.out.findings:
                self.out.findings.append(blank)
            return
        notes = []
        last = self.out.indicators[-1] if self.out.indicators else None
        for f in ("level1", "level2"):
            if texts.get(f"{f}_broken") and last is not None and last["project_id"] == p["project_id"]:
                texts[f] = last[f]
                if f == "level2":
                    notes.append("二级指标 printed on the page before (a merged cell broken by the page)")
        level2 = texts.get("level2", "")
        if not level2:
            self.out.findings.append(
                f"{where}: an indicator row without its 二级指标; not read ({texts.get('level3')!r})"
            )
            return
        p = self.keep_project()
        level1 = texts.get("level1") or LEVEL1_OF.get(level2, "")
        if not texts.get("level1"):
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
        if problem == "no unit":
            notes.append("no unit printed")
        elif problem == "unreadable unit":
            notes.append(f"the text after the number is not one unit (printed as '{value}'); unit left blank")
        if not texts.get("level3") and not value:
            notes.append(EMPTY_CATEGORY)
        self.out.indicators.append(
            {
                "row": str(len(self.out.indicators) + 1),
                "project_id": p["project_id"],
                "level1": level1,
                "level2": level2,
                "level3": texts.get("level3") or None,
                "value_text": value or None,
                "operator": operator,
                "number": number,
                "unit": unit,
                "note": "; ".join(notes) or None,
                "source_line": str(line),
            }
        )

    def check_totals(self) -> None:
        """A columns table's printed 合计 against the sum of its projects' 资金总额 (both as printed)."""
        for printed, unit, page, line in self.totals[:1]:  # the first: the table's own 合计
            if not standard.is_amount(printed) or unit is None:
                continue
            total = sum(Decimal(p["funds_total"]) for p in self.out.projects if p["funds_total"])
            stated = Decimal(standard.amount(printed, unit))
            verdict = "equals" if total == stated else "does not equal"
            self.out.findings.append(
                f"the {len(self.out.projects)} projects' 资金总额 add up to {total}, which {verdict} the printed "
                f"合计 {stated} (page {page}, line {line})"
            )


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
        if p["name"] not in listed or not p["funds_total"]:
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
