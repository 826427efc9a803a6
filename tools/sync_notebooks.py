"""Write both editions of each curated notebook from its one source (notebooks/src/NAME.py, py:percent).

    .venv/bin/python tools/sync_notebooks.py [NAME | any/NAME | notebooks/src/NAME.py ...]   # 00_start_here
    .venv/bin/python tools/sync_notebooks.py --metadata-only [NAME ...]   # metadata only, no execution

One source, two editions (EDITIONS): the English ``notebooks/NAME.ipynb`` and the Chinese
``notebooks/zh/NAME.ipynb``. In the source:

- the code cells stand once; the first code cell is the parameters cell (tag ``parameters``, papermill's)
  ``LANG = "en"``, and every cell that labels a table or a chart passes ``lang=LANG``. An edition gets its
  own ``LANG = "zh"`` there and nothing else changes in the code;
- the markdown cells come in pairs: the English one, tagged ``lang-en``, then its Chinese rendering, tagged
  ``lang-zh``. An edition keeps its language's cells, without the language tag (``edition``).

The .ipynb are generated: executed in a fresh kernel, they keep only the outputs of the key-figure cells
(small text that nbval compares on every `make test`), so their diff stays readable. A key-figure cell carries
the tag ``nbval-check-output`` (py:percent header ``# %% tags=["nbval-check-output"]``), which nbval honours
and readers do not see; the older comment ``# NBVAL_CHECK_OUTPUT`` in the cell is accepted too.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from gzanalysis.publish.execute import KERNEL_STARTUP, kernel_manager

# the project's one definition of a key-figure cell (the report drops failing ones on other disclosures)
from gzanalysis.publish.notebooks import CHECK_COMMENT, CHECK_TAG  # noqa: F401  (used by the tests too)
from gzanalysis.publish.notebooks import is_check_cell as is_checked

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SOURCES = NOTEBOOKS / "src"  # the one source of each notebook, both languages
EDITIONS = {"en": NOTEBOOKS, "zh": NOTEBOOKS / "zh"}  # language → folder of its edition
# The report of any other document (notebooks/src/any/NAME.py → notebooks/any/NAME.ipynb, notebooks/any/zh/):
# its prose is computed from the disclosure (gz.prose), where the case study's is written for the seed.
ANY = "any"
PARAMETERS = "parameters"  # papermill's tag of the cell that sets LANG
PARAMETER = re.compile(r"^LANG\s*=.*$", flags=re.M)
# The kernelspec as JupyterLab writes it when it starts the kernel (ipykernel's display name): an edition
# that said "Python 3" was marked modified the moment it was opened, before anything ran.
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
HIDDEN = "remove-cell"  # the report leaves such a cell out; in JupyterLab it is folded (source and output)
COLLAPSED = {"source_hidden": True, "outputs_hidden": True}


def cell_metadata(cell) -> dict:
    """What an edition keeps of a cell's metadata: its tags, and for a hidden key-figure cell (a check the
    reader sees as a table or chart) JupyterLab's folding, so Lab does not show it as raw printed text."""
    tags = cell.metadata.get("tags", [])
    metadata = {"tags": tags} if tags else {}
    if is_checked(cell) and HIDDEN in tags:
        # "collapsed" is the classic notebook's flag for hidden outputs: Lab writes it beside its own
        metadata.update(collapsed=True, jupyter=dict(COLLAPSED))
    return metadata


def lang_tag(lang: str) -> str:
    """The tag of a markdown cell written in ``lang``: ``lang-en``, ``lang-zh``."""
    return f"lang-{lang}"


def cell_lang(cell) -> str | None:
    """The language a cell is tagged with, or None (code, and cells that every edition shows)."""
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t in {lang_tag(x) for x in EDITIONS}]
    return tags[0].removeprefix("lang-") if tags else None


def unpaired(nb) -> list[str]:
    """What breaks the pairing of a source's markdown, one line each (empty when every cell is paired): each
    markdown cell is tagged with one language, each English cell is followed by its Chinese rendering, and
    the two carry the same other tags."""
    problems = []
    cells = nb.cells
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        lang, start = cell_lang(cell), cell.source.strip().split("\n")[0][:60]
        others = sorted(set(cell.metadata.get("tags", [])) - {lang_tag(x) for x in EDITIONS})
        if lang is None:
            problems.append(f"cell {i} ({start!r}) has no language tag (lang-en or lang-zh)")
        elif lang == "en":
            pair = cells[i + 1] if i + 1 < len(cells) else None
            if pair is None or pair.cell_type != "markdown" or cell_lang(pair) != "zh":
                problems.append(f"cell {i} ({start!r}) has no Chinese pair right after it")
            elif sorted(set(pair.metadata.get("tags", [])) - {lang_tag("zh")}) != others:
                problems.append(f"cell {i} ({start!r}) and its pair carry different tags")
        elif i == 0 or cell_lang(cells[i - 1]) != "en" or cells[i - 1].cell_type != "markdown":
            problems.append(f"cell {i} ({start!r}) is Chinese without the English it renders before it")
    return problems


def edition(source: Path, lang: str) -> nbformat.NotebookNode:
    """The ``lang`` edition of a source, not executed: its language's markdown, every code cell, ``LANG``
    set to ``lang`` in the parameters cell, and only the cells' tags kept (the report and nbval read them).
    A source whose markdown is not in pairs (``unpaired``) raises ValueError."""
    nb = jupytext.read(source)
    problems = unpaired(nb)
    if problems:
        raise ValueError(f"{source}: markdown not in English/Chinese pairs: " + "; ".join(problems))
    cells = []
    for cell in nb.cells:
        if cell_lang(cell) not in (None, lang):
            continue
        tags = [t for t in cell.metadata.get("tags", []) if t != lang_tag(lang)]
        if cell.cell_type == "code" and PARAMETERS in tags:
            cell.source = PARAMETER.sub(f'LANG = "{lang}"', cell.source)
        cell.metadata = {"tags": tags}
        cell.metadata = cell_metadata(cell)
        cells.append(cell)
    seen: dict[str, int] = {}
    for cell in cells:  # ids from the content, not random: a sync that changes nothing changes no line
        digest = hashlib.sha1(f"{lang}\0{cell.cell_type}\0{cell.source}".encode()).hexdigest()[:8]
        seen[digest] = seen.get(digest, -1) + 1
        cell.id = digest if not seen[digest] else f"{digest}-{seen[digest]}"
    nb.cells = cells
    nb.metadata = {"kernelspec": KERNEL}
    return nb


def target(source: Path, lang: str) -> Path:
    """Where the ``lang`` edition of a source goes: ``notebooks/NAME.ipynb``, ``notebooks/zh/NAME.ipynb``
    (a source of ``src/any/``: ``notebooks/any/NAME.ipynb``, ``notebooks/any/zh/NAME.ipynb``)."""
    if source.parent.name == ANY:
        return NOTEBOOKS / ANY / EDITIONS[lang].relative_to(NOTEBOOKS) / f"{source.stem}.ipynb"
    return EDITIONS[lang] / f"{source.stem}.ipynb"


def generate(source: Path, lang: str = "en", folder: Path | None = None) -> nbformat.NotebookNode:
    """The ``lang`` edition of ``source``, executed in a fresh kernel from ``folder`` (the source's own by
    default), with outputs kept only in key-figure cells."""
    nb = edition(source, lang)
    path = folder or source.parent
    km = kernel_manager()  # the report's: IPC sockets of its own, no TCP port to race for with other kernels
    try:
        NotebookClient(
            nb,
            km=km,
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": str(path)}},
            extra_arguments=[f"--IPKernelApp.exec_lines={KERNEL_STARTUP}"],
        ).execute(cleanup_kc=True)
    finally:
        shutil.rmtree(Path(km.ip).parent, ignore_errors=True)
    for cell in nb.cells:
        # only the tags (and Lab's folding) survive, not the kernel's timings: the report honours
        # remove-cell / hide-input …, nbval nbval-check-output
        cell.metadata = cell_metadata(cell)
        if cell.cell_type != "code":
            continue
        if not is_checked(cell):
            cell.outputs = []
            cell.execution_count = None  # nbval treats a cell with outputs and no count as unrun
    return nb


def restamp(path: Path) -> None:
    """Rewrite an edition's kernelspec and cells' metadata as ``generate`` writes them, keeping its outputs
    (no kernel): for a change of what the editions keep, without executing every notebook again."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = KERNEL
    for cell in nb.cells:
        cell.metadata = cell_metadata(cell)
    nbformat.write(nb, path)


def main(names: list[str]) -> int:
    metadata_only = "--metadata-only" in names
    names = [n for n in names if n != "--metadata-only"]
    every = sorted(SOURCES.glob("*.py")) + sorted((SOURCES / ANY).glob("*.py"))
    # NAME, any/NAME (the report of another document's) or a path to the source
    sources = [Path(n) if n.endswith(".py") else SOURCES / f"{n}.py" for n in names] if names else every
    for source in sources:
        for lang in EDITIONS:
            path = target(source, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            if metadata_only:
                restamp(path)
                print(f"{path.relative_to(NOTEBOOKS)}: metadata rewritten")
                continue
            nb = generate(source, lang, folder=path.parent)
            nbformat.write(nb, path)
            checked = sum(bool(c.get("outputs")) for c in nb.cells)
            print(f"{path.relative_to(NOTEBOOKS)}: {checked} checked outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
