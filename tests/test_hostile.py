"""A batch survives hostile files (issue 27): each is refused before any page is read with a reason naming
what it is; time and memory are limited per document; a dying reader is an error and is replaced; a batch
killed with SIGKILL loses nothing and a re-run redoes only what had not finished; nothing is executed or
fetched. The hostile files are built in tmp_path (``tests/hostile.py``); the good documents are three of
``../shared/corpus`` (skipped without it)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gzanalysis.corpus import ingest_corpus
from gzanalysis.corpus.documents import document_id
from gzanalysis.ingest import preflight

from .conftest import ROOT
from .hostile import (
    REASONS,
    active_pdf,
    bomb_pdf,
    page_loop_pdf,
    split_bomb_pdf,
    text_page_pdf,
    write_hostile,
)
from .test_ingest_pdf import CORPUS

GOOD = [
    CORPUS / f"{name}.pdf" for name in ("shenzhen-audit-2026", "suzhou-audit-2026", "wuxi-statistics-2026")
]
needs_corpus = pytest.mark.skipif(
    not all(p.is_file() for p in GOOD), reason="../shared/corpus is not beside this checkout"
)
BATCH_SECONDS = 180  # the hostile batch on 2 shared cores (it takes ~10 s alone)
PEAK_MB = 1024  # the largest process of the batch, a 1.5 GB deflate bomb among its documents


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile(folder, GOOD[0] if GOOD[0].is_file() else None)
    return folder


@pytest.mark.parametrize("name", sorted(REASONS))
def test_each_hostile_file_is_refused_before_a_page_is_read_saying_what_it_is(hostile, name):
    with pytest.raises(preflight.Refused) as info:
        preflight.check(hostile / name)
    assert REASONS[name] in str(info.value)
    assert info.value.kind and info.value.limit in (None, "max_pages", "max_mb", "max_memory")


def test_the_reasons_in_full(hostile):
    def reason(name, **limits):
        with preflight.limits(limits), pytest.raises(preflight.Refused) as info:
            preflight.check(hostile / name)
        return str(info.value)

    assert reason("yearbook.pdf") == "too many pages: 2,000 pages > --max-pages 1,500"
    assert reason("empty.pdf") == "an empty file (0 bytes), not a document"
    assert reason("archive.pdf") == "a ZIP archive, not a PDF: a Word document (.docx)"
    assert reason("html-page.pdf") == (
        "an HTML page, not a PDF (its title: '404 页面不存在'): a web page saved as .pdf"
    )
    assert reason("page-loop.pdf") == (
        "a page-tree loop: the page tree refers to itself (objects 2 → 3 → 2), so page 1 of 2 is nowhere"
    )
    assert reason("bomb.pdf").startswith(
        "a deflate bomb, a stream over the limit: object 4's stream of 1.52 MB inflates to more than"
    )
    assert reason("bomb.pdf").endswith("MB > --max-memory 768 MB")
    assert reason("bomb.pdf", max_memory=100).endswith("MB > --max-memory 100 MB")
    assert reason("yearbook.pdf", max_mb=0.1) == "a file too large: 0.24 MB > --max-mb 0.1 MB"
    assert reason("truncated.pdf").startswith("a truncated PDF: its ")
    with preflight.limits({"max_pages": 2000}):
        assert preflight.check(hostile / "yearbook.pdf").pages == 2000


def test_a_good_pdf_passes_even_with_junk_after_its_end(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(text_page_pdf() + b"<html>appended by a web server</html>\n" * 100)
    info = preflight.check(path)
    assert info.pages == 1 and info.active == [] and info.size == path.stat().st_size


def test_a_loop_deeper_in_the_page_tree_is_found():
    assert preflight.page_tree_loop(page_loop_pdf()) == [2, 3, 2]
    assert preflight.page_tree_loop(active_pdf()) is None


def test_a_pdf_with_scripts_launch_actions_and_links_is_read_as_text_only(hostile, tmp_path):
    """The ingest of a PDF that asks, when opened, to run JavaScript, launch /bin/sh and fetch URLs:
    under strace (native calls) and an audit hook (Python's), no connection, no process, no exec."""
    info = preflight.check(hostile / "active.pdf")
    assert {"JavaScript", "a launch action", "an open action", "links (URI)"} <= set(info.active)
    script = (
        "import sys, json\n"
        "events = []\n"
        "watched = ('socket.', 'subprocess.', 'os.system', 'os.exec', 'os.posix_spawn', 'os.fork', 'os.spawn',\n"
        "           'urllib.', 'webbrowser.', 'ctypes.dlopen')\n"
        "sys.addaudithook(lambda e, a: events.append(e) if e.startswith(watched) else None)\n"
        "from gzanalysis.ingest.pdf import PdfError, ingest_pdf\n"
        "try:\n"
        f"    ingest_pdf({str(hostile / 'active.pdf')!r})\n"
        "except PdfError as exc:\n"
        "    print(json.dumps({'error': str(exc), 'events': events}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Import everything first, so that what the audit hook and strace see is the reading only.
    prelude = "import gzanalysis.ingest.pdf, pypdfium2\n"
    command = [sys.executable, "-c", prelude + script]
    trace = tmp_path / "strace.txt"
    if subprocess.run(["strace", "-V"], capture_output=True).returncode == 0:
        command = ["strace", "-f", "-qq", "-e", "trace=connect,execve,fork,vfork", "-o", str(trace), *command]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert "not a budget disclosure" in answer["error"]  # the text was read: one page, 'Active'
    assert answer["events"] == []
    if trace.exists():
        calls = [line for line in trace.read_text().splitlines() if "resumed" not in line]
        assert not [c for c in calls if "connect(" in c], calls
        assert len([c for c in calls if "execve(" in c]) == 1, calls  # the interpreter itself only
        assert not [c for c in calls if "fork(" in c], calls


# -- the supervisor: time, memory, death -------------------------------------------------------------------


def _tasks(paths: list[Path], out: Path, **limits) -> list[dict]:
    import shutil

    from gzanalysis.corpus.batch import plan
    from gzanalysis.package.load import data_root

    shutil.copytree(data_root() / "classifications", out / "packages" / "classifications")
    return plan(paths, out, {}, preflight.Limits.of(limits))[0]


@pytest.fixture(scope="module")
def heavy(tmp_path_factory) -> Path:
    """A PDF whose one content stream inflates to 300 MB: past no cheap check under --max-memory 400, but
    PDFium needs more than 600 MB to read it."""
    path = tmp_path_factory.mktemp("heavy") / "heavy.pdf"
    path.write_bytes(bomb_pdf(300))
    return path


def test_memory_past_the_limit_stops_the_reader_and_refuses_the_document(heavy, tmp_path):
    result = ingest_corpus([heavy], tmp_path / "c", jobs=1, quiet=True, limits={"max_memory": 400})
    (record,) = result.records
    assert record["status"] == "refused" and record["reason"] == "memory", record
    assert record["error"].startswith("over the memory limit: ") and record["error"].endswith(
        "MB > --max-memory 400 MB"
    )
    assert record["limit"] == "--max-memory" and 400 < record["peak_mb"] < 600


def test_a_bomb_split_over_streams_passes_the_cheap_checks_and_is_stopped_by_the_supervisor(tmp_path):
    path = tmp_path / "split-bomb.pdf"
    path.write_bytes(split_bomb_pdf())  # three streams of 500 MB: 1.5 GB for PDFium to join
    assert preflight.check(path).pages == 1
    (record,) = ingest_corpus([path], tmp_path / "c", jobs=1, quiet=True).records  # the default limits
    assert record["status"] == "refused" and record["reason"] == "memory", record
    assert record["error"].endswith("MB > --max-memory 768 MB") and record["peak_mb"] < PEAK_MB


def test_time_past_the_limit_stops_the_reader_and_refuses_the_document(heavy, tmp_path):
    result = ingest_corpus(
        [heavy], tmp_path / "c", jobs=1, quiet=True, limits={"timeout": 0.2, "max_memory": 2048}
    )
    (record,) = result.records
    assert record["status"] == "refused" and record["reason"] == "timeout", record
    figure = re.fullmatch(r"over the time limit: ([\d.,]+) s > --timeout 0\.2 s", record["error"])
    assert figure and float(figure.group(1).replace(",", "")) > 0.2, record["error"]


def test_a_reader_that_dies_marks_its_document_error_and_is_replaced(heavy, tmp_path):
    from gzanalysis.corpus.reader import Readers

    heavy_task, active_task = _tasks(
        [heavy, Path(write_hostile_active(tmp_path))], tmp_path / "c", max_memory=2048
    )
    readers = Readers()
    records = {}

    def one_thread():  # as a thread of the batch: one document, then the next
        records["heavy"] = readers.run(heavy_task)
        records["active"] = readers.run(active_task)

    try:
        worker = threading.Thread(target=one_thread)
        worker.start()
        deadline = time.monotonic() + 60
        while not readers.all and time.monotonic() < deadline:
            time.sleep(0.05)
        reader = readers.all[0]
        while _rss_mb(reader.proc.pid) < 200 and "heavy" not in records and time.monotonic() < deadline:
            time.sleep(0.01)  # reading the heavy page
        os.kill(reader.proc.pid, signal.SIGSEGV)  # as PDFium would crash
        worker.join(120)
        record = records["heavy"]
        assert record["status"] == "error" and record["reason"] == "died", record
        assert "the reader process died while reading it: a segmentation fault (SIGSEGV)" in record["error"]
        # the next document of the thread got a fresh reader; the dead one was let go
        assert "not a budget disclosure" in records["active"]["error"]
        assert len(readers.all) == 1 and readers.all[0].proc.pid != reader.proc.pid
    finally:
        readers.close()


def write_hostile_active(folder: Path) -> Path:
    path = folder / "active.pdf"
    path.write_bytes(active_pdf())
    return path


def _rss_mb(pid: int) -> float:
    from gzanalysis.corpus.reader import _rss

    return _rss(pid) / (1 << 20)


# -- the hostile batch ---------------------------------------------------------------------------------------

RUN_BATCH = """
import json, resource, sys, time
from gzanalysis.corpus import ingest_corpus
start = time.perf_counter()
result = ingest_corpus(sys.argv[1], sys.argv[2], jobs=2, quiet=True)
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "batch_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "readers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "summary": result.summary(),
}))
"""


@pytest.fixture(scope="module")
def mixed(hostile, tmp_path_factory) -> Path:
    """The hostile files and three good documents in one folder."""
    folder = tmp_path_factory.mktemp("mixed")
    for path in [*hostile.iterdir(), *GOOD]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@needs_corpus
@pytest.mark.slow
def test_a_batch_of_hostile_files_finishes_in_time_and_memory_and_the_good_documents_are_ok(mixed, tmp_path):
    out = tmp_path / "corpus"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", RUN_BATCH, str(mixed), str(out)],
        capture_output=True, text=True, env=env, timeout=BATCH_SECONDS * 2,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(figures["summary"])
    assert figures["seconds"] < BATCH_SECONDS
    assert figures["batch_mb"] < PEAK_MB and figures["readers_mb"] < PEAK_MB, figures
    records = {Path(r["file"]).name: r for r in json.loads((out / "corpus.json").read_text())["documents"]}
    for name, words in REASONS.items():
        assert records[name]["status"] == "refused" and words in records[name]["error"], records[name]
    assert records["active.pdf"]["status"] == "error" and "not a budget" in records["active.pdf"]["error"]
    assert "JavaScript" in records["active.pdf"]["active_content"]
    for good in GOOD:
        assert records[good.name]["status"] == "ok", records[good.name]
        assert records[good.name]["peak_mb"] < PEAK_MB
        alone = _ingested_alone(mixed / good.name, tmp_path / "alone")  # the same path: the report names it
        package = out / "packages" / document_id(good)
        for file in sorted(alone.iterdir()):
            assert (package / file.name).read_bytes() == file.read_bytes(), file.name


def _ingested_alone(pdf: Path, root: Path) -> Path:
    from gzanalysis.ingest.pdf import ingest_pdf

    return ingest_pdf(pdf).write(root / document_id(pdf))


def _session_processes(sid: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


@needs_corpus
@pytest.mark.slow
def test_a_batch_killed_with_sigkill_loses_nothing_and_a_rerun_redoes_only_the_unfinished(mixed, tmp_path):
    out = tmp_path / "corpus"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    launch = "import sys; from gzanalysis.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", launch, "ingest", str(mixed), "--out", str(out), "--jobs", "1"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    manifest = out / "corpus.json"
    deadline = time.monotonic() + BATCH_SECONDS
    while time.monotonic() < deadline:
        if manifest.exists() and len(json.loads(manifest.read_text())["documents"]) >= 4:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    time.sleep(0.5)
    assert _session_processes(proc.pid) == []  # its reader died with it
    done = {r["file"]: r for r in json.loads(manifest.read_text())["documents"]}  # a whole JSON document
    assert 4 <= len(done) < 11
    for r in done.values():
        if r["status"] == "ok":
            assert (out / "packages" / r["id"] / "datapackage.json").is_file()
    again = ingest_corpus(mixed, out, jobs=2, quiet=True)
    unfinished = {document_id(p) for p in mixed.iterdir()} - {
        r["id"] for r in done.values() if r["status"] != "error"
    }
    assert sorted(again.ran) == sorted(unfinished)
    assert len(again.records) == 11 and not (out / ".partial").exists()
    assert {r["id"]: r["status"] for r in again.records} == {
        **{document_id(Path(n)): "refused" for n in REASONS},
        **{document_id(p): "ok" for p in GOOD},
        "active": "error",
    }


def test_the_limits_on_the_command_line(hostile, tmp_path, capsys):
    from gzanalysis.cli import main

    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "yearbook.pdf").write_bytes((hostile / "yearbook.pdf").read_bytes())
    assert main(["ingest", str(folder / "yearbook.pdf")]) == 2
    assert capsys.readouterr().err.endswith("yearbook.pdf: too many pages: 2,000 pages > --max-pages 1,500\n")
    assert (
        main(["ingest", str(folder), "--out", str(tmp_path / "c"), "--jobs", "1", "--max-pages", "100"]) == 0
    )
    assert "0 ok, 0 partial, 1 refused, 0 error" in capsys.readouterr().out
    # a higher limit: the document is read this time (a scan without text), not skipped as refused before
    assert (
        main(["ingest", str(folder), "--out", str(tmp_path / "c"), "--max-pages", "2000", "--max-mb", "1"])
        == 0
    )
    out = capsys.readouterr().out
    assert "1 error" in out and "this PDF is a scan" in out


def test_the_limits_hold_on_a_dask_cluster(heavy, hostile, tmp_path):
    distributed = pytest.importorskip("distributed")
    sources = [heavy, hostile / "bomb.pdf", hostile / "html-page.pdf"]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, host="127.0.0.1", dashboard_address=None, processes=True
        ) as cluster,
        distributed.Client(cluster),
    ):
        result = ingest_corpus(sources, tmp_path / "c", scheduler=cluster.scheduler_address, quiet=True,
                               limits={"max_memory": 400})  # fmt: skip
    reasons = {r["id"]: (r["status"], r["reason"]) for r in result.records}
    assert reasons == {
        "heavy": ("refused", "memory"),
        "bomb": ("refused", "stream_over_limit"),
        "html-page": ("refused", "html"),
    }
