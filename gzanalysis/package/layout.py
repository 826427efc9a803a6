"""The standard layout of a unit budget disclosure, read from ``layout.toml``.

Every field is defined once there; this module resolves a resource's columns to their definitions.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

# How an ingested document's table differs from the standard one, kept per resource in the descriptor
# (``"gzanalysis"`` of the resource) and in ``d.meta["structure"]``: ``not_printed``, the amount fields no
# printed column holds (NA throughout, and the audit skips identities that need them); ``expenditure_by``,
# what a summary table's expenditure side lists above its subtotal ("function", the default, or "kind");
# ``rows_by``, "unit" where a table the standard classifies by code is printed one row per unit.
# ``derived``, the fields derived from printed columns (基本支出 = 人员 + 公用) and how; ``read_from``, the
# table whose lines stand for it where the printed one is not by code (西安's 支出总表 by unit: its 类 are
# the 收支总表's).
STRUCTURE_KEYS = ("not_printed", "expenditure_by", "rows_by", "derived", "read_from")

# The income columns of 部门收入总表 that add up to its 合计, in published order. 财政拨款 counts once, as its
# subtotal: its fund columns are a finer split of it.
INCOME_SOURCES = (
    "carryover",
    "fiscal_subtotal",
    "education_fees",
    "public_institution_income",
    "public_institution_operations",
    "subordinate_remittance",
    "higher_level_grants",
    "other_income",
    "non_fiscal_balance",
)


@dataclass(frozen=True)
class Field:
    """One column of a resource: its name in the CSV and its definition in ``layout.toml``."""

    name: str
    definition: str
    type: str
    title: str
    description: str
    unit: str | None = None
    constraints: dict[str, Any] | None = None
    classification: str | None = None
    line_field: str | None = None
    decimals: int | None = None

    @property
    def is_amount(self) -> bool:
        """A money column (万元): these are the values a disclosure publishes."""
        return self.unit == "万元"


@dataclass(frozen=True)
class Resource:
    """One table of the layout."""

    name: str
    title: str
    title_en: str
    fund: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    classification: str | None = None
    foreign_keys: tuple[dict[str, str], ...] = ()
    sheet: str = ""  # its Excel sheet: the name, or a shorter one where the name is over 31 characters

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}; fields: {', '.join(self.field_names)}")


@cache
def layout() -> dict[str, Resource]:
    """All resources of the layout, by their English name, in publication order."""
    spec = tomllib.loads(files("gzanalysis.package").joinpath("layout.toml").read_text(encoding="utf-8"))
    definitions = spec["fields"]
    resources = {}
    for res in spec["resources"]:
        fields = []
        for entry in res["fields"]:
            name, use = (entry, entry) if isinstance(entry, str) else (entry["name"], entry["use"])
            d = definitions[use]
            fields.append(
                Field(
                    name=name,
                    definition=use,
                    type=d["type"],
                    title=d["title"],
                    description=d["description"],
                    unit=d.get("unit"),
                    constraints=d.get("constraints"),
                    classification=d.get("classification"),
                    line_field=d.get("line_field"),
                    decimals=d.get("decimals"),
                )
            )
        resources[res["name"]] = Resource(
            name=res["name"],
            title=res["title"],
            title_en=res["title_en"],
            fund=res["fund"],
            description=res["description"],
            fields=tuple(fields),
            primary_key=tuple(res["primary_key"]),
            classification=res.get("classification"),
            foreign_keys=tuple(res.get("foreign_keys", ())),
            sheet=res.get("sheet", res["name"]),
        )
    return resources


class UnknownTableError(KeyError):
    """A table name that is not in the layout; prints its message as written (a plain KeyError quotes it)."""

    def __str__(self) -> str:
        return str(self.args[0])


def resource(name: str) -> Resource:
    """A resource by its English name or its Chinese title."""
    if not isinstance(name, str):
        raise TypeError(f"a table is named by a string (English name or Chinese title), not {name!r}")
    for res in layout().values():
        if name in (res.name, res.title):
            return res
    names = [n for r in layout().values() for n in (r.name, r.title)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}? " if close else ""
    known = ", ".join(f"{r.name} ({r.title})" for r in layout().values())
    raise UnknownTableError(f"no table named {name}; {hint}the tables are: {known}")
