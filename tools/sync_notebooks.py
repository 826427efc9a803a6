"""Regenerate notebooks/*.ipynb from their jupytext sources (notebooks/*.py, py:percent).

    .venv/bin/python tools/sync_notebooks.py [NAME ...]

The .py file is what people edit and review. The .ipynb is generated: executed in a fresh kernel, it keeps
only the outputs of cells marked ``# NBVAL_CHECK_OUTPUT`` or tagged ``nbval-check-output`` (small text: the key figures nbval compares),
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
CHECK_TAG = "nbval-check-output"  # the same as a cell tag (the cell can then also be tagged remove-cell)
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def generate(source: Path) -> nbformat.NotebookNode:
    nb = jupytext.read(source)
    nb.metadata = {"kernelspec": KERNEL, "jupytext": {"formats": "ipynb,py:percent"}}
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    ).execute()
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        # only the tags survive: the report honours remove-cell / hide-input …, nbval nbval-check-output
        cell.metadata = {"tags": tags} if tags else {}
        if cell.cell_type != "code":
            continue
        if CHECK not in cell.source and CHECK_TAG not in tags:
            cell.outputs = []
            cell.execution_count = None  # nbval treats a cell with outputs and no count as unrun
    return nb


def main(names: list[str]) -> int:
    sources = [NOTEBOOKS / f"{n}.py" for n in names] if names else sorted(NOTEBOOKS.glob("*.py"))
    for source in sources:
        nb = generate(source)
        target = source.with_suffix(".ipynb")
        nbformat.write(nb, target)
        print(f"{target.name}: {sum(bool(c.get('outputs')) for c in nb.cells)} checked outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
