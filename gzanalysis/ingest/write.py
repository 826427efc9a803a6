"""Write an ingested disclosure as a data package: one CSV per table, the errata, the descriptor."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from gzanalysis.package.layout import layout


def csv_text(columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r[c] for c in columns])
    return buf.getvalue()


def toml_value(value) -> str:
    """A TOML value (string, number, boolean or a list of them): JSON's notation reads the same in TOML;
    CJK stays readable."""
    return json.dumps(value, ensure_ascii=False)


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare where it may be, else quoted (a section heading in Chinese)."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def toml_text(top: dict, tables: list[tuple[str, dict]] = (), arrays: list[tuple[str, dict]] = ()) -> str:
    """A ``disclosure.toml``: top-level keys, then ``[tables]`` and ``[[arrays]]`` in the order given."""
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in top.items()]
    for header, entries in [*((f"[{n}]", e) for n, e in tables), *((f"[[{n}]]", e) for n, e in arrays)]:
        lines += ["", header] + [f"{toml_key(k)} = {toml_value(v)}" for k, v in entries.items()]
    return "\n".join(lines) + "\n"


def disclosure_toml(meta: dict, package_id: str) -> str:
    """A minimal ``disclosure.toml`` for a package ingested without one (the seed's is hand-written)."""
    unit = meta.get("unit", package_id)
    year = meta.get("year", "")
    top = {
        "id": package_id,
        "title": f"{unit} {year}年单位预算公开",
        "title_en": f"{unit}: {year} unit budget disclosure",
        "unit": unit,
        "unit_code": meta.get("unit_code", ""),
    }
    if year:
        top |= {"year": year, "previous_year": meta.get("previous_year", year - 1)}
    top |= {
        "currency_unit": "万元",
        "currency_unit_en": "10,000 yuan (CNY)",
        "raw_text": meta.get("raw_text", ""),
        "source": f"{unit} {year}年单位预算公开 (OCR text, ingested by gzanalysis ingest)",
        "description": "Ingested by `gzanalysis ingest` from the OCR text; see the reconciliation report.",
    }
    return toml_text(top)


def write(result, out: Path) -> Path:
    """Write the package into ``out`` (and nothing outside it): its code lists come from the master lists
    (``data/classifications/``) and what the document itself prints."""
    from gzanalysis.package.datapackage import write_package

    out.mkdir(parents=True, exist_ok=True)
    for name, text in result.csv_texts().items():
        (out / f"{layout()[name].name}.csv").write_text(text, encoding="utf-8")
    if not (out / "disclosure.toml").exists():
        (out / "disclosure.toml").write_text(disclosure_toml(result.meta, out.name), encoding="utf-8")
    write_package(out)
    return out
