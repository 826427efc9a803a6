"""The raw text: decoding, lines, cells, and reading one cell or one phrase without guessing."""

from __future__ import annotations

import re
from pathlib import Path

from gzanalysis.ingest.numbers import normalise_spacing

# A CJK character or full-width punctuation: OCR line wrapping leaves spaces between two of them.
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e《》、。“”‘’—…]"
_CJK_SPACE = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")
_CLEAN_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_CODE = re.compile(r"^\d{2,7}$")


class IngestError(ValueError):
    """The text cannot be ingested at all; the message names the line (1-based) where it fails."""

    def __init__(self, message: str, line: int | None = None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode the raw bytes: UTF-8, or GB18030 (a superset of GBK) with a warning; else IngestError."""
    warnings = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise IngestError(f"not UTF-8 (byte {data[exc.start]:#04x}) and not GBK/GB18030", line) from None
        warnings.append(f"line {line}: not UTF-8; the text was decoded as GBK/GB18030")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise IngestError("NUL byte: this is not a text file", line)
    return text, warnings


def read_source(text_or_path: str | Path | bytes) -> tuple[str, list[str], str | None]:
    """Text, decoding warnings and the source path (None for text given directly)."""
    if isinstance(text_or_path, bytes):
        return (*decode(text_or_path), None)
    if isinstance(text_or_path, Path) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file()
    ):
        path = Path(text_or_path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(f"cannot read {path}: {exc.strerror}") from None
        return (*decode(data), str(path))
    return text_or_path, [], None


def squeeze(text: str) -> str:
    """Remove the spaces OCR leaves between two CJK characters; trim."""
    return _CJK_SPACE.sub("", text).strip()


def nospace(text: str) -> str:
    """Remove every whitespace (names and labels)."""
    return "".join(text.split())


def collapse(text: str) -> str:
    return " ".join(text.split())


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def number_token(cell: str) -> str | None:
    """The number in a cell as a plain token (``"13, 347. 47"`` → ``"13347.47"``), or None if the cell
    is not exactly one unambiguous number (``"1, 733, 87"``, ``"6-"``, ``"101.5="``)."""
    s = normalise_spacing(cell.strip())
    if not _CLEAN_NUMBER.match(s):
        return None
    return s.replace(",", "")


def number_tokens(cell: str) -> list[str] | None:
    """Several numbers printed in one cell (``"1,733.87 1,733.87"``), or None if any part is unreadable."""
    parts = normalise_spacing(cell.strip()).split()
    tokens = [number_token(p) for p in parts]
    return None if not tokens or any(t is None for t in tokens) else tokens


def is_code(cell: str) -> bool:
    return bool(_CODE.match(cell.strip()))


def fmt2(value: float) -> str:
    """Amounts of the tables are written with two decimals, as published."""
    return f"{value:.2f}"


def plain(token: str) -> str:
    """A number as the narrative prints it: ``"1,340"`` → ``"1340"``."""
    return token.replace(",", "").replace(" ", "")
