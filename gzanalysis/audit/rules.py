"""What the template-driven rules share: rows keyed across tables, checks that hold or not, minor findings.

The rules of ``codes_match``, ``bounds``, ``empty_tables``, ``fund_totals``, ``completeness`` and ``years``
take their tables from ``gzanalysis/package/template.toml``; this module turns a table into what they compare.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from gzanalysis.audit.checks import Check
from gzanalysis.package.codes import level
from gzanalysis.package.layout import layout


@dataclass
class MinorCheck(Check):
    """A check whose failure is a ``minor`` finding: wording, not figures (a stale year, a copied note).

    Counts and flags, so exact: it holds (``ok``) or it does not (``minor``).
    """

    kind: str = "exact"

    @property
    def status(self) -> str:
        return "ok" if Check.status.fget(self) == "ok" else "minor"


@dataclass
class NotChecked(Check):
    """A rule that could not run on this package, and why (``note``): its status is ``info``.

    A part the ingest did not read (the narrative of a PDF), or a table whose shape the rule needs and the
    document's table does not have (an income table by unit, not by function; a column not printed): not a
    finding of the document, and not an assurance either.
    """

    kind: str = "exact"

    @property
    def status(self) -> str:
        return "not_checked"


def not_checked(reason: str, **fields) -> NotChecked:
    """The row of a rule that did not run: ``lhs_label`` and ``note`` say why."""
    return NotChecked(
        lhs=0.0, rhs=0.0, figures=0, lhs_label=f"not checked: {reason}", rhs_label="", note=reason, **fields
    )


def structure(d, name: str) -> dict:
    """How the document's table ``name`` differs from the standard one (``d.meta["structure"]``)."""
    return d.meta.get("structure", {}).get(name, {})


def shape_problem(d, name: str, column: str | None = None, side: str | None = None, codes: bool = False):
    """Why table ``name`` lacks the shape a rule needs (None where it has it): ``column`` printed; with
    ``codes``, rows by functional code (not by unit; on ``side`` of a summary table, functions, not kinds)."""
    facts = structure(d, name)
    title = layout()[name].title
    if column and column in facts.get("not_printed", ()):
        return f"{title} prints no column for {column}"
    if codes and facts.get("rows_by", "code") != "code":
        return f"{title} lists its rows by {facts['rows_by']}, not by code"
    if codes and facts.get("read_from"):
        return f"{title} is printed by unit; its 类 are those of {layout()[facts['read_from']].title} (no 款 or 项)"
    if codes and side == "expenditure" and facts.get("expenditure_by", "function") != "function":
        return f"{title} lists its expenditure by {facts['expenditure_by']}, not by function"
    return None


def not_read(d, part: str) -> str | None:
    """Why the ingest did not read ``part`` (a resource, or "narrative") of the document, or None."""
    own = d.meta.get("template")
    return own.get("not_read", {}).get(part) if isinstance(own, dict) else None


def flag(holds: bool, minor: bool = False, **fields) -> Check:
    """A yes/no check as a row of the audit: 1 = 1 where it holds, 0 against 1 where it does not."""
    cls = MinorCheck if minor else Check
    return cls(lhs=1.0 if holds else 0.0, rhs=1.0, figures=1, kind="exact", **fields)


def rows_of(d, name: str, side: str | None = None) -> pd.DataFrame:
    """A table's rows, only those of ``side`` where the table has two sides."""
    t = d.table(name)
    return t[t["side"] == side] if side and "side" in t.columns else t


def codes_of(d, name: str, column: str | None = None, side: str | None = None, levels=None) -> dict[str, int]:
    """The codes a table lists (code → source line): where ``column`` is printed, of ``levels`` only."""
    t = rows_of(d, name, side)
    t = t[t["code"].notna()]
    if column:
        t = t[t[column].notna()]
        if side:  # a summary that prints every 类, those without money as 0.00, lists the others
            t = t[t[column] != 0]
    out = {}
    for code, line in zip(t["code"], t["source_line"], strict=True):
        if levels is None or level(code) in levels:
            out.setdefault(code, int(line))
    return out


def keyed(d, name: str, column: str, totals_only: bool = False) -> dict[str, tuple[float, int]]:
    """A table's ``column`` by row key → (value, source line).

    The key is the code; a row without a code is keyed ``合计`` (the total row of a classified table), or
    by side and role (``expenditure.subtotal``, ``income.total``) or, for a plain item, its label, in a
    two-sided summary table. With ``totals_only``, only rows without a code.
    """
    t = d.table(name)
    out: dict[str, tuple[float, int]] = {}
    for r in t.to_dict("records"):
        code = r.get("code")
        if not pd.isna(code):
            if totals_only:
                continue
            key = code
        elif "side" not in t.columns:
            key = "合计"
        elif r["role"] in ("subtotal", "total"):
            key = f"{r['side']}.{r['role']}"
        else:
            key = f"{r['side']}.{r['item']}"
        out.setdefault(key, (r[column], int(r["source_line"])))
    return out


def raw_text(d) -> list[str] | None:
    """The raw disclosure text where the package has it (shipped and OCR-ingested packages), else None."""
    try:
        return d.raw_lines
    except FileNotFoundError:
        return None
