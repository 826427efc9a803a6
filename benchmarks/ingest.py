"""Benchmark of the ingest: disclosures ingested per second, and how the time grows with the number of
disclosures (100, 1 000, 10 000 synthetic ones generated from the seed; in memory, nothing written).

Run ``python benchmarks/ingest.py``; ``measure()`` returns the figures for benchmarks/run.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gzanalysis.ingest import ingest  # noqa: E402
from gzanalysis.ingest.errata import Errata  # noqa: E402
from gzanalysis.ingest.synthetic import synthesize  # noqa: E402

SEED = ROOT / "data" / "raw" / "ganzhou-xzspj-2023.txt"
SEED_ERRATA = ROOT / "data" / "ganzhou-xzspj-2023" / "errata.csv"
SIZES = (10, 20) if os.environ.get("GZANALYSIS_BENCH_TINY") else (100, 1_000, 10_000)
POOL = 20  # distinct synthetic disclosures, used in turn


def _pool(k: int = POOL) -> list[tuple[str, Errata]]:
    text, errata = SEED.read_text(encoding="utf-8"), SEED_ERRATA.read_text(encoding="utf-8")
    out = []
    for i in range(1, k + 1):
        t, e = synthesize(text, errata, index=i, factor=1 + i / 10)
        out.append((t, Errata.read(e)))
    return out


def _run(pool: list[tuple[str, Errata]], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        text, errata = pool[i % len(pool)]
        ingest(text, errata=errata)
    return time.perf_counter() - start


def _written(pool: list[tuple[str, Errata]], n: int = 20) -> float:
    """Seconds to ingest and write ``n`` complete packages (CSVs, descriptor) to a temporary folder."""
    tmp = Path(tempfile.mkdtemp())
    try:
        start = time.perf_counter()
        for i in range(n):
            text, errata = pool[i % len(pool)]
            ingest(text, errata=errata).write(tmp / f"synthetic-{i}")
        return time.perf_counter() - start
    finally:
        shutil.rmtree(tmp)


def measure(sizes: tuple[int, ...] = SIZES) -> dict:
    """Ingest rate and scaling: seconds and ms per disclosure for each size, and whether growth is linear
    (time per disclosure at the largest size within ±35 % of the smallest's)."""
    pool = _pool()
    _run(pool, POOL)  # warm-up: imports, compiled patterns, code lists
    seconds = {n: _run(pool, n) for n in sizes}
    per_ms = {n: 1000 * s / n for n, s in seconds.items()}
    ratio = per_ms[sizes[-1]] / per_ms[sizes[0]]
    written = _written(pool)
    return {
        "disclosures_per_second": round(sizes[-1] / seconds[sizes[-1]], 1),
        "seconds": {str(n): round(s, 3) for n, s in seconds.items()},
        "ms_per_disclosure": {str(n): round(v, 3) for n, v in per_ms.items()},
        "growth_ratio": round(ratio, 3),
        "linear": 0.65 <= ratio <= 1.35,
        "written_packages_per_second": round(20 / written, 1),
        "lines_per_disclosure": len(pool[0][0].split("\n")),
    }


def main() -> None:
    figures = measure()
    print(
        f"ingest: {figures['disclosures_per_second']} disclosures/s "
        f"({figures['lines_per_disclosure']} lines each, in memory); "
        f"{figures['written_packages_per_second']} packages/s written with their descriptor"
    )
    for n, s in figures["seconds"].items():
        print(f"  {int(n):>6} disclosures: {s:8.2f} s  ({figures['ms_per_disclosure'][n]:.2f} ms each)")
    verdict = "linear" if figures["linear"] else "NOT linear"
    print(
        f"  growth: time per disclosure x{figures['growth_ratio']} from {SIZES[0]} to {SIZES[-1]} ({verdict})"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
