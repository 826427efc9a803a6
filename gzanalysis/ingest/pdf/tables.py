"""Find the tables of a disclosure and read their rows, across pages.

A table starts on a page with a unit line (单位：万元 / 单位：元) under its title. Its header runs from the
unit line to the first body line; its body to a note (注：), the next table, or a page that is not its
continuation. A continuation page either repeats title and header (they are skipped) or carries on with
body lines only. Running headers and footers (the same text at the same height on many pages) and page
numbers are dropped first. A body line without code and amounts close above or below a line with them is
the wrapped part of that row's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gzanalysis.ingest.pdf import header as headers
from gzanalysis.ingest.pdf.header import Column, clean
from gzanalysis.ingest.pdf.templates import TableSpec, Template, normalise_title
from gzanalysis.ingest.pdf.textlayer import Line, Page, Word

UNIT = re.compile(r"单位[:：]?\s*(万元|千元|元)")
# Amounts as printed: thousands separators may be missing or misplaced (120258,600 for 120,258,600)
AMOUNT = re.compile(r"^-?\d+(,\d+)*(\.\d+)?$")
DECIMAL = re.compile(r"^-?\d+(,\d+)*\.\d+$")
# an amount in whole 元 or 万元 printed with a separator: an amount, not a column number or a code
SEPARATED = re.compile(r"^-?\d+(,\d{3})+$")
CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
ORDINAL = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")
TOTALS = {"合计", "总计", "收入总计", "支出总计", "本年收入合计", "本年支出合计"}
NOTE = re.compile(r"^(注|说明|备注)\s*[:：\d]")
PAGE_NUMBER = re.compile(r"^([-—－第\s]*\d+[-—－页\s]*|第\d+页[,，]?共\d+页)$")
CONTINUATION_LINES = (
    3  # a page without a unit line continues the open table if one of its first lines is body
)


@dataclass
class Row:
    """One row of a table: its cells by column index, where it was printed."""

    cells: dict[int, list[Word]]
    page: int
    line: int  # the row's line in the document text (see ``Document.text``)
    position: int = 0  # 1-based position among the table's rows

    def text(self, i: int) -> str:
        return clean(
            "".join(w.text for w in sorted(self.cells.get(i, []), key=lambda w: (round(w.top), w.x0)))
        )

    def x0(self, i: int) -> float | None:
        ws = self.cells.get(i)
        return min(w.x0 for w in ws) if ws else None


@dataclass
class Table:
    spec: TableSpec | None
    title: str  # as printed
    pages: list[int]
    unit: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # "title": by a title the family prints; "content": by the words of its title and header
    recognised: str = "title"
    derived: dict[str, str] = field(default_factory=dict)  # field → how it is derived from printed columns
    segments: list = field(default_factory=list)  # (page, body lines) as printed, to read them again
    joining: str = "auto"  # how its lines were joined into rows (JOININGS)


@dataclass
class Document:
    pages: list[Page]
    lines: list[tuple[int, Line | None]] = field(
        default_factory=list
    )  # (page, line); None marks a page start

    def __post_init__(self):
        self._number: dict[int, int] = {}
        for p in self.pages:
            self.lines.append((p.number, None))
            for line in p.lines:
                self.lines.append((p.number, line))
                self._number[id(line)] = len(self.lines)

    def line_number(self, line: Line) -> int:
        return self._number[id(line)]

    def text(self) -> str:
        """The text layer, one printed line per line, words separated by tabs, ``[page N]`` before each page."""
        out = []
        for page, line in self.lines:
            out.append(f"[page {page}]" if line is None else "\t".join(w.text for w in line.words))
        return "\n".join(out) + "\n"


def running_lines(pages: list[Page]) -> set[int]:
    """ids of lines repeated at the same height on at least a third of the pages, and page numbers."""
    seen: dict[tuple[str, int], list[Line]] = {}
    drop = set()
    for p in pages:
        for line in p.lines:
            text = clean(line.text)
            if PAGE_NUMBER.match(text) and (line.top > 0.85 * p.height or line.bottom < 0.12 * p.height):
                drop.add(id(line))
                continue
            if UNIT.search(text):
                continue  # a table's unit line, repeated on each of its pages, is not a running header
            key = (re.sub(r"\d+", "#", text), round(line.top / 4))
            seen.setdefault(key, []).append(line)
    for (text, _), ls in seen.items():
        if len(ls) >= max(3, len(pages) // 3) and "#" not in text.replace("#年", ""):
            drop.update(id(x) for x in ls)
    return drop


def _is_body(line: Line) -> bool:
    first = clean(line.words[0].text)
    return (
        any(DECIMAL.match(w.text) or SEPARATED.match(w.text) for w in line.words)
        or CODE.match(first) is not None
        or ORDINAL.match(first) is not None  # 一、部门预算 …: a numbered line of a summary's body
        or clean(line.text) in TOTALS
        or (first in TOTALS and all(AMOUNT.match(w.text) for w in line.words[1:]))
    )


def _unit_line(lines: list[Line]) -> tuple[int, str] | None:
    for i, line in enumerate(lines):
        m = UNIT.search(clean(line.text))
        if m:
            return i, m.group(1)
    return None


def find_tables(doc: Document, template: Template) -> tuple[list[Table], list[str]]:
    """Every table of the document, with the pages it runs over; and notes on unrecognised tables."""
    from gzanalysis.ingest.pdf.textlayer import PdfError

    running = running_lines(doc.pages)
    tables: list[Table] = []
    notes: list[str] = []
    current: Table | None = None
    for page in doc.pages:
        try:
            current = _read_page(doc, page, running, template, tables, notes, current)
        except (ValueError, KeyError, IndexError, TypeError, ArithmeticError) as exc:
            title = f" (table {clean(current.title)!r})" if current is not None else ""
            raise PdfError(
                f"page {page.number}{title}: its lines do not read as a table's header and rows ({exc!r})"
            ) from exc
    for t in tables:
        for i, r in enumerate(t.rows, 1):
            r.position = i
    return tables, notes


def _read_page(
    doc: Document,
    page: Page,
    running: set[int],
    template: Template,
    tables: list[Table],
    notes: list[str],
    current: Table | None,
) -> Table | None:
    """Read one page's tables into ``tables``; the table still open at its end (or None). A page may
    print several tables, one after the other (two empty fund tables, 三公 and 机关运行经费): each from
    its title above its unit line to the next one's title."""
    lines = [ln for ln in page.lines if id(ln) not in running]
    for part in _segments(lines):
        current = _read_segment(doc, page, part, template, tables, notes, current)
    return current


def _segments(lines: list[Line]) -> list[list[Line]]:
    units = [i for i, ln in enumerate(lines) if UNIT.search(clean(ln.text))]
    cuts = [0]
    for u in units[1:]:
        above = [i for i in range(max(cuts[-1] + 1, u - TITLE_LINES), u) if _title_like(lines[i])]
        cuts.append(above[0] if above else u)
    return [lines[a:b] for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)]


def _read_segment(
    doc: Document,
    page: Page,
    lines: list[Line],
    template: Template,
    tables: list[Table],
    notes: list[str],
    current: Table | None,
) -> Table | None:
    found = _unit_line(lines)
    if found is not None:
        at, unit = found
        title_line, spec, how = _title(lines, at, template)
        if spec is None:
            if current is not None and _same_header(current, lines[at + 1 :], page):
                title_line, spec, how = None, current.spec, current.recognised
            else:
                label = clean(title_line.text) if title_line is not None else "(no title)"
                notes.append(
                    f"page {page.number}: table {label!r}: neither its title nor its header names a "
                    "table gzanalysis reads (kept out of the package)"
                )
                return None
        body_start = _ruled_start(
            lines, at, next((i for i in range(at + 1, len(lines)) if _is_body(lines[i])), None), page
        )
        head = lines[at + 1 : body_start if body_start is not None else _end(lines, at + 1)]
        # an empty table: no body line, its note (注：…) right under the header still closes it
        body = lines[body_start:] if body_start is not None else lines[_end(lines, at + 1) :]
        if (
            current is not None
            and spec is current.spec
            and (title_line is None or _same_title(current, title_line))
        ):
            current.pages.append(page.number)  # the table continues, its title and header repeated
        else:
            cols = headers.columns(head, page)
            current = Table(
                spec,
                title_line.text if title_line else current.title,
                [page.number],
                unit,
                cols,
                recognised=how,
            )
            tables.append(current)
        closed = _read_body(doc, current, body, page)
        if closed:
            current = None
    elif current is not None and _continues(rest := _without_header(current, lines)):
        # a continuation without title (its header repeated or not): body lines from the top of the
        # page (a two-sided table may start the page with label-only lines, e.g. functions without
        # an amount)
        current.pages.append(page.number)
        if _read_body(doc, current, rest, page):
            current = None
    else:
        current = None
    return current


TITLE_LINES = 4  # a table's title is printed at most this many lines above its unit line
TITLE_WORD = re.compile(r"表|情况|预算")


def _title(lines: list[Line], at: int, template: Template) -> tuple[Line | None, TableSpec | None, str]:
    """The title line above the unit line at ``at``, the table it names and how it was recognised.

    A title the family knows wins; otherwise the nearest line above that reads like a title (one that says 表,
    情况 or 预算) is matched by its words and by the words of the header under the unit line."""
    above = [ln for ln in lines[max(0, at - TITLE_LINES) : at] if clean(ln.text)]
    for line in reversed(above):
        spec = template.match_title(normalise_title(line.text))
        if spec is not None:
            return line, spec, "title"
    header = clean(" ".join(ln.text for ln in lines[at + 1 : at + 1 + TITLE_LINES]))
    titles = [ln for ln in reversed(above) if _title_like(ln)]
    candidates = [ln for ln in titles if "表" in ln.text] + [ln for ln in titles if "表" not in ln.text]
    # the unit line itself may carry the title (… 单位：万元)
    candidates.append(lines[at])
    for line in candidates:
        spec, how = template.identify(normalise_title(UNIT.split(line.text)[0]), header)
        if spec is not None:
            return line, spec, how
    return (candidates[0] if candidates else None), None, ""


def _continues(lines: list[Line]) -> bool:
    return any(_is_body(ln) for ln in lines[:CONTINUATION_LINES])


def _without_header(t: Table, lines: list[Line]) -> list[Line]:
    """A continuation page's lines without the table's header printed again at its top: leading lines
    that are not body and whose every word is part of the header's headings."""
    heading = "".join(clean(c.label) for c in t.columns)
    start = 0
    while (
        start < len(lines)
        and not _is_body(lines[start])
        and all(clean(w.text) in heading for w in lines[start].words)
    ):
        start += 1
    return lines[start:]


def _ruled_start(lines: list[Line], at: int, start: int | None, page: Page) -> int | None:
    """The first body line, moved up over the lines printed below the rule that closes the header (a
    name wrapped above its row's code and amounts is part of that row, not of the header)."""
    if start is None:
        return None
    rules = [y for y, x0, x1 in page.hrules if y <= lines[start].top + 1 and x1 - x0 > 0.5 * page.width]
    if not rules:
        return start
    below = max(rules)
    while start - 1 > at and lines[start - 1].top >= below - 1 and _name_fragment(lines[start - 1]):
        start -= 1
    return start


HEADING_WORDS = re.compile(r"合计|总计|小计|项目|科目|名称|编码|代码|预算|支出$|收入$|^[类款项]$|\d")


def _name_fragment(line: Line) -> bool:
    """A line of one short text that reads as part of a name, not as a heading."""
    return len(line.words) == 1 and not HEADING_WORDS.search(clean(line.text))


def _title_like(line: Line) -> bool:
    """A line that may be a table's title: it says 表, 情况 or 预算, and is not a sentence (no closing
    punctuation, no amount in 万元, not long)."""
    text = clean(line.text)
    return (
        TITLE_WORD.search(text) is not None
        and len(text) <= 50
        and not text.endswith(("，", "。", "；", ",", ";", "：", ":"))
        and "万元" not in UNIT.sub("", text)
    )


def _same_title(t: Table, line: Line) -> bool:
    return normalise_title(line.text) == normalise_title(t.title)


def _same_header(t: Table, lines: list[Line], page: Page) -> bool:
    body_start = next((i for i in range(len(lines)) if _is_body(lines[i])), None)
    cols = headers.columns(lines[:body_start], page) if body_start else []
    return [c.label for c in cols] == [c.label for c in t.columns]


def _end(lines: list[Line], start: int) -> int:
    return next((i for i in range(start, len(lines)) if NOTE.match(clean(lines[i].text))), len(lines))


def _read_body(doc: Document, table: Table, lines: list[Line], page: Page) -> bool:
    """Append the body lines' rows; True where a note or the end of the table closes it."""
    end = _end(lines, 0)
    closed = end < len(lines)
    if closed:
        table.notes.append(clean(" ".join(ln.text for ln in lines[end:])))
    table.segments.append((page, lines[:end]))
    _rows(doc, table, lines[:end], page, table.joining)
    return closed


# How the lines of a table's body are joined into rows: "auto" by the page's row rules where it rules its
# rows, else each line with an amount is a row and the lines near it are its wrapped parts; "lines": by
# the lines alone, the rules ignored (a reading tried again where the first breaks an identity).
JOININGS = ("auto", "lines")


def reread(doc: Document, table: Table, joining: str) -> Table:
    """The same printed table read again with another way of joining its lines into rows."""
    again = Table(
        table.spec, table.title, table.pages, table.unit, table.columns, recognised=table.recognised
    )
    again.joining, again.notes = joining, table.notes
    for page, lines in table.segments:
        again.segments.append((page, lines))
        _rows(doc, again, lines, page, joining)
    for i, r in enumerate(again.rows, 1):
        r.position = i
    return again


def _rows(doc: Document, table: Table, lines: list[Line], page: Page, joining: str) -> None:
    cols = table.columns
    if not cols:
        return
    parsed = [(ln, headers.assign(ln.words, cols)) for ln in lines]
    anchors = [i for i, (ln, cells) in enumerate(parsed) if _anchored(cells, table)]
    band = _bands(page, [ln for ln, _ in parsed]) if joining == "auto" else None
    pitch = _pitch([ln for ln, _ in parsed])
    rows: dict[int, Row] = {}
    by_band: dict[int, int] = {}
    for i, (ln, cells) in enumerate(parsed):
        near = i
        if band is not None:
            # ruled rows: every line within one band is the same row (wrapped names and numbers)
            near = by_band.setdefault(band(ln), i)
        elif i not in anchors and anchors:
            a = min(anchors, key=lambda a: abs(parsed[a][0].y - ln.y))
            if abs(parsed[a][0].y - ln.y) < 0.75 * pitch:
                near = a  # a wrapped part of the name of the row nearest to it
        target = rows.get(near)
        if target is None:
            first = next((a for a in anchors if band is not None and band(parsed[a][0]) == band(ln)), near)
            rows[near] = target = Row({}, page.number, doc.line_number(parsed[first][0]))
        for k, ws in cells.items():
            target.cells.setdefault(k, []).extend(ws)
    out = [rows[i] for i in sorted(rows)]
    table.rows.extend(out)


def _anchored(cells: dict[int, list[Word]], table: Table) -> bool:
    """A line that is a row of its own: it has an amount or a code, or is a total line."""
    for ws in cells.values():
        for w in ws:
            if AMOUNT.match(w.text) or clean(w.text) in TOTALS:
                return True
    return False


def _bands(page: Page, lines: list[Line]):
    """Row bands between horizontal rules, where the page rules its rows: a function line → band index."""
    if not lines:
        return None
    top, bottom = lines[0].top, lines[-1].bottom
    ys = sorted({round(y, 1) for y, x0, x1 in page.hrules if top - 30 <= y <= bottom + 30 and x1 - x0 > 20})
    inside = [y for y in ys if top < y < bottom]
    # rules must separate most lines: at least one between each pair of rows printed apart
    if len(inside) < max(1, len(lines) // 3):
        return None
    import bisect

    return lambda line: bisect.bisect(ys, line.y)


def _pitch(lines: list[Line]) -> float:
    gaps = sorted(b.y - a.y for a, b in zip(lines, lines[1:], strict=False) if b.y > a.y)
    return gaps[len(gaps) // 2] if gaps else 20.0
