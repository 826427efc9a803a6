"""One audit check and how its status is decided."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

# Half a cent of a 万元 figure: the most that rounding one published figure to 0.01 can move it.
ROUNDING_PER_FIGURE = 0.005
_EPS = 1e-9  # float noise of sums like 0.1 + 0.2

COLUMNS = [
    "rule",
    "family",
    "fund",
    "description_zh",
    "description_en",
    "lhs_label",
    "lhs",
    "rhs_label",
    "rhs",
    "diff",
    "tolerance",
    "status",
    "note",
    "tables",
    "source_lines",
    "cause",
    "cause_text",
    "cause_text_zh",
]


@dataclass
class Check:
    """``lhs`` compared with ``rhs``; ``figures`` is how many published figures the comparison involves."""

    rule: str
    family: str
    fund: str
    description_zh: str
    description_en: str
    lhs_label: str
    lhs: float
    rhs_label: str
    rhs: float
    figures: int
    tables: list[str] = field(default_factory=list)
    source_lines: list[int] = field(default_factory=list)
    note: str = ""
    # "eq": lhs = rhs within rounding; "le": lhs ≤ rhs (a limit, e.g. staff in post within the establishment);
    # "exact": counts of people or items, where rounding cannot explain any difference;
    # "info": not a test but what the figures reveal (diff is the quantity of interest), status "info".
    kind: str = "eq"

    @property
    def diff(self) -> float:
        return round(self.lhs - self.rhs, 6)

    @property
    def tolerance(self) -> float:
        return 0.0 if self.kind in ("le", "exact", "info") else ROUNDING_PER_FIGURE * self.figures

    @property
    def status(self) -> str:
        if self.kind == "info":
            return "info"
        if self.kind == "le":
            return "ok" if self.lhs <= self.rhs + _EPS else "material"
        if math.isclose(self.lhs, self.rhs, abs_tol=_EPS):
            return "ok"
        if abs(self.lhs - self.rhs) <= self.tolerance + _EPS:
            return "rounding"
        return "material"

    def as_row(self) -> dict:
        return {
            "rule": self.rule,
            "family": self.family,
            "fund": self.fund,
            "description_zh": self.description_zh,
            "description_en": self.description_en,
            "lhs_label": self.lhs_label,
            "lhs": self.lhs,
            "rhs_label": self.rhs_label,
            "rhs": self.rhs,
            "diff": self.diff,
            "tolerance": self.tolerance,
            "status": self.status,
            "note": self.note,
            "tables": ";".join(dict.fromkeys(self.tables)),
            "source_lines": ";".join(str(n) for n in sorted(set(self.source_lines))),
            "cause": "",  # filled by gzanalysis.audit.causes once every check has run
            "cause_text": "",
            "cause_text_zh": "",
        }


def num(value) -> float:
    """A published amount for arithmetic: a blank cell (NA) counts as 0."""
    return 0.0 if value is None or pd.isna(value) else float(value)


def lines(values) -> list[int]:
    return [int(v) for v in values if v is not None and not pd.isna(v)]


@dataclass(frozen=True)
class Years:
    """The disclosure's year and the one before, as the descriptions print them (2023年 / 2023), or 本年 /
    this year where the package names no year."""

    zh: str
    en: str
    prior_zh: str
    prior_en: str


def years(year) -> Years:
    if year is None or pd.isna(year):
        return Years("本年", "this year's", "上年", "the previous year's")
    y = int(year)
    return Years(f"{y}年", str(y), f"{y - 1}年", str(y - 1))
