"""Charts and an explorer that compare the documents of a corpus (tables of ``gz.compare``).

Each chart function takes a ``gz.compare`` table (or rows of it) and returns an ``altair`` chart; it never
displays. ``compare_explorer(corpus)`` is an ipywidgets explorer: pick cities, departments, the measure and
the level; ``explorer.table`` and ``explorer.chart`` follow.
"""

from __future__ import annotations

import os

import altair as alt
import ipywidgets as w
import pandas as pd

from gzanalysis.analyses.compare import compare
from gzanalysis.analyses.labels import LANGS, check_lang, label, term
from gzanalysis.views.charts import LABEL_LIMIT, _title, describe
from gzanalysis.views.notebook import REPORT_BUILD_ENV
from gzanalysis.views.static_explorers import _lang, _levels, _select, _t, _where
from gzanalysis.views.widgets import LEVELS, Explorer, _dropdown, _level_options

MEASURES = {  # explorer's measure → (zh, en)
    "function": ("功能分类结构", "Functions"),
    "economic": ("经济分类结构(基本支出)", "Economic classes (basic spending)"),
    "kind": ("基本/项目支出", "Basic / project"),
    "carryover": ("上年结转占收入比重", "Carry-over share of income"),
    "three_public": ("三公经费/基本支出", "Three public expenses / basic spending"),
    "growth": ("预算总额较上年增长率(说明所述)", "Growth of the total budget on last year (as stated)"),
}
SHARE_TITLES = {
    "function": ("占支出合计比重", "Share of total spending"),
    "economic": ("占基本支出比重", "Share of basic spending"),
    "kind": ("占支出合计比重", "Share of total spending"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if check_lang(lang) == "zh" else pair[1]


def _unit_axis(lang: str) -> alt.Y:
    return alt.Y("unit:N", title=_pick(("部门", "Department"), lang), axis=alt.Axis(labelLimit=LABEL_LIMIT))


def composition_multiples(
    table: pd.DataFrame, by: str = "function", lang: str = "zh", columns: int = 4
) -> alt.FacetChart:
    """Small multiples: one panel per department, bars of each function's (``by="economic"``: class's;
    ``by="kind"``: 基本/项目) share; ``table`` is ``gz.compare(corpus, by=by, ...)``."""
    name = "label" if by == "kind" else "name"
    share = _pick(SHARE_TITLES[by], lang)
    chart = (
        alt.Chart(table, width=160, height=alt.Step(12))
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title=share, axis=alt.Axis(format=".0%")),
            y=alt.Y(f"{name}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=180)),
            color=alt.Color(f"{name}:N", legend=None),
            tooltip=[
                alt.Tooltip("unit:N", title=_pick(("部门", "Department"), lang)),
                alt.Tooltip(f"{name}:N", title=label("name", lang)),
                alt.Tooltip("amount:Q", format=",.2f", title=label("amount", lang)),
                alt.Tooltip("share:Q", format=".1%", title=share),
            ],
        )
    )
    return chart.facet(facet=alt.Facet("unit:N", title=None), columns=columns).properties(
        title=_title(*MULTIPLES_TITLES[by], lang)
    )


# What the panels hold, said in the title: by="economic" is the 一般公共预算基本支出表 only.
MULTIPLES_TITLES = {
    "function": ("各部门支出的功能分类结构", "Each department's spending by function"),
    "economic": (
        "各部门一般公共预算基本支出的经济分类结构",
        "Each department's basic spending of the general public budget, by economic class",
    ),
    "kind": ("各部门基本支出与项目支出", "Each department's basic and project spending"),
}


HEAT_COLUMN = 64  # px per heat-map column: a name wrapped at 4 Chinese characters (or ~12 letters) a line
HEAT_ROW = 24  # px per department: eighteen departments make a map 432 px high, every name level


def wrap_label(text: str, lang: str = "zh") -> str:
    """A name broken into short lines ("\\n"): every 4 Chinese characters, or at words within ~12 letters."""
    import textwrap

    text = str(text)
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "\n".join(text[i : i + 4] for i in range(0, len(text), 4))
    return "\n".join(textwrap.wrap(text, 12, break_long_words=False)) or text


def heatmap_layers(base: alt.Chart, share_title: str) -> alt.LayerChart:
    """Departments (rows, ``unit``) × names (columns, ``label``: wrapped), coloured by ``share`` and labelled
    with it: sized to its rows and columns, every label horizontal."""
    encoded = base.encode(
        x=alt.X(
            "label:N",
            title=None,
            sort=alt.EncodingSortField("order"),
            axis=alt.Axis(labelAngle=0, labelExpr="split(datum.label, '\\n')", labelLimit=0, labelPadding=4),
        ),
        y=alt.Y("unit:N", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
    )
    cells = encoded.mark_rect().encode(
        color=alt.Color(
            "share:Q",
            title=share_title,
            scale=alt.Scale(scheme="blues", domainMin=0),
            legend=alt.Legend(format=".0%", orient="top"),
        )
    )
    text = encoded.mark_text(fontSize=10).encode(
        text=alt.Text("share:Q", format=".0%"),
        color=alt.condition("datum.share > 0.5", alt.value("white"), alt.value("#222")),
    )
    return alt.layer(cells, text).properties(width=alt.Step(HEAT_COLUMN), height=alt.Step(HEAT_ROW))


def heatmap_data(table: pd.DataFrame, name: str = "name", lang: str = "zh") -> pd.DataFrame:
    """Rows of a ``gz.compare`` table with the heat map's fields: ``label`` (wrapped name) and ``order``."""
    out = table.copy()
    out["label"] = out[name].map(lambda v: wrap_label(v, lang))
    key = "code" if "code" in out else name
    out["order"] = out[key].astype(str)
    return out


def share_heatmap(table: pd.DataFrame, by: str = "function", lang: str = "zh") -> alt.LayerChart:
    """Heat map: departments (rows) × functions or classes (columns), coloured by their share of the
    department's spending (``by="economic"``: of its basic spending), each cell labelled with its share.
    Sized to its rows (24 px a department) and columns (64 px), names horizontal, wrapped."""
    share = _pick(SHARE_TITLES[by], lang)
    data = heatmap_data(table, "name", lang)[["unit", "code", "name", "label", "order", "amount", "share"]]
    base = alt.Chart(data).encode(
        tooltip=[
            alt.Tooltip("unit:N", title=_pick(("部门", "Department"), lang)),
            alt.Tooltip("code:N", title=label("code", lang)),
            alt.Tooltip("name:N", title=label("name", lang)),
            alt.Tooltip("amount:Q", format=",.2f", title=label("amount", lang)),
            alt.Tooltip("share:Q", format=".1%", title=share),
        ]
    )
    return heatmap_layers(base, share).properties(
        title=_title("各部门支出的功能分类占比", "Shares of spending by department", lang)
    )


def ranked(summary: pd.DataFrame, measure: str = "carryover_share", lang: str = "zh") -> alt.Chart:
    """Departments ranked by a summary ratio (``carryover_share`` by default, or ``three_public_to_basic``,
    ``project_share``, ``basic_share``)."""
    titles = {
        "carryover_share": ("上年结转占收入比重", "Carry-over share of income"),
        "three_public_to_basic": ("三公经费占基本支出比重", "Three public expenses / basic spending"),
        "project_share": ("项目支出占比", "Project share of spending"),
        "basic_share": ("基本支出占比", "Basic share of spending"),
    }
    title = _pick(titles[measure], lang)
    return (
        alt.Chart(summary.dropna(subset=[measure]))
        .mark_bar()
        .encode(
            x=alt.X(f"{measure}:Q", title=title, axis=alt.Axis(format=".1~%")),  # ratios of 0.1 %
            y=_unit_axis(lang).sort("-x"),
            color=alt.Color("city:N", title=_pick(("城市", "City"), lang)),
            tooltip=[
                alt.Tooltip("unit:N", title=_pick(("部门", "Department"), lang)),
                alt.Tooltip("city:N", title=_pick(("城市", "City"), lang)),
                alt.Tooltip(f"{measure}:Q", format=".1%", title=title),
            ],
        )
        .properties(title=_title(f"{title}(排序)", f"{title}, ranked", lang))
    )


COMPARED_WITH = ("上年预算", "上年执行", "上年")  # what a narrative compares with (narrative_changes)
COMPARED_COLOURS = ["#4c78a8", "#f58518", "#9d9d9d"]
GROWTH_TITLE = (
    "各部门预算总额较上年的增长率(按说明所述增减额计算)",
    "Growth of each department's total budget on last year, from the change its narrative states",
)
GROWTH_SUBTITLE = (
    "颜色: 比较对象(上年预算与上年执行数不是一回事) · 浅色: 说明只比较财政拨款",
    "Colour: what the narrative compares with (last year's budget and its outturn are not alike) · "
    "Pale: the narrative compares its fiscal appropriations only",
)


def growth_ranked(growth: pd.DataFrame, lang: str = "zh") -> alt.LayerChart:
    """Departments ranked by the growth rate of their total budget (``gz.compare(corpus, by="growth")``:
    the stated change over the prior-year figure it implies), each bar labelled with its rate, coloured by
    what the narrative compares with, pale where the statement covers its fiscal appropriations only.
    Documents without a headline statement are left out."""
    data = growth.dropna(subset=["growth_rate"]).copy()
    data["all_funds"] = data["scope"].isin([term("全部资金", lang)])
    rate = label("growth_rate", lang)
    base = alt.Chart(data).encode(
        # an explicit order: the layers' data differ, and Vega-Lite drops a sort by field across them
        y=_unit_axis(lang).sort(data.sort_values("growth_rate", ascending=False)["unit"].tolist()),
        x=alt.X("growth_rate:Q", title=rate, axis=alt.Axis(format=".0%")),
        tooltip=[
            alt.Tooltip("unit:N", title=_pick(("部门", "Department"), lang)),
            alt.Tooltip("budget:N", title=label("budget", lang)),
            alt.Tooltip("scope:N", title=label("scope", lang)),
            alt.Tooltip("amount:Q", format=",.2f", title=label("amount", lang)),
            alt.Tooltip("stated_change:Q", format=",.2f", title=label("stated_change", lang)),
            alt.Tooltip("growth_rate:Q", format=".1%", title=rate),
            alt.Tooltip("stated_percent:Q", title=label("stated_percent", lang)),
            alt.Tooltip("compared_with:N", title=label("compared_with", lang)),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "compared_with:N",
            title=label("compared_with", lang),
            legend=alt.Legend(orient="top", labelLimit=0),
            # the same colour for the same comparison in both editions
            scale=alt.Scale(domain=[term(w, lang) for w in COMPARED_WITH], range=COMPARED_COLOURS),
        ),
        opacity=alt.condition("datum.all_funds", alt.value(1.0), alt.value(0.45)),
    )
    text = (
        base.mark_text(fontSize=10, dx=3, align="left")
        .encode(x=alt.X("label_at:Q"), text=alt.Text("growth_rate:Q", format=".1%"))
        .transform_calculate(label_at="max(datum.growth_rate, 0)")
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#555").encode(x="x:Q")
    return alt.layer(bars, text, zero).properties(
        width=360, title=_title(*GROWTH_TITLE, lang, subtitle=GROWTH_SUBTITLE)
    )


class CompareExplorer(Explorer):
    """Pick cities and departments (none picked: all), the measure, the level and the language."""

    TITLE = ("部门比较", "Compare departments")
    DESCRIPTIONS = {
        "cities": ("城市", "Cities"),
        "units": ("部门", "Departments"),
        "measure": ("指标", "Measure"),
        "level": ("级次", "Level"),
    }

    def __init__(self, corpus):
        self._tables: dict[tuple, pd.DataFrame] = {}
        docs = corpus.disclosures
        docs = docs[docs["status"] == "ok"]
        layout = w.Layout(width="260px", height="110px")
        style = {"description_width": "initial"}
        controls = {
            "cities": w.SelectMultiple(
                options=sorted(docs["city"].dropna().unique()), layout=layout, style=style
            ),
            "units": w.SelectMultiple(
                options=sorted(docs["unit"].dropna().unique()), layout=layout, style=style
            ),
            "measure": _dropdown("function"),
            "level": _dropdown("类"),
        }
        super().__init__(corpus, controls)

    def options(self, values: dict) -> dict[str, list[tuple[str, object]]]:
        lang = values["lang"]
        return {
            "measure": [(_pick(pair, lang), key) for key, pair in MEASURES.items()],
            "level": _level_options(LEVELS, lang),
        }

    def _table(self, by: str, level: str, lang: str) -> pd.DataFrame:
        key = (by, level, lang)
        if key not in self._tables:
            self._tables[key] = compare(self.d, by=by, level=level, lang=lang)
        return self._tables[key]

    def compute(self, cities, units, measure, level, lang):
        by = measure if measure in ("function", "economic", "kind", "growth") else "summary"
        table = self._table(by, level if by in ("function", "economic") else "类", lang)
        if cities:
            table = table[table["city"].isin(cities)]
        if units:
            table = table[table["unit"].isin(units)]
        table = table.reset_index(drop=True)
        if by == "summary":
            column = "carryover_share" if measure == "carryover" else "three_public_to_basic"
            return table, ranked(table, column, lang)
        if by == "kind":
            return table, composition_multiples(table, by, lang)
        if by == "growth":
            return table, growth_ranked(table, lang)
        return table, share_heatmap(table, by, lang)


def static_compare_explorer(corpus, lang: str = "zh") -> alt.LayerChart:
    """Departments of a corpus compared: a heat map of shares (departments × functions, economic classes,
    基本/项目, or a summary ratio), sized to the departments shown; controls: city, department, measure,
    level, language. Data for every choice comes from ``gz.compare``."""
    summary = {"carryover": "carryover_share", "three_public": "three_public_to_basic"}
    parts = []
    for each in LANGS:
        for level in ("类", "款", "项"):
            for measure in MEASURES:
                if measure in ("function", "economic"):
                    shown = "款" if measure == "economic" and level == "项" else level
                    t = heatmap_data(compare(corpus, by=measure, level=shown, lang=each), "name", each)
                elif measure == "kind":
                    t = heatmap_data(compare(corpus, by="kind", lang=each), "label", each)
                elif measure == "growth":  # a rate, negative where the budget fell (its cell the palest)
                    t = compare(corpus, by="growth", lang=each)
                    t = t.assign(name=MEASURES[measure][0 if each == "zh" else 1], share=t["growth_rate"])
                    t = heatmap_data(t.dropna(subset=["share"]), "name", each)
                else:
                    t = compare(corpus, by="summary", lang=each)
                    t = t.assign(name=MEASURES[measure][0 if each == "zh" else 1], share=t[summary[measure]])
                    t = heatmap_data(t.dropna(subset=["share"]), "name", each)
                parts.append(t.assign(measure=measure, level=level, lang=each))
    columns = ["measure", "level", "lang", "city", "unit", "label", "order", "share"]
    data = pd.concat(parts, ignore_index=True)[columns].astype({"order": "string"})
    default = data.query("measure == 'function' and level == '类' and lang == @lang")
    cities = sorted(data["city"].dropna().unique())
    units = sorted(data["unit"].dropna().unique())
    base = alt.Chart(
        data,
        title=alt.TitleParams(_t(lang, "部门比较", "Compare departments"), anchor="start"),
        description=describe(
            ("可交互热力图, 各部门支出结构", "Interactive heat map of the departments' spending shares"),
            default["unit"] + " " + default["label"].str.replace("\n", ""),
            default["share"],
            lang,
            unit=False,
        ),
    ).encode(
        tooltip=[
            alt.Tooltip("city:N", title=_t(lang, "城市", "City")),
            alt.Tooltip("unit:N", title=_t(lang, "部门", "Department")),
            alt.Tooltip("label:N", title=label("name", lang)),
            alt.Tooltip("share:Q", format=".1%", title=_t(lang, "占比", "Share")),
        ]
    )
    params = [
        _select("city", _t(lang, "城市", "City"), ["all", *cities], [_t(lang, "全部", "all"), *cities]),
        _select("unit", _t(lang, "部门", "Department"), ["all", *units], [_t(lang, "全部", "all"), *units]),
        _select(
            "measure",
            _t(lang, "指标", "Measure"),
            list(MEASURES),
            [_t(lang, zh, en) for zh, en in MEASURES.values()],
        ),
        _levels(lang),
        _lang(lang),
    ]
    return (
        heatmap_layers(base, _t(lang, "占比", "Share"))
        .add_params(*params)
        .transform_filter(_where(measure="measure", level="level", lang="lang", city="city", unit="unit"))
    )


def compare_explorer(corpus, lang: str = "zh"):
    """An explorer of ``gz.compare(corpus, ...)``: cities, departments, measure, level, language.

    In a live kernel (JupyterLab, the app) the ipywidgets explorer (it also shows the table); while the report
    is built, the kernel-free one (``gz.explorers.compare``: one spec over data precomputed for every choice),
    opening in ``lang``.
    """
    if os.environ.get(REPORT_BUILD_ENV):
        return static_compare_explorer(corpus, lang)
    return CompareExplorer(corpus)
