"""Regenerate notebooks/*.ipynb from their jupytext sources (notebooks/*.py, py:percent).

    .venv/bin/python tools/sync_notebooks.py [NAME ...]     # NAME: 00_start_here, or zh/00_start_here

The Chinese edition sits in notebooks/zh/ under the same names (EDITIONS).

The .py file is what people edit and review. The .ipynb is generated: executed in a fresh kernel, it keeps
only the outputs of cells marked ``# NBVAL_CHECK_OUTPUT`` (small text: the key figures nbval compares),
so its diff stays readable and the figures are checked on every `make test`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHECK = "NBVAL_CHECK_OUTPUT"
EDITIONS = {"en": NOTEBOOKS, "zh": NOTEBOOKS / "zh"}  # the English edition, and its Chinese twins
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def generate(source: Path) -> nbformat.NotebookNode:
    nb = jupytext.read(source)
    nb.metadata = {"kernelspec": KERNEL, "jupytext": {"formats": "ipynb,py:percent"}}
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}
    ).execute()
    for cell in nb.cells:
        cell.metadata = {}
        if cell.cell_type != "code":
            continue
        if CHECK not in cell.source:
            cell.outputs = []
            cell.execution_count = None  # nbval treats a cell with outputs and no count as unrun
    return nb


def main(names: list[str]) -> int:
    every = [p for folder in EDITIONS.values() for p in sorted(folder.glob("*.py"))]
    sources = [NOTEBOOKS / f"{n.removesuffix('.py')}.py" for n in names] if names else every
    for source in sources:
        nb = generate(source)
        target = source.with_suffix(".ipynb")
        nbformat.write(nb, target)
        print(
            f"{target.relative_to(NOTEBOOKS)}: {sum(bool(c.get('outputs')) for c in nb.cells)} checked outputs"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
