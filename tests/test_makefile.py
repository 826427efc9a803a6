"""The Makefile's user-facing targets: `make lab` as root, the project's Lab settings, npm missing."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def _fake_id(tmp_path, uid: int) -> dict:
    """An environment whose `id -u` answers ``uid``."""
    bin_dir = tmp_path / f"uid{uid}"
    bin_dir.mkdir()
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (bin_dir / "id").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.parametrize(("uid", "allowed"), [(0, True), (1000, False)])
def test_make_lab_passes_allow_root_only_as_root(tmp_path, uid, allowed):
    out = subprocess.run(
        [MAKE, "-n", "lab"], cwd=ROOT, env=_fake_id(tmp_path, uid), capture_output=True, text=True, check=True
    ).stdout
    command = next(line for line in out.splitlines() if "jupyter lab notebooks" in line)
    assert ("--allow-root" in command) == allowed, command
    assert "--config=tools/jupyterlab/jupyter_server_config.json" in command


def test_make_lab_installs_settings_without_the_news_prompt(tmp_path):
    out = subprocess.run([MAKE, "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    # the project's overrides (and the display language, tests/test_lab_settings.py) written where Lab reads them
    assert "tools/jupyterlab/settings.py .venv/share/jupyter/lab/settings" in out
    overrides = json.loads((ROOT / "tools" / "jupyterlab" / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    hidden = json.loads(
        (ROOT / "tools" / "jupyterlab" / "jupyter_server_config.json").read_text(encoding="utf-8")
    )
    # one entry per notebook in the file browser: the editions, not their one source (notebooks/src)
    assert {"*.py", "src"} <= set(hidden["ContentsManager"]["hide_globs"])


def _path_without(tmp_path: Path, *names: str) -> str:
    """A PATH holding every program of the usual folders except ``names``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in ("/usr/local/bin", "/usr/bin", "/bin"):
        for program in Path(folder).glob("*"):
            target = bin_dir / program.name
            if program.name not in names and not target.exists():
                target.symlink_to(program)
    return str(bin_dir)


def test_missing_npm_is_explained(tmp_path):
    venv = tmp_path / "venv"
    venv.mkdir()
    (venv / ".installed").touch()  # newer than pyproject.toml: the Python install is not redone
    env = {**os.environ, "PATH": _path_without(tmp_path, "npm", "npx")}
    result = subprocess.run(
        [MAKE, f"VENV={venv}", f"{venv}/share/gzanalysis/js/.installed"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "npm is needed" in result.stderr and "npm registry" in result.stderr, result.stderr
    assert "not found" not in result.stderr and "Error 127" not in result.stderr, result.stderr
