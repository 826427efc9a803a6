"""A chart says what it counts, and counts what it says (issue 25, item 1).

Each chart of ``gz.charts`` names its measure in ``usermeta`` (a key of ``gz.charts.MEASURES``: the words its
title uses, the encoded field that holds the measure, the rows it may count). These tests read the spec as a
reader's browser gets it and check, for every chart of the gallery in both languages: the title is in the
chart's language and names the measure, the measure's field is what the chart encodes, and the chart's data
holds only rows the measure counts (the targets chart once counted P8's six category rows, which hold no
indicator, under a title about targets). The comparison charts of notebook 06 are checked for their
language too, and for their measure where they name one.
"""

import copy
import re

import pandas as pd
import pytest

import gzanalysis as gz

CJK = re.compile(r"[\u4e00-\u9fff]")
CHANNELS = ("x", "y", "x2", "y2", "theta", "size")


def _walk(node):
    """Every dict of a spec, nested ones included (layers, concatenations, facets)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def quantitative_fields(spec: dict) -> set[str]:
    """The fields a spec encodes as quantities on its positional channels (an aggregate's field included)."""
    found = set()
    for node in _walk(spec):
        for channel, enc in (node.get("encoding") or {}).items():
            positional = channel in CHANNELS and isinstance(enc, dict) and "field" in enc
            if positional and (enc.get("type") == "quantitative" or channel in ("x2", "y2")):
                found.add(enc["field"])
    return found


def title_of(spec: dict) -> tuple[str, str]:
    """The title's main text and its subtitle lines, joined."""
    title = spec.get("title", "")
    if isinstance(title, str):
        return title, ""
    text, subtitle = title.get("text", ""), title.get("subtitle", "")
    text = " ".join(text) if isinstance(text, list) else text
    subtitle = " ".join(subtitle) if isinstance(subtitle, list) else subtitle
    return text, subtitle


def data_rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def problems(spec: dict, lang: str, declared: bool = True) -> list[str]:
    """What is wrong with a chart's title against its data (empty: nothing). ``declared``: the chart must
    name its measure."""
    out = []
    text, subtitle = title_of(spec)
    if not text:
        out.append("no title")
    elif lang == "en" and CJK.search(text):
        out.append(f"English chart with a Chinese title: {text!r}")
    elif lang == "zh" and not CJK.search(text):
        out.append(f"Chinese chart with a title in another language: {text!r}")
    key = (spec.get("usermeta") or {}).get("measure")
    if key is None:
        if declared:
            out.append("the chart does not name its measure (usermeta)")
        return out
    measure = gz.charts.MEASURES[key]
    if measure[lang].casefold() not in f"{text} {subtitle}".casefold():
        out.append(f"the title {text!r} does not name its measure {measure[lang]!r}")
    if measure["field"] not in quantitative_fields(spec):
        out.append(f"the chart encodes {sorted(quantitative_fields(spec))}, not {measure['field']!r}")
    if "rows" in measure:
        column, allowed = measure["rows"]
        others = {row.get(column) for row in data_rows(spec)} - set(allowed)
        if others:
            out.append(f"the data holds rows the measure does not count: {column} {sorted(map(str, others))}")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(gz.charts.GALLERY))
def test_every_chart_counts_what_its_title_says(d, name, lang):
    spec = gz.charts.GALLERY[name](d, lang).to_dict()
    assert problems(spec, lang) == []


def test_the_targets_chart_counts_indicators_only(d):
    """P8 lists six indicator categories and no indicator: it has no bar, and the subtitle says why."""
    spec = gz.charts.targets(d, lang="en").to_dict()
    counts = {}
    for row in data_rows(spec):
        counts[row["project_id"]] = counts.get(row["project_id"], 0) + row["count"]
    summary = gz.targets_summary(d).set_index("project_id")
    assert counts == {p: n for p, n in summary["indicators"].items() if n > 0}
    assert "P8" not in counts and "P8" in title_of(spec)[1]


def test_a_chart_counting_other_rows_than_its_title_fails(d):
    """The check is not vacuous: the old targets chart (category rows counted), a title naming another
    measure, a chart encoding another field and an English chart with a Chinese title all fail."""
    spec = gz.charts.targets(d, lang="en").to_dict()
    with_categories = copy.deepcopy(spec)
    rows = next(iter(with_categories["datasets"].values()))
    rows.append({**rows[0], "project_id": "P8", "kind": "missing", "count": 6})
    assert any("does not count" in p for p in problems(with_categories, "en"))

    other_title = copy.deepcopy(spec)
    other_title["title"]["text"] = "How many measurable targets each project promises"
    other_title["title"]["subtitle"] = []
    assert any("does not name its measure" in p for p in problems(other_title, "en"))

    other_field = gz.charts.carryover(d, lang="en").to_dict()
    other_field["usermeta"] = {"measure": "change"}
    assert any("encodes" in p for p in problems(other_field, "en"))

    chinese = copy.deepcopy(spec)
    chinese["title"]["text"] = "各部门支出结构"
    assert any("Chinese title" in p for p in problems(chinese, "en"))
    assert problems({"title": "x"}, "en") == ["the chart does not name its measure (usermeta)"]


def _comparison_tables():
    """A two-department ``gz.compare`` table and summary, enough to draw notebook 06's charts."""
    rows = []
    for unit, city, amounts in [("甲局", "赣州", (60.0, 40.0)), ("乙局", "深圳", (30.0, 70.0))]:
        for (code, name), amount in zip(
            [("201", "一般公共服务支出"), ("206", "科学技术支出")], amounts, strict=True
        ):
            rows.append(
                {
                    "unit": unit,
                    "city": city,
                    "code": code,
                    "name": name,
                    "label": name,
                    "amount": amount,
                    "share": amount / 100,
                }
            )
    table = pd.DataFrame(rows)
    summary = pd.DataFrame(
        {
            "unit": ["甲局", "乙局"],
            "city": ["赣州", "深圳"],
            "carryover_share": [0.4, 0.0],
            "three_public_to_basic": [0.001, 0.0125],
        }
    )
    return table, summary


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_comparison_charts_are_titled_in_their_language(lang):
    """Notebook 06's charts: the English edition's titles in English, the Chinese edition's in Chinese (and
    their measure checked where they name one)."""
    table, summary = _comparison_tables()
    charts = {
        "share_heatmap": gz.compare_charts.share_heatmap(table, lang=lang),
        "composition_multiples": gz.compare_charts.composition_multiples(table, by="economic", lang=lang),
        "ranked carryover_share": gz.compare_charts.ranked(summary, "carryover_share", lang=lang),
        "ranked three_public_to_basic": gz.compare_charts.ranked(summary, "three_public_to_basic", lang=lang),
    }
    found = {name: problems(chart.to_dict(), lang, declared=False) for name, chart in charts.items()}
    assert found == {name: [] for name in charts}
