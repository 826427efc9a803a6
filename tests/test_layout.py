"""The code's layout follows its flow: imports run one way, from ``package`` up to ``publish``.

Every module's imports (top-level and inside functions) are read with ``ast``; an import of a stage above
the importing one, or any cycle between modules, fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "gzanalysis"

# Each stage and the stages it may import (besides itself). The top (cli, __init__) may import anything.
ALLOWED = {
    "package": set(),
    "audit": {"package"},
    "ingest": {"package", "audit"},
    "corpus": {"package", "audit", "ingest"},
    "analyses": {"package", "audit"},
    "views": {"package", "audit", "analyses"},
    "publish": {"package", "audit", "ingest", "corpus", "analyses", "views"},
}
STAGES = set(ALLOWED)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    """The gzanalysis modules ``path`` imports, by full name (``from gzanalysis.x import y`` counts y when
    y is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("gzanalysis")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            if not base.startswith("gzanalysis"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                where = root.parent / sub.replace(".", "/")
                is_module = where.with_suffix(".py").exists() or (where / "__init__.py").exists()
                found.add(sub if is_module else base)
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    return {
        module_name(p, root): imports_of(p, root)
        for p in sorted(root.rglob("*.py"))
        if "notebooks" not in p.parts[len(root.parts) :]
    }


def direction_violations(g: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in g.items():
        stage = stage_of(module)
        if stage is None:  # the top: gzanalysis, gzanalysis.cli
            continue
        for target in targets:
            other = stage_of(target)
            if target == "gzanalysis" or (other is None and target.startswith("gzanalysis")):
                bad.append(f"{module} imports the top level {target}")
            elif other != stage and other not in ALLOWED[stage]:
                bad.append(f"{module} ({stage}) imports {target} ({other}): against the flow")
    return bad


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first search (each reported once, from its first module)."""
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(g.get(node, ())):
            if nxt not in g:
                continue
            if state.get(nxt) == "open":
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = "done"

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    return found


def test_every_stage_is_a_documented_subpackage():
    for stage in STAGES:
        init = ROOT / stage / "__init__.py"
        assert init.exists(), stage
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{stage} has no docstring"


def test_only_cli_and_init_at_the_top():
    assert sorted(p.name for p in ROOT.glob("*.py")) == ["__init__.py", "cli.py"]


def test_imports_run_one_way():
    assert direction_violations(graph()) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_checks_catch_a_planted_violation(tmp_path):
    """The test is not vacuous: a ``package`` module importing ``views``, and a cycle, are both caught."""
    import shutil

    copy = tmp_path / "gzanalysis"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("data", "notebooks", "__pycache__"))
    load = copy / "package" / "load.py"
    load.write_text(
        load.read_text(encoding="utf-8") + "\nfrom gzanalysis.views import charts  # planted\n",
        encoding="utf-8",
    )
    readers = copy / "package" / "writers.py"
    readers.write_text(
        readers.read_text(encoding="utf-8") + "\nfrom gzanalysis.package import load  # planted\n",
        encoding="utf-8",
    )
    g = graph(copy)
    assert (
        "gzanalysis.package.load (package) imports gzanalysis.views.charts (views): against the flow"
        in direction_violations(g)
    )
    assert any("gzanalysis.package.writers" in c and "gzanalysis.package.load" in c for c in cycles(g))


@pytest.mark.parametrize(
    "old",
    [
        "load",
        "formats",
        "validate",
        "layout",
        "codes",
        "datapackage",
        "ocr",
        "labels",
        "composition",
        "changes",
        "carryover",
        "targets",
        "charts",
        "widgets",
        "notebook",
        "report",
        "teaching",
    ],
)
def test_no_module_left_at_an_old_path(old):
    assert not (ROOT / f"{old}.py").exists()
