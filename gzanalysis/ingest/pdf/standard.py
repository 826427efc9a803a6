"""Map the tables read from a PDF onto the standard layout's resources.

Each printed column is matched to a standard field by the template's heading patterns. Codes come from
the code column(s) (one 7-digit column, or 类 / 款 / 项 columns); where a table prints names only, the
level comes from the indentation and the code from the name, looked up under its parent among the codes
the document itself prints and the master code list. Amounts are kept as printed (in 万元; a document in 元
is divided by 10 000 exactly); a blank cell stays blank, a printed 0.00 is zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from gzanalysis.ingest.pdf.header import clean
from gzanalysis.ingest.pdf.tables import AMOUNT, ORDINAL, TOTALS, Row, Table
from gzanalysis.package.codes import level as code_level

DIVISORS = {"万元": Decimal(1), "千元": Decimal(10), "元": Decimal(10000)}
SUB_ORDINAL = re.compile(r"^([（(][一二三四五六七八九十]+[)）]|\d+[.、．])")
GRAND_TOTALS = {"收入总计", "支出总计", "总计"}
SUBTOTALS = {"本年收入合计", "本年支出合计"}
TOTALS_OR_SUBTOTALS = {"合计", "收入合计", "支出合计"}  # a grand total where the side has no 总计
NOT_A_FUNCTION = re.compile(r"合计|总计|结转|结余|本年支出|基本支出|项目支出")
LEVEL_LENGTHS = {"functional": (3, 5, 7), "economic": (3, 5)}
# a code printed in the name's cell, before the name: [201]一般公共服务支出, 【30101】基本工资, 201 一般…
CODE_IN_NAME = re.compile(r"^[\[【(（]?(\d{3}(?:\d{2}){0,2})[\]】)）]?\s*([^\d\s].*)$")


@dataclass
class Findings:
    """What the mapping could not do, per table: shown in the ingest report."""

    notes: list[str] = field(default_factory=list)

    def add(self, table: Table, row: Row | None, message: str) -> None:
        where = f"page {row.page}, row {row.position}" if row else f"pages {table.pages[0]}–{table.pages[-1]}"
        key = table.spec.key if table.spec else table.title
        self.notes.append(f"{key} ({where}): {message}")


def amount(text: str, unit: str) -> str | None:
    """The amount in 万元 as a decimal string; None for a blank cell or one that is not a number."""
    t = text.replace(",", "").replace("，", "")
    if not t:
        return None
    try:
        value = Decimal(t)
    except InvalidOperation:
        return None
    divisor = DIVISORS[unit]
    if divisor == 1:
        return t
    out = value / divisor  # exact: a division by a power of ten
    return format(out.normalize(), "f") if out != out.to_integral() else format(out.quantize(Decimal(1)), "f")


# A column under one of these headings holds another year's figure or a change (上年 | 当年 | 增减变化): it
# takes a field only where no column of this year's does.
OTHER_YEAR = re.compile(r"^(上年|上一年|增减|变化|比上年|同比)")


def field_map(table: Table, fields: set[str], year: int | None = None) -> dict[int, str]:
    """Column index → standard field: the first column whose heading path matches takes the field
    (this year's columns before those of another year, 上年 or 2025年预算数, or of the change)."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    columns = list(enumerate(table.columns))
    # headed by years (2025年预算数 | 2026年预算数): the document's year (else the latest) is this year's
    years = {int(m.group(1)) for c in table.columns if (m := re.match(r"(\d{4})\s*年", c.label))}

    def other(c) -> bool:
        m = re.match(r"(\d{4})\s*年", c.label)
        this = year if year is not None else max(years, default=0)
        return OTHER_YEAR.match(c.label) is not None or (m is not None and int(m.group(1)) != this)

    current = [(i, c) for i, c in columns if not other(c)]
    for i, col in current + [(i, c) for i, c in columns if other(c)]:
        label = re.sub('[“”"‘’]', "", col.label)
        for fld, patterns in table.spec.columns.items():
            if fld in taken or fld not in fields:
                continue
            if any(re.search(p, label) for p in patterns):
                out[i] = fld
                taken.add(fld)
                col.field = fld
                break
    return dict(sorted(out.items()))


class CodeBook:
    """Codes by name under their parent: the document's own codes first, then the master list."""

    def __init__(self, master: dict[str, dict]):
        self.master = master
        self.printed: dict[str, str] = {}  # code → name as printed in the document

    def children(self, parent: str | None, name: str) -> list[str]:
        def match(code: str, n: str) -> bool:
            p = code[:-2] if len(code) > 3 else None
            return p == parent and _plain(n) == _plain(name)

        found = [c for c, n in self.printed.items() if match(c, n)]
        if not found:
            found = [c for c, r in self.master.items() if match(c, r["name_zh"])]
        return sorted(set(found))


def _plain(name: str) -> str:
    """A name to compare: no parentheses, and no 支出 at its end (older 收支总表 print 一般公共服务 for
    一般公共服务支出)."""
    plain = clean(name).replace("(", "").replace(")", "")
    return plain[:-2] if plain.endswith("支出") and len(plain) > 2 else plain


def strip_ordinal(label: str) -> str:
    return ORDINAL.sub("", label, count=1)


def _code_columns(fmap: dict[int, str]) -> dict[str, int]:
    return {f: i for i, f in fmap.items() if f in ("code", "code_class", "code_item", "code_sub")}


def classified(
    table: Table, resource, book: CodeBook, findings: Findings, department: str | None = None
) -> list[dict]:
    """Rows of a table by classification code (功能 or 经济分类)."""
    fields = set(resource.field_names) | {"code_class", "code_item", "code_sub", "unit"}
    fmap = field_map(table, fields)
    inv = {f: i for i, f in fmap.items()}
    codes = _code_columns(fmap)
    lengths = LEVEL_LENGTHS[table.spec.classification or "functional"]
    amounts = [f.name for f in resource.fields if f.is_amount and f.name in inv]
    if "name" not in inv:
        findings.add(table, None, "no column headed with the subjects' names: the table is not read")
        return []
    out: list[dict] = []
    seen: set[str] = set()
    last: dict[int, str] = {}  # level length → last full code of that level
    nesting = _Nesting(book)
    derived = _derived_basic(table, resource, inv)
    for row in _department_rows(table, inv, codes, findings, department):
        name = row.text(inv["name"]) or _total_label(row)
        unit_name = row.text(inv["unit"]) if "unit" in inv else ""
        printed, code = _code(row, codes, last, lengths)
        if printed in TOTALS:
            printed, name = "", name or printed  # 合计 printed across the code and name cells
        embedded = CODE_IN_NAME.match(name) if not printed else None
        if embedded and len(embedded.group(1)) in lengths:
            # the code printed inside the name's cell ([201]一般公共服务支出, 201 一般公共服务支出)
            printed, name = embedded.group(1), embedded.group(2)
            code = _register(printed, last)
        values = {f: amount(row.text(inv[f]), table.unit) for f in amounts}
        for f in amounts:
            if row.text(inv[f]) and values[f] is None:
                findings.add(table, row, f"{f}: {row.text(inv[f])!r} is not a number; left blank")
        if derived:
            values["basic"] = _sum([amount(row.text(i), table.unit) for i in derived])
        if code is None and printed:
            findings.add(
                table,
                row,
                f"code {printed!r} is not a {'/'.join(map(str, lengths))}-digit code; row left out",
            )
            continue
        if code is None and not codes and name and name not in TOTALS and not unit_name:
            # names without codes (levels by indentation): the code from the name under its parent
            code, _ = nesting.code(name, row.x0(inv["name"]), findings, table, row)
            if code is not None:
                _register(code, last)
        if code is None:
            if not (name or unit_name):
                continue
            if name and name not in TOTALS and not unit_name:
                findings.add(table, row, f"{name!r} has no code; row left out")
                continue
            if out and any(r["code"] is None for r in out):
                findings.add(
                    table,
                    row,
                    f"a second total row {name or unit_name!r} (several 预算单位?); kept in pdf_cells only",
                )
                continue
            name = name or unit_name
        else:
            if code in seen:
                findings.add(
                    table,
                    row,
                    f"code {code} printed twice (several 预算单位?); the second is kept in pdf_cells only",
                )
                continue
            seen.add(code)
            if name:
                book.printed.setdefault(code, name)
        if not name:
            findings.add(table, row, f"code {code} has no name")
            continue
        out.append(
            {
                "row": str(len(out) + 1),
                "code": code,
                "code_printed": printed or None,
                "name": name,
                **values,
                "source_line": str(row.line),
                "_row": row,
            }
        )
    return out


def _total_label(row: Row) -> str:
    """合计 / 总计 printed in a cell of its own (centred across the code and name columns)."""
    return next((row.text(i) for i in row.cells if row.text(i) in TOTALS), "")


def _derived_basic(table: Table, resource, inv: dict[str, int]) -> list[int]:
    """Where a table prints no 基本支出 column but its parts (人员 and 公用), the columns of the parts:
    基本支出 is then derived as their sum (the package marks it derived, see ``printed_fields``)."""
    if "basic" in inv or "basic" not in resource.field_names:
        return []
    parts = []
    for f in ("personnel", "public_operations"):
        for i, col in enumerate(table.columns):
            if any(re.search(p, col.label) for p in table.spec.columns.get(f, ())):
                parts.append(i)
                break
    if len(parts) == 2:
        table.derived["basic"] = " + ".join(table.columns[i].label for i in parts)
        return parts
    return []


def _sum(values: list[str | None]) -> str | None:
    """The exact sum of printed amounts; None where none is printed."""
    printed = [Decimal(v) for v in values if v is not None]
    return format(sum(printed, Decimal(0)), "f") if printed else None


def _department_rows(
    table: Table, inv: dict[str, int], codes: dict[str, int], findings: Findings, department: str | None
) -> list[Row]:
    """The rows of the department as a whole, where a table prints several 预算单位.

    A block starts at a row without code that names a unit (预算单位 column) or is a 合计 row. With one block,
    every row. With several, the first block where it is the department's (合计, or the department's name as the
    document names it on its tables) (the units' blocks are kept in
    pdf_cells only); where the first block is a unit's, the department is not printed as a whole: no row
    (a unit's figures are not the department's), and a finding says so.
    """
    starts = []
    lengths = LEVEL_LENGTHS[table.spec.classification or "functional"]
    for i, row in enumerate(table.rows):
        printed = [row.text(c) for c in codes.values() if row.text(c)]
        name = row.text(inv["name"]) or _total_label(row)
        if printed and name and printed[0].isdigit() and len(printed[0]) not in (*lengths, 2, 7):
            starts.append((i, name))  # a unit's own code (125001 西安市…局) heads its block
            continue
        if printed and printed[0] in TOTALS and not name:
            starts.append((i, printed[0]))  # 合计 printed across the code and name cells
            continue
        if printed:
            continue
        unit_name = row.text(inv["unit"]) if "unit" in inv else ""
        if unit_name or name in TOTALS:
            starts.append((i, unit_name or name))
    if len(starts) < 2:
        return table.rows
    names = [n for _, n in starts]
    first, second = starts[0][0], starts[1][0]
    if names[0] in TOTALS or (department and clean(names[0]) == clean(department)):
        findings.add(
            table,
            None,
            f"{len(starts) - 1} 预算单位 blocks after the department's {names[0]} ({', '.join(names[1:])}): "
            "the standard table holds the department's block; the units' rows are in pdf_cells only",
        )
        return table.rows[:second]
    findings.add(
        table,
        None,
        f"{len(starts)} 预算单位 blocks ({', '.join(names)}) and no 合计 block for the department: the "
        "department's figures are not printed as a whole; the standard table is left empty (rows in pdf_cells)",
    )
    return table.rows[:first] if first else []


def _code(row: Row, cols: dict[str, int], last: dict[int, str], lengths) -> tuple[str, str | None]:
    """(code as printed, full code or None)."""
    if "code" in cols:
        printed = row.text(cols["code"])
        digits = printed
        if not digits:
            return "", None
        if not digits.isdigit():
            return printed, None
        if len(digits) == 2 and 3 in last:  # a 款 printed with its own two digits under the 类 above
            digits = last[3] + digits
        if len(digits) not in lengths:
            return printed, None
    else:
        parts = [row.text(cols[k]) if k in cols else "" for k in ("code_class", "code_item", "code_sub")]
        printed = " ".join(p for p in parts if p)
        if not printed:
            return "", None
        if not all(p.isdigit() for p in parts if p):
            return printed, None
        cls, item, sub = parts
        cls = cls or last.get(3, "")
        if sub:
            item = item or last.get(5, "")[3:]
        digits = cls + item + sub if item else cls
        if len(digits) not in lengths:
            return printed, None
    return printed, _register(digits, last)


def _register(digits: str, last: dict[int, str]) -> str:
    """Record a full code as the last of its level (a deeper level's last code is closed)."""
    for n in (3, 5, 7):
        if len(digits) == n:
            last[n] = digits
            for deeper in (5, 7):
                if deeper > n:
                    last.pop(deeper, None)
    return digits


# How deep a line's numbering puts it: 一、 > (一) > 1、 > (1) > 其中.
DEPTHS = (
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\d+[.、．](?!\d)"),
    re.compile(r"^[（(]\d+[)）]"),
    re.compile(r"^其中"),
)
INDENT = 3.0  # pt: a label printed further right than its item's is part of it


def _depth(label: str) -> int:
    return next((n for n, pattern in enumerate(DEPTHS, 1) if pattern.match(label)), 0)


def _deeper(label: str, x0: float | None, item: tuple[int, float | None]) -> int | None:
    """The depth of a line below the open item (by numbering, or by indentation where it has none);
    None where it is not part of the item."""
    depth, indent = _depth(label), item[1]
    if depth > item[0] and (depth or item[0] == 0):
        return depth
    if depth == 0 and x0 is not None and indent is not None and x0 > indent + INDENT:
        return item[0] + 1
    return None


def two_sided(table: Table, resource, book: CodeBook, findings: Findings) -> list[dict]:
    """Both sides of a summary table, one row per printed line and side."""
    labels = [
        i
        for i, c in enumerate(table.columns)
        if any(re.search(p, c.label) for p in table.spec.columns["label"])
    ]
    if len(labels) < 2:
        findings.add(table, None, "not two 项目 columns (income | expenditure): the table is not read")
        return []
    # the expenditure side runs to the next label column: a summary may print further groups (支出经济分类
    # by 类 beside the functions), which the standard table does not hold (they stay in pdf_cells)
    end = labels[2] if len(labels) > 2 else len(table.columns)
    sides = [("income", labels[0], labels[1]), ("expenditure", labels[1], end)]
    main = "amount" if "amount" in resource.field_names else "total"
    out: dict[str, list[dict]] = {"income": [], "expenditure": []}
    for side, start, end in sides:
        cols = list(range(start + 1, end))
        fmap: dict[int, str] = {}
        if main == "amount" and len(cols) > 1:
            # one amount per line: the side's 合计 where it prints several columns (合计, 基本支出 …)
            first = next(
                (i for i in cols if re.search(r"(^|/)(合计|小计|总计)$", table.columns[i].label)), cols[0]
            )
            fmap = {first: main}
        elif len(cols) == 1 or side == "income":
            fmap = {cols[0]: main} if cols else {}
        else:
            for i in cols:
                for fld in ("total", "general_budget", "government_fund", "state_capital"):
                    if (
                        fld in resource.field_names
                        and fld not in fmap.values()
                        and any(re.search(p, table.columns[i].label) for p in table.spec.columns.get(fld, ()))
                    ):
                        fmap[i] = fld
                        break
        for i, f in fmap.items():
            table.columns[i].field = f
        label_col = start
        table.columns[label_col].field = "item"
        nest = _Nesting(book)
        current_item, child = None, None  # (depth, indent) of the open item; depth of its sub-items
        for row in table.rows:
            label = row.text(label_col)
            if not label:
                continue
            values = {f: amount(row.text(i), table.unit) for i, f in fmap.items()}
            for i, f in fmap.items():
                if row.text(i) and values[f] is None:
                    findings.add(table, row, f"{side} {f}: {row.text(i)!r} is not a number; left blank")
            code, level = (None, None)
            if side == "expenditure":
                embedded = CODE_IN_NAME.match(strip_ordinal(label))
                if embedded and len(embedded.group(1)) in (3, 5, 7):  # 201一般公共服务支出, [201]…
                    code = embedded.group(1)
                    level = code_level(code)
                    if level == "类":
                        nest.stack = [(row.x0(label_col) or 0.0, code)]
                else:
                    code, level = nest.code(label, row.x0(label_col), findings, table, row)
            plain = strip_ordinal(label)
            if plain in GRAND_TOTALS:
                role = "total"
            elif (
                plain in SUBTOTALS
                or plain in TOTALS_OR_SUBTOTALS
                or (side == "expenditure" and plain == "本年支出")
            ):
                role = "subtotal"
            elif level in ("款", "项"):
                role = "sub-item"
            elif code is not None:
                role = "item"
            elif current_item is not None and _deeper(label, row.x0(label_col), current_item) is not None:
                depth = _deeper(label, row.x0(label_col), current_item)
                child = child if child is not None and child <= depth else depth
                role = "sub-item" if depth == child else "detail"  # 其中 … under a sub-item
            else:
                role = "item"
            if role == "item":
                current_item, child = (_depth(label), row.x0(label_col)), None
            elif role in ("subtotal", "total"):
                current_item = None
            out[side].append(
                {
                    "side": side,
                    "role": role,
                    "item": label,
                    "code": code,
                    **values,
                    "source_line": str(row.line),
                    "_row": row,
                }
            )
    spending = out["expenditure"]
    first_coded = next((i for i, r in enumerate(spending) if r["code"]), None)
    for r in spending[:first_coded] if first_coded is not None else []:
        if r["role"] == "item" and _depth(r["item"]) == 1 and r.get("amount", r.get("total")) is not None:
            r["role"] = (
                "subtotal"  # 一、部门预算 heading the functions: this year's spending, as 一、本年支出
            )
    for side_rows in out.values():
        # 合计 / 收入合计 is the grand total where the side prints no 总计 (重庆 prints it at the top,
        # 福州 after 本年收入合计 and 上年结转结余)
        if not any(r["role"] == "total" for r in side_rows):
            grand = [r for r in side_rows if strip_ordinal(r["item"]) in TOTALS_OR_SUBTOTALS]
            if grand:
                grand[-1]["role"] = "total"
    rows = out["income"] + out["expenditure"]
    for n, r in enumerate(rows, 1):
        r["row"] = str(n)
    return rows


class _Nesting:
    """Codes of function names printed without codes: 类 by name, 款 and 项 by indentation under it."""

    def __init__(self, book: CodeBook):
        self.book = book
        self.stack: list[tuple[float, str]] = []  # (indent, code) of the open 类 / 款

    def code(self, label: str, x0: float | None, findings, table, row) -> tuple[str | None, str | None]:
        name = strip_ordinal(label)
        if NOT_A_FUNCTION.search(name):
            self.stack = []
            return None, None
        top = self.book.children(None, name)
        # a 类 by name: at the first level's indent, or numbered as one (一、二、 … whatever its indent)
        if top and (not self.stack or x0 is None or x0 <= self.stack[0][0] + 2 or _depth(label) == 1):
            self.stack = [(x0 or 0.0, top[0])]
            return top[0], "类"
        if not self.stack or x0 is None or x0 <= self.stack[0][0] + 2:
            self.stack = []
            return None, None
        while self.stack and x0 <= self.stack[-1][0] + 2:
            self.stack.pop()
        if not self.stack or len(self.stack) > 2:
            return None, None
        parent = self.stack[-1][1]
        found = self.book.children(parent, name)
        if len(found) != 1:
            findings.add(
                table,
                row,
                f"{name!r} under {parent}: {'no' if not found else 'several'} code(s) with this name; code left blank",
            )
            self.stack.append((x0, ""))
            return None, "款" if len(parent) == 3 else "项"
        self.stack.append((x0, found[0]))
        return found[0], "款" if len(found[0]) == 5 else "项"


def by_unit(table: Table, resource, year: int | None, findings: Findings, totals_only: bool) -> list[dict]:
    """Rows by unit (三公 table; an income table by unit, of which only the total row is standard)."""
    fields = set(resource.field_names) | {"department", "department_code", "year_label"}
    fmap = field_map(table, fields, year)
    inv = {f: i for i, f in fmap.items()}
    amounts = [f.name for f in resource.fields if f.is_amount and f.name in inv]
    if not amounts or (totals_only is False and amounts == ["total"]):
        # no column per item (因公出国, 公务接待 …): the items are printed as rows
        return _items_as_rows(table, resource, findings)
    rows = []
    department = None
    for row in table.rows:
        dep = row.text(inv["department"]) if "department" in inv else ""
        department = dep or department
        if "year_label" in inv:
            label = row.text(inv["year_label"])
            if year is None or not label.startswith(str(year)):
                continue  # the previous year's row or the change: kept in pdf_cells
            dep = dep or department
        values = {f: amount(row.text(inv[f]), table.unit) for f in amounts}
        if all(v is None for v in values.values()):
            continue
        _fund_split(table, row, inv, values, findings)
        rows.append(
            {
                "department_code": row.text(inv["department_code"]) if "department_code" in inv else None,
                "department": dep or None,
                **values,
                "source_line": str(row.line),
                "_row": row,
            }
        )
    if totals_only:
        total = [r for r in rows if r["department"] in TOTALS]
        if not total and len(rows) == 1:
            total = rows
        elif not total:
            findings.add(
                table, None, f"{len(rows)} units and no 合计 row: no total row for the standard table"
            )
        rows = [
            {
                "code": None,
                "code_printed": None,
                "name": r["department"] or "合计",
                **{k: v for k, v in r.items() if k not in ("department", "department_code")},
            }
            for r in total[:1]
        ]
    for n, r in enumerate(rows, 1):
        r["row"] = str(n)
    return rows


def _items_as_rows(table: Table, resource, findings: Findings) -> list[dict]:
    """A table that prints its items as rows (项目 | 预算数: 合计, 1、因公出国(境)费用 …) rather than as
    columns: each row's label is matched by the headings' patterns, its first amount is the item's."""
    if len(table.columns) < 2:
        return []
    out: dict = {}
    line = None
    for row in table.rows:
        label = re.sub('[“”"]', "", row.text(0)).replace("其中:", "")
        label = strip_ordinal(SUB_ORDINAL.sub("", strip_ordinal(label)))
        value = next((row.text(i) for i in range(1, len(table.columns)) if is_amount(row.text(i))), "")
        if not label or not value:
            continue
        for f in (f.name for f in resource.fields if f.is_amount):
            if f not in out and any(re.search(p, label) for p in table.spec.columns.get(f, ())):
                out[f] = amount(value, table.unit)
                line = line or str(row.line)
                break
    if "total" not in out:
        findings.add(table, None, "no 合计 among its rows or columns: the table is not read")
        return []
    table.columns[0].field = "item"
    return [{"row": "1", "department_code": None, "department": "合计", **out, "source_line": line}]


def _fund_split(table: Table, row: Row, inv: dict[str, int], values: dict, findings: Findings) -> None:
    """A fiscal figure printed split by budget ("X/一般公共预算", "X/政府性基金预算", "X/国有资本经营预算"):
    the general-budget column stands for the fiscal figure X only where the template's other budgets
    (``fund_split`` patterns) are printed zero or blank in the row; otherwise the field is left blank."""
    others = table.spec.columns.get("fund_split", ())
    if not others:
        return
    for f, i in inv.items():
        if f not in values or values[f] is None:
            continue
        parent, _, leaf = table.columns[i].label.rpartition("/")
        if "一般公共预算" not in leaf:
            continue
        siblings = [
            j
            for j, c in enumerate(table.columns)
            if j != i and c.label.rpartition("/")[0] == parent and any(re.search(p, c.label) for p in others)
        ]
        printed = [amount(row.text(j), table.unit) for j in siblings]
        if any(v is not None and Decimal(v) != 0 for v in printed):
            findings.add(
                table,
                row,
                f"{f}: printed split by budget ({parent or table.columns[i].label}); not one fiscal figure, left blank",
            )
            values[f] = None


def printed_fields(table: Table, resource) -> set[str]:
    """The resource's amount fields that a column of the table was mapped to."""
    return {c.field for c in table.columns if c.field} & {f.name for f in resource.fields if f.is_amount}


def is_amount(text: str) -> bool:
    return bool(AMOUNT.match(text))
