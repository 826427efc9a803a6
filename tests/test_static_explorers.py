"""Kernel-free explorers: one Vega-Lite spec each, every control bound to an input, no option without data.

The browser test (tests/test_browser.py) changes every control in Chromium; here the spec is checked.
"""

import re

import pytest

import gzanalysis as gz


def _rows(spec):
    return [row for rows in spec["datasets"].values() for row in rows]


def _filters(spec):
    """(data field, param) pairs of the explorer's ``datum.field === param`` filters, and the other filters."""
    exprs = [t["filter"] for t in spec.get("transform", [])]
    pairs = [p for e in exprs for p in re.findall(r"datum\.(\w+) === (\w+)", e)]
    return pairs, [e for e in exprs if "===" not in e]


@pytest.mark.parametrize("name", list(gz.explorers.EXPLORERS))
def test_every_option_of_every_control_has_data(d, name):
    spec = gz.explorers.EXPLORERS[name](d).to_dict()  # validates against the Vega-Lite schema
    params = {p["name"]: p for p in spec["params"]}
    assert all("bind" in p for p in params.values())  # every param is a control a reader can change
    rows = _rows(spec)
    pairs, _ = _filters(spec)
    assert {p for _, p in pairs} == {n for n, p in params.items() if p["bind"]["input"] == "select"}
    for field, param in pairs:
        options = params[param]["bind"]["options"]
        assert params[param]["value"] in options
        assert len(params[param]["bind"]["labels"]) == len(options)
        values = {r[field] for r in rows}
        for option in options:
            assert option == "all" or option in values, f"{name}: {param}={option!r} selects nothing"


def _default_rows(spec):
    params = {p["name"]: p["value"] for p in spec["params"]}
    pairs, _ = _filters(spec)
    return [r for r in _rows(spec) if all(params[p] in ("all", r[f]) for f, p in pairs)]


@pytest.mark.parametrize("name", ["composition", "changes", "carryover"])
def test_the_slider_at_its_top_hides_rows_of_the_default_view(d, name):
    spec = gz.explorers.EXPLORERS[name](d).to_dict()
    slider = next(p for p in spec["params"] if p["bind"]["input"] == "range")
    _, (condition,) = _filters(spec)
    field = re.search(r"datum\.(\w+)", condition)[1]
    rows = _default_rows(spec)
    kept = [r for r in rows if abs(r[field]) >= slider["bind"]["max"]]
    assert 0 < len(kept) < len(rows)  # the slider's range is the data's: its top still shows something


def test_composition_explorer_data_equals_the_analysis(d):
    spec = gz.explorers.composition(d).to_dict()
    rows = [
        r
        for r in _rows(spec)
        if (r["by"], r["level"], r["measure"], r["lang"]) == ("economic", "款", "basic", "en")
    ]
    expected = gz.composition(d, by="economic", level="款", measure="personnel", lang="en")
    assert {r["code"]: r["amount"] for r in rows} == dict(
        zip(expected["code"], expected["amount"], strict=True)
    )
    assert {r["name"] for r in rows} == set(expected["name"])


def test_carryover_explorer_sorts_without_dropping_the_sort(d):
    spec = gz.explorers.carryover(d).to_dict()
    for layer in spec["layer"]:
        sort = layer["encoding"]["y"]["sort"] if "y" in layer["encoding"] else spec["encoding"]["y"]["sort"]
        assert sort["op"] in ("count", "min", "max")  # what a layer's union of domains keeps
    default = _default_rows(spec)
    assert round(sum(r["carryover"] for r in default), 2) == round(gz.carryover(d)["carryover"].sum(), 2)


def test_explorer_picks_the_static_one_for_the_report(d, monkeypatch):
    from gzanalysis.views.notebook import REPORT_BUILD_ENV

    monkeypatch.setenv(REPORT_BUILD_ENV, "1")
    assert "params" in gz.explorers.explorer(d, "targets").to_dict()
    monkeypatch.delenv(REPORT_BUILD_ENV)
    assert hasattr(gz.explorers.explorer(d, "targets"), "controls")  # the ipywidgets explorer
    with pytest.raises(ValueError, match="composition"):
        gz.explorers.explorer(d, "nope")


@pytest.mark.parametrize("name", ["composition", "changes", "carryover", "targets"])
def test_an_explorer_shows_its_editions_language_first(d, name, monkeypatch):
    """The English edition's explorers open in English, the Chinese edition's in Chinese (both switchable)."""
    from gzanalysis.views.notebook import REPORT_BUILD_ENV

    monkeypatch.setenv(REPORT_BUILD_ENV, "1")
    for lang in ("zh", "en"):
        spec = gz.explorers.explorer(d, name, lang=lang).to_dict()
        params = [p for layer in [spec, *spec.get("layer", [])] for p in layer.get("params", [])]
        assert [p["value"] for p in params if p["name"] == "lang"] == [lang]
        # the description (for screen readers) in that language; data strings stay as published
        assert spec["description"].startswith("可交互" if lang == "zh" else "Interactive")
    monkeypatch.delenv(REPORT_BUILD_ENV)
    assert gz.explorers.explorer(d, name, lang="en").controls["lang"].value == "en"  # the live kernel's


def _words_a_reader_sees(spec) -> list[str]:
    """The spec's own words: its title and subtitle, axis and legend titles, tooltip titles, the legend's
    labels, and each control's name and option labels (the data's names are the disclosure's own)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("datasets", "data", "description"):
                    continue
                if key == "labelExpr":  # {'data value': 'label'}[datum.label]: the labels are what shows
                    found.extend(re.findall(r": '([^']*)'", value))
                elif key in ("text", "subtitle", "title", "name") and isinstance(value, str | list):
                    found.extend(
                        [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
                    )
                elif key == "labels" and isinstance(value, list):
                    found.extend(str(v) for v in value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return found


# Words of the English edition that Chinese pages showed beside their Chinese ("上年结转 Carried-over funds",
# "级次 Level", "类 class"): a Chinese page's explorer must show none of them.
ENGLISH_WORDS = re.compile(
    r"\b(Carried|funds|Level|class|category|Classification|Measure|Minimum|share|Function|Statements|"
    r"Performance|indicators|Project|Kind|quantitative|qualitative|missing|Spending|composition|all|"
    r"Light|dark|total|Amount|Language)\b",
    flags=re.IGNORECASE,
)
PARAM_NAMES = {"by", "level", "measure", "lang", "group", "fn", "project", "kind"}


@pytest.mark.parametrize("name", list(gz.explorers.EXPLORERS))
def test_a_chinese_page_explorer_speaks_chinese_only(d, name):
    spec = gz.explorers.EXPLORERS[name](d, "zh").to_dict()
    words = [w for w in _words_a_reader_sees(spec) if w not in PARAM_NAMES]
    english = [w for w in words if ENGLISH_WORDS.search(w)]
    assert not english, f"{name}: English on a Chinese page: {english[:5]}"
    options = [o for p in spec.get("params", []) if "bind" in p for o in p["bind"].get("labels", [])]
    assert "English" in options  # the language switch names the other language in its own words


@pytest.mark.parametrize("name", list(gz.explorers.EXPLORERS))
def test_an_english_page_explorer_speaks_english(d, name):
    spec = gz.explorers.EXPLORERS[name](d, "en").to_dict()
    controls = [p["bind"]["name"] for p in spec.get("params", []) if "bind" in p]
    assert controls and not [c for c in controls if re.search(r"[\u4e00-\u9fff]", c)], controls
