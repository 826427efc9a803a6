"""Ingest a 部门/单位预算 PDF (with a text layer) into the standard data package.

``ingest_pdf(path, template=None) -> PdfIngestResult``: the text layer is read with its word positions
(``textlayer``), tables are found by their titles and read by their header cells (``tables``, ``header``),
the template family (``templates/*.toml``) maps headings to standard fields and the rows are mapped onto
the standard resources (``standard``). ``PdfIngestResult.write(out)`` writes the package (through the
OCR ingest's writer) into a temporary folder, loads and audits it, and only then moves it into place:
a failed ingest leaves nothing behind.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from gzanalysis.ingest.pdf.reader import CELL_COLUMNS, STANDARD_TABLES, PdfReading, master_codes, read_pdf
from gzanalysis.ingest.pdf.selfcheck import identities
from gzanalysis.ingest.pdf.textlayer import PdfError
from gzanalysis.ingest.write import csv_text, toml_text
from gzanalysis.package.layout import layout

__all__ = ["PdfError", "PdfIngestResult", "ingest_pdf"]

MARKER = "Ingested by `gzanalysis ingest`"  # in every package description the ingest writes
# Files of a PDF package beside the standard tables, declared in its datapackage.json (not loaded as tables).
EXTRA_RESOURCES = [
    {
        "name": "pdf_cells",
        "path": "pdf_cells.csv",
        "title": "PDF cells",
        "description": "Every printed cell of every table read from the PDF, standard or not: table, title, page, "
        "line of source.txt, row, column, printed heading, the standard field it went to (empty where the "
        "standard table has none: such columns are kept only here), the text as printed and the amount in 万元.",
        "format": "csv",
        "fields": CELL_COLUMNS,
    },
    {
        "name": "source_text",
        "path": "source.txt",
        "title": "Text layer of the PDF",
        "description": "The PDF's text layer, one printed line per line, words separated by tabs, [page N] "
        "before each page; every source_line of the package refers to it.",
        "format": "txt",
    },
]


@dataclass
class PdfIngestResult:
    reading: PdfReading
    source: str
    tables: dict[str, list[dict]] = field(default_factory=dict)
    audit: list[dict] = field(default_factory=list)  # material and rounding findings after writing
    errata_problems: list[str] = field(default_factory=list)  # errata that did not apply
    audited: bool = False  # the audit ran (on the written package)

    @property
    def meta(self) -> dict:
        m = dict(self.reading.meta)
        m["raw_text"] = "source.txt"
        return m

    def csv_texts(self) -> dict[str, str]:
        texts = {}
        for name, res in layout().items():
            if name in ("functional_codes", "economic_codes"):
                continue
            texts[name] = csv_text(res.field_names, self.tables.get(name, []))
        return texts

    def unread(self) -> list[tuple[str, str]]:
        """Standard tables not read, with the reason."""
        read = {t.spec.resource for t in self.reading.read if t.spec and t.spec.resource}
        listed = set((self.reading.contents or {}).get("keys", []))
        tmpl = self.reading.template
        out = []
        for name in STANDARD_TABLES:
            if name not in read:
                where = (
                    "the contents (目录) list it, but no table of the document reads as it"
                    if name in listed
                    else f"not printed: no table's title or header names it (family {tmpl!r})"
                )
                out.append((name, where))
            elif not self.tables.get(name) and name not in (
                "government_fund_expenditure",
                "state_capital_expenditure",
            ):
                out.append((name, "printed, but no row could be read (see the findings)"))
        return out

    @property
    def partial(self) -> bool:
        """Some standard table is printed (or listed in the 目录) but could not be read: the package holds
        what was read, and says what was not (``--strict`` refuses it; a batch records it as partial)."""
        return any(not why.startswith("not printed") for _, why in self.unread())

    def report(self) -> str:
        r = self.reading
        family = r.template if r.template_record.get("sections") or r.template != "national" else "none"
        lines = [
            f"Source: {self.source} ({r.n_pages} pages)",
            f"Template family: {family}"
            + (f" (titles matched per template: {r.template_scores})" if r.template_scores else " (forced)")
            + ("" if family != "none" else "; read by the national template's rules"),
            f"Unit: {r.meta.get('unit', '?')}, year {r.meta.get('year', '?')}"
            + (f", {r.meta['scope']}" if r.meta.get("scope") else ""),
            f"Tables read: {sum(t.recognised == 'title' for t in r.read)} recognised by title, "
            f"{sum(t.recognised == 'content' for t in r.read)} by content (title and header words)",
        ]
        for t in r.read:
            key = t.spec.key if t.spec else "?"
            target = t.spec.resource if t.spec and t.spec.resource else "pdf_cells only"
            if (
                t.spec
                and t.spec.shape == "performance"
                and r.performance
                and set(t.pages) & r.performance.pages
            ):
                target = (
                    "projects and indicators (read by their header: see Performance tables below); pdf_cells"
                )
            rows = len(self.tables.get(t.spec.resource, [])) if t.spec and t.spec.resource else len(t.rows)
            lines.append(
                f"  {key} (by {t.recognised}): {t.title.strip()} — pages {t.pages[0]}–{t.pages[-1]}, "
                f"{len(t.rows)} printed rows → {target} ({rows} rows), unit {t.unit}"
            )
        story = r.narrative
        lines.append(story.summary() if story is not None and story.read else "Narrative: none found")
        if story is not None:
            lines += [
                f"  line {u['source_line']} (page {u['page']}): {u['reason']}: {u['text']}"
                for u in story.unparsed
            ]
        perf = r.performance
        if perf is not None:
            lines.append(perf.summary() + (f"; {perf.failed}" if perf.failed else ""))
            lines += [f"  read: {t}" for t in perf.tables()]
            lines += [f"  not read: {t}" for t in perf.not_read]
            lines += [f"  {t}" for t in perf.findings]
        lines.append("Standard tables not read:")
        lines += [f"  {name}: {why}" for name, why in self.unread()] or ["  none"]
        lines.append(f"Tables not recognised: {len(r.notes)}")
        lines += [f"  {n}" for n in r.notes]
        applied = self.tables.get("errata", [])
        lines.append(f"Errata applied: {len(applied)}")
        lines += [
            f"  {e['table']} {e['field']}: {e['printed']!r} → {e['corrected']!r} ({e['proof']})"
            for e in applied
        ]
        lines += [f"  {p}" for p in self.errata_problems]
        checks = identities(self.reading.tables)
        lines.append(
            f"Identities of the reading: {sum(i.holds for i in checks)} of {len(checks)} hold"
            + "".join(f"\n  {i}" for i in checks if not i.holds)
        )
        lines.append(f"Findings of the reading (values or rows left out or blank): {len(r.findings)}")
        lines += [f"  {n}" for n in r.findings]
        if self.audited:
            material = [a for a in self.audit if a["status"] == "material"]
            lines.append(
                f"Audit of the package: {len(material)} material, {sum(a['status'] == 'rounding' for a in self.audit)} rounding"
            )
            lines += [f"  {a['rule']}: {a['lhs']} vs {a['rhs']} (diff {a['diff']})" for a in material]
        return "\n".join(lines) + "\n"

    def material(self) -> int:
        return sum(a["status"] == "material" for a in self.audit)

    def write(self, out: str | Path, force: bool = False) -> Path:
        """Write the package into ``out`` (refused if ``out`` exists and was not written by gzanalysis,
        unless ``force``); load and audit it before it replaces anything."""
        from gzanalysis.ingest.write import write

        out = Path(out)
        if out.exists() and not force and not written_by_gzanalysis(out):
            raise PdfError(
                f"{out} exists and is not a package gzanalysis wrote: choose another --out or pass --force"
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        try:
            (tmp / "disclosure.toml").write_text(self._disclosure_toml(out.name), encoding="utf-8")
            (tmp / "source.txt").write_text(self.reading.text, encoding="utf-8")
            (tmp / "pdf_cells.csv").write_text(csv_text(CELL_COLUMNS, self.reading.cells()), encoding="utf-8")
            write(self, tmp)  # the descriptor declares the two files above (EXTRA_RESOURCES)
            self.audit, self.audited = _audit(tmp), True
            (tmp / "ingest_report.txt").write_text(self.report(), encoding="utf-8")
            if out.exists():
                shutil.rmtree(out)
            tmp.rename(out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return out

    def _disclosure_toml(self, package_id: str) -> str:
        m = self.reading.meta
        unit, year = m.get("unit", package_id), m.get("year", "")
        units = {t.unit for t in self.reading.read}
        name = Path(self.source).name
        kind, kind_en = ("单位预算", "unit budget") if m.get("scope") else ("部门预算", "department budget")
        top = {
            "id": package_id,
            "title": f"{unit} {year}年{kind}公开",
            "title_en": f"{unit}: {year} {kind_en} disclosure",
            "unit": unit,
        }
        if year:
            top |= {"year": year, "previous_year": year - 1}
        top |= {k: m[k] for k in ("city", "scope") if m.get(k)}
        top |= {
            "currency_unit": "万元",
            "currency_unit_en": "10,000 yuan (CNY)",
            "published_unit": "/".join(sorted(units)) or "万元",
            "raw_text": "source.txt",
            "source": f"{name} (PDF with a text layer, template {self.reading.template})",
            "description": f"{MARKER} from the PDF {name}. source.txt is its text layer, one printed line per line (source_line refers to it); pdf_cells.csv holds every cell of every table read with its page, row and heading, standard or not.",
        }
        tables = [(f"structure.{n}", facts) for n, facts in self.reading.structure.items()]
        if self.reading.table_notes:
            tables.append(("notes", self.reading.table_notes))
        # what the template family requires and what the ingest did not read; the 目录's tables
        record = self.reading.template_record
        tables += [
            (
                "template",
                {k: v for k, v in record.items() if k not in ("not_read", "not_printed", "sections_found")},
            ),
            ("template.not_read", record["not_read"]),
        ]
        if "not_printed" in record:
            tables.append(("template.not_printed", record["not_printed"]))
        if "sections_found" in record:
            tables.append(("template.sections_found", record["sections_found"]))
        if self.reading.contents:
            tables.append(("contents", {k: v for k, v in self.reading.contents.items() if k != "keys"}))
        unread = {name: why for name, why in self.unread() if not why.startswith("not printed")}
        if unread:  # printed (or listed) but not read: the package is partial
            tables.append(("unread", unread))
        return toml_text(top, tables, [("extra_resources", extra) for extra in EXTRA_RESOURCES])


def written_by_gzanalysis(folder: Path) -> bool:
    if folder.is_dir() and not any(folder.iterdir()):
        return True
    dp = folder / "datapackage.json"
    try:
        return MARKER in json.loads(dp.read_text(encoding="utf-8")).get("description", "")
    except (OSError, ValueError):
        return False


def _audit(folder: Path) -> list[dict]:
    import warnings

    from gzanalysis.audit import audit
    from gzanalysis.package.load import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = load(folder)
    findings = audit(d)
    keep = findings[findings["status"] != "ok"]
    return keep[["rule", "lhs", "rhs", "diff", "status"]].to_dict("records")


def _code_lists() -> tuple[dict, dict]:
    from gzanalysis.package import classifications

    root = classifications.national_lists()
    return master_codes(root / "functional.csv"), master_codes(root / "economic.csv")


def ingest_pdf(
    path: str | Path,
    template: str | None = None,
    errata: str | Path | None = None,
    withhold: tuple[str, ...] = (),
) -> PdfIngestResult:
    """Read a budget PDF into the standard tables (nothing is written); ``errata`` is an errata.csv with
    ``page`` (see ``gzanalysis.ingest.pdf.errata``), the only corrections the ingest makes; ``withhold``
    leaves template families out of the detection (the document is read as one of an unknown family)."""
    from gzanalysis.ingest.pdf import errata as pdf_errata
    from gzanalysis.ingest.preflight import check

    check(path)  # size, magic bytes, encryption, pages, page tree, streams: before any page is read
    functional, economic = _code_lists()
    try:
        reading = read_pdf(path, layout(), functional, economic, template, withhold)
    except PdfError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, ArithmeticError) as exc:
        # never a bare traceback: one sentence, with what went wrong
        raise PdfError(f"the reader could not make sense of this document ({exc!r})") from exc
    corrections = pdf_errata.read(errata)
    problems = pdf_errata.apply(corrections, reading.tables)
    tables = {
        name: [{k: v for k, v in r.items() if k != "_row"} for r in rows]
        for name, rows in reading.tables.items()
    }
    tables["errata"] = pdf_errata.package_rows(corrections)
    if reading.narrative is not None:
        tables["narrative_changes"] = reading.narrative.changes
        tables["narrative_figures"] = reading.narrative.figures
        tables["narrative_unparsed"] = reading.narrative.unparsed
    if reading.performance is not None:
        tables["projects"] = reading.performance.projects
        tables["indicators"] = reading.performance.indicators
    return PdfIngestResult(reading=reading, source=str(path), tables=tables, errata_problems=problems)


def cells_frame(folder: str | Path):
    """``pdf_cells.csv`` of a package ingested from a PDF, as a DataFrame (page and row of every value)."""
    import pandas as pd

    text = (Path(folder) / "pdf_cells.csv").read_text(encoding="utf-8")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
