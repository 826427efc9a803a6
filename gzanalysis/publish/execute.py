"""Executing notebooks for the report: in parallel, each in a fresh kernel, quietly, through the cache.

``run(paths, cache=...)`` returns one ``Outcome`` per notebook: the executed notebook, whether it came from
the cache, the seconds it took and, for a notebook that failed, the failing cell and its traceback (the
notebook as far as it ran is kept, so its page still shows where it stopped).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gzanalysis.publish.cache import parse_notebook
from gzanalysis.publish.notebooks import is_check_cell

TIMEOUT = 300  # seconds per cell: executing a notebook can hang (see the stack notes); never wait forever
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# jsonschema (which nbformat and altair import) loads the optional plugin rfc3987_syntax when it is installed
# (jupyter-events asks for jsonschema[format-nongpl]); it compiles 39 grammars at import, 1.2 s of CPU in
# every process, for the "iri" string format that neither nbformat nor altair checks. The report's own
# processes and its kernels go without it (jsonschema skips a plugin it cannot import; None in sys.modules
# makes the import fail).
SLOW_PLUGIN = "rfc3987_syntax"
MISSING = "NotInDisclosure"  # gz.require: the disclosure lacks the notebook's subject
KERNEL_STARTUP = f"import sys; sys.modules.setdefault({SLOW_PLUGIN!r}, None)"


def skip_slow_plugin() -> None:
    """In this process, what ``KERNEL_STARTUP`` does in the report's kernels."""
    sys.modules.setdefault(SLOW_PLUGIN, None)


@dataclass
class Outcome:
    path: Path
    nb: object  # nbformat.NotebookNode
    seconds: float
    cached: bool = False
    error: str | None = None

    @property
    def status(self) -> str:
        return "FAILED" if self.error else "cached" if self.cached else "executed"


def kernel_manager():
    """A kernel on IPC sockets in a folder of its own: kernels that parallel workers start at the same
    moment can neither race for TCP ports nor share socket files."""
    from jupyter_client.manager import KernelManager

    sockets = tempfile.mkdtemp(prefix="gz-kernel-")
    return KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))


def _end_at_missing(nb, sentence: str) -> None:
    """Cut the notebook after the cell that raised ``NotInDisclosure``, whose output becomes the sentence
    (a paragraph for readers, as ``gz.tables.sentence`` shows one: never printed text)."""
    from html import escape

    import nbformat

    for i, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors and errors[0].get("ename") == MISSING:
            data = {"text/html": f'<p class="gz-sentence">{escape(sentence)}</p>', "text/plain": sentence}
            cell.outputs = [nbformat.v4.new_output("display_data", data=data)]
            nb.cells = nb.cells[: i + 1]
            return


def execute(path: Path, timeout: int = TIMEOUT, seed_checks: bool = True):
    """Run a notebook in a fresh kernel from its folder; keep the widgets' state for the page.

    Returns ``(notebook, error)``: error is None, or the failing cell and its traceback as text.
    ``seed_checks=False`` (a report on another disclosure than the seed): an nbval check cell, written for
    the seed's figures, may fail; it is then left out of the page, and the cells after it still run. A cell
    that stops on ``gz.require`` (the disclosure lacks the notebook's subject) ends the page with its sentence.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    from gzanalysis.views.notebook import BUNDLE_MARK

    nb = nbformat.read(path, as_version=4)
    checks = [c for c in nb.cells if is_check_cell(c)]
    # the code cell right after a hidden check cell shows its figures to readers (a table, a sentence):
    # where the check cannot run on another disclosure, neither can it, and both are left out
    code = [c for c in nb.cells if c.cell_type == "code"]
    shows = [b for a, b in zip(code, code[1:], strict=False) if is_check_cell(a) and not is_check_cell(b)]
    checks = [*checks, *shows] if not seed_checks else checks
    if not seed_checks:
        for cell in checks:
            cell.metadata.setdefault("tags", []).append("raises-exception")  # nbclient carries on
    km = kernel_manager()
    folder = Path(km.ip).parent
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=[f"--IPKernelApp.exec_lines={KERNEL_STARTUP}"],
    )
    error = None
    # The kernel's own stderr (debugger and shutdown warnings) goes to a file, shown only if it died.
    with open(folder / "kernel.log", "w+b") as log:
        try:
            # cleanup_kc: nbclient leaves a kernel it did not create running; shut it down now, not when
            # the worker exits (which made every kernel print "Parent appears to have exited").
            client.execute(cleanup_kc=True, stdout=log, stderr=log)
        except CellExecutionError as err:
            if err.ename == MISSING:
                _end_at_missing(nb, err.evalue)
            else:
                error = ANSI.sub("", str(err)).strip()
        except (DeadKernelError, TimeoutError, RuntimeError) as err:
            log.seek(0)
            tail = log.read().decode(errors="replace").strip()[-2000:]
            error = f"{type(err).__name__}: {err}" + (f"\nkernel output:\n{tail}" if tail else "")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if not seed_checks:
        failed = {id(c) for c in checks if any(o.get("output_type") == "error" for o in c.get("outputs", []))}
        nb.cells = [c for c in nb.cells if id(c) not in failed]
        for cell in checks:
            cell.metadata["tags"].remove("raises-exception")
    for cell in nb.cells:  # the live notebook's copy of the bundle: the page loads assets/ instead
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not o.get("metadata", {}).get(BUNDLE_MARK)]
    return nb, error


def _execute_in_worker(path: Path, timeout: int, seed_checks: bool) -> tuple[str, float, str | None]:
    """One notebook in a worker process → (notebook JSON, seconds, error)."""
    import nbformat

    from gzanalysis.views.notebook import REPORT_BUILD_ENV

    os.environ[REPORT_BUILD_ENV] = "1"  # the kernel inherits it: no bundle inside the notebook
    start = time.perf_counter()
    nb, error = execute(path, timeout, seed_checks)
    return nbformat.writes(nb), time.perf_counter() - start, error


def default_workers(count: int) -> int:
    """One worker per core, at most 4: each has its own kernel, which spends much time on imports and I/O."""
    return max(1, min(4, os.cpu_count() or 1, count))


def run(
    paths: list[Path],
    cache=None,
    fresh: bool = False,
    workers: int | None = None,
    timeout: int = TIMEOUT,
    progress: Callable[[int, int, Outcome], None] | None = None,
    while_waiting: Callable[[], object] | None = None,
    seed_checks: bool = True,
) -> dict[Path, Outcome]:
    """Execute the notebooks not in ``cache`` (all of them when ``fresh``) in ``workers`` processes.

    Successful executions are stored in the cache (also when ``fresh``); failures never are.
    ``progress(done, total, outcome)`` is called as each notebook is settled. ``while_waiting()`` runs in
    a thread of this process while the kernels work (only if any notebook is executed): preparing what
    comes next there costs no time when a core is free.
    """
    skip_slow_plugin()  # before the workers fork: they inherit it
    outcomes: dict[Path, Outcome] = {}
    todo = []
    for path in paths:
        start = time.perf_counter()
        nb = None if cache is None or fresh else cache.get(path)
        if nb is None:
            todo.append(path)
            continue
        outcomes[path] = Outcome(path, nb, time.perf_counter() - start, cached=True)
        if progress:
            progress(len(outcomes), len(paths), outcomes[path])
    if not todo:
        return outcomes  # nothing to execute: no worker process is started
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=workers or default_workers(len(todo))) as pool:
        futures = {pool.submit(_execute_in_worker, path, timeout, seed_checks): path for path in todo}
        helper = threading.Thread(target=while_waiting or (lambda: None), daemon=True)
        helper.start()  # after the workers were forked: no fork of a process with a busy thread
        for future in as_completed(futures):
            path = futures[future]
            text, seconds, error = future.result()
            # the worker wrote it with nbformat (validated): read and store it as it is, not validated again
            outcome = Outcome(path, parse_notebook(text), seconds, error=error)
            if cache is not None and error is None:
                cache.put_text(path, text)
            outcomes[path] = outcome
            if progress:
                progress(len(outcomes), len(paths), outcome)
        helper.join()
    return outcomes


def baseline_seconds(count: int, code: str = "", workers: int | None = None) -> float:
    """Time to execute ``count`` one-cell notebooks holding ``code``, with the report's executor.

    ``workers=1`` runs them one after another. With no code, the floor a report build cannot beat; with
    ``"import gzanalysis as gz; gz.load()"``, the floor of any notebook that uses gzanalysis.
    """
    import nbformat

    with tempfile.TemporaryDirectory(prefix="gz-baseline-") as tmp:
        paths = []
        for i in range(count):
            path = Path(tmp) / f"baseline_{i:02d}.ipynb"
            nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), path)
            paths.append(path)
        start = time.perf_counter()
        outcomes = run(paths, workers=workers)
        seconds = time.perf_counter() - start
    failed = [o.error for o in outcomes.values() if o.error]
    if failed:
        raise RuntimeError(f"a baseline notebook failed: {failed[0]}")
    return seconds
