"""Read back a disclosure saved by ``d.to_parquet`` or ``d.to_excel`` (``writers``); a CSV folder is ``gz.load``.

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

import json
from pathlib import Path

import pandas as pd

from gzanalysis.package import validate
from gzanalysis.package.layout import Resource, layout
from gzanalysis.package.load import Disclosure, assemble
from gzanalysis.package.validate import Source
from gzanalysis.package.writers import META_FILE, META_SHEET


def read_parquet(folder: str | Path) -> Disclosure:
    """Load a folder written by ``d.to_parquet(folder)``, checked as ``gz.load()`` checks a CSV package."""
    from gzanalysis.package.datapackage import schema

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


def read_excel(path: str | Path) -> Disclosure:
    """Load a workbook written by ``d.to_excel(path)`` (or edited in Excel), checked as ``gz.load()`` checks."""
    from gzanalysis.package.datapackage import schema

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
