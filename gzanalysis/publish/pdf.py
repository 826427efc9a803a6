"""The report as a book: each edition of the site printed into one PDF by Chromium.

    gzanalysis report --pdf        # or: make report-pdf  →  reports/gzanalysis-report.pdf, …report.zh.pdf

Chromium (Debian's, driven by Playwright, as in the browser tests) opens every page of the built site in
reading order, waits until its charts are drawn, and keeps the page's content (``main``) as drawn: charts
are SVG, so they stay vector graphics. The book is one HTML document of these contents after a cover (the
disclosure's key figures) and a table of contents, printed once with the print stylesheet: the fonts
(Noto Sans CJK) are embedded, the pages are numbered, and navigation, explorer controls and folded code are
left out. Why not Jupyter Book or Quarto: both print through LaTeX (a TeX distribution with CJK fonts, and
charts re-rendered as images); the site already holds every page exactly as readers see it.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from gzanalysis.publish.languages import LANGS, page_name, word

BOOK = "gzanalysis-report"  # reports/gzanalysis-report.pdf, reports/gzanalysis-report.zh.pdf
CHROMIUM_ENV = "GZANALYSIS_CHROMIUM"  # a Chromium other than the one on PATH
WIDTH = 760  # px: the width pages are drawn at, about A4's text width at 96 dpi (charts scale to fit)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

# What a printed page keeps of a site page: its content, without navigation, folded code, controls or scripts.
KEEP_CONTENT = """() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("script, .gz-toc, .gz-pager, details.gz-code, .gz-skip, .vega-bindings, .vega-bind,"
    + " .vega-actions, .gz-table-search, .gz-scroll-cue, .jp-InputArea, button.gz-sort")
    .forEach(e => {
      if (e.matches("button.gz-sort")) e.replaceWith(...e.childNodes); else e.remove();
    });
  main.querySelectorAll(".vega-embed > details").forEach(e => e.remove());  // the chart's ⋯ menu
  main.querySelectorAll("details.gz-hide-output").forEach(d => d.setAttribute("open", ""));
  return main.innerHTML;
}"""

BOOK_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm; }
body.gz-book { font-size: 10pt; line-height: 1.45; margin: 0; }
.gz-book section.gz-part { break-before: page; }
.gz-book .gz-cover { text-align: left; padding-top: 30mm; }
.gz-book .gz-cover h1 { font-size: 22pt; margin-bottom: 4mm; }
.gz-book .gz-cover .gz-edition { color: #444; font-size: 12pt; }
.gz-book .gz-figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin: 10mm 0; }
.gz-book .gz-contents ol { line-height: 1.8; }
.gz-book .gz-contents a { color: inherit; text-decoration: none; }
.gz-book svg, .gz-book .gz-chart svg.marks { max-width: 100% !important; height: auto !important; }
.gz-book .vega-embed { width: auto !important; }
.gz-book table { font-size: 8.5pt; }
.gz-book .gz-table-scroll { overflow: visible !important; }
.gz-book .gz-table-box::before, .gz-book .gz-table-box::after { display: none; }
.gz-book .jp-Cell, .gz-book .jp-OutputArea-output { break-inside: auto; }
.gz-book .vega-embed, .gz-book figure, .gz-book tr { break-inside: avoid; }
.gz-book h2, .gz-book h3 { break-after: avoid; }
"""

FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
WORDS = {
    "edition": {"en": "English edition", "zh": "中文版"},
    "contents": {"en": "Contents", "zh": "目录"},
    "printed": {
        "en": "Printed from the report site built on {built}.",
        "zh": "根据{built}生成的报告网站打印。",
    },
}


class PdfError(RuntimeError):
    pass


def chromium() -> str:
    """The Chromium to print with: ``GZANALYSIS_CHROMIUM``, else ``chromium`` on PATH."""
    found = os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not Path(found).exists():
        raise PdfError(
            "printing the report needs Chromium: apt-get install chromium fonts-noto-cjk (or `make "
            f"system-deps`), or set {CHROMIUM_ENV} to a Chromium executable"
        )
    return found


def _reading_order(site: Path, lang: str) -> list[Path]:
    """An edition's notebook pages as its sidebar lists them, then its glossary page."""
    import re

    index = (site / page_name("index", lang)).read_text(encoding="utf-8")
    bar = re.search(r'<nav[^>]*class="gz-sidebar".*?</nav>', index, re.S)
    if bar is None:
        raise PdfError(f"{site / page_name('index', lang)} has no list of pages: build the site first")
    names = re.findall(r'href="([^"]+)"', bar.group(0))
    return [site / n for n in names if n != page_name("index", lang)]


def _wait_for_charts(page, timeout_ms: int = 20_000) -> None:
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.vega-embed'))
             .every(e => e.querySelector('svg.marks, canvas.marks'))""",
        timeout=timeout_ms,
    )


def book_html(site: Path, lang: str, parts: list[tuple[str, str]], head: str, figures, meta, built) -> str:
    """One edition's book: cover (title, key figures), contents, then each part (title, content)."""
    esc = html.escape
    figure_list = "".join(
        f"<div><dt>{esc(f[lang])}</dt><dd><b>{esc(f['value'])}</b> {esc(f.get('unit_' + lang) or f['unit'])}</dd>"
        "</div>"
        for f in figures
    )
    contents = "".join(f'<li><a href="#part-{i}">{esc(title)}</a></li>' for i, (title, _) in enumerate(parts))
    body = "".join(
        f'<section class="gz-part" id="part-{i}" data-title="{esc(title)}">{content}</section>'
        for i, (title, content) in enumerate(parts)
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{esc(word('report', lang))}: {esc(meta['title'])}</title>{head}"
        f"<style>{BOOK_CSS}</style></head>"
        '<body class="jp-Notebook gz-page gz-book" data-jp-theme-light="true">'
        f'<section class="gz-cover"><p>{esc(word("report", lang))}</p><h1>{esc(meta["title"])}</h1>'
        f'<p class="gz-edition">{WORDS["edition"][lang]}</p>'
        f'<h2>{esc(word("key_figures", lang))}</h2><dl class="gz-figures">{figure_list}</dl>'
        f"<p>{esc(WORDS['printed'][lang].format(built=built))}</p></section>"
        f'<section class="gz-part gz-contents"><h2>{WORDS["contents"][lang]}</h2><ol>{contents}</ol></section>'
        f"{body}</body></html>"
    )


def print_books(
    site: Path | str = "reports", d=None, langs=LANGS, quiet: bool = False, browser=None
) -> list[Path]:
    """Print each edition of the built site ``site`` into ``site/gzanalysis-report[.zh].pdf``; ``browser``:
    a Playwright Chromium already running (else one is started)."""
    if browser is not None:
        return _print(Path(site).resolve(), d, langs, quiet, browser)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - the report extra installs it
        raise PdfError("printing the report needs Playwright: pip install 'gzanalysis[report]'") from err
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=ARGS)
        try:
            return _print(Path(site).resolve(), d, langs, quiet, browser)
        finally:
            browser.close()


def _print(site: Path, d, langs, quiet: bool, browser) -> list[Path]:
    import datetime as dt

    from gzanalysis.package.load import load
    from gzanalysis.publish.site import key_figures

    d = d or load()
    figures = key_figures(d)
    built = dt.date.today().isoformat()
    written = []
    for lang in langs:
        parts, head = [], ""
        for path in _reading_order(site, lang):
            page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
            # nothing outside the site: a page that needed the network would print without it
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            page.goto(path.as_uri())
            _wait_for_charts(page)
            if not head:  # the styles every page shares (the lab's, the site's, the tables')
                head = page.evaluate(
                    """() => Array.from(document.head.querySelectorAll('style, link[rel=stylesheet]'))
                         .map(e => e.outerHTML).join('')"""
                )
            h1 = page.locator("main h1").first
            title = h1.inner_text().strip() if h1.count() else path.stem
            parts.append((title.replace("¶", "").strip(), page.evaluate(KEEP_CONTENT)))
            page.close()
        book = site / f"{BOOK}.book{'' if lang == 'en' else '.' + lang}.html"
        book.write_text(book_html(site, lang, parts, head, figures, d.meta, built), encoding="utf-8")
        target = site / (f"{BOOK}.pdf" if lang == "en" else f"{BOOK}.{lang}.pdf")
        page = browser.new_page()
        try:
            page.goto(book.as_uri())
            page.emulate_media(media="print")
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<div></div>",
                footer_template=FOOTER,
                margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            page.close()
            book.unlink()
        written.append(target)
        if not quiet:
            print(f"printed {len(parts)} pages into {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return written
