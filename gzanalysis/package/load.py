"""Load a disclosure's data package into pandas: ``gz.available()``, ``gz.load()``, ``Disclosure``.

Shipped data is reached through ``importlib.resources``, so loading works from any current directory;
``gz.load(folder)`` loads any package folder on disk (a copy, a colleague's package) once
``gzanalysis.package.validate`` has checked it. Nothing is read at import time, nothing outside the package folder
at load time.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd

from gzanalysis.package import codes, validate, writers
from gzanalysis.package.language import language, say
from gzanalysis.package.layout import STRUCTURE_KEYS, Resource, layout, resource
from gzanalysis.package.validate import PackageError, Source

DEFAULT_ID = "ganzhou-xzspj-2023"
DEFAULT_ENV = "GZANALYSIS_DISCLOSURE"  # an id or a package folder: what gz.load() loads when given nothing

# Frictionless field types → pandas dtypes. Amounts stay float64 (NaN where the published cell is blank);
# codes and labels are strings; counts and line numbers are nullable integers.
DTYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}


def data_root() -> Path:
    """The folder holding every data package (``data/`` of the project, shipped as ``gzanalysis/data``)."""
    return Path(str(files("gzanalysis").joinpath("data")))


def available() -> list[str]:
    """Ids of the disclosures that can be loaded, sorted.

    >>> available()
    ['ganzhou-xzspj-2023']
    """
    root = data_root()
    return sorted(
        p.parent.name for p in root.glob("*/datapackage.json") if p.parent.name != "classifications"
    )


def _frame(columns: dict[str, list], res: Resource) -> pd.DataFrame:
    """A table's frame from its typed columns: strings, float64 amounts (NaN where blank), nullable integers.

    Classified tables get the level (类/款/项) and parent of each code, placed after the code.
    """
    data = {}
    for f in res.fields:
        col = columns[f.name]
        data[f.name] = (
            np.array(col, dtype="float64") if f.type == "number" else pd.array(col, dtype=DTYPES[f.type])
        )
        if f.name == "code" and res.classification:
            data["level"] = pd.array([None if c is None else codes.level(c) for c in col], dtype="string")
            data["parent"] = pd.array([None if c is None else codes.parent(c) for c in col], dtype="string")
    return pd.DataFrame(data)


def assemble(
    tables: dict[str, dict[str, list]],
    sources: dict[str, Source],
    schemas: dict[str, dict],
    meta: dict,
    path: Path,
) -> Disclosure:
    """Check the tables (constraints, keys, codes, foreign keys), then build the ``Disclosure``.

    ``tables`` hold each resource's typed columns (``validate.typed``), by resource name; ``schemas`` the
    Table Schema each package declares, checked together with the layout's own. Every reader ends here.
    """
    from gzanalysis.package.datapackage import schema

    problems = []
    foreign_keys = {}
    for name, res in layout().items():
        declared = schemas[name]
        problems += validate.check_table(tables[name], res, declared, sources[name])
        standard = schema(res).get("foreignKeys", [])
        foreign_keys[name] = standard + [fk for fk in declared.get("foreignKeys", []) if fk not in standard]
    problems += validate.check_references(tables, foreign_keys, sources)
    if problems:
        raise PackageError(problems)
    frames = {res.title: _frame(tables[name], res) for name, res in layout().items()}
    return Disclosure(id=meta["id"], path=path, meta=meta, tables=frames)


# describe()'s columns in Chinese; the English title is left out there (the Chinese title is the table's)
DESCRIBE_ZH = {"table": "表", "name": "英文名（属性）", "rows": "行数", "columns": "列数"}


def describe_tables(tables: dict[str, pd.DataFrame], lang: str | None = None) -> pd.DataFrame:
    """One row per table: Chinese title, English name (the attribute), English title, rows, columns; in
    Chinese (``lang``, else the language set by ``gz.notebook.setup()``) with Chinese headers."""
    by_title = {res.title: res for res in layout().values()}
    rows = [
        {
            "table": title,
            "name": by_title[title].name if title in by_title else "",
            "title_en": by_title[title].title_en if title in by_title else "",
            "rows": len(frame),
            "columns": frame.shape[1],
        }
        for title, frame in tables.items()
    ]
    out = pd.DataFrame(rows, columns=["table", "name", "title_en", "rows", "columns"])
    if (lang or language()) == "zh":
        return out[list(DESCRIBE_ZH)].rename(columns=DESCRIBE_ZH)
    return out


class Tables(dict):
    """``d.tables``: the frames by Chinese title; shown as a one-line-per-table summary, not every frame."""

    def __repr__(self) -> str:
        return describe_tables(self).to_string(index=False)

    def _repr_html_(self) -> str:
        return describe_tables(self).to_html(index=False)


@dataclass
class Disclosure:
    """One unit's budget disclosure, loaded.

    ``tables`` maps each published table's Chinese title to a DataFrame, as published (wide);
    the same frames are attributes under their English names (``d.expenditure_by_function``).
    ``facts`` is one long table of every amount with its source line.
    """

    id: str
    path: Path
    meta: dict
    tables: dict[str, pd.DataFrame] = field(repr=False)

    def __post_init__(self):
        self.tables = Tables(self.tables)

    def describe(self, lang: str | None = None) -> pd.DataFrame:
        """Each table: Chinese title (``table``), English name (``name``, also the attribute), English title,
        number of rows and columns; with Chinese headers where ``lang`` (else the language set) is ``"zh"``.

        >>> load().describe().to_dict("records")[2]
        {'table': '部门支出总表', 'name': 'expenditure_by_function', 'title_en': 'Expenditure by function and kind', 'rows': 54, 'columns': 10}
        """
        return describe_tables(self.tables, lang)

    def table(self, name: str) -> pd.DataFrame:
        """A table by its English name or Chinese title: ``d.table("部门支出总表")``."""
        return self.tables[resource(name).title]

    def __getattr__(self, name: str) -> pd.DataFrame:
        # Only called for names that are not regular attributes: the tables' English names.
        if name.startswith("_") or name not in layout():
            raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")
        return self.tables[layout()[name].title]

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(layout()))

    @property
    def errata(self) -> pd.DataFrame:
        """Every OCR correction, with the raw text, the value used and the proof; the proof in Chinese
        (``proof_zh``, where the errata give one) when the language set is Chinese (``gz.notebook.setup()``
        in the Chinese edition)."""
        errata = self.table("errata")
        if language() == "zh" and "proof_zh" in errata.columns:
            errata = errata.assign(proof=errata["proof_zh"].fillna(errata["proof"]))
        return errata

    @cached_property
    def raw_lines(self) -> list[str]:
        """The raw disclosure text, one string per line (``raw_lines[n - 1]`` is line ``n``).

        Found by its file name only, inside the package folder (or its ``raw/``) or, for a shipped
        package, in ``data/raw/``: never anywhere a descriptor's path could point to.
        """
        name = Path(self.meta.get("raw_text", f"{self.id}.txt")).name
        folder = self.path.parent.resolve()
        trusted = (
            [folder, data_root().resolve() / "raw"] if folder.parent == data_root().resolve() else [folder]
        )
        for place in (folder / name, folder / "raw" / name, *(t / name for t in trusted[1:])):
            if place.is_file() and any(place.resolve().is_relative_to(t) for t in trusted):
                return place.read_text(encoding="utf-8").split("\n")
        raise FileNotFoundError(f"the raw text {name} is not in the package folder {folder}")

    @cached_property
    def facts(self) -> pd.DataFrame:
        """Every published amount (万元) as one long table.

        Columns: ``resource``, ``table``, ``fund``, ``row`` (the row's key), ``code``, ``level``, ``item``,
        ``measure`` (column name), ``measure_zh``, ``amount``, ``source_line``. Blank cells are left out;
        printed zeros stay.
        """
        parts = []
        for res in layout().values():
            frame = self.tables[res.title]
            key = res.primary_key[0]
            label = "name" if "name" in frame.columns else ("item" if "item" in frame.columns else None)
            for f in res.fields:
                if not f.is_amount:
                    continue
                line = frame[f.line_field] if f.line_field else frame["source_line"]
                part = pd.DataFrame(
                    {
                        "resource": res.name,
                        "table": res.title,
                        "fund": res.fund,
                        "row": frame[key].astype("string"),
                        "code": frame["code"] if "code" in frame.columns else pd.NA,
                        "item": frame[label] if label else pd.NA,
                        "measure": f.name,
                        "measure_zh": f.title,
                        "amount": frame[f.name],
                        "source_line": line,
                    }
                )
                parts.append(part[part["amount"].notna()])
        facts = pd.concat(parts, ignore_index=True)
        facts["code"] = facts["code"].astype("string")
        facts["item"] = facts["item"].astype("string")
        facts.insert(5, "level", facts["code"].map(codes.level, na_action="ignore").astype("string"))
        facts["source_line"] = facts["source_line"].astype("Int64")
        return facts

    def to_csv(self, folder: str | Path) -> Path:
        """Write a complete package folder (CSVs as published + datapackage.json): ``gz.load(folder)`` reads it."""
        return writers.write_csv(self, folder)

    def to_parquet(self, folder: str | Path) -> Path:
        """Write one Parquet file per table and ``meta.json``: ``gz.read_parquet(folder)`` reads it."""
        return writers.write_parquet(self, folder)

    def to_excel(self, path: str | Path) -> Path:
        """Write one workbook, a sheet per table (English names) and ``meta``: ``gz.read_excel(path)`` reads it."""
        return writers.write_excel(self, path)

    def __repr__(self) -> str:
        return say(
            f"<Disclosure {self.id}: {self.meta['title']}, {len(self.tables)} tables; d.describe() lists them>",
            f"<公开文件 {self.id}：{self.meta['title']}，共{len(self.tables)}张表；d.describe() 列出各表>",
        )


def _looks_like_path(text: str) -> bool:
    """A string that names a place on disk rather than a disclosure id."""
    return (
        text.startswith(("~", "."))
        or os.sep in text
        or "/" in text
        or text.lower().endswith((".json", ".csv", ".xlsx"))
    )


def _resolve(id_or_path: str | os.PathLike | None) -> Path:
    """The ``datapackage.json`` of a disclosure id, a package folder or the descriptor itself."""
    if id_or_path is None:
        # The notebooks call gz.load(): this variable points them (and a report build) at another package.
        id_or_path = os.environ.get(DEFAULT_ENV) or DEFAULT_ID
    if not isinstance(id_or_path, str | os.PathLike):
        raise TypeError(
            f"gz.load() takes a disclosure id (one of {available()}) or the path of a package folder, "
            f"not {type(id_or_path).__name__} {id_or_path!r}"
        )
    if isinstance(id_or_path, str) and id_or_path in available():
        return data_root() / id_or_path / "datapackage.json"
    if isinstance(id_or_path, str) and not _looks_like_path(id_or_path) and not Path(id_or_path).exists():
        close = difflib.get_close_matches(id_or_path, available(), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise LookupError(
            f"no disclosure {id_or_path!r}; {hint}available: {', '.join(available()) or 'none'} "
            "(or pass the path of a package folder)"
        )
    candidate = Path(id_or_path).expanduser()
    if candidate.is_file() and candidate.name == "datapackage.json":
        return candidate
    if candidate.is_dir():
        if (candidate / "datapackage.json").is_file():
            return candidate / "datapackage.json"
        hint = " (a Parquet folder: gz.read_parquet(folder))" if (candidate / "meta.json").is_file() else ""
        raise PackageError(
            f"{candidate}: no datapackage.json in this folder, so it is not a data package{hint}"
        )
    if candidate.suffix.lower() == ".xlsx":
        raise PackageError(f"{candidate}: a workbook, not a package folder: read it with gz.read_excel(path)")
    if candidate.is_file():
        folder = candidate.parent
        hint = (
            f"; its folder is one: gz.load({str(folder)!r})"
            if (folder / "datapackage.json").is_file()
            else ""
        )
        raise PackageError(f"{candidate}: a file, not a package folder (pass the folder itself){hint}")
    raise FileNotFoundError(
        f"{candidate}: no such folder (gz.load() takes a package folder or a disclosure id)"
    )


def as_disclosure(d, function: str = "this function") -> Disclosure:
    """The argument check of every public analysis: a ``Disclosure`` as it is, an id or a folder loaded.

    Anything else raises a ``TypeError`` saying what was expected, instead of an error deep inside pandas.
    """
    if isinstance(d, Disclosure):
        return d
    if isinstance(d, str | os.PathLike):
        return load(d)
    raise TypeError(
        f"{function} takes a Disclosure (d = gz.load()), a disclosure id or a package folder, "
        f"not {type(d).__name__}"
    )


def _meta(descriptor: dict) -> dict:
    """``d.meta``: what the package's ``disclosure.toml`` held, read back from its descriptor."""
    meta = {
        "id": descriptor["name"],
        "title": descriptor["title"],
        "description": descriptor.get("description", ""),
    }
    meta.update(descriptor.get("gzanalysis", {}))
    if descriptor.get("sources"):
        meta["source"] = descriptor["sources"][0].get("title", "")
    meta["notes"] = {
        r["name"]: r["gzanalysis"]["note"]
        for r in descriptor["resources"]
        if "note" in r.get("gzanalysis", {})
    }
    structure = {
        r["name"]: {k: r["gzanalysis"][k] for k in STRUCTURE_KEYS if k in r["gzanalysis"]}
        for r in descriptor["resources"]
        if any(k in r.get("gzanalysis", {}) for k in STRUCTURE_KEYS)
    }
    if structure:
        meta["structure"] = structure
    extras = [
        {k: r[k] for k in ("name", "path", "title", "description", "format") if k in r}
        | ({"fields": [f["name"] for f in r["schema"]["fields"]]} if "schema" in r else {})
        for r in descriptor["resources"]
        if (r.get("gzanalysis") or {}).get("extra")
    ]
    if extras:
        meta["extra_resources"] = extras
    return meta


def load_many(ids_or_paths: list[str | Path] | None = None) -> pd.DataFrame:
    """Every amount of several disclosures as one long table: the ``facts`` of each, with the columns
    ``disclosure`` (id), ``unit`` and ``year`` in front, so that analyses and charts can compare them.
    The default is every disclosure of ``available()``.

    >>> facts = load_many()
    >>> facts[["disclosure", "unit", "year"]].drop_duplicates().to_dict("records")
    [{'disclosure': 'ganzhou-xzspj-2023', 'unit': '赣州市行政审批局', 'year': 2023}]
    """
    parts = []
    for item in available() if ids_or_paths is None else ids_or_paths:
        d = load(item)
        facts = d.facts.copy()
        facts.insert(0, "disclosure", d.id)
        facts.insert(1, "unit", d.meta.get("unit", d.id))
        facts.insert(2, "year", d.meta.get("year"))
        parts.append(facts)
    if not parts:
        raise LookupError("no disclosure to load")
    out = pd.concat(parts, ignore_index=True)
    for col in ("disclosure", "unit"):
        out[col] = out[col].astype("string")
    out["year"] = out["year"].astype("Int64")
    return out


def load(id: str | Path | None = None) -> Disclosure:
    """Load a disclosure by id (see ``available()``) or from a package folder; the default is the first.

    The package is checked first (``gzanalysis.package.validate``): a file that is not UTF-8, a missing or extra
    column, a value not of its type, a blank required value, a duplicated or orphan code, a resource path
    leading out of the folder … raise ``gz.PackageError`` naming the file, row and column.

    >>> d = load("ganzhou-xzspj-2023")
    >>> d.table("部门支出总表").loc[0, "total"]
    np.float64(23255.42)
    >>> load("data/ganzhou-xzspj-2023").id          # a folder: a copy, a colleague's package
    'ganzhou-xzspj-2023'
    """
    descriptor_path = _resolve(id)
    folder = descriptor_path.parent.resolve()
    descriptor = validate.read_descriptor(descriptor_path)
    declared = validate.check_descriptor(
        descriptor, folder, layout()
    )  # every path checked before any is read
    tables, sources = {}, {}
    for name, res in layout().items():
        r, path = declared[name]
        data = path.read_bytes()
        validate.check_file_facts(data, r, path)
        text = validate.decode(data, path)
        sources[name] = Source(str(path), text)
        tables[name] = validate.parse_csv(text, res, sources[name])
    schemas = {name: r["schema"] for name, (r, _) in declared.items()}
    return assemble(tables, sources, schemas, _meta(descriptor), descriptor_path)
