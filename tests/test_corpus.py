"""The corpus: batch ingest (local processes and a Dask LocalCluster give the same corpus), the manifest,
skipping unchanged documents, no half-written package, and the Parquet store queried with DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import gzanalysis as gz
from gzanalysis.corpus import ingest_corpus
from gzanalysis.ingest.synthetic import synthesize

from .conftest import ROOT

SEED = ROOT / "data" / "raw" / "ganzhou-xzspj-2023.txt"
SEED_ERRATA = ROOT / "data" / "ganzhou-xzspj-2023" / "errata.csv"


def write_sources(folder: Path, factors: dict[int, float]) -> Path:
    """Synthetic disclosures (``unit-N.txt`` + ``unit-N.errata.csv``), a text that is no disclosure and a
    file that is no PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    text, errata = SEED.read_text(encoding="utf-8"), SEED_ERRATA.read_text(encoding="utf-8")
    for index, factor in factors.items():
        t, e = synthesize(text, errata, index=index, factor=factor)
        (folder / f"unit-{index}.txt").write_text(t, encoding="utf-8")
        (folder / f"unit-{index}.errata.csv").write_text(e, encoding="utf-8")
    (folder / "broken.txt").write_text("这不是预算公开\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\nnot a real document\n")
    return folder


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    return write_sources(tmp_path_factory.mktemp("sources"), {1: 2.0, 2: 3.0})


@pytest.fixture(scope="module")
def built(sources, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    return ingest_corpus(sources, out, jobs=2, quiet=True)


def comparable(out: Path) -> dict:
    """What must not depend on how a corpus was run: records without timings, every package file's bytes,
    the facts."""
    records = json.loads((out / "corpus.json").read_text(encoding="utf-8"))["documents"]
    files = {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted((out / "packages").rglob("*"))
        if p.is_file() and p.name != "facts.parquet"
    }
    facts = gz.corpus(out).sql("select * from facts order by disclosure, resource, row, measure")
    timings = ("seconds", "cpu_seconds", "peak_mb")
    records = [{k: v for k, v in r.items() if k not in timings} for r in records]
    return {"records": records, "files": files, "facts": facts}


def test_every_document_has_a_record_and_failures_do_not_stop_the_batch(built):
    by_id = {r["id"]: r for r in built.records}
    assert sorted(by_id) == ["broken", "scan", "unit-1", "unit-2"]
    for r in built.records:
        assert set(r) >= {"file", "sha256", "id", "status", "seconds", "findings", "error", "version"}
        assert len(r["sha256"]) == 64 and r["seconds"] >= 0
    assert by_id["unit-1"]["status"] == by_id["unit-2"]["status"] == "ok"
    assert (
        by_id["broken"]["status"] == "error" and "no table of the standard layout" in by_id["broken"]["error"]
    )
    assert by_id["scan"]["status"] == "refused" and "a truncated PDF" in by_id["scan"]["error"]
    assert by_id["unit-1"]["findings"]["material"] >= 0 and sum(by_id["unit-1"]["findings"].values()) > 500
    assert "2 ok, 0 partial, 1 refused, 1 error" in built.summary() and "broken.txt" in built.summary()
    assert not (built.out / ".partial").exists()


def test_the_packages_load_and_the_store_holds_their_facts(built):
    c = gz.corpus(built.out)
    assert c.ids == ["unit-1", "unit-2"]
    d = c.load("unit-1")
    assert d.meta["unit"] == "合成测试单位1"
    seed = gz.load()
    # amounts × 2 of the seed's: the package read from the synthetic text, not copied
    assert d.expenditure_by_function["total"].iloc[0] == pytest.approx(
        2 * seed.expenditure_by_function["total"].iloc[0]
    )
    stored = c.facts(disclosure="unit-1").sort_values(["resource", "row", "measure"]).reset_index(drop=True)
    own = d.facts.sort_values(["resource", "row", "measure"]).reset_index(drop=True)
    assert len(stored) == len(own) == c.disclosures.set_index("id").loc["unit-1", "facts"]
    assert stored["amount"].tolist() == own["amount"].tolist()
    assert set(stored["year"]) == {2023} and set(stored["city"]) == {"未知"}
    assert (built.out / "facts" / "year=2023" / "city=未知" / "part-0.parquet").is_file()


def test_sql_and_filtered_facts_agree_with_the_packages(built):
    c = gz.corpus(built.out)
    q = c.sql(
        "select disclosure, sum(amount) as carryover from facts where resource = 'income_by_function' "
        "and measure = 'carryover' and level = '类' group by disclosure order by disclosure"
    )
    for _, row in q.iterrows():
        t = c.load(row["disclosure"]).income_by_function
        assert row["carryover"] == pytest.approx(t.loc[t["level"] == "类", "carryover"].sum())
    f = c.facts(
        columns=["disclosure", "code", "amount"], measure="carryover", level="类", disclosure=["unit-2"]
    )
    assert list(f.columns) == ["disclosure", "code", "amount"] and set(f["disclosure"]) == {"unit-2"}
    assert len(f) == len(c.load("unit-2").facts.query("measure == 'carryover' and level == '类'"))
    with pytest.raises(KeyError, match="no column 'nope'"):
        c.facts(nope=1)
    d = c.disclosures.set_index("id")
    assert d.loc["broken", "status"] == "error" and pd.isna(d.loc["broken", "unit"])
    assert d.loc["unit-2", "carryover"] == pytest.approx(
        3 * gz.load().income_by_function["carryover"].iloc[0]
    )


def test_a_rerun_skips_unchanged_documents_and_redoes_changed_ones(sources, tmp_path):
    src = write_sources(tmp_path / "src", {1: 2.0, 2: 3.0})
    out = tmp_path / "corpus"
    first = ingest_corpus(src, out, jobs=1, quiet=True)
    assert sorted(first.ran) == ["broken", "scan", "unit-1", "unit-2"]
    again = ingest_corpus(src, out, jobs=1, quiet=True)
    # refused under the same limits: done; an error is tried again
    assert sorted(again.skipped) == ["scan", "unit-1", "unit-2"] and sorted(again.ran) == ["broken"]
    write_sources(src, {2: 5.0})  # unit-2 changes
    third = ingest_corpus(src, out, jobs=1, quiet=True)
    assert "unit-2" in third.ran and "unit-1" in third.skipped
    total = (
        gz.corpus(out)
        .sql(
            "select sum(amount) from facts where disclosure = 'unit-2' and resource = 'expenditure_by_function' "
            "and measure = 'total' and code is null"
        )
        .iloc[0, 0]
    )
    assert total == pytest.approx(5 * gz.load().expenditure_by_function["total"].iloc[0])


def test_an_interrupted_document_leaves_no_half_written_package(tmp_path, monkeypatch):
    src = write_sources(tmp_path / "src", {1: 2.0})
    import gzanalysis.package.load as load_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C after the CSVs are written, before the package is checked

    monkeypatch.setattr(load_module, "load", interrupted)
    out = tmp_path / "corpus"
    with pytest.raises(KeyboardInterrupt):
        ingest_corpus(src, out, jobs=1, quiet=True, isolate=False)  # in this process: the patch applies
    assert not (out / "packages" / "unit-1").exists()
    assert not (out / ".partial").exists()
    monkeypatch.undo()
    result = ingest_corpus(src, out, jobs=1, quiet=True)
    assert "unit-1" in result.ran and (out / "packages" / "unit-1" / "datapackage.json").is_file()


def test_a_dask_cluster_gives_the_same_corpus_as_local_processes(sources, built, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = ingest_corpus(sources, tmp_path / "corpus", scheduler=cluster.scheduler_address, quiet=True)
        workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert sorted(r["id"] for r in result.records) == sorted(r["id"] for r in built.records)
    local, dask = comparable(built.out), comparable(tmp_path / "corpus")
    assert dask["records"] == local["records"]
    assert dask["files"] == local["files"]
    pd.testing.assert_frame_equal(dask["facts"], local["facts"])


def test_the_command_line_runs_a_batch_for_a_folder(sources, tmp_path, capsys):
    from gzanalysis.cli import main

    assert main(["ingest", str(sources), "--out", str(tmp_path / "c"), "--jobs", "1"]) == 0
    assert "2 ok, 0 partial, 1 refused, 1 error" in capsys.readouterr().out
    assert main(["ingest", str(sources / "unit-*.txt"), "--out", str(tmp_path / "d"), "--strict"]) == 0
    assert main(["ingest", str(sources), "--out", str(tmp_path / "c"), "--strict"]) == 1
    assert main(["ingest", str(sources)]) == 2


def test_gz_corpus_explains_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.delenv("GZANALYSIS_CORPUS", raising=False)
    with pytest.raises(FileNotFoundError, match="gzanalysis ingest FOLDER"):
        gz.corpus()
    with pytest.raises(FileNotFoundError, match="is not a corpus"):
        gz.corpus(tmp_path)


def test_find_corpus_opens_builds_or_says_how(built, sources, tmp_path, monkeypatch):
    monkeypatch.setenv("GZANALYSIS_CORPUS", str(built.out))
    assert gz.find_corpus().ids == ["unit-1", "unit-2"]
    monkeypatch.delenv("GZANALYSIS_CORPUS")
    texts = tmp_path / "texts"
    texts.mkdir()
    for p in sources.glob("unit-1.*"):
        (texts / p.name).write_bytes(p.read_bytes())
    monkeypatch.setenv("GZANALYSIS_CORPUS_SOURCES", str(texts))
    monkeypatch.setenv("GZANALYSIS_CACHE", str(tmp_path / "cache"))
    c = gz.find_corpus()
    assert c.ids == ["unit-1"] and c.path.parent == tmp_path / "cache"
    monkeypatch.setenv("GZANALYSIS_CORPUS_SOURCES", str(sources))  # holds a .pdf
    assert gz.find_corpus() is not None  # a folder holding a .pdf: this build reads PDFs
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GZANALYSIS_CORPUS_SOURCES")
    if not any((p / "shared" / "corpus").is_dir() for p in (tmp_path, *tmp_path.parents)):
        assert gz.find_corpus() is None
    assert "gzanalysis ingest" in gz.CORPUS_HOWTO and "GZANALYSIS_CORPUS" in gz.CORPUS_HOWTO


@pytest.mark.slow
def test_ctrl_c_on_a_local_batch_stops_it_and_leaves_only_complete_packages(tmp_path):
    """A real SIGINT to the command's process group (the terminal's Ctrl-C) while documents are in flight."""
    import os
    import signal
    import subprocess
    import sys
    import time

    src = write_sources(tmp_path / "src", dict.fromkeys(range(1, 7), 2.0))
    out = tmp_path / "corpus"
    launch = (
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "  # a shell's & ignores SIGINT
        "from gzanalysis.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", launch, "ingest", str(src), "--out", str(out), "--jobs", "2"],
        env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not any((out / "packages").glob("unit-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()[-500:]
    assert b"interrupted" in err
    assert not (out / ".partial").exists()
    packages = [p for p in (out / "packages").iterdir() if p.name != "classifications"]
    assert 0 < len(packages) < 6
    for p in packages:
        assert (p / "datapackage.json").is_file() and (p / "facts.parquet").is_file()
        gz.load(p)
    again = ingest_corpus(src, out, jobs=1, quiet=True)
    assert len(again.skipped) >= 1 and sorted(r["id"] for r in again.records if r["status"] == "ok") == [
        f"unit-{i}" for i in range(1, 7)
    ]


def test_a_package_with_unreadable_tables_is_partial_kept_and_not_redone(tmp_path, monkeypatch):
    """The PDF ingest marks a result ``partial`` (some standard tables unreadable): the document is
    recorded as ``partial``, not ok nor error; its package and facts are in the corpus; a re-run keeps it."""
    import importlib

    documents = importlib.import_module("gzanalysis.corpus.documents")  # gz.corpus is the function
    src = write_sources(tmp_path / "src", {1: 2.0})
    real = documents.ingest_file

    def partial(path):
        result = real(path)
        result.partial = path.name == "unit-1.txt"
        return result

    monkeypatch.setattr(documents, "ingest_file", partial)
    out = tmp_path / "corpus"
    result = ingest_corpus(src, out, jobs=1, quiet=True, isolate=False)
    by_id = {r["id"]: r for r in result.records}
    assert by_id["unit-1"]["status"] == "partial" and by_id["unit-1"]["error"] is None
    assert "1 partial" in result.summary() and by_id["unit-1"] not in result.failed
    assert gz.corpus(out).ids == ["unit-1"] and len(gz.corpus(out).facts(disclosure="unit-1")) >= 500
    again = ingest_corpus(src, out, jobs=1, quiet=True, isolate=False)
    assert "unit-1" in again.skipped and "unit-1" not in again.ran
