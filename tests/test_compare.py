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
    assert list(table.columns[:5]) == ["disclosure", "unit", "budget", "city", "year"]
    assert set(table["budget"]) == {"单位预算"}  # the seed's title: 2023年单位预算公开
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
    e.controls["measure"].value = "growth"
    assert list(e.table["disclosure"]) == ["unit-2"] and "growth_rate" in e.table
    assert e.chart.to_dict()["layer"][0]["encoding"]["x"]["field"] == "growth_rate"
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
    growth = {r["unit"]: r["share"] for r in rows if r["measure"] == "growth" and r["lang"] == "zh"}
    rates = gz.compare(c, by="growth")
    assert growth == pytest.approx(dict(zip(rates["unit"], rates["growth_rate"], strict=True)))
    assert "(unit === 'all' || datum.unit === unit)" in spec["transform"][0]["filter"]


class FactsOnly:
    """The least a corpus must offer ``gz.compare``: ``sql`` over ``facts``, ``disclosures`` and the document
    tables (here in memory; those not given are empty, with their columns)."""

    def __init__(self, facts, disclosures, **tables):
        import duckdb
        import pandas as pd

        from gzanalysis.corpus.documents import DOCUMENT_TABLES
        from gzanalysis.corpus.store import _columns

        self.disclosures = disclosures
        self.con = duckdb.connect()
        self.con.register("facts", facts)
        self.con.register("disclosures", disclosures)
        for name in DOCUMENT_TABLES:
            frame = tables.get(name, pd.DataFrame(columns=_columns(name)))
            self.con.register(name, frame.astype({"amount": "float64"}) if "amount" in frame else frame)

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


def _fact(resource, row, measure, amount, disclosure="d"):
    return {"disclosure": disclosure, "resource": resource, "row": row, "code": None, "level": None,
            "item": None, "measure": measure, "amount": amount}  # fmt: skip


def test_a_carryover_stated_in_words_is_that_figure_not_unknown():
    """A table that leaves 上年结转 blank, a narrative that says "上年结转结余为0万元": the share is 0, from words;
    a document that states it nowhere stays unknown."""
    import pandas as pd

    facts = pd.DataFrame(
        [
            _fact(r, "1", m, a, doc)
            for doc in ("d", "e")
            for r, m, a in [
                ("expenditure_by_function", "total", 100.0),
                ("expenditure_by_function", "basic", 40.0),
                ("income_by_function", "total", 100.0),
            ]
        ]
    )
    docs = pd.DataFrame(
        [{"id": i, "unit": f"{i}局", "city": "某市", "year": 2026, "status": "ok"} for i in ("d", "e")]
    )
    figures = pd.DataFrame(
        [
            {
                "disclosure": "d",
                "row": 1,
                "topic": gz.analyses.carryover.STATED_CARRYOVER,
                "amount": 0.0,
                "source_line": 9,
            }
        ]  # fmt: skip
    )
    s = gz.compare(FactsOnly(facts, docs, narrative_figures=figures), by="summary").set_index("disclosure")
    assert s.loc["d", "carryover"] == 0.0 and s.loc["d", "carryover_share"] == 0.0
    assert s.loc["d", "carryover_from"] == "文字说明"
    assert pd.isna(s.loc["e", "carryover_share"]) and pd.isna(s.loc["e", "carryover_from"])
    en = gz.compare(FactsOnly(facts, docs, narrative_figures=figures), by="summary", lang="en")
    assert en.set_index("disclosure").loc["d", "carryover_from"] == "stated in words"


def test_growth_reads_each_documents_headline_and_its_narrative_audit(c):
    growth = gz.compare(c, by="growth").set_index("disclosure")
    assert sorted(growth.index) == ["unit-1", "unit-2"]
    for doc in growth.index:
        d = c.load(doc)
        own = gz.headline_changes(d).set_index("side").loc["expenditure"]
        row = growth.loc[doc]
        assert (row["amount"], row["stated_change"]) == (own["amount"], own["change"])
        assert row["compared_with"] == own["compared_with"] and row["source_line"] == own["source_line"]
        assert row["growth_rate"] == pytest.approx(own["change"] / (own["amount"] - own["change"]))
        statuses = gz.audit(d).query("family == 'narrative'")["status"].value_counts()
        for status in ("ok", "rounding", "material", "not_checked"):
            assert row[f"narrative_{status}"] == statuses.get(status, 0)
    findings = gz.compare(c, by="narrative")
    for doc, rows in findings.groupby("disclosure"):
        own = gz.audit(c.load(doc)).query("family == 'narrative'")
        assert sorted(rows["rule"]) == sorted(own["rule"])


def test_a_narrative_that_disagrees_with_its_tables_is_named():
    """A material narrative finding shows in the growth table's count and in by="narrative"; a document
    without a narrative is compared all the same, its figures unknown."""
    import pandas as pd

    facts = pd.DataFrame([_fact("expenditure_by_function", "1", "total", 110.0, i) for i in ("d", "e")])
    docs = pd.DataFrame(
        [{"id": i, "unit": f"{i}局", "city": "某市", "year": 2026, "status": "ok"} for i in ("d", "e")]
    )
    statements = pd.DataFrame(
        [
            {
                "disclosure": "d",
                "row": 1,
                "section": "支出预算",
                "scope": "全部资金",
                "grouping": "total",
                "item": "支出预算",
                "amount": 110.0,
                "change": 10.0,
                "wording": "增加",
                "growth_rate_stated": 10.0,
                "reason": "人员增加",
                "compared_with": "上年执行",
                "page": 3,
                "source_line": 40,
            }
        ]  # fmt: skip
    )
    findings = pd.DataFrame(
        [
            {
                "disclosure": "d",
                "rule": "narrative.amount.支出预算.total.支出预算",
                "family": "narrative",
                "description_zh": "说明 = 表",
                "description_en": "narrative = table",
                "lhs_label": "说明",
                "lhs": 110.0,
                "rhs_label": "收支总表",
                "rhs": 120.0,
                "diff": -10.0,
                "status": "material",
                "source_lines": "40",
            }
        ]  # fmt: skip
    )
    corpus = FactsOnly(facts, docs, narrative_changes=statements, findings=findings)
    growth = gz.compare(corpus, by="growth", lang="en").set_index("disclosure")
    assert growth.loc["d", "growth_rate"] == pytest.approx(0.1) and growth.loc["d", "stated_percent"] == 10.0
    assert (
        growth.loc["d", "compared_with"] == "Last year's outturn" and growth.loc["d", "reason"] == "人员增加"
    )
    assert growth.loc["d", "narrative_material"] == 1 and growth.loc["d", "page"] == 3
    assert pd.isna(growth.loc["e", "amount"]) and pd.isna(growth.loc["e", "narrative_material"])
    named = gz.compare(corpus, by="narrative", lang="en")
    assert named[["unit", "status", "description"]].values.tolist() == [
        ["d局", "material", "narrative = table"]
    ]


def test_the_growth_chart_ranks_labels_and_says_what_is_compared(c):
    import pandas as pd

    growth = pd.DataFrame(
        {
            "unit": ["甲局", "乙局", "丙局"],
            "budget": ["部门预算"] * 3,
            "scope": ["全部资金", "财政拨款", "全部资金"],
            "amount": [110.0, 90.0, 300.0],
            "stated_change": [10.0, -10.0, 100.0],
            "growth_rate": [0.1, -0.1, 0.5],
            "stated_percent": [10.0, None, 50.0],
            "compared_with": ["上年预算", "上年执行", "上年"],
        }  # fmt: skip
    )
    zh = gz.compare_charts.growth_ranked(growth).to_dict()
    bars, text, _ = zh["layer"]
    assert bars["encoding"]["y"]["sort"] == ["丙局", "甲局", "乙局"]  # by growth rate, largest first
    assert (
        bars["encoding"]["x"]["field"] == "growth_rate" and text["encoding"]["text"]["field"] == "growth_rate"
    )
    assert bars["encoding"]["color"]["field"] == "compared_with"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["上年预算", "上年执行", "上年"]
    assert "上年预算与上年执行数不是一回事" in " ".join(zh["title"]["subtitle"])
    en = gz.compare_charts.growth_ranked(
        growth.assign(compared_with=["Last year's budget", "Last year's outturn", "Last year (not said which)"],
                      scope=["All funds", "Fiscal appropriations", "All funds"]), lang="en"
    ).to_dict()  # fmt: skip
    assert en["title"]["text"].startswith("Growth of each department's total budget")
    assert (
        en["layer"][0]["encoding"]["color"]["scale"]["range"]
        == zh["layer"][0]["encoding"]["color"]["scale"]["range"]
    )
    values = next(iter(en["datasets"].values()))
    assert [v["all_funds"] for v in values] == [True, False, True]  # the fiscal-only statement is pale


def test_the_multiples_title_names_what_the_panels_hold(c):
    economic = gz.compare_charts.composition_multiples(
        gz.compare(c, by="economic", lang="en"), "economic", "en"
    )
    title = economic.to_dict()["title"]["text"]
    assert "basic spending of the general public budget" in title and "economic class" in title
    zh = gz.compare_charts.composition_multiples(gz.compare(c, by="economic"), "economic").to_dict()
    assert zh["title"]["text"] == "各部门一般公共预算基本支出的经济分类结构"


def test_every_comparison_chart_is_titled_in_its_edition(c):
    """The English edition's charts carry English titles (no CJK in title or subtitle); the Chinese, Chinese."""
    import re

    views = gz.compare_charts
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for lang in ("en", "zh"):
        charts = [
            views.share_heatmap(gz.compare(c, by="function", lang=lang), lang=lang),
            views.composition_multiples(gz.compare(c, by="economic", lang=lang), "economic", lang),
            views.ranked(gz.compare(c, by="summary", lang=lang), "carryover_share", lang),
            views.ranked(gz.compare(c, by="summary", lang=lang), "three_public_to_basic", lang),
            views.growth_ranked(gz.compare(c, by="growth", lang=lang), lang),
        ]
        for chart in charts:
            title = chart.to_dict()["title"]
            text = " ".join([title["text"], *title.get("subtitle", [])])
            assert bool(cjk.search(text)) == (lang == "zh"), text


def test_a_corpus_built_before_the_narrative_was_kept_still_compares(c, tmp_path):
    """Without the document tables (an older corpus), the summary takes the tables' carry-over and the
    growth comparison lists every document with nothing stated."""
    import shutil

    from gzanalysis.corpus.documents import DOCUMENT_TABLES

    old = tmp_path / "old"
    shutil.copytree(c.path, old)
    for name in DOCUMENT_TABLES:
        (old / f"{name}.parquet").unlink()
    before = gz.corpus(old)
    summary = gz.compare(before, by="summary").set_index("disclosure")
    assert (
        summary["carryover"].to_dict()
        == gz.compare(c, by="summary").set_index("disclosure")["carryover"].to_dict()
    )
    growth = gz.compare(before, by="growth")
    assert sorted(growth["disclosure"]) == ["unit-1", "unit-2"] and growth["amount"].isna().all()
