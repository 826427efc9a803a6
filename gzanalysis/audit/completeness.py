"""Completeness: the tables and narrative sections the template requires are there, and the contents agree.

The required lists come from the package's metadata where its ingest recorded a template of its own
(``d.meta["template"] = {"name": …, "tables": [...], "sections": [...]}``, tables by name or Chinese title),
else from the national template (``completeness`` in ``gzanalysis/package/template.toml``). A table is
present when it has rows, or carries a note (an empty table printed with its 备注). Where the package
records its contents (``d.meta["contents"] = {"tables": [titles…], "source_line": n}``), the number of tables
the contents (目录) list equals the number of required tables found; where the ingest also recorded which
of the listed tables it found in the document (``"found"``: the titles, as the contents print them), the
count is of those.

A part the template requires that the ingest did not read (``d.meta["template"]["not_read"]``: a resource,
or ``narrative`` for every section; a PDF ingest reads neither the performance tables nor the narrative)
is not a finding of the document: its row is ``info``, with the reason. A part the document lacks is one.
"""

from __future__ import annotations

from collections.abc import Iterator

from gzanalysis.audit.checks import Check
from gzanalysis.audit.rules import flag, not_checked, not_read
from gzanalysis.package.layout import resource
from gzanalysis.package.template import template

NARRATIVE_TABLES = ("narrative_changes", "narrative_figures")


def required(d) -> tuple[str, list[str], list[dict]]:
    """The template's name, required tables (resource names) and sections: the package's own, or the standard."""
    own = d.meta.get("template")
    standard = template()["completeness"]
    if not isinstance(own, dict):
        return "standard", list(standard["tables"]), list(standard["sections"])
    tables = [resource(t).name for t in own.get("tables", standard["tables"])]
    known = {s["name"]: s for s in standard["sections"]}  # a section named as the standard's, recorded as it
    sections = [
        s if isinstance(s, dict) else known.get(s, {"name": s, "section": s}) for s in own.get("sections", [])
    ]
    return own.get("name", "package"), tables, sections or list(standard["sections"])


def _table_present(d, name: str) -> bool:
    return not d.table(name).empty or name in d.meta.get("notes", {})


def _section_present(d, spec: dict) -> bool:
    own = d.meta.get("template")
    found = own.get("sections_found") if isinstance(own, dict) else None
    if isinstance(found, dict):  # the ingest recorded the line of each section's heading it found
        return spec["name"] in found
    if "resource" in spec:
        return not d.table(spec["resource"]).empty
    return any((d.table(t)["section"] == spec["section"]).any() for t in NARRATIVE_TABLES)


def completeness(d) -> Iterator[Check]:
    name, tables, sections = required(d)
    common = dict(family="completeness", fund="all")
    found = [t for t in tables if _table_present(d, t)]
    for t in tables:
        res = resource(t)
        about = dict(
            rule=f"completeness.table.{t}",
            description_zh=f"模板({name})要求的表「{res.title}」存在",
            description_en=f"the table {res.title_en} that the template ({name}) requires is present",
            tables=[res.title],
            **common,
        )
        unread = not_read(d, t)
        if unread and t not in found:
            yield not_checked(unread, **about)
            continue
        yield flag(
            t in found,
            lhs_label=f"{res.title}: {'found' if t in found else 'missing (no rows, no note)'}",
            rhs_label="required",
            **about,
        )
    unread = not_read(d, "narrative")
    for spec in sections:
        about = dict(
            rule=f"completeness.section.{spec['name']}",
            description_zh=f"模板({name})要求的说明「{spec['name']}」存在",
            description_en=f"the section {spec['name']} that the template ({name}) requires is present",
            **common,
        )
        if unread:
            yield not_checked(unread, **about)
            continue
        own = d.meta.get("template")
        headings = own.get("sections_found") if isinstance(own, dict) else None
        if isinstance(headings, dict) and spec["name"] not in headings:
            # a PDF: no heading of the text names the section as the family's documents do
            yield not_checked(
                f"no heading of the text names the section {spec['name']} (the family's wording); "
                "the document may word it otherwise",
                **about,
            )
            continue
        present = _section_present(d, spec)
        yield flag(
            present,
            lhs_label=f"{spec['name']}: {'found' if present else 'missing'}",
            rhs_label="required",
            **about,
        )
    contents = d.meta.get("contents")
    if isinstance(contents, dict) and "tables" in contents:
        listed = contents["tables"]
        line = contents.get("source_line")
        if "found" in contents:  # the ingest says which listed tables it found in the document
            seen = [t for t in listed if t in contents["found"]]
            absent = [t for t in listed if t not in contents["found"]]
            rhs_label = "found in the document" + (f" (not found: {', '.join(absent)})" if absent else "")
        else:
            seen, rhs_label = found, f"found ({len(found)} of the {len(tables)} required)"
        yield Check(
            rule="completeness.contents_tables",
            description_zh="目录所列表的个数 = 找到的表的个数",
            description_en="the number of tables the contents list equals the number of tables found",
            lhs_label="目录所列表",
            lhs=float(len(listed)),
            rhs_label=rhs_label,
            rhs=float(len(seen)),
            figures=2,
            source_lines=[int(line)] if line else [],
            kind="exact",
            **common,
        )
