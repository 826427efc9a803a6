"""A stale year: a year in the glossary or a year-over-year statement that is not this budget's.

A definition or a statement of the 2023 budget speaks of 2023 or of 2022 (the year compared against); any
other year (the seed's glossary: "弥补 2021 年收支差额") is text copied from an earlier disclosure, a
``minor`` finding. Years inside the titles of cited documents and plans (〔2017〕63号, 2035 年远景目标, a
project's stage or deadline) are not this budget's and are left alone: the patterns are ``year_pattern``
and ``not_stale`` in ``gzanalysis/package/template.toml``. The statements are read from the package
(item and reason) and, where the package has it, from the lines of the raw text they were read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gzanalysis.audit.rules import MinorCheck, raw_text
from gzanalysis.package.template import template


@cache
def _patterns() -> tuple[re.Pattern, list[re.Pattern]]:
    spec = template()["years"]
    return re.compile(spec["year_pattern"]), [re.compile(p) for p in spec["not_stale"]]


def stale_years(text: str, year: int, previous: int) -> list[int]:
    """The years of ``text`` that are neither ``year`` nor ``previous``, outside cited titles and plans."""
    year_re, ignore = _patterns()
    covered = [m.span() for p in ignore for m in p.finditer(text)]
    return [
        int(m.group(1))
        for m in year_re.finditer(text)
        if int(m.group(1)) not in (year, previous)
        and not any(a <= m.start(1) and m.end(1) <= b for a, b in covered)
    ]


def _check(rule, where_zh, where_en, text, year, previous, tables, source_lines) -> MinorCheck:
    found = stale_years(text, year, previous)
    return MinorCheck(
        rule=rule,
        family="years",
        fund="all",
        description_zh=f"{where_zh}只提及{year}年或{previous}年",
        description_en=f"{where_en} mentions no year but {year} and {previous}",
        lhs_label="stale years: "
        + (", ".join(map(str, found)) or "none")
        + (f" in「{text[:40]}…」" if found else ""),
        lhs=float(len(found)),
        rhs_label="0",
        rhs=0.0,
        figures=1,
        tables=tables,
        source_lines=source_lines,
    )


def years(d) -> Iterator[MinorCheck]:
    year = d.meta.get("year")
    if year is None:
        return  # a package without its budget year: nothing to compare against
    previous = d.meta.get("previous_year", year - 1)
    for r in d.table("glossary").itertuples():
        yield _check(
            f"years.glossary.{r.row}",
            f"名词解释「{r.term}」",
            f"the glossary's definition of {r.term}",
            str(r.definition),
            year,
            previous,
            ["名词解释"],
            [int(r.source_line)],
        )
    changes = d.table("narrative_changes")
    for r in changes.itertuples():
        text = " ".join(str(v) for v in (r.item, r.reason) if isinstance(v, str))
        yield _check(
            f"years.narrative_changes.{r.row}",
            f"说明「{r.section}」{r.item}的增减说明",
            f"the year-over-year statement on {r.item} ({r.section})",
            text,
            year,
            previous,
            ["预算情况说明"],
            [int(r.source_line)],
        )
    raw = raw_text(d)
    if raw is None:
        return
    pdf = isinstance(d.meta.get("template"), dict)  # a PDF ingest records its template
    spans = sorted(
        {n for a, b in zip(changes["source_line"], changes["end_line"], strict=True) for n in range(a, b + 1)}
    )
    for n in spans:
        yield _check(
            f"years.narrative_text.line{n}",
            f"说明第{n}行(增减说明原文)",
            f"line {n} of the raw text (year-over-year statements)",
            raw[n - 1].replace("\t", "") if pdf else raw[n - 1],  # a PDF's text layer: its words joined
            year,
            previous,
            ["预算情况说明"],
            [n],
        )
