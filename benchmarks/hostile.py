"""Benchmark of a batch among hostile files (issue 27): its wall time, its peak memory, every reason.

The eight hostile files of ``tests/hostile.py`` (an HTML page, an empty file and a ZIP named ``.pdf``, a PDF
cut in half, 2,000 pages, a 1.5 GB deflate bomb, a page-tree loop, a PDF with scripts and a launch action)
and three documents of ``../shared/corpus/`` go through ``gzanalysis ingest DIR --out CORPUS --jobs 2``
in a fresh process; its own peak resident memory and that of its largest reader (``RUSAGE_CHILDREN``)
are measured, with the wall time. Also: the cheap checks (``ingest.preflight``) on every shared PDF,
median milliseconds per document (what every good document pays for them).

Run ``python benchmarks/hostile.py``; ``measure()`` returns the figures for benchmarks/run.py.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECONDS_TARGET = 180
PEAK_MB_TARGET = 1024
GOOD = ("shenzhen-audit-2026", "suzhou-audit-2026", "wuxi-statistics-2026")
RUN = """
import json, resource, sys, time
from gzanalysis.corpus import ingest_corpus
start = time.perf_counter()
result = ingest_corpus(sys.argv[1], sys.argv[2], jobs=2, quiet=True)
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "batch_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "reader_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "records": result.records,
}))
"""


def _corpus() -> Path | None:
    from tests.test_ingest_pdf import CORPUS

    return CORPUS if all((CORPUS / f"{name}.pdf").is_file() for name in GOOD) else None


def preflight_ms(corpus: Path) -> dict:
    from gzanalysis.ingest import preflight

    times = {}
    for pdf in sorted(corpus.glob("*.pdf")):
        runs = []
        for _ in range(3):
            preflight._cache.clear()
            start = time.perf_counter()
            preflight.check(pdf)
            runs.append(time.perf_counter() - start)
        times[pdf.name] = statistics.median(runs) * 1000
    return {"median_ms": statistics.median(times.values()), "max_ms": max(times.values()), "pdfs": len(times)}


def measure() -> dict:
    from tests.hostile import write_hostile

    corpus = _corpus()
    with tempfile.TemporaryDirectory() as scratch:
        sources = Path(scratch) / "sources"
        write_hostile(sources, corpus / f"{GOOD[0]}.pdf" if corpus else None)
        for name in GOOD if corpus else ():
            (sources / f"{name}.pdf").write_bytes((corpus / f"{name}.pdf").read_bytes())
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", RUN, str(sources), str(Path(scratch) / "corpus")],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    records = figures.pop("records")
    figures["documents"] = len(records)
    figures["ok"] = sum(r["status"] == "ok" for r in records)
    figures["reasons"] = {Path(r["file"]).name: f"{r['status']}: {r.get('error')}" for r in records}
    figures["peak_mb"] = max(figures["batch_mb"], figures["reader_mb"])
    figures["met"] = figures["seconds"] <= SECONDS_TARGET and figures["peak_mb"] < PEAK_MB_TARGET
    figures["load_average"] = os.getloadavg()[0]
    if corpus:
        figures["preflight"] = preflight_ms(corpus)
    return figures


if __name__ == "__main__":
    result = measure()
    for name, reason in result.pop("reasons").items():
        print(f"{name}: {reason}")
    print(json.dumps(result, indent=1))
