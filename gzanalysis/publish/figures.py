"""``gzanalysis figures``: every chart of the gallery as static images, in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from gzanalysis.package.load import Disclosure
from gzanalysis.views import charts


def write_figures(
    d: Disclosure,
    out: str | Path,
    langs: Sequence[str] = ("zh", "en"),
    formats: Sequence[str] = ("png", "svg"),
) -> Iterator[Path]:
    """Save each gallery chart of ``d`` once per language and format into ``out``; yields each path written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, make in charts.GALLERY.items():
        for lang in langs:
            for fmt in formats:
                yield charts.save(make(d, lang), out / f"{name}_{lang}.{fmt}")
