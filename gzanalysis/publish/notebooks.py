"""The curated notebooks: where they are (shipped inside the package) and copying them out for a user."""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path


def notebooks_dir() -> Path:
    """The curated notebooks' folder: ``notebooks/`` of a checkout, shipped as ``gzanalysis/notebooks``."""
    return Path(str(files("gzanalysis").joinpath("notebooks")))


def notebook_paths(folder: Path | None = None) -> list[Path]:
    """The curated notebooks in reading order (numbered ones first, then the teaching pairs)."""
    folder = notebooks_dir() if folder is None else folder
    return sorted(folder.glob("*.ipynb"), key=lambda p: (not p.name[0].isdigit(), p.name))


def copy_notebooks(dest: str | Path, force: bool = False) -> list[Path]:
    """Copy the curated notebooks (``.ipynb``) into ``dest``; an existing notebook is kept unless ``force``."""
    dest = Path(dest).expanduser()
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebook_paths():
        target = dest / path.name
        if target.exists() and not force:
            raise FileExistsError(f"{target} exists: pass --force to overwrite it")
        shutil.copyfile(path, target)
        written.append(target)
    return written
