"""The text layer of a PDF as positioned words and ruling lines, page by page (pypdfium2).

pypdfium2 is chosen for speed and upkeep: it binds PDFium (the engine of Chromium), reads the text layer
with each character's box at several hundred pages per second, and installs as one wheel with no other
dependency. Words are built here from character boxes: characters on one visual line (their vertical
centres within half a character height) and closer than a quarter of a character height form one word.
Table rules (thin path objects and the edges of cell rectangles) are kept to tell which header cell a
word belongs to, so that a header printed over several columns is recognised as spanning them.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


class PdfError(ValueError):
    """A PDF that cannot be read (encrypted, truncated, corrupt, a scan without text)."""


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    """Words whose vertical centres agree: one printed line, left to right."""

    top: float
    bottom: float
    words: list[Word]

    @property
    def y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    # Vertical rules as (x, top, bottom) and horizontal rules as (y, x0, x1), in top-down coordinates.
    vrules: list[tuple[float, float, float]] = field(default_factory=list)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)
    n_chars: int = 0


# An amount with its two decimals is complete: a digit right after it starts the next cell's amount
# (two figures printed touching: 13,873.3612,418.84).
AMOUNT_END = re.compile(r"\d,?\d*\.\d\d$")
RULE_THICKNESS = 2.5  # a path thinner than this (pt) is a rule, not a box


def _words(chars: list[tuple], vrules=()) -> list[Line]:
    """Group characters (text, x0, top, x1, bottom, index in the text stream) into lines, then words.

    Characters drawn one after the other and side by side form a run (one text object as drawn); runs
    side by side form a word. Runs that overlap stay apart (a heading that overflows its cell over the
    next one's text), and a word never crosses a vertical rule (two cells' texts printed close together).
    """
    chars.sort(key=lambda c: (c[2] + c[4]) / 2)
    groups: list[list] = []  # [centre, height, chars]
    for c in chars:
        cy, h = (c[2] + c[4]) / 2, c[4] - c[2]
        if groups and abs(cy - groups[-1][0]) < 0.5 * max(h, groups[-1][1]):
            groups[-1][2].append(c)
        else:
            groups.append([cy, h, [c]])
    lines = []
    for cy, _, cs in groups:
        rules = sorted(x for x, t, b in vrules if t - 2 <= cy <= b + 2)
        runs: list[Word] = []
        last: dict[int, tuple] = {}  # a run's (a word's) last character: (centre, right edge, character)
        for text, x0, top, x1, bottom, _ in sorted(cs, key=lambda c: c[5]):
            w = runs[-1] if runs else None
            if (
                w is not None
                and _adjacent(w, x0, x1, bottom - top, rules, x1 - x0, last[id(w)])
                and not (text.isdigit() and AMOUNT_END.search(w.text))
            ):
                w.text += text
                w.x1, w.top, w.bottom = max(w.x1, x1), min(w.top, top), max(w.bottom, bottom)
            else:
                w = Word(text, x0, x1, top, bottom)
                runs.append(w)
            last[id(w)] = ((x0 + x1) / 2, x1, text)
        words: list[Word] = []
        for run in sorted(runs, key=lambda r: r.x0):
            w = words[-1] if words else None
            height = run.bottom - run.top
            if (
                w is not None
                and _adjacent(w, run.x0, run.x1, height, rules, 0.6 * height, last[id(w)])
                and not (run.text[0].isdigit() and AMOUNT_END.search(w.text))
            ):
                w.text += run.text
                w.x1, w.top, w.bottom = max(w.x1, run.x1), min(w.top, run.top), max(w.bottom, run.bottom)
                last[id(w)] = last[id(run)]
            else:
                words.append(run)
        lines.append(Line(min(w.top for w in words), max(w.bottom for w in words), words))
    return lines


def _adjacent(
    w: Word, x0: float, x1: float, height: float, rules: list[float], overlap: float, last: tuple
) -> bool:
    """Whether a character (or run) at ``x0``–``x1`` continues word ``w``: after it (overlapping it by
    at most ``overlap``: loose character boxes overlap their neighbours), closer than a quarter of its
    height, and no rule between them. A rule between the last character's centre and this one's ends the
    word, unless that character is itself drawn across the rule, a cell's text overflowing it (一流水|平);
    a punctuation mark's loose box reaching over the rule that ends its cell does not count (编制，|短期)."""
    centre, right, char = last
    gap = x0 - w.x1
    if not (x0 > w.x0 and -overlap <= gap < 0.25 * height):
        return False
    if not _rule_between(rules, centre, (x0 + x1) / 2):
        return True
    return not unicodedata.category(char[-1]).startswith("P") and _rule_between(rules, centre, right)


def _rule_between(rules: list[float], left: float, right: float) -> bool:
    """Whether a vertical rule stands between ``left`` and ``right`` (x, sorted rules)."""
    i = bisect.bisect_right(rules, left - 1)
    return i < len(rules) and rules[i] < right


def _rules(page, height: float) -> tuple[list, list]:
    """Ruling lines from path objects: thin paths are rules; a rectangle's four edges are rules."""
    v, h = [], []
    width = page.get_width()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        w, hh = right - left, bottom - top
        if w <= RULE_THICKNESS and hh > RULE_THICKNESS:
            v.append(((left + right) / 2, top, bottom))
        elif hh <= RULE_THICKNESS and w > RULE_THICKNESS:
            h.append(((top + bottom) / 2, left, right))
        elif w > RULE_THICKNESS and hh > RULE_THICKNESS and not (w > 0.9 * width and hh > 0.9 * height):
            v += [(left, top, bottom), (right, top, bottom)]
            h += [(top, left, right), (bottom, left, right)]
    return v, h


def read_pages(path: str | Path | bytes) -> list[Page]:
    """Every page's lines of words and its rules. Raises ``PdfError`` on a file PDFium cannot open."""
    pdf = open_pdf(path)
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            height = page.get_height()
            tp = page.get_textpage()
            n = tp.count_chars()
            text = tp.get_text_range(0, n) if n else ""
            chars = []
            raw_tp = tp.raw
            rect = pdfium_c.FS_RECTF()
            for k, ch in enumerate(text[:n]):
                if ch.isspace():
                    continue
                # Loose boxes (font ascent to descent) put punctuation and digits on their line's band.
                pdfium_c.FPDFText_GetLooseCharBox(raw_tp, k, rect)
                chars.append((ch, rect.left, height - rect.top, rect.right, height - rect.bottom, k))
            vr, hr = _rules(page, height)
            pages.append(Page(i + 1, page.get_width(), height, _words(chars, vr), vr, hr, len(chars)))
            tp.close()
            page.close()
        return pages
    finally:
        pdf.close()


ERRORS = {
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF, or a truncated or corrupt one",
    pdfium_c.FPDF_ERR_FILE: "the file cannot be read",
    pdfium_c.FPDF_ERR_PASSWORD: "the PDF is encrypted (password protected): decrypt it first",
    pdfium_c.FPDF_ERR_SECURITY: "the PDF uses an unsupported security handler",
}


def open_pdf(path: str | Path | bytes) -> pdfium.PdfDocument:
    if isinstance(path, (str, os.PathLike)) and not Path(path).is_file():
        raise PdfError(f"no such file: {path}")
    try:
        pdf = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        raise PdfError(ERRORS.get(code, f"PDFium cannot open it ({exc})")) from None
    if len(pdf) == 0:
        pdf.close()
        raise PdfError("the PDF has no pages")
    return pdf
