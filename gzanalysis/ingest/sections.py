"""Find the parts of a disclosure in its text: the tables by their titles (or, where the OCR lost the
title, by their column header), the project performance tables, the narrative and the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gzanalysis.ingest.text import nospace
from gzanalysis.package.layout import layout

# Tables whose title is printed above them; the usual variants differ in quotes, spaces and a numbering.
TABLES = [
    "budget_summary",
    "income_by_function",
    "expenditure_by_function",
    "fiscal_summary",
    "general_budget_expenditure",
    "general_budget_basic_expenditure",
    "three_public_expenses",
    "government_fund_expenditure",
    "state_capital_expenditure",
]
# Where the title is lost, a table is recognised by its column header.
HEADER_SIGNATURES = {"income_by_function": ("科目编码", "上年结转", "事业收入")}

_QUOTES = re.compile(r"[\"“”'‘’「」]")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|附表\d+[:、.]?|表\d+[:、.]?|\d+[、.])")
_PROJECT_START = re.compile(r"^(?:项目支出绩效目标表)?\(\d{4}年度\)")


def title_key(text: str) -> str:
    """A title compared without spaces, quotes and a leading numbering: all variants give one key."""
    return _NUMBERING.sub("", _QUOTES.sub("", nospace(text).replace("(", "(").replace(")", ")")))


def _title_of(key: str, titles: dict[str, str]) -> str | None:
    """The table whose title the line (given as its key without spaces) is, if any."""
    if len(key) > 30 or "\t" in key:
        return None
    return titles.get(title_key(key))


@dataclass(frozen=True)
class Section:
    name: str  # a table's resource name, or toc, part1, tables, project, narrative, glossary, front
    start: int  # first line (1-based), the title or marker
    end: int  # last line (inclusive)


def find_sections(lines: list[str]) -> list[Section]:
    """Sections in document order; every line belongs to exactly one."""
    titles = {title_key(layout()[name].title): name for name in TABLES}
    keys = [nospace(line).replace("(", "(").replace(")", ")") for line in lines]
    markers: list[tuple[int, str]] = [(1, "front")]
    n = len(lines)
    i = 0
    # The table of contents repeats the part headings: it runs from 目录 to the second 第一部分.
    toc = next((k for k, key in enumerate(keys) if key == "目录"), None)
    if toc is not None:
        later = [k for k in range(toc + 1, n) if keys[k].startswith("第一部分")]
        if len(later) >= 2:
            markers.append((toc + 1, "toc"))
            i = later[1]
    found: set[str] = set()
    while i < n:
        key = keys[i]
        name = None
        if key.startswith("第一部分"):
            name = "part1"
        elif key.startswith("第二部分"):
            name = "tables"
        elif key.startswith("第三部分"):
            name = "narrative"
        elif key.startswith("第四部分"):
            name = "glossary"
        elif _PROJECT_START.match(key):
            name = "project"
        elif (table := _title_of(key, titles)) and table not in found:
            name = table
        else:
            for table, words in HEADER_SIGNATURES.items():
                if (
                    table not in found
                    and "\t" in lines[i]
                    and words[0] in key
                    and all(w in key for w in words)
                ):
                    name = table
        if name:
            found.add(name)
            markers.append((i + 1, name))
        i += 1
    sections = []
    for (start, name), nxt in zip(markers, markers[1:] + [(n + 1, "")], strict=True):
        sections.append(Section(name, start, nxt[0] - 1))
    return sections
