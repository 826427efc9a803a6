"""``make report``: execute the curated notebooks and render an offline report site.

    gzanalysis report --out reports      # or: python -m gzanalysis.publish.report

Each notebook runs in a fresh kernel (with a timeout and a progress line), unless the cache (``.cache/report``,
see ``cache.py``) holds it executed from the same source, data and code; ``--fresh`` executes them all.
Each becomes one HTML page;
``index.html`` lists them. The JavaScript the pages need (vega, vega-lite, vega-embed; require.js and the
Jupyter widget manager for the explorers' saved state) is copied once into ``assets/`` and shared: the
site opens anywhere, offline, from ``file://``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from gzanalysis.publish import site
from gzanalysis.publish.cache import DEFAULT_DIR as DEFAULT_CACHE
from gzanalysis.publish.cache import NotebookCache, notebook_node
from gzanalysis.publish.execute import TIMEOUT, run
from gzanalysis.publish.languages import LANGS, lang_of, page_name, render_glossary, words
from gzanalysis.publish.notebooks import ANY, notebook_paths

# Where `make report` unpacks the npm packages of the widget manager and require.js (see the Makefile).
JS_DIR = Path(sys.prefix) / "share" / "gzanalysis" / "js"


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class ReportError(RuntimeError):
    pass


class NotebookFailed(ReportError):
    """Notebooks that raised: each with its failing cell and traceback (the site was written all the same)."""

    def __init__(self, outcomes):
        self.outcomes = outcomes
        super().__init__(
            "\n\n".join(f"{o.path.name} failed:\n{o.error}" for o in outcomes)
            + f"\n\n{len(outcomes)} notebook(s) failed"
        )


def _title_and_overview(nb) -> tuple[str, str]:
    title, overview = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        if not title and lines and lines[0].startswith("# "):
            title = lines[0][2:].strip()
        heading = next((h for h in ("## Overview", "## 概览") if h in cell.source), None)  # either edition
        if heading:
            after = cell.source.split(heading, 1)[1].strip().split("\n\n")[0]
            overview = " ".join(after.replace("**", "").replace("`", "").split())
            break
    return title, overview


def write_assets(site_folder: Path, cache: NotebookCache | None = None, manifest=None) -> None:
    """Copy the JavaScript and CSS the pages share into ``site/assets`` (again only when they changed:
    ``manifest``)."""
    from gzanalysis.publish.cache import render_key

    manifest = manifest or site.Manifest(None)
    assets = site_folder / "assets"
    require = JS_DIR / "requirejs" / "require.js"
    manager = JS_DIR / "html-manager" / "dist"
    if not require.exists() or not manager.exists():
        raise ReportError(
            f"the widget manager's JavaScript is not installed in {JS_DIR}: run `make report` "
            "(it unpacks the npm packages @jupyter-widgets/html-manager and requirejs there)"
        )
    # Generating the bundle takes seconds (and altair's import one): a cached build keeps both scripts, for
    # these versions of altair, vl-convert and of the code that makes them (views/notebook.py).
    bundle = f"{version('altair')} {version('vl-convert-python')} {cache.code}" if cache else None
    stamp = JS_DIR / ".installed"
    key = (
        site.digest(bundle, render_key(""), stamp.stat().st_mtime if stamp.exists() else None)
        if bundle
        else None
    )
    if manifest.fresh("assets", key):
        return
    from gzanalysis.views.notebook import vega_bundle, versions_snippet

    assets.mkdir(parents=True, exist_ok=True)
    for name, make in (("vega-bundle.js", vega_bundle), ("vega-setup.js", versions_snippet)):
        (assets / name).write_text(cache.asset(name, bundle, make) if bundle else make(), encoding="utf-8")
    for name in ("report.css", "tables.js"):
        text = files("gzanalysis.publish").joinpath(f"templates/{name}").read_text(encoding="utf-8")
        (assets / name).write_text(text, encoding="utf-8")
    shutil.copy(require, assets / "require.js")
    shutil.copytree(
        manager,
        assets / "html-manager",
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.map", "embed.js", "libembed-amd.js"),
    )
    manifest.wrote("assets", key)


@cache
def _exporter():
    """One exporter per process: loading the lab template and its CSS is the slow part of an export."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    # Jupyter Book's cell tags: remove-cell / remove-input / remove-output drop the part here; hide-input and
    # hide-output fold it (templates/page.html.j2), as every input is folded by default.
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    config.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
    config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    return HTMLExporter(
        config=config,
        template_name="lab",
        extra_template_paths=[str(files("gzanalysis.publish").joinpath("templates"))],
        template_file="page.html.j2",
        require_js_url="assets/require.js",
        widget_renderer_url="assets/html-manager/embed-amd.js",
    )


def render_page(nb, name: str, source: str, lang: str = "en", notebook: str | None = None) -> str:
    """One notebook's page in its edition's language ``lang``: ``<html lang>``, the navigation's words, the
    link home; ``notebook`` is where the site keeps the notebook offered for download."""
    title, _ = _title_and_overview(nb)
    if title:  # the browser tab and bookmarks show the notebook's title, not its file name
        nb.metadata["title"] = title
    if not any(WIDGET_VIEW in o.get("data", {}) for c in nb.cells for o in c.get("outputs", [])):
        # saved state of widgets no output shows (a JupyterLab run's): no widget manager on the page
        nb.metadata.pop("widgets", None)
    resources = {
        "metadata": {"name": name},
        "gz_source": source,
        "gz_words": words(lang),
        "gz_home": page_name("index", lang),
        "gz_notebook": notebook or f"notebooks/{name}.ipynb",
    }
    exporter = _exporter()
    exporter.language_code = lang  # the exporter writes <html lang> from this trait
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def build(
    out: Path | str = "reports",
    notebooks: list[Path] | None = None,
    quiet: bool = False,
    timeout: int = TIMEOUT,
    workers: int | None = None,
    cache_dir: Path | str | None = DEFAULT_CACHE,
    fresh: bool = False,
) -> list[Path]:
    """Execute the notebooks (those the cache does not hold) and write the site into ``out``.

    Returns the pages written. One progress line per notebook says whether it was executed or taken from
    the cache (``cache_dir``; None: no cache; ``fresh``: execute all and refresh it), with its seconds.
    A notebook that fails still gets its page (as far as it ran), and so does every other one; then
    ``NotebookFailed`` is raised with each failing cell and its traceback.
    """
    from gzanalysis.package.load import DEFAULT_ID, load

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    d = load()
    cache = None if cache_dir is None else NotebookCache(cache_dir, d)
    # what each file of the site was written from: with the cache, a rebuild writes only what changed
    manifest = site.Manifest(folder if cache is not None else None)
    write_assets(folder, cache, manifest)
    source = d.meta["title"]
    # both editions by default: the English pages, then their Chinese twins (notebooks/zh). The seed's report
    # is its case study; any other document's, the notebooks whose prose is computed from it (notebooks/any)
    seed = d.id == DEFAULT_ID
    paths = (
        [p for lang in LANGS for p in notebook_paths(lang=lang, any_document=not seed)]
        if notebooks is None
        else list(notebooks)
    )

    def progress(done: int, total: int, outcome) -> None:
        if not quiet:
            print(
                f"[{done}/{total}] {page_name(outcome.path.stem, lang_of(outcome.path))}: {outcome.status},"
                f" {outcome.seconds:.1f} s",
                flush=True,
            )

    # While kernels run, load the exporter (nbconvert and its templates: seconds) for the pages to render.
    outcomes = run(
        paths,
        cache=cache,
        fresh=fresh,
        workers=workers,
        timeout=timeout,
        progress=progress,
        while_waiting=_exporter,
        # the case study on another disclosure: the seed's nbval checks may fail, and are dropped
        seed_checks=seed or all(ANY in p.parent.parts for p in paths),
    )
    results: dict[Path, Rendered] = {}
    for path in paths:
        outcome = outcomes[path]
        title, overview = _title_and_overview(outcome.nb)

        lang, href = lang_of(path), site.notebook_href(path)

        def render(
            nb=outcome.nb, name=path.stem, lang=lang, href=href
        ) -> str:  # nbformat (seconds to import) only for a page to render
            return render_page(notebook_node(nb), name, source, lang, href)

        if cache is None or outcome.error is not None:  # a failed notebook's page is never cached
            html = render()
            results[path] = Rendered(
                lambda html=html: html, None, title, overview, site.first_chart(outcome.nb)
            )
        else:
            results[path] = Rendered(
                lambda path=path, render=render: cache.page(path, source, render),
                cache.page_key(path, source),
                title,
                overview,
                site.first_chart(outcome.nb),
            )
    environment = None if cache is None else cache.environment
    pages = write_site(folder, d, paths, results, manifest, environment)
    manifest.save()
    if not quiet:
        written = len(manifest.written) if cache is not None else "every"
        print(f"wrote {len(pages)} pages and index.html to {folder}/ ({written} files made or changed)")
    failures = [o for o in outcomes.values() if o.error]
    if failures:
        raise NotebookFailed(failures)
    return pages


@dataclass
class Rendered:
    """A notebook's page as the site needs it: its HTML (made on demand: from the cache, or rendered), the
    key it is made from (None: not cached), its title, overview and first chart's spec."""

    html: Callable[[], str]
    key: str | None
    title: str
    overview: str
    chart: dict | None


def write_site(
    folder: Path,
    d,
    paths: list[Path],
    results: dict[Path, Rendered],
    manifest: site.Manifest | None = None,
    environment: str | None = None,
) -> list[Path]:
    """Each edition's pages (with navigation), their notebooks and thumbnails, its index and its glossary
    page (index.html / index.zh.html, glossary.html / glossary.zh.html); the downloads, shared.

    With a ``manifest`` and the ``environment`` key (data and code), a file whose inputs are unchanged is
    neither made nor written again: a page (its rendering and navigation), a thumbnail, the downloads, an
    index (its key figures and audit), a glossary page."""
    from gzanalysis.publish.cache import render_key

    manifest = manifest or site.Manifest(None)
    renderer = render_key(d.meta["title"])
    pages = []
    downloads = site.write_downloads(folder, d, manifest, environment)
    figures = None
    for lang in LANGS:
        chosen = [path for path in paths if lang_of(path) == lang]  # reading order, whatever finished first
        if not chosen:
            continue
        entries = [
            site.Entry(
                path.stem,
                results[path].title or path.stem,
                results[path].overview,
                site.write_thumbnail(
                    folder, page_name(path.stem, lang).removesuffix(".html"), results[path].chart, manifest
                ),
                lang=lang,
                notebook=site.notebook_href(path),
            )
            for path in chosen
        ]
        for i, path in enumerate(chosen):
            name, rendered = entries[i].page, results[path]
            # the page's navigation: every entry's title and place (the sidebar, prev/next, language link)
            key = rendered.key and site.digest(rendered.key, site.finish_page(site.PLACEHOLDERS, entries, i))
            manifest.write_text(
                folder, name, key, lambda r=rendered, i=i, e=entries: site.finish_page(r.html(), e, i)
            )
            site.copy_notebook(folder, path)
            pages.append(folder / name)
        built = dt.date.today().isoformat()
        listed = [vars(e) for e in entries]
        key = environment and site.digest(environment, renderer, built, listed, downloads, "index")

        def index(entries=entries, lang=lang, built=built) -> str:
            nonlocal figures
            figures = site.key_figures(d) if figures is None else figures  # the audit: once for both
            return site.render_index(entries, d, downloads, built, lang, figures)

        manifest.write_text(folder, page_name("index", lang), key, index)
        bar = site.sidebar(entries, "glossary", lang)
        manifest.write_text(
            folder,
            page_name("glossary", lang),
            environment and site.digest(environment, renderer, bar, "glossary"),
            lambda lang=lang, bar=bar: render_glossary(d, lang, sidebar=bar),
        )
    return pages


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The report's options, shared by ``gzanalysis report`` and ``python -m gzanalysis.publish.report``."""
    parser.add_argument(
        "--out",
        default=None,
        help="folder of the site (default: reports; reports/<id> for another disclosure than the default, "
        "so that its report never overwrites the default site)",
    )
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds allowed per cell")
    parser.add_argument(
        "--cache", default=str(DEFAULT_CACHE), help=f"folder of executed notebooks (default: {DEFAULT_CACHE})"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="execute every notebook, whatever the cache holds"
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="also print each edition as one PDF book (OUT/gzanalysis-report.pdf, .zh.pdf) with Chromium",
    )
    parser.add_argument("notebooks", nargs="*", help="notebooks to render (default: all curated ones)")
    return parser


def disclosure_from_env(cwd: Path | None = None) -> str | None:
    """``GZANALYSIS_DISCLOSURE`` made absolute where it names a folder relative to the folder the command
    was started in (the notebooks' kernels run elsewhere); an id stays an id. None where it is unset."""
    from gzanalysis.package.load import DEFAULT_ENV, available

    value = os.environ.get(DEFAULT_ENV)
    if not value:
        return None
    folder = (cwd or Path.cwd()) / value
    if folder.is_dir():
        os.environ[DEFAULT_ENV] = str(folder.resolve())
    elif value not in available():
        raise ReportError(
            f"{DEFAULT_ENV}={value} is neither a package folder (from {cwd or Path.cwd()}) nor a disclosure "
            f"id ({', '.join(available())})"
        )
    return os.environ[DEFAULT_ENV]


def default_out(disclosure: str | None) -> Path:
    """Where a report goes without --out: ``reports``, or ``reports/<id>`` for another disclosure."""
    from gzanalysis.package.load import DEFAULT_ID

    if disclosure is None or disclosure == DEFAULT_ID:
        return Path("reports")
    return Path("reports") / Path(disclosure).name


def run_args(args: argparse.Namespace) -> int:
    """Build from parsed options; exit status 1 when a notebook failed, 2 when the build could not run."""
    try:
        disclosure = disclosure_from_env()
        if args.out is None:
            args.out = default_out(disclosure)
            if disclosure is not None:
                print(f"report of {Path(disclosure).name} into {args.out}", file=sys.stderr)
        build(
            args.out,
            [Path(n) for n in args.notebooks] or None,
            timeout=args.timeout,
            cache_dir=args.cache,
            fresh=args.fresh,
        )
    except NotebookFailed as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if getattr(args, "pdf", False):
        from gzanalysis.publish.pdf import PdfError, print_books

        try:
            print_books(args.out)
        except PdfError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gzanalysis.publish.report", description=__doc__.splitlines()[0]
    )
    return run_args(add_arguments(parser).parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
