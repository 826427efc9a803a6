"""Analyses asserted against the published figures."""

import pandas as pd
import pytest

import gzanalysis as gz


def test_composition_by_function_reproduces_the_published_classes(d):
    c = gz.composition(d, by="function", level="类").set_index("code")
    assert c.loc["201", "amount"] == 13070.04
    assert c.loc["213", "amount"] == 1733.87
    assert c.loc["201", "share_of_total"] == pytest.approx(13070.04 / 23255.42)
    assert c["amount"].is_monotonic_decreasing
    assert len(c) == 12


def test_composition_shares_of_parent(d):
    k = gz.composition(d, by="function", level="款").set_index("code")
    assert k.loc["20103", "share_of_parent"] == pytest.approx(12970.04 / 13070.04)
    assert k.loc["20807", "share_of_parent"] == pytest.approx(310.00 / 472.13)


def test_composition_by_economic_class_and_measure(d):
    e = gz.composition(d, by="economic", level="类").set_index("code")
    assert e["amount"].to_dict() == {"301": 1645.09, "302": 214.31, "303": 3.00}
    p = gz.composition(d, by="function", level="类", measure="project").set_index("code")
    assert p.loc["201", "amount"] == 11645.12
    assert "221" not in p.index  # no project spending on housing: a blank cell is not a zero row


def test_composition_by_source_and_kind(d):
    s = gz.composition(d, by="source", level=None).set_index("source")
    assert s["amount"].to_dict() == {
        "fiscal_subtotal": 13347.47,
        "carryover": 9207.96,
        "other_income": 700.00,
    }
    k = gz.composition(d, by="kind", level=None).set_index("kind")
    assert k["amount"].to_dict() == {"project": 21393.02, "basic": 1862.41}
    per_function = gz.composition(d, by="source", level="类")
    assert per_function.query("code == '208'").set_index("source")["amount"].to_dict() == {
        "carryover": 310.00,
        "fiscal_subtotal": 162.13,
    }


def test_composition_in_english(d):
    c = gz.composition(d, by="function", level="类", lang="en").set_index("code")
    assert c.loc["201", "name"] == "General public services"
    assert (
        gz.composition(d, by="source", level=None, lang="en").set_index("source").loc["carryover", "label"]
        == "Carried over"
    )


@pytest.mark.parametrize(
    "kwargs", [{"by": "department"}, {"level": "目"}, {"measure": "personnel"}, {"lang": "fr"}]
)
def test_composition_rejects_bad_arguments(d, kwargs):
    with pytest.raises(ValueError):
        gz.composition(d, **kwargs)


def test_changes_imply_the_prior_year(d):
    c = gz.changes(d)
    total = c.query("section == '支出预算' and grouping == 'total'").iloc[0]
    assert (total["amount"], total["change"], total["prior_year"]) == (
        23255.42,
        8471.56,
        pytest.approx(14783.86),
    )
    assert total["reason"].startswith("单位人员增加")
    financial = c.query("code == '217'").iloc[0]  # 金融支出 0, 净减 325: it was 325 in 2022
    assert financial["change"] == -325 and financial["prior_year"] == 325 and financial["wording"] == "净减"
    net_new = c.query("code == '211'").iloc[0]  # 净增 606.35: the amount comes from the table
    assert (
        net_new["amount_from"] == "table" and net_new["prior_year"] == 0 and pd.isna(net_new["growth_rate"])
    )
    assert c.query("item == '机关运行经费'")["growth_rate"].iloc[0] == pytest.approx(0.4011, abs=5e-5)


def test_changes_say_where_the_parts_do_not_add_up(d):
    c = gz.changes(d)
    assert set(c.query("section == '收入预算'")["parts_check"]) == {"material"}
    assert set(c.query("section == '财政拨款支出'")["parts_check"].dropna()) == {"ok"}
    full = gz.changes(d, findings=gz.audit(d))
    assert full["parts_check"].equals(c["parts_check"])


def test_changes_in_english(d):
    c = gz.changes(d, lang="en")
    assert "Science and technology" in set(c["item"])
    assert c.query("code == '217'")["wording"].iloc[0] == "net decrease"


def test_carryover_by_class(d):
    c = gz.carryover(d, level="类").set_index("code")
    assert c.loc["206", "carryover"] == 3151.22
    assert c.loc["206", "share_of_carryover"] == pytest.approx(3151.22 / 9207.96)
    assert c.loc["208", "share_carried_over"] == pytest.approx(310.00 / 472.13)
    only = set(c.index[c["carryover_only"]])
    assert only == {"206", "207", "211", "212", "213", "215", "216"}
    assert c.loc["221", "carryover"] == 0 and not c.loc["221", "carryover_only"]
    assert c["carryover"].sum() == pytest.approx(9207.97)  # the published 合计 is 9207.96: see the audit


def test_carryover_at_item_level(d):
    c = gz.carryover(d, level="项").set_index("code")
    assert c.loc["2010302", "carryover"] == 50.77
    assert c.loc["2010399", "carryover"] == 9.30


def test_carryover_context(d):
    ctx = gz.carryover_context(d)
    assert ctx["total"] == 9207.96
    assert ctx["narrative"]["item"] == "国库集中支付网上结转" and ctx["narrative"]["source_line"] == 575
    assert "惠企" in ctx["reason"]
    assert ctx["projects"]["project_id"].tolist() == ["P4", "P7"]
    assert ctx["fiscal_summary_blank"] is True


def test_targets(d):
    t = gz.targets(d)
    assert len(t) == 120
    row = t.query("indicator == '培训人次'").iloc[0]
    assert (row["operator"], row["number"], row["unit"], row["kind"]) == ("≥", 20820, "人次", "quantitative")
    assert set(t.query("project_id == 'P8'")["kind"]) == {"missing"}
    assert gz.targets(d, lang="en")["level1"].iloc[0] == "Cost"


def test_targets_summary(d):
    s = gz.targets_summary(d).set_index("project_id")
    assert s.loc["P1", "indicators"] == 27 and s.loc["P1", "qualitative"] == 2
    assert s.loc["P6", "at_100_percent"] == 11
    assert s.loc["P5", "wan_yuan_per_indicator"] == pytest.approx(4200 / 12)
    assert s["funds_total"].sum() == pytest.approx(12186.46)


# --- teaching exercise 3: judged on what the disclosure lets a reader judge (issue 17)
def test_indicator_judgement_from_the_data(d):
    hotline = gz.teaching.indicator_judgement(d, "P2", "交办工单回访率")
    assert hotline["measurable"] and hotline["sensible"] and hotline["self_reported_100"]
    assert not hotline["ambition_judgeable"]  # the tables print targets only, no baseline
    failure = gz.teaching.indicator_judgement(d, "P4", "系统故障率(%)")
    assert failure["measurable"] and not failure["sensible"]
    assert gz.teaching.indicator_judgement(d, "P4", "系统故障率")["sensible"]  # ≤5%
    assert not gz.teaching.indicator_judgement(d, "P6", "成本控制率")["self_reported_100"]  # ≤100%
    assert not gz.teaching.indicator_judgement(d, "P1", "项目成本节约率")["sensible"]  # =100% saving
    assert gz.teaching.indicator_judgement(d, "P1", "no such indicator") is None


def test_check_indicator_rejects_a_claim_of_ambition(d):
    verdict = gz.teaching.check_indicator(d, "P2", "15秒接通率", True, True, True, lang="en")
    assert not verdict and "cannot be judged" in str(verdict)
    assert gz.teaching.check_indicator(d, "P2", "15秒接通率", True, False, True, lang="en")
    assert not gz.teaching.check_indicator(d, "P4", "系统故障率(%)", True, False, True, lang="en")
    verdict = gz.teaching.check_indicator(d, "P2", "交办工单回访率", True, False, True, lang="en")
    assert verdict and "verify" in str(verdict)
    assert not gz.teaching.check_indicator(d, "P2", "交办工单回访率", True, False, None, lang="en")


def test_teaching_verdicts_follow_the_language(d):
    """The same judgement in both editions: the verdict (true/false) is equal, the words are the language's;
    a notebook shows it as a sentence (HTML), not as printed text."""
    out = {}
    for lang in ("zh", "en"):
        verdicts = [
            gz.teaching.check_basic_split(d, 1648.09, 214.31, 0.01, lang=lang),
            gz.teaching.check_without_carryover(d, 7, "201", 0.5, lang=lang),
            gz.teaching.check_indicator(d, "P2", "15秒接通率", True, True, True, lang=lang),
        ]
        assert [bool(v) for v in verdicts] == [True, False, False]
        out[lang] = "\n".join(str(v) for v in verdicts)
        assert verdicts[0]._repr_html_().startswith('<p class="gz-verdict gz-verdict-right">✔ ')
    assert "尾差" in out["zh"] and "无法判断" in out["zh"] and "rounding" not in out["zh"]
    assert "rounding" in out["en"] and "尾差" not in out["en"]
    unanswered = gz.teaching.check_basic_split(d, None, None, None, lang="en")
    assert not unanswered and str(unanswered).startswith("… Not answered yet")
    with pytest.raises(ValueError):
        gz.teaching.check_basic_split(d, None, None, None, lang="fr")


def test_glossary_names_every_term_in_english(d):
    g = gz.glossary(d)
    assert len(g) == len(d.table("glossary")) and g["term_en"].notna().all()
    names = g.set_index("term")["term_en"]
    assert names["上年结转和结余"] == "Carry-over and balances from previous years"
    assert "three public expenses" in names['"三公"经费']
    # the functional classes are named as in the package's code list (which adds no "expenditure")
    classes = d.table("functional_codes").query("level == '类'").set_index("name_zh")["name_en"]
    for term, english in names[g.set_index("term")["part"] == "支出科目"].items():
        assert english.startswith(classes[term].split(" expenditure")[0]), term
    assert set(gz.glossary(d, lang="en")["part"]) == {
        "Income items",
        "Expenditure items (functional classes)",
        "Related terms",
    }


def test_a_glossary_term_without_an_english_name_is_left_blank(d, monkeypatch):
    """Never an invented translation, and one unknown term (another disclosure's own) stops no report."""
    from gzanalysis.analyses import labels

    monkeypatch.delitem(labels.GLOSSARY_TERMS, "事业收入")
    names = gz.glossary(d).set_index("term")["term_en"]
    assert pd.isna(names["事业收入"]) and names.drop("事业收入").notna().all()
