"""Write an ingested disclosure as a data package: one CSV per table, the errata, the descriptor."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gzanalysis.package.layout import layout


def csv_text(columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r[c] for c in columns])
    return buf.getvalue()


def disclosure_toml(meta: dict, package_id: str) -> str:
    """A minimal ``disclosure.toml`` for a package ingested without one (the seed's is hand-written)."""
    unit = meta.get("unit", package_id)
    year = meta.get("year", "")
    lines = [
        f'id = "{package_id}"',
        f'title = "{unit} {year}年单位预算公开"',
        f'title_en = "{unit}: {year} unit budget disclosure"',
        f'unit = "{unit}"',
        f'unit_code = "{meta.get("unit_code", "")}"',
    ]
    if year:
        lines += [f"year = {year}", f"previous_year = {meta.get('previous_year', year - 1)}"]
    lines += [
        'currency_unit = "万元"',
        'currency_unit_en = "10,000 yuan (CNY)"',
        f'raw_text = "{meta.get("raw_text", "")}"',
        f'source = "{unit} {year}年单位预算公开 (OCR text, ingested by gzanalysis ingest)"',
        'description = "Ingested by `gzanalysis ingest` from the OCR text; see the reconciliation report."',
    ]
    return "\n".join(lines) + "\n"


def write(result, out: Path) -> Path:
    """Write the package into ``out``. Packages sit beside the code lists (``data/classifications/``):
    where the parent folder has none, the master lists are copied there."""
    import shutil

    from gzanalysis.package.datapackage import classifications_dir, write_package
    from gzanalysis.package.load import data_root

    out.mkdir(parents=True, exist_ok=True)
    if not classifications_dir(out).exists():
        shutil.copytree(data_root() / "classifications", classifications_dir(out))
    for name, text in result.csv_texts().items():
        (out / f"{layout()[name].name}.csv").write_text(text, encoding="utf-8")
    if not (out / "disclosure.toml").exists():
        (out / "disclosure.toml").write_text(disclosure_toml(result.meta, out.name), encoding="utf-8")
    write_package(out)
    return out
