"""Regenerate notebooks/*.ipynb from their jupytext sources (notebooks/*.py, py:percent).

    .venv/bin/python tools/sync_notebooks.py [NAME | path/to/notebook.py ...]   # NAME: 00_start_here, zh/00_start_here

The Chinese edition sits in notebooks/zh/ under the same names (EDITIONS).

The .py file is what people edit and review. The .ipynb is generated: executed in a fresh kernel, it keeps
only the outputs of the key-figure cells (small text that nbval compares on every `make test`), so its diff
stays readable. A key-figure cell carries the tag ``nbval-check-output`` (py:percent header
``# %% tags=["nbval-check-output"]``), which nbval honours and readers do not see; the older comment
``# NBVAL_CHECK_OUTPUT`` in the cell is accepted too until tools/check_markers_to_tags.py has converted
every source.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

# the project's one definition of a key-figure cell (the report drops failing ones on other disclosures)
from gzanalysis.publish.notebooks import CHECK_COMMENT, CHECK_TAG  # noqa: F401  (used by the tests too)
from gzanalysis.publish.notebooks import is_check_cell as is_checked

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EDITIONS = {"en": NOTEBOOKS, "zh": NOTEBOOKS / "zh"}  # the English edition, and its Chinese twins
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def generate(source: Path) -> nbformat.NotebookNode:
    nb = jupytext.read(source)
    nb.metadata = {"kernelspec": KERNEL, "jupytext": {"formats": "ipynb,py:percent"}}
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}
    ).execute()
    for cell in nb.cells:
        tags = cell.metadata.get("tags")
        # only the tags survive: the report honours remove-cell / hide-input …, nbval nbval-check-output
        cell.metadata = {"tags": tags} if tags else {}
        if cell.cell_type != "code":
            continue
        if not is_checked(cell):
            cell.outputs = []
            cell.execution_count = None  # nbval treats a cell with outputs and no count as unrun
    return nb


def main(names: list[str]) -> int:
    every = [p for folder in EDITIONS.values() for p in sorted(folder.glob("*.py"))]
    sources = [Path(n) if n.endswith(".py") else NOTEBOOKS / f"{n}.py" for n in names] if names else every
    for source in sources:
        nb = generate(source)
        target = source.with_suffix(".ipynb")
        nbformat.write(nb, target)
        print(
            f"{target.relative_to(NOTEBOOKS) if target.is_relative_to(NOTEBOOKS) else target}: {sum(bool(c.get('outputs')) for c in nb.cells)} checked outputs"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
