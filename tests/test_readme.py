"""The README's first screen answers a new user's first questions, and its claims about the data hold."""

import re

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FIRST_SCREEN = README[: README.index("## Quick start")]
QUICK_START = README[README.index("## Quick start") : README.index("## The data")]


def test_the_first_screen_says_what_the_commands_need_and_cost():
    assert "make lab" in FIRST_SCREEN and "make report" in FIRST_SCREEN and "make test" in FIRST_SCREEN
    assert "`npm`" in FIRST_SCREEN and "npm registry" in FIRST_SCREEN  # that it is needed, and why
    assert "apt-get" in FIRST_SCREEN and "sudo" in FIRST_SCREEN  # make test installs Debian packages
    assert re.search(r"make report.*?\d+(\.\d+)? s\b", FIRST_SCREEN, flags=re.S)  # how long it takes
    assert "--allow-root" in FIRST_SCREEN


def test_the_quick_start_says_where_it_runs():
    for where in (".venv/bin/python", "source .venv/bin/activate", "make lab"):
        assert where in QUICK_START, where


def test_the_quick_start_shows_what_python_shows(d):
    assert f"d  # {d!r}" in QUICK_START


def test_every_column_of_facts_is_listed(d):
    rows = set(re.findall(r"^\| `(\w+)` \|", README, flags=re.M))
    missing = [c for c in d.facts.columns if c not in rows]
    assert not missing, missing


@pytest.mark.parametrize("developer", ["## How the code is laid out", "## Performance"])
def test_developer_material_comes_after_the_user_sections(developer):
    for user in [
        "## Quick start",
        "## The data",
        "## Analyses",
        "## Notebooks",
        "## The report",
        "## The audit",
    ]:
        assert README.index(user) < README.index(developer), (user, developer)
