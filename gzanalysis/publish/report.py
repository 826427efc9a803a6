"""``make report``: execute the curated notebooks and render an offline report site.

    gzanalysis report --out reports      # or: python -m gzanalysis.publish.report

Each notebook runs in a fresh kernel (with a timeout and a progress line), and becomes one HTML page;
``index.html`` lists them. The JavaScript the pages need (vega, vega-lite, vega-embed; require.js and the
Jupyter widget manager for the explorers' saved state) is copied once into ``assets/`` and shared: the
site opens anywhere, offline, from ``file://``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import shutil
import sys
import time
from functools import cache
from importlib.resources import files
from pathlib import Path

from gzanalysis.publish.notebooks import notebook_paths

TIMEOUT = 300  # seconds per cell: executing a notebook can hang (see the stack notes); never wait forever
# Where `make report` unpacks the npm packages of the widget manager and require.js (see the Makefile).
JS_DIR = Path(sys.prefix) / "share" / "gzanalysis" / "js"


class ReportError(RuntimeError):
    pass


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


def write_assets(site: Path) -> None:
    """Copy the JavaScript and CSS the pages share into ``site/assets``."""
    from gzanalysis.views.notebook import vega_bundle, versions_snippet

    assets = site / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "vega-bundle.js").write_text(vega_bundle(), encoding="utf-8")
    (assets / "vega-setup.js").write_text(versions_snippet(), encoding="utf-8")
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


def _kernel_manager():
    """A kernel on IPC sockets in a folder of its own: kernels that parallel workers start at the same
    moment can neither race for TCP ports nor share socket files."""
    import tempfile

    from jupyter_client.manager import KernelManager

    sockets = tempfile.mkdtemp(prefix="gz-kernel-")
    return KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))


CHECK_MARK = (
    "# NBVAL_CHECK_OUTPUT"  # first line of a cell whose output nbval checks against the seed's figures
)
MISSING = "NotInDisclosure"  # gz.require: the disclosure lacks the notebook's subject


def execute(path: Path, timeout: int = TIMEOUT, seed_checks: bool = True):
    """Run a notebook in a fresh kernel from its folder; keep the widgets' state for the page.

    ``seed_checks=False`` (a report on another disclosure than the seed): an nbval check cell, written for
    the seed's figures (its codes, its projects), may fail; it is then left out of the page, and the cells
    after it still run. A cell that stops on ``gz.require`` (the disclosure lacks the notebook's subject)
    ends the page with its one sentence.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from gzanalysis.views.notebook import BUNDLE_MARK

    nb = nbformat.read(path, as_version=4)
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.lstrip().startswith(CHECK_MARK)]
    if not seed_checks:
        for cell in checks:
            cell.metadata.setdefault("tags", []).append("raises-exception")  # nbclient carries on
    # IPC sockets, not TCP ports: kernels started at the same moment by parallel workers cannot collide.
    km = _kernel_manager()
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        if exc.ename != MISSING:
            raise
        _end_at_missing(nb, exc.evalue)
    finally:
        shutil.rmtree(Path(km.ip).parent, ignore_errors=True)
    if not seed_checks:
        failed = {id(c) for c in checks if any(o.get("output_type") == "error" for o in c.get("outputs", []))}
        nb.cells = [c for c in nb.cells if id(c) not in failed]
        for cell in checks:
            cell.metadata["tags"].remove("raises-exception")
    for cell in nb.cells:  # the live notebook's copy of the bundle: the page loads assets/ instead
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not o.get("metadata", {}).get(BUNDLE_MARK)]
    return nb


def _end_at_missing(nb, sentence: str) -> None:
    """Cut the notebook after the cell that raised ``NotInDisclosure``, whose output becomes the sentence."""
    import nbformat

    for i, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors and errors[0].get("ename") == MISSING:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=sentence + "\n")]
            nb.cells = nb.cells[: i + 1]
            return


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


def _execute_and_render(
    path: Path, source: str, timeout: int, seed_checks: bool = True
) -> tuple[str, str, str, float]:
    """One notebook → (page HTML, title, overview, seconds); runs in a worker process."""
    from gzanalysis.views.notebook import REPORT_BUILD_ENV

    os.environ[REPORT_BUILD_ENV] = "1"  # the kernel inherits it: no bundle inside the notebook
    start = time.perf_counter()
    nb = execute(path, timeout, seed_checks)
    title, overview = _title_and_overview(nb)
    return render_page(nb, path.stem, source), title, overview, time.perf_counter() - start


def build(
    out: Path | str = "reports",
    notebooks: list[Path] | None = None,
    quiet: bool = False,
    timeout: int = TIMEOUT,
    workers: int | None = None,
) -> list[Path]:
    """Execute the notebooks and write the site into ``out``; returns the pages written.

    Notebooks run in ``workers`` processes at once (default: one per core, at most 4): each has its own
    kernel, and a kernel spends much of its time waiting on imports and I/O.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from gzanalysis.package.load import DEFAULT_ID, load

    site = Path(out)
    site.mkdir(parents=True, exist_ok=True)
    write_assets(site)
    d = load()
    source, seed_checks = d.meta["title"], d.id == DEFAULT_ID
    paths = notebook_paths() if notebooks is None else list(notebooks)
    workers = workers or max(1, min(4, os.cpu_count() or 1, len(paths)))
    results: dict[Path, tuple] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            pool.submit(_execute_and_render, path, source, timeout, seed_checks): path for path in paths
        }
        for done, future in enumerate(as_completed(futures), 1):
            path = futures[future]
            results[path] = future.result()
            if not quiet:
                print(f"[{done}/{len(paths)}] {path.stem}: {results[path][3]:.1f} s", flush=True)
    entries, pages = [], []
    for path in paths:  # reading order, whatever order they finished in
        page_html, title, overview, _ = results[path]
        page = site / f"{path.stem}.html"
        page.write_text(page_html, encoding="utf-8")
        entries.append({"page": page.name, "title": title or path.stem, "overview": overview})
        pages.append(page)
    (site / "index.html").write_text(render_index(entries, source), encoding="utf-8")
    if not quiet:
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        print(f"wrote {len(pages)} pages and index.html to {site}/ ({size / 1e6:.1f} MB)")
    return pages


def baseline_seconds(count: int, code: str = "") -> float:
    """Time to execute ``count`` one-cell notebooks holding ``code`` in fresh kernels, one after another.

    With no code, the floor a report build cannot beat; with ``"import gzanalysis as gz; gz.load()"``, the
    floor of any notebook that uses gzanalysis.
    """
    import nbformat
    from nbclient import NotebookClient

    start = time.perf_counter()
    for _ in range(count):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        km = _kernel_manager()
        NotebookClient(nb, km=km, timeout=TIMEOUT, kernel_name="python3").execute()
        shutil.rmtree(Path(km.ip).parent, ignore_errors=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gzanalysis.publish.report", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", default="reports", help="folder of the site (default: reports)")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds allowed per cell")
    parser.add_argument("notebooks", nargs="*", help="notebooks to render (default: all curated ones)")
    args = parser.parse_args(argv)
    try:
        build(args.out, [Path(n) for n in args.notebooks] or None, timeout=args.timeout)
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
