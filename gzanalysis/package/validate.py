"""Check a data package before the loader hands out a single number.

``gz.load(folder)`` runs these checks on every package, shipped or not. A package they refuse raises
``PackageError`` (a ``ValueError``) whose message names the file, the row (1-based data row and CSV line)
and the column, and says what is wrong::

    >>> import gzanalysis as gz
    >>> gz.load("/tmp/my-copy")                          # doctest: +SKIP
    Traceback (most recent call last):
    gzanalysis.package.validate.PackageError: /tmp/my-copy/expenditure_by_function.csv, row 1 (line 2), column 'total': '23,255.42x' is not a number

What is checked, against the package's own ``datapackage.json`` and the standard layout (``layout.toml``):

- the descriptor, before any file is opened: every resource path relative and inside the package folder
  (no absolute path, no ``..``, no URL of any scheme, no symbolic link out); each resource's schema is the
  layout's (same fields, same types); the declared encoding is UTF-8;
- each file: strict UTF-8; the header has exactly the schema's columns; each row the header's number of
  values; numbers are finite numbers, integers integers;
- each table: field constraints (``required``, ``pattern``, ``enum``, ``unique``, ``minimum``, ``maximum``:
  the layout's and the descriptor's), the primary key (unique, never blank); in classified tables, no code
  twice and the parent of every code present;
- the package: foreign keys (codes in the package's code lists, project ids in ``projects``).

A file whose hash differs from the descriptor's loads with a ``PackageWarning`` (edited after the
descriptor was generated; its rows are checked all the same).

Speed: a table is parsed once, by the ``csv`` module, into columns that are typed and checked in the same
pass and then handed to pandas. For these small tables (≤ a few hundred rows) this is faster than
``pandas.read_csv`` alone, whereas every vectorised pandas check costs 20–250 µs of overhead per column.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import numbers
import re
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from gzanalysis.package.layout import Field, Resource

MAX_PROBLEMS = 20  # listed in one message; a last line counts the others
MAX_ROWS = 5  # rows named for one problem of one column

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


class PackageError(ValueError):
    """A package the loader refuses. ``problems`` holds one message per problem found; ``note`` helps fix them."""

    def __init__(self, problems: str | list[str], note: str = ""):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        if len(self.problems) == 1:
            text = self.problems[0]
        else:
            listed = self.problems[:MAX_PROBLEMS]
            more = len(self.problems) - len(listed)
            text = f"{len(self.problems)} problems:\n" + "\n".join(f"- {p}" for p in listed)
            text += f"\n- … and {more} more" if more else ""
        super().__init__(text + (f"\n{note}" if note else ""))


class PackageWarning(UserWarning):
    """Something to know about a package that still loads (a file edited after its descriptor)."""


# ---------------------------------------------------------------- where a problem is


@dataclass
class Source:
    """Where a table's rows come from, to name them in messages.

    ``label`` is the file (and sheet). ``text`` is the decoded CSV: each row's line is found in it (only
    when a message needs it). Without text, ``first_line`` is the ``line_word`` of the first data row
    (an Excel sheet: ``Source("book.xlsx, sheet 'x'", first_line=2, line_word="sheet row")``).
    """

    label: str
    text: str | None = None
    first_line: int | None = None
    line_word: str = "line"

    @cached_property
    def _lines(self) -> list[int]:
        # The line each non-empty record starts on (a quoted value may span lines).
        reader = csv.reader(io.StringIO(self.text or ""))
        starts, end = [], 0
        for record in reader:
            if record:
                starts.append(end + 1)
            end = reader.line_num
        return starts[1:]

    def line(self, i: int) -> int | None:
        if self.text is not None:
            return self._lines[i] if i < len(self._lines) else None
        return None if self.first_line is None else self.first_line + i

    def at(self, i: int | None = None, column: str | None = None) -> str:
        """``"x.csv, row 3 (line 4), column 'total'"`` for the 0-based data row ``i``."""
        where = self.label
        if i is not None:
            line = self.line(i)
            where += f", row {i + 1}" + (f" ({self.line_word} {line})" if line is not None else "")
        if column is not None:
            where += f", column {column!r}"
        return where

    def rows(self, flagged: list[int], column: str, problem, values: list | None = None) -> list[str]:
        """One message per flagged row (``MAX_ROWS`` at most, then a count); ``problem(value)`` says what."""
        out = [
            f"{self.at(i, column)}: {problem(values[i] if values is not None else None)}"
            for i in flagged[:MAX_ROWS]
        ]
        if len(flagged) > MAX_ROWS:
            out.append(f"{self.label}, column {column!r}: the same in {len(flagged) - MAX_ROWS} more rows")
        return out


# ---------------------------------------------------------------- the descriptor


def read_descriptor(path: Path) -> dict:
    """The parsed ``datapackage.json``; a clear error where it is not UTF-8 JSON with resources."""
    text = decode(path.read_bytes(), path)
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as e:
        raise PackageError(f"{path}, line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise PackageError(f"{path}: not a data package descriptor (no list of resources)")
    missing = [k for k in ("name", "title") if not isinstance(descriptor.get(k), str)]
    if missing:
        raise PackageError(f"{path}: the descriptor has no {' and no '.join(missing)}")
    return descriptor


def resource_file(folder: Path, name: str, path) -> Path:
    """The file of a resource, refused unless its path is relative and stays inside ``folder`` (resolved).

    Nothing is opened: this runs for every resource before any file is read.
    """
    where = f"{folder / 'datapackage.json'}, resource {name!r}: path {path!r}"
    if isinstance(path, list):
        raise PackageError(f"{where} lists several files; gzanalysis reads one file per resource")
    if not isinstance(path, str) or not path.strip():
        raise PackageError(f"{where} names no file")
    if path.startswith(("/", "\\")) or _DRIVE.match(path):
        raise PackageError(f"{where} is absolute; a resource path must be relative to the package folder")
    if _SCHEME.match(path):
        raise PackageError(
            f"{where} is a URL; loading never fetches anything: download the file into the package "
            "folder and give its relative path"
        )
    if ".." in re.split(r"[\\/]", path):
        raise PackageError(
            f"{where} climbs out of the package folder ('..'); a resource path must stay inside it"
        )
    full = folder / PurePosixPath(path)
    resolved = full.resolve()
    if not resolved.is_relative_to(folder):
        raise PackageError(f"{where} leads outside the package folder (a symbolic link to {resolved})")
    if not resolved.is_file():
        raise PackageError(f"{where}: no such file in the package folder")
    return full


def check_descriptor(
    descriptor: dict, folder: Path, layout: dict[str, Resource]
) -> dict[str, tuple[dict, Path]]:
    """Each layout resource's descriptor and file, once every path is safe and every schema is the layout's."""
    dp = folder / "datapackage.json"
    found: dict[str, tuple[dict, Path]] = {}
    for r in descriptor["resources"]:
        name = r.get("name") if isinstance(r, dict) else None
        if not isinstance(name, str):
            raise PackageError(f"{dp}: a resource has no name")
        if "data" in r and "path" not in r:
            raise PackageError(
                f"{dp}, resource {name!r}: inline data is not supported; give the path of a CSV file"
            )
        found[name] = (r, resource_file(folder, name, r.get("path")))
    missing = [n for n in layout if n not in found]
    if missing:
        raise PackageError(
            f"{dp}: no resource {', '.join(map(repr, missing))} (the standard layout has: {', '.join(layout)})"
        )
    # declared extras ("gzanalysis": {"extra": true}: an ingested PDF's cells and text) are not loaded
    extra = [n for n in found if n not in layout and not (found[n][0].get("gzanalysis") or {}).get("extra")]
    if extra:
        warnings.warn(
            f"{dp}: resource(s) {', '.join(map(repr, extra))} are not in the standard layout and are not loaded",
            PackageWarning,
            stacklevel=3,
        )
    problems = []
    for name, res in layout.items():
        r = found[name][0]
        where = f"{dp}, resource {name!r}"
        encoding = str(r.get("encoding", "utf-8")).lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8", "utf-8-sig"):
            problems.append(
                f"{where}: encoding {r['encoding']!r}; gzanalysis reads UTF-8 only: re-save the file as UTF-8"
            )
        fields = (r.get("schema") or {}).get("fields")
        if not isinstance(fields, list):
            problems.append(f"{where}: no schema fields")
            continue
        declared = {f.get("name"): f for f in fields if isinstance(f, dict)}
        for f in res.fields:
            if f.name not in declared:
                problems.append(
                    f"{where}: field {f.name!r} of the standard layout (gzanalysis/layout.toml) is missing"
                )
            elif declared[f.name].get("type", "string") != f.type:
                problems.append(
                    f"{where}, field {f.name!r}: type {declared[f.name].get('type', 'string')!r}, "
                    f"the standard layout has {f.type!r}"
                )
        problems += [
            f"{where}: field {n!r} is not in the standard layout (gzanalysis/layout.toml)"
            for n in declared
            if n not in res.field_names
        ]
    if problems:
        raise PackageError(problems)
    return {name: found[name] for name in layout}


def check_file_facts(data: bytes, r: dict, path: Path) -> None:
    """Warn where a file's hash differs from the descriptor's: it was edited after the descriptor."""
    declared = r.get("hash")
    if not isinstance(declared, str):
        return
    algorithm, _, digest = declared.rpartition(":")
    try:
        actual = hashlib.new(algorithm or "md5", data).hexdigest()
    except ValueError:
        return
    if actual != digest.lower():
        warnings.warn(
            f"{path}: the file differs from the {algorithm or 'md5'} hash in datapackage.json (edited after the "
            "descriptor was generated); its rows are checked all the same. If the edit is intended, "
            "regenerate the descriptor: gz.load(folder).to_csv(folder)",
            PackageWarning,
            stacklevel=4,
        )


# ---------------------------------------------------------------- a file


def decode(data: bytes, path: Path) -> str:
    """The text of a file, decoded as strict UTF-8 (a byte-order mark is dropped).

    A file that is not UTF-8 (GBK, as Excel saves it on a Chinese Windows) is refused with the line of
    the first byte that cannot be read, and how to fix it.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        try:
            data.decode("gb18030")
            guess = " It reads as GBK/GB18030 (what Excel saves on a Chinese Windows)."
        except UnicodeDecodeError:
            guess = ""
        raise PackageError(
            f"{path}, line {line}: wrong encoding, the file is not UTF-8 (byte 0x{data[e.start]:02x} cannot be "
            f"decoded).{guess} Re-save it as UTF-8 (in Excel: Save As > CSV UTF-8)."
        ) from None
    return text.removeprefix("\ufeff")


def check_header(header: list[str], fields: list[str], where: str) -> None:
    """The header must hold exactly the schema's columns, each once (in any order)."""
    problems = []
    for k, name in enumerate(header, start=1):
        if name not in fields:
            problems.append(
                f"{where}, column {k} {name!r}: unexpected column, not in the schema in datapackage.json"
            )
        elif header.index(name) != k - 1:
            problems.append(f"{where}, column {k} {name!r}: the column appears twice")
    problems += [f"{where}: column {name!r} is missing" for name in fields if name not in header]
    if problems:
        raise PackageError(
            problems, note=f"(the schema in datapackage.json has the columns {', '.join(fields)})"
        )


def parse_csv(text: str, res: Resource, source: Source) -> dict[str, list]:
    """The columns of a CSV, typed: ``{field: [value or None, …]}`` in the layout's order.

    The header, the width of each row and the type of each value are checked; ``PackageError`` says where.
    """
    reader = csv.reader(io.StringIO(text))
    try:
        records = [r for r in reader if r]
    except csv.Error as e:
        raise PackageError(f"{source.label}, line {reader.line_num}: not readable as CSV ({e})") from None
    header = records[0] if records else []
    check_header(header, res.field_names, f"{source.label}, line 1 (header)")
    width = len(header)
    ragged = [i for i, r in enumerate(records[1:]) if len(r) != width]
    if ragged:
        raise PackageError(
            source.rows(
                ragged,
                None,
                lambda n: f"{n} values, the header has {width} columns",
                [len(r) for r in records[1:]],
            )
        )
    raw = dict(zip(header, zip(*records[1:], strict=True), strict=True)) if len(records) > 1 else {}
    return typed({f.name: raw.get(f.name, ()) for f in res.fields}, res.fields, source)


def _number(v: str) -> float:
    x = float(v)
    if not math.isfinite(x) or "_" in v:
        raise ValueError(v)
    return x


def _integer(v: str) -> int:
    if "_" in v:
        raise ValueError(v)
    return int(v)


def _text(v) -> str:
    # A number in a text column (a spreadsheet reads the code 201 as 201 or 201.0): its digits.
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


_PARSE = {"number": (_number, "a number"), "integer": (_integer, "an integer")}


def typed(columns: dict[str, list | tuple], fields: tuple[Field, ...], source: Source) -> dict[str, list]:
    """Columns of text (CSV) or cell values (Excel, Parquet) converted to the schema's types.

    Blank (``""``, ``None``, NaN, NA) becomes ``None``; a value that is not of its type is a problem.
    """
    problems, out = [], {}
    for f in fields:
        values = columns[f.name]
        if f.type == "string":
            out[f.name] = [
                v if type(v) is str and v else (None if _is_na(v) or v == "" else _text(v)) for v in values
            ]
            continue
        parse, what = _PARSE[f.type]
        col, bad = [], []
        for i, v in enumerate(values):
            if _is_na(v) or v == "":
                col.append(None)
                continue
            try:
                col.append(parse(v if type(v) is str else _cell(v, f.type)))
            except (ValueError, TypeError):
                col.append(None)
                bad.append(i)
        problems += source.rows(bad, f.name, lambda v, what=what: f"{v!r} is not {what}", list(values))
        out[f.name] = col
    if problems:
        raise PackageError(problems)
    return out


def _is_na(v) -> bool:
    if isinstance(v, float):
        return v != v
    return v is None or type(v).__name__ in ("NAType", "NaTType")


def _cell(v, type_: str):
    # A spreadsheet or Parquet cell that already holds a number.
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise TypeError(v)
    if type_ == "integer":
        if float(v) != int(v):
            raise ValueError(v)
        return str(int(v))
    return repr(float(v))


# ---------------------------------------------------------------- a table


def constraints(f: Field, declared: dict) -> list[dict]:
    """The constraints to check on a field: the layout's and the descriptor's (a descriptor can add, not drop)."""
    out = [f.constraints or {}]
    theirs = declared.get("constraints") or {}
    if theirs and theirs != out[0]:
        out.append(theirs)
    return out


def check_table(columns: dict[str, list], res: Resource, schema: dict, source: Source) -> list[str]:
    """Problems of one table: constraints, primary key and, in a classified table, duplicated or orphan codes.

    ``schema`` is the Table Schema the package declares; the layout's constraints apply as well.
    """
    declared = {f.get("name"): f for f in schema.get("fields", [])}
    problems, required = [], set()
    for f in res.fields:
        for c in constraints(f, declared.get(f.name, {})):
            problems += _check_constraints(columns[f.name], f.name, c, source)
            required |= {f.name} if c.get("required") else set()
    for key in {tuple(res.primary_key), tuple(_as_list(schema.get("primaryKey", [])))}:
        for k in key:
            if k not in columns:
                problems.append(f"{source.label}: the primary key names {k!r}, a column that does not exist")
            elif k not in required:
                blank = [i for i, v in enumerate(columns[k]) if v is None]
                problems += source.rows(blank, k, lambda v: "blank, but it is part of the primary key")
        if key and all(k in columns for k in key):
            problems += _check_unique(
                list(zip(*(columns[k] for k in key), strict=True)), ", ".join(key), source, "primary key"
            )
    if res.classification:
        problems += _check_codes(columns["code"], source)
    return problems


def _check_constraints(col: list, column: str, c: dict, source: Source) -> list[str]:
    problems = []
    if c.get("required") and None in col:
        blank = [i for i, v in enumerate(col) if v is None]
        problems += source.rows(blank, column, lambda v: "blank, but the schema requires a value")
    if "pattern" in c:
        match = re.compile(c["pattern"]).fullmatch
        bad = [i for i, v in enumerate(col) if isinstance(v, str) and not match(v)]
        problems += source.rows(
            bad, column, lambda v: f"{v!r} does not match the pattern {c['pattern']}", col
        )
    if "enum" in c:
        allowed = set(c["enum"])
        bad = [i for i, v in enumerate(col) if v is not None and v not in allowed]
        listed = ", ".join(map(str, c["enum"]))
        problems += source.rows(bad, column, lambda v: f"{v!r} is not one of: {listed}", col)
    for bound, beyond in (("minimum", lambda v, b: v < b), ("maximum", lambda v, b: v > b)):
        if bound in c:
            bad = [i for i, v in enumerate(col) if v is not None and beyond(v, c[bound])]
            problems += source.rows(
                bad, column, lambda v, bound=bound: f"{v} is beyond the {bound} {c[bound]}", col
            )
    if c.get("unique"):
        problems += _check_unique(
            [(v,) if v is not None else None for v in col], column, source, "unique value"
        )
    return problems


def _check_unique(keys: list, column: str, source: Source, what: str) -> list[str]:
    """Rows whose key (a tuple; ``None`` or a tuple holding ``None`` is not compared) repeats an earlier row."""
    present = [k for k in keys if k is not None and None not in k]
    if len(set(present)) == len(present):
        return []
    first, dup = {}, []
    for i, k in enumerate(keys):
        if k is not None and None not in k and first.setdefault(k, i) != i:
            dup.append(i)
    show = [k[0] if k and len(k) == 1 else k for k in keys]
    return source.rows(
        dup,
        column,
        lambda v: (
            f"{v} appears twice ({what}; first in row {first[v if isinstance(v, tuple) else (v,)] + 1})"
        ),
        show,
    )


def _check_codes(code: list, source: Source) -> list[str]:
    """In a classified table each code appears once, and the code above it (its parent) is in the table."""
    problems = _check_unique([(c,) if c is not None else None for c in code], "code", source, "code")
    present = set(code)
    parent = [c[:-2] if c is not None and len(c) > 3 else None for c in code]
    orphans = [i for i, p in enumerate(parent) if p is not None and p not in present]
    return problems + source.rows(
        orphans,
        "code",
        lambda i: f"orphan code {code[i]}: its parent {parent[i]} is not in the table",
        list(range(len(code))),
    )


def _as_list(v) -> list:
    return [v] if isinstance(v, str) else list(v)


# ---------------------------------------------------------------- the package


def check_references(
    tables: dict[str, dict[str, list]], foreign_keys: dict[str, list[dict]], sources: dict[str, Source]
) -> list[str]:
    """Foreign keys: each value is in the table it refers to (``reference.resource`` "" is the table itself)."""
    problems = []
    for name, columns in tables.items():
        for fk in foreign_keys.get(name, []):
            fields, ref = _as_list(fk["fields"]), fk["reference"]
            target_name, keys = ref.get("resource") or name, _as_list(ref["fields"])
            target = tables.get(target_name)
            if target is None or any(k not in target for k in keys) or any(f not in columns for f in fields):
                problems.append(
                    f"{sources[name].label}: a foreign key names {target_name!r} {keys}, which is not loaded"
                )
                continue
            known = set(zip(*(target[k] for k in keys), strict=True))
            values = list(zip(*(columns[f] for f in fields), strict=True))
            bad = [i for i, v in enumerate(values) if None not in v and v not in known]
            label = Path(sources[target_name].label).name
            problems += sources[name].rows(
                bad,
                ", ".join(fields),
                lambda v, label=label, keys=keys: (
                    f"{v[0] if len(v) == 1 else v} is not in {label} (column {', '.join(keys)})"
                ),
                values,
            )
    return problems
