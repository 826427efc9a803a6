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
    cells, text = heat["layer"]
    assert cells["mark"]["type"] == "rect" and cells["encoding"]["color"]["field"] == "share"
    assert cells["encoding"]["y"]["field"] == "unit" and text["encoding"]["text"]["field"] == "share"
    # sized to its rows and columns, names horizontal (wrapped onto lines), not at 45°
    assert heat["height"] == {"step": views.HEAT_ROW} and heat["width"] == {"step": views.HEAT_COLUMN}
    assert cells["encoding"]["x"]["axis"]["labelAngle"] == 0
    assert views.wrap_label("一般公共服务支出") == "一般公共\n服务支出"
    assert views.wrap_label("General public services", "en") == "General\npublic\nservices"
    multiples = views.composition_multiples(gz.compare(c, by="kind"), by="kind").to_dict()
    assert multiples["facet"]["field"] == "unit" and multiples["spec"]["encoding"]["y"]["field"] == "label"
    summary = gz.compare(c, by="summary")
    ranked = views.ranked(summary, "carryover_share").to_dict()
    assert ranked["encoding"]["x"]["field"] == "carryover_share" and ranked["encoding"]["y"]["sort"] == "-x"
    values = next(iter(ranked["datasets"].values()))
    assert sorted(v["carryover_share"] for v in values) == pytest.approx(sorted(summary["carryover_share"]))


def test_the_explorer_follows_its_controls(c):
    e = gz.compare_charts.compare_explorer(c)
    assert set(e.table["disclosure"]) == {"unit-1", "unit-2"}
    assert e.chart.to_dict()["layer"][0]["mark"]["type"] == "rect"
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


def test_the_kernel_free_explorer_holds_every_choice(c, monkeypatch):
    """While the report is built, compare_explorer is one spec: its controls are bound params over data
    precomputed for every measure, level and language."""
    from gzanalysis.views.notebook import REPORT_BUILD_ENV

    monkeypatch.setenv(REPORT_BUILD_ENV, "1")
    spec = gz.compare_charts.compare_explorer(c, lang="en").to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"city", "unit", "measure", "level", "lang"}
    assert params["lang"]["value"] == "en" and all("bind" in p for p in params.values())
    assert set(params["unit"]["bind"]["options"]) == {"all", "合成测试单位1", "合成测试单位2"}
    rows = next(iter(spec["datasets"].values()))
    choices = {(r["measure"], r["level"], r["lang"]) for r in rows}
    measures = set(gz.compare_charts.MEASURES)
    assert choices == {(m, lv, la) for m in measures for lv in ("类", "款", "项") for la in ("zh", "en")}
    carryover = {r["unit"]: r["share"] for r in rows if r["measure"] == "carryover" and r["lang"] == "en"}
    summary = gz.compare(c, by="summary").dropna(subset=["carryover_share"])
    assert carryover == pytest.approx(dict(zip(summary["unit"], summary["carryover_share"], strict=True)))
    assert "(unit === 'all' || datum.unit === unit)" in spec["transform"][0]["filter"]


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
