"""Where the national code lists are: ``data/classifications/`` (shipped as ``gzanalysis/data``).

``national_lists()`` is looked up at call time (``classifications.national_lists()``), so that a test can
point it at a copy lacking a code and see the ingest learn that code from the document.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def national_lists() -> Path:
    """The folder of the national code lists (functional.csv, economic.csv)."""
    return Path(str(files("gzanalysis").joinpath("data"))) / "classifications"
