"""Reading numbers out of OCR'd disclosure text.

The OCR of a published PDF puts spaces inside numbers (``13, 347. 47``) and sometimes misreads a decimal
point as a comma (``1, 733, 87``). ``numbers_in`` reads what is unambiguous and nothing else: a misread
value stays unreadable, to be resolved only by a documented erratum.
"""

from __future__ import annotations

import re

# "13, 347. 47" → "13,347.47": OCR spaces after a thousands comma or around a decimal point.
_SPACED_THOUSANDS = re.compile(r"(\d),\s+(\d{3})(?!\d)")
_SPACED_POINT = re.compile(r"(\d)\s*\.\s+(\d)|(\d)\s+\.\s*(\d)")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

_TARGET = re.compile(r"^\s*(=|≥|≤)\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$")


def normalise_spacing(text: str) -> str:
    """Close the spaces OCR puts inside numbers: ``"13, 347. 47"`` → ``"13,347.47"``."""
    text = _SPACED_THOUSANDS.sub(r"\1,\2", text)
    return _SPACED_POINT.sub(lambda m: f"{m.group(1) or m.group(3)}.{m.group(2) or m.group(4)}", text)


def numbers_in(text: str) -> list[float]:
    """Every number that can be read from ``text`` without guessing.

    >>> numbers_in("合计\\t23, 255. 42\\t9, 207. 96")
    [23255.42, 9207.96]
    >>> numbers_in("1, 733, 87")  # ambiguous: a comma where the decimal point belongs
    [1733.0, 87.0]
    """
    return [float(tok.replace(",", "")) for tok in _NUMBER.findall(normalise_spacing(text))]


def parse_target(value_text: str | None) -> tuple[str | None, float | None, str | None]:
    """Split a performance target into operator, number and unit.

    >>> parse_target("≥95%")
    ('≥', 95.0, '%')
    >>> parse_target("=1工作日")
    ('=', 1.0, '工作日')
    >>> parse_target("提高.")
    (None, None, None)
    """
    if not value_text:
        return None, None, None
    m = _TARGET.match(value_text)
    if not m:
        return None, None, None
    return m.group(1), float(m.group(2)), (m.group(3) or None)
