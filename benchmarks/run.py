"""Benchmarks of what users feel, as ratios measured in one run on the same machine.

    python benchmarks/run.py          # or: make bench

Prints a table and writes benchmarks/results.json. Targets:
import+load ≤ 1.3 × bare imports; load ≤ 2 × pandas.read_csv of the same files;
widget update ≤ 50 ms median (in a live kernel); report build ≤ 1.5 × executing as many empty notebooks.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"


def _median_wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=tempfile.gettempdir())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_and_load(runs: int = 7) -> dict:
    """Cold start in a fresh interpreter: what a notebook's first cell costs."""
    bare = _median_wall([sys.executable, "-c", "import pandas, altair, ipywidgets"], runs)
    ours = _median_wall([sys.executable, "-c", "import gzanalysis as gz; gz.load()"], runs)
    return {"bare_imports_s": bare, "import_and_load_s": ours, "ratio": ours / bare, "target": 1.3}


def load_vs_read_csv(runs: int = 21) -> dict:
    """gz.load() (typed, validated frames) against plain pandas.read_csv of the same CSV files."""
    import pandas as pd

    import gzanalysis as gz

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
    "targets": (gz.widgets.targets_explorer, "project", ["P1", "P3", None]),
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


def report_build() -> dict | None:
    """`make report`'s build against executing the same number of empty notebooks."""
    if importlib.util.find_spec("gzanalysis.publish.report") is None:
        return None
    from gzanalysis.publish.report import baseline_seconds, build

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        pages = build(Path(tmp) / "site", quiet=True)
        ours = time.perf_counter() - start
    base = baseline_seconds(len(pages))
    # What any notebook using gzanalysis pays first: a kernel that imports it and loads the data (sequential).
    imports = baseline_seconds(len(pages), "import gzanalysis as gz\nd = gz.load()")
    return {
        "notebooks": len(pages),
        "report_s": ours,
        "empty_notebooks_s": base,
        "ratio": ours / base,
        "target": 1.5,
        "import_and_load_notebooks_s": imports,
        "ratio_to_import_baseline": ours / imports,
    }


def ingest() -> dict | None:
    path = ROOT / "benchmarks" / "ingest.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("ingest_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure()


def pdf_ingest() -> dict | None:
    path = ROOT / "benchmarks" / "pdf_ingest.py"
    spec = importlib.util.spec_from_file_location("pdf_ingest_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure()


def main() -> int:
    started = time.perf_counter()
    steps = [
        ("import + load", import_and_load),
        ("load vs read_csv", load_vs_read_csv),
        ("widget update", widget_updates),
        ("report build", report_build),
        ("ingest", ingest),
        ("pdf ingest", pdf_ingest),
    ]
    results = {}
    for name, fn in steps:
        print(f"… {name}", file=sys.stderr, flush=True)
        results[name] = fn()
    results["total_s"] = time.perf_counter() - started
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    rows = []
    r = results["import + load"]
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
        rows.append(
            (
                "report build",
                f"{r['report_s']:.1f} s vs {r['empty_notebooks_s']:.1f} s for {r['notebooks']} empty notebooks "
                f"({r['import_and_load_notebooks_s']:.1f} s for {r['notebooks']} that only import gzanalysis and load)",
                f"{r['ratio']:.2f}×",
                "≤ 1.5×",
                r["ratio"] <= 1.5,
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
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'ratio':>9}  {'target':>8}  ok  detail")
    for name, detail, ratio, target, ok in rows:
        print(f"{name:<{width}}  {ratio:>9}  {target:>8}  {'yes' if ok else 'NO ':<3} {detail}")
    print(f"\n{results['total_s']:.0f} s in all; written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
