"""The analyses on every shared PDF package: each answers with the tables' figures, or says in one
sentence (``gz.NotInDisclosure``) what the document does not print — never zeros or an empty frame
presented as an answer. Reads ../shared/corpus (skipped without it)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import gzanalysis as gz
from gzanalysis.ingest.pdf import ingest_pdf
from tests.test_ingest_pdf import PDFS

pytestmark = pytest.mark.skipif(not PDFS, reason="../shared/corpus is not beside this checkout")


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    root = tmp_path_factory.mktemp("analyses")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {p.stem: gz.load(ingest_pdf(p).write(root / p.stem)) for p in PDFS}


def _answers_or_says_why(call):
    """The frame, or None where the analysis said in one sentence what the document lacks."""
    try:
        out = call()
    except gz.NotInDisclosure as exc:
        assert str(exc).count("。") + str(exc).count(". ") <= 1 and str(exc).endswith((".", "。"))
        return None
    assert len(out) > 0, "an empty frame presented as an answer"
    return out


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_composition_by_function_equals_the_table(packages, name):
    d = packages[name]
    out = _answers_or_says_why(lambda: gz.composition(d, by="function", level="类"))
    classes = d.expenditure_by_function.set_index("code")
    for r in out.itertuples():
        assert r.amount == classes.loc[r.code, "total"]
    assert out["share_of_total"].sum() == pytest.approx(1, abs=0.001)


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_sources_of_funds_add_up_to_the_income(packages, name):
    """Where the income table is by unit (深圳, 江苏, 广州 …), the sources come from the 收支总表's income
    lines; either way they add up to the income of the year plus the carry-over."""
    d = packages[name]
    out = _answers_or_says_why(lambda: gz.composition(d, by="source", level=None))
    assert "fiscal_subtotal" in set(out["source"])
    s = d.budget_summary
    income_total = s[(s["side"] == "income") & (s["role"] == "total")]["amount"].iloc[0]
    assert out["amount"].sum() <= income_total + 0.01 * len(out)
    fiscal = out.set_index("source").loc["fiscal_subtotal", "amount"]
    assert fiscal > 0


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
@pytest.mark.parametrize(
    "call",
    [
        lambda d: gz.composition(d, by="economic"),
        lambda d: gz.composition(d, by="kind", level=None),
        lambda d: gz.composition(d, by="source", level="类"),
    ],
    ids=["economic", "kind", "source-by-function"],
)
def test_other_breakdowns_answer_or_say_why(packages, name, call):
    _answers_or_says_why(lambda: call(packages[name]))


def test_rules_that_did_not_run_carry_no_figures(packages):
    findings = gz.audit(next(iter(packages.values())))
    unchecked = findings[findings["status"] == "not_checked"]
    assert len(unchecked) > 0
    assert unchecked[["lhs", "rhs", "diff"]].isna().all().all()
    assert unchecked["cause_text"].str.startswith("Not checked: ").all()
    assert not pd.isna(findings[findings["status"] == "ok"]["lhs"]).any()


# Every other analysis of a single document: an answer, or one sentence saying what the document lacks (a
# warning, where the answer is given with what is missing: gz.carryover of a 0 carry-over printed without
# functions).
ANALYSES = {
    "carryover": lambda d: gz.carryover(d),
    "changes": lambda d: gz.changes(d),
    "headline_changes": lambda d: gz.headline_changes(d),
    "targets": lambda d: gz.targets(d),
    "targets_summary": lambda d: gz.targets_summary(d),
    "glossary": lambda d: gz.glossary(d),
}


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
@pytest.mark.parametrize("analysis", sorted(ANALYSES))
def test_every_analysis_answers_or_says_why(packages, name, analysis):
    d = packages[name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = ANALYSES[analysis](d)
        except gz.NotInDisclosure as exc:
            message = str(exc)
            assert message.count("。") + message.count(". ") <= 1 and message.endswith((".", "。")), message
            return
    said = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert len(out) > 0 or said, "an empty frame presented as an answer, without a word"
    if analysis == "headline_changes":  # the statements as read, one per side
        assert set(out["side"]) <= {"income", "expenditure"} and out["amount"].gt(0).all()
    if analysis == "targets":
        assert set(out["project_id"]) <= set(d.table("projects")["project_id"])


@pytest.mark.parametrize("name", [p.stem for p in PDFS])
def test_carryover_context_and_the_stated_carryover(packages, name):
    """The carry-over as the 收支总表 prints it, or as the narrative states it where the table is blank."""
    d = packages[name]
    stated = gz.stated_carryover(d)
    context = gz.carryover_context(d)
    assert isinstance(context, dict) and context
    if stated is not None:
        assert stated["amount"] >= 0 and int(stated["source_line"]) > 0
