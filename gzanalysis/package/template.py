"""The national template's requirements and the relations between its tables, read from ``template.toml``.

``layout.toml`` says what each table holds; ``template.toml`` says which tables must agree in their codes,
which fund-only figures are bounded by which all-funds figures, where each fund budget shows, what a
disclosure must contain and which years are stale. The audit reads it; a new template is new data.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def template() -> dict[str, Any]:
    """The standard template (``template.toml``), parsed once."""
    return tomllib.loads(files("gzanalysis.package").joinpath("template.toml").read_text(encoding="utf-8"))
