"""Every number equals the source: each value is printed on its source line, or an erratum proves it."""

import math

import pandas as pd
import pytest

from gzanalysis.ingest.numbers import numbers_in, parse_target


def _errata_index(d):
    e = d.errata
    return {(r.table, int(r.source_line), r.field): r for r in e.itertuples()}


def _on_line(value, text):
    return any(math.isclose(value, n, abs_tol=1e-9) for n in numbers_in(text))


def test_every_amount_is_printed_on_its_line_or_corrected_by_an_erratum(d, raw_lines):
    errata = _errata_index(d)
    unexplained = []
    for fact in d.facts.itertuples():
        if fact.resource.startswith("narrative_"):
            continue  # statements span lines: checked in test_narrative_numbers_are_on_their_lines
        if _on_line(fact.amount, raw_lines[fact.source_line - 1]):
            continue
        erratum = errata.get((fact.resource, fact.source_line, fact.measure))
        if erratum is None or not math.isclose(float(erratum.corrected), fact.amount):
            unexplained.append((fact.table, fact.source_line, fact.code, fact.measure, fact.amount))
    assert not unexplained


def test_the_provenance_check_can_fail(d, raw_lines):
    """A value that is not on its line, with no erratum, is caught by the check above."""
    assert not _on_line(23255.43, raw_lines[161 - 1])
    assert ("expenditure_by_function", 161, "total") not in _errata_index(d)


def test_every_erratum_quotes_its_line(d, raw_lines):
    for e in d.errata.itertuples():
        if pd.isna(e.printed):
            continue  # an empty cell of the OCR text
        line = raw_lines[e.source_line - 1]
        for part in str(e.printed).replace("…", "\t").split("\t"):
            assert part.strip() in line, (e.source_line, part)


def test_every_erratum_value_is_used(d):
    """A corrected amount in the errata is the value the table holds for that row and field."""
    for e in d.errata.itertuples():
        if e.field in (
            "line",
            "code",
            "name",
            "item",
            "value_text",
            "level2",
            "level3",
            "goal",
            "implementing_unit",
        ):
            continue
        t = d.table(e.table)
        rows = t[t["source_line"] == e.source_line]
        if pd.isna(e.corrected):
            # Read as blank: no row printed on that line holds a value equal to the stray mark.
            marks = numbers_in(str(e.printed))
            assert not any(math.isclose(v, m) for v in rows[e.field].dropna() for m in marks), (
                e.table,
                e.source_line,
                e.field,
            )
        else:
            assert float(e.corrected) in rows[e.field].tolist(), (e.table, e.source_line, e.field)


def test_text_errata_are_applied(d):
    """Corrected names, codes and target texts are what the tables hold."""
    for e in d.errata.itertuples():
        if e.field in ("line",) or pd.isna(e.corrected) or e.field not in d.table(e.table).columns:
            continue
        t = d.table(e.table)
        column = t[e.field].dropna().astype(str).tolist()
        if e.field == "code":
            column += t["code_printed"].dropna().tolist()
        for corrected in str(e.corrected).split(" | "):
            assert any(corrected in value for value in column), (e.table, e.source_line, e.field, corrected)


@pytest.mark.parametrize("table", ["narrative_changes", "narrative_figures"])
def test_narrative_numbers_are_on_their_lines(d, raw_lines, table):
    for r in d.table(table).itertuples():
        text = " ".join(raw_lines[r.source_line - 1 : r.end_line])
        for value in (r.amount, getattr(r, "change", None)):
            if value is None or pd.isna(value):
                continue
            assert _on_line(abs(value), text), (table, r.row, value)


def test_indicator_targets_are_parsed_from_their_text(d):
    for r in d.table("indicators").itertuples():
        op, number, unit = parse_target(None if pd.isna(r.value_text) else r.value_text)
        assert (None if pd.isna(r.operator) else r.operator) == op
        assert (None if pd.isna(r.number) else r.number) == number
        if not pd.isna(r.note) and "unreadable" in r.note:
            assert pd.isna(r.unit)  # an unreadable unit is marked, not guessed
        else:
            assert (None if pd.isna(r.unit) else r.unit) == unit


def test_the_published_totals_are_reproduced_within_rounding(d):
    """Summing the loaded 类 rows gives each published 合计 to within 0.005 万元 per figure summed."""
    for name in ["部门收入总表", "部门支出总表", "一般公共预算支出表", "一般公共预算基本支出表"]:
        t = d.table(name)
        total = t[t["code"].isna()].iloc[0]
        top = t[t["level"] == "类"]
        for col in t.select_dtypes("float64").columns:
            if pd.isna(total[col]):
                assert top[col].isna().all()
                continue
            parts = top[col].dropna()
            assert abs(parts.sum() - total[col]) <= 0.005 * (len(parts) + 1) + 1e-9, (name, col)
