"""Benchmarks of what users feel, as ratios measured in one run on the same machine.

    python benchmarks/run.py          # or: make bench

Prints a table and writes benchmarks/results.json. Targets:
import+load ≤ 1.3 × bare imports; load ≤ 2 × pandas.read_csv of the same files;
widget update ≤ 50 ms median (in a live kernel); report build ≤ 1.2 × executing as many notebooks that only
import gzanalysis and load (same parallelism); unchanged rebuild ≤ 2 s; one edited notebook ≤ its own
execution + 2 s; corpus (benchmarks/corpus.py): batch ingest on 2 workers ≥ 1.6 × 1 worker, the DuckDB query
(carry-over share by 类) ≤ 1 s over 10 000 disclosures, its peak memory flat (≤ 2 × from 100 to 10 000);
a batch of hostile files and three shared PDFs (benchmarks/hostile.py) ≤ 180 s, its largest process < 1 GB.

    python benchmarks/run.py --tiny   # every step at tiny sizes, to see that it runs (part of `make test`)

``--tiny`` (or GZANALYSIS_BENCH_TINY=1) runs every step on the smallest inputs (two notebooks, a few
documents) and writes its figures to a temporary file, not to benchmarks/results.json: they say that the
benchmark runs, not how fast anything is.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"
TINY_ENV = "GZANALYSIS_BENCH_TINY"  # every step at tiny sizes (the other benchmark scripts read it too)


def tiny() -> bool:
    return bool(os.environ.get(TINY_ENV))


def _median_wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=tempfile.gettempdir())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_and_load(runs: int = 7) -> dict:
    """Cold start in a fresh interpreter: what a notebook's first cell costs."""
    runs = 1 if tiny() else runs
    bare = _median_wall([sys.executable, "-c", "import pandas, altair, ipywidgets"], runs)
    ours = _median_wall([sys.executable, "-c", "import gzanalysis as gz; gz.load()"], runs)
    return {"bare_imports_s": bare, "import_and_load_s": ours, "ratio": ours / bare, "target": 1.3}


def load_vs_read_csv(runs: int = 21) -> dict:
    """gz.load() (typed, validated frames) against plain pandas.read_csv of the same CSV files."""
    import pandas as pd

    import gzanalysis as gz

    runs = 3 if tiny() else runs
    folder = gz.load().path.parent
    files = sorted(folder.glob("*.csv"))

    def plain():
        for f in files:
            pd.read_csv(f)

    def timed(fn):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    base, ours = timed(plain), timed(gz.load)
    return {"read_csv_s": base, "load_s": ours, "ratio": ours / base, "target": 2.0}


WIDGET_CODE = r"""
import statistics, time, json
import gzanalysis as gz
d = gz.load()
cases = {
    "composition": (gz.widgets.composition_explorer, "level", ["款", "项", "类"]),
    "changes": (gz.widgets.changes_explorer, "threshold", [100.0, 1000.0, 0.0]),
    "carryover": (gz.widgets.carryover_explorer, "level", ["款", "项", "类"]),
    "targets": (gz.widgets.targets_explorer, "project", ["P1", "P3", "all"]),
}
result = {}
for name, (make, control, values) in cases.items():
    e = make(d)
    times = []
    for _ in range(5):
        for v in values:
            start = time.perf_counter()
            e.controls[control].value = v   # observers recompute and redraw into the Output widget
            times.append(time.perf_counter() - start)
    result[name] = statistics.median(times) * 1000
print(json.dumps(result))
"""


def widget_updates() -> dict:
    """Median time from a control change to the redrawn chart and table, inside a real IPython kernel."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        out = []

        def collect(msg):
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])

        kc.execute_interactive(WIDGET_CODE, output_hook=collect, timeout=300)
        per_explorer = json.loads("".join(out).strip().splitlines()[-1])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"median_ms": per_explorer, "worst_median_ms": max(per_explorer.values()), "target_ms": 50}


def _report_command(args: list[str]) -> tuple[float, float, dict[str, tuple[str, float]]]:
    """Wall time of ``gzanalysis report`` as a user runs it, the CPU seconds of the command itself (its
    kernels and workers included), and each notebook's (status, seconds)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "gzanalysis.publish.report", *args], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    progress = {}
    for line in run.stdout.splitlines():  # "[3/12] name.html: executed, 5.1 s" (the page's name)
        if line.startswith("["):
            name, rest = line.split("] ", 1)[1].split(": ", 1)
            status, took = rest.split(", ")
            progress[name.removesuffix(".html")] = (status, float(took.removesuffix(" s")))
    return seconds, cpu, progress


def report_build() -> dict | None:
    """`make report`: full build against import-and-load notebooks; unchanged and one-edited rebuilds."""
    if importlib.util.find_spec("gzanalysis.publish.report") is None:
        return None
    import shutil

    import nbformat

    from gzanalysis.publish.execute import baseline_seconds, default_workers
    from gzanalysis.publish.notebooks import notebook_paths
    from gzanalysis.publish.report import build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notebooks"
        folder.mkdir()
        chosen = notebook_paths()[:2] if tiny() else notebook_paths()
        paths = [Path(shutil.copy(p, folder / p.name)) for p in chosen]  # a copy, to edit one
        workers = default_workers(len(paths))
        start = time.perf_counter()
        # the site the rebuilds below write into again (an unchanged rebuild finds it as it left it)
        build(Path(tmp) / "site", paths, quiet=True, cache_dir=Path(tmp) / "cache", fresh=True)
        full = time.perf_counter() - start
        # What any notebook using gzanalysis pays first, with the same executor and parallelism.
        imports = baseline_seconds(len(paths), "import gzanalysis as gz\ngz.load()", workers=workers)
        # The imports cell of every curated notebook: the same, with the offline chart setup (altair).
        setup = baseline_seconds(
            len(paths), "import gzanalysis as gz\ngz.notebook.setup()\ngz.load()", workers=workers
        )

        args = ["--out", str(Path(tmp) / "site"), "--cache", str(Path(tmp) / "cache"), *map(str, paths)]
        unchanged, unchanged_cpu, progress = _report_command(args)
        assert {status for status, _ in progress.values()} == {"cached"}, progress
        edited = paths[1]  # 01_spending_composition: a paragraph added
        nb = nbformat.read(edited, as_version=4)
        nb.cells.append(nbformat.v4.new_markdown_cell("An added paragraph."))
        nbformat.write(nb, edited)
        one, one_cpu, progress = _report_command(args)
        assert [n for n, (status, _) in progress.items() if status == "executed"] == [edited.stem], progress
    own = progress[edited.stem][1]
    return {
        "notebooks": len(paths),
        "workers": workers,
        "report_s": full,
        "import_and_load_notebooks_s": imports,
        "setup_and_load_notebooks_s": setup,
        "ratio": full / imports,
        "ratio_to_setup_baseline": full / setup,
        "target": 1.2,
        "unchanged_rebuild_s": unchanged,
        "unchanged_rebuild_cpu_s": unchanged_cpu,
        "edited_rebuild_cpu_s": one_cpu,
        "unchanged_target_s": 2.0,
        "edited_notebook": edited.stem,
        "edited_rebuild_s": one,
        "edited_notebook_execution_s": own,
        "edited_target_s": own + 2.0,
    }


def _script(name: str) -> dict | None:
    """``measure()`` of benchmarks/<name>.py."""
    path = ROOT / "benchmarks" / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure()


def ingest() -> dict | None:
    return _script("ingest")


def pdf_ingest() -> dict | None:
    return _script("pdf_ingest")


def corpus() -> dict | None:
    """Batch ingest on 1 and 2 workers (and Dask), the shared PDFs, DuckDB over synthetic corpora."""
    return _script("corpus")


def hostile() -> dict | None:
    """A batch of eight hostile files and three shared PDFs: wall time, peak memory, reasons."""
    return _script("hostile")


def hostile_rows(r: dict) -> list[tuple]:
    pre = r.get("preflight")
    detail = (
        f"{r['documents']} documents ({r['ok']} ok), a 1.5 GB deflate bomb among them; batch process "
        f"{r['batch_mb']:.0f} MB, largest reader {r['reader_mb']:.0f} MB; load average {r['load_average']:.1f}"
        + (
            f"; the cheap checks: {pre['median_ms']:.0f} ms per shared PDF (median, max {pre['max_ms']:.0f})"
            if pre
            else ""
        )
    )
    return [
        ("hostile batch: wall time, peak memory", detail, f"{r['seconds']:.1f} s, {r['peak_mb']:.0f} MB",
         "≤ 180 s, < 1 GB", r["met"]),
    ]  # fmt: skip


def corpus_rows(r: dict) -> list[tuple]:
    rate = r["ingest_docs_per_s"]
    detail = "; ".join(
        f"{jobs} worker{'s' if int(jobs) > 1 else ''}: "
        + ", ".join(f"{n} docs {v:.2f}/s" for n, v in per.items())
        for jobs, per in rate["local"].items()
    )
    for jobs, per in rate.get("dask", {}).items():
        detail += f"; Dask LocalCluster {jobs} workers: " + ", ".join(
            f"{n} docs {v:.2f}/s" for n, v in per.items()
        )
    if pdfs := r.get("shared_pdfs"):
        detail += (
            f"; the {pdfs['pdfs']} shared PDFs on 1 worker: {pdfs['docs_per_s']:.2f}/s, "
            f"CPU {pdfs['cpu_s_per_doc']:.2f} s/doc ({pdfs['ok']} ok)"
        )
    detail += (
        f"; CPU {r['cpu_s_per_doc']:.2f} s/doc; {r['cores']} cores, load average {r['load_average']:.1f}"
    )
    store = r["store"]
    sizes = list(store)
    return [
        ("corpus ingest, 2 workers vs 1", detail, f"{r['speedup_2_workers']:.2f}×", "≥ 1.6×",
         r["speedup_2_workers"] >= 1.6),
        ("corpus query: carry-over share by 类",
         ", ".join(f"{n}: {v['query_s'] * 1000:.0f} ms ({v['facts']:,} facts)" for n, v in store.items()),
         f"{r['query_s_at_largest']:.2f} s", "≤ 1 s", r["query_ok"]),
        ("corpus query: peak memory",
         ", ".join(f"{n}: +{v['query_peak_mb']:.0f} MB" for n, v in store.items()),
         f"{r['memory_ratio']:.2f}×", f"flat ≤ 2× ({sizes[0]}→{sizes[-1]})", r["memory_ratio"] <= 2),
    ]  # fmt: skip


def main() -> int:
    started = time.perf_counter()
    steps = [
        ("import + load", import_and_load),
        ("load vs read_csv", load_vs_read_csv),
        ("widget update", widget_updates),
        ("report build", report_build),
        ("ingest", ingest),
        ("pdf ingest", pdf_ingest),
        ("corpus", corpus),
        ("hostile batch", hostile),
    ]
    # `python benchmarks/run.py report` runs only the steps whose name contains one of the words given.
    wanted = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--tiny" in sys.argv[1:]:
        os.environ[TINY_ENV] = "1"
    results_file = Path(tempfile.gettempdir()) / "gzanalysis-bench-tiny.json" if tiny() else RESULTS
    results = dict.fromkeys(name for name, _ in steps)
    for name, fn in steps:
        if wanted and not any(w in name for w in wanted):
            continue
        print(f"… {name}", file=sys.stderr, flush=True)
        results[name] = fn()
    results["total_s"] = time.perf_counter() - started
    results_file.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    rows = []
    r = results["import + load"]
    if r:
        rows.append(
            (
                "import gzanalysis + gz.load()",
                f"{r['import_and_load_s']:.2f} s vs {r['bare_imports_s']:.2f} s bare imports",
                f"{r['ratio']:.2f}×",
                "≤ 1.3×",
                r["ratio"] <= 1.3,
            )
        )
    r = results["load vs read_csv"]
    if r:
        rows.append(
            (
                "gz.load()",
                f"{r['load_s'] * 1000:.0f} ms vs {r['read_csv_s'] * 1000:.0f} ms read_csv",
                f"{r['ratio']:.2f}×",
                "≤ 2×",
                r["ratio"] <= 2,
            )
        )
    r = results["widget update"]
    if r:
        detail = ", ".join(f"{k} {v:.0f}" for k, v in r["median_ms"].items())
        rows.append(
            (
                "widget update (median, ms)",
                detail,
                f"{r['worst_median_ms']:.0f} ms",
                "≤ 50 ms",
                r["worst_median_ms"] <= 50,
            )
        )
    r = results["report build"]
    if r:
        n = r["notebooks"]
        rows.append(
            (
                "report build (fresh)",
                f"{r['report_s']:.1f} s vs {r['import_and_load_notebooks_s']:.1f} s for {n} notebooks that only "
                f"import gzanalysis and load ({r['workers']} at a time, both); "
                f"{r['ratio_to_setup_baseline']:.2f}× the {r['setup_and_load_notebooks_s']:.1f} s of "
                "notebooks that also call gz.notebook.setup() (altair)",
                f"{r['ratio']:.2f}×",
                "≤ 1.2×",
                r["ratio"] <= 1.2,
            )
        )
        rows.append(
            (
                "report rebuild, unchanged",
                f"`gzanalysis report`, {n} notebooks cached; {r['unchanged_rebuild_cpu_s']:.1f} s of CPU",
                f"{r['unchanged_rebuild_s']:.1f} s",
                "≤ 2 s",
                r["unchanged_rebuild_s"] <= 2.0,
            )
        )
        rows.append(
            (
                "report rebuild, one edited",
                f"{r['edited_notebook']} executed in {r['edited_notebook_execution_s']:.1f} s, the rest cached; "
                f"{r['edited_rebuild_cpu_s']:.1f} s of CPU",
                f"{r['edited_rebuild_s']:.1f} s",
                f"≤ {r['edited_target_s']:.1f} s",
                r["edited_rebuild_s"] <= r["edited_target_s"],
            )
        )
    r = results["ingest"]
    if r:
        per = r["ms_per_disclosure"]
        detail = ", ".join(f"{n}: {ms:.2f} ms each" for n, ms in per.items())
        rows.append(
            ("ingest (disclosures/s)", detail, f"{r['disclosures_per_second']:.0f}/s", "linear", r["linear"])
        )
    r = results["pdf ingest"]
    if r and "skipped" not in r:
        rows.append(
            (
                "PDF ingest (pages/s per core)",
                f"{r['ingest_pages_per_s']:.0f} pages/s vs pdfplumber extract_words {r['pdfplumber_extract_words_pages_per_s']:.0f} "
                f"pages/s, {r['pages']} pages of {r['pdfs']} PDFs"
                + ("" if r["met"] else f"; short by {r['target'] / r['ratio']:.1f}×"),
                f"{r['ratio']:.1f}×",
                "≥ 3×",
                r["met"],
            )
        )
    if r := results["corpus"]:
        rows += corpus_rows(r)
    if r := results["hostile batch"]:
        rows += hostile_rows(r)
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'ratio':>9}  {'target':>8}  ok  detail")
    for name, detail, ratio, target, ok in rows:
        print(f"{name:<{width}}  {ratio:>9}  {target:>8}  {'yes' if ok else 'NO ':<3} {detail}")
    r = results["pdf ingest"]
    if r and r.get("withheld"):
        print("\nPDF reader with each document's own template family withheld:\n" + r["withheld"])
    if r and r.get("narrative_withheld"):
        print("\nNarrative with each city's own phrasings withheld:\n" + r["narrative_withheld"])
    shown = results_file.relative_to(ROOT) if results_file == RESULTS else results_file
    print(f"\n{results['total_s']:.0f} s in all; written to {shown}" + (" (tiny sizes)" if tiny() else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
