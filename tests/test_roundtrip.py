"""Round trips: d.to_csv / to_parquet / to_excel and reading back give identical frames, dtypes included."""

import json
import tomllib
import warnings

import pandas as pd
import pytest
from openpyxl import load_workbook

import gzanalysis as gz
from gzanalysis.package.layout import layout

from .conftest import PACKAGE, ROOT


def assert_same(a, b):
    assert a.id == b.id and a.meta == b.meta
    assert list(a.tables) == list(b.tables)
    for title, frame in a.tables.items():
        pd.testing.assert_frame_equal(b.tables[title], frame, check_dtype=True, check_exact=True, obj=title)


def test_csv_round_trip(d, tmp_path):
    out = d.to_csv(tmp_path / "copy")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the regenerated descriptor matches the files: no warning
        back = gz.load(out)
    assert_same(d, back)


def test_csv_is_written_as_published(d, tmp_path):
    """Byte for byte the committed CSVs (700.00 stays 700.00, blanks blank), and the same descriptor."""
    out = d.to_csv(tmp_path / "copy")
    for res in layout().values():
        assert (out / f"{res.name}.csv").read_bytes() == (PACKAGE / f"{res.name}.csv").read_bytes(), res.name
    assert json.loads((out / "datapackage.json").read_text(encoding="utf-8")) == json.loads(
        (PACKAGE / "datapackage.json").read_text(encoding="utf-8")
    )
    assert ",700.00," in (out / "income_by_function.csv").read_text(encoding="utf-8")


def test_parquet_round_trip(d, tmp_path):
    out = d.to_parquet(tmp_path / "pq")
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n}.parquet" for n in layout()] + ["meta.json"])
    assert_same(d, gz.read_parquet(out))


def test_excel_round_trip(d, tmp_path):
    path = d.to_excel(tmp_path / "d.xlsx")
    sheets = load_workbook(path, read_only=True).sheetnames
    assert sheets == [r.sheet for r in layout().values()] + ["meta"]
    assert_same(d, gz.read_excel(path))


def test_excel_keeps_text_that_starts_with_equals(d, tmp_path):
    """Indicator values such as "=100%" stay text: they are not written as formulas."""
    path = d.to_excel(tmp_path / "d.xlsx")
    ws = load_workbook(path)["indicators"]
    assert ws["F2"].value == "=100%" and ws["F2"].data_type == "s"


def test_sheet_names_fit_excel():
    names = [r.sheet for r in layout().values()]
    assert all(len(n) <= 31 for n in names) and len(set(names)) == len(names)


def test_an_edited_workbook_is_checked_like_a_package(d, tmp_path):
    path = d.to_excel(tmp_path / "d.xlsx")
    wb = load_workbook(path)
    wb["expenditure_by_function"]["E2"] = "23,255.42"
    wb.save(path)
    with pytest.raises(
        gz.PackageError,
        match=r"sheet 'expenditure_by_function', row 1 \(sheet row 2\), column 'total': '23,255.42' is not a number",
    ):
        gz.read_excel(path)


def test_runtime_dependencies_are_in_step():
    """pyproject.toml and environment.yml name the same runtime packages (pyarrow, openpyxl included)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {dep.split(">")[0].split("=")[0].split("<")[0].strip() for dep in project}
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert {"pyarrow", "openpyxl"} <= names
    for name in names:
        assert f"  - {name}" in env, name
