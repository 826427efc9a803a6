"""Errata of a PDF: a correction of a value as printed, tied to a page, with its proof.

The same ``errata.csv`` as the OCR ingest's (``gzanalysis.ingest.errata``), with ``page`` (the PDF page) in
place of ``source_line``: ``row, table, page, record, field, printed, corrected, kind, proof`` (and, optionally,
``proof_zh``, the proof in Chinese). ``table`` is
the standard resource, ``record`` the row's code (empty: any row of that page), ``field`` the standard field,
``printed`` the text as printed in the cell (``1,302.95``), ``corrected`` the value used (empty: blank).
An erratum applies only where a row of that resource, on that page, holds the printed value in that field;
one that applies nowhere is reported, never forced. The package's ``errata.csv`` records each applied
erratum with the line of ``source.txt`` it applied to, and its page in the proof.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gzanalysis.ingest.errata import Erratum
from gzanalysis.ingest.pdf.header import clean
from gzanalysis.ingest.pdf.standard import amount
from gzanalysis.package.layout import layout

COLUMNS = ["row", "table", "page", "record", "field", "printed", "corrected", "kind", "proof"]


def read(path: str | Path | None) -> list[Erratum]:
    """The errata of ``path`` (none for None)."""
    if path is None:
        return []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return [Erratum({k: (v or "") for k, v in r.items()}) for r in csv.DictReader(fh)]


def _as_value(text: str, is_amount: bool) -> str | None:
    text = clean(text)
    if not text:
        return None
    return amount(text, "万元") if is_amount else text


def apply(errata: list[Erratum], tables: dict[str, list[dict]]) -> list[str]:
    """Apply the errata to the mapped rows (``_row`` gives each row's page) in place; the problems found
    (an erratum without a page, on an unknown field, or that applies nowhere) are returned."""
    problems = []
    for e in errata:
        res = layout().get(e.table)
        page = e.row.get("page", "")
        if res is None or e.field not in res.field_names or not page.isdigit():
            problems.append(
                f"erratum {e.row.get('row', '?')}: needs a standard table, one of its fields and a page "
                f"(table {e.table!r}, field {e.field!r}, page {page!r})"
            )
            continue
        is_amount = res.field(e.field).is_amount
        printed = _as_value(e.printed, is_amount)
        for r in tables.get(e.table, []):
            row = r.get("_row")
            if row is None or str(row.page) != page or r.get(e.field) != printed:
                continue
            if e.record and r.get("code") != e.record:
                continue
            r[e.field] = _as_value(e.corrected, is_amount)
            e.row["source_line"] = r["source_line"]
            e.used = True
            break
        if not e.used:
            problems.append(
                f"erratum {e.row.get('row', '?')} ({e.table}, page {page}, {e.field}): no cell printed "
                f"{e.printed!r} there; not applied"
            )
    return problems


def package_rows(errata: list[Erratum]) -> list[dict]:
    """The applied errata as rows of the package's ``errata`` resource (page kept in the proof)."""
    out = []
    for n, e in enumerate((e for e in errata if e.used), 1):
        out.append(
            {
                "row": str(n),
                "table": e.table,
                "source_line": e.row["source_line"],
                "record": e.record or None,
                "field": e.field,
                "printed": e.printed or None,
                "corrected": e.corrected or None,
                "kind": e.kind,
                "proof": f"page {e.row['page']}: {e.row.get('proof', '')}",
                # the errata file's Chinese proof, where it gives one (its column proof_zh is optional)
                "proof_zh": f"第{e.row['page']}页：{e.row['proof_zh']}" if e.row.get("proof_zh") else None,
            }
        )
    return out


__all__ = ["COLUMNS", "apply", "package_rows", "read"]
