"""Bad input: each broken copy of the seed package is refused with a message naming file, row and column.

Every test copies data/ganzhou-xzspj-2023 into tmp_path, breaks one thing, and asserts the message.
"""

import csv
import io
import json
import re
import shutil
import warnings

import pytest

import gzanalysis as gz

from .conftest import PACKAGE

EXP = "expenditure_by_function.csv"


@pytest.fixture
def pkg(tmp_path):
    """A fresh copy of the seed package."""
    copy = tmp_path / "pkg"
    shutil.copytree(PACKAGE, copy)
    return copy


def edit_rows(path, change):
    """Rewrite a CSV: ``change(rows)`` gets the list of rows (header first) and edits it in place."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    change(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def edit_descriptor(folder, change):
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change({r["name"]: r for r in descriptor["resources"]})
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def refused(folder, expected: str):
    """Load ``folder``; the PackageError must contain the line ``expected`` (a regex, matched whole)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gz.PackageWarning)  # edited files differ from their hash
        with pytest.raises(gz.PackageError) as info:
            gz.load(folder)
    lines = [line.removeprefix("- ") for line in str(info.value).splitlines()]
    assert any(re.fullmatch(expected, line) for line in lines), str(info.value)
    return info.value


def test_the_seed_copy_loads_without_warning(pkg):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = gz.load(pkg)
    assert d.table("部门支出总表").loc[0, "total"] == 23255.42


def test_missing_column(pkg):
    def drop_basic(rows):
        for r in rows:
            del r[5]

    edit_rows(pkg / EXP, drop_basic)
    refused(pkg, re.escape(f"{pkg / EXP}, line 1 (header): column 'basic' is missing"))


def test_extra_column(pkg):
    edit_rows(pkg / EXP, lambda rows: [r.append("remark" if i == 0 else "") for i, r in enumerate(rows)])
    refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, line 1 (header), column 9 'remark': unexpected column, not in the schema in datapackage.json"
        ),
    )


def test_non_numeric_amount(pkg):
    def thousands(rows):
        rows[1][4] = "23,255.42"  # Excel's thousands separator

    edit_rows(pkg / EXP, thousands)
    refused(pkg, re.escape(f"{pkg / EXP}, row 1 (line 2), column 'total': '23,255.42' is not a number"))


def test_duplicated_code(pkg):
    def twice(rows):
        rows[5][1] = "2010301"  # row 5 (2010302) gets the code of row 4

    edit_rows(pkg / EXP, twice)
    refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 5 (line 6), column 'code': 2010301 appears twice (code; first in row 4)"
        ),
    )


def test_orphan_code(pkg):
    edit_rows(pkg / EXP, lambda rows: rows.pop(3))  # the 款 20103 goes, its 项 stay
    error = refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 3 (line 4), column 'code': orphan code 2010301: its parent 20103 is not in the table"
        ),
    )
    assert len(error.problems) == 4  # 2010301, 2010302, 2010350, 2010399


def test_blank_required_value(pkg):
    def blank(rows):
        rows[2][7] = ""  # source_line of row 2

    edit_rows(pkg / EXP, blank)
    refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 2 (line 3), column 'source_line': blank, but the schema requires a value"
        ),
    )


def test_wrong_encoding_gbk(pkg):
    path = pkg / EXP
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    refused(
        pkg,
        re.escape(
            f"{path}, line 2: wrong encoding, the file is not UTF-8 (byte 0xba cannot be decoded). It reads as "
            "GBK/GB18030 (what Excel saves on a Chinese Windows). Re-save it as UTF-8 (in Excel: Save As > CSV UTF-8)."
        ),
    )


def test_absolute_resource_path(pkg):
    edit_descriptor(pkg, lambda r: r["expenditure_by_function"].update(path=str(pkg / EXP)))
    refused(
        pkg,
        re.escape(
            f"{pkg / 'datapackage.json'}, resource 'expenditure_by_function': path '{pkg / EXP}' is absolute; "
        )
        + "a resource path must be relative to the package folder",
    )


def test_resource_path_climbing_out(pkg):
    outside = pkg.parent / "elsewhere.csv"
    shutil.copy(pkg / EXP, outside)
    edit_descriptor(pkg, lambda r: r["expenditure_by_function"].update(path="../elsewhere.csv"))
    refused(
        pkg,
        re.escape(
            f"{pkg / 'datapackage.json'}, resource 'expenditure_by_function': path '../elsewhere.csv' climbs out of "
            "the package folder ('..'); a resource path must stay inside it"
        ),
    )


@pytest.mark.parametrize("url", ["https://example.org/x.csv", "file:///etc/passwd", "s3://bucket/x.csv"])
def test_url_resource_path_is_refused_never_fetched(pkg, url):
    edit_descriptor(pkg, lambda r: r["expenditure_by_function"].update(path=url))
    refused(
        pkg,
        re.escape(
            f"{pkg / 'datapackage.json'}, resource 'expenditure_by_function': path '{url}' is a URL; loading never "
            "fetches anything: download the file into the package folder and give its relative path"
        ),
    )


def test_symlink_out_of_the_package(pkg):
    outside = pkg.parent / "elsewhere.csv"
    shutil.copy(pkg / EXP, outside)
    (pkg / EXP).unlink()
    (pkg / EXP).symlink_to(outside)
    refused(
        pkg,
        re.escape(
            f"{pkg / 'datapackage.json'}, resource 'expenditure_by_function': path '{EXP}' leads outside the "
        )
        + r"package folder \(a symbolic link to .*elsewhere\.csv\)",
    )


# ---------------------------------------------------------------- more ways to break a package


def test_row_with_too_many_values(pkg):
    path = pkg / EXP
    path.write_text(path.read_text(encoding="utf-8").replace("23255.42", "23,255.42", 1), encoding="utf-8")
    refused(pkg, re.escape(f"{path}, row 1 (line 2): 9 values, the header has 8 columns"))


def test_code_missing_from_the_code_list(pkg):
    def renumber(rows):
        rows[7][1] = "2010398"  # 2010399 → a 项 of 20103 that the code list does not have

    edit_rows(pkg / EXP, renumber)
    refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 7 (line 8), column 'code': 2010398 is not in functional_codes.csv (column code)"
        ),
    )


def test_code_breaking_its_pattern(pkg):
    def short(rows):
        rows[2][1] = "20"

    edit_rows(pkg / EXP, short)
    refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 2 (line 3), column 'code': '20' does not match the pattern ^[0-9]{{3}}([0-9]{{2}}([0-9]{{2}})?)?$"
        ),
    )


def test_value_outside_its_enum(pkg):
    path = pkg / "budget_summary.csv"
    edit_rows(path, lambda rows: rows[1].__setitem__(1, "收入"))
    refused(
        pkg, re.escape(f"{path}, row 1 (line 2), column 'side': '收入' is not one of: income, expenditure")
    )


def test_duplicated_primary_key(pkg):
    edit_rows(pkg / EXP, lambda rows: rows[3].__setitem__(0, "2"))
    refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 3 (line 4), column 'row': 2 appears twice (primary key; first in row 2)"
        ),
    )


def test_not_an_integer(pkg):
    edit_rows(pkg / EXP, lambda rows: rows[1].__setitem__(7, "161.5"))
    refused(pkg, re.escape(f"{pkg / EXP}, row 1 (line 2), column 'source_line': '161.5' is not an integer"))


def test_schema_differing_from_the_layout(pkg):
    def retype(r):
        r["expenditure_by_function"]["schema"]["fields"][4]["type"] = "string"

    edit_descriptor(pkg, retype)
    refused(
        pkg,
        re.escape(
            f"{pkg / 'datapackage.json'}, resource 'expenditure_by_function', field 'total': type 'string', "
        )
        + "the standard layout has 'number'",
    )


def test_folder_without_descriptor(tmp_path):
    with pytest.raises(gz.PackageError, match=re.escape(f"{tmp_path}: no datapackage.json in this folder")):
        gz.load(tmp_path)


def test_an_edited_file_warns_that_it_differs_from_its_hash(pkg):
    edit_rows(pkg / EXP, lambda rows: rows[1].__setitem__(3, "合计 (edited)"))
    with pytest.warns(
        gz.PackageWarning, match=re.escape(f"{pkg / EXP}: the file differs from the sha256 hash")
    ):
        d = gz.load(pkg)
    assert d.table("部门支出总表").loc[0, "name"] == "合计 (edited)"


def test_several_problems_are_listed_together(pkg):
    edit_rows(pkg / EXP, lambda rows: (rows[1].__setitem__(7, ""), rows[2].__setitem__(3, "")))
    error = refused(
        pkg,
        re.escape(
            f"{pkg / EXP}, row 1 (line 2), column 'source_line': blank, but the schema requires a value"
        ),
    )
    assert str(error).startswith("2 problems:\n")
    assert any("row 2 (line 3), column 'name': blank" in p for p in error.problems)


def test_raw_text_is_never_read_from_outside_the_package(pkg):
    (pkg.parent / "secret.txt").write_text("not yours", encoding="utf-8")
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["gzanalysis"]["raw_text"] = "../secret.txt"
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    d = gz.load(pkg)
    with pytest.raises(FileNotFoundError, match="secret.txt is not in the package folder"):
        _ = d.raw_lines
