"""Save a disclosure and read it back: a CSV package folder, a Parquet folder, an Excel workbook.

Each writer stores the layout's fields of every table (``level``/``parent`` follow from the code and are
computed again on reading); each reader checks what it reads as ``gz.load()`` does, so a file edited by
hand is refused with the same messages. Read back, every frame is identical, dtypes included::

    >>> import gzanalysis as gz
    >>> d = gz.load()
    >>> d.to_csv("out/pkg"); gz.load("out/pkg")            # doctest: +SKIP
    >>> d.to_parquet("out/pq"); gz.read_parquet("out/pq")  # doctest: +SKIP
    >>> d.to_excel("out/d.xlsx"); gz.read_excel("out/d.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from gzanalysis import validate
from gzanalysis.layout import Resource, layout
from gzanalysis.load import Disclosure, assemble
from gzanalysis.validate import Source

META_FILE = "meta.json"  # the Parquet folder's d.meta
META_SHEET = "meta"  # the workbook's d.meta: one row per key, the value as JSON


def _stored(d: Disclosure, res: Resource) -> pd.DataFrame:
    return d.tables[res.title][res.field_names]


def _shortest(x: float) -> str:
    text = repr(x)
    return text[:-2] if text.endswith(".0") else text


def csv_text(frame: pd.DataFrame, res: Resource) -> str:
    """A table as the package's CSV: amounts with their published decimals (700.00), numbers as stated
    (700, 2722.1), blank cells blank, ``\\n`` line ends."""
    columns = []
    for f in res.fields:
        values = frame[f.name].tolist()
        if f.type == "number":
            fmt = _shortest if f.decimals is None else (lambda x, n=f.decimals: f"{x:.{n}f}")
            columns.append(["" if x != x else fmt(x) for x in values])
        else:
            columns.append(["" if v is None or v is pd.NA else str(v) for v in values])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(res.field_names)
    writer.writerows(zip(*columns, strict=True))
    return buf.getvalue()


def write_csv(d: Disclosure, folder: str | Path) -> Path:
    """Write ``d`` as a complete package folder: one CSV per table and a regenerated ``datapackage.json``
    (and ``datapackage.md``); ``gz.load(folder)`` loads it back."""
    from gzanalysis.datapackage import build_descriptor, write_descriptor

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for res in layout().values():
        (folder / f"{res.name}.csv").write_text(csv_text(_stored(d, res), res), encoding="utf-8")
    write_descriptor(folder, build_descriptor(folder, d.meta))
    return folder


def write_parquet(d: Disclosure, folder: str | Path) -> Path:
    """Write ``d`` as one Parquet file per table (``<name>.parquet``) and ``meta.json``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for res in layout().values():
        _stored(d, res).to_parquet(folder / f"{res.name}.parquet", index=False)
    (folder / META_FILE).write_text(json.dumps(d.meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return folder


def read_parquet(folder: str | Path) -> Disclosure:
    """Load a folder written by ``d.to_parquet(folder)``, checked as ``gz.load()`` checks a CSV package."""
    from gzanalysis.datapackage import schema

    folder = Path(folder).resolve()
    meta = _meta(
        validate.decode(validate.resource_file(folder, "meta", META_FILE).read_bytes(), folder / META_FILE),
        folder / META_FILE,
    )
    tables, sources = {}, {}
    for name, res in layout().items():
        path = validate.resource_file(folder, name, f"{name}.parquet")
        frame = pd.read_parquet(path)
        sources[name] = Source(str(path))
        tables[name] = _typed(frame, res, sources[name])
    return assemble(tables, sources, {n: schema(r) for n, r in layout().items()}, meta, folder / META_FILE)


def write_excel(d: Disclosure, path: str | Path) -> Path:
    """Write ``d`` as one workbook: a sheet per table (named as the resource), and a sheet ``meta``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for res in layout().values():
            _stored(d, res).to_excel(writer, sheet_name=res.sheet, index=False)
            for row in writer.sheets[res.sheet].iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # text such as "=100%" is text, not a formula
                        cell.data_type = "s"
        meta = pd.DataFrame(
            {"key": list(d.meta), "value": [json.dumps(v, ensure_ascii=False) for v in d.meta.values()]}
        )
        meta.to_excel(writer, sheet_name=META_SHEET, index=False)
    return path


def read_excel(path: str | Path) -> Disclosure:
    """Load a workbook written by ``d.to_excel(path)`` (or edited in Excel), checked as ``gz.load()`` checks."""
    from gzanalysis.datapackage import schema

    path = Path(path)
    sheets = pd.read_excel(
        path, sheet_name=None, dtype=object, keep_default_na=False, na_values=[""], engine="openpyxl"
    )
    missing = [s for s in [*(r.sheet for r in layout().values()), META_SHEET] if s not in sheets]
    if missing:
        raise validate.PackageError(f"{path}: no sheet {', '.join(map(repr, missing))}")
    meta_rows = sheets[META_SHEET]
    meta = _meta(
        json.dumps({k: json.loads(v) for k, v in zip(meta_rows["key"], meta_rows["value"], strict=True)}),
        path,
    )
    tables, sources = {}, {}
    for name, res in layout().items():
        sources[name] = Source(f"{path}, sheet {res.sheet!r}", first_line=2, line_word="sheet row")
        tables[name] = _typed(sheets[res.sheet], res, sources[name])
    return assemble(tables, sources, {n: schema(r) for n, r in layout().items()}, meta, path)


def _typed(frame: pd.DataFrame, res: Resource, source: Source) -> dict[str, list]:
    validate.check_header([str(c) for c in frame.columns], res.field_names, f"{source.label}, header")
    return validate.typed({f.name: frame[f.name].tolist() for f in res.fields}, res.fields, source)


def _meta(text: str, where: Path) -> dict:
    try:
        meta = json.loads(text)
    except json.JSONDecodeError as e:
        raise validate.PackageError(f"{where}: the metadata is not valid JSON ({e.msg})") from None
    if not isinstance(meta, dict) or not {"id", "title"} <= meta.keys():
        raise validate.PackageError(f"{where}: the metadata has no id or no title")
    return meta
