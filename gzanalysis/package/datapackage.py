"""Generate a disclosure's ``datapackage.json`` (and a readable ``datapackage.md``).

The descriptor is never edited by hand: it comes from ``gzanalysis/layout.toml`` (the layout and every
field, described once) and the disclosure's ``disclosure.toml`` (title, source, notes), plus the bytes
and hash of each CSV. The code lists inside the package (``functional_codes.csv``, ``economic_codes.csv``)
are generated here too, from ``data/classifications/``, restricted to the codes the package uses, so that
every package is self-contained and its foreign keys can be checked by any Frictionless tool.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tomllib
from pathlib import Path

from gzanalysis.package import classifications
from gzanalysis.package.codes import ancestors, level
from gzanalysis.package.layout import Resource, layout

CLASSIFICATION_RESOURCES = {"functional": "functional_codes", "economic": "economic_codes"}


def classifications_dir(package_dir: Path) -> Path:
    """The master code lists: ``classifications/`` beside the package where there is one (``data/``),
    else the lists shipped with gzanalysis (an ingest writes nothing outside its package)."""
    beside = package_dir.parent / "classifications"
    return beside if beside.is_dir() else classifications.national_lists()


# Where a code list entry comes from: the national list (data/classifications) or the document itself.
NATIONAL, DOCUMENT = "national", "document"
# The tables whose subjects belong to one budget whatever their 类 (a code learnt there is of that budget).
FUND_TABLES = {"government_fund_expenditure": "government_fund", "state_capital_expenditure": "state_capital"}


def _used_codes(package_dir: Path) -> dict[str, dict[str, dict]]:
    """Every classification code a package's tables use, by classification: code → the name printed
    beside it and the budget of the table it is printed in (where that says)."""
    used: dict[str, dict[str, dict]] = {k: {} for k in CLASSIFICATION_RESOURCES}
    for res in layout().values():
        if res.name in CLASSIFICATION_RESOURCES.values():
            continue
        path = package_dir / f"{res.name}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for f in res.fields:
            if not f.classification:
                continue
            for r in rows:
                code = r.get(f.name)
                if not code:
                    continue
                seen = used[f.classification].setdefault(code, {"name": "", "budget": ""})
                seen["name"] = seen["name"] or r.get("name") or ""
                seen["budget"] = seen["budget"] or FUND_TABLES.get(res.name, "")
    return used


def _read_codes(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


def write_code_lists(package_dir: Path) -> None:
    """Write the package's code lists: the used codes and their parents, from the master lists.

    A code the master list lacks is learnt from the document: its name as printed beside it, level and
    parent from the code, ``origin`` "document"; its budget is that of the table it is printed in (the
    government-fund or state-capital table) or else its nearest known parent's. An entry learnt before
    (in the package's own list) is kept, so regenerating a package never loses what its document said.
    """
    for classification, used in _used_codes(package_dir).items():
        resource = CLASSIFICATION_RESOURCES[classification]
        master = _read_codes(classifications_dir(package_dir) / f"{classification}.csv")
        learnt = {
            c: r
            for c, r in _read_codes(package_dir / f"{resource}.csv").items()
            if r.get("origin") == DOCUMENT
        }
        wanted = sorted({a for code in used for a in ancestors(code)})
        # The layout says which columns a code list keeps (the functional one adds `budget`).
        columns = [f.name for f in layout()[resource].fields]
        rows: dict[str, dict] = {}
        for code in wanted:  # parents first: a learnt code's budget may come from its parent
            if code in master:
                rows[code] = {k: master[code].get(k, "") for k in columns} | {"origin": NATIONAL}
                continue
            seen = used.get(code, {})
            before = learnt.get(code, {})
            parent = code[:-2] if len(code) > 3 else ""
            budget = seen.get("budget") or before.get("budget") or rows.get(parent, {}).get("budget", "")
            rows[code] = {
                "code": code,
                "level": level(code),
                "parent": parent,
                "name_zh": seen.get("name") or before.get("name_zh", ""),
                "name_en": before.get("name_en", ""),
                "budget": budget,
                "origin": DOCUMENT,
            }
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows.values())
        (package_dir / f"{resource}.csv").write_text(buf.getvalue(), encoding="utf-8")


def _field_descriptor(f) -> dict:
    d = {"name": f.name, "type": f.type, "title": f.title, "description": f.description}
    if f.unit:
        d["unit"] = f.unit
    if f.constraints:
        d["constraints"] = dict(f.constraints)
    return d


def _foreign_keys(res: Resource) -> list[dict]:
    fks = []
    for f in res.fields:
        if f.classification:
            fks.append(
                {
                    "fields": f.name,
                    "reference": {"resource": CLASSIFICATION_RESOURCES[f.classification], "fields": "code"},
                }
            )
    if res.name in CLASSIFICATION_RESOURCES.values():
        # A code list refers to itself: every parent is a code of the same list.
        fks.append({"fields": "parent", "reference": {"resource": "", "fields": "code"}})
    for fk in res.foreign_keys:
        fks.append({"fields": fk["fields"], "reference": {"resource": fk["resource"], "fields": fk["key"]}})
    return fks


def schema(res: Resource) -> dict:
    """The Table Schema of a resource: fields, primary key and foreign keys, from the layout."""
    out = {"fields": [_field_descriptor(f) for f in res.fields], "primaryKey": list(res.primary_key)}
    fks = _foreign_keys(res)
    if fks:
        out["foreignKeys"] = fks
    return out


def _file_facts(path: Path) -> tuple[int, str]:
    data = path.read_bytes()
    return len(data), "sha256:" + hashlib.sha256(data).hexdigest()


def build_descriptor(package_dir: Path, meta: dict | None = None) -> dict:
    """The descriptor of the package in ``package_dir`` (nothing is written).

    ``meta`` is what ``disclosure.toml`` holds (id, title, description, source, notes …), read from the
    folder unless given: ``build_descriptor(folder, d.meta)`` describes the CSVs ``d.to_csv(folder)`` wrote.
    """
    if meta is None:
        meta = tomllib.loads((package_dir / "disclosure.toml").read_text(encoding="utf-8"))
    notes = meta.get("notes", {})
    # How a document's table differs from the standard one (an ingested PDF's template says):
    # {resource: {"not_printed": [amount fields no printed column holds], "expenditure_by": "kind"}}
    structure = meta.get("structure", {})
    resources = []
    for res in layout().values():
        path = package_dir / f"{res.name}.csv"
        size, digest = _file_facts(path)
        r = {
            "name": res.name,
            "path": path.name,
            "title": res.title,
            "description": res.description + (f" {notes[res.name]}" if res.name in notes else ""),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": size,
            "hash": digest,
            "schema": schema(res),
            "gzanalysis": {"title_en": res.title_en, "fund": res.fund},
        }
        if res.name in notes:
            r["gzanalysis"]["note"] = notes[res.name]
        r["gzanalysis"].update(structure.get(res.name, {}))
        resources.append(r)
    resources += extra_resources(package_dir, meta)
    return {
        "profile": "tabular-data-package",
        "name": meta["id"],
        "title": meta["title"],
        "description": meta.get("description", "").strip(),
        "version": "1.0.0",
        "licenses": [{"name": "other-pd", "title": "Government information published for disclosure"}],
        "sources": [
            {"title": meta["source"], "path": meta["raw_text"]}
            if "raw_text" in meta
            else {"title": meta["source"]}
        ]
        if "source" in meta
        else [],
        "gzanalysis": {
            k: meta[k]
            for k in (
                "title_en",
                "unit",
                "unit_en",
                "unit_code",
                "year",
                "previous_year",
                "currency_unit",
                "currency_unit_en",
                "published_unit",
                "raw_text",
                "usage_warnings",
                "contents",  # the tables the contents (目录) list, for the audit's completeness rules
                "template",  # the template an ingest read the disclosure by, and what it requires
                "unread",  # standard tables printed but not read (a partial package), with the reason
                "scope",  # 单位预算 of a subordinate unit, where the document is not the department's
                "city",  # the city the document is of, as it names it
            )
            if k in meta
        },
        "resources": resources,
    }


def extra_resources(package_dir: Path, meta: dict) -> list[dict]:
    """Files of the package beside the standard tables (``meta["extra_resources"]``: name, path, title,
    description, format, optional ``fields`` of a CSV), described where the file exists. They carry
    ``"gzanalysis": {"extra": true}``: the loader checks their path and leaves them unread."""
    out = []
    for e in meta.get("extra_resources", []):
        path = package_dir / e["path"]
        if not path.is_file():
            continue
        size, digest = _file_facts(path)
        csv = e.get("format", "csv") == "csv"
        r = {
            "name": e["name"],
            "path": e["path"],
            "title": e.get("title", e["name"]),
            "description": e.get("description", ""),
            "format": e.get("format", "csv"),
            "mediatype": "text/csv" if csv else "text/plain",
            "encoding": "utf-8",
            "bytes": size,
            "hash": digest,
        }
        if csv and "fields" in e:
            r["profile"] = "tabular-data-resource"
            r["schema"] = {"fields": [{"name": f, "type": "string"} for f in e["fields"]]}
        r["gzanalysis"] = {"extra": True}
        out.append(r)
    return out


def render_markdown(descriptor: dict) -> str:
    """A readable companion of the descriptor: one section per table, one line per field."""
    lines = [f"# {descriptor['title']}", "", descriptor["description"], ""]
    warnings = descriptor["gzanalysis"].get("usage_warnings", [])
    if warnings:
        lines += ["## Usage warnings", ""] + [f"- {w}" for w in warnings] + [""]
    for r in descriptor["resources"]:
        lines += [f"## {r['title']} — `{r['path']}`", "", r["description"], ""]
        if "schema" not in r:
            continue
        lines += ["| field | title | type | unit | description |", "|---|---|---|---|---|"]
        for f in r["schema"]["fields"]:
            desc = f.get("description", "").replace("|", "\\|")
            lines.append(
                f"| `{f['name']}` | {f.get('title', '')} | {f['type']} | {f.get('unit', '')} | {desc} |"
            )
        lines.append("")
    return "\n".join(lines)


def write_package(package_dir: Path) -> dict:
    """Regenerate the code lists, ``datapackage.json`` and ``datapackage.md`` of a package."""
    package_dir = Path(package_dir)
    write_code_lists(package_dir)
    return write_descriptor(package_dir, build_descriptor(package_dir))


def write_descriptor(package_dir: Path, descriptor: dict) -> dict:
    """Write ``datapackage.json`` and ``datapackage.md`` of a package folder."""
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (package_dir / "datapackage.json").write_text(text, encoding="utf-8")
    (package_dir / "datapackage.md").write_text(render_markdown(descriptor), encoding="utf-8")
    return descriptor
