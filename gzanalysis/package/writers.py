"""Save a disclosure: a CSV package folder, a Parquet folder, an Excel workbook.

Each writer stores the layout's fields of every table (``level``/``parent`` follow from the code and are
computed again on reading). The writers take anything with ``tables`` and ``meta`` (a ``Disclosure``), so
``load`` can offer them as methods (``d.to_csv``, ``d.to_parquet``, ``d.to_excel``) without an import cycle;
``readers`` reads each back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Protocol

import pandas as pd

from gzanalysis.package.layout import Resource, layout


class Disclosure(Protocol):
    """What a writer needs of a ``Disclosure``: its tables by published title, and its metadata."""

    tables: dict[str, pd.DataFrame]
    meta: dict


META_FILE = "meta.json"  # the Parquet folder's d.meta
META_SHEET = "meta"  # the workbook's d.meta: one row per key, the value as JSON


def _stored(d: Disclosure, res: Resource) -> pd.DataFrame:
    return d.tables[res.title][res.field_names]


def _shortest(x: float) -> str:
    text = repr(x)
    return text[:-2] if text.endswith(".0") else text


def _at_least(x: float, decimals: int) -> str:
    """``x`` with its published decimals (700.00), or more where it has more (a document in 元 divided by
    10 000 exactly: 0.123456 万元): never rounded."""
    text = f"{x:.{decimals}f}"
    return text if float(text) == x else _shortest(x)


def csv_text(frame: pd.DataFrame, res: Resource) -> str:
    """A table as the package's CSV: amounts with their published decimals (700.00), numbers as stated
    (700, 2722.1), blank cells blank, ``\\n`` line ends."""
    columns = []
    for f in res.fields:
        values = frame[f.name].tolist()
        if f.type == "number":
            fmt = _shortest if f.decimals is None else (lambda x, n=f.decimals: _at_least(x, n))
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
    from gzanalysis.package.datapackage import build_descriptor, write_descriptor

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
