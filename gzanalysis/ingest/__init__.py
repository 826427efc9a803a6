"""Ingest: a raw disclosure (OCR text today) in, the standard data package (``package``) out.

Stands on ``package`` (the layout it writes) and may run ``audit`` on what it read.

``ingest(text_or_path, errata=None) -> IngestResult`` finds the tables by their titles, reads their rows,
completes the codes, reads the project tables, the narrative's statements, the staffing counts and the
glossary, and applies the errata — the only corrections it makes. ``IngestResult.report`` reconciles the
text with the package: every line used or skipped with its reason, rows per table, every correction, and
every value that could not be read (left empty, with a suggested erratum where an identity pins it down).

>>> from gzanalysis.package.load import data_root
>>> raw = data_root() / "raw" / "ganzhou-xzspj-2023.txt"
>>> result = ingest(raw, errata=data_root() / "ganzhou-xzspj-2023" / "errata.csv")
>>> result.report.rows["expenditure_by_function"], result.report.counts()["lines"]
(54, 786)
>>> result.report.unresolved
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gzanalysis.ingest.context import Ctx
from gzanalysis.ingest.errata import Errata
from gzanalysis.ingest.narrative import Narrative, read_glossary, read_staffing
from gzanalysis.ingest.projects import read_project
from gzanalysis.ingest.report import Report
from gzanalysis.ingest.sections import find_sections
from gzanalysis.ingest.tables import read_classified, read_summary, read_three_public
from gzanalysis.ingest.text import IngestError, nospace, read_source
from gzanalysis.package.layout import layout

__all__ = ["IngestError", "IngestResult", "ingest"]

SUMMARY = {"budget_summary", "fiscal_summary"}


@dataclass
class IngestResult:
    """The tables (resource name → rows of strings, as written), the errata used, the report, the metadata."""

    tables: dict[str, list[dict]]
    errata: Errata
    report: Report
    meta: dict = field(default_factory=dict)

    def frames(self):
        """The tables as DataFrames typed like ``gz.load`` (without the generated code lists)."""
        import io

        import pandas as pd

        from gzanalysis.package.load import DTYPES

        out = {}
        for name, text in self.csv_texts().items():
            res = layout()[name]
            dtypes = {f.name: DTYPES[f.type] for f in res.fields}
            out[name] = pd.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values=[""])
        return out

    def csv_texts(self) -> dict[str, str]:
        from gzanalysis.ingest.write import csv_text

        texts = {name: csv_text(layout()[name].field_names, rows) for name, rows in self.tables.items()}
        texts["errata"] = (
            self.errata.to_csv() if self.errata.columns else csv_text(layout()["errata"].field_names, [])
        )
        return texts

    def write(self, out: str | Path) -> Path:
        from gzanalysis.ingest.write import write

        return write(self, Path(out))


def _meta(lines: list[str], source: str | None) -> dict:
    meta: dict = {}
    for line in lines[:5]:
        if m := re.match(r"^\s*(\S+?)\s*(\d{4})\s*年\s*(?:单位|部门)预算公开", line):
            meta["unit"], meta["year"] = m.group(1), int(m.group(2))
            meta["previous_year"] = meta["year"] - 1
            break
    for line in lines[:120]:
        if m := re.search(r"\[(\d{3,})\]", line):
            meta["unit_code"] = m.group(1)
            break
    if source:
        meta["raw_text"] = source
    return meta


def ingest(text_or_path: str | Path | bytes, errata: str | Path | Errata | None = None) -> IngestResult:
    """Read a disclosure's OCR text (a path, the text itself, or raw bytes) into the standard tables."""
    text, decode_warnings, source = read_source(text_or_path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        raise IngestError("the text is empty", 1)
    errata = errata.fresh() if isinstance(errata, Errata) else Errata.read(errata)
    report = Report(n_lines=len(lines))
    for w in decode_warnings:
        report.warn(w)
    ctx = Ctx(lines, errata, report)
    sections = find_sections(lines)
    found = {s.name for s in sections}
    if not found & set(layout()):
        raise IngestError(
            f"no table of the standard layout found in {len(lines)} lines (no title such as 收支预算总表)", 1
        )

    tables: dict[str, list[dict]] = {
        name: [] for name in layout() if name not in ("errata", "functional_codes", "economic_codes")
    }
    narrative = Narrative(ctx)
    pid = 0
    for sec in sections:
        if sec.name in SUMMARY:
            tables[sec.name] = read_summary(ctx, sec, sec.name)
        elif sec.name == "three_public_expenses":
            tables[sec.name] = read_three_public(ctx, sec)
        elif sec.name in layout() and layout()[sec.name].classification:
            tables[sec.name] = read_classified(ctx, sec, sec.name)
        elif sec.name == "project":
            project, indicators = read_project(ctx, sec, f"P{pid + 1}")
            if project is not None:
                pid += 1
                tables["projects"].append(project)
                for row in indicators:
                    row["row"] = str(len(tables["indicators"]) + 1)
                    tables["indicators"].append(row)
        elif sec.name == "narrative":
            narrative.read(sec.start, sec.end)
        elif sec.name == "glossary":
            tables["glossary"] = read_glossary(ctx, sec.start, sec.end)
        elif sec.name == "part1":
            staff = next(
                (n for n in range(sec.start, sec.end + 1) if "机构设置" in nospace(lines[n - 1])), None
            )
            if staff is not None:
                report.use(staff, "staffing", "section heading")
                tables["staffing"] = read_staffing(ctx, staff + 1, sec.end)
        if sec.name in ("part1", "tables", "narrative", "glossary", "toc"):
            report.use(sec.start, sec.name, "part heading")
        for n in range(sec.start, sec.end + 1):
            if n not in report.lines:
                reason = {
                    "toc": "table of contents",
                    "front": "title page",
                    "part1": "单位概况 text: duties, not tabulated",
                    "tables": "part heading",
                    "narrative": "narrative text without a figure of the tables",
                    "glossary": "glossary text without an entry",
                    "project": "project table heading",
                }.get(sec.name, "not part of a table")
                report.skip(n, sec.name, "blank" if not lines[n - 1].strip() else reason)
    tables["narrative_changes"], tables["narrative_figures"] = narrative.changes, narrative.figures
    tables["narrative_unparsed"] = narrative.unparsed
    if narrative.unparsed:
        report.warn(
            f"narrative: {len(narrative.changes)} change statements read, {len(narrative.unparsed)} kept "
            "unparsed (narrative_unparsed, with the reason)"
        )
    if lines[0].strip():
        report.use(1, "front", "title: unit and year")

    for name in tables:
        report.rows[name] = len(tables[name])
    for name in layout():
        if (
            name in tables
            and not tables[name]
            and name not in ("government_fund_expenditure", "state_capital_expenditure", "narrative_unparsed")
        ):
            report.warn(
                f"table {name}: no rows read"
                + ("" if name in found or name in ("projects", "indicators") else " (title not found)")
            )
    for e in errata.unused():
        report.warn(
            f"line {e.line}: erratum {e.row.get('row', '')} ({e.table}.{e.field}, {e.kind}) did not apply: "
            f"the printed text {e.printed!r} is not where it says"
        )
    return IngestResult(tables=tables, errata=errata, report=report, meta=_meta(lines, source))
