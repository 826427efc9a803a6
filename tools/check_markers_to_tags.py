"""Turn every ``# NBVAL_CHECK_OUTPUT`` comment of notebooks/src/*.py into the cell tag ``nbval-check-output``.

    .venv/bin/python tools/check_markers_to_tags.py [--check] [FOLDER or FILE.py ...]

A key-figure cell written as

    # %%
    # NBVAL_CHECK_OUTPUT
    print(total)

becomes

    # %% tags=["nbval-check-output"]
    print(total)

Readers no longer see a test marker in the cell; nbval honours the tag as it honoured the comment, and
tools/sync_notebooks.py keeps the outputs of tagged cells. Only the marker lines and their cells' headers
change: the result is read back with jupytext and compared cell by cell before it is written. Run
tools/sync_notebooks.py afterwards to regenerate the .ipynb. ``--check`` writes nothing and exits 1 when a
file still holds a comment marker.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jupytext

from gzanalysis.publish.notebooks import CHECK_COMMENT, CHECK_TAG

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
COMMENT = f"# {CHECK_COMMENT}"
TAG = CHECK_TAG
HEADER = re.compile(r"^# %%(?P<rest>.*)$")
TAGS = re.compile(r"\btags=(?P<list>\[[^\]]*\])")


def _tagged(header: str) -> str:
    """The cell header line with the tag added (to a ``tags=[…]`` already there, or as a new one)."""
    found = TAGS.search(header)
    if not found:
        return f"{header} tags={json.dumps([TAG])}"
    tags = json.loads(found["list"])
    if TAG not in tags:
        tags.append(TAG)
    return header[: found.start("list")] + json.dumps(tags) + header[found.end("list") :]


def convert_text(text: str) -> str:
    """The py:percent text with each marker comment removed and its cell tagged."""
    lines = text.split("\n")
    header = None  # index of the current cell's header line
    out: list[str] = []
    for line in lines:
        if HEADER.match(line):
            header = len(out)
        elif line.strip() == COMMENT:
            if header is None:
                raise ValueError(f"{COMMENT} before the first cell marker (# %%)")
            out[header] = _tagged(out[header])
            continue
        out.append(line)
    return "\n".join(out)


def _cells(text: str) -> list[tuple[str, str, list[str]]]:
    nb = jupytext.reads(text, fmt="py:percent")
    return [(c.cell_type, c.source, list(c.metadata.get("tags", []))) for c in nb.cells]


def _expected(cell: tuple[str, str, list[str]]) -> tuple[str, str, list[str]]:
    """What a cell must become: the marker line gone, the tag added."""
    kind, source, tags = cell
    lines = source.split("\n")
    if kind != "code" or COMMENT not in [line.strip() for line in lines]:
        return cell
    kept = "\n".join(line for line in lines if line.strip() != COMMENT)
    return kind, kept, tags if TAG in tags else [*tags, TAG]


def convert_file(path: Path, write: bool = True) -> int:
    """Convert one source; return how many cells were tagged. Refuses any change beyond the markers."""
    before = path.read_text(encoding="utf-8")
    after = convert_text(before)
    if after == before:
        return 0
    expected = [_expected(c) for c in _cells(before)]
    if _cells(after) != expected:
        raise ValueError(f"{path}: converting the markers would change more than the marked cells")
    if write:
        path.write_text(after, encoding="utf-8")
    return sum(1 for old, new in zip(_cells(before), expected, strict=True) if old != new)


def main(args: list[str]) -> int:
    check = "--check" in args
    targets = [Path(a) for a in args if a != "--check"] or [
        NOTEBOOKS / "src"
    ]  # the one source of both editions
    files = [f for t in targets for f in (sorted(t.glob("*.py")) if t.is_dir() else [t])]
    left = 0
    for path in files:
        count = convert_file(path, write=not check)
        if count:
            left += 1
            print(f"{path.name}: {count} cells {'to tag' if check else 'tagged'}")
    return 1 if check and left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
