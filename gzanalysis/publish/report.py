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
import html
import shutil
import sys
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from gzanalysis.publish.cache import DEFAULT_DIR as DEFAULT_CACHE
from gzanalysis.publish.cache import NotebookCache, notebook_node
from gzanalysis.publish.execute import TIMEOUT, run
from gzanalysis.publish.notebooks import notebook_paths

# Where `make report` unpacks the npm packages of the widget manager and require.js (see the Makefile).
JS_DIR = Path(sys.prefix) / "share" / "gzanalysis" / "js"


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
        if "## Overview" in cell.source:
            after = cell.source.split("## Overview", 1)[1].strip().split("\n\n")[0]
            overview = " ".join(after.replace("**", "").replace("`", "").split())
            break
    return title, overview


def write_assets(site: Path, cache: NotebookCache | None = None) -> None:
    """Copy the JavaScript and CSS the pages share into ``site/assets``."""
    from gzanalysis.views.notebook import vega_bundle, versions_snippet

    assets = site / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    # Generating the bundle takes seconds (and altair's import one): a cached build keeps both scripts, for
    # these versions of altair, vl-convert and of the code that makes them (views/notebook.py).
    for name, make in (("vega-bundle.js", vega_bundle), ("vega-setup.js", versions_snippet)):
        key = f"{version('altair')} {version('vl-convert-python')} {cache.code}" if cache else None
        (assets / name).write_text(cache.asset(name, key, make) if key else make(), encoding="utf-8")
    (assets / "report.css").write_text(
        files("gzanalysis.publish").joinpath("templates/report.css").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    require = JS_DIR / "requirejs" / "require.js"
    manager = JS_DIR / "html-manager" / "dist"
    if not require.exists() or not manager.exists():
        raise ReportError(
            f"the widget manager's JavaScript is not installed in {JS_DIR}: run `make report` "
            "(it unpacks the npm packages @jupyter-widgets/html-manager and requirejs there)"
        )
    shutil.copy(require, assets / "require.js")
    shutil.copytree(
        manager,
        assets / "html-manager",
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.map", "embed.js", "libembed-amd.js"),
    )


@cache
def _exporter():
    """One exporter per process: loading the lab template and its CSS is the slow part of an export."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_template_paths=[str(files("gzanalysis.publish").joinpath("templates"))],
        template_file="page.html.j2",
        require_js_url="assets/require.js",
        widget_renderer_url="assets/html-manager/embed-amd.js",
    )


def render_page(nb, name: str, source: str) -> str:
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": name}, "gz_source": source})
    return body


def render_index(entries: list[dict], source: str) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(e["page"])}">{html.escape(e["title"])}</a>'
        f'<div class="overview">{html.escape(e["overview"])}</div></li>'
        for e in entries
    )
    today = dt.date.today().isoformat()
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>gzanalysis report</title><link rel="stylesheet" href="assets/report.css"></head>
<body><main class="gz-index">
<h1>gzanalysis report: {html.escape(source)}</h1>
<p>Built {today} from the data package of <b>{html.escape(source)}</b>. Every number is traced to its line in
the published text; open any page offline. Live, explorable versions: the notebooks in JupyterLab.</p>
<ol>
{items}
</ol>
</main></body></html>
"""


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

    site = Path(out)
    site.mkdir(parents=True, exist_ok=True)
    d = load()
    cache = None if cache_dir is None else NotebookCache(cache_dir, d)
    write_assets(site, cache)
    source = d.meta["title"]
    paths = notebook_paths() if notebooks is None else list(notebooks)

    def progress(done: int, total: int, outcome) -> None:
        if not quiet:
            print(
                f"[{done}/{total}] {outcome.path.stem}: {outcome.status}, {outcome.seconds:.1f} s", flush=True
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
        seed_checks=d.id
        == DEFAULT_ID,  # another disclosure: the seed's nbval checks may fail, and are dropped
    )
    entries, pages = [], []
    for path in paths:  # reading order, whatever order they finished in
        nb = outcomes[path].nb
        title, overview = _title_and_overview(nb)
        page = site / f"{path.stem}.html"

        def render(nb=nb, name=path.stem) -> str:  # nbformat (seconds to import) only for a page to render
            return render_page(notebook_node(nb), name, source)

        fails = outcomes[path].error is not None
        page.write_text(
            render() if cache is None or fails else cache.page(path, source, render), encoding="utf-8"
        )
        entries.append({"page": page.name, "title": title or path.stem, "overview": overview})
        pages.append(page)
    (site / "index.html").write_text(render_index(entries, source), encoding="utf-8")
    failed = [o for o in outcomes.values() if o.error]
    if not quiet:
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        print(f"wrote {len(pages)} pages and index.html to {site}/ ({size / 1e6:.1f} MB)")
    if failed:
        raise NotebookFailed(failed)
    return pages


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The report's options, shared by ``gzanalysis report`` and ``python -m gzanalysis.publish.report``."""
    parser.add_argument("--out", default="reports", help="folder of the site (default: reports)")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds allowed per cell")
    parser.add_argument(
        "--cache", default=str(DEFAULT_CACHE), help=f"folder of executed notebooks (default: {DEFAULT_CACHE})"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="execute every notebook, whatever the cache holds"
    )
    parser.add_argument("notebooks", nargs="*", help="notebooks to render (default: all curated ones)")
    return parser


def run_args(args: argparse.Namespace) -> int:
    """Build from parsed options; exit status 1 when a notebook failed, 2 when the build could not run."""
    try:
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
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gzanalysis.publish.report", description=__doc__.splitlines()[0]
    )
    return run_args(add_arguments(parser).parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
