"""The corpus store: one Parquet dataset of every document's facts, and a disclosures table.

```
CORPUS/corpus.json                         the manifest: one record per source file
CORPUS/packages/<id>/                      one data package per document (+ facts.parquet)
CORPUS/facts/year=2026/city=无锡市/part-0.parquet   every fact of the partition's documents
CORPUS/disclosures.parquet                 one row per document: unit, budget (部门/单位预算), city, year, totals, audit, status
CORPUS/narrative_changes.parquet           every document's change statements (amount, change, compared with, reason)
CORPUS/narrative_figures.parquet           every document's other stated figures (a carry-over stated in words)
CORPUS/findings.parquet                    every document's audit findings
```

``Corpus`` opens it: ``.sql(query)`` runs DuckDB over the Parquet files (views ``facts``, ``disclosures``,
``narrative_changes``, ``narrative_figures`` and ``findings``; filters and projections are pushed down into the files, hive partitions pruned — nothing is
loaded whole), ``.facts(**filters)`` returns the matching facts as pandas, ``.disclosures`` the table,
``.load(id)`` one ``Disclosure``.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from gzanalysis.audit import STATUS_ORDER
from gzanalysis.audit.checks import COLUMNS as FINDING_COLUMNS
from gzanalysis.corpus.documents import DOCUMENT_TABLES, FACTS_FILE, PACKAGED, PACKAGES

MANIFEST = "corpus.json"
FACTS = "facts"
DISCLOSURES = "disclosures.parquet"
PARTITIONS = ("year", "city")
# The columns of the disclosures table, in order (records may hold more: the manifest keeps everything).
DISCLOSURE_COLUMNS = [
    "id", "unit", "budget", "city", "year", "status", "error", "reason", "file", "sha256", "seconds", "facts", "tables_read",
    "expenditure", "basic", "project", "income", "carryover", "three_public",
    *(f"findings_{status}" for status in STATUS_ORDER), "version",
]  # fmt: skip
FINDINGS = [f"findings_{status}" for status in STATUS_ORDER]


def partition_dir(root: Path, year, city: str) -> Path:
    return root / FACTS / f"year={year}" / f"city={city}"


def write_partition(folder: Path, tables: list) -> None:
    """Write one partition's file (``part-0.parquet``) from Arrow tables, atomically (temp file + rename);
    the partition columns live in the path only."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    table = pa.concat_tables(tables, promote_options="permissive")
    table = table.drop_columns([c for c in PARTITIONS if c in table.column_names])
    tmp = folder / ".part-0.parquet.tmp"
    pq.write_table(table, tmp, row_group_size=1 << 20)
    os.replace(tmp, folder / "part-0.parquet")


def disclosures_frame(records: Iterable[dict]) -> pd.DataFrame:
    rows = []
    for r in records:
        row = {c: r.get(c) for c in DISCLOSURE_COLUMNS}
        for status, n in (r.get("findings") or {}).items():
            row[f"findings_{status}"] = n
        rows.append(row)
    frame = pd.DataFrame(rows, columns=DISCLOSURE_COLUMNS)
    ints = ["year", "facts", "tables_read", *FINDINGS]
    floats = ["seconds", "expenditure", "basic", "project", "income", "carryover", "three_public"]
    strings = [c for c in DISCLOSURE_COLUMNS if c not in ints + floats]
    return (
        frame.astype({**dict.fromkeys(ints, "Int64"), **dict.fromkeys(floats, "float64")})
        .astype(dict.fromkeys(strings, "string"))
        .sort_values("id", kind="stable")
        .reset_index(drop=True)
    )


def write_disclosures(root: Path, records: Iterable[dict]) -> None:
    tmp = root / f".{DISCLOSURES}.tmp"
    disclosures_frame(records).to_parquet(tmp, index=False)
    os.replace(tmp, root / DISCLOSURES)


def build(root: Path, records: list[dict]) -> None:
    """(Re)write the store from the records: the disclosures table, and each facts partition whose
    documents (ids, hashes, version) differ from those it was last written from. Partitions without
    documents go; ``facts/_partitions.json`` records what each partition holds."""
    import pyarrow.parquet as pq

    root = Path(root)
    ok = [r for r in records if r.get("status") in PACKAGED]
    members: dict[tuple, list[str]] = {}
    for r in ok:
        stamp = f"{r['id']}@{r['sha256']}@{r.get('errata_sha256', '')}@{r.get('version', '')}"
        members.setdefault((r["year"], r["city"]), []).append(stamp)
    index_path = root / FACTS / "_partitions.json"
    before = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    keep = set()
    for (year, city), ids in sorted(members.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        folder = partition_dir(root, year, city)
        key = str(folder.relative_to(root / FACTS))
        keep.add(key)
        ids = sorted(ids)
        if before.get(key) == ids and (folder / "part-0.parquet").exists():
            continue
        files = [root / PACKAGES / stamp.split("@")[0] / FACTS_FILE for stamp in ids]
        write_partition(folder, [pq.read_table(f) for f in files])
        before[key] = ids
    for key in set(before) - keep:
        shutil.rmtree(root / FACTS / key, ignore_errors=True)
        before.pop(key)
    if (root / FACTS).exists():
        for year_dir in (root / FACTS).glob("year=*"):
            if year_dir.is_dir() and not any(year_dir.iterdir()):
                year_dir.rmdir()
    (root / FACTS).mkdir(parents=True, exist_ok=True)
    index_path.write_text(json.dumps(before, ensure_ascii=False, indent=1), encoding="utf-8")
    for name in DOCUMENT_TABLES:
        write_document_table(root, name, [r["id"] for r in ok])
    write_disclosures(root, records)


def _columns(name: str) -> list[str]:
    """The columns of a document table (``DOCUMENT_TABLES``): ``disclosure``, then the package's."""
    from gzanalysis.package.layout import layout

    own = FINDING_COLUMNS if name == "findings" else [f.name for f in layout()[name].fields]
    return ["disclosure", *own]


def write_document_table(root: Path, name: str, ids: list[str]) -> None:
    """``CORPUS/<name>.parquet``: the table ``name`` of every packaged document, one after the other (an
    empty table with its columns where there is none), atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = [root / PACKAGES / i / f"{name}.parquet" for i in sorted(ids)]
    tables = [pq.read_table(f) for f in files if f.is_file()]
    if tables:
        table = pa.concat_tables(tables, promote_options="permissive")
    else:
        table = pa.table({c: pa.array([], pa.string()) for c in _columns(name)})
    tmp = root / f".{name}.parquet.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, root / f"{name}.parquet")


class Corpus:
    """A corpus folder, opened: ``.disclosures``, ``.facts(...)``, ``.sql(...)``, ``.load(id)``."""

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        if not (self.path / DISCLOSURES).is_file():
            raise FileNotFoundError(
                f"{self.path} is not a corpus (no {DISCLOSURES}): build one with "
                f"`gzanalysis ingest FOLDER --out {self.path}`"
            )
        self._con = None

    def __repr__(self) -> str:
        d = self.disclosures
        return (
            f"<Corpus {self.path}: {int(d['status'].isin(PACKAGED).sum())} disclosures ({len(d)} documents)>"
        )

    @property
    def manifest(self) -> dict:
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    @property
    def disclosures(self) -> pd.DataFrame:
        """One row per document (failed ones included, with their error): unit, city, year, totals,
        tables read, audit findings."""
        return pd.read_parquet(self.path / DISCLOSURES)

    @property
    def ids(self) -> list[str]:
        d = self.disclosures
        return d.loc[d["status"].isin(PACKAGED), "id"].tolist()

    def connection(self):
        """A DuckDB connection with the views ``facts``, ``disclosures`` and the document tables
        (``narrative_changes``, ``narrative_figures``, ``findings``), created once."""
        if self._con is None:
            import duckdb

            con = duckdb.connect()
            files = str(self.path / FACTS / "**" / "*.parquet").replace("'", "''")
            if any((self.path / FACTS).glob("year=*/city=*/*.parquet")):
                con.execute(
                    f"create view facts as select * from read_parquet('{files}', hive_partitioning = true)"
                )
            else:  # an empty corpus: the same columns, no rows
                con.execute("create view facts as select * from (select 1) where false")
            table = str(self.path / DISCLOSURES).replace("'", "''")
            con.execute(f"create view disclosures as select * from read_parquet('{table}')")
            for name in DOCUMENT_TABLES:
                path = self.path / f"{name}.parquet"
                if path.is_file():
                    table = str(path).replace("'", "''")
                    con.execute(f"create view {name} as select * from read_parquet('{table}')")
                else:  # a corpus built before these tables were kept: their columns, no rows
                    columns = ", ".join(f'null::varchar as "{c}"' for c in _columns(name))
                    con.execute(f"create view {name} as select {columns} where false")
            self._con = con
        return self._con

    def sql(self, query: str, params: list | dict | None = None) -> pd.DataFrame:
        """Run a DuckDB query over the views (``facts``, ``disclosures``, ``narrative_changes``,
        ``narrative_figures``, ``findings``); the result as pandas."""
        return self.connection().execute(query, params).df()

    def facts(self, columns: list[str] | None = None, **filters) -> pd.DataFrame:
        """The facts matching ``filters`` (column=value, or column=[values]), only ``columns`` if given.

        >>> # c.facts(city="赣州市", measure="carryover", level="类", columns=["disclosure", "code", "amount"])
        """
        where, params = [], []
        names = set(self.sql("select * from facts limit 0").columns)
        for column, value in filters.items():
            if column not in names:
                raise KeyError(f"no column {column!r} in facts: {sorted(names)}")
            values = list(value) if isinstance(value, list | tuple | set) else [value]
            where.append(f'"{column}" in ({", ".join("?" * len(values))})' if values else "false")
            params += values
        cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        query = f"select {cols} from facts" + (f" where {' and '.join(where)}" if where else "")
        return self.sql(query, params)

    def load(self, id: str):
        """One document's ``Disclosure`` (validated like any package)."""
        from gzanalysis.package.load import load

        folder = self.path / PACKAGES / id
        if not folder.is_dir():
            raise KeyError(f"no disclosure {id!r} in {self.path}; the corpus holds {self.ids}")
        return load(folder)


CORPUS_ENV = "GZANALYSIS_CORPUS"  # the corpus gz.corpus() opens when given no path


def corpus(path: str | Path | None = None) -> Corpus:
    """Open a corpus folder written by ``gzanalysis ingest FOLDER --out CORPUS`` (default: the folder
    ``GZANALYSIS_CORPUS`` names)."""
    if path is None:
        path = os.environ.get(CORPUS_ENV)
        if not path:
            raise FileNotFoundError(
                f"no corpus given and {CORPUS_ENV} is not set: build one with "
                "`gzanalysis ingest FOLDER --out CORPUS`, then gz.corpus('CORPUS')"
            )
    return Corpus(path)
