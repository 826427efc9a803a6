"""Benchmark of the corpus: batch-ingest throughput, and DuckDB over synthetic corpora of 100 to 10 000.

- **Ingest**: synthetic OCR-text disclosures (``ingest.synthetic``: the seed, renamed, amounts scaled) run
  through ``ingest_corpus`` end to end (ingest, write, validate, audit, Parquet), for several numbers of
  documents, on 1 and 2 local worker processes, and on a Dask LocalCluster of 2 workers.
- **Real PDFs**: the documents of ``../shared/corpus/`` (when present and this build reads PDFs) through the
  same batch on one worker: CPU seconds per document, text layer to Parquet.
- **Store**: corpora of 100, 1 000 and 10 000 disclosures built directly as Parquet from perturbed copies of
  the real packages' facts (every amount × a random factor, rounded to the cent; new ids, units, cities and
  years): the query "carry-over share by 类 over the whole corpus" timed (median of 5, a fresh connection
  each), and its peak memory measured in a fresh process (peak RSS after the query minus before it).

Run ``python benchmarks/corpus.py``; ``measure()`` returns the figures for benchmarks/run.py.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TINY = bool(os.environ.get("GZANALYSIS_BENCH_TINY"))  # `benchmarks/run.py --tiny`: does it run at all?
SIZES = (10, 20) if TINY else (100, 1_000, 10_000)
INGEST_SIZES = (2,) if TINY else (8, 16, 32)
WORKERS = (1, 2)
QUERY_TARGET_S = 1.0
CITIES = ["赣州市", "长沙市", "深圳市", "苏州市", "无锡市", "南昌市", "九江市", "上饶市", "吉安市", "宜春市",
          "抚州市", "萍乡市", "新余市", "鹰潭市", "景德镇市", "株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市",
          "广州市", "珠海市", "佛山市", "南京市", "常州市", "南通市", "扬州市", "杭州市", "宁波市", "温州市"]  # fmt: skip
YEARS = (2024, 2025, 2026)
QUERY = """
select code, any_value(item) as name,
       sum(amount) filter (where measure = 'carryover') as carryover,
       sum(amount) filter (where measure = 'total') as total,
       sum(amount) filter (where measure = 'carryover') / sum(amount) filter (where measure = 'total') as share
from facts
where resource = 'income_by_function' and level = '类'
group by code order by carryover desc
"""


def base_facts():
    """The facts of the real packages (the seed, and a corpus named by GZANALYSIS_CORPUS if set), as Arrow."""
    import pyarrow as pa

    import gzanalysis as gz
    from gzanalysis.corpus.documents import facts_table, place

    tables = [facts_table(d, place(d.meta["unit"])) for d in map(gz.load, gz.available())]
    if os.environ.get("GZANALYSIS_CORPUS"):
        c = gz.corpus()
        tables += [pa.Table.from_pandas(c.facts(disclosure=i), preserve_index=False) for i in c.ids]
    return tables


def build_store(out: Path, n: int, bases: list, seed: int = 13) -> None:
    """A corpus store of ``n`` perturbed copies of the base documents' facts, one partition per (year, city)."""
    import numpy as np
    import pyarrow as pa

    from gzanalysis.corpus import store

    rng = np.random.default_rng(seed)
    docs = [
        {"id": f"synthetic-{i:06d}", "unit": f"合成单位{i:06d}", "city": CITIES[i % len(CITIES)],
         "year": YEARS[(i // len(CITIES)) % len(YEARS)], "base": i % len(bases),
         "factor": float(rng.uniform(0.5, 2.0))}
        for i in range(n)
    ]  # fmt: skip
    groups: dict[tuple, list[dict]] = {}
    for doc in docs:
        groups.setdefault((doc["year"], doc["city"]), []).append(doc)
    for (year, city), members in groups.items():
        parts = []
        for doc in members:
            base = bases[doc["base"]]
            amounts = np.round(base.column("amount").to_numpy(zero_copy_only=False) * doc["factor"], 2)
            t = base.set_column(base.schema.get_field_index("amount"), "amount", pa.array(amounts))
            for name in ("disclosure", "unit"):
                value = doc["id"] if name == "disclosure" else doc["unit"]
                t = t.set_column(
                    t.schema.get_field_index(name), name, pa.array([value] * len(t), pa.string())
                )
            parts.append(t)
        store.write_partition(store.partition_dir(out, year, city), parts)
    records = [{**{k: d[k] for k in ("id", "unit", "city", "year")}, "status": "ok"} for d in docs]
    store.write_disclosures(out, records)


def query_seconds(path: Path, runs: int = 5) -> tuple[float, int]:
    import gzanalysis as gz

    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        c = gz.corpus(path)
        rows = len(c.sql(QUERY))
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


MEMORY_CODE = r"""
import json, sys
import gzanalysis as gz

def status(key):  # kB, from /proc/self/status
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1])

c = gz.corpus(sys.argv[1])
c.sql("select 1")  # DuckDB loaded and the views made
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")  # reset the peak (VmHWM) to the current RSS
before = status("VmRSS:")
result = c.sql(sys.argv[2])
peak = status("VmHWM:")
print(json.dumps({"before_mb": before / 1024, "after_mb": peak / 1024, "rows": len(result)}))
"""


def query_memory(path: Path) -> dict:
    """Peak RSS the query adds, in a fresh interpreter: the peak (VmHWM, reset just before the query) minus
    the RSS before it (Linux)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_CODE, str(path), QUERY],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    r["query_mb"] = r["after_mb"] - r["before_mb"]
    return r


def store_figures(sizes=SIZES) -> dict:
    bases = base_facts()
    out = {}
    tmp = Path(tempfile.mkdtemp())
    try:
        for n in sizes:
            path = tmp / f"corpus-{n}"
            start = time.perf_counter()
            build_store(path, n, bases)
            built = time.perf_counter() - start
            seconds, rows = query_seconds(path)
            facts = sum(f.stat().st_size for f in (path / "facts").rglob("*.parquet"))
            memory = query_memory(path)
            import gzanalysis as gz

            n_facts = int(gz.corpus(path).sql("select count(*) from facts").iloc[0, 0])
            out[n] = {"build_s": built, "query_s": seconds, "result_rows": rows, "facts": n_facts,
                      "parquet_mb": facts / 2**20, "query_peak_mb": memory["query_mb"],
                      "process_peak_mb": memory["after_mb"]}  # fmt: skip
            print(f"  store {n}: {n_facts} facts, query {seconds * 1000:.0f} ms, +{memory['query_mb']:.0f} MB",
                  file=sys.stderr)  # fmt: skip
    finally:
        shutil.rmtree(tmp)
    return out


def write_texts(folder: Path, n: int) -> None:
    from gzanalysis.ingest.synthetic import synthesize

    text = (ROOT / "data" / "raw" / "ganzhou-xzspj-2023.txt").read_text(encoding="utf-8")
    errata = (ROOT / "data" / "ganzhou-xzspj-2023" / "errata.csv").read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    for i in range(1, n + 1):
        t, e = synthesize(text, errata, index=i, factor=1 + i / 100)
        (folder / f"unit-{i:04d}.txt").write_text(t, encoding="utf-8")
        (folder / f"unit-{i:04d}.errata.csv").write_text(e, encoding="utf-8")


def ingest_figures(sizes=INGEST_SIZES, workers=WORKERS) -> dict:
    from gzanalysis.corpus import ingest_corpus

    tmp = Path(tempfile.mkdtemp())
    out: dict = {"local": {}, "dask": {}}
    try:
        write_texts(tmp / "src", max(sizes))
        for n in sizes:
            paths = sorted((tmp / "src").glob("*.txt"))[:n]
            for jobs in workers:
                target = tmp / f"corpus-{n}-{jobs}"
                result = ingest_corpus(paths, target, jobs=jobs, quiet=True)
                assert not result.failed, result.summary()
                out["local"].setdefault(jobs, {})[n] = n / result.seconds
                if jobs == 1:  # CPU seconds a document costs, whatever else the machine runs
                    out["cpu_s_per_doc"] = statistics.median(r["cpu_seconds"] for r in result.records)
                print(f"  ingest {n} on {jobs}: {n / result.seconds:.2f} docs/s", file=sys.stderr)
                shutil.rmtree(target)
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            return out
        n = max(sizes)
        paths = sorted((tmp / "src").glob("*.txt"))[:n]
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster,
            Client(cluster),
        ):
            result = ingest_corpus(
                paths, tmp / "corpus-dask", scheduler=cluster.scheduler_address, quiet=True
            )
        out["dask"][2] = {n: n / result.seconds}
        print(f"  ingest {n} on a 2-worker LocalCluster: {n / result.seconds:.2f} docs/s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp)
    return out


def pdf_figures() -> dict | None:
    """The shared real PDFs (../shared/corpus) through the batch on one worker, when present and readable."""
    from gzanalysis.corpus import ingest_corpus
    from gzanalysis.corpus.batch import find_sources, shared_sources

    folder = shared_sources()
    if folder is None:
        return None
    paths = [p for p in find_sources(folder) if p.suffix.lower() == ".pdf"][: 1 if TINY else None]
    tmp = Path(tempfile.mkdtemp())
    try:
        result = ingest_corpus(paths, tmp / "corpus", jobs=1, quiet=True)
    finally:
        shutil.rmtree(tmp)
    ok = [r for r in result.records if r["status"] == "ok"]
    print(
        f"  {len(ok)} of {len(paths)} shared PDFs: {len(paths) / result.seconds:.2f} docs/s", file=sys.stderr
    )
    return {
        "pdfs": len(paths),
        "ok": len(ok),
        "docs_per_s": len(paths) / result.seconds,
        "cpu_s_per_doc": statistics.median(r["cpu_seconds"] for r in ok) if ok else None,
    }


def measure() -> dict:
    pdfs = pdf_figures()
    ingest = ingest_figures()
    stores = store_figures()
    big = stores[max(stores)]
    one, two = ingest["local"][1], ingest["local"][2]
    return {
        "ingest_docs_per_s": ingest,
        "speedup_2_workers": two[max(two)] / one[max(one)],
        "store": stores,
        "query_s_at_largest": big["query_s"],
        "query_ok": big["query_s"] <= QUERY_TARGET_S,
        "memory_ratio": big["query_peak_mb"] / max(stores[min(stores)]["query_peak_mb"], 1.0),
        "cpu_s_per_doc": ingest["cpu_s_per_doc"],
        "shared_pdfs": pdfs,
        "load_average": os.getloadavg()[0],
        "cores": os.cpu_count(),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2, ensure_ascii=False))
