"""A table's columns from its header cells.

A column is where its header cell is. Words of the header are grouped into cells: with ruling lines,
a word's cell is bounded by the nearest vertical rules left and right of it (so a centred heading over
several columns, such as 财政拨款 over 一般公共预算 / 政府性基金, is seen to span them); without rules,
words stacked over each other (a heading wrapped onto several lines) form one cell. Leaf cells (those
spanning no other cell) are the columns; the cells above a leaf give its path (``本年收入/一般公共预算``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gzanalysis.ingest.pdf.textlayer import Line, Page, Word

COLUMN_NUMBER = re.compile(r"^(\d{1,2}|\*+|栏次)$")
EDGE = 2.0  # pt: two edges closer than this are one


@dataclass
class Column:
    path: tuple[str, ...]  # spanning headings, top-down, then the leaf heading
    left: float
    right: float
    text_left: float = 0.0
    text_right: float = 0.0
    field: str | None = None  # the standard field it maps to, set by the template

    @property
    def label(self) -> str:
        return "/".join(self.path)

    @property
    def leaf(self) -> str:
        return self.path[-1]


@dataclass
class _Cell:
    left: float
    right: float
    words: list[Word] = field(default_factory=list)
    ruled: bool = False

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def text(self) -> str:
        words = sorted(self.words, key=lambda w: (round(w.top), w.x0))
        return clean("".join(w.text for w in words))


def clean(text: str) -> str:
    """A heading without spaces, with ASCII parentheses."""
    text = re.sub(r"\s+", "", text)
    return text.translate(str.maketrans("（）：", "():"))


def cell_span(word: Word, page: Page) -> tuple[float, float, bool]:
    """The cell of a word: between the nearest vertical rules around it, else the word itself. A word
    wider than its cell (a heading overflowing its rules) is in the cell of its centre."""
    y = (word.top + word.bottom) / 2
    at = [x for x, t, b in page.vrules if t - EDGE <= y <= b + EDGE]
    if any(word.x0 + EDGE < x < word.x1 - EDGE for x in at):
        lefts = [x for x in at if x <= word.cx]  # it overflows a rule: the cell of its centre
        rights = [x for x in at if x >= word.cx]
    else:
        lefts = [x for x in at if x <= word.x0 + EDGE]
        rights = [x for x in at if x >= word.x1 - EDGE]
    if lefts and rights:
        return max(lefts), min(rights), True
    return word.x0, word.x1, False


def columns(lines: list[Line], page: Page) -> list[Column]:
    """The leaf columns of a header, left to right."""
    cells: list[_Cell] = []
    for line in lines:
        for w in line.words:
            if COLUMN_NUMBER.match(w.text):
                continue  # 栏次 1 2 3 …: numbers the columns, not a heading
            left, right, ruled = cell_span(w, page)
            for c in cells:
                if ruled and c.ruled and abs(c.left - left) < EDGE and abs(c.right - right) < EDGE:
                    c.words.append(w)
                    break
                if not (ruled and c.ruled):
                    overlap = min(c.right, right) - max(c.left, left)
                    if overlap > 0.5 * min(c.right - c.left, right - left):
                        c.words.append(w)
                        c.left, c.right = min(c.left, left), max(c.right, right)
                        break
            else:
                cells.append(_Cell(left, right, [w], ruled))
    leaves = [c for c in cells if not any(o is not c and _contains(c, o) for o in cells)]
    out = []
    for leaf in sorted(leaves, key=lambda c: c.left):
        parents = sorted((c for c in cells if c is not leaf and _contains(c, leaf)), key=lambda c: c.top)
        xs = [w.x0 for w in leaf.words], [w.x1 for w in leaf.words]
        out.append(
            Column(
                path=tuple(p.text for p in parents) + (leaf.text,),
                left=leaf.left,
                right=leaf.right,
                text_left=min(xs[0]),
                text_right=max(xs[1]),
            )
        )
    return _bounds(out)


def _contains(outer: _Cell, inner: _Cell) -> bool:
    wider = (outer.right - outer.left) > (inner.right - inner.left) + 2 * EDGE
    return (
        wider
        and outer.left <= inner.left + EDGE
        and outer.right >= inner.right - EDGE
        and outer.top < inner.top
    )


def _bounds(cols: list[Column]) -> list[Column]:
    """Columns without rules reach halfway to their neighbours, so that every word finds one."""
    for a, b in zip(cols, cols[1:], strict=False):
        if a.right > b.left:  # overlapping unruled cells: split at the middle of the gap between texts
            mid = (a.text_right + b.text_left) / 2
            a.right, b.left = mid, mid
        elif b.left - a.right > EDGE:
            mid = (a.right + b.left) / 2
            a.right, b.left = mid, mid
    if cols:
        cols[0].left = float("-inf")
        cols[-1].right = float("inf")
    return cols


def assign(words: list[Word], cols: list[Column]) -> dict[int, list[Word]]:
    """Each word to the column holding its centre (the nearest one at the edges)."""
    out: dict[int, list[Word]] = {}
    for w in words:
        best = None
        for i, c in enumerate(cols):
            if c.left - EDGE <= w.cx <= c.right + EDGE:
                best = i
                break
        if best is None:
            best = min(
                range(len(cols)), key=lambda i: min(abs(w.cx - cols[i].left), abs(w.cx - cols[i].right))
            )
        out.setdefault(best, []).append(w)
    return _spread(out, len(cols))


NUMBER = re.compile(r"^-?\d+(,\d+)*(\.\d+)?$")


def _spread(cells: dict[int, list[Word]], n: int) -> dict[int, list[Word]]:
    """Two amounts of one line in one column (a wide figure whose centre strays over a narrow column's
    edge): each is one cell, so the outer one moves to the empty column beside (left first)."""
    for i in sorted(cells):
        ws = sorted(cells[i], key=lambda w: w.x0)
        numbers = [w for w in ws if NUMBER.match(w.text)]
        if len(numbers) != 2 or len(ws) != 2 or numbers[0].x1 > numbers[1].x0:
            continue
        if i > 0 and not cells.get(i - 1):
            cells[i - 1], cells[i] = [numbers[0]], [numbers[1]]
        elif i + 1 < n and not cells.get(i + 1):
            cells[i], cells[i + 1] = [numbers[0]], [numbers[1]]
    return cells
