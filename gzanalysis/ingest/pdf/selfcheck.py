"""The reading checks itself: the identities a budget's printed numbers satisfy, on what was read.

``identities(tables)`` takes the standard tables as read (amounts in 万元, as decimal strings) and checks:

- each two-sided summary balances: its income grand total equals its expenditure grand total;
- each table classified by code adds up: the amounts of its 类 rows add up to its 合计 row;
- the expenditure table's 合计 equals the summary's 本年支出合计 (or its grand total where it prints no
  subtotal).

Printed figures are rounded to 0.01 万元, so a sum of *n* figures may be off by 0.005 × *n* ("rounding").
A broken identity is a doubtful reading (or a document that does not balance): the reader tries its other
readings of the table first, and the ingest report lists what is still broken.

``reads_right(result)`` is the question a user asks of a package: are the summary's grand totals and every
类 amount of the expenditure table read, balanced, and printed on the line the package cites for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ROUNDING = Decimal("0.005")  # half a cent of a 万元 figure
CLASSIFIED = (
    "income_by_function",
    "expenditure_by_function",
    "general_budget_expenditure",
    "general_budget_basic_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
)


@dataclass
class Identity:
    table: str
    rule: str
    lhs: Decimal | None
    rhs: Decimal | None
    figures: int

    @property
    def status(self) -> str:
        if self.lhs is None or self.rhs is None:
            return "not_checked"
        diff = abs(self.lhs - self.rhs)
        if diff == 0:
            return "ok"
        return "rounding" if diff <= ROUNDING * self.figures else "broken"

    @property
    def holds(self) -> bool:
        return self.status in ("ok", "rounding")

    def __str__(self) -> str:
        return f"{self.table}: {self.rule}: {self.lhs} vs {self.rhs} ({self.status})"


def _dec(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def grand_total(rows: list[dict], side: str, role: str = "total") -> dict | None:
    field = "amount" if rows and "amount" in rows[0] else "total"
    found = [r for r in rows if r["side"] == side and r["role"] == role and _dec(r.get(field)) is not None]
    return found[-1] if found else None


def _amount(row: dict | None) -> Decimal | None:
    if row is None:
        return None
    return _dec(row.get("amount", row.get("total")))


def total_row(rows: list[dict]) -> dict | None:
    """The 合计 row of a classified table (no code), where it has one."""
    return next((r for r in rows if not r.get("code") and _dec(r.get("total")) is not None), None)


def class_rows(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r.get("code") and len(r["code"]) == 3]


def identities(tables: dict[str, list[dict]]) -> list[Identity]:
    out: list[Identity] = []
    for name in ("budget_summary", "fiscal_summary"):
        rows = tables.get(name) or []
        if rows:
            out.append(
                Identity(
                    name,
                    "收入总计 = 支出总计",
                    _amount(grand_total(rows, "income")),
                    _amount(grand_total(rows, "expenditure")),
                    2,
                )
            )
    for name in CLASSIFIED:
        rows = tables.get(name) or []
        classes = [r for r in class_rows(rows) if _dec(r.get("total")) is not None]
        total = total_row(rows)
        if not classes or total is None:
            continue
        out.append(
            Identity(
                name,
                "Σ 类 = 合计",
                sum((_dec(r["total"]) for r in classes), Decimal(0)),
                _dec(total["total"]),
                len(classes) + 1,
            )
        )
    summary = tables.get("budget_summary") or []
    spending = total_row(tables.get("expenditure_by_function") or [])
    if summary and spending is not None:
        line = grand_total(summary, "expenditure", "subtotal") or grand_total(summary, "expenditure")
        out.append(
            Identity(
                "expenditure_by_function",
                "合计 = 收支总表 本年支出合计",
                _dec(spending["total"]),
                _amount(line),
                2,
            )
        )
    return out


def doubtful(tables: dict[str, list[dict]]) -> list[Identity]:
    return [i for i in identities(tables) if i.status == "broken"]


def reads_right(tables: dict[str, list[dict]]) -> tuple[bool, list[str]]:
    """Whether the summary's grand totals and the expenditure table's 类 amounts are read and hold
    together (both sides of the summary equal; the 类 add up to the 合计, which is the summary's
    本年支出合计); with what is missing or broken."""
    problems = []
    summary = tables.get("budget_summary") or []
    if (
        _amount(grand_total(summary, "income")) is None
        or _amount(grand_total(summary, "expenditure")) is None
    ):
        problems.append("收支总表: grand totals not read")
    spending = tables.get("expenditure_by_function") or []
    if not class_rows(spending) or total_row(spending) is None:
        problems.append("支出总表: no 类 rows with a 合计")
    elif any(_dec(r.get("total")) is None for r in class_rows(spending)):
        problems.append("支出总表: a 类 without an amount")
    checked = {
        (i.table, i.rule): i
        for i in identities(tables)
        if i.table in ("budget_summary", "expenditure_by_function")
    }
    problems += [str(i) for i in checked.values() if i.status == "broken"]
    return not problems, problems
