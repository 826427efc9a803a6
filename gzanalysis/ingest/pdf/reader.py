"""Read a 部门/单位预算 PDF into the standard tables: ``read_pdf(path, template=None) -> PdfReading``."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from gzanalysis.ingest.pdf import contents, narrative, performance, standard, templates
from gzanalysis.ingest.pdf.header import clean
from gzanalysis.ingest.pdf.selfcheck import class_rows, doubtful, grand_total, total_row
from gzanalysis.ingest.pdf.tables import JOININGS, UNIT, Document, Table, find_tables, reread
from gzanalysis.ingest.pdf.templates import normalise_title
from gzanalysis.ingest.pdf.textlayer import PdfError, read_pages
from gzanalysis.ingest.sections import TABLES

STANDARD_TABLES = tuple(TABLES)  # the nine standard tables of the national template
CELL_COLUMNS = [
    "table",
    "title",
    "page",
    "source_line",
    "row",
    "column",
    "heading",
    "field",
    "printed",
    "amount",
]


@dataclass
class PdfReading:
    tables: dict[str, list[dict]]  # standard resource → rows (strings, None for blank)
    read: list[Table]  # every table found, as printed
    meta: dict
    template: str
    template_scores: dict[str, int]
    text: str  # the text layer, one printed line per line: source_line refers to it
    notes: list[str] = field(default_factory=list)  # tables not recognised
    findings: list[str] = field(default_factory=list)  # values or rows that could not be mapped
    n_pages: int = 0
    structure: dict[str, dict] = field(
        default_factory=dict
    )  # resource → not_printed, expenditure_by, rows_by
    table_notes: dict[str, str] = field(default_factory=dict)  # resource → note printed under its empty table
    template_record: dict = field(default_factory=dict)  # what the family requires; what was not read
    contents: dict | None = None  # the 目录's table titles, its line, those found
    narrative: object = None  # the 情况说明 read (gzanalysis.ingest.pdf.narrative.NarrativeReading)
    performance: object = None  # the performance tables read (gzanalysis.ingest.pdf.performance.Performance)

    def cells(self) -> list[dict]:
        """Every cell of every table read, as printed, with its page, line and heading (pdf_cells)."""
        out = []
        for n, t in enumerate(self.read, 1):
            key = t.spec.key if t.spec else f"table{n}"
            for r in t.rows:
                for i in sorted(r.cells):
                    text = r.text(i)
                    if not text:
                        continue
                    col = t.columns[i]
                    value = (
                        standard.amount(text, t.unit)
                        if standard.is_amount(text)
                        and col.field
                        not in ("code", "code_class", "code_item", "code_sub", "department_code")
                        else None
                    )
                    out.append(
                        {
                            "table": key,
                            "title": clean(t.title),
                            "page": str(r.page),
                            "source_line": str(r.line),
                            "row": str(r.position),
                            "column": str(i + 1),
                            "heading": col.label,
                            "field": col.field,
                            "printed": text,
                            "amount": value,
                        }
                    )
        return out


def _page_ranges(numbers: list[int]) -> str:
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(f"{start}–{n}" if n != start else str(n))
            start = None
    return ", ".join(out)


UNIT_NAME = re.compile(r"^(?:部门名称|部门|单位名称|预算单位|编制单位|单位)[:：](.+?)(?:单位[:：].*)?$")
# A subordinate unit's own budget (单位预算), not its department's (部门预算): said on its first pages.
UNIT_BUDGET = re.compile(r"单位预算")
DEPARTMENT_BUDGET = re.compile(r"部门预算|部门综合预算")
COVER = re.compile(r"(?:\d{4}年度?)?([^\d]{4,40}?)(?:\d{4}年度?)?(?:部门|单位)(?:综合)?预算")


def _meta(doc: Document) -> dict:
    """Year, unit and scope from what the document prints (its first pages and its tables' headings),
    never from the file's name."""
    meta: dict = {}
    first = [clean(line.text) for page in doc.pages[:3] for line in page.lines]
    for text in first:
        m = re.search(r"(\d{4})\s*年", text)
        if m and "year" not in meta:
            meta["year"] = int(m.group(1))
    for page in doc.pages:
        for line in page.lines:
            m = UNIT_NAME.match(clean(line.text))
            if m and not UNIT.match(clean(line.text)) and m.group(1).strip():
                meta["unit"] = m.group(1).strip()
                break
        if "unit" in meta:
            break
    opening = "".join(first[:8])
    if "unit" not in meta:  # the cover: 2026年度 / 福州经济技术开发区生态环境局 / 单位预算
        cover = "".join(clean(line.text) for line in doc.pages[0].lines)
        m = COVER.search(cover)
        if m:
            meta["unit"] = m.group(1)
    if UNIT_BUDGET.search(opening) and not DEPARTMENT_BUDGET.search(opening):
        meta["scope"] = "单位预算 (a unit's own budget, not its department's)"
    opening_pages = [clean(line.text) for page in doc.pages[:6] for line in page.lines]
    city = _city(meta.get("unit", ""), [t for t in first if "预算" in t], opening_pages)
    if city:
        meta["city"] = city
    if "year" in meta:
        meta["previous_year"] = meta["year"] - 1
    return meta


CITY_AT_START = re.compile(r"^(?:\d{4}年度?)?([\u4e00-\u9fff]{2,4}?市)(?!级)")  # 上海市2026年…, 苏州市审计局
CITY_IN_TEXT = re.compile(r"([\u4e00-\u9fff]{2}市)")  # 在福州市生态环境局的领导下 → 福州市
NOT_A_CITY = ("城市", "都市", "超市", "股市", "集市", "门市", "本市", "全市", "我市")


def _city(unit: str, titles: list[str], text: list[str]) -> str | None:
    """The city the document is of: the one its unit's name or a title begins with (上海市2026年市级
    单位预算), else the first one its opening pages name (在福州市生态环境局…)."""
    for where in (unit, *titles):
        if (m := CITY_AT_START.match(where)) and m.group(1)[-2:] not in NOT_A_CITY:
            return m.group(1)
    for line in text:
        for m in CITY_IN_TEXT.finditer(line):
            if m.group(1) not in NOT_A_CITY:
                return m.group(1)
    return None


def _shape_by_header(t: Table, tmpl) -> templates.TableSpec:
    """The table's spec, with the shape its header shows: a table the family classifies by code but
    whose header has a unit column (单位名称, 预算单位) and no code or subject column is read by unit."""
    spec = t.spec
    if spec.shape != "classified":
        return spec
    labels = [c.label for c in t.columns]

    def headed(fields: tuple[str, ...], columns: dict) -> bool:
        return any(re.search(p, label) for f in fields for p in columns.get(f, ()) for label in labels)

    by_unit = tmpl.shape_columns.get("by-unit", {})
    coded = headed(("code", "code_class", "name"), spec.columns)
    if not coded and headed(("department", "department_code"), by_unit):
        return tmpl.reshaped(spec, "by-unit")
    return spec


def _doubtful(spec, rows: list[dict]) -> bool:
    """A reading to try again: it breaks an identity, or a table by code gave no 类 or no 合计."""
    if doubtful({spec.resource: rows}):
        return True
    return spec.shape == "classified" and bool(rows) and (not class_rows(rows) or total_row(rows) is None)


def _read_again(doc, t, res, spec, book, ebook, findings, meta, rows):
    """A reading that breaks an identity its printed numbers satisfy (its 类 do not add up to its 合计)
    is tried again with the other ways of joining lines into rows; the first that holds is kept, and the
    report says so. Where none holds, the first reading stays and the report lists the identity."""
    for joining in JOININGS:
        if joining == t.joining:
            continue
        again = reread(doc, t, joining)
        notes = standard.Findings()
        other = _map(again, res, spec, book, ebook, notes, meta)
        if other and not _doubtful(spec, other):
            findings.notes += notes.notes
            findings.add(t, None, f"read again with its lines joined by {joining!r}: its identities now hold")
            return again, other
    return t, rows


def _map(t: Table, res, spec, book, ebook, findings: standard.Findings, meta: dict) -> list[dict]:
    """The printed table's rows as rows of the standard resource, by the shape its header shows."""
    if spec.shape == "classified":
        return standard.classified(
            t, res, ebook if spec.classification == "economic" else book, findings, meta.get("unit")
        )
    if spec.shape == "two-sided":
        return standard.two_sided(t, res, book, findings)
    return standard.by_unit(
        t, res, meta.get("year"), findings, totals_only=spec.resource != "three_public_expenses"
    )


def _expenditure_by(rows: list[dict], spec) -> str:
    """What a summary's expenditure side lists: "function" where it names 功能分类 类 (coded), "kind"
    where it lists 基本支出 / 项目支出 and no function; else what the family says."""
    spending = [r for r in rows if r["side"] == "expenditure" and r["role"] == "item"]
    if any(r["code"] for r in spending):
        return "function"
    if any(standard.strip_ordinal(r["item"]).startswith(("基本支出", "项目支出")) for r in spending):
        return "kind"
    return spec.expenditure_by


def _functions_from_summary(out: dict, structure: dict, findings: standard.Findings) -> None:
    """Where the 支出总表 is not by function (by unit × funding source, as 西安 prints it), the 类 amounts
    are those the 收支总表 prints on its expenditure side (支出功能分类 by 类): the expenditure table is
    taken from there, 类 and 本年支出合计 only, and the package says where its rows come from."""
    if class_rows(out.get("expenditure_by_function") or []):
        return
    summary = out.get("budget_summary") or []
    lines = [
        r
        for r in summary
        if r["side"] == "expenditure" and r["code"] and len(r["code"]) == 3 and r.get("amount")
    ]
    subtotal = grand_total(summary, "expenditure", "subtotal") or grand_total(summary, "expenditure")
    if not lines or subtotal is None:
        return
    rows = [
        {
            "code": None,
            "code_printed": None,
            "name": "合计",
            "total": subtotal["amount"],
            "_row": subtotal["_row"],
            "source_line": subtotal["source_line"],
        }
    ]
    rows += [
        {
            "code": r["code"],
            "code_printed": None,
            "name": standard.strip_ordinal(r["item"]),
            "total": r["amount"],
            "source_line": r["source_line"],
            "_row": r["_row"],
        }
        for r in lines
    ]
    for n, r in enumerate(rows, 1):
        r["row"] = str(n)
    out["expenditure_by_function"] = rows
    structure["expenditure_by_function"] = {
        "not_printed": ["basic", "project"],
        "read_from": "budget_summary",
    }
    findings.notes.append(
        "expenditure_by_function: the printed 支出总表 is not by function; its 类 rows and 合计 are the "
        "收支总表's expenditure side (支出功能分类 by 类); the printed table is in pdf_cells"
    )


def master_codes(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


def read_pdf(
    path: str | Path,
    layout: dict,
    functional: dict,
    economic: dict,
    template: str | None = None,
    withhold: tuple[str, ...] = (),
) -> PdfReading:
    pages = read_pages(path)
    empty = [p.number for p in pages if p.n_chars == 0]
    if len(empty) == len(pages) or len(empty) >= max(1, len(pages) // 2):
        raise PdfError(f"no text layer on pages {_page_ranges(empty)}: this PDF is a scan; OCR it first")
    doc = Document(pages)
    titles = []
    for p in pages:
        lines = p.lines
        for i, line in enumerate(lines):
            if UNIT.search(clean(line.text)):
                titles += [normalise_title(x.text) for x in lines[max(0, i - 4) : i]]
    if template is None:
        tmpl, scores = templates.detect(titles, withhold)
    else:
        tmpl, scores = templates.load(template), {}
    found, notes = find_tables(doc, tmpl)
    meta = _meta(doc)
    keys = {t.spec.resource for t in found if t.spec and t.spec.resource}
    if not keys & {"budget_summary", "expenditure_by_function"}:
        missing = ", ".join(f"{n} ({layout[n].title})" for n in STANDARD_TABLES if n not in keys)
        raise PdfError(f"not a budget disclosure (部门/单位预算): the standard tables are missing: {missing}")
    findings = standard.Findings()
    book = standard.CodeBook(functional)
    ebook = standard.CodeBook(economic)
    out: dict[str, list[dict]] = {}
    structure: dict[str, dict] = {}  # resource → how the printed table differs (package meta "structure")
    table_notes: dict[str, str] = {}
    # classified tables first: their printed codes name the functions of the summary tables
    order = sorted(found, key=lambda t: 0 if t.spec and t.spec.shape == "classified" else 1)
    for t in order:
        if t.spec is not None:
            t.spec = _shape_by_header(t, tmpl)
        spec = t.spec
        if spec is None or not spec.resource or out.get(spec.resource):
            continue  # a later table of the same resource is tried where an earlier one gave no row
        res = layout[spec.resource]
        if spec.shape not in ("classified", "two-sided", "by-unit"):
            continue
        try:
            rows = _map(t, res, spec, book, ebook, findings, meta)
            if _doubtful(spec, rows):
                again, rows = _read_again(doc, t, res, spec, book, ebook, findings, meta, rows)
                found[found.index(t)], t = again, again
        except (ValueError, KeyError, IndexError, TypeError, ArithmeticError) as exc:
            # one table that cannot be read leaves the rest of the document readable: the package is
            # partial, and says which table, where, and what was expected
            findings.add(t, None, f"not read: its rows are not those of a {spec.shape} table ({exc!r})")
            rows = []
        out[spec.resource] = rows
        facts: dict = {}
        absent = (
            {f.name for f in res.fields if f.is_amount} - standard.printed_fields(t, res) - set(t.derived)
        )
        if absent:
            facts["not_printed"] = sorted(absent)
        if t.derived:
            # a value the document does not print but its parts: marked, never mixed silently
            facts["derived"] = [f"{f} = {how}" for f, how in sorted(t.derived.items())]
        if spec.shape == "two-sided" and _expenditure_by(rows, spec) != "function":
            facts["expenditure_by"] = _expenditure_by(rows, spec)
        if spec.shape == "by-unit" and res.classification:
            facts["rows_by"] = "unit"  # a table the standard layout classifies by code, printed by unit
        if facts:
            structure[spec.resource] = facts
        if not rows and t.notes:
            table_notes[spec.resource] = "".join(t.notes)  # an empty table's 备注 (注：…无…)
    _functions_from_summary(out, structure, findings)
    listed = contents.contents(doc, tmpl, found)
    known = template is not None or tmpl.name != "national"  # a family whose contents are known
    text = doc.text()
    story = _narrative(text, found, listed, tmpl.requires.get("sections", []) if known else [])
    perf = performance.read(doc, tmpl)
    performance.cross_check(perf, found)
    return PdfReading(
        tables=out,
        read=found,
        meta=meta,
        template=tmpl.name,
        template_scores=scores,
        text=text,
        notes=notes,
        findings=findings.notes,
        n_pages=len(pages),
        structure=structure,
        table_notes=table_notes,
        template_record=contents.template_record(
            tmpl, found, listed, known=known, narrative=story, performance=perf
        ),
        contents=listed,
        narrative=story,
        performance=perf,
    )


def narrative_again(reading: PdfReading):
    """The narrative of ``reading`` read again with the phrasings in use now, without a family's list of
    sections: as a document of a city the project has no family for (``generalise.narrative_withheld``)."""
    return _narrative(reading.text, reading.read, reading.contents, [])


# A line of running text, not of a table: a sentence, a 万元 figure, a part's or section's heading.
_PROSE = re.compile(r"。|万元|^第[一二三四五六七八九十]+部分|情况说明|^[一二三四五六七八九十]+、")


def _narrative(text: str, found: list[Table], listed: dict | None, sections: list[str]):
    """The 情况说明, read from the lines outside the tables (each from above its header to its last row)."""
    skip: set[int] = set()
    printed = text.split("\n")
    for t in found:
        lines = sorted(r.line for r in t.rows if r.line)
        if not lines:
            continue
        last = lines[-1]
        if t.spec is None or t.spec.shape != "performance":
            # a table read on into the narrative ends where prose begins (a sentence, a 万元 figure)
            prose = next((n for n in lines if _PROSE.search(printed[n - 1].replace("\t", ""))), None)
            last = prose - 1 if prose else last
        skip.update(range(max(1, lines[0] - 8), last + 1))
    contents_pages: set[int] = set()
    if listed and listed.get("source_line"):
        page = 0
        for n, raw in enumerate(text.split("\n"), 1):
            if raw.startswith("[page "):
                page = int(raw[6:-1])
            if n == listed["source_line"]:
                contents_pages = {page}  # its own page: the headings it lists are not the body's
                break
    return narrative.read(text, skip, sections, contents_pages)
