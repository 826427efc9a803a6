"""What the template-driven rules share: rows keyed across tables, checks that hold or not, minor findings.

The rules of ``codes_match``, ``bounds``, ``empty_tables``, ``fund_totals``, ``completeness`` and ``years``
take their tables from ``gzanalysis/package/template.toml``; this module turns a table into what they compare.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from gzanalysis.audit.checks import Check
from gzanalysis.package.codes import level


@dataclass
class MinorCheck(Check):
    """A check whose failure is a ``minor`` finding: wording, not figures (a stale year, a copied note).

    Counts and flags, so exact: it holds (``ok``) or it does not (``minor``).
    """

    kind: str = "exact"

    @property
    def status(self) -> str:
        return "ok" if Check.status.fget(self) == "ok" else "minor"


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
