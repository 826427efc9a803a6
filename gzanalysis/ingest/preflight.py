"""Cheap checks of a source file before any page of it is read, and the limits a document must keep.

``check(path)`` runs at the top of every PDF ingest (``ingest_pdf``) and of every document of a batch. In
order, each cheaper than the next and none reading a page:

1. **size**: an empty file, or one over ``--max-mb``;
2. **magic bytes**: a PDF begins with ``%PDF-`` (within its first 1 KB); anything else is named: an HTML
   page (the error page a crawler saved), a ZIP (a Word or Excel file, an OFD document), an old Office
   file, an image, text;
3. **the end**: a PDF ends with ``%%EOF``; without one the file is truncated (a download not finished);
   with one only before its end, it is truncated if a page is missing (step 4);
4. **the document**: PDFium opens it (the cross-reference table and trailer only): encryption with a
   password, page count against ``--max-pages``, and every page found in the page tree without loading it
   (a page tree that refers to itself is named as such);
5. **the streams**: every Flate stream is inflated into nothing, counting bytes, and refused past
   ``--max-memory`` (a deflate bomb), before PDFium ever inflates it.

A refusal raises ``Refused`` (a ``PdfError``): one sentence saying what the file is, or which limit broke
and by which figure ("too many pages: 3,120 pages > --max-pages 1,500"). Actions the PDF carries
(JavaScript, launch actions, links, embedded files) are listed in ``Preflight.active``; they are never run
or followed: the ingest reads the text layer only, without a form environment, so PDFium executes nothing
and fetches nothing.

``Limits`` holds the four limits; ``limits(...)`` sets them for the code it wraps (the batch's reader, the
command line), so ``ingest_pdf``'s own call keeps the batch's limits. Time and memory are enforced by the
batch's supervisor (``gzanalysis.corpus.reader``), the rest here.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from gzanalysis.ingest.pdf.textlayer import PdfError

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one document may take; the batch's defaults (``gzanalysis ingest DIR --out C --max-pages …``)."""

    max_pages: int = 1500  # pages (a budget has 30–50; a statistical yearbook thousands)
    max_mb: float = 100  # file size, MB
    timeout: float = 120  # wall seconds to read, write, validate and audit one document
    max_memory: int = 768  # MB resident for the process reading one document; also a stream's inflated size

    FLAGS = {"max_pages": "--max-pages", "max_mb": "--max-mb", "timeout": "--timeout", "max_memory": "--max-memory"}  # fmt: skip

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, value: Limits | dict | None) -> Limits:
        if isinstance(value, Limits):
            return value
        return cls(**{k: v for k, v in (value or {}).items() if v is not None})


_LIMITS: contextvars.ContextVar[Limits | None] = contextvars.ContextVar("gzanalysis_limits", default=None)


def current() -> Limits:
    """The limits in force: those of the enclosing ``limits(...)`` block, else the defaults."""
    return _LIMITS.get() or Limits()


@contextlib.contextmanager
def limits(value: Limits | dict | None):
    """Use these limits for every check in the block."""
    token = _LIMITS.set(Limits.of(value))
    try:
        yield current()
    finally:
        _LIMITS.reset(token)


def number(x: float) -> str:
    """``3120`` → ``3,120``; ``1.5`` → ``1.5``; ``0.214`` → ``0.21``; ``422.14`` → ``422.1``."""
    if float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.2f}".rstrip("0").rstrip(".") if abs(x) < 10 else f"{x:,.1f}"


def over(what: str, figure: float, unit: str, limit: str, allowed: float) -> str:
    """'too many pages: 3,120 pages > --max-pages 1,500', 'over the memory limit: 790 MB > --max-memory
    768 MB': what broke a limit, its figure, and the limit."""
    after = "" if unit == "pages" else f" {unit}"
    return f"{what}: {number(figure)} {unit} > {Limits.FLAGS[limit]} {number(allowed)}{after}"


class Refused(PdfError):
    """A document refused before (or while) it is read: ``kind`` says why in one word, ``limit`` names the
    limit it broke (``max_pages``…) or is ``None`` when the file is not what its name says."""

    def __init__(self, message: str, kind: str, limit: str | None = None):
        super().__init__(message)
        self.kind, self.limit = kind, limit


@dataclass
class Preflight:
    """What the checks learnt: size in bytes, pages (PDF), the actions it carries (never run)."""

    path: str
    size: int
    pages: int | None = None
    active: list[str] = field(default_factory=list)


_cache: dict[tuple, Preflight] = {}


def check(path: str | Path) -> Preflight:
    """Check ``path`` against the current limits (see the module); raise ``Refused`` or return what was
    learnt. The result of the last file checked is kept, so the batch and ``ingest_pdf`` check it once."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise PdfError(f"no such file: {path}") from None
    lim = current()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, lim)
    if key in _cache:
        return _cache[key]
    info = _check(path, stat.st_size, lim)
    _cache.clear()
    _cache[key] = info
    return info


def _check(path: Path, size: int, lim: Limits) -> Preflight:
    if size == 0:
        raise Refused("an empty file (0 bytes), not a document", "empty")
    if size > lim.max_mb * MB:
        raise Refused(over("a file too large", size / MB, "MB", "max_mb", lim.max_mb), "too_large", "max_mb")
    if path.suffix.lower() != ".pdf":
        return Preflight(str(path), size)
    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise Refused(what_it_is(data), kind_of(data))
    # No %%EOF at all: cut short. One only before the end (a linearized file's first part, or junk a
    # server appended): truncated if a page is then missing (``_open``).
    if b"%%EOF" not in data:
        raise Refused(_truncated(size), "truncated")
    pages = _open(path, data, lim)
    _bomb(_streams(data), lim)
    return Preflight(str(path), size, pages, _active(data))


# -- what a file that is no PDF is --------------------------------------------------------------------------

_SIGNATURES = [
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"\xd0\xcf\x11\xe0", "ole"), (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"), (b"GIF8", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image"),
    (b"Rar!", "archive"), (b"7z\xbc\xaf", "archive"), (b"\x1f\x8b", "archive"),
]  # fmt: skip


def kind_of(data: bytes) -> str:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or (
        low.startswith((b"<", b"<?xml")) and b"<html" in data[:4096].lower()
    ):
        return "html"
    if not data.strip():
        return "empty"
    try:
        data[:4096].decode("utf-8")
        return "text"
    except UnicodeDecodeError:
        return "not_pdf"


def what_it_is(data: bytes) -> str:
    """One sentence naming what a file that does not begin with ``%PDF-`` is."""
    kind = kind_of(data)
    if kind == "html":
        title = re.search(rb"<title[^>]*>(.*?)</title>", data[:65536], re.I | re.S)
        name = ""
        if title:
            for encoding in ("utf-8", "gb18030"):
                with contextlib.suppress(UnicodeDecodeError):
                    name = " ".join(title.group(1).decode(encoding).split())[:80]
                    break
        return (
            "an HTML page, not a PDF"
            + (f" (its title: {name!r})" if name else "")
            + ": a web page saved as .pdf"
        )
    if kind == "zip":
        inner = {
            b"OFD.xml": "an OFD document (China's fixed-layout format)", b"word/": "a Word document (.docx)",
            b"xl/": "an Excel workbook (.xlsx)", b"ppt/": "a PowerPoint file (.pptx)",
        }  # fmt: skip
        named = next((what for marker, what in inner.items() if marker in data[: 1 << 20]), None)
        return "a ZIP archive, not a PDF" + (f": {named}" if named else "")
    if kind == "ole":
        return "an old Microsoft Office file (.doc / .xls), not a PDF"
    if kind == "image":
        return "an image, not a PDF"
    if kind == "archive":
        return "a compressed archive (RAR, 7z or gzip), not a PDF"
    if kind == "empty":
        return "an empty file (only blank characters), not a PDF"
    if kind == "text":
        return "a text file, not a PDF: it does not begin with %PDF-"
    return f"not a PDF: it begins with the bytes {data[:8].hex(' ')}, not %PDF-"


def _truncated(size: int, missing: str = "") -> str:
    return (
        f"a truncated PDF: its {number(size)} bytes end without %%EOF{f' and {missing}' if missing else ''} "
        "(a download not finished, or cut)"
    )


# -- the document: encryption, pages, page tree ------------------------------------------------------------


def _open(path: Path, data: bytes, lim: Limits) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from gzanalysis.ingest.pdf.textlayer import ERRORS

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise Refused(ERRORS[code], "encrypted") from None  # "the PDF is encrypted (password protected)…"
        raise Refused(f"a corrupt PDF: {ERRORS.get(code, str(exc))}", "corrupt") from None
    try:
        n = len(pdf)
        if n == 0:
            raise Refused("a PDF without pages", "no_pages")
        if n > lim.max_pages:
            raise Refused(over("too many pages", n, "pages", "max_pages", lim.max_pages), "too_many_pages", "max_pages")  # fmt: skip
        size = pdfium_c.FS_SIZEF()
        for i in range(n):  # the page's dictionary only: its content is not parsed
            if not pdfium_c.FPDF_GetPageSizeByIndexF(pdf.raw, i, size):
                loop = page_tree_loop(data)
                if loop:
                    raise Refused(
                        f"a page-tree loop: the page tree refers to itself (objects {' → '.join(map(str, loop))}), "
                        f"so page {i + 1} of {n} is nowhere",
                        "page_tree_loop",
                    )
                if b"%%EOF" not in data[-2048:]:
                    raise Refused(_truncated(len(data), f"page {i + 1} of {n} is missing"), "truncated")
                raise Refused(f"a corrupt page tree: page {i + 1} of {n} cannot be found", "page_tree")
        return n
    finally:
        pdf.close()


_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b(.{0,4096}?)(?:\bendobj\b|\bstream\r?\n)", re.S)
_REF = re.compile(rb"(\d+)\s+\d+\s+R\b")


def _objects(data: bytes) -> dict[int, bytes]:
    """The dictionaries of the file's objects (the last definition of a number wins), and of the objects
    inside its object streams."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    for head, body in _object_streams(data):
        if body:
            n = re.search(rb"/N\s+(\d+)", head)
            first = re.search(rb"/First\s+(\d+)", head)
            if not (n and first):
                continue
            numbers = body[: int(first.group(1))].split()
            pairs = [(int(numbers[k]), int(numbers[k + 1])) for k in range(0, len(numbers) - 1, 2)]
            offsets = [int(first.group(1)) + off for _, off in pairs] + [len(body)]
            for (num, _), start, end in zip(pairs, offsets, offsets[1:], strict=False):
                objects[num] = body[start:end]
    return objects


def page_tree_loop(data: bytes) -> list[int] | None:
    """The first cycle among the page tree's nodes (``/Type /Pages`` objects and their ``/Kids``), as the
    object numbers around it (``[3, 2, 3]``), or ``None``."""
    objects = _objects(data)
    kids = {}
    for num, body in objects.items():
        if re.search(rb"/Type\s*/Pages\b", body) and (k := re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)):
            kids[num] = [int(r) for r in _REF.findall(k.group(1))]
    state: dict[int, int] = {}  # 1: on the path, 2: done

    def visit(node: int, path: list[int]) -> list[int] | None:
        state[node] = 1
        for kid in kids.get(node, []):
            if state.get(kid) == 1:
                return [*path[path.index(kid) :], kid]
            if kid in kids and kid not in state and (found := visit(kid, [*path, kid])):
                return found
        state[node] = 2
        return None

    for root in kids:
        if root not in state and (found := visit(root, [root])):
            return found
    return None


# -- the streams ---------------------------------------------------------------------------------------------

_STREAM = re.compile(rb"\bstream(?:\r\n|\n|\r)")
_HEADER = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_FLATE = re.compile(rb"/Filter\s*(?:\[\s*)?/Fl(?:ateDecode)?\b")
CHUNK = 1 << 20


def _streams(data: bytes):
    """(object number, dictionary, raw bytes) of every Flate stream of the file."""
    for m in _STREAM.finditer(data):
        before = data[max(0, m.start() - 4096) : m.start()]
        header = None
        for header in _HEADER.finditer(before):  # noqa: B007 - the last object header before the keyword
            pass
        head = before[header.end() :] if header else before
        if header and _FLATE.search(head):
            end = data.find(b"endstream", m.end())
            yield int(header.group(1)), head, data[m.end() : end if end >= 0 else len(data)]


def _object_streams(data: bytes):
    """(dictionary, inflated bytes) of every object stream (``/Type /ObjStm``), at most 16 MB each."""
    for _num, head, raw in _streams(data):
        if b"/ObjStm" in head:
            with contextlib.suppress(zlib.error):
                yield head, zlib.decompressobj().decompress(raw, 1 << 24)


def inflated_size(raw: bytes, cap: int) -> int:
    """How many bytes a Flate stream inflates to, counted chunk by chunk (nothing kept), stopping past
    ``cap``; a corrupt stream counts what inflated before the error."""
    d, total = zlib.decompressobj(), 0
    try:
        total += len(d.decompress(raw, CHUNK))
        while d.unconsumed_tail and total <= cap:
            total += len(d.decompress(d.unconsumed_tail, CHUNK))
        if total <= cap:
            total += len(d.flush())
    except zlib.error:
        pass
    return total


def _bomb(streams, lim: Limits) -> None:
    cap = lim.max_memory * MB
    for num, _head, raw in streams:
        if len(raw) * 1030 < cap:  # deflate inflates at most ~1032:1: this one cannot reach the cap
            continue
        if (n := inflated_size(raw, cap)) > cap:
            raise Refused(
                f"a deflate bomb, a stream over the limit: object {num}'s stream of {number(len(raw) / MB)} MB "
                f"inflates to more than {number(n / MB)} MB > --max-memory {number(lim.max_memory)} MB",
                "stream_over_limit",
                "max_memory",
            )


_ACTIVE = [
    (rb"/JavaScript\b|/JS\b", "JavaScript"), (rb"/Launch\b", "a launch action"),
    (rb"/OpenAction\b", "an open action"), (rb"/AA\b", "additional actions"), (rb"/URI\b", "links (URI)"),
    (rb"/SubmitForm\b", "a form submission"), (rb"/GoToR\b|/GoToE\b", "links to other files"),
    (rb"/EmbeddedFiles?\b", "embedded files"), (rb"/RichMedia\b", "rich media"), (rb"/XFA\b", "an XFA form"),
]  # fmt: skip


def _active(data: bytes) -> list[str]:
    """The actions and links a PDF carries (in its objects or its object streams): listed, never run."""
    texts = [data, *(body for _head, body in _object_streams(data))] if b"/ObjStm" in data else [data]
    return [name for pattern, name in _ACTIVE if any(re.search(pattern, t) for t in texts)]
