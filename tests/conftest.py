from pathlib import Path

import pytest

import gzanalysis as gz

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "data" / gz.DEFAULT_ID


@pytest.fixture(scope="session")
def d():
    """The seed disclosure, loaded once per test session (tests must not modify it)."""
    return gz.load()


@pytest.fixture(scope="session")
def raw_lines():
    return (ROOT / "data" / "raw" / f"{gz.DEFAULT_ID}.txt").read_text(encoding="utf-8").split("\n")
