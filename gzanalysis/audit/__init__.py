"""``gz.audit(d)``: every accounting identity of a disclosure, checked, with the results as data.

In: a ``Disclosure`` (``package``). Out: one row per check (rule, lhs, rhs, diff, status, source lines).
Stands on ``package`` only; ``ingest`` runs it on what it has just read.

Status of a check:

- ``ok``: the two sides are equal.
- ``rounding``: they differ by no more than rounding can explain. Each published figure is rounded to
  0.01 万元, so it may be off by up to 0.005; a comparison involving *n* published figures (a total and its
  *n − 1* parts, or two copies of one figure) tolerates ``0.005 × n``. The ``tolerance`` column gives it.
- ``material``: a larger difference, which rounding cannot explain: an inconsistency of the disclosure.
- ``minor``: a slip of wording, not of figures (a stale year in the glossary, a note copied from the
  other fund's table): worth correcting, no reason to distrust a number. ``--strict`` ignores it.
- ``info``: not a test: what the figures reveal (e.g. how much of 2022 spending was not fiscal); ``diff``
  is the quantity.
- ``not_checked``: the rule did not run, with the reason in ``note``: it needs a part the ingest did not
  read (a PDF's narrative) or a shape the document's table does not have (an income table by unit, a
  column not printed). Neither a finding nor an assurance.

Findings one fact explains share a ``cause`` (short id) and ``cause_text`` (see ``gzanalysis.audit.causes``).

Counts (staff, number of projects) are exact; limits (staff in post ≤ establishment) are ``ok`` or ``material``.
Which tables must agree, which fund columns belong to which table and what a template requires are
data (``gzanalysis/package/template.toml``), read by the rules of ``codes_match``, ``bounds``,
``empty_tables``, ``fund_totals``, ``completeness`` and ``years``.

Rules that hold only for some units (e.g. where all 其他收入 is spent as function 229) say so in ``note``, and
apply only where the 2023 tables show the condition.

>>> import gzanalysis as gz
>>> findings = gz.audit(gz.load())
>>> findings["status"].value_counts().to_dict()["material"] > 0
True
"""

from __future__ import annotations

import pandas as pd

from gzanalysis.audit import (
    bounds,
    budgets,
    causes,
    codes_match,
    completeness,
    empty_tables,
    fund_totals,
    narrative,
    prior_years,
    projects,
    staffing,
    tables,
    vehicles,
    years,
)
from gzanalysis.audit.checks import COLUMNS, ROUNDING_PER_FIGURE, Check
from gzanalysis.audit.rules import not_checked

FAMILIES = {
    "hierarchy": tables.hierarchy,
    "row": tables.rows,
    "cross_table": tables.cross_tables,
    "balance": tables.balance,
    "narrative": lambda d: [
        *narrative.amounts_vs_tables(d),
        *narrative.parts_add_up(d),
        *narrative.growth_rates(d),
        *narrative.prior_years_agree(d),
        *narrative.fiscal_parts_of_prior_year(d),
    ],
    "budgets": budgets.budgets,
    "projects": projects.projects,
    "staffing": staffing.staffing,
    "codes": lambda d: [*codes_match.codes_match(d), *codes_match.learnt(d)],
    "bounds": bounds.bounds,
    "empty_tables": empty_tables.empty_tables,
    "fund_totals": fund_totals.fund_totals,
    "prior_year": prior_years.prior_years,
    "three_public_vehicles": vehicles.vehicles,
    "completeness": completeness.completeness,
    "years": years.years,
}
STATUS_ORDER = {"material": 0, "minor": 1, "info": 2, "rounding": 3, "ok": 4, "not_checked": 5}


def audit(d) -> pd.DataFrame:
    """Run every check on a loaded disclosure; one row per check, those that hold included.

    Columns: ``rule`` (stable id), ``family``, ``fund``, ``description_zh``, ``description_en``, ``lhs_label``,
    ``lhs``, ``rhs_label``, ``rhs``, ``diff`` (lhs − rhs), ``tolerance``, ``status``, ``note``, ``tables``,
    ``source_lines`` (lines of the raw text, ``;``-separated), ``cause``, ``cause_text`` and ``cause_text_zh`` (the same in Chinese).
    """
    checks: list[Check] = [c for family, run in FAMILIES.items() for c in _run(family, run, d)]
    # The three-public checks come from the row and cross-table runs; their family says so.
    frame = pd.DataFrame([c.as_row() for c in checks], columns=COLUMNS)
    # a rule that did not run compared nothing: no figures, not zeros
    frame.loc[frame["status"] == "not_checked", ["lhs", "rhs", "diff", "tolerance"]] = float("nan")
    duplicated = frame["rule"][frame["rule"].duplicated()].tolist()
    if duplicated:
        raise RuntimeError(f"audit rule ids must be unique: {duplicated}")
    return causes.assign(frame, d.meta.get("year"))


def _run(family: str, run, d) -> list[Check]:
    """The checks of one family. A family whose rules need a table or a row the package lacks (a PDF
    package of what could be read) stops there: what it checked is kept, and one ``not_checked`` row
    says what it needed."""
    out: list[Check] = []
    try:
        out.extend(run(d))
    except (KeyError, IndexError, TypeError) as exc:
        what = exc.args[0] if exc.args else exc
        reason = f"the rest of the {family} rules need a table or row this package lacks ({what})"
        out.append(
            not_checked(
                reason,
                rule=f"{family}.not_run",
                family=family,
                fund="all",
                description_zh=f"{family} 规则未能全部运行:缺少所需的表或行",
                description_en=reason,
            )
        )
    return out


def summary(findings: pd.DataFrame) -> pd.DataFrame:
    """Counts of checks by family and status."""
    return findings.pivot_table(
        index="family", columns="status", values="rule", aggfunc="count", fill_value=0
    )


__all__ = ["ROUNDING_PER_FIGURE", "STATUS_ORDER", "audit", "summary"]
