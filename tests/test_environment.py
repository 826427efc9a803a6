"""environment.yml (conda) and pyproject.toml (pip) name the same packages."""

import re
import tomllib

from .conftest import ROOT


def _names(specs):
    return {re.split(r"[<>=!~ \[]", s.strip(), maxsplit=1)[0].lower() for s in specs}


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _names(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted |= _names(extra)
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    block = text.split("dependencies:", 1)[1]
    conda = {
        line.strip()[2:]
        for line in block.splitlines()
        if line.strip().startswith("- ") and not line.strip().startswith("- -")
    }
    # conda-forge names PyPI's "build" python-build.
    listed = {
        "build" if n == "python-build" else n for n in _names(c for c in conda if c not in ("pip", "pip:"))
    } - {"python"}
    assert listed == wanted, {
        "only in environment.yml": listed - wanted,
        "only in pyproject.toml": wanted - listed,
    }
