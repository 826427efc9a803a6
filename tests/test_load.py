"""The loader: ids, errors, dtypes, tidy facts, and loading from anywhere."""

import subprocess
import sys

import pandas as pd
import pytest

import gzanalysis as gz
from gzanalysis.package.layout import layout

from .conftest import ROOT


def test_available_lists_the_seed():
    assert gz.available() == ["ganzhou-xzspj-2023"]


def test_load_default_is_the_seed(d):
    assert d.id == "ganzhou-xzspj-2023"
    assert d.meta["unit"] == "赣州市行政审批局"
    assert d.meta["year"] == 2023
    assert d.meta["currency_unit"] == "万元"
    assert "OCR" in d.meta["source"]


def test_unknown_id_names_the_available_ones():
    with pytest.raises(LookupError, match="ganzhou-xzspj-2023"):
        gz.load("no-such-disclosure")


def test_every_table_is_loaded_under_both_names(d):
    assert len(d.tables) == len(layout())
    for res in layout().values():
        assert d.table(res.name) is d.tables[res.title]
        assert getattr(d, res.name) is d.tables[res.title]
    with pytest.raises(KeyError, match="部门支出总表"):
        d.table("部门支出")


def test_codes_are_strings_and_amounts_float(d):
    t = d.table("部门收入总表")
    assert t["code"].dtype == "string"
    assert t["total"].dtype == "float64"
    assert t.loc[t["code"] == "20103", "code_printed"].item() == "03"


def test_blank_cells_are_na_and_printed_zeros_are_zero(d):
    projects = d.table("projects").set_index("project_id")
    assert projects.loc["P1", "funds_other"] == 0.0  # printed 0
    t = d.table("部门支出总表").set_index("code")
    assert pd.isna(t.loc["2010301", "project"])  # blank cell
    assert pd.isna(d.table("projects").set_index("project_id").loc["P2", "implementing_unit"])


def test_level_and_parent_follow_from_the_code(d):
    t = d.table("部门支出总表").set_index("code")
    assert t.loc["201", "level"] == "类" and pd.isna(t.loc["201", "parent"])
    assert t.loc["20103", "level"] == "款" and t.loc["20103", "parent"] == "201"
    assert t.loc["2010301", "level"] == "项" and t.loc["2010301", "parent"] == "20103"


def test_facts_is_long_and_traced(d):
    f = d.facts
    assert list(f.columns) == [
        "resource",
        "table",
        "fund",
        "row",
        "code",
        "level",
        "item",
        "measure",
        "measure_zh",
        "amount",
        "source_line",
    ]
    assert f["amount"].notna().all() and f["source_line"].notna().all()
    carry = f.query("resource == 'income_by_function' and measure == 'carryover' and code.isna()")
    assert carry["amount"].tolist() == [9207.96]
    assert carry["source_line"].tolist() == [95]


def test_works_from_any_directory(tmp_path):
    code = "import gzanalysis as gz; print(gz.load().facts.shape)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("(")


def test_import_reads_no_data(tmp_path):
    """Nothing happens at import time: importing does not even import the loader's CSV reader path."""
    code = "import sys, gzanalysis; print('frictionless' in sys.modules, 'gzanalysis.package.datapackage' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def test_raw_text_is_the_seed_exactly():
    # shared/ beside the checkout, or beside a folder above it (a worktree such as /work/wt/pdf)
    seeds = [p / "shared" / "seeds" / "000_2f714141d93bea74.txt" for p in ROOT.parents]
    seed = next((s for s in seeds if s.exists()), seeds[0])
    if not seed.exists():
        pytest.skip("the shared seed is not beside this checkout")
    assert (ROOT / "data" / "raw" / "ganzhou-xzspj-2023.txt").read_bytes() == seed.read_bytes()
