"""gzanalysis installs as a package, not only from a checkout: build the sdist and wheel, install the wheel
(built from the sdist, as pip does) into a fresh venv, and use it there as a new user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def run(*cmd, cwd=None, env=None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT))
    (whl,) = dist.glob("*.whl")
    assert len(list(dist.glob("*.tar.gz"))) == 1
    return whl


def test_the_wheel_holds_each_file_once(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert len(names) == len(set(names))
    assert "gzanalysis/data/classifications/economic.csv" in names
    assert "gzanalysis/data/ganzhou-xzspj-2023/datapackage.json" in names
    assert "gzanalysis/package/layout.toml" in names
    assert "gzanalysis/publish/templates/page.html.j2" in names
    assert "gzanalysis/notebooks/01_spending_composition.ipynb" in names
    assert "gzanalysis/notebooks/zh/01_spending_composition.ipynb" in names
    assert not [n for n in names if n.startswith("gzanalysis/notebooks/") and n.endswith(".py")]
    # The live app's pages and its Voilà template (make app).
    assert "gzanalysis/publish/app_pages/composition.ipynb" in names
    assert "gzanalysis/publish/app_share/voila/templates/gzanalysis/index.html.j2" in names

    assert "gzanalysis/notebooks/jupytext.toml" not in names  # the sources' config, not shipped


def test_a_fresh_venv_with_the_wheel_loads_audits_and_builds_the_report(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    bin_ = venv / "bin"
    run(str(bin_ / "python"), "-m", "pip", "install", "--quiet", f"{wheel}[report]")
    work = tmp_path / "work"  # anywhere but the checkout: nothing may come from it
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GZANALYSIS_DISCLOSURE")}
    out = run(
        str(bin_ / "python"),
        "-c",
        "import gzanalysis as gz; print(gz.__file__); print(gz.load().meta['unit'])",
        cwd=work,
        env=env,
    )
    assert str(venv) in out.splitlines()[0] and out.splitlines()[1] == "赣州市行政审批局"
    assert "material" in run(str(bin_ / "gzanalysis"), "audit", cwd=work, env=env)
    out = run(str(bin_ / "gzanalysis"), "notebooks", "nbs", cwd=work, env=env)
    from gzanalysis.publish.notebooks import notebook_paths

    assert f"copied {len(notebook_paths()) + len(notebook_paths(lang='zh'))} notebooks" in out
    assert (work / "nbs" / "00_start_here.ipynb").exists() and (
        work / "nbs" / "zh" / "00_start_here.ipynb"
    ).exists()
    # The report's widget JavaScript comes from npm (the Makefile unpacks it); lend it the checkout's copy.
    js = Path(sys.prefix) / "share" / "gzanalysis" / "js"
    if not js.exists():
        pytest.skip("the npm packages of the report are not unpacked (run make test)")
    shutil.copytree(js, venv / "share" / "gzanalysis" / "js")
    run(str(bin_ / "gzanalysis"), "report", "--out", "site", "nbs/00_start_here.ipynb", cwd=work, env=env)
    page = (work / "site" / "00_start_here.html").read_text(encoding="utf-8")
    assert "赣州市行政审批局" in page and (work / "site" / "index.html").exists()
