"""`make bench` runs to the end: every step of benchmarks/run.py at tiny sizes (the figures say nothing)."""

import os
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_the_benchmark_runs_every_step_at_tiny_sizes(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--tiny"],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=tmp_path,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    table = run.stdout
    for row in (
        "import gzanalysis + gz.load()",
        "widget update",
        "report build (fresh)",
        "report rebuild, unchanged",
        "report rebuild, one edited",
        "ingest (disclosures/s)",
        "corpus query",
    ):
        assert row in table, f"no row {row!r}:\n{table}"
    assert "(tiny sizes)" in table
