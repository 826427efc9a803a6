"""Errata: every correction of the OCR text, tied to a line. The ingest applies them and nothing else.

An erratum names ``table``, ``source_line``, ``field`` (a column, or ``line`` for a whole raw line set
aside), the text as ``printed`` and the value ``corrected`` (empty: the cell is read as blank). An erratum
applies only where its printed text is found; one that applies nowhere is reported, never forced.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from gzanalysis.ingest.text import collapse


@dataclass
class Erratum:
    row: dict[str, str]
    used: bool = False

    @property
    def table(self) -> str:
        return self.row["table"]

    @property
    def line(self) -> int:
        return int(self.row["source_line"])

    @property
    def field(self) -> str:
        return self.row["field"]

    @property
    def printed(self) -> str:
        return self.row.get("printed", "")

    @property
    def corrected(self) -> str:
        return self.row.get("corrected", "")

    @property
    def kind(self) -> str:
        return self.row.get("kind", "")

    @property
    def record(self) -> str:
        return self.row.get("record", "")

    def describe(self) -> str:
        return f"erratum {self.row.get('row', '?')} ({self.kind}): {self.row.get('proof', '')}"

    def matches(self, text: str) -> bool:
        """The printed text is what the OCR gives for the cell (``…`` elides, tabs separate cells)."""
        if not self.printed:
            return not text.strip()
        parts = [p for p in self.printed.replace("…", "\t").split("\t") if p.strip()]
        flat = collapse(text)
        return all(collapse(p) in flat for p in parts)


@dataclass
class Errata:
    columns: list[str] = field(default_factory=list)
    items: list[Erratum] = field(default_factory=list)

    def __post_init__(self):
        self._index: dict[tuple[str, int, str], list[Erratum]] = {}
        for e in self.items:
            self._index.setdefault((e.table, e.line, e.field), []).append(e)
        self._lines = {(t, n) for t, n, _ in self._index}

    @classmethod
    def read(cls, source: str | Path | None) -> Errata:
        if source is None:
            return cls()
        text = (
            Path(source).read_text(encoding="utf-8")
            if isinstance(source, Path) or "\n" not in str(source)
            else source
        )
        reader = csv.DictReader(io.StringIO(text))
        items = [Erratum({k: (v or "") for k, v in r.items()}) for r in reader]
        return cls(columns=list(reader.fieldnames or []), items=items)

    def fresh(self) -> Errata:
        """A copy with no erratum marked used (one per ingest)."""
        return Errata(columns=list(self.columns), items=[Erratum(e.row) for e in self.items])

    def get(self, table: str, line: int, field: str) -> list[Erratum]:
        return self._index.get((table, line, field), [])

    def take(self, table: str, line: int, field: str, text: str) -> Erratum | None:
        """The erratum for this cell whose printed text matches it, marked used."""
        if (table, line) not in self._lines:
            return None
        for e in self.get(table, line, field):
            if e.matches(text):
                e.used = True
                return e
        return None

    def unused(self) -> list[Erratum]:
        return [e for e in self.items if not e.used]

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=self.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(e.row for e in self.items)
        return buf.getvalue()
