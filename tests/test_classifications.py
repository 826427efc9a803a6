"""The national code lists (data/classifications): their shape, not their content."""

import csv

import pytest

from gzanalysis.package.layout import layout

from .conftest import ROOT

LISTS = ROOT / "data" / "classifications"
BUDGETS = ["general", "government_fund", "state_capital", "social_insurance"]
LEVELS = {3: "类", 5: "款", 7: "项"}
COLUMNS = {
    "functional": ["code", "level", "parent", "name_zh", "name_en", "budget"],
    "economic": ["code", "level", "parent", "name_zh", "name_en"],
}
LENGTHS = {"functional": {3, 5, 7}, "economic": {3, 5}}


def read(classification: str) -> tuple[list[str], list[dict]]:
    with (LISTS / f"{classification}.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module", params=["functional", "economic"])
def code_list(request):
    header, rows = read(request.param)
    return request.param, header, rows


def test_columns(code_list):
    classification, header, _ = code_list
    assert header == COLUMNS[classification]


def test_codes_are_unique_and_sorted(code_list):
    _, _, rows = code_list
    codes = [r["code"] for r in rows]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    assert not duplicates
    assert codes == sorted(codes)


def test_code_lengths(code_list):
    classification, _, rows = code_list
    bad = [
        r["code"] for r in rows if not r["code"].isdigit() or len(r["code"]) not in LENGTHS[classification]
    ]
    assert not bad, (
        f"{classification}: codes of {'/'.join(map(str, sorted(LENGTHS[classification])))} digits only"
    )


def test_level_matches_length(code_list):
    _, _, rows = code_list
    bad = [(r["code"], r["level"]) for r in rows if LEVELS.get(len(r["code"])) != r["level"]]
    assert not bad


def test_every_parent_is_listed(code_list):
    _, _, rows = code_list
    codes = {r["code"] for r in rows}
    for r in rows:
        if r["level"] == "类":
            assert r["parent"] == "", r["code"]
        else:
            assert r["parent"] == r["code"][:-2], r["code"]
            assert r["parent"] in codes, f"parent of {r['code']} missing"


def test_names(code_list):
    _, _, rows = code_list
    for r in rows:
        assert r["name_zh"].strip(), f"{r['code']}: blank name_zh"
        assert r["name_en"].strip(), f"{r['code']}: blank name_en"
        assert r["name_zh"] == r["name_zh"].strip() and " " not in r["name_zh"], r["code"]
        # ASCII parentheses, as the PDF reader compares names with full-width ones folded to ASCII
        assert not set(r["name_zh"]) & set("（）"), f"{r['code']}: full-width parentheses in {r['name_zh']!r}"


def test_budget_is_one_of_the_four():
    _, rows = read("functional")
    enum = next(f for f in layout()["functional_codes"].fields if f.name == "budget").constraints["enum"]
    assert enum == BUDGETS
    bad = [(r["code"], r["budget"]) for r in rows if r["budget"] not in BUDGETS]
    assert not bad


def test_a_subject_takes_its_kuan_budget():
    """A 项 belongs to the budget of its 款 (a 类 may hold 款 of several budgets: 212, 229)."""
    _, rows = read("functional")
    budget = {r["code"]: r["budget"] for r in rows}
    bad = [r["code"] for r in rows if r["level"] == "项" and r["budget"] != budget[r["parent"]]]
    assert not bad


def test_every_economic_code_is_a_lei_or_kuan():
    _, rows = read("economic")
    assert rows
    assert all(len(r["code"]) in (3, 5) and r["level"] in ("类", "款") for r in rows)


def test_every_lei_of_the_functional_list():
    """The 类 of 支出功能分类: 201–224 (no 218), 227 预备费 and 229–234."""
    _, rows = read("functional")
    lei = {r["code"] for r in rows if r["level"] == "类"}
    expected = {str(c) for c in [*range(201, 225), 227, *range(229, 235)]} - {"218"}
    assert lei == expected
