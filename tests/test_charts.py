"""Charts, tested without a browser: the spec (mark, encodings, data), Vega-Lite validity, JSON round trip."""

import json

import altair as alt
import pytest

import gzanalysis as gz


def _values(spec):
    """The inline data values of a chart spec (altair moves them to top-level datasets)."""
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


@pytest.mark.parametrize("name", list(gz.charts.GALLERY))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_is_valid_vega_lite_and_round_trips(d, name, lang):
    chart = gz.charts.GALLERY[name](d, lang)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
    again = alt.Chart.from_dict(json.loads(chart.to_json())) if "mark" in spec else None
    assert again is None or again.to_dict() == spec
    assert "url" not in json.dumps(spec.get("data", {}))  # data travels inside the chart


def test_composition_chart(d):
    spec = gz.charts.composition(d).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["sort"] == "-x"
    assert spec["encoding"]["x"]["title"] == "金额(万元)"
    tooltips = {t["field"]: t.get("format") for t in spec["encoding"]["tooltip"]}
    assert tooltips["amount"] == ",.2f" and tooltips["share_of_total"] == ".1%"
    assert {r["code"]: r["amount"] for r in _values(spec)}["201"] == 13070.04
    en = gz.charts.composition(d, lang="en").to_dict()
    assert en["encoding"]["x"]["title"] == "Amount (10k yuan)"
    assert "General public services" in {r["name"] for r in _values(en)}


def test_drilldown_uses_a_click_selection_and_a_bound_dropdown(d):
    spec = gz.charts.drilldown(d).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["detail_level"]["bind"]["input"] == "select"
    assert params["detail_level"]["bind"]["options"] == ["款", "项"]
    assert params["pick_class"]["select"]["type"] == "point"
    levels = {r["level"] for r in _values(spec)}
    assert levels == {"类", "款", "项"}


def test_waterfall_runs_from_2022_to_2023(d):
    spec = gz.charts.waterfall(d).to_dict()
    rows = _values(spec)
    assert rows[0]["item"] == "2022年" and rows[0]["end"] == pytest.approx(14783.86)
    assert rows[-1]["item"] == "2023年" and rows[-1]["end"] == 23255.42
    # the steps run from the prior year; they end where the stated changes take it (8471.58, not 8471.56)
    assert rows[-2]["end"] == pytest.approx(14783.86 + 8471.58)
    assert spec["encoding"]["y2"]["field"] == "end"


def test_diverging_changes(d):
    spec = gz.charts.changes(d).to_dict()
    rows = {r["code"]: r["change"] for r in _values(spec)}
    assert rows["217"] == -325 and rows["206"] == 2722.1
    assert spec["encoding"]["color"]["scale"]["domain"] == ["increase", "decrease"]


def test_carryover_chart(d):
    spec = gz.charts.carryover(d).to_dict()
    assert len(spec["layer"]) == 2
    assert "9,207.96" in spec["title"]["text"]
    rows = {r["code"]: r for r in _values(spec)}
    assert rows["206"]["carryover"] == 3151.22 and rows["206"]["only"] == "仅靠结转"


def test_targets_chart(d):
    spec = gz.charts.targets(d).to_dict()
    counts = {}
    for r in _values(spec):
        counts[r["project_id"]] = counts.get(r["project_id"], 0) + r["count"]
    assert counts["P1"] == 27 and "P8" not in counts  # P8 lists categories, no indicator


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_save_static_images(d, tmp_path, suffix):
    path = gz.charts.save(gz.charts.composition(d), tmp_path / f"c{suffix}")
    data = path.read_bytes()
    assert len(data) > 1000
    if suffix == ".svg":
        assert "一般公共服务支出" in data.decode("utf-8")


def test_save_rejects_unknown_formats(d, tmp_path):
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        gz.charts.save(gz.charts.composition(d), tmp_path / "c.jpg")


def test_the_notebook_renderer_escapes_data_strings():
    """Chart specs sit in a <script>: a data string cannot close it."""
    from gzanalysis.views.notebook import render

    spec = {"data": {"values": [{"name": "</script><script>alert(1)</script>"}]}, "mark": "bar"}
    html = render(spec)["text/html"]
    assert html.count("</script>") == 1  # only the element's own end tag
    assert "\\u003c/script\\u003e" in html
