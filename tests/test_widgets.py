"""Widget explorers: set their controls in Python, assert the new chart spec and table.

The explorers are walked through every combination of their controls a user can reach (each dropdown's
current options, a few values of each number box): the table must equal the analysis function called with
the same arguments, the chart must draw those numbers, and its title must say what they are.
"""

import contextlib
import io
import re

import ipywidgets as w
import pandas as pd
import pytest
from traitlets import TraitError

import gzanalysis as gz
from gzanalysis.analyses.labels import label, term

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def quiet():
    """Outside a kernel, display() prints: keep the test log readable."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def _rows(chart):
    spec = chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _title(chart) -> tuple[str, str]:
    """The title and the subtitle (one line per part: joined as one text here)."""
    title = chart.to_dict()["title"]
    subtitle = title.get("subtitle", "")
    return title["text"], " · ".join(subtitle) if isinstance(subtitle, list) else subtitle


def _states(e, samples: dict, names=None):
    """Every reachable combination: each dropdown's options as offered at that point, the number samples."""
    names = list(e.controls) if names is None else names
    if not names:
        yield e.values()
        return
    control = e.controls[names[0]]
    if control.disabled:
        choices = [control.value]
    elif isinstance(control, w.Dropdown):
        choices = [value for _, value in control.options]
    else:
        choices = samples[names[0]]
    for value in choices:
        control.value = value
        yield from _states(e, samples, names[1:])


# What the numbers are, in words the title must hold: (by, measure) → (zh, en).
MEASURE_WORDS = {
    ("function", "total"): ("支出合计", "Total spending"),
    ("function", "basic"): ("基本支出", "Basic spending"),
    ("function", "project"): ("项目支出", "Project spending"),
    ("economic", "total"): ("一般公共预算基本支出", "basic spending"),
    ("economic", "personnel"): ("人员经费", "personnel"),
    ("economic", "public_operations"): ("公用经费", "public operations"),
}


def test_every_composition_view_is_the_analysis_under_its_own_title(d, quiet):
    e = gz.widgets.composition_explorer(d)
    seen = set()
    for v in _states(e, {"threshold": [0.0, 0.05]}):
        by, level, measure, share, lang = v["by"], v["level"], v["measure"], v["threshold"], v["lang"]
        seen.add((by, level, measure))
        expected = gz.composition(d, by=by, level=level, measure=measure, lang=lang, min_share=share)
        pd.testing.assert_frame_equal(e.table, expected)
        assert {r["code"]: r["amount"] for r in _rows(e.chart)} == dict(
            zip(expected["code"], expected["amount"], strict=True)
        )
        text, subtitle = _title(e.chart)
        words = MEASURE_WORDS[(by, measure)]
        assert words[lang == "en"] in text, (v, text)
        # no other measure's name (the economic total's name heads every economic title: it is the table)
        others = {
            name[lang == "en"]
            for key, name in MEASURE_WORDS.items()
            if key[0] == by and key[1] not in (measure, "total")
        }
        assert not any(o in text for o in others), (v, text)
        assert label(by, lang).lower() in text.lower() and label(level, lang).lower() in text.lower(), (
            v,
            text,
        )
        assert (f"{share:.1%}" in subtitle) == bool(share), (v, subtitle)
    # economic mode offers only the levels and measures its table publishes
    assert {(b, lv) for b, lv, _ in seen} == {
        ("function", "类"),
        ("function", "款"),
        ("function", "项"),
        ("economic", "类"),
        ("economic", "款"),
    }
    assert {m for b, _, m in seen if b == "economic"} == {"total", "personnel", "public_operations"}


def test_economic_mode_no_longer_shows_public_operations_as_project_spending(d, quiet):
    """The issue's case: 经济分类, 款, the third measure shows 公用经费 and says so."""
    e = gz.widgets.composition_explorer(d)
    e.controls["by"].value = "economic"
    e.controls["level"].value = "款"
    e.controls["measure"].value = "public_operations"
    assert dict(e.controls["measure"].options)["公用经费"] == "public_operations"
    row = e.table.set_index("name").loc["办公费"]
    assert row["amount"] == 60.71
    text, _ = _title(e.chart)
    assert "公用经费" in text and "项目支出" not in text
    with pytest.raises(TraitError):  # 项 does not exist in the economic table: not offered
        e.controls["level"].value = "项"


def test_every_changes_view_is_the_analysis_under_its_own_title(d, quiet):
    e = gz.widgets.changes_explorer(d)
    tables = {lang: gz.changes(d, lang=lang) for lang in ("zh", "en")}
    zh = tables["zh"]
    count = 0
    for v in _states(e, {"threshold": [0.0, 500.0]}):
        count += 1
        (section, scope), grouping, lang = v["section"], v["grouping"], v["lang"]
        least = 0.0 if v["view"] == "waterfall" else v["threshold"]
        rows = (zh["section"] == section) & (zh["scope"] == scope) & (zh["grouping"] == grouping)
        rows &= zh["change"].abs() >= least
        pd.testing.assert_frame_equal(e.table, tables[lang][rows].reset_index(drop=True))
        assert not e.table.empty, v  # only groupings the section states are offered
        drawn = _rows(e.chart)
        if v["view"] == "waterfall":
            drawn = drawn[1:-1]  # between 2022 and 2023: one step per stated change
        assert sorted(r["change"] for r in drawn) == sorted(e.table["change"]), v
        text, subtitle = _title(e.chart)
        assert term(section, lang) in text, (v, text)
        assert label(grouping, lang).lower() in subtitle.lower() and term(scope, lang) in subtitle, (
            v,
            subtitle,
        )
        assert (f"{least:,.2f}" in subtitle) == bool(least), (v, subtitle)
    assert count == 2 * (1 + 3 + 2) * 3  # languages × (section, grouping) × (bars at 2 thresholds, waterfall)


def test_every_carryover_view_is_the_analysis_under_its_own_title(d, quiet):
    e = gz.widgets.carryover_explorer(d)
    for v in _states(e, {"threshold": [0.0, 100.0]}):
        level, function, least, lang = v["level"], v["function"], v["threshold"], v["lang"]
        within = None if function == "all" else function
        expected = gz.carryover(d, level=level, lang=lang, within=within, min_carryover=least)
        pd.testing.assert_frame_equal(e.table, expected)
        assert [(r["code"], r["carryover"]) for r in _rows(e.chart)] == list(
            zip(expected["code"], expected["carryover"], strict=True)
        )
        text, subtitle = _title(e.chart)
        assert "9,207.96" in text and label(level, lang).lower() in subtitle.lower(), (v, subtitle)
        assert (within or "") in subtitle and (f"{least:,.2f}" in subtitle) == bool(least), (v, subtitle)


def test_every_targets_view_is_the_analysis_under_its_own_title(d, quiet):
    e = gz.widgets.targets_explorer(d)
    for v in _states(e, {}):
        project = None if v["project"] == "all" else v["project"]
        kind = None if v["kind"] == "all" else v["kind"]
        expected = gz.targets(d, lang=v["lang"], project=project, kind=kind)
        # the seed's tables are all projects': the explorer leaves out the column that would say so
        assert set(expected["table_of"]) <= {"project_table"}
        pd.testing.assert_frame_equal(e.table, expected.drop(columns="table_of"))
        drawn = {}
        for r in _rows(e.chart):
            drawn[r["project_id"]] = drawn.get(r["project_id"], 0) + r["count"]
        # the chart counts indicators; a category row without one (kind missing) is no bar
        counted = expected[expected["kind"].isin(gz.charts.MEASURES["indicators"]["rows"][1])]
        assert drawn == counted["project_id"].value_counts().to_dict(), v
        _, subtitle = _title(e.chart)
        assert (project or ("全部项目" if v["lang"] == "zh" else "All projects")) in subtitle, (v, subtitle)
        if kind:
            assert label(kind, v["lang"]).lower() in subtitle.lower(), (v, subtitle)


EXPLORERS = ["composition_explorer", "changes_explorer", "carryover_explorer", "targets_explorer"]


@pytest.mark.parametrize("name", EXPLORERS)
def test_all_is_a_real_value_with_a_label(d, name, quiet):
    e = getattr(gz.widgets, name)(d)
    for control in e.controls.values():
        if isinstance(control, w.Dropdown):
            assert all(value is not None and text for text, value in control.options), control.options
            assert control.label, f"{control.description} displays blank"


@pytest.mark.parametrize("name", EXPLORERS)
def test_english_mode_labels_every_control_in_english(d, name, quiet):
    e = getattr(gz.widgets, name)(d)
    e.controls["lang"].value = "en"
    assert not CJK.search(e.header.value)
    for key, control in e.controls.items():
        assert not CJK.search(control.description), control.description
        # project names are the source's own text; the language menu names each language in itself
        if isinstance(control, w.Dropdown) and key not in ("project", "lang"):
            assert not any(CJK.search(text) for text, _ in control.options), control.options
    if "level" in e.table.columns:
        assert not CJK.search(e.view().to_html())  # levels (Class, Category, Item) and names in English


@pytest.mark.parametrize("name", EXPLORERS)
def test_controls_are_sized_to_their_text(d, name, quiet):
    e = getattr(gz.widgets, name)(d)
    for control in e.controls.values():
        assert control.style.description_width == "initial"  # the description is never cut
        if isinstance(control, w.Dropdown):
            assert control.layout.width == "max-content"  # nor the chosen option ("功能分类 fu", "Englis")


def test_tables_show_percentages_and_amounts(d, quiet):
    e = gz.widgets.composition_explorer(d)
    html = e.view().to_html()
    assert "56.2%" in html and "0.562021" not in html  # 一般公共服务支出: 13,070.04 of 23,255.42
    assert "13,070.04" in html and "占总额比重" in html
    assert e.table.loc[0, "share_of_total"] == pytest.approx(13070.04 / 23255.42)  # the data stays numeric
    c = gz.widgets.carryover_explorer(d)
    assert "34.2%" in c.view().to_html()  # 206: 3,151.22 of 9,207.96 carried over


@pytest.mark.parametrize("name", EXPLORERS)
def test_every_shown_column_is_labelled_in_the_chosen_language(d, name, quiet):
    e = getattr(gz.widgets, name)(d)
    for lang in ("zh", "en"):
        e.controls["lang"].value = lang
        headers = re.findall(r'<th id="\w+" class="col_heading[^"]*" >([^<]*)</th>', e.view().to_html())
        assert len(headers) == e.table.shape[1]
        for header, column in zip(headers, e.table.columns, strict=True):
            assert bool(CJK.search(header)) == (lang == "zh"), (lang, column, header)
    if name == "targets_explorer":  # 项目支出 (project spending) would mislabel the project's name
        e.controls["lang"].value = "zh"
        assert "项目名称" in e.view().to_html() and "项目支出" not in e.view().to_html()


def test_the_shown_table_escapes_data_strings(d, quiet):
    e = gz.widgets.composition_explorer(d)
    e.table = e.table.assign(name="<img src=x onerror=alert(1)>")
    html = e.view().to_html()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_composition_explorer(d, quiet):
    e = gz.widgets.composition_explorer(d)
    assert e.table["level"].unique().tolist() == ["类"] and len(e.table) == 12
    e.controls["level"].value = "项"
    assert set(e.table["level"]) == {"项"} and "2010302" in set(e.table["code"])
    assert {r["code"] for r in _rows(e.chart)} == set(e.table["code"])
    e.controls["threshold"].value = 0.1
    assert e.table["code"].tolist() == ["2010302", "2010399", "2060499", "2120199"]
    e.controls["lang"].value = "en"
    assert e.chart.to_dict()["encoding"]["x"]["title"] == "Amount (10k yuan)"
    e.controls["by"].value = "economic"  # 项 is not an economic level: the control shows the level used
    assert e.controls["level"].value == "类" and set(e.table["code"].str.len()) == {3}


def test_changes_explorer(d, quiet):
    e = gz.widgets.changes_explorer(d)
    assert len(e.table) == 13 and e.chart.to_dict()["mark"]["type"] == "bar"
    e.controls["threshold"].value = 1000
    assert set(e.table["code"]) == {"206", "212", "213"}
    assert {r["code"] for r in _rows(e.chart)} == {"206", "212", "213"}
    e.controls["view"].value = "waterfall"
    assert e.controls["threshold"].disabled and len(e.table) == 13  # a waterfall shows every step
    assert _rows(e.chart)[0]["item"] == "2022年"
    e.controls["section"].value = ("财政拨款支出", "财政拨款")
    assert [v for _, v in e.controls["grouping"].options] == ["function", "kind"]
    assert len(e.table) == 4 and e.table["section"].unique().tolist() == ["财政拨款支出"]


def test_carryover_explorer(d, quiet):
    e = gz.widgets.carryover_explorer(d)
    assert e.table.loc[0, "code"] == "206"
    assert e.controls["function"].value == "all" and e.controls["function"].label == "全部"
    e.controls["level"].value = "项"
    e.controls["function"].value = "201"
    assert set(e.table["code"]) == {"2010301", "2010302", "2010350", "2010399", "2013810"}
    e.controls["threshold"].value = 10
    assert set(e.table["code"]) == {"2010302", "2013810"}
    assert {r["code"] for r in _rows(e.chart)} == {"2010302", "2013810"}
    e.controls["lang"].value = "en"
    assert dict(e.controls["function"].options)["201 General public services"] == "201"


def test_targets_explorer(d, quiet):
    e = gz.widgets.targets_explorer(d)
    assert len(e.table) == 120
    e.controls["project"].value = "P3"
    assert len(e.table) == 15 and {r["project_id"] for r in _rows(e.chart)} == {"P3"}
    e.controls["kind"].value = "qualitative"
    assert e.table["value_text"].tolist() == ["有效.", "提高.", "提高."]
    assert sum(r["count"] for r in _rows(e.chart)) == 3  # the chart follows the kind too
