"""Classification codes: level and parent follow from the code itself.

支出功能分类 codes have 3 digits (类), 5 (款) or 7 (项); 支出经济分类 codes 3 (类) or 5 (款).
"""

from __future__ import annotations

LEVELS = {3: "类", 5: "款", 7: "项"}


def level(code: str) -> str:
    """The level of a full code: ``level("20103") == "款"``."""
    try:
        return LEVELS[len(code)]
    except KeyError:
        raise ValueError(f"not a classification code: {code!r} (expected 3, 5 or 7 digits)") from None


def parent(code: str) -> str | None:
    """The parent of a full code, ``None`` for a 类: ``parent("2010301") == "20103"``."""
    level(code)
    return code[:-2] if len(code) > 3 else None


def ancestors(code: str) -> list[str]:
    """The code and every code above it, top first: ``["201", "20103", "2010301"]``."""
    chain = [code]
    while (p := parent(chain[0])) is not None:
        chain.insert(0, p)
    return chain
