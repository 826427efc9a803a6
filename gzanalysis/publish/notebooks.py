"""The curated notebooks: where they are (shipped inside the package) and copying them out for a user.

Two editions under the same names: English in ``notebooks/``, Chinese in ``notebooks/zh/``, both written by
tools/sync_notebooks.py from one source per notebook (``notebooks/src/``, not shipped): the editions are
what users copy, the report executes and nbval checks.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

CHECK_TAG = "nbval-check-output"  # nbval's tag: compare this cell's output (the key figures)
CHECK_COMMENT = (
    "NBVAL_CHECK_OUTPUT"  # nbval's older comment form of the same (tools/check_markers_to_tags.py)
)


def is_check_cell(cell) -> bool:
    """A key-figure cell, whose output nbval compares: tagged ``nbval-check-output``, or marked by the comment."""
    return cell.cell_type == "code" and (
        CHECK_TAG in cell.get("metadata", {}).get("tags", []) or CHECK_COMMENT in cell.source
    )


def notebooks_dir() -> Path:
    """The curated notebooks' folder: ``notebooks/`` of a checkout, shipped as ``gzanalysis/notebooks``."""
    return Path(str(files("gzanalysis").joinpath("notebooks")))


EDITIONS = {"en": ".", "zh": "zh"}  # language → folder of its edition, below the notebooks' folder
# The report of any other document: notebooks whose every sentence is computed from the disclosure (gz.prose).
# The curated ones are a case study of the seed, whose hand-written prose is true of the seed only.
ANY = "any"


def notebook_paths(folder: Path | None = None, lang: str = "en", any_document: bool = False) -> list[Path]:
    """The curated notebooks of one edition in reading order (numbered ones first, then the teaching pairs);
    ``any_document``: those of the report of another document than the seed (``notebooks/any/``)."""
    folder = (notebooks_dir() if folder is None else folder) / (ANY if any_document else ".") / EDITIONS[lang]
    return sorted(folder.glob("*.ipynb"), key=lambda p: (not p.name[0].isdigit(), p.name))


def copy_notebooks(dest: str | Path, force: bool = False) -> list[Path]:
    """Copy the curated notebooks (``.ipynb``, both editions: the Chinese one into ``dest/zh``) into ``dest``;
    an existing notebook is kept unless ``force``."""
    dest = Path(dest).expanduser()
    pairs = [
        (path, dest / sub / path.name) for lang, sub in EDITIONS.items() for path in notebook_paths(lang=lang)
    ]
    for _, target in pairs:
        if target.exists() and not force:
            raise FileExistsError(f"{target} exists: pass --force to overwrite it")
    for path, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return [target for _, target in pairs]
