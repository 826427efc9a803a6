"""Widget explorers: set their controls in Python, assert the new chart spec and table."""

import contextlib
import io

import pytest

import gzanalysis as gz


@pytest.fixture
def quiet():
    """Outside a kernel, display() prints: keep the test log readable."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def _rows(chart):
    spec = chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_composition_explorer(d, quiet):
    e = gz.widgets.composition_explorer(d)
    assert e.table["level"].unique().tolist() == ["类"] and len(e.table) == 12
    e.controls["level"].value = "项"
    assert set(e.table["level"]) == {"项"} and "2010302" in set(e.table["code"])
    assert {r["code"] for r in _rows(e.chart)} == set(e.table["code"])
    e.controls["threshold"].value = 0.1
    assert e.table["code"].tolist() == ["2010302", "2010399", "2060499", "2120199"]
    e.controls["lang"].value = "en"
    assert e.chart.to_dict()["encoding"]["x"]["title"] == "Amount (10k yuan)"
    e.controls["by"].value = "economic"
    assert set(e.table["code"].str.len()) == {5}


def test_changes_explorer(d, quiet):
    e = gz.widgets.changes_explorer(d)
    assert len(e.table) == 13 and e.chart.to_dict()["mark"]["type"] == "bar"
    e.controls["threshold"].value = 1000
    assert set(e.table["code"]) == {"206", "212", "213"}
    assert {r["code"] for r in _rows(e.chart)} == {"206", "212", "213"}
    e.controls["view"].value = "waterfall"
    assert _rows(e.chart)[0]["item"] == "2022年"
    e.controls["section"].value = ("财政拨款支出", "财政拨款")
    e.controls["threshold"].value = 0
    assert len(e.table) == 4 and e.table["section"].unique().tolist() == ["财政拨款支出"]
    e.controls["grouping"].value = "income_source"  # not a grouping of this section: falls back to its first
    assert len(e.table) == 4


def test_carryover_explorer(d, quiet):
    e = gz.widgets.carryover_explorer(d)
    assert e.table.loc[0, "code"] == "206"
    e.controls["level"].value = "项"
    e.controls["function"].value = "201"
    assert set(e.table["code"]) == {"2010301", "2010302", "2010350", "2010399", "2013810"}
    e.controls["threshold"].value = 10
    assert set(e.table["code"]) == {"2010302", "2013810"}
    assert {r["code"] for r in _rows(e.chart)} == {"2010302", "2013810"}


def test_targets_explorer(d, quiet):
    e = gz.widgets.targets_explorer(d)
    assert len(e.table) == 120
    e.controls["project"].value = "P3"
    assert len(e.table) == 15 and "P3" in str(e.chart.to_dict()["transform"])
    e.controls["kind"].value = "qualitative"
    assert e.table["value_text"].tolist() == ["有效.", "提高.", "提高."]
