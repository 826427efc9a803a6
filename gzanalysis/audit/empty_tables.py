"""An empty fund table is stated consistently: its note, the narrative and the fund's columns agree.

For each fund budget of ``funds`` in ``gzanalysis/package/template.toml`` whose expenditure table the
package's template prints (``completeness.required``) and has no rows: the table's note (备注) names that fund and says it has none (a note copied from the other fund's
table names the wrong one); the fund's columns in the all-funds tables are blank (or zero); the narrative's
section on the fund says it has none (read in the raw text, where the package has it). A column the
document's table does not print, or a narrative the ingest did not read (``d.meta["template"]["not_read"]``),
is not checked: its row says why (status ``info``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from gzanalysis.audit.checks import Check, num
from gzanalysis.audit.completeness import required
from gzanalysis.audit.rules import flag, not_checked, not_read, raw_text, shape_problem
from gzanalysis.package.layout import layout
from gzanalysis.package.template import template

# A section heading of 第三部分: (四)政府性基金情况; the parts and their numbered headings end a section.
_HEADING = re.compile(r"^\s*-?\s*[(（][一二三四五六七八九十]+[)）]\s*(.*)$")
_PART = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)")


def _says_none(text: str) -> bool:
    return any(w in text for w in template()["empty_tables"]["none_words"])


def narrative_section(lines: list[str], name: str) -> tuple[str, int] | None:
    """The text of the narrative's section whose heading names ``name``, and the line its text starts on.

    Searched after the last heading of 第三部分 (the contents list the parts first); None if absent.
    """
    starts = [i for i, s in enumerate(lines) if s.strip().startswith("第三部分")]
    if not starts:
        return None
    for i in range(starts[-1] + 1, len(lines)):
        m = _HEADING.match(lines[i])
        if m and name in m.group(1):
            body, first = [], None
            for n, s in enumerate(lines[i + 1 :], start=i + 2):
                if _HEADING.match(s) or _PART.match(s):
                    break
                if s.strip() and first is None:
                    first = n
                body.append(s.strip())
            return "".join(body), first or i + 1
    return None


def pdf_section(lines: list[str], name: str) -> tuple[str, int] | None:
    """As ``narrative_section``, in a PDF's text layer (words joined, no 第三部分 heading required): the
    text under the last numbered heading that names ``name`` with text under it (the contents, 目录,
    list the headings first)."""
    text = [unicodedata.normalize("NFKC", s.replace("\t", "")).strip() for s in lines]
    found = None
    for i, s in enumerate(text):
        if len(s) <= 40 and name in s and (_HEADING.match(s) or _PART.match(s)):
            body, first = [], None
            for n, t in enumerate(text[i + 1 :], start=i + 2):
                if t.startswith("[page ") or not t:
                    continue
                if _HEADING.match(t) or _PART.match(t):
                    break
                first = first or n
                body.append(t)
            if body:
                found = ("".join(body), first)
    return found


def empty_tables(d) -> Iterator[Check]:
    spec = template()
    notes = d.meta.get("notes", {})
    raw = raw_text(d)
    in_template = required(d)[1]  # the tables the package's template prints
    for fund in spec["funds"]:
        res = layout()[fund["table"]]
        if not d.table(res.name).empty or res.name not in in_template:
            # a table with rows: its figures are checked against the fund columns (fund_totals); a table
            # the template does not print has no note to check (completeness reports a missing one)
            continue
        others = [n for f in spec["funds"] if f is not fund for n in f["names"]]
        note = notes.get(res.name, "")
        names_own = any(n in note for n in fund["names"]) and not any(n in note for n in others)
        common = dict(family="empty_tables", fund=fund["fund"], tables=[res.title])
        yield flag(
            bool(note) and names_own and _says_none(note),
            minor=True,
            rule=f"empty_tables.{fund['fund']}.note",
            description_zh=f"空表{res.title}的备注说明本基金无收支",
            description_en=f"the empty {res.title_en} carries a note saying this fund has none",
            lhs_label=f"备注: {note or '(无备注)'}",
            rhs_label=f"names {'/'.join(fund['names'])} and says none",
            **common,
        )
        for table, column in fund["columns"]:
            t = d.table(table)
            printed = t[t[column].notna() & (t[column] != 0)]
            col_res = layout()[table]
            about = dict(
                rule=f"empty_tables.{fund['fund']}.{table}.{column}",
                description_zh=f"{res.title}无数据: {col_res.title}「{col_res.field(column).title}」栏为空",
                description_en=f"{res.title_en} is empty: the {column} column of {col_res.title_en} is blank",
            )
            problem = shape_problem(d, table, column)
            if problem:
                yield not_checked(problem, **about, **{**common, "tables": [res.title, col_res.title]})
                continue
            yield Check(
                **about,
                lhs_label=f"{col_res.title} {column}: Σ of {len(printed)} printed non-zero cells",
                lhs=sum(num(v) for v in printed[column]),
                rhs_label="0 (blank)",
                rhs=0.0,
                figures=1,
                source_lines=[int(v) for v in printed["source_line"]],
                kind="exact",
                **{**common, "tables": [res.title, col_res.title]},
            )
        if raw is None:
            continue  # the section's text is in the raw text only
        about = dict(
            rule=f"empty_tables.{fund['fund']}.narrative",
            description_zh=f"{res.title}为空: 说明「{fund['section']}」一节说明无此项支出",
            description_en=f"{res.title_en} is empty: the narrative's section on it says there is none",
        )
        unread = not_read(d, "narrative")
        if unread:
            yield not_checked(unread, **about, **common)
            continue
        pdf = isinstance(d.meta.get("template"), dict)  # a PDF ingest records its template
        found = narrative_section(raw, fund["section"]) if not pdf else pdf_section(raw, fund["section"])
        if found is None and pdf:
            yield not_checked(
                f"no heading of the text names the section on {fund['section']}", **about, **common
            )
            continue
        yield flag(
            found is not None and _says_none(found[0]),
            minor=True,
            **about,
            lhs_label=f"说明: {found[0][:60] if found else '(未找到该节)'}",
            rhs_label="says none",
            source_lines=[found[1]] if found else [],
            **common,
        )
