"""Row readers of the standard tables: classified tables (code, name, amounts), the two-sided summary
tables, and the 三公 table. Codes are completed from the printed ones (a 款 prints its two digits)."""

from __future__ import annotations

import re

from gzanalysis.ingest.context import UNRESOLVED, Ctx, code_names, top_codes
from gzanalysis.ingest.sections import Section
from gzanalysis.ingest.text import cells, fmt2, is_code, nospace, number_tokens
from gzanalysis.package.layout import INCOME_SOURCES, layout

_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
HEADER_FIRST_CELLS = {"项目", "科目编码", "功能科目编码", "部门编码", "经济科目编码"}

# Identities within a row: the value of one unreadable cell follows from the others.
ROW_IDENTITIES = {
    "income_by_function": [
        (
            "total",
            list(INCOME_SOURCES),
        ),
        ("fiscal_subtotal", ["general_budget", "government_fund", "state_capital"]),
    ],
    "expenditure_by_function": [("total", ["basic", "project"])],
    "general_budget_expenditure": [("total", ["basic", "project"])],
    "government_fund_expenditure": [("total", ["basic", "project"])],
    "state_capital_expenditure": [("total", ["basic", "project"])],
    "general_budget_basic_expenditure": [("total", ["personnel", "public_operations"])],
    "three_public_expenses": [
        ("total", ["overseas_travel", "official_reception", "vehicle_operation", "vehicle_purchase"])
    ],
}


def table_body(ctx: Ctx, sec: Section) -> tuple[list[int], int | None]:
    """Lines of the table body: after the column header (and its ``**`` numbering line), as long as the
    lines are tab-separated. Returns the body lines and the header line."""
    header = None
    for n in range(sec.start, sec.end + 1):
        c = cells(ctx.line(n))
        if "\t" in ctx.line(n) and nospace(c[0]) in HEADER_FIRST_CELLS:
            header = n
            break
    if header is None:
        return [], None
    start = header + 1
    for n in range(header + 1, min(header + 4, sec.end + 1)):
        if ctx.line(n).lstrip().startswith("**"):
            start = n + 1
            break
    body = []
    for n in range(start, sec.end + 1):
        if "\t" not in ctx.line(n):
            break
        body.append(n)
    return body, header


def mark_outside(ctx: Ctx, sec: Section, body: list[int], what: str) -> None:
    """Report every line of the section that is not a row: title, heading, notes, text after the table."""
    first = body[0] if body else sec.end + 1
    for n in range(sec.start, sec.end + 1):
        if n in body:
            continue
        text = ctx.line(n).strip()
        if n == sec.start:
            ctx.report.use(n, what, "title")
        elif not text:
            ctx.report.skip(n, what, "blank")
        elif nospace(text).startswith("备注"):
            ctx.report.use(n, what, "note")
        elif n < first:
            ctx.report.skip(n, what, "table heading (reporting unit, currency unit, column titles)")
        else:
            ctx.report.skip(n, what, "after the table body: not a row (no code, no amounts)")


def suggest(ctx: Ctx, table: str, row: dict, pending: dict[str, str]) -> None:
    """Report unresolved cells, with a suggested erratum where a row identity pins the value down."""
    for field, printed in pending.items():
        suggestion = None
        for whole, parts in ROW_IDENTITIES.get(table, []):
            members = [whole, *parts]
            if field not in members or any(f in pending for f in members if f != field):
                continue
            # Blank cells are zero in an identity; the other unreadable cells would leave it open.
            known = {f: float(row[f]) if row.get(f) else 0.0 for f in members if f != field}
            value = (
                sum(known[p] for p in parts)
                if field == whole
                else known[whole] - sum(known[p] for p in parts if p != field)
            )
            if value < -0.005:
                break  # another cell of the identity is wrong too: nothing is pinned down
            blank = abs(value) < 0.005
            suggestion = {
                "table": table,
                "source_line": row["source_line"],
                "record": row.get("code") or "",
                "field": field,
                "printed": printed,
                "corrected": "" if blank else fmt2(value),
                "kind": "stray-mark" if blank else "misread-number",
                "proof": f"{whole} = {' + '.join(parts)} holds on this row "
                + ("without it" if blank else f"with {fmt2(value)}"),
            }
            break
        ctx.report.flag(
            table, int(row["source_line"]), field, printed, "not one unambiguous number", suggestion
        )
        row[field] = None


def read_classified(ctx: Ctx, sec: Section, table: str) -> list[dict]:
    res = layout()[table]
    classification = res.classification
    amounts = [f.name for f in res.fields if f.is_amount]
    body, _ = table_body(ctx, sec)
    mark_outside(ctx, sec, body, table)
    names = code_names(classification)
    rows: list[dict] = []
    lei = kuan = None

    def full_code(printed: str, n: int) -> str | None:
        nonlocal lei, kuan
        if classification == "functional":
            if len(printed) == 3:
                lei, kuan = printed, None
                return printed
            if len(printed) == 2 and lei:
                kuan = lei + printed
                return kuan
            if len(printed) == 7:
                if kuan and not printed.startswith(kuan):
                    ctx.report.warn(f"line {n}: {table}: code {printed} is not under the 款 {kuan} above it")
                return printed
        else:
            if len(printed) == 3:
                lei = printed
                return printed
            if len(printed) == 5:
                if lei and not printed.startswith(lei):
                    ctx.report.warn(f"line {n}: {table}: code {printed} is not under the 类 {lei} above it")
                return printed
        return None

    for n in body:
        text = ctx.line(n)
        if not text.strip():
            ctx.report.skip(n, table, "blank")
            continue
        if ctx.set_aside(table, n):
            continue
        c = cells(text)
        width = 2 + len(amounts)
        if any(c[width:]):
            ctx.report.warn(
                f"line {n}: {table}: {len([x for x in c[width:] if x])} cell(s) beyond the table's {width} columns ignored"
            )
        c = (c + [""] * width)[:width]
        code_cell, name_cell = c[0], c[1]
        code_e = ctx.errata.take(table, n, "code", code_cell)
        if code_e is not None:
            ctx.report.correct(table, n, "code", code_e)
        merged = code_e is not None and " | " in code_e.corrected
        if merged:
            printed_codes = code_e.corrected.split(" | ")
            k = len(printed_codes)
            part_names = name_cell.split()
            if len(part_names) != k:
                ctx.report.flag(table, n, "name", name_cell, f"merged rows: expected {k} names")
                part_names = (part_names + [""] * k)[:k]
        else:
            k = 1
        values: dict[str, list] = {}
        pending: list[dict[str, str]] = [{} for _ in range(k)]
        for field, cell in zip(amounts, c[2:], strict=True):
            if merged:
                e = ctx.errata.take(table, n, field, cell)
                if e is not None:
                    ctx.report.correct(table, n, field, e)
                    v = fmt2(float(e.corrected)) if e.corrected else None
                    values[field] = [v] * k if v is None else [v if i == 0 else None for i in range(k)]
                    continue
                tokens = number_tokens(cell) if cell.strip() else []
                if tokens is None:
                    values[field] = [None] * k
                    for p in pending:
                        p[field] = cell
                elif len(tokens) == k:
                    values[field] = [fmt2(float(t)) for t in tokens]
                elif len(tokens) == 1:
                    values[field] = ["?" + tokens[0]] + [None] * (k - 1)
                else:
                    values[field] = [None] * k
            else:
                v = ctx.amount(table, n, field, cell)
                if v is UNRESOLVED:
                    pending[0][field] = cell
                    v = None
                values[field] = [v]
        if merged:
            # A single value in a merged line belongs to the row whose 合计 it equals.
            for field, vs in values.items():
                if vs and isinstance(vs[0], str) and vs[0].startswith("?"):
                    token = fmt2(float(vs[0][1:]))
                    owners = [i for i in range(k) if values["total"][i] == token]
                    values[field] = [token if i == (owners[0] if owners else -1) else None for i in range(k)]
                    if not owners:
                        for p in pending:
                            p[field] = c[2 + amounts.index(field)]
        for i in range(k):
            row_amounts = {f: values[f][i] for f in amounts}
            if merged:
                printed = printed_codes[i]
                name, name_fixed = nospace(part_names[i]), False
            else:
                name, name_fixed = ctx.text(table, n, "name", name_cell)
                name = nospace(name)
                printed = code_cell
            code = None
            if not merged and code_e is not None:
                corr = code_e.corrected.strip()
                if len(corr) == 2:
                    printed_out, code = corr, full_code(corr, n)
                else:
                    code = full_code(corr, n)
                    printed_out = code_cell if is_code(code_cell) else ""
            elif is_code(printed):
                printed_out, code = printed, full_code(printed, n)
            else:
                printed_out = ""
            if code is None:
                if not printed.strip() and name == "合计":
                    pass  # the total row
                elif (
                    not printed.strip()
                    and not any(v is not None for v in row_amounts.values())
                    and not pending[i]
                    and name
                ):
                    if rows and not rows[-1]["_name_fixed"]:
                        rows[-1]["name"] += name
                    ctx.report.use(n, table, "name continued from the line above")
                    continue
                else:
                    official = {v: c_ for c_, v in names.items()}.get(name)
                    ctx.report.flag(
                        table,
                        n,
                        "code",
                        printed,
                        "no readable code for this row; row left out",
                        {
                            "table": table,
                            "source_line": n,
                            "record": official or "",
                            "field": "code",
                            "printed": printed,
                            "corrected": official or "",
                            "kind": "unreadable-code",
                            "proof": "official code of the name",
                        }
                        if official
                        else None,
                    )
                    ctx.report.skip(n, table, "unresolved: no readable code")
                    continue
            row = {
                "row": None,
                "code": code or "",
                "code_printed": printed_out,
                "name": name,
                **row_amounts,
                "source_line": str(n),
                "_name_fixed": name_fixed,
            }
            if pending[i]:
                suggest(ctx, table, row, pending[i])
            if code and code in names and names[code] != name and name:
                ctx.report.warn(
                    f"line {n}: {table}: name {name!r} is not the official name {names[code]!r} of {code}"
                )
            rows.append(row)
            ctx.report.use(n, table)
    for i, r in enumerate(rows, 1):
        r["row"] = str(i)
        r.pop("_name_fixed")
    return rows


def _role(label: str, side: str) -> str:
    key = nospace(label)
    if "总计" in key:
        return "total"
    if "合计" in key or key.endswith("本年支出") or key.endswith("本年收入"):
        return "subtotal"
    if side == "income":
        return "item" if _ORDINAL.match(key) else "sub-item"
    return "item"


def read_summary(ctx: Ctx, sec: Section, table: str) -> list[dict]:
    """Two-sided summary tables: income label and amount, expenditure label and amounts, per line."""
    res = layout()[table]
    body, _ = table_body(ctx, sec)
    mark_outside(ctx, sec, body, table)
    if table == "budget_summary":
        sides = {"income": ["amount"], "expenditure": ["amount"]}
    else:
        sides = {
            "income": ["total"],
            "expenditure": ["total", "general_budget", "government_fund", "state_capital"],
        }
    width = 2 + len(sides["expenditure"]) + 1
    out = {"income": [], "expenditure": []}
    for n in body:
        text = ctx.line(n)
        if ctx.set_aside(table, n):
            continue
        c = cells(text)
        if any(c[width:]):
            ctx.report.warn(f"line {n}: {table}: cells beyond the table's {width} columns ignored")
        c = (c + [""] * width)[:width]
        parts = {"income": (c[0], c[1:2]), "expenditure": (c[2], c[3 : 3 + len(sides["expenditure"])])}
        used = False
        for side, (label_cell, amount_cells) in parts.items():
            label, _ = ctx.text(table, n, "item", label_cell)
            label = nospace(label)
            vals = {}
            pending = {}
            for field, cell in zip(sides[side], amount_cells, strict=True):
                v = ctx.amount(table, n, field, cell)
                if v is UNRESOLVED:
                    pending[field] = cell
                    v = None
                vals[field] = v
            if not label and not any(v is not None for v in vals.values()) and not pending:
                continue
            row = {f: None for f in res.field_names}
            row.update(
                {"side": side, "role": _role(label, side), "item": label, "source_line": str(n), **vals}
            )
            row["code"] = (
                top_codes("functional").get(label, "")
                if side == "expenditure" and row["role"] == "item"
                else ""
            )
            if pending:
                suggest(ctx, table, row, pending)
            if not label:
                ctx.report.flag(table, n, "item", "", f"{side} amount without a label")
            out[side].append(row)
            used = True
        if used:
            ctx.report.use(n, table)
        else:
            ctx.report.skip(n, table, "empty row")
    rows = out["income"] + out["expenditure"]
    for i, r in enumerate(rows, 1):
        r["row"] = str(i)
    return rows


def read_three_public(ctx: Ctx, sec: Section, table: str = "three_public_expenses") -> list[dict]:
    res = layout()[table]
    amounts = [f.name for f in res.fields if f.is_amount]
    body, _ = table_body(ctx, sec)
    mark_outside(ctx, sec, body, table)
    rows = []
    for n in body:
        c = (cells(ctx.line(n)) + [""] * 7)[:7]
        row = {
            "row": str(len(rows) + 1),
            "department_code": c[0],
            "department": nospace(c[1]),
            "source_line": str(n),
        }
        pending = {}
        for field, cell in zip(amounts, c[2:], strict=True):
            v = ctx.amount(table, n, field, cell)
            if v is UNRESOLVED:
                pending[field], v = cell, None
            row[field] = v
        if pending:
            suggest(ctx, table, row, pending)
        rows.append(row)
        ctx.report.use(n, table)
    return rows
