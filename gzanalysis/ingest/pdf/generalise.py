"""How well the reader generalises: each document read as it is, and again with its own family withheld.

A template family (``templates/*.toml``) says what a city's documents do differently. A reader fitted to
those files would read the cities it has a family for and nothing else; a user's first document is almost
always from a city with none. ``withheld(paths)`` reads every document twice — with every family, and
with the family it was detected as left out (so it is read as a document of an unknown city) — and says
for each whether its summary's grand totals and every 类 of its expenditure table read right
(``selfcheck.reads_right``). The tests and ``make bench`` print the same table.

The narrative is measured the same way, by city: ``narrative_withheld(paths)`` finds the phrasings of
``narrative.toml`` that only one city's documents use (withholding one changes some statement read from
that city's narratives and from no other's), and reads each city's narratives with its own withheld, as
the narrative of a city never seen would be read; it counts the headline statements (income and
expenditure, ``headlines``) read with the amount and change of the full reading (which the tests hold to
the printed ones), and of those, how many with its basis too (上年预算 / 上年执行 / 上年).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from gzanalysis.audit.narrative import headlines
from gzanalysis.ingest.pdf import PdfError, ingest_pdf
from gzanalysis.ingest.pdf.reader import narrative_again
from gzanalysis.ingest.pdf.selfcheck import reads_right
from gzanalysis.ingest.statements import phrasings, phrasings_in_use


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


@dataclass
class NarrativeGeneralisation:
    document: str
    city: str
    headlines: int  # headline statements the full reading has (income, expenditure)
    right_withheld: int  # … read with the same amount and change, the phrasings only this city uses withheld
    basis_withheld: int  # … and with the same basis (上年预算 / 上年执行 / 上年)
    withheld: list[str] = field(default_factory=list)  # those phrasings, as "grammar.increase: 净增"


NEVER = "(?!)"  # a pattern that matches nothing: a phrasing withheld without moving the others


def _phrasing_keys(p: dict) -> list[tuple[str, str, int]]:
    """Every phrasing a statement is read with: each word list's entries, each single pattern, each rule
    of ``items`` and ``headings`` (not the names given to what is read, nor the unparsed sentences')."""
    keys = []
    for key, value in p["grammar"].items():
        if key in ("joint_items", "joint_fiscal_item"):
            continue
        keys += (
            [("grammar", key, i) for i in range(len(value))]
            if isinstance(value, list)
            else [("grammar", key, 0)]
        )
    return keys + [(kind, "", i) for kind in ("items", "headings") for i in range(len(p[kind]))]


def _describe(p: dict, key: tuple[str, str, int]) -> str:
    kind, name, i = key
    if kind != "grammar":
        return f"{kind}: {p[kind][i]['pattern']}"
    value = p["grammar"][name]
    return f"grammar.{name}: {value[i] if isinstance(value, list) else value}"


def _without(p: dict, keys) -> dict:
    q = copy.deepcopy(p)
    for kind, name, i in keys:
        if kind != "grammar":
            q[kind][i]["pattern"] = NEVER
        elif isinstance(q["grammar"][name], list):
            q["grammar"][name][i] = NEVER
        else:
            q["grammar"][name] = NEVER
    return q


def _statements(reading) -> list[dict]:
    return narrative_again(reading).changes


def _heads(rows: list[dict]) -> dict[str, tuple]:
    return {side: (r["amount"], r["change"], r["compared_with"]) for side, r in headlines(rows).items()}


def narrative_withheld(paths: list[Path]) -> list[NarrativeGeneralisation]:
    """Each document's headline statements read with the phrasings only its own city uses withheld."""
    readings, expected, city = {}, {}, {}
    for path in paths:
        try:
            own = ingest_pdf(path)
            family = own.reading.template
            other = ingest_pdf(path, withhold=(family,)) if family != "national" else own
        except PdfError:
            continue
        name = Path(path).stem
        readings[name] = other.reading
        expected[name] = {
            s: (r["amount"], r["change"], r["compared_with"])
            for s, r in headlines(own.reading.narrative.changes).items()
        }
        city[name] = own.reading.meta.get("city") or name.split("-")[0]
    if len(set(city.values())) < 2:  # with one city, every phrasing it uses is "its own"
        raise ValueError("the narrative's generalisation needs documents of at least two cities")
    full = phrasings()
    read = {n: _statements(r) for n, r in readings.items()}
    used_by: dict[tuple, set[str]] = {}
    for key in _phrasing_keys(full):
        with phrasings_in_use(_without(full, [key])):
            used_by[key] = {city[n] for n, r in readings.items() if _statements(r) != read[n]}
    out = []
    for name, reading in readings.items():
        own_only = [k for k, cities in used_by.items() if cities == {city[name]}]
        with phrasings_in_use(_without(full, own_only)):
            got = _heads(_statements(reading))
        out.append(
            NarrativeGeneralisation(
                document=name,
                city=city[name],
                headlines=len(expected[name]),
                right_withheld=sum(
                    got.get(side, ())[:2] == value[:2] for side, value in expected[name].items()
                ),
                basis_withheld=sum(got.get(side) == value for side, value in expected[name].items()),
                withheld=[_describe(full, k) for k in own_only],
            )
        )
    return out


def narrative_markdown(rows: list[NarrativeGeneralisation]) -> str:
    """The narrative's table as Markdown (README, bench output)."""
    lines = [
        "| document | city | headline statements | amount and change right, own city's phrasings withheld "
        "| … and basis | phrasings withheld |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        withheld = "; ".join(r.withheld).replace("|", "\\|") or "none"
        lines.append(
            f"| {r.document} | {r.city} | {r.headlines} | {r.right_withheld} | {r.basis_withheld} | {withheld} |"
        )
    n, right, basis = (
        sum(getattr(r, k) for r in rows) for k in ("headlines", "right_withheld", "basis_withheld")
    )
    lines.append(
        f"| **{len(rows)} documents** | | **{n}** | **{right} of {n} ({right / n:.0%})** "
        f"| **{basis} of {n} ({basis / n:.0%})** | |"
    )
    return "\n".join(lines)
