"""The contents page (目录) of a PDF disclosure, and what the package records of what was read.

``contents(doc, template, found)``: the table titles the 目录 lists, the line of the 目录, and which of
them the ingest found in the document. ``template_record(template, found)``: what the family's documents
contain (its ``[requires]``) and which of those parts the PDF ingest does not read, with the reason, as
distinct from absent. Both go into the package's ``disclosure.toml`` (``contents``, ``template``) for the
audit's completeness rules.
"""

from __future__ import annotations

import re

from gzanalysis.ingest.pdf.header import clean
from gzanalysis.ingest.pdf.tables import Document, Table
from gzanalysis.ingest.pdf.templates import Template, normalise_title

CONTENTS_TITLE = "目录"
CONTENTS_PAGES = 3  # the 目录 runs over at most this many pages
_PAGE_REF = re.compile(r"[.…·\-—\s\d]+$")  # dot leaders and a page number after a title

# Where the reader finds no narrative (情况说明) in the document: no sentence compares with last year.
NARRATIVE_NOT_READ = (
    "the document prints no narrative the ingest recognises (no sentence compares with last year); "
    "its text is in source.txt"
)


def contents(doc: Document, template: Template, found: list[Table]) -> dict | None:
    """The 目录's table titles (as printed, without numbering), its line, and those found as tables.

    The 目录 ends at its first line printed again (the body repeats the first part's heading) or after
    ``CONTENTS_PAGES`` pages. A line is a table title where the template knows it (any of its tables).
    """
    start = next(
        ((p, line) for p in doc.pages for line in p.lines if clean(line.text) == CONTENTS_TITLE), None
    )
    if start is None:
        return None
    page, first = start
    at = doc.pages.index(page)
    lines = [line for p in doc.pages[at : at + CONTENTS_PAGES] for line in p.lines]
    after = next(i for i, line in enumerate(lines) if line is first) + 1
    seen: set[str] = set()
    listed: list[tuple[str, str]] = []  # (title without numbering, template key)
    for line in lines[after:]:
        text = _PAGE_REF.sub("", clean(line.text)) or clean(line.text)
        if text in seen:
            break  # the body begins: it prints the first part's heading again
        seen.add(text)
        spec = template.match_title(normalise_title(text))
        if spec is None and "表" in text:  # a title the family does not print: by its words
            spec, _ = template.identify(normalise_title(text))
        if spec is not None:
            listed.append((normalise_title(text), spec.key))
    if not listed:
        return None
    keys = {t.spec.key for t in found if t.spec}
    return {
        "tables": [title for title, _ in listed],
        "found": [title for title, key in listed if key in keys],
        "source_line": doc.line_number(first),
        "keys": [key for _, key in listed],
    }


# Where the document prints no project performance tables (项目支出绩效目标表), as distinct from one not read.
PROJECTS_NOT_PRINTED = "the document prints no project performance tables (项目支出绩效目标表)"
NO_LEVELS = (
    "no header with the indicator levels (二级指标, 三级指标 and 指标值) under its title, which the indicators "
    "table needs; kept in pdf_cells"
)


def template_record(
    template: Template,
    found: list[Table],
    listed: dict | None = None,
    known: bool = True,
    narrative=None,
    performance=None,
) -> dict:
    """The family's requirements and what of them the ingest did not read (``not_read``: part → reason).

    A document of no known family (``known`` False) requires what its own contents (目录) list, or what was
    found where it has none; its narrative sections are not known."""
    requires = template.requires
    if not known:
        keys = set(listed["keys"]) if listed else {t.spec.key for t in found if t.spec}
        resources = [
            spec.resource or spec.unread_resource for key, spec in template.tables.items() if key in keys
        ]
        requires = {"tables": [r for r in dict.fromkeys(resources) if r], "sections": []}
    not_read, not_printed = {}, {}
    read_projects = performance is not None and performance.projects
    for t in found:
        if t.spec and t.spec.unread_resource and not read_projects:
            if performance is not None and set(t.pages) & performance.pages:
                continue  # its header was read, but it holds no project (a blank form): said in findings
            not_read[t.spec.unread_resource] = (
                f"printed ({clean(t.title)}, pages {t.pages[0]}–{t.pages[-1]}), not read: {NO_LEVELS}"
            )
    if performance is not None and performance.failed:
        not_read["projects"] = performance.failed
    elif performance is not None and not read_projects and "projects" not in not_read:
        # the department-wide tables (部门整体) and blank forms the reader saw, where it saw any
        not_printed["projects"] = "; ".join(
            [PROJECTS_NOT_PRINTED, *performance.not_read, *performance.findings]
        )
    if narrative is None or not narrative.read:
        not_read["narrative"] = NARRATIVE_NOT_READ
    record = {
        "name": template.name,
        "tables": list(requires.get("tables", [])),
        "sections": list(requires.get("sections", [])),
        "not_read": not_read,
    }
    if not_printed:
        record["not_printed"] = not_printed
    if narrative is not None:  # each required section: the line of its heading, where printed
        record["sections_found"] = dict(narrative.sections_found)
    return record
