"""Executed notebooks kept between report builds, so a rebuild re-executes only what changed.

A notebook's entry is keyed on three things: the notebook file itself (its bytes: the edition that runs,
which tools/sync_notebooks.py writes from the notebook's one source, so an edit of the source reaches the
key of each edition it changes), the data package the notebooks read (every file of the package folder
and its raw text), and the code a kernel runs (the gzanalysis version, the hash of its modules outside
``publish/`` and the versions of the libraries that draw the outputs). Editing one notebook misses its own
entries only; changing the data or the code misses all.

Why not jupyter-cache: its key is the code cells and kernelspec of a notebook only (not the data it reads
nor the code it calls), it executes with its own executor (ours keeps widget state and runs kernels on
private IPC sockets), and it brings SQLAlchemy and a SQLite database to remember a dozen files. Here an
entry is one ``.ipynb`` named ``<notebook>-<key>.ipynb``; replacing it drops the stale one.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from functools import cache, cached_property
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from gzanalysis.publish.languages import lang_of, page_name

DEFAULT_DIR = Path(".cache") / "report"  # relative to where the build runs; .cache/ is git-ignored
FORMAT = "1"  # bump when what an entry holds changes (the executor's post-processing, say)
# Libraries whose version changes what an executed notebook shows.
LIBRARIES = ("pandas", "altair", "ipywidgets", "vl-convert-python", "nbclient", "nbformat", "ipykernel")


def _name(path) -> str:
    """A notebook's name in the cache: its stem, ``.zh`` added for the Chinese twin (same stem, other folder)."""
    return page_name(Path(path).stem, lang_of(path)).removesuffix(".html")


def _hash_files(paths, root: Path, digest) -> None:
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


def data_key(d) -> str:
    """Hash of a loaded disclosure's package folder (every file, descriptor included) and its raw text."""
    folder = d.path.parent
    digest = hashlib.sha256()
    _hash_files((p for p in folder.rglob("*") if p.is_file()), folder, digest)
    try:
        digest.update("\n".join(d.raw_lines).encode())
    except FileNotFoundError:
        digest.update(b"no raw text")
    return digest.hexdigest()


def _tree(root: Path, suffixes: tuple[str, ...], skip: tuple[str, ...] = ()) -> list[Path]:
    """The files of ``root`` ending in ``suffixes``, but for the top-level folders ``skip`` and caches."""
    found = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = [n for n in dirs if n != "__pycache__" and not (here == root and n in skip)]
        found += [here / n for n in names if n.endswith(suffixes)]
    return found


def _versions(*names: str) -> str:
    found = []
    for name in names:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=none")
    return " ".join(found)


def code_key(package: Path | None = None) -> str:
    """Hash of what a notebook's kernel runs: gzanalysis (its version and modules), Python, the libraries.

    ``publish/`` is left out: it builds the site around the notebooks and never runs inside them, so a
    change to the report's templates re-renders pages without re-executing them.
    """
    package = package or Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {_versions('gzanalysis', *LIBRARIES)}".encode())
    # data/ and notebooks/ are symlinks to the checkout's folders (the data is keyed on its own).
    _hash_files(_tree(package, (".py", ".toml"), skip=("publish", "data", "notebooks")), package, digest)
    return digest.hexdigest()


@cache
def render_key(source: str) -> str:
    """Hash of what turns an executed notebook into a page: publish/ (code, templates, CSS) and nbconvert."""
    publish = Path(__file__).parent
    digest = hashlib.sha256(f"{FORMAT} {source} {_versions('nbconvert', 'jupyterlab-pygments')}".encode())
    _hash_files(_tree(publish, (".py", ".j2", ".css", ".html", ".tpl", ".json")), publish, digest)
    return digest.hexdigest()


class Node(dict):
    """A dict with attribute access, as nbformat's ``NotebookNode`` (``nbformat.from_dict`` converts it)."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError as err:
            raise AttributeError(name) from err


def read_notebook(path: Path) -> Node:
    """A notebook this cache wrote (so already validated), read as ``nbformat.reads`` would read it, but
    without importing nbformat: its JSON-schema validators take a second to import, half a cached rebuild."""
    return parse_notebook(path.read_text(encoding="utf-8"))


def parse_notebook(text: str) -> Node:
    """A notebook written by ``nbformat.writes`` (so validated), read without validating it again."""

    def join(value):
        return "".join(value) if isinstance(value, list) else value

    nb = json.loads(text, object_hook=Node)
    for cell in nb.cells:  # nbformat's rejoin_lines: sources, stream texts and non-JSON output data
        cell["source"] = join(cell.source)
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = join(output.text)
            for mime, value in output.get("data", {}).items():
                if not mime.endswith("json"):
                    output.data[mime] = join(value)
    return nb


def notebook_node(nb):
    """nbformat's ``NotebookNode`` of a notebook read here (what nbconvert expects)."""
    import nbformat

    return nbformat.from_dict(nb)


class NotebookCache:
    """Executed notebooks in ``folder``, valid for one data package and one version of the code."""

    def __init__(self, folder: Path | str, d):
        self.folder = Path(folder)
        self.d = d

    @cached_property
    def code(self) -> str:
        return code_key()

    @cached_property
    def environment(self) -> str:
        return hashlib.sha256(f"{data_key(self.d)} {self.code}".encode()).hexdigest()

    def key(self, path: Path) -> str:
        return hashlib.sha256(self.environment.encode() + Path(path).read_bytes()).hexdigest()[:20]

    def _entry(self, path: Path) -> Path:
        return self.folder / f"{_name(path)}-{self.key(path)}.ipynb"

    def get(self, path: Path):
        """The executed notebook stored for this exact source, data and code, or None."""
        entry = self._entry(path)
        return read_notebook(entry) if entry.is_file() else None

    def put(self, path: Path, nb) -> None:
        """Store an executed notebook, replacing the entries of its earlier versions."""
        import nbformat

        self.put_text(path, nbformat.writes(nb))

    def put_text(self, path: Path, text: str) -> None:
        """Store an executed notebook already written as text by ``nbformat.writes`` (so validated)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        entry = self._entry(path)
        self._drop(path, "*")  # earlier executions and their pages
        tmp = entry.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(entry)  # a build stopped halfway leaves no half-written entry behind

    def page_key(self, path: Path, source: str) -> str:
        """What a notebook's page is rendered from: the executed notebook's key and the renderer's."""
        return hashlib.sha256(f"{self.key(path)} {render_key(source)}".encode()).hexdigest()[:20]

    def page(self, path: Path, source: str, render: Callable[[], str]) -> str:
        """The page of a notebook executed under this cache, rendered by ``render`` once per renderer."""
        entry = self.folder / f"{_name(path)}-{self.page_key(path, source)}.html"
        if not entry.is_file():
            self._drop(path, "*.html")  # pages of an earlier renderer
        return self._text(entry, render)

    def _drop(self, path: Path, pattern: str) -> None:
        """Remove this notebook's entries named ``<stem>-<pattern>`` (not those of ``<stem>-other``)."""
        stem = _name(path)
        for stale in self.folder.glob(f"{stem}-{pattern}"):
            if stale.name.rsplit("-", 1)[0] == stem:
                stale.unlink()

    def asset(self, name: str, key: str, make: Callable[[], str]) -> str:
        """A generated text kept under ``key`` (a bundle that takes seconds to produce and changes rarely)."""
        return self._text(
            self.folder / "assets" / f"{hashlib.sha256(key.encode()).hexdigest()[:20]}-{name}", make
        )

    def _text(self, entry: Path, make: Callable[[], str]) -> str:
        if entry.is_file():
            return entry.read_text(encoding="utf-8")
        text = make()
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(text, encoding="utf-8")
        return text
