"""One document of a corpus: its source file in, its package (and its facts as Parquet) out.

``ingest_file(path)`` is the one entry point that reads a source by its suffix: ``.txt`` goes to the OCR-text
ingest (with the errata of ``<stem>.errata.csv`` beside it, when present), ``.pdf`` to the PDF ingest, looked
up in ``gzanalysis.ingest`` when the document is read (a build without it reports a clear error for that
document only). ``process(task)`` is what a worker runs for one document; it never raises: a failure is a
record with ``status == "error"``. A package appears under ``CORPUS/packages/<id>/`` only complete: it is
written, loaded (validated) and audited in a private temporary folder, then moved into place by a rename.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
import traceback
import uuid
from functools import cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from importlib.resources import files
from pathlib import Path

SUFFIXES = (".txt", ".pdf")
PARTIAL = ".partial"  # CORPUS/.partial/: work in progress; removed at the start and end of every batch
# A document's status in the manifest. ok: a package; partial: a package, some standard tables unreadable;
# refused: not read (not what its name says, or past a limit: the reason says which and by how much);
# error: reading it failed (an exception, or its reader died). (Not PARTIAL above: that is a folder.)
STATUSES = ("ok", "partial", "refused", "error")
PACKAGED = ("ok", "partial")  # the statuses with a package in CORPUS/packages/
RECORD_KEYS = (
    "file",
    "sha256",
    "errata_sha256",
    "id",
    "version",
    "limits",
)  # what a record takes from its task
PACKAGES = "packages"
FACTS_FILE = "facts.parquet"  # each package's facts, with the corpus' columns, beside its CSVs
# Tables of each package the corpus keeps whole beside its facts (one Parquet file each, ``disclosure`` in
# front): what the narrative says changed and why (compared with what, on which page), the figures it states in
# words (a carry-over of 0), and the audit's findings. Facts hold amounts only; these hold the words too.
DOCUMENT_TABLES = ("narrative_changes", "narrative_figures", "findings")
# The kind of document its title names (…2026年部门预算公开 / 单位预算公开): a 部门预算 consolidates the
# department's own budget (本级) and its units'; a 单位预算 is one unit's.
BUDGETS = ("部门预算", "单位预算")
# The corpus' own columns, in front of a Disclosure's facts.
DOC_COLUMNS = ("disclosure", "unit", "city", "year")
UNKNOWN_PLACE = "未知"
# 赣州市行政审批局 → 赣州市 (市 first: 苏州市审计局 → 苏州市, not 苏州); 延边朝鲜族自治州… → 延边朝鲜族自治州;
# else the province (江西省…), else unknown.
_PLACES = [
    re.compile(p) for p in (r"^(.{1,8}?市)", r"^(.{1,8}?(?:自治州|州|盟|地区))", r"^(.{1,8}?(?:省|自治区))")
]


@cache
def version() -> str:
    """The installed gzanalysis version and a fingerprint of what reads a document (the ingest's code and
    templates, the layout, the code lists): a re-run re-ingests everything when either changes, so a
    corpus built by an older reader is never taken for one of this reader."""
    try:
        release = dist_version("gzanalysis")
    except PackageNotFoundError:  # pragma: no cover - running from a checkout that is not installed
        release = "unknown"
    root = Path(str(files("gzanalysis")))
    readers = sorted(
        [
            *(root / "ingest").rglob("*.py"),
            *(root / "audit").rglob("*.py"),  # a record holds the audit's findings
            root / "package" / "template.toml",
            root / "corpus" / "documents.py",  # what a package of the corpus holds
            *(root / "ingest").rglob("*.toml"),
            root / "package" / "layout.toml",
            *(root / "data" / "classifications").glob("*.csv"),
        ]
    )
    h = hashlib.sha256()
    for path in readers:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return f"{release}+{h.hexdigest()[:12]}"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def errata_of(path: Path) -> Path | None:
    """The errata of an OCR text: ``<stem>.errata.csv`` beside it."""
    candidate = path.with_name(f"{path.stem}.errata.csv")
    return candidate if path.suffix.lower() == ".txt" and candidate.is_file() else None


def document_id(path: Path) -> str:
    """The package id of a source file: its name without suffix, lower case, ``-`` for anything else than
    letters, digits and CJK (``2026年 Wuxi Audit.pdf`` → ``2026年-wuxi-audit``)."""
    stem = re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", path.stem.lower()).strip("-")
    return stem or "document"


def place(unit: str | None) -> str:
    """The city (or, without one, the province) a unit's name begins with: the corpus' partition.

    >>> [place(u) for u in ("苏州市审计局", "延边朝鲜族自治州财政局", "江西省财政厅", "合成测试单位1")]
    ['苏州市', '延边朝鲜族自治州', '江西省', '未知']
    """
    for pattern in _PLACES:
        if unit and (m := pattern.match(unit)):
            return m.group(1)
    return UNKNOWN_PLACE


def ingest_file(path: str | Path):
    """Read one source by its suffix into an ingest result (an object with ``.write(folder)``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from gzanalysis.ingest import ingest

        return ingest(path, errata=errata_of(path))
    if suffix == ".pdf":
        from gzanalysis.ingest.pdf import ingest_pdf

        return ingest_pdf(path)
    raise ValueError(f"cannot ingest {path.name}: only {', '.join(SUFFIXES)} files are read")


def totals(d) -> dict:
    """A disclosure's headline figures (万元), from its 合计 rows: NaN where a table has none."""

    def first(table: str, column: str) -> float:
        t = d.table(table)
        rows = t.loc[t["code"].isna(), column] if "code" in t.columns else t[column]
        return float(rows.iloc[0]) if len(rows) and rows.notna().iloc[0] else float("nan")

    three = d.table("three_public_expenses")
    return {
        "expenditure": first("expenditure_by_function", "total"),
        "basic": first("expenditure_by_function", "basic"),
        "project": first("expenditure_by_function", "project"),
        "income": first("income_by_function", "total"),
        "carryover": first("income_by_function", "carryover"),
        "three_public": float(three["total"].dropna().iloc[0])
        if three["total"].notna().any()
        else float("nan"),
    }


def _documented(frame, d, city: str):
    """``frame`` with the corpus' columns in front (year as int32), as an Arrow table."""
    import pyarrow as pa

    frame = frame.copy()
    for i, (name, value) in enumerate(zip(DOC_COLUMNS, (d.id, d.meta.get("unit"), city, None), strict=True)):
        frame.insert(i, name, value)
    frame["year"] = d.meta.get("year")
    frame = frame.astype({"year": "Int32"})
    return pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)


def facts_table(d, city: str):
    """The disclosure's facts with the corpus' columns in front, as an Arrow table (year as int32)."""
    return _documented(d.facts, d, city)


def budget(d) -> str | None:
    """部门预算 or 单位预算: the kind of budget its title names (None where it names neither)."""
    title = str(d.meta.get("title") or "")
    return next((kind for kind in BUDGETS if kind in title), None)


def document_table(d, name: str, findings=None):
    """One of ``DOCUMENT_TABLES`` of the disclosure (``findings``: the audit's, given) with ``disclosure`` (its
    id) in front, as an Arrow table: the disclosures table has its unit, city and year."""
    import pyarrow as pa

    frame = (findings if name == "findings" else d.table(name)).copy()
    frame.insert(0, "disclosure", d.id)
    return pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)


def _install(tmp: Path, final: Path, work: Path) -> None:
    """Move a finished package into place: the old one (if any) aside first, then the new one in."""
    old = work / "old"
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def failure(task: dict, status: str, message: str, **extra) -> dict:
    """The record of a document that gave no package: ``status`` (refused or error) and why."""
    record = {k: task[k] for k in RECORD_KEYS if k in task}
    return {**record, "status": status, "error": message, "findings": None, "seconds": 0.0, **extra}


def process(task: dict) -> dict:
    """Ingest one document into ``task["out"]/packages/<id>/``; return its manifest record.

    ``task`` holds ``file``, ``sha256``, ``id``, ``out`` (the corpus folder), ``version`` and ``limits``
    (``preflight.Limits`` as a dict). The record adds ``status`` (see ``STATUSES``), ``seconds`` (wall),
    ``cpu_seconds``, ``findings`` (audit statuses counted), ``error`` (the reason, for refused and error),
    ``reason`` (its kind in one word) and ``limit`` (the flag of the limit it broke), ``active_content``
    (what a PDF would run or fetch: listed, never run), and what the disclosures table shows (unit, city,
    year, totals, tables read, facts). The limits of time and memory are the supervisor's
    (``corpus.reader``); this checks the rest (``ingest.preflight``) before any page is read.
    """
    from gzanalysis.ingest.preflight import Refused, check, limits

    start, cpu = time.perf_counter(), time.process_time()
    info = None
    with limits(task.get("limits")) as lim:
        try:
            info = check(task["file"])
            record = _package(task)
        except Refused as exc:
            record = failure(
                task, "refused", str(exc), reason=exc.kind, limit=exc.limit and lim.FLAGS[exc.limit]
            )
        except MemoryError:  # the reader's address space cap (corpus.reader): the memory limit
            message = (
                f"over the memory limit: an allocation failed at the reader's cap of {2 * lim.max_memory:,} MB "
                f"of address space (twice --max-memory {lim.max_memory:,} MB)"
            )
            record = failure(task, "refused", message, reason="memory", limit="--max-memory")
        except Exception as exc:  # one failing document never stops the batch: its error is its record
            record = failure(task, "error", _error(exc))
    if info is not None and info.active:
        record["active_content"] = info.active  # listed, never run
    record["seconds"] = round(time.perf_counter() - start, 3)
    # this process' CPU: the cost, whatever the load
    record["cpu_seconds"] = round(time.process_time() - cpu, 3)
    return record


def _error(exc: BaseException) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({Path(last.filename).name}:{last.lineno})" if last else ""
    return f"{type(exc).__name__}: {exc}{where}"


def _package(task: dict) -> dict:
    """Read, write, load, audit and install one document's package; its record (ok or partial)."""
    from gzanalysis.audit import STATUS_ORDER, audit
    from gzanalysis.package.layout import layout
    from gzanalysis.package.load import load

    path, out = Path(task["file"]), Path(task["out"])
    record = {k: task[k] for k in RECORD_KEYS if k in task}
    work = out / PARTIAL / uuid.uuid4().hex
    try:
        result = ingest_file(path)
        tmp = work / task["id"]  # the folder's name is the package id the writer records
        work.mkdir(parents=True)
        shutil.copytree(out / PACKAGES / "classifications", work / "classifications")
        result.write(tmp)
        d = load(tmp)
        checks = audit(d)
        findings = checks["status"].value_counts()
        city = d.meta.get("city") or place(d.meta.get("unit"))
        import pyarrow.parquet as pq

        facts = facts_table(d, city)
        pq.write_table(facts, tmp / FACTS_FILE)
        for name in DOCUMENT_TABLES:
            pq.write_table(document_table(d, name, checks), tmp / f"{name}.parquet")
        partial = bool(getattr(result, "partial", False))  # a package, some standard tables unreadable
        record.update(
            status="partial" if partial else "ok",
            error=None,
            unit=d.meta.get("unit"),
            budget=budget(d),
            city=city,
            year=d.meta.get("year"),
            findings={s: int(findings.get(s, 0)) for s in STATUS_ORDER},
            facts=facts.num_rows,
            tables_read=sum(
                1
                for name, res in layout().items()
                if res.title in d.tables and len(d.tables[res.title]) and not name.endswith("_codes")
            ),
            **totals(d),
        )
        _install(tmp, out / PACKAGES / task["id"], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return record
