"""Template families as data: which tables a family prints, under which titles, with which headings.

One TOML file per family in ``templates/``; a family file may extend another (``extends``) and override
tables or heading patterns. Nothing about a city lives in code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from pathlib import Path

TEMPLATE_DIR = Path(str(files("gzanalysis.ingest.pdf").joinpath("templates")))  # one TOML per template family


@dataclass(frozen=True)
class TableSpec:
    key: str  # the table's id in the template (budget_summary, operating_costs …)
    resource: str  # standard resource it fills; "" for a table kept only in pdf_cells
    shape: str  # two-sided | classified | by-unit | other | performance
    titles: tuple[str, ...]
    classification: str | None
    columns: dict[str, tuple[str, ...]]  # field → patterns, in order of preference
    # two-sided tables: what the expenditure side lists before its subtotal ("function": 类 by code or
    # name; "kind": 基本支出 / 项目支出 …); the audit's balance rule follows it
    expenditure_by: str = "function"
    # a table that holds a standard resource (the performance tables: ``projects``), recorded in the package
    # as printed but not read, as distinct from absent, where the ingest cannot read it (no indicator header)
    unread_resource: str = ""


@dataclass(frozen=True)
class Rule:
    """A table recognised by the words of its title (and header) when no title variant matches."""

    table: str
    title: tuple[str, ...]
    not_title: tuple[str, ...] = ()
    header: tuple[str, ...] = ()

    def matches(self, title: str, header: str) -> bool:
        return (
            all(w in title for w in self.title)
            and not any(w in title for w in self.not_title)
            and (not self.header or any(w in title + header for w in self.header))
        )


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    tables: dict[str, TableSpec]
    # what the family's documents contain ([requires]): standard tables (resources) and narrative sections
    requires: dict = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    # heading patterns by shape ([columns.SHAPE]), for a table whose header shows another shape than
    # its spec's (an income table printed by unit where the family prints it by function)
    shape_columns: dict = field(default_factory=dict)
    # how its performance tables are read ([performance]: header and label wordings, table kinds)
    performance: dict = field(default_factory=dict)

    def reshaped(self, spec: TableSpec, shape: str) -> TableSpec:
        """``spec`` read as a table of another shape: the new shape's headings, then the spec's own."""
        columns = {f: tuple(p) for f, p in self.shape_columns.get(shape, {}).items()}
        for f, patterns in spec.columns.items():
            columns.setdefault(f, patterns)
        return replace(spec, shape=shape, columns=columns)

    def match_title(self, title: str) -> TableSpec | None:
        """The table whose title variant ends the normalised title; the longest variant wins."""
        best, length = None, 0
        for spec in self.tables.values():
            for variant in spec.titles:
                if title.endswith(variant) and len(variant) > length:
                    best, length = spec, len(variant)
        return best

    def identify(self, title: str, header: str = "") -> tuple[TableSpec | None, str]:
        """The table a title (normalised) and header text name, and how: "title" where a title variant
        of the family matches, "content" where the words of title and header do, else (None, "")."""
        spec = self.match_title(title)
        if spec is not None:
            return spec, "title"
        for rule in self.rules:
            if rule.matches(title, header) and rule.table in self.tables:
                return self.tables[rule.table], "content"
        return None, ""


def names() -> list[str]:
    return sorted(p.stem for p in TEMPLATE_DIR.glob("*.toml"))


def _raw(name: str) -> dict:
    path = TEMPLATE_DIR / f"{name}.toml"
    if not path.is_file():
        raise KeyError(f"no template {name!r}; the templates are: {', '.join(names())}")
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    if "extends" in spec:
        base = _raw(spec["extends"])
        merged = {**base, **{k: v for k, v in spec.items() if k not in ("tables", "columns")}}
        merged["tables"] = {**base.get("tables", {})}
        for key, table in spec.get("tables", {}).items():
            merged["tables"][key] = {**merged["tables"].get(key, {}), **table}
        merged["columns"] = {**base.get("columns", {})}
        for shape, cols in spec.get("columns", {}).items():
            merged["columns"][shape] = {**merged["columns"].get(shape, {}), **cols}
        return merged
    return spec


@cache
def load(name: str) -> Template:
    spec = _raw(name)
    tables = {}
    for key, t in spec["tables"].items():
        shape = t["shape"]
        columns = dict(t.get("columns", {}))
        for name_, patterns in spec.get("columns", {}).get(shape, {}).items():
            columns.setdefault(name_, patterns)
        tables[key] = TableSpec(
            key=key,
            resource=t.get("resource", ""),
            shape=shape,
            titles=tuple(normalise_title(x) for x in t["titles"]),
            classification=t.get("classification"),
            columns={f: tuple(p) for f, p in columns.items()},
            expenditure_by=t.get("expenditure_by", "function"),
            unread_resource=t.get("unread_resource", ""),
        )
    rules = tuple(
        Rule(r["table"], tuple(r["title"]), tuple(r.get("not_title", ())), tuple(r.get("header", ())))
        for r in spec.get("recognise", [])
    )
    return Template(
        spec["name"],
        spec.get("description", ""),
        tables,
        spec.get("requires", {}),
        rules,
        spec.get("columns", {}),
        spec.get("performance", {}),
    )


_NUMBERING = re.compile(
    r"^(附?表[\d一二三四五六七八九十]+(-\d{1,2})?[:：.、-]?|公开\d+表|\d+[、.．]|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)])"
)
_YEAR = re.compile(r"^.*?\d{4}年度?")


def normalise_title(text: str) -> str:
    """A title without spaces, quotes, numbering or a leading year (and whatever precedes the year)."""
    t = re.sub(r"\s+", "", text).translate(str.maketrans("（）", "()", "“”\"'‘’「」"))
    t = _NUMBERING.sub("", t)
    t = _YEAR.sub("", t, count=1)
    return _NUMBERING.sub("", t)


def detect(titles: list[str], withhold: tuple[str, ...] = ()) -> tuple[Template, dict[str, int]]:
    """The family whose titles match most of the document's table titles (ties: the more specific);
    ``withhold`` names families left out (to see how a document reads without its own)."""
    scores = {}
    for name in names():
        if name in withhold and name != "national":
            continue
        t = load(name)
        exact = sum(any(title in spec.titles for spec in t.tables.values()) for title in titles)
        scores[name] = exact
    best = max(scores, key=lambda n: (scores[n], n != "national"))
    if scores[best] == 0:
        best = "national"  # no family prints these titles: a document of an unknown family
    return load(best), scores
