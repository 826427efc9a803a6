"""Explorers that need no kernel: each is ONE Vega-Lite spec whose controls are altair params bound to HTML
inputs, over data precomputed for every choice (a disclosure is small: a few hundred rows per explorer).

They run wherever the chart runs, in a published, offline report included; the ipywidgets explorers of
``gz.widgets`` stay the live-kernel version (they also show the table). ``explorer(d, name)`` picks one:
the static explorer while the report is built, the widget explorer in JupyterLab.

>>> import gzanalysis as gz
>>> spec = gz.explorers.composition(gz.load()).to_dict()
>>> sorted(p["name"] for p in spec["params"])
['by', 'lang', 'level', 'measure', 'min_share']
"""

from __future__ import annotations

import math
import os

import altair as alt
import pandas as pd

from gzanalysis.analyses.carryover import carryover as carryover_table
from gzanalysis.analyses.changes import changes as changes_table
from gzanalysis.analyses.composition import composition as composition_table
from gzanalysis.analyses.labels import LANGS, check_lang, code_names, label, term
from gzanalysis.analyses.targets import targets as targets_table
from gzanalysis.views.charts import (
    COLORS,
    LABEL_LIMIT,
    LEGEND,
    LIGHT,
    MEASURES,
    PALETTE,
    WIDTH,
    carryover_axis,
    describe,
    direction_color,
)
from gzanalysis.views.notebook import REPORT_BUILD_ENV

LANG_LABELS = ["中文", "English"]


def _t(lang: str, zh: str, en: str) -> str:
    """The page's language, for the parts of a spec the language control cannot switch (control names,
    titles, axis titles): a Chinese page speaks Chinese only, an English one English only."""
    return zh if lang == "zh" else en


def _select(name: str, text: str, options: list, labels: list[str], value=None) -> alt.Parameter:
    return alt.param(
        name=name,
        value=options[0] if value is None else value,
        bind=alt.binding_select(options=options, labels=labels, name=text + " "),
    )


def _lang(value: str = "zh") -> alt.Parameter:
    # each language's option in its own words, so a reader of the other finds it
    return _select("lang", _t(value, "语言", "Language"), list(LANGS), LANG_LABELS, check_lang(value))


def _levels(lang: str) -> alt.Parameter:
    return _select(
        "level",
        _t(lang, "级次", "Level"),
        ["类", "款", "项"],
        [_t(lang, "类", "class"), _t(lang, "款", "category"), _t(lang, "项", "item")],
    )


def _range(name: str, text: str, values: pd.Series, step: float) -> alt.Parameter:
    """A slider from 0 to the default view's largest value (down to a step): at its top, one row remains."""
    top = math.floor(float(values.abs().max()) / step) * step
    return alt.param(name=name, value=0, bind=alt.binding_range(min=0, max=top, step=step, name=text + " "))


def _where(**fields: str) -> str:
    """A Vega expression: every data field equals the param of the same name (``all`` lets any through)."""
    return " && ".join(f"({p} === 'all' || datum.{f} === {p})" for f, p in fields.items())


def _chart(
    data: pd.DataFrame, title: str, what: tuple[str, str], names, values, lang: str = "zh", **describe_args
) -> alt.Chart:
    """The explorer's chart over all its data, described (for screen readers) by its default view."""
    return alt.Chart(
        data,
        width=WIDTH,
        title=alt.TitleParams(title, anchor="start"),
        description=describe(what, names, values, lang, **describe_args),
    )


def _frame(parts: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True).astype({"code": "string"}).fillna({"code": ""})


# composition: the widget's mapping, so both explorers show the same thing for the same choice
COMPOSITION_MEASURES = {
    "function": {"total": "total", "basic": "basic", "project": "project"},
    "economic": {"total": "total", "basic": "personnel", "project": "public_operations"},
}


def composition(d, lang: str = "zh") -> alt.Chart:
    """Spending by function or economic class; controls: classification, level, measure, minimum share,
    language. The economic table has no 项 (its 款 are shown) and splits basic spending into personnel and
    office costs (shown for 基本/项目)."""
    parts = []
    for by, measures in COMPOSITION_MEASURES.items():
        for level in ("类", "款", "项"):
            for measure, column in measures.items():
                for each in LANGS:
                    shown = "款" if by == "economic" and level == "项" else level
                    t = composition_table(d, by=by, level=shown, measure=column, lang=each)
                    parts.append(t.assign(by=by, level=level, measure=measure, lang=each))
    data = _frame(parts)[["by", "level", "measure", "lang", "code", "name", "amount", "share_of_total"]]
    default = data.query("by == 'function' and level == '类' and measure == 'total' and lang == @lang")
    params = [
        _select(
            "by",
            _t(lang, "分类", "Classification"),
            ["function", "economic"],
            [_t(lang, "功能分类", "function"), _t(lang, "经济分类", "economic")],
        ),
        _levels(lang),
        _select(
            "measure",
            _t(lang, "口径", "Measure"),
            ["total", "basic", "project"],
            [
                _t(lang, "合计", "total"),
                _t(lang, "基本支出（经济分类：人员经费）", "basic (economic: personnel)"),
                _t(lang, "项目支出（经济分类：公用经费）", "project (economic: public operations)"),
            ],
        ),
        _range("min_share", _t(lang, "最小占比", "Minimum share"), default["share_of_total"], 0.005),
        _lang(lang),
    ]
    return (
        _chart(
            data,
            _t(lang, "支出构成", "Spending composition"),
            ("可交互条形图, 默认按功能分类的类", "Interactive bar chart, by default spending by class"),
            default["name"],
            default["amount"],
            lang=lang,
        )
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("amount:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            tooltip=[
                alt.Tooltip("code:N", title=label("code", lang)),
                alt.Tooltip("name:N", title=label("name", lang)),
                alt.Tooltip("amount:Q", format=",.2f", title=label("amount", lang)),
                alt.Tooltip("share_of_total:Q", format=".1%", title=label("share_of_total", lang)),
            ],
        )
        .add_params(*params)
        .transform_filter(_where(by="by", level="level", measure="measure", lang="lang"))
        .transform_filter("datum.share_of_total >= min_share")
    )


def changes(d, lang: str = "zh") -> alt.Chart:
    """The narrative's changes against 2022; controls: which statements (only those the narrative makes),
    minimum absolute change, language."""
    zh, en = changes_table(d, lang="zh"), changes_table(d, lang="en")
    parts = zh["grouping"] != "total"
    groups = zh[parts][["section", "scope", "grouping"]].drop_duplicates()
    keys = [f"{g.section}|{g.scope}|{g.grouping}" for g in groups.itertuples()]
    shown = zh if lang == "zh" else en  # the statements named in the page's language
    labels = [
        f"{s.section} · {label(g.grouping, lang)}"
        for g, s in zip(groups.itertuples(), shown.loc[groups.index].itertuples(), strict=True)
    ]
    data = pd.concat(
        [
            t[parts].assign(
                group=zh["section"] + "|" + zh["scope"] + "|" + zh["grouping"],
                lang=lang,
                direction=zh["change"].map(lambda v: "increase" if v >= 0 else "decrease"),
            )[["group", "lang", "item", "amount", "change", "prior_year", "direction"]]
            for lang, t in (("zh", zh), ("en", en))
        ],
        ignore_index=True,
    )
    default = data[(data["group"] == keys[0]) & (data["lang"] == lang)]
    return (
        _chart(
            data,
            _t(lang, "较上年增减", "Changes on 2022"),
            ("可交互条形图, 预算情况说明所列的较上年增减", "Interactive bar chart of the stated changes"),
            default["item"],
            default["change"],
            lang=lang,
        )
        .mark_bar()
        .encode(
            x=alt.X("change:Q", title=label("change", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("item:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            color=direction_color(),
            tooltip=[
                alt.Tooltip("item:N", title=label("item", lang)),
                alt.Tooltip("amount:Q", format=",.2f", title=label("amount", lang)),
                alt.Tooltip("change:Q", format=",.2f", title=label("change", lang)),
                alt.Tooltip("prior_year:Q", format=",.2f", title=label("prior_year", lang)),
            ],
        )
        .add_params(
            _select("group", _t(lang, "说明", "Statements"), keys, labels),
            _range("min_change", _t(lang, "|增减| ≥", "|change| ≥"), default["change"], 10),
            _lang(lang),
        )
        .transform_filter(_where(group="group", lang="lang"))
        .transform_filter("abs(datum.change) >= min_change")
    )


def carryover(d, lang: str = "zh") -> alt.LayerChart:
    """Where the carried-over funds go; controls: level, one class to drill into, minimum carry-over,
    language. Light bars: the function's total; dark: of which carried over."""
    parts = [
        carryover_table(d, level=level, lang=lang).assign(lang=lang, level=level)
        for level in ("类", "款", "项")
        for lang in LANGS
    ]
    data = _frame(parts)[["level", "lang", "code", "name", "carryover", "total", "share_of_carryover"]]
    data["class_code"] = data["code"].str[:3]
    data = data[data["carryover"] > 0]  # functions without carry-over have nothing to show here
    classes = data.loc[data["level"] == "类", "code"].drop_duplicates().tolist()
    names = code_names(d, "functional", lang)
    default = data.query("level == '类' and lang == @lang")
    base = alt.Chart(data).encode(
        y=carryover_axis(),
        tooltip=[
            alt.Tooltip("code:N", title=label("code", lang)),
            alt.Tooltip("name:N", title=label("name", lang)),
            alt.Tooltip("carryover:Q", format=",.2f", title=label("carryover", lang)),
            alt.Tooltip("total:Q", format=",.2f", title=label("total", lang)),
            alt.Tooltip("share_of_carryover:Q", format=".1%", title=label("share_of_carryover", lang)),
        ],
    )
    totals = base.mark_bar(color=LIGHT).encode(
        x=alt.X("total:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f"))
    )
    carried = base.mark_bar(color=COLORS["increase"]).encode(x="carryover:Q")
    return (
        alt.layer(totals, carried)
        .properties(
            width=WIDTH,
            title=alt.TitleParams(
                _t(lang, "上年结转", "Carried-over funds"),
                subtitle=_t(lang, "浅色：科目合计；深色：其中上年结转", "Light: total; dark: carried over"),
                anchor="start",
            ),
            description=describe(
                ("可交互条形图, 各科目的上年结转", "Interactive bar chart of carried-over funds"),
                default["name"],
                default["carryover"],
                lang,
            ),
        )
        .add_params(
            _levels(lang),
            _select(
                "fn",
                _t(lang, "科目", "Function"),
                ["all", *classes],
                [_t(lang, "全部", "all"), *(f"{c} {names[c]}" for c in classes)],
            ),
            _range("min_carryover", _t(lang, "上年结转 ≥", "Carried over ≥"), default["carryover"], 10),
            _lang(lang),
        )
        .transform_filter(_where(level="level", lang="lang", class_code="fn"))
        .transform_filter("datum.carryover >= min_carryover")
    )


def targets(d, lang: str = "zh") -> alt.Chart:
    """How many indicators each project lists, by kind; controls: project, kind, language. A category row
    without an indicator is no indicator and is not counted (``charts.MEASURES["indicators"]``)."""
    kinds = list(MEASURES["indicators"]["rows"][1])
    parts = []
    for each in LANGS:
        t = targets_table(d, lang=each)
        t = t[t["kind"].isin(kinds)]
        t["kind_label"] = t["kind"].map(lambda k, each=each: label(k, each))
        t["level1"] = t["level1"].map(lambda v, each=each: term(v, each))
        # (dropna=False: a table that prints no levels leaves level1 empty, and its indicators still count)
        counts = t.groupby(["project_id", "project", "kind", "kind_label", "level1"], dropna=False).size()
        counts = counts.reset_index(name="count").assign(lang=each)
        counts["project"] = counts["project_id"] + " " + counts["project"]
        parts.append(counts)
    data = pd.concat(parts, ignore_index=True)
    projects = d.table("projects")
    projects = projects[
        projects["project_id"].isin(data["project_id"])
    ]  # a project with no indicator: no option
    default = data[data["lang"] == lang].groupby("project", sort=False)["count"].sum()
    return (
        _chart(
            data,
            _t(lang, "绩效指标个数", "Number of indicators"),
            ("可交互条形图, 各项目的绩效指标个数", "Interactive bar chart of indicators per project"),
            default.index,
            default.to_numpy(),
            unit=False,
            limit=len(default),
            lang=lang,
        )
        .mark_bar()
        .encode(
            x=alt.X("sum(count):Q", title=label("count", lang)),
            y=alt.Y(
                "project:N",
                sort=alt.EncodingSortField("project_id", op="min"),
                title=None,
                axis=alt.Axis(labelLimit=LABEL_LIMIT),
            ),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=kinds, range=[PALETTE[2], PALETTE[1]]),
                legend=alt.Legend(
                    **LEGEND,
                    labelExpr="{" + ", ".join(f"'{k}': '{label(k, lang)}'" for k in kinds) + "}[datum.label]",
                ),
            ),
            tooltip=[
                alt.Tooltip("project:N", title=label("project_name", lang)),
                alt.Tooltip("level1:N", title=_t(lang, "一级指标", "Level 1")),
                alt.Tooltip("kind_label:N", title=None),
                alt.Tooltip("sum(count):Q", title=label("count", lang)),
            ],
        )
        .add_params(
            _select(
                "project",
                _t(lang, "项目", "Project"),
                ["all", *projects["project_id"]],
                [
                    _t(lang, "全部", "all"),
                    *(f"{p} {n}"[:30] for p, n in zip(projects["project_id"], projects["name"], strict=True)),
                ],
            ),
            _select(
                "kind",
                _t(lang, "类型", "Kind"),
                ["all", *kinds],
                [_t(lang, "全部", "all"), *(label(k, lang) for k in kinds)],
            ),
            _lang(lang),
        )
        .transform_filter(_where(project_id="project", kind="kind", lang="lang"))
    )


EXPLORERS = {"composition": composition, "changes": changes, "carryover": carryover, "targets": targets}


def explorer(d, name: str, lang: str = "zh"):
    """The explorer for a notebook: the static one while the report is built (no kernel will be there), the
    ipywidgets one in a live kernel (it also shows the table); ``lang`` is the language it shows first."""
    if name not in EXPLORERS:
        raise ValueError(f"no explorer {name!r}; choose one of {sorted(EXPLORERS)}")
    if os.environ.get(REPORT_BUILD_ENV):
        return EXPLORERS[name](d, lang)
    from gzanalysis.views import widgets

    return getattr(widgets, f"{name}_explorer")(d, lang)
