"""Each document of a batch is read in a reader process that the batch can stop.

A reader (``python -m gzanalysis.corpus.reader``) imports the ingest once, then takes one task at a time
on its stdin and answers each with the document's manifest record (``documents.process``) on its stdout.
Its supervisor (``Readers.run``, on a thread of the batch process, or of a Dask worker) enforces the limits
the reader cannot enforce on itself:

- **time** (``--timeout``): the supervisor waits at most that many seconds for the answer, then kills the
  reader (SIGKILL): the document is ``refused`` ("over the time limit: 120.2 s > --timeout 120 s");
- **memory** (``--max-memory``): the supervisor reads the reader's resident memory (``/proc/PID/statm``)
  every 50 ms and kills it past the limit (``refused``, with the figure). As a backstop against an
  allocation faster than that, the reader caps its own address space (``RLIMIT_AS``) at twice the limit
  above what it held after its imports: an allocation past it fails at once (a ``MemoryError``, recorded
  as ``refused`` too);
- **death**: a reader that dies (the kernel's out-of-memory killer, a segmentation fault in PDFium) marks
  its document ``error`` with the cause (the signal, and the last line it wrote on stderr) and is replaced
  by a fresh one for the next document.

Pages, bytes and streams are checked inside the reader before any page is read (``ingest.preflight``).
A reader dies with the thread that started it (``PR_SET_PDEATHSIG``), so a batch killed with SIGKILL
leaves no reader behind; it ignores SIGINT (Ctrl-C stops the batch, and the batch kills its readers).
"""

from __future__ import annotations

import json
import math
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from gzanalysis.corpus.documents import failure as _failure
from gzanalysis.ingest.preflight import MB, Limits, over

POLL = 0.05  # seconds between two looks at a reader's memory
READY = b"ready\n"
START_TIMEOUT = 300  # seconds a reader may take to import the ingest
_CAUSES = {
    "SIGKILL": "killed (SIGKILL): by the system's out-of-memory killer, or by hand",
    "SIGSEGV": "a segmentation fault (SIGSEGV) in native code (the PDF library?)",
    "SIGBUS": "a bus error (SIGBUS) in native code",
    "SIGABRT": "aborted (SIGABRT) by native code",
    "SIGTRAP": "a crash (SIGTRAP): PDFium stops this way when an allocation fails",
    "SIGILL": "a crash (SIGILL) in native code",
}


def _rss(pid: int) -> int:
    """Resident bytes of a process (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class Reader:
    """One reader process; ``run(task)`` gives the document's record, whatever happens to the reader."""

    def __init__(self):
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])  # the folder holding our gzanalysis: the same code
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the reader
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gzanalysis.corpus.reader", str(os.getpid())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, env=env, bufsize=0,
        )  # fmt: skip
        self.buffer = b""
        line = self._answer(START_TIMEOUT, None)
        if line != READY.strip():
            self.kill()
            raise RuntimeError(f"the reader process did not start: {self._last_words() or line}")

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def _answer(self, timeout: float, watch) -> bytes | None:
        """The reader's next line; ``None`` when it ended. ``watch(elapsed)`` is called every POLL seconds
        and may kill the reader (it then returns ``None``)."""
        start = time.monotonic()
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([fd], [], [], POLL)
            if ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    return None
                self.buffer += chunk
            elif watch is not None:
                if watch(time.monotonic() - start) is False:
                    return None
            elif time.monotonic() - start > timeout:
                self.kill()
                return None
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def run(self, task: dict) -> dict:
        lim = Limits.of(task.get("limits"))
        state = {"peak": 0, "refusal": None}

        def watch(elapsed: float):
            rss = _rss(self.proc.pid)
            state["peak"] = max(state["peak"], rss)
            if rss > lim.max_memory * MB:
                state["refusal"] = ("memory", "max_memory", over("over the memory limit", rss / MB, "MB", "max_memory", lim.max_memory))  # fmt: skip
            elif elapsed > lim.timeout:
                state["refusal"] = ("timeout", "timeout", over("over the time limit", math.ceil(elapsed * 100) / 100, "s", "timeout", lim.timeout))  # fmt: skip
            else:
                return True
            self.kill()
            return False

        start = time.perf_counter()
        try:
            self.proc.stdin.write(json.dumps(task).encode() + b"\n")
        except (BrokenPipeError, OSError):
            return self._died(task, start)
        line = self._answer(lim.timeout, watch)
        seconds = round(time.perf_counter() - start, 3)
        peak_mb = round(state["peak"] / MB, 1)
        if state["refusal"]:
            kind, limit, message = state["refusal"]
            return _failure(task, "refused", message, reason=kind, limit=Limits.FLAGS[limit],
                            seconds=seconds, peak_mb=peak_mb)  # fmt: skip
        if line is None:
            return self._died(task, start)
        record = json.loads(line)
        record["peak_mb"] = max(record.get("peak_mb") or 0, peak_mb)
        return record

    def _died(self, task: dict, start: float) -> dict:
        code = self.proc.wait()
        if code < 0:
            name = signal.Signals(-code).name
            cause = _CAUSES.get(name, f"killed by {name}")
        else:
            cause = f"exited with status {code}"
        last = self._last_words()
        message = f"the reader process died while reading it: {cause}" + (
            f"; its last words: {last}" if last else ""
        )
        return _failure(task, "error", message, reason="died", seconds=round(time.perf_counter() - start, 3))

    def _last_words(self) -> str:
        self.stderr.seek(0, os.SEEK_END)
        self.stderr.seek(max(0, self.stderr.tell() - 4096))
        lines = [
            ln.strip() for ln in self.stderr.read().decode("utf-8", "replace").splitlines() if ln.strip()
        ]
        return lines[-1][:300] if lines else ""

    def kill(self) -> None:
        if self.alive:
            self.proc.kill()
        self.proc.wait()


class Readers:
    """Readers for the threads of one process: each thread has its own, started when first needed and
    replaced when it died or was killed. ``close()`` stops them all (the end of a batch, Ctrl-C)."""

    def __init__(self):
        self.local = threading.local()
        self.all: list[Reader] = []
        self.lock = threading.Lock()
        self.closed = False

    def run(self, task: dict) -> dict:
        reader = getattr(self.local, "reader", None)
        if reader is None or not reader.alive:
            with self.lock:
                if reader is not None and reader in self.all:  # dead: let go of it
                    self.all.remove(reader)
                    reader.stderr.close()
                if self.closed:
                    return _failure(task, "error", "the batch stopped before this document was read")
            try:
                reader = self.local.reader = Reader()
            except (OSError, RuntimeError) as exc:
                return _failure(task, "error", f"no reader process for it: {exc}")
            with self.lock:
                self.all.append(reader)
                if self.closed:
                    reader.kill()
        return reader.run(task)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            readers, self.all = self.all, []
        for reader in readers:
            reader.kill()
            reader.stderr.close()


_worker_readers: Readers | None = None


def supervise(task: dict) -> dict:
    """One document in a reader of this process (the task a Dask worker runs): the same limits as local."""
    global _worker_readers
    if _worker_readers is None:
        _worker_readers = Readers()
    return _worker_readers.run(task)


# -- the reader process --------------------------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Be killed when the thread that started us ends (Linux); exit if it already has."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _vm(field: str) -> int:
    """A line of /proc/self/status in bytes (VmSize, VmHWM…); 0 where unknown."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _cap_memory(baseline: int, lim: Limits) -> None:
    import resource

    if baseline:
        try:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            soft = baseline + 2 * lim.max_memory * MB
            resource.setrlimit(
                resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard)
            )
        except (ValueError, OSError):
            pass


def main(argv: list[str]) -> int:
    _die_with_parent(int(argv[0]) if argv else os.getppid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # whatever the ingest prints goes to stderr, never into the answers
    import warnings

    warnings.simplefilter("ignore")
    import pyarrow.parquet  # noqa: F401 - imported once, before the first document

    import gzanalysis.audit  # noqa: F401
    import gzanalysis.ingest.pdf  # noqa: F401
    import gzanalysis.package.load  # noqa: F401
    from gzanalysis.corpus.documents import process

    baseline = _vm("VmSize")
    answers.write(READY)
    for line in sys.stdin.buffer:
        task = json.loads(line)
        _cap_memory(baseline, Limits.of(task.get("limits")))
        try:
            with open("/proc/self/clear_refs", "w") as fh:
                fh.write("5")  # peak resident memory from here on: this document's
        except OSError:
            pass
        record = process(task)
        record["peak_mb"] = round(_vm("VmHWM") / MB, 1)
        answers.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
