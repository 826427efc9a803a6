"""How well the reader generalises: each document read as it is, and again with its own family withheld.

A template family (``templates/*.toml``) says what a city's documents do differently. A reader fitted to
those files would read the cities it has a family for and nothing else; a user's first document is almost
always from a city with none. ``withheld(paths)`` reads every document twice — with every family, and
with the family it was detected as left out (so it is read as a document of an unknown city) — and says
for each whether its summary's grand totals and every 类 of its expenditure table read right
(``selfcheck.reads_right``). The tests and ``make bench`` print the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gzanalysis.ingest.pdf import PdfError, ingest_pdf
from gzanalysis.ingest.pdf.selfcheck import reads_right


@dataclass
class Generalisation:
    document: str
    family: str  # the family it is detected as with every family present
    withheld_as: str  # the family it is read as with its own withheld ("national": none matched)
    right: bool  # totals and 类 read right with every family
    right_withheld: bool  # … and with its own family withheld
    by_content: int  # tables recognised by their words (not by a title of the family), family withheld
    problems: str = ""  # what does not read right with the family withheld


def _read(path: Path, withhold: tuple[str, ...] = ()):
    try:
        result = ingest_pdf(path, withhold=withhold)
    except PdfError as exc:
        return None, [str(exc)]
    ok, problems = reads_right(result.reading.tables)
    return result, ([] if ok else problems)


def withheld(paths: list[Path]) -> list[Generalisation]:
    out = []
    for path in paths:
        own, own_problems = _read(path)
        family = own.reading.template if own is not None else "?"
        if family != "national":
            other, problems = _read(path, withhold=(family,))
        else:
            other, problems = own, own_problems
        out.append(
            Generalisation(
                document=Path(path).stem,
                family=family,
                withheld_as=other.reading.template if other is not None else "?",
                right=own is not None and not own_problems,
                right_withheld=other is not None and not problems,
                by_content=sum(t.recognised == "content" for t in other.reading.read) if other else 0,
                problems="; ".join(problems),
            )
        )
    return out


def markdown(rows: list[Generalisation]) -> str:
    """The table as Markdown (README, bench output)."""
    lines = [
        "| document | family | read as, own family withheld | totals and 类 right | … with own family withheld | tables by content |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.document} | {r.family} | {r.withheld_as} | {'yes' if r.right else 'NO'} | "
            f"{'yes' if r.right_withheld else 'NO: ' + r.problems} | {r.by_content} |"
        )
    n = len(rows)
    lines.append(
        f"| **{n} documents** | | | **{sum(r.right for r in rows)} of {n}** | "
        f"**{sum(r.right_withheld for r in rows)} of {n}** | |"
    )
    return "\n".join(lines)
