"""Hostile files for the batch's tests and benchmark, built on the spot (nothing of them is committed).

``write_hostile(folder)`` writes, each named ``.pdf``: an HTML page, an empty file, a ZIP (a Word document),
a PDF truncated half-way, a many-page PDF (pypdfium2), a deflate bomb (one content stream of 1.5 GB of
zeros, 1.5 MB compressed), a page tree that refers to itself, and a PDF with an /OpenAction JavaScript, a
launch action and a link. It returns {file name: the word its refusal must hold}.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

BOMB_MB = 1536  # the deflate bomb's inflated size


def pdf_bytes(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (object 1, 2, … in order) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_page_pdf(text: bytes = b"Hello", catalog_extra: bytes = b"", page_extra: bytes = b"") -> bytes:
    """One page that prints ``text`` in Helvetica; the catalog and the page take extra entries."""
    content = b"BT /F1 24 Tf 72 700 Td (" + text + b") Tj ET"
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def deflate_bomb(megabytes: int = BOMB_MB) -> bytes:
    """A zlib stream of ``megabytes`` MB of zeros, built from one compressed MB repeated (about 1 KB each)."""
    chunk = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.flush(zlib.Z_FINISH)
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + first + block * (megabytes - 1) + tail + adler.to_bytes(4, "big")


def bomb_pdf(megabytes: int = BOMB_MB) -> bytes:
    data = deflate_bomb(megabytes)
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(data, b"/Filter /FlateDecode "),
        ]
    )


def split_bomb_pdf(parts: int = 3, megabytes: int = 500) -> bytes:
    """A page whose content is several streams, each under the cheap check's limit, together over it."""
    first = 4
    refs = b" ".join(b"%d 0 R" % (first + k) for k in range(parts))
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + refs + b"] >>",
            *[stream(deflate_bomb(megabytes), b"/Filter /FlateDecode ") for _ in range(parts)],
        ]
    )


def page_loop_pdf() -> bytes:
    """The root /Pages node's only kid is a /Pages node whose only kid is the root."""
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>",
        ]
    )


def active_pdf() -> bytes:
    """A PDF that asks to run JavaScript when opened, to launch a program and to fetch a URL."""
    js = b"<< /S /JavaScript /JS (app.launchURL\\('http://127.0.0.1:9/x'\\); this.submitForm\\('http://127.0.0.1:9/'\\);) >>"
    launch = b"/AA << /O << /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) >> >> >>"
    link = b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 600 800] /A << /S /URI /URI (http://127.0.0.1:9/) >> >>]"
    return text_page_pdf(b"Active", b"/OpenAction " + js + b" ", launch + b" " + link + b" ")


def many_pages_pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842).close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>404 页面不存在</title></head>
<body><h1>404</h1><p>您访问的页面不存在</p><script src="http://127.0.0.1:9/x.js"></script></body></html>
"""

# file name → a word its recorded reason must hold
REASONS = {
    "html-page.pdf": "an HTML page",
    "empty.pdf": "an empty file",
    "archive.pdf": "a ZIP archive",
    "truncated.pdf": "truncated",
    "yearbook.pdf": "too many pages: 2,000 pages > --max-pages 1,500",
    "bomb.pdf": "a deflate bomb",
    "page-loop.pdf": "a page-tree loop",
}


def write_hostile(folder: Path, good: Path | None = None) -> dict[str, str]:
    """Write the hostile files into ``folder``; ``good`` (a real PDF) is cut in half for the truncated file
    (else a 40-page PDF is). Returns ``REASONS``; ``active.pdf`` (read as text) is not among them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "html-page.pdf").write_text(HTML, encoding="utf-8")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "archive.pdf").write_bytes(docx_bytes())
    whole = good.read_bytes() if good else many_pages_pdf(40)  # one %%EOF, at its end
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "yearbook.pdf").write_bytes(many_pages_pdf(2000))
    (folder / "bomb.pdf").write_bytes(bomb_pdf())
    (folder / "page-loop.pdf").write_bytes(page_loop_pdf())
    (folder / "active.pdf").write_bytes(active_pdf())
    return dict(REASONS)
