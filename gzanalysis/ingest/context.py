"""What every reader shares: the lines, the errata, the report, the code lists."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from gzanalysis.ingest.errata import Errata
from gzanalysis.ingest.report import Report
from gzanalysis.ingest.text import fmt2, number_token

UNRESOLVED = object()


@cache
def code_names(classification: str) -> dict[str, str]:
    """Official names by code, from data/classifications/."""
    from gzanalysis.package.load import data_root

    with (data_root() / "classifications" / f"{classification}.csv").open(encoding="utf-8", newline="") as fh:
        return {r["code"]: r["name_zh"] for r in csv.DictReader(fh)}


@cache
def top_codes(classification: str) -> dict[str, str]:
    """类 codes by official name (e.g. 一般公共服务支出 → 201)."""
    return {name: code for code, name in code_names(classification).items() if len(code) == 3}


@dataclass
class Ctx:
    lines: list[str]
    errata: Errata
    report: Report

    def line(self, n: int) -> str:
        return self.lines[n - 1]

    def set_aside(self, table: str, n: int) -> bool:
        """Whether an erratum sets the whole line aside (reported as skipped with its kind)."""
        e = self.errata.take(table, n, "line", self.line(n))
        if e is None:
            return False
        self.report.correct(table, n, "line", e)
        self.report.skip(n, table, f"{e.kind}: set aside by erratum {e.row.get('row', '')}")
        return True

    def amount(self, table: str, n: int, field: str, cell: str):
        """The amount of a cell, formatted with two decimals; None for a blank cell; UNRESOLVED (and a
        report entry) where the printed text is not one unambiguous number and no erratum covers it."""
        e = self.errata.take(table, n, field, cell)
        if e is not None:
            self.report.correct(table, n, field, e)
            if not e.corrected:
                return None
            token = number_token(e.corrected)
            if token is None:
                self.report.warn(f"line {n}: erratum {e.row.get('row')} gives {e.corrected!r}, not a number")
                return UNRESOLVED
            return fmt2(float(token))
        if not cell.strip():
            return None
        token = number_token(cell)
        if token is None:
            return UNRESOLVED
        return fmt2(float(token))

    def text(self, table: str, n: int, field: str, value: str) -> tuple[str, bool]:
        """A text value with its erratum applied (whole value or the printed part of it)."""
        e = self.errata.take(table, n, field, value)
        if e is None:
            return value, False
        self.report.correct(table, n, field, e)
        if not e.printed or value.strip() == e.printed.strip():
            return e.corrected, True
        parts = [p for p in e.printed.split("\t") if p]
        if len(parts) == 1 and parts[0] in value:
            return value.replace(parts[0], e.corrected), True
        return e.corrected, True
