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


# ---------------------------------------------------------------- errors a new user meets first (issue 19)
def test_a_missing_folder_is_named_with_home_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(FileNotFoundError) as info:
        gz.load("~/Downloads/ganzhou-xzspj-2023")
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'Downloads' / 'ganzhou-xzspj-2023'}: no such folder")
    assert "~" not in message


def test_a_csv_file_instead_of_the_folder_points_to_the_folder():
    csv = ROOT / "data" / gz.DEFAULT_ID / "expenditure_by_function.csv"
    with pytest.raises(gz.PackageError, match="a file, not a package folder") as info:
        gz.load(csv)
    assert f"gz.load('{csv.parent}')" in str(info.value)


def test_an_unknown_id_suggests_the_closest():
    with pytest.raises(LookupError, match="did you mean 'ganzhou-xzspj-2023'"):
        gz.load("ganzhou-xzspj-2022")


def test_a_wrong_type_says_what_load_takes():
    with pytest.raises(
        TypeError, match=r"takes a disclosure id .* or the path of a package folder, not int 2023"
    ):
        gz.load(2023)


PUBLIC = [
    gz.composition,
    gz.changes,
    gz.carryover,
    gz.carryover_context,
    gz.targets,
    gz.targets_summary,
    gz.teaching.shrink_without_carryover,
]


@pytest.mark.parametrize("function", PUBLIC, ids=lambda f: f.__name__)
def test_analyses_take_an_id_where_a_disclosure_is_expected(d, function):
    by_id, by_object = function(gz.DEFAULT_ID), function(d)
    if isinstance(by_object, dict):
        by_id, by_object = by_id["projects"], by_object["projects"]
    pd.testing.assert_frame_equal(pd.DataFrame(by_id), pd.DataFrame(by_object))


@pytest.mark.parametrize("function", PUBLIC, ids=lambda f: f.__name__)
def test_analyses_say_what_they_expected(d, function):
    with pytest.raises(
        TypeError,
        match=r"takes a Disclosure \(d = gz.load\(\)\), a disclosure id or a package folder, not DataFrame",
    ):
        function(d.expenditure_by_function)


def test_an_unknown_table_suggests_the_closest_name_without_escaped_quotes(d):
    with pytest.raises(KeyError) as info:
        d.table("部门支出表")
    message = str(info.value)
    assert message.startswith("no table named 部门支出表; did you mean 部门支出总表?")
    assert '财政拨款"三公"经费支出表' in message and "\\" not in message


def test_repr_and_describe_are_short(d):
    assert len(repr(d).splitlines()) == 1 and "d.describe()" in repr(d)
    summary = d.describe()
    assert list(summary.columns) == ["table", "name", "title_en", "rows", "columns"]
    assert len(summary) == len(layout())
    row = summary.set_index("name").loc["expenditure_by_function"]
    assert (row["table"], row["rows"], row["columns"]) == ("部门支出总表", 54, 10)
    assert (row["rows"], row["columns"]) == d.expenditure_by_function.shape
    # d.tables prints the same summary: one line per table (and a header), not every frame
    assert len(repr(d.tables).splitlines()) == len(layout()) + 1
    assert "<table" in d.tables._repr_html_()
