"""gz.compare over a corpus (DuckDB sums against each document's own tables), its charts and explorer."""

from __future__ import annotations

import pytest

import gzanalysis as gz
from gzanalysis.corpus import ingest_corpus

from .test_corpus import write_sources


@pytest.fixture(scope="module")
def c(tmp_path_factory):
    src = write_sources(tmp_path_factory.mktemp("src"), {1: 2.0, 2: 3.0})
    out = tmp_path_factory.mktemp("corpus")
    ingest_corpus(src, out, jobs=2, quiet=True)
    return gz.corpus(out)


@pytest.mark.parametrize(("by", "level"), [("function", "类"), ("function", "款"), ("economic", "类")])
def test_shares_equal_each_documents_own_composition(c, by, level):
    table = gz.compare(c, by=by, level=level)
    assert list(table.columns[:4]) == ["disclosure", "unit", "city", "year"]
    assert set(table["disclosure"]) == {"unit-1", "unit-2"}  # the failed documents are not compared
    for doc, rows in table.groupby("disclosure"):
        own = gz.composition(c.load(doc), by=by, level=level).set_index("code")
        rows = rows.set_index("code")
        assert sorted(rows.index) == sorted(own.index)
        assert rows["amount"].to_dict() == pytest.approx(own["amount"].to_dict())
        assert rows["share"].to_dict() == pytest.approx(own["share_of_total"].to_dict(), rel=1e-12)
        assert set(rows["level"]) == {level}


def test_kind_and_summary_come_from_the_published_totals(c):
    kind = gz.compare(c, by="kind")
    summary = gz.compare(c, by="summary").set_index("disclosure")
    for doc in ("unit-1", "unit-2"):
        d = c.load(doc)
        spent = d.expenditure_by_function.iloc[0]  # the 合计 row
        income = d.income_by_function.iloc[0]
        rows = kind[kind["disclosure"] == doc].set_index("kind")
        assert rows.loc["basic", "share"] == pytest.approx(spent["basic"] / spent["total"])
        assert rows.loc["project", "label"] == "项目支出"
        s = summary.loc[doc]
        assert s["carryover_share"] == pytest.approx(income["carryover"] / income["total"])
        assert s["three_public_to_basic"] == pytest.approx(
            d.three_public_expenses["total"].iloc[0] / spent["basic"]
        )
        assert s["expenditure"] == pytest.approx(c.disclosures.set_index("id").loc[doc, "expenditure"])


def test_names_follow_lang_and_bad_arguments_are_refused(c):
    zh = gz.compare(c, by="function", lang="zh").set_index(["disclosure", "code"])
    en = gz.compare(c, by="function", lang="en").set_index(["disclosure", "code"])
    assert zh.loc[("unit-1", "201"), "name"] == "一般公共服务支出"
    assert en.loc[("unit-1", "201"), "name"] == "General public services"
    assert gz.compare(c, by="kind", lang="en")["label"].tolist()[:2] == ["Basic spending", "Project spending"]
    with pytest.raises(ValueError, match="by must be one of"):
        gz.compare(c, by="city")
    with pytest.raises(ValueError, match="level must be one of"):
        gz.compare(c, by="function", level="目")
    with pytest.raises(ValueError, match="lang"):
        gz.compare(c, lang="fr")


def test_charts_carry_the_compared_data(c):
    views = gz.compare_charts
    heat = views.share_heatmap(gz.compare(c, by="function"), lang="en").to_dict()
    assert heat["mark"]["type"] == "rect" and heat["encoding"]["color"]["field"] == "share"
    assert heat["encoding"]["y"]["field"] == "unit"
    multiples = views.composition_multiples(gz.compare(c, by="kind"), by="kind").to_dict()
    assert multiples["facet"]["field"] == "unit" and multiples["spec"]["encoding"]["y"]["field"] == "label"
    summary = gz.compare(c, by="summary")
    ranked = views.ranked(summary, "carryover_share").to_dict()
    assert ranked["encoding"]["x"]["field"] == "carryover_share" and ranked["encoding"]["y"]["sort"] == "-x"
    values = next(iter(ranked["datasets"].values()))
    assert sorted(v["carryover_share"] for v in values) == pytest.approx(sorted(summary["carryover_share"]))


def test_the_explorer_follows_its_controls(c):
    e = gz.compare_charts.compare_explorer(c)
    assert set(e.table["disclosure"]) == {"unit-1", "unit-2"} and e.chart.to_dict()["mark"]["type"] == "rect"
    e.controls["units"].value = ("合成测试单位2",)
    assert set(e.table["unit"]) == {"合成测试单位2"}
    e.controls["measure"].value = "carryover"
    assert list(e.table["disclosure"]) == ["unit-2"]
    assert e.chart.to_dict()["encoding"]["x"]["field"] == "carryover_share"
    e.controls["measure"].value = "economic"
    e.controls["lang"].value = "en"
    assert "Wages and benefits" in set(e.table["name"])
    e.controls["cities"].value = ("未知",)
    e.controls["units"].value = ()
    assert set(e.table["disclosure"]) == {"unit-1", "unit-2"}


class FactsOnly:
    """The least a corpus must offer ``gz.compare``: ``sql`` over ``facts`` and ``disclosures`` (here in memory)."""

    def __init__(self, facts, disclosures):
        import duckdb

        self.disclosures = disclosures
        self.con = duckdb.connect()
        self.con.register("facts", facts)
        self.con.register("disclosures", disclosures)

    def sql(self, query, params=None):
        return self.con.execute(query, params).df()


def test_a_total_row_followed_by_unit_rows_counts_once():
    """A 三公 table of a department with units prints 合计 first, then each unit: the 合计 is taken, not the sum."""
    import pandas as pd

    def fact(resource, row, measure, amount):
        return {"disclosure": "d", "resource": resource, "row": row, "code": None, "level": None,
                "item": None, "measure": measure, "amount": amount}  # fmt: skip

    facts = pd.DataFrame(
        [
            fact("expenditure_by_function", "1", "total", 100.0),
            fact("expenditure_by_function", "1", "basic", 40.0),
            fact("expenditure_by_function", "1", "project", 60.0),
            fact("income_by_function", "1", "total", 100.0),
            fact("income_by_function", "1", "carryover", 10.0),
            fact("three_public_expenses", "1", "total", 8.0),  # 合计
            fact("three_public_expenses", "2", "total", 5.0),  # unit A
            fact("three_public_expenses", "10", "total", 3.0),  # unit B (row 10 sorts after 2)
        ]
    )
    docs = pd.DataFrame([{"id": "d", "unit": "某局", "city": "某市", "year": 2026, "status": "ok"}])
    s = gz.compare(FactsOnly(facts, docs), by="summary").iloc[0]
    assert s["three_public"] == 8.0 and s["three_public_to_basic"] == pytest.approx(0.2)
    assert s["carryover_share"] == pytest.approx(0.1) and s["project_share"] == pytest.approx(0.6)
