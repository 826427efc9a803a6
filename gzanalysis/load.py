"""Load a disclosure's data package into pandas: ``gz.available()``, ``gz.load()``, ``Disclosure``.

Data is reached through ``importlib.resources`` (it ships inside the package), so loading works from
any current directory. Nothing is read at import time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import pandas as pd

from gzanalysis import codes
from gzanalysis.layout import Resource, layout, resource

DEFAULT_ID = "ganzhou-xzspj-2023"

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
    return sorted(p.parent.name for p in root.glob("*/datapackage.json") if p.parent.name != "classifications")


def _read_resource(path: Path, res: Resource) -> pd.DataFrame:
    dtypes = {f.name: DTYPES[f.type] for f in res.fields}
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    return frame


def _add_levels(frame: pd.DataFrame) -> pd.DataFrame:
    """Classified tables get the level (类/款/项) and parent of each code, placed after the code."""
    level = frame["code"].map(codes.level, na_action="ignore").astype("string")
    parent = frame["code"].map(codes.parent, na_action="ignore").astype("string")
    at = frame.columns.get_loc("code") + 1
    frame.insert(at, "level", level)
    frame.insert(at + 1, "parent", parent)
    return frame


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
        """Every OCR correction, with the raw text, the value used and the proof."""
        return self.table("errata")

    @cached_property
    def raw_lines(self) -> list[str]:
        """The raw disclosure text, one string per line (``raw_lines[n - 1]`` is line ``n``)."""
        raw = self.path.parent.parent / self.meta["raw_text"]
        if not raw.exists():
            raw = self.path.parent / "raw" / Path(self.meta["raw_text"]).name
        return raw.read_text(encoding="utf-8").split("\n")

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

    def __repr__(self) -> str:
        return f"<Disclosure {self.id}: {self.meta['title']}, {len(self.tables)} tables>"


def _resolve(id_or_path: str | Path | None) -> Path:
    if id_or_path is None:
        id_or_path = DEFAULT_ID
    candidate = Path(id_or_path)
    if (candidate / "datapackage.json").exists() and (isinstance(id_or_path, Path) or "/" in str(id_or_path)):
        return candidate / "datapackage.json"
    if str(id_or_path) in available():
        return data_root() / str(id_or_path) / "datapackage.json"
    raise LookupError(
        f"no disclosure {str(id_or_path)!r}; available: {', '.join(available()) or 'none'} "
        "(or pass the path of a package folder)"
    )


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
    """Load a disclosure by id (see ``available()``); the default is the first disclosure.

    >>> d = load("ganzhou-xzspj-2023")
    >>> d.table("部门支出总表").loc[0, "total"]
    np.float64(23255.42)
    """
    descriptor_path = _resolve(id)
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    folder = descriptor_path.parent
    tables = {}
    for res in layout().values():
        frame = _read_resource(folder / f"{res.name}.csv", res)
        if res.classification:
            frame = _add_levels(frame)
        tables[res.title] = frame
    meta = {"id": descriptor["name"], "title": descriptor["title"], "description": descriptor["description"]}
    meta.update(descriptor.get("gzanalysis", {}))
    meta["source"] = descriptor["sources"][0]["title"]
    meta["notes"] = {r["name"]: r["gzanalysis"]["note"] for r in descriptor["resources"] if "note" in r["gzanalysis"]}
    return Disclosure(id=descriptor["name"], path=descriptor_path, meta=meta, tables=tables)
