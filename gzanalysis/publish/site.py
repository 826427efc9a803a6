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

import html
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
)

SIDEBAR, PAGER, TOC, LANG = "<!--gz:sidebar-->", "<!--gz:pager-->", "<!--gz:toc-->", "<!--gz:lang-->"
HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)(?:<a class="anchor-link".*?</a>)?</h\1>', re.S)


@dataclass
class Entry:
    """One page of the site, as the index and the navigation need it."""

    name: str  # the notebook's stem
    title: str
    overview: str = ""
    thumbnail: str | None = None  # path of the PNG, relative to the site
    extra: dict = field(default_factory=dict)
    lang: str = "en"  # the edition: the English page is NAME.html, the Chinese one NAME.zh.html

    @property
    def page(self) -> str:
        return page_name(self.name, self.lang)


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


def write_thumbnail(site: Path, name: str, spec: dict | None) -> str | None:
    """``thumbs/NAME.png`` of a chart spec, at a fixed width (vl-convert, offline); None without a chart."""
    if spec is None:
        return None
    import vl_convert as vlc

    from gzanalysis.views.charts import static_spec

    target = site / "thumbs" / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(vlc.vegalite_to_png(static_spec(spec), scale=1))
    return f"thumbs/{name}.png"


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


def sidebar(entries: list[Entry], current: int | None, lang: str | None = None) -> str:
    """Links to the index, every page of the edition and the glossary (``current`` None: no page is current)."""
    lang = lang or (entries[current].lang if current is not None else "en")
    here = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{html.escape(e.page)}"{here if i == current else ""}>{html.escape(e.title)}</a></li>'
        for i, e in enumerate(entries)
    )
    home = f'<li><a href="{page_name("index", lang)}">{word("home", lang)}</a></li>'
    glossary = f'<li><a href="{page_name("glossary", lang)}">{word("glossary", lang)}</a></li>'
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


def key_figures(d) -> list[dict]:
    """The disclosure's key figures, from its tables and its audit: label (zh, en), value, unit."""
    from gzanalysis.analyses.composition import composition
    from gzanalysis.audit import audit

    income = d.table("income_by_function")
    total_row = income[income["code"].isna()].iloc[0]
    kinds = composition(d, by="kind", level=None).set_index("kind")["amount"]
    findings = audit(d)
    material = int((findings["status"] == "material").sum())
    return [
        {"zh": "预算总额", "en": "Total budget", "value": f"{total_row['total']:,.2f}", "unit": "万元"},
        {"zh": "基本支出", "en": "Basic spending", "value": f"{kinds['basic']:,.2f}", "unit": "万元"},
        {"zh": "项目支出", "en": "Project spending", "value": f"{kinds['project']:,.2f}", "unit": "万元"},
        {"zh": "上年结转", "en": "Carried over", "value": f"{total_row['carryover']:,.2f}", "unit": "万元"},
        {
            "zh": "审计实质性差异",
            "en": "Material audit findings",
            "value": f"{material}",
            "unit": f"/ {len(findings)} checks",
            "unit_zh": f"/ {len(findings)} 项核对",
        },
    ]


def write_downloads(site: Path, d) -> list[dict]:
    """The data package as a zip of its CSVs (with datapackage.json) and as one Excel workbook."""
    out = site / "downloads"
    out.mkdir(parents=True, exist_ok=True)
    archive, workbook = out / f"{d.id}-csv.zip", out / f"{d.id}.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        folder = d.to_csv(Path(tmp) / d.id)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    z.write(path, f"{d.id}/{path.relative_to(folder)}")
    d.to_excel(workbook)
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
    href = notebook_href(path)
    target = site / href
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    return href


def render_index(entries: list[Entry], d, downloads: list[dict], built: str, lang: str = "en") -> str:
    """The index of one edition (``index.html``, ``index.zh.html``); the English one sends a browser that
    prefers Chinese to the Chinese one (no network: ``languages.default_language_script``)."""
    words = {
        k: word(k, lang) for k in ("report", "key_figures", "pages", "data", "notebooks_linked", "glossary")
    }
    return (
        _templates()
        .get_template("home.html.j2")
        .render(
            entries=entries,
            meta=d.meta,
            figures=key_figures(d),
            downloads=downloads,
            built=word("built", lang, built=built, title=d.meta["title"]),
            lang=lang,
            words=words,
            switch=switch_link("index", lang),
            redirect=default_language_script() if lang == "en" else "",
            glossary=page_name("glossary", lang),
            other_index=page_name("index", OTHER[lang]),
        )
    )
