"""gzanalysis.ingest: the committed package is exactly what the ingest makes of the raw text and the errata."""

import csv
import io
import shutil

import pytest

from gzanalysis.cli import main
from gzanalysis.ingest import IngestError, ingest
from gzanalysis.ingest.errata import Errata
from gzanalysis.ingest.sections import title_key
from gzanalysis.ingest.text import number_token

from .conftest import PACKAGE, ROOT

RAW = ROOT / "data" / "raw" / "ganzhou-xzspj-2023.txt"
ERRATA = PACKAGE / "errata.csv"


@pytest.fixture(scope="module")
def seed():
    return ingest(RAW, errata=ERRATA)


def errata_without(*rows: str) -> Errata:
    """The committed errata less the given rows (by their `row` id)."""
    text = ERRATA.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    kept = [r for r in reader if r["row"] not in rows]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    return Errata.read(buf.getvalue())


def test_ingest_rebuilds_the_committed_package_byte_for_byte(tmp_path):
    out = tmp_path / PACKAGE.name
    out.mkdir()
    shutil.copy(PACKAGE / "disclosure.toml", out / "disclosure.toml")  # hand-written metadata, not ingested
    ingest(RAW, errata=ERRATA).write(out)
    committed = sorted(p.name for p in PACKAGE.iterdir())
    assert sorted(p.name for p in out.iterdir()) == committed
    different = [name for name in committed if (out / name).read_bytes() != (PACKAGE / name).read_bytes()]
    assert not different


def test_cli_rebuilds_the_package(tmp_path, capsys):
    out = tmp_path / "pkg"
    out.mkdir()
    shutil.copy(PACKAGE / "disclosure.toml", out)
    assert main(["ingest", str(RAW), "--errata", str(ERRATA), "--out", str(out), "--strict"]) == 0
    assert "Rows per table:" in capsys.readouterr().out
    assert (out / "income_by_function.csv").read_bytes() == (PACKAGE / "income_by_function.csv").read_bytes()


def test_every_line_is_used_or_skipped_with_a_reason(seed):
    report = seed.report
    assert report.counts() == {"lines": 786, "used": 452, "skipped": 334}
    assert set(report.lines) == set(range(1, 787))
    assert all(reason for _, _, reason in report.skipped())
    assert report.lines[149] == ("skipped", "income_by_function", "skipped-line: set aside by erratum 73")


def test_rows_per_table_and_nothing_unresolved(seed):
    assert seed.report.rows["income_by_function"] == 54
    assert seed.report.rows["indicators"] == 120
    assert seed.report.rows["narrative_changes"] == 40
    assert seed.report.unresolved == []
    assert len(seed.report.corrections) == len(Errata.read(ERRATA).items)  # every erratum applies


def test_numbers_are_normalised_and_ambiguous_ones_refused():
    assert number_token("13, 347. 47") == "13347.47"
    assert number_token("1,733.87") == "1733.87"
    assert number_token("1, 733, 87") is None
    assert number_token("6-") is None


def test_an_ambiguous_number_without_erratum_is_flagged_with_a_suggested_erratum():
    # Erratum 37 resolves 合计 "1, 733, 87" on line 134; without it the cell stays empty and is reported.
    result = ingest(RAW, errata=errata_without("37"))
    [u] = result.report.unresolved
    assert (u["line"], u["field"], u["printed"]) == (134, "total", "1, 733, 87")
    assert u["suggested_erratum"]["corrected"] == "1733.87"  # 合计 = 上年结转 + … on the row
    row = next(r for r in result.tables["income_by_function"] if r["source_line"] == "134")
    assert row["total"] is None


def test_a_stray_mark_without_erratum_is_read_as_printed_and_the_erratum_reported_unused():
    result = ingest(RAW, errata=errata_without("8"))  # the mark "0" in 国有资本经营 on line 102
    row = next(r for r in result.tables["income_by_function"] if r["source_line"] == "102")
    assert row["state_capital"] == "0.00"  # a printed zero is a zero: only an erratum says it is a mark


def test_an_erratum_that_does_not_match_its_line_is_reported_not_forced():
    text = RAW.read_text(encoding="utf-8").replace("1, 733, 87", "1, 733, 88")
    result = ingest(text, errata=ERRATA)
    assert any("erratum 37" in w and "did not apply" in w for w in result.report.warnings)
    assert [u["line"] for u in result.report.unresolved] == [134]


def test_printed_kuan_codes_are_completed_from_their_class(seed):
    rows = seed.tables["income_by_function"]
    assert [(r["code"], r["code_printed"]) for r in rows if r["source_line"] == "97"] == [("20103", "03")]
    # two rows printed on one line (an erratum of kind merged-rows), then 款 99 of the second one
    assert [r["code"] for r in rows if r["source_line"] in ("146", "147")] == ["2210201", "229", "22999"]


def test_titles_are_found_in_their_usual_variants():
    assert (
        title_key('财政拨款"三公"经费支出表')
        == title_key("七、财政拨款“三公”经费支出表")
        == title_key("财政拨款 三公 经费支出表")
    )


def test_text_without_tables_is_an_ingest_error_naming_the_line():
    with pytest.raises(IngestError, match="line 1"):
        ingest("只是一段文字\n没有表格\n")
    with pytest.raises(IngestError, match="line 1: the text is empty"):
        ingest("\n\n")


def test_gbk_bytes_are_decoded_with_a_warning():
    data = RAW.read_text(encoding="utf-8").encode("gbk", errors="replace")
    result = ingest(data, errata=ERRATA)
    assert any("GBK" in w for w in result.report.warnings)
    assert result.report.rows["expenditure_by_function"] == 54


def test_the_package_can_be_written_without_metadata(tmp_path):
    out = ingest(RAW, errata=ERRATA).write(tmp_path / "some-unit-2023")
    toml = (out / "disclosure.toml").read_text(encoding="utf-8")
    assert 'unit = "赣州市行政审批局"' in toml and "year = 2023" in toml
    assert (out / "datapackage.json").exists()


# ------------------------------------------------------------------ several disclosures (synthetic)
@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory):
    """Two synthetic disclosures generated from the seed (unit renamed, amounts × 2 and × 3), ingested into
    a temporary data folder: never under data/."""
    from gzanalysis.ingest.synthetic import synthesize

    root = tmp_path_factory.mktemp("data")
    seed_text, seed_errata = RAW.read_text(encoding="utf-8"), ERRATA.read_text(encoding="utf-8")
    for index, factor in ((1, 2.0), (2, 3.0)):
        text, errata = synthesize(seed_text, seed_errata, index=index, factor=factor)
        result = ingest(text, errata=Errata.read(errata))
        assert result.report.unresolved == []
        assert not [w for w in result.report.warnings if "did not apply" in w]
        result.write(root / f"synthetic-{index}-2023")
    return root


def test_a_synthetic_disclosure_loads_like_the_seed(synthetic_root):
    import gzanalysis as gz

    d = gz.load(synthetic_root / "synthetic-1-2023")
    assert d.meta["unit"] == "合成测试单位1" and d.meta["year"] == 2023
    seed = gz.load()
    assert d.table("部门支出总表")["total"].tolist() == pytest.approx(
        (seed.table("部门支出总表")["total"] * 2).tolist()
    )
    assert len(d.facts) == len(seed.facts)


def test_load_many_gives_one_long_table_with_unit_and_year(synthetic_root):
    import gzanalysis as gz

    paths = [gz.DEFAULT_ID, synthetic_root / "synthetic-1-2023", synthetic_root / "synthetic-2-2023"]
    facts = gz.load_many(paths)
    assert list(facts.columns[:3]) == ["disclosure", "unit", "year"]
    assert facts.groupby("unit").size().nunique() == 1  # the same facts for each
    totals = facts.query("resource == 'expenditure_by_function' and row == '1' and measure == 'total'")
    assert totals.set_index("disclosure")["amount"].to_dict() == pytest.approx(
        {gz.DEFAULT_ID: 23255.42, "synthetic-1-2023": 46510.84, "synthetic-2-2023": 69766.26}
    )
    assert gz.available() == [gz.DEFAULT_ID]  # nothing synthetic under data/


def test_a_table_is_found_under_a_variant_of_its_title(seed):
    text = RAW.read_text(encoding="utf-8").replace(
        '\n财政拨款"三公"经费支出表\n', "\n七、财政拨款“三公”经费支出表\n"
    )
    result = ingest(text, errata=ERRATA)
    assert result.tables["three_public_expenses"] == seed.tables["three_public_expenses"]


def test_without_errata_the_report_lists_what_the_text_leaves_open():
    result = ingest(RAW)
    report = result.report
    assert report.corrections == []
    # every unreadable cell is left empty and listed; where a row identity pins it down, an erratum is suggested
    assert len(report.unresolved) > 20
    suggested = {
        (u["line"], u["field"]): u["suggested_erratum"] for u in report.unresolved if u["suggested_erratum"]
    }
    assert (suggested[(183, "basic")]["corrected"], suggested[(183, "basic")]["kind"]) == ("", "stray-mark")
    assert (134, "total") not in suggested  # the row has another unreadable cell: the identity pins nothing
    assert "Unresolved values (left empty)" in report.render()


def test_disclosure_toml_quotes_what_it_writes():
    """A unit name holding quotes or a backslash stays one TOML string (the OCR and PDF paths share the writer)."""
    import tomllib

    from gzanalysis.ingest.write import disclosure_toml

    meta = tomllib.loads(disclosure_toml({"unit": 'X"局\\Y', "year": 2023}, "x-2023"))
    assert meta["unit"] == 'X"局\\Y' and meta["year"] == 2023 and meta["previous_year"] == 2022
