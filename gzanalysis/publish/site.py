"""The report's site around its pages: navigation, the index, thumbnails and downloads.

- every page gets a sidebar of all pages in reading order, its own table of contents and prev/next links
  (the exporter leaves placeholders; ``finish_page`` fills them once every page's title is known);
- ``index.html`` shows the disclosure's key figures, computed from the data, and a thumbnail of each
  page's first chart (PNG, rendered offline by vl-convert);
- ``downloads/`` holds the data package as a zip of CSVs and as one Excel workbook; ``notebooks/`` the
  notebooks the pages were rendered from;
- in two languages (``languages.py``): each page, the index and the glossary exist in English and Chinese,
  each linking to its twin; navigation and headings are in the page's language.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from gzanalysis.publish.languages import (
    OTHER,
    default_language_script,
    lang_of,
    page_name,
    switch_link,
    word,
    words,
)

SIDEBAR, PAGER, TOC, LANG = "<!--gz:sidebar-->", "<!--gz:pager-->", "<!--gz:toc-->", "<!--gz:lang-->"
PLACEHOLDERS = SIDEBAR + PAGER + LANG  # a page's navigation, without its body
HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)(?:<a class="anchor-link".*?</a>)?</h\1>', re.S)


@dataclass
class Entry:
    """One page of the site, as the index and the navigation need it."""

    name: str  # the notebook's stem
    title: str
    overview: str = ""
    thumbnail: str | None = None  # path of the PNG, relative to the site
    notebook: str | None = None  # path of the page's notebook (.ipynb), relative to the site
    extra: dict = field(default_factory=dict)
    lang: str = "en"  # the edition: the English page is NAME.html, the Chinese one NAME.zh.html

    @property
    def page(self) -> str:
        return page_name(self.name, self.lang)


def digest(*parts) -> str:
    """A short key of what a file is made from (strings, or anything JSON can write)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class Manifest:
    """What each file of the site was written from (``.gz-build.json`` in the site): a rebuild makes and
    writes a file again only when its key changed or the file is gone, so an unchanged rebuild writes
    nothing but the manifest. Without a manifest (``Manifest(None)``) every file is written."""

    NAME = ".gz-build.json"

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.keys: dict[str, str] = {}
        self.written: list[str] = []
        if folder is not None and (folder / self.NAME).is_file():
            try:
                self.keys = json.loads((folder / self.NAME).read_text(encoding="utf-8"))
            except ValueError:  # a manifest cut short: build everything again
                self.keys = {}

    def fresh(self, name: str, key: str | None) -> bool:
        """Whether ``name`` (relative to the site) exists, written from ``key``."""
        return (
            self.folder is not None
            and key is not None
            and self.keys.get(name) == key
            and (self.folder / name).exists()
        )

    def wrote(self, name: str, key: str | None) -> None:
        self.written.append(name)
        if key is None:
            self.keys.pop(name, None)
        else:
            self.keys[name] = key

    def write_text(self, site: Path, name: str, key: str | None, make) -> bool:
        """Write ``make()`` into ``site/name`` unless it is fresh; whether it was written."""
        if self.fresh(name, key):
            return False
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(make(), encoding="utf-8")
        self.wrote(name, key)
        return True

    def save(self) -> None:
        if self.folder is not None:
            text = json.dumps(self.keys, indent=1, sort_keys=True, ensure_ascii=False)
            (self.folder / self.NAME).write_text(text, encoding="utf-8")


@cache
def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    folder = str(files("gzanalysis.publish").joinpath("templates"))
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(["html", "j2"]))


def first_chart(nb) -> dict | None:
    """The Vega-Lite spec of the notebook's first chart (the renderer keeps it beside the chart's HTML)."""
    from gzanalysis.views.notebook import SPEC_MIME

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if SPEC_MIME in output.get("data", {}):
                return output["data"][SPEC_MIME]
    return None


def write_thumbnail(site: Path, name: str, spec: dict | None, manifest: Manifest | None = None) -> str | None:
    """``thumbs/NAME.png`` of a chart spec, at a fixed width (vl-convert, offline); None without a chart.
    Drawn again only when the spec changed (``manifest``)."""
    if spec is None:
        return None
    manifest = manifest or Manifest(None)
    href = f"thumbs/{name}.png"
    key = digest(spec)
    if manifest.fresh(href, key):
        return href
    import vl_convert as vlc

    from gzanalysis.views.charts import static_spec

    target = site / href
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(vlc.vegalite_to_png(static_spec(spec), scale=1))
    manifest.wrote(href, key)
    return href


def toc(body: str, lang: str = "en") -> str:
    """The page's table of contents: its ## and ### headings, linked to the anchors nbconvert gives them."""
    items = []
    for level, anchor, text in HEADING.findall(body):
        text = re.sub(r"<[^>]+>", "", text).strip()
        if text:
            items.append(f'<li class="gz-toc-h{level}"><a href="#{anchor}">{text}</a></li>')
    if not items:
        return ""
    title = word("on_this_page", lang)
    return f'<nav class="gz-toc" aria-label="{title}"><h2>{title}</h2><ul>' + "".join(items) + "</ul></nav>"


def sidebar(entries: list[Entry], current: int | str | None, lang: str | None = None) -> str:
    """Links to the index, every page of the edition and the glossary; ``current`` is the index of the page
    shown in ``entries``, or ``"index"`` / ``"glossary"`` (None: no page is current)."""
    lang = lang or (
        entries[current].lang if isinstance(current, int) else entries[0].lang if entries else "en"
    )
    here = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{html.escape(e.page)}"{here if i == current else ""}>{html.escape(e.title)}</a></li>'
        for i, e in enumerate(entries)
    )
    home = f'<li><a href="{page_name("index", lang)}"{here if current == "index" else ""}>{word("home", lang)}</a></li>'
    glossary = (
        f'<li><a href="{page_name("glossary", lang)}"{here if current == "glossary" else ""}>'
        f"{word('glossary', lang)}</a></li>"
    )
    return home + links + glossary


def pager(entries: list[Entry], current: int) -> str:
    parts = []
    if current > 0:
        e = entries[current - 1]
        parts.append(
            f'<a class="gz-prev" rel="prev" href="{html.escape(e.page)}">← {html.escape(e.title)}</a>'
        )
    if current + 1 < len(entries):
        e = entries[current + 1]
        parts.append(
            f'<a class="gz-next" rel="next" href="{html.escape(e.page)}">{html.escape(e.title)} →</a>'
        )
    label = word("previous_next", entries[current].lang)
    return f'<nav class="gz-pager" aria-label="{label}">' + "".join(parts) + "</nav>"


def finish_page(body: str, entries: list[Entry], current: int) -> str:
    """Fill a rendered page's placeholders: the sidebar, the table of contents, prev/next, and the link to
    the same page in the other language."""
    lang = entries[current].lang
    return (
        body.replace(SIDEBAR, sidebar(entries, current), 1)
        .replace(TOC, toc(body, lang), 1)
        .replace(PAGER, pager(entries, current), 1)
        .replace(LANG, switch_link(entries[current].name, lang), 1)
    )


def _amount(x: float) -> str:
    """An amount for the index; a dash where the document gives none (never "nan")."""
    return "—" if x != x else f"{x:,.2f}"


def key_figures(d) -> list[dict]:
    """The disclosure's key figures, from its tables and its audit: label (zh, en), value, unit."""
    from gzanalysis.analyses.composition import composition
    from gzanalysis.analyses.subjects import NotInDisclosure
    from gzanalysis.audit import audit
    from gzanalysis.views.prose import carryover_total  # printed, else stated in words (0 is 0), else NaN

    income = d.table("income_by_function")
    total_row = income[income["code"].isna()].iloc[0]
    try:
        kinds = composition(d, by="kind", level=None).set_index("kind")["amount"]
    except NotInDisclosure:  # a document without the 基本/项目 split: a dash, not a failed index
        kinds = {"basic": float("nan"), "project": float("nan")}
    findings = audit(d)
    material = int((findings["status"] == "material").sum())
    return [
        {"zh": "预算总额", "en": "Total budget", "value": f"{total_row['total']:,.2f}", "unit": "万元"},
        {"zh": "基本支出", "en": "Basic spending", "value": _amount(kinds["basic"]), "unit": "万元"},
        {"zh": "项目支出", "en": "Project spending", "value": _amount(kinds["project"]), "unit": "万元"},
        {"zh": "上年结转", "en": "Carried over", "value": _amount(carryover_total(d)), "unit": "万元"},
        {
            "zh": "审计实质性差异",
            "en": "Material audit findings",
            "value": f"{material}",
            "unit": f"/ {len(findings)} checks",
            "unit_zh": f"/ {len(findings)} 项核对",
        },
    ]


def write_downloads(site: Path, d, manifest: Manifest | None = None, key: str | None = None) -> list[dict]:
    """The data package as a zip of its CSVs (with datapackage.json) and as one Excel workbook; made again
    only when ``key`` (the data's and the code's) changed (``manifest``)."""
    manifest = manifest or Manifest(None)
    out = site / "downloads"
    out.mkdir(parents=True, exist_ok=True)
    archive, workbook = out / f"{d.id}-csv.zip", out / f"{d.id}.xlsx"
    names = [f"downloads/{archive.name}", f"downloads/{workbook.name}"]
    if not all(manifest.fresh(name, key) for name in names):
        with tempfile.TemporaryDirectory() as tmp:
            folder = d.to_csv(Path(tmp) / d.id)
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                for path in sorted(Path(folder).rglob("*")):
                    if path.is_file():
                        z.write(path, f"{d.id}/{path.relative_to(folder)}")
        d.to_excel(workbook)
        for name in names:
            manifest.wrote(name, key)
    return [
        {
            "href": f"downloads/{archive.name}",
            "text": {"en": "Data package: CSV files (zip)", "zh": "数据包：CSV 文件（zip）"},
            "bytes": archive.stat().st_size,
        },
        {
            "href": f"downloads/{workbook.name}",
            "text": {"en": "Excel workbook", "zh": "Excel 工作簿"},
            "bytes": workbook.stat().st_size,
        },
    ]


def notebook_href(path: Path) -> str:
    """Where the site keeps a page's notebook: ``notebooks/NAME.ipynb``, the Chinese edition's in ``zh/``."""
    return f"notebooks/{path.name}" if lang_of(path) == "en" else f"notebooks/zh/{path.name}"


def copy_notebook(site: Path, path: Path) -> str:
    """The page's notebook, offered for download (copied only when it differs)."""
    href = notebook_href(path)
    target = site / href
    if not (target.is_file() and target.read_bytes() == path.read_bytes()):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return href


def render_index(
    entries: list[Entry], d, downloads: list[dict], built: str, lang: str = "en", figures: list | None = None
) -> str:
    """The index of one edition (``index.html``, ``index.zh.html``); the English one sends a browser that
    prefers Chinese to the Chinese one (no network: ``languages.default_language_script``). ``figures``:
    the key figures, if already computed (``key_figures``)."""
    return (
        _templates()
        .get_template("home.html.j2")
        .render(
            entries=entries,
            meta=d.meta,
            figures=key_figures(d) if figures is None else figures,
            downloads=downloads,
            built=word("built", lang, built=built, title=d.meta["title"]),
            lang=lang,
            words=words(lang),
            sidebar=sidebar(entries, "index", lang),
            home=page_name("index", lang),
            switch=switch_link("index", lang),
            redirect=default_language_script() if lang == "en" else "",
            glossary=page_name("glossary", lang),
            other=OTHER[lang],
            other_page=page_name("index", OTHER[lang]),
        )
    )
