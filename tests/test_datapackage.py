"""The data package: generated descriptor, file integrity, the peer validator, code lists."""

import csv
import hashlib
import json
import shutil
import subprocess

import pytest

from gzanalysis.package import codes
from gzanalysis.package.datapackage import build_descriptor
from gzanalysis.package.layout import layout

from .conftest import PACKAGE, ROOT

DESCRIPTOR = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = DESCRIPTOR["resources"]


def test_descriptor_is_generated_from_the_metadata():
    """datapackage.json is never edited by hand: regenerating it changes nothing (run `make data`)."""
    assert build_descriptor(PACKAGE) == DESCRIPTOR


@pytest.mark.parametrize("res", RESOURCES, ids=[r["name"] for r in RESOURCES])
def test_resource_bytes_and_hash(res):
    data = (PACKAGE / res["path"]).read_bytes()
    assert len(data) == res["bytes"]
    assert "sha256:" + hashlib.sha256(data).hexdigest() == res["hash"]


@pytest.mark.parametrize("res", RESOURCES, ids=[r["name"] for r in RESOURCES])
def test_resource_header_matches_schema(res):
    with (PACKAGE / res["path"]).open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == [f["name"] for f in res["schema"]["fields"]]


def test_every_amount_field_is_in_wan_yuan():
    for res in RESOURCES:
        for f in res["schema"]["fields"]:
            if f["type"] == "number" and f["name"] not in ("number", "amount", "growth_rate_stated"):
                assert f.get("unit") == "万元", (res["name"], f["name"])


@pytest.mark.slow
def test_frictionless_validate_passes(tmp_path):
    """The peer validator (types, constraints, primary and foreign keys, bytes and hash) finds no error."""
    exe = shutil.which("frictionless") or str(ROOT / ".venv" / "bin" / "frictionless")
    out = subprocess.run(
        [exe, "validate", "--json", str(PACKAGE / "datapackage.json")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    report = json.loads(out.stdout)
    errors = [e for task in report["tasks"] for e in task["errors"]]
    assert report["valid"], errors[:5]


@pytest.mark.slow
@pytest.mark.parametrize(
    "old, new",
    [("23255.42", "23,255.42x"), ("\n2,201,201,", "\n2,2019,201,")],
    ids=["non-numeric amount", "code missing from the code list"],
)
def test_frictionless_catches_a_broken_copy(tmp_path, old, new):
    """The validation above can fail: a broken copy (bad type, orphan foreign key) is reported invalid."""
    copy = tmp_path / "pkg"
    shutil.copytree(PACKAGE, copy)
    path = copy / "expenditure_by_function.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    exe = shutil.which("frictionless") or str(ROOT / ".venv" / "bin" / "frictionless")
    out = subprocess.run(
        [exe, "validate", "--json", str(copy / "datapackage.json")], capture_output=True, text=True
    )
    report = json.loads(out.stdout)
    assert not report["valid"]
    types = {e["type"] for task in report["tasks"] for e in task["errors"]}
    assert types - {"hash-count", "byte-count"}, types


@pytest.mark.parametrize("classification", ["functional", "economic"])
def test_code_lists_are_complete_and_consistent(classification):
    with (ROOT / "data" / "classifications" / f"{classification}.csv").open(encoding="utf-8") as fh:
        rows = {r["code"]: r for r in csv.DictReader(fh)}
    for code, r in rows.items():
        assert r["level"] == codes.level(code)
        assert (r["parent"] or None) == codes.parent(code)
        assert not r["parent"] or r["parent"] in rows, f"parent of {code} missing"
        assert r["name_zh"] and r["name_en"]


def test_every_code_in_the_tables_is_in_the_package_code_lists(d):
    listed = {
        "functional": set(d.table("functional_codes")["code"]),
        "economic": set(d.table("economic_codes")["code"]),
    }
    for res in layout().values():
        frame = d.tables[res.title]
        for f in res.fields:
            if f.classification and res.name not in ("functional_codes", "economic_codes"):
                used = set(frame[f.name].dropna())
                assert used <= listed[f.classification], (res.name, used - listed[f.classification])


def test_every_parent_of_a_classified_row_is_in_its_table(d):
    for res in layout().values():
        if res.classification:
            t = d.tables[res.title]
            present = set(t["code"].dropna())
            orphans = set(t["parent"].dropna()) - present
            assert not orphans, (res.name, orphans)


def test_names_are_the_official_names(d):
    names = {
        "functional": d.table("functional_codes").set_index("code")["name_zh"],
        "economic": d.table("economic_codes").set_index("code")["name_zh"],
    }
    for res in layout().values():
        if res.classification:
            t = d.tables[res.title].dropna(subset=["code"])
            official = t["code"].map(names[res.classification])
            assert (t["name"] == official).all(), t.loc[t["name"] != official, ["code", "name"]]
