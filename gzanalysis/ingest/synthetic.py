"""Synthetic disclosures for tests and benchmarks, generated from the seed text: clearly not real.

``synthesize`` renames the unit and scales every two-decimal amount by ``factor`` — in the text and in
its errata alike, so that each erratum still finds its printed text. Never write these under ``data/``.
"""

from __future__ import annotations

import re

SEED_UNIT = "赣州市行政审批局"
SEED_UNIT_CODE = "118001"
# A money amount as OCR prints it: two decimals, maybe thousands commas, maybe spaces after them.
_AMOUNT = re.compile(r"(?<![\d.])\d{1,3}(?:, ?\d{3})+\. ?\d{2}(?![\d%])|(?<![\d.])\d+\. ?\d{2}(?![\d%])")


def scale_amounts(text: str, factor: float, thousands: bool = True) -> str:
    def repl(m: re.Match) -> str:
        value = float(re.sub(r"[,\s]", "", m.group(0))) * factor
        return f"{value:,.2f}" if thousands and "," in m.group(0) else f"{value:.2f}"

    return _AMOUNT.sub(repl, text)


def synthesize(seed_text: str, seed_errata: str, index: int = 1, factor: float = 2.0) -> tuple[str, str]:
    """A synthetic disclosure (text, errata CSV text): unit 合成测试单位<index>, amounts × factor."""
    unit = f"合成测试单位{index}"
    code = f"9{index:05d}"[-6:]

    def transform(text: str) -> str:
        return scale_amounts(text.replace(SEED_UNIT, unit).replace(SEED_UNIT_CODE, code), factor)

    return transform(seed_text), transform(seed_errata)
