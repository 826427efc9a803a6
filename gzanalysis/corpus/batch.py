"""Batch ingest: every source of a folder or glob into a corpus, on local processes or a Dask cluster.

``ingest_corpus(sources, out, jobs=None, scheduler=None, limits=None)``:

- finds the sources (``.txt`` and ``.pdf``; ``<stem>.errata.csv`` beside a text are its errata);
- skips a document already done: ``ok`` or ``partial`` for the same sha256 (of the file and of its errata)
  and gzanalysis version, or ``refused`` for those and the same limits; an ``error`` is tried again;
- reads each document in a reader process that its supervisor can stop (``corpus.reader``): the limits of
  ``preflight.Limits`` (pages, MB, seconds, memory) hold per document; a reader that dies marks its
  document ``error`` and is replaced. Locally ``jobs`` supervisor threads (default: every core) each keep
  one reader; given ``scheduler`` (``tcp://host:8786``) each task on the Dask cluster does the same in its
  worker — the same tasks, the same limits; the workers must see the sources and the corpus folder at the
  same paths (a shared file system);
- shows a progress bar (count, rate, ETA) and writes ``corpus.json`` atomically after every document, so a
  batch killed in any way (Ctrl-C, SIGKILL) and run again redoes only what had not finished; a package is
  only ever moved into place complete (see ``documents``);
- at the end rebuilds the Parquet store of what changed (``store.build``).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gzanalysis.corpus import store
from gzanalysis.corpus.documents import (
    PACKAGED,
    PACKAGES,
    PARTIAL,
    STATUSES,
    SUFFIXES,
    document_id,
    errata_of,
    failure,
    process,
    sha256,
    version,
)
from gzanalysis.ingest.preflight import Limits


def find_sources(folder_or_glob: str | Path) -> list[Path]:
    """The ``.txt`` and ``.pdf`` files of a folder (not its subfolders) or of a glob (``**`` recursive),
    sorted; errata files (``*.errata.csv``) are not sources."""
    text = str(folder_or_glob)
    folder = Path(text).expanduser()
    if folder.is_dir():
        paths = [p for p in folder.iterdir() if p.is_file()]
    elif folder.is_file():
        paths = [folder]
    else:
        paths = [Path(p) for p in glob.glob(os.path.expanduser(text), recursive=True) if Path(p).is_file()]
    return sorted(p for p in paths if p.suffix.lower() in SUFFIXES)


def is_batch(source: str) -> bool:
    """Whether the command line's source names several documents (a folder or a glob)."""
    return Path(source).expanduser().is_dir() or any(ch in source for ch in "*?[")


@dataclass
class BatchResult:
    out: Path
    records: list[dict]
    ran: list[str] = field(default_factory=list)  # ids ingested in this run
    skipped: list[str] = field(default_factory=list)  # ids unchanged since the last run
    seconds: float = 0.0
    peak_mb: dict = field(default_factory=dict)  # peak resident memory: the batch process, its readers

    @property
    def failed(self) -> list[dict]:
        """Documents without a package: refused or error."""
        return [r for r in self.records if r["status"] not in PACKAGED]

    def summary(self) -> str:
        counts = ", ".join(f"{sum(r['status'] == s for r in self.records)} {s}" for s in STATUSES)
        lines = [
            f"{len(self.records)} documents in {self.out}: {counts}; "
            f"{len(self.ran)} read in {self.seconds:.1f} s, {len(self.skipped)} done before (skipped)"
        ]
        if self.peak_mb:
            lines.append(
                f"peak memory: {self.peak_mb['batch']:,.0f} MB in the batch process, "
                f"{self.peak_mb['readers']:,.0f} MB in a reader"
            )
        lines += [f"  {r['status']}: {r['file']}: {r['error']}" for r in self.records if r["status"] != "ok" and r.get("error")]  # fmt: skip
        lines += [f"  partial: {r['file']}" for r in self.records if r["status"] == "partial" and not r.get("error")]  # fmt: skip
        return "\n".join(lines) + "\n"


def _read_manifest(out: Path) -> dict[str, dict]:
    path = out / store.MANIFEST
    if not path.exists():
        return {}
    return {r["file"]: r for r in json.loads(path.read_text(encoding="utf-8"))["documents"]}


def _write_manifest(out: Path, records: dict[str, dict]) -> None:
    """corpus.json, atomically: a temporary file, flushed to disk, renamed over the old one."""
    tmp = out / f".{store.MANIFEST}.tmp"
    body = {"gzanalysis_version": version(), "documents": [records[k] for k in sorted(records)]}
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(body, ensure_ascii=False, indent=1) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out / store.MANIFEST)


def plan(
    sources: list[Path], out: Path, previous: dict[str, dict], limits: Limits | None = None
) -> tuple[list[dict], list[dict]]:
    """(tasks to run, records kept): a document is kept when it finished before with the same hashes and
    version: ok or partial (its package in place), or refused under the same limits."""
    tasks, kept, seen = [], [], {}
    limits = Limits.of(limits).as_dict()
    for path in sources:
        key = str(path.resolve())
        task = {
            "file": key,
            "sha256": sha256(path),
            "id": document_id(path),
            "out": str(out),
            "version": version(),
            "limits": limits,
        }
        if errata := errata_of(path):
            task["errata_sha256"] = sha256(errata)
        if task["id"] in seen:
            kept.append(
                failure(task, "error", f"duplicate id {task['id']!r}: {seen[task['id']]} has the same name")
            )
            continue
        seen[task["id"]] = key
        old = previous.get(key)
        same = old and all(old.get(k) == task.get(k) for k in ("sha256", "errata_sha256", "id", "version"))
        packaged = old and old["status"] in PACKAGED and (out / PACKAGES / task["id"]).is_dir()
        if same and (packaged or (old["status"] == "refused" and old.get("limits") == limits)):
            kept.append(old)
        else:
            tasks.append(task)
    return tasks, kept


def _local(tasks: list[dict], jobs: int, isolate: bool = True) -> Iterator[dict]:
    """The records of the tasks as they finish: ``jobs`` threads, each supervising one reader process;
    ``isolate=False`` reads them one after the other in this process (no limit of time or memory)."""
    if not isolate:
        yield from map(process, tasks)
        return
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from gzanalysis.corpus.reader import Readers

    readers = Readers()
    pool = ThreadPoolExecutor(
        max_workers=max(1, min(jobs, len(tasks))), thread_name_prefix="gzanalysis-reader"
    )
    try:
        for future in as_completed([pool.submit(readers.run, task) for task in tasks]):
            yield future.result()
    finally:
        # The end, an error or Ctrl-C: no document goes on being read after the batch has stopped.
        readers.close()
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(tasks: list[dict], scheduler) -> Iterator[dict]:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise RuntimeError("--scheduler needs dask.distributed: pip install 'gzanalysis[cluster]'") from exc
    from gzanalysis.corpus.reader import supervise

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.map(
            supervise, tasks, key=[f"ingest-{t['id']}-{t['sha256'][:12]}" for t in tasks], pure=False
        )
        by_key = {f.key: t for f, t in zip(futures, tasks, strict=True)}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # a Dask worker lost: the document's error, the batch goes on
                yield failure(by_key[future.key], "error", f"{type(exc).__name__} on the cluster: {exc}")
    finally:
        if client is not scheduler:
            client.close()


def _peak_mb(records: list[dict]) -> dict:
    """Peak resident memory (MB) of this process, and of a reader over the documents read by this run."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"batch": round(own, 1), "readers": max((r.get("peak_mb") or 0 for r in records), default=0)}


def _progress(total: int, quiet: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="ingest", disable=quiet or total == 0, file=sys.stderr,
                bar_format="{desc}: {n_fmt}/{total_fmt} |{bar}| {rate_fmt}, {elapsed} elapsed, ETA {remaining}")  # fmt: skip


def ingest_corpus(
    sources: str | Path | Iterable[str | Path],
    out: str | Path,
    jobs: int | None = None,
    scheduler=None,
    quiet: bool = False,
    on_record: Callable[[dict], None] | None = None,
    limits: Limits | dict | None = None,
    isolate: bool = True,
) -> BatchResult:
    """Ingest every source into the corpus ``out``; see the module's docstring. ``limits``: a
    ``preflight.Limits`` (or a dict of some of its fields); ``isolate=False`` reads the documents in this
    process, one after the other, without the limits of time and memory (for debugging)."""
    start = time.perf_counter()
    out = Path(out).expanduser().resolve()
    paths = find_sources(sources) if isinstance(sources, str | Path) else sorted(Path(p) for p in sources)
    if not paths:
        raise FileNotFoundError(f"no .txt or .pdf file in {sources}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / PARTIAL, ignore_errors=True)  # what an interrupted run left
    classifications = out / PACKAGES / "classifications"
    if not classifications.exists():
        from gzanalysis.package.load import data_root

        shutil.copytree(data_root() / "classifications", classifications)

    previous = _read_manifest(out)
    tasks, kept = plan(paths, out, previous, limits)
    records = {r["file"]: r for r in kept}
    # Documents no longer among the sources stay in the manifest only if they were given before and still
    # exist: a corpus is what was ingested into it, run after run.
    for key, r in previous.items():
        if key not in records and Path(key).exists() and key not in {t["file"] for t in tasks}:
            records[key] = r
    result = BatchResult(out=out, records=[], skipped=[r["id"] for r in kept if r["status"] != "error"])
    if scheduler is not None:
        run = _dask(tasks, scheduler)
    else:
        run = _local(tasks, jobs or os.cpu_count() or 1, isolate)
    bar = _progress(len(tasks), quiet)
    try:
        for record in run:
            records[record["file"]] = record
            result.ran.append(record["id"])
            bar.update(1)
            _write_manifest(out, records)  # after every document: a killed batch loses nothing done
            if on_record:
                on_record(record)
    finally:
        run.close()  # stops the readers (Ctrl-C, an error) before the manifest is written a last time
        bar.close()
        _write_manifest(out, records)
        shutil.rmtree(out / PARTIAL, ignore_errors=True)
    result.records = [records[k] for k in sorted(records)]
    store.build(out, result.records)
    result.seconds = time.perf_counter() - start
    result.peak_mb = _peak_mb([r for r in result.records if r["id"] in set(result.ran)])
    return result


SOURCES_ENV = "GZANALYSIS_CORPUS_SOURCES"  # a folder of documents to ingest when no corpus is given
CACHE_ENV = "GZANALYSIS_CACHE"  # where built corpora are kept (default ~/.cache/gzanalysis)
HOWTO = """No corpus to compare. Build one from a folder of disclosures (.pdf, or OCR .txt):

    gzanalysis ingest path/to/pdfs/ --out path/to/corpus/    # --jobs N, or --scheduler tcp://host:8786

then set GZANALYSIS_CORPUS=path/to/corpus before starting Jupyter (or call gz.corpus("path/to/corpus")).
"""


def shared_sources() -> Path | None:
    """The documents to ingest when no corpus is given: ``GZANALYSIS_CORPUS_SOURCES``, else the first
    ``shared/corpus/`` folder beside the current folder or one of its parents (``../shared/corpus``)."""
    if env := os.environ.get(SOURCES_ENV):
        return Path(env).expanduser()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (candidate := folder / "shared" / "corpus").is_dir() and find_sources(candidate):
            return candidate
    return None


def find_corpus(quiet: bool = True):
    """The corpus a notebook compares, or ``None``: ``GZANALYSIS_CORPUS`` when set; else the shared
    documents (``shared_sources()``), ingested into a cache folder (re-runs skip what is done); else ``None``
    (``HOWTO`` says what to do)."""
    from gzanalysis.corpus.store import CORPUS_ENV, corpus

    if os.environ.get(CORPUS_ENV):
        return corpus()
    sources = shared_sources()
    if sources is None:
        return None
    paths = find_sources(sources)
    import hashlib

    cache = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "gzanalysis").expanduser()
    out = cache / f"corpus-{hashlib.sha256(str(sources.resolve()).encode()).hexdigest()[:12]}"
    # One batch at a time on a cached corpus: the report runs both editions of a notebook at once, and two
    # batches writing one manifest and one store would trip over each other's files. The second waits.
    import fcntl

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f"{out.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ingest_corpus(paths, out, quiet=quiet)
    return corpus(out)
