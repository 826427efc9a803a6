"""Charts of a disclosure: each function returns an ``altair.Chart`` (it never displays anything).

Data travels inside each chart (no URLs), so a chart renders wherever its JavaScript is available,
offline included. Labels follow ``lang`` ("zh" by default, or "en"); amounts show in 万元 with thousands
separators and shares as percentages.

>>> import gzanalysis as gz
>>> chart = gz.charts.composition(gz.load())
>>> chart.to_dict()["mark"]["type"]
'bar'
"""

from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from gzanalysis.analyses.carryover import carryover as carryover_table
from gzanalysis.analyses.changes import changes as changes_table
from gzanalysis.analyses.composition import BY as COMPOSITION_TABLES
from gzanalysis.analyses.composition import composition as composition_table
from gzanalysis.analyses.labels import check_lang, code_names, label, term
from gzanalysis.analyses.targets import targets as targets_table
from gzanalysis.package.layout import resource

FONT = "Noto Sans CJK SC"  # Chinese glyphs in static images (Debian: fonts-noto-cjk)
# Pixels for an axis' names: long Chinese subject names stay readable (220 px), and on a phone at most 45 % of
# the chart's container, which leaves the bars room (a static image, without a container: 220 px).
LABEL_LIMIT = alt.ExprRef("containerSize()[0] > 0 ? min(220, containerSize()[0] * 0.45) : 220")
# The chart takes the width of the page's column (the renderer, views/notebook.py, sizes it in the browser);
# static images, which have no container, get STATIC_WIDTH (see ``static_spec``).
WIDTH = "container"
STATIC_WIDTH = 480
# Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/): distinct for every common
# colour-vision deficiency, and in greyscale print.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
GREY, LIGHT = "#999999", "#d9d9d9"
# Legends below the plot, two to a row: beside it they took the bars' room on a 390 px phone.
LEGEND = {"orient": "bottom", "columns": 2}
COLORS = {"increase": "#D55E00", "decrease": "#0072B2", "total": GREY}


# What each chart counts or sums, in one place: its words in the title (zh, en), the encoded field that holds
# it, and, where a measure counts only some rows, the rows it may hold (a column of the chart's data and the
# values allowed there). A chart names its measure in ``usermeta``; tests/test_chart_measures.py checks that
# the title says the words and that the data holds what they say.
MEASURES: dict[str, dict] = {
    "spending": {"zh": "支出", "en": "spending", "field": "amount"},
    "income": {"zh": "收入", "en": "income", "field": "amount"},
    "basic_spending": {"zh": "基本支出", "en": "basic spending", "field": "amount"},
    "source_shares": {"zh": "资金来源", "en": "sources of funds", "field": "amount"},
    "change": {"zh": "较上年增减", "en": "change on 2022", "field": "change"},
    "from_2022_to_2023": {"zh": "从2022年到2023年", "en": "from 2022 to 2023", "field": "start"},
    "carryover": {"zh": "上年结转", "en": "carried over", "field": "carryover"},
    # indicators (三级指标) only: a category row listed without an indicator (kind "missing") is no target
    "indicators": {
        "zh": "绩效指标个数",
        "en": "number of indicators",
        "field": "count",
        "rows": ("kind", ("quantitative", "qualitative")),
    },
}
# The measure of a composition, by (by, measure): see WHAT.
COMPOSITION_MEASURES = {"economic": "basic_spending", "source": "income"}


def _measure(key: str) -> dict:
    """``usermeta`` naming the chart's measure (a key of MEASURES)."""
    return {"measure": key}


def _amount_tooltip(field: str, lang: str, key: str = "amount") -> alt.Tooltip:
    return alt.Tooltip(f"{field}:Q", format=",.2f", title=label(key, lang))


def _share_tooltip(field: str, lang: str, key: str = "share_of_total") -> alt.Tooltip:
    return alt.Tooltip(f"{field}:Q", format=".1%", title=label(key, lang))


# A title no wider than the chart's container: a chart that fits its container counts its title in, so an
# unbounded subtitle on a phone (390 px) would squeeze the plot to nothing. Cut with "…" where too long; where
# there is no container (a static image), 600 px.
TITLE_LIMIT = alt.ExprRef("containerSize()[0] > 0 ? containerSize()[0] - 12 : 600")


def _title(zh: str, en: str, lang: str, subtitle: tuple[str, str] | None = None) -> alt.TitleParams:
    """The chart's title in ``lang``; its subtitle one line per part (parts joined by " · ")."""
    text = zh if lang == "zh" else en
    if subtitle:
        lines = (subtitle[0] if lang == "zh" else subtitle[1]).split(" · ")
        return alt.TitleParams(text, subtitle=lines, anchor="start", limit=TITLE_LIMIT)
    return alt.TitleParams(text, anchor="start", limit=TITLE_LIMIT)


def describe(what: tuple[str, str], names, values, lang: str, unit: bool = True, limit: int = 6) -> str:
    """One sentence for screen readers (vega puts a chart's ``description`` in its ``aria-label``): what the
    chart shows and its largest values, computed from the chart's data."""
    pairs = sorted(zip(names, values, strict=True), key=lambda p: -abs(p[1]))
    fmt = "{:,.2f}" if unit else "{:,.0f}"
    items = "; ".join(f"{n} {fmt.format(v)}" for n, v in pairs[:limit])
    rest = len(pairs) - limit
    if lang == "zh":
        return f"{what[0]}{'(万元)' if unit else ''}: {items}{f'; 另有{rest}项' if rest > 0 else ''}。"
    return f"{what[1]}{' (10k yuan)' if unit else ''}: {items}{f'; and {rest} more' if rest > 0 else ''}."


def direction_color() -> alt.Color:
    """Increases and decreases (the ``direction`` field) in the palette's vermillion and blue, no legend."""
    return alt.Color(
        "direction:N",
        legend=None,
        scale=alt.Scale(domain=["increase", "decrease"], range=[COLORS["increase"], COLORS["decrease"]]),
    )


def static_spec(chart: alt.TopLevelMixin | dict) -> dict:
    """The chart's Vega-Lite spec (or a spec) with a CJK font and a fixed width where it follows its container
    (an image has none)."""

    def fix(node):
        if isinstance(node, dict):
            return {k: STATIC_WIDTH if k == "width" and v == "container" else fix(v) for k, v in node.items()}
        if isinstance(node, list):
            return [fix(v) for v in node]
        return node

    if isinstance(chart, dict):
        return fix({**chart, "config": {**chart.get("config", {}), "font": FONT}})
    return fix(chart.configure(font=FONT).to_dict())


def _unit(d, lang: str) -> str:
    return d.meta["unit"] if lang == "zh" else d.meta.get("unit_en", d.meta["unit"])


# What the numbers of a composition are, by (by, measure): its title names them exactly.
WHAT = {
    ("function", "total"): ("支出合计", "Total spending"),
    ("function", "basic"): ("基本支出", "Basic spending"),
    ("function", "project"): ("项目支出", "Project spending"),
    ("economic", "total"): ("一般公共预算基本支出", "General-budget basic spending"),
    ("economic", "personnel"): ("一般公共预算基本支出: 人员经费", "General-budget basic spending: personnel"),
    ("economic", "public_operations"): (
        "一般公共预算基本支出: 公用经费",
        "General-budget basic spending: public operations",
    ),
    ("source", "total"): ("收入", "Income"),
    ("kind", "total"): ("支出", "Spending"),
}
# The table each composition reads, by ``by`` (its name goes into the subtitle).
SOURCE_TABLE = {"source": "income_by_function", "kind": "expenditure_by_function"}


def composition_title(
    d, by: str, level: str | None, measure: str, lang: str, min_share: float = 0.0
) -> alt.TitleParams:
    """What a composition shows: the measure, by which classification at which level, from which table."""
    zh, en = WHAT.get((by, measure), (label(measure, "zh"), label(measure, "en")))
    year = d.meta["year"]
    if by in ("source", "kind"):
        by_zh = label(by, "zh") if level is None else f"{label('function', 'zh')}({level})与{label(by, 'zh')}"
        by_en = label(by, "en") if level is None else f"function ({label(level, 'en')}) and {label(by, 'en')}"
    else:
        by_zh = f"{label(by, 'zh')}({level})"
        by_en = f"{label(by, 'en')} ({label(level, 'en')})"
    res = resource(SOURCE_TABLE.get(by) or COMPOSITION_TABLES[by][0])
    sub_zh = f"{_unit(d, 'zh')} · {res.title} · 万元"
    sub_en = f"{_unit(d, 'en')} · {res.title_en} · 10,000 yuan"
    if min_share:
        sub_zh += f" · 只列占总额 ≥ {min_share:.1%} 的科目"
        sub_en += f" · only items ≥ {min_share:.1%} of the total"
    return _title(f"{year}年{zh}, 按{by_zh}", f"{en}, {year}, by {by_en.lower()}", lang, (sub_zh, sub_en))


def composition(
    d,
    by: str = "function",
    level: str | None = "类",
    measure: str = "total",
    lang: str = "zh",
    table: pd.DataFrame | None = None,
    min_share: float = 0.0,
) -> alt.Chart:
    """Sorted bars of ``gz.composition(d, by, level, measure, lang, min_share)``: what the money is spent on
    (or comes from). The title names the measure, the classification and its level; the subtitle the table
    and the filter.

    ``table`` may pass that composition when it is already computed.
    """
    check_lang(lang)
    data = (
        composition_table(d, by=by, level=level, measure=measure, lang=lang, min_share=min_share)
        if table is None
        else table
    )
    if by in ("source", "kind"):
        data = data.assign(name=data["label"] if level is None else data["name"] + " · " + data["label"])
    y_title = label("function" if by in ("function", "source", "kind") else "economic", lang)
    return (
        alt.Chart(
            data,
            width=WIDTH,
            description=describe(
                (f"条形图, 按{y_title}的支出", f"Bar chart of spending by {y_title.lower()}"),
                data["name"],
                data["amount"],
                lang,
            ),
            title=composition_title(d, by, level, measure, lang, min_share),
            usermeta=_measure(COMPOSITION_MEASURES.get(by, "spending")),
        )
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("amount:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            tooltip=[
                alt.Tooltip("name:N", title=label("name", lang)),
                _amount_tooltip("amount", lang),
                _share_tooltip("share_of_parent", lang, "share_of_parent"),
                _share_tooltip("share_of_total", lang),
            ],
        )
    )


def drilldown(d, lang: str = "zh") -> alt.HConcatChart:
    """Click a 类 on the left to see its 款 or 项 on the right; a dropdown switches 款/项. Runs in the browser."""
    check_lang(lang)
    rows = []
    for level in ("类", "款", "项"):
        c = composition_table(d, by="function", level=level, lang=lang)
        c["class_code"] = c["code"].str[:3]
        rows.append(c)
    data = pd.concat(rows, ignore_index=True)
    names = data[data["level"] == "类"].set_index("code")["name"]
    data["class_name"] = data["class_code"].map(names)
    pick = alt.selection_point(
        fields=["class_code"], value=[{"class_code": names.index[0]}], name="pick_class"
    )
    detail = alt.param(
        name="detail_level",
        value="款",
        bind=alt.binding_select(
            options=["款", "项"], name=("明细级次 " if lang == "zh" else "Detail level ")
        ),
    )
    base = alt.Chart(data)
    left = (
        base.transform_filter(alt.datum.level == "类")
        .mark_bar(cursor="pointer")
        .encode(
            x=alt.X("amount:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            color=alt.condition(pick, alt.value(PALETTE[0]), alt.value(LIGHT)),
            tooltip=[
                alt.Tooltip("name:N", title=label("name", lang)),
                _amount_tooltip("amount", lang),
                _share_tooltip("share_of_total", lang),
            ],
        )
        .add_params(pick)
        .properties(width=260, title=_title("按类(点击选择)", "By class (click one)", lang))
    )
    right = (
        base.transform_filter(pick)
        .transform_filter(alt.datum.level == detail)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("amount:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            tooltip=[
                alt.Tooltip("code:N", title=label("code", lang)),
                alt.Tooltip("name:N", title=label("name", lang)),
                _amount_tooltip("amount", lang),
                _share_tooltip("share_of_parent", lang, "share_of_parent"),
            ],
        )
        .add_params(detail)
        .properties(width=260, title=_title("所选类的明细", "Breakdown of the selected class", lang))
    )
    classes = data[data["level"] == "类"]
    return alt.hconcat(left, right).properties(
        title=_title("支出构成: 从类到款、项", "Spending: from class down to category and item", lang),
        usermeta=_measure("spending"),
        description=describe(
            (
                "两个条形图, 左为各类支出, 点击一类在右侧显示其款或项",
                "Two bar charts: spending by class, click one to see its categories or items on the right",
            ),
            classes["name"],
            classes["amount"],
            lang,
        ),
    )


def source_mix(d, level: str = "类", normalize: bool = False, lang: str = "zh") -> alt.Chart:
    """Stacked bars: where each function's money comes from (财政拨款, 上年结转, 其他收入 …)."""
    check_lang(lang)
    data = composition_table(d, by="source", level=level, lang=lang)
    return (
        alt.Chart(
            data,
            width=WIDTH,
            title=_title(
                "各功能科目的资金来源",
                "Sources of funds by function",
                lang,
                (
                    "各科目收入按资金来源的构成, 每个科目合计为100%",
                    "Each function's income by source, each function 100%",
                )
                if normalize
                else None,
            ),
            usermeta=_measure("source_shares"),
            description=describe(
                ("堆叠条形图, 各功能科目按资金来源", "Stacked bar chart of each function by source of funds"),
                data["name"].astype(str)
                + " · "
                + data["label"].astype(str),  # empty columns may differ in dtype
                data["amount"],
                lang,
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "amount:Q",
                stack="normalize" if normalize else "zero",
                title=label("share_of_own_total" if normalize else "amount", lang),
                axis=alt.Axis(format=".0%" if normalize else ",.0f"),
            ),
            y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            color=alt.Color(
                "label:N",
                title=label("source", lang),
                scale=alt.Scale(range=PALETTE),
                legend=alt.Legend(**LEGEND),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=label("name", lang)),
                alt.Tooltip("label:N", title=label("source", lang)),
                _amount_tooltip("amount", lang),
                _share_tooltip("share_of_parent", lang, "share_of_parent"),
            ],
        )
    )


def _grouped_changes(
    d, section: str, scope: str, grouping: str, lang: str, tables: dict | None = None
) -> pd.DataFrame:
    """Rows of ``gz.changes`` for one grouping; ``tables`` may hold it already computed, by language."""
    tables = tables or {}
    c = tables["zh"] if "zh" in tables else changes_table(d, lang="zh")
    rows = c[(c["section"] == section) & (c["scope"] == scope) & (c["grouping"] == grouping)].copy()
    if rows.empty:
        raise ValueError(f"no {grouping!r} statements in section {section!r} ({scope}); see gz.changes(d)")
    if lang == "en":
        en = tables["en"] if "en" in tables else changes_table(d, lang="en")
        rows["item"] = en.loc[rows.index, "item"]
    rows["direction"] = rows["change"].map(lambda v: "increase" if v >= 0 else "decrease")
    return rows


def waterfall(
    d,
    section: str = "支出预算",
    scope: str = "全部资金",
    grouping: str = "function",
    lang: str = "zh",
    tables: dict | None = None,
) -> alt.Chart:
    """Prior year → each stated change → 2023, as a waterfall of the narrative's figures.

    ``tables`` may pass ``gz.changes(d, lang=…)`` already computed, as ``{"zh": …, "en": …}``.
    """
    check_lang(lang)
    c = (tables or {}).get("zh")
    c = changes_table(d, lang="zh") if c is None else c
    total = c[(c["section"] == section) & (c["scope"] == scope) & (c["grouping"] == "total")].iloc[0]
    parts = _grouped_changes(d, section, scope, grouping, lang, tables).sort_values("change", ascending=False)
    prior_label, now_label = label("2022", lang), label("2023", lang)
    steps = [
        {
            "item": prior_label,
            "start": 0.0,
            "end": total["prior_year"],
            "change": total["prior_year"],
            "direction": "total",
        }
    ]
    running = total["prior_year"]
    for r in parts.itertuples():
        steps.append(
            {
                "item": r.item,
                "start": running,
                "end": running + r.change,
                "change": r.change,
                "direction": r.direction,
            }
        )
        running += r.change
    steps.append(
        {
            "item": now_label,
            "start": 0.0,
            "end": total["amount"],
            "change": total["amount"],
            "direction": "total",
        }
    )
    data = pd.DataFrame(steps)
    data["order"] = range(len(data))
    direction_labels = {
        "increase": ("增加", "Increase"),
        "decrease": ("减少", "Decrease"),
        "total": ("总额", "Total"),
    }
    data["direction_label"] = data["direction"].map(lambda k: direction_labels[k][0 if lang == "zh" else 1])
    return (
        alt.Chart(
            data,
            width=WIDTH,
            description=describe(
                ("瀑布图, 从2022年到2023年的各项增减", "Waterfall chart of the changes from 2022 to 2023"),
                data["item"],
                data["change"],
                lang,
                limit=len(data),
            ),
            title=_title(
                f"{term(section, lang)}: 从2022年到2023年",
                f"{term(section, lang)}: from 2022 to 2023",
                lang,
                (
                    f"依据预算情况说明所列增减 · {term(scope, 'zh')} · 按{label(grouping, 'zh')}",
                    f"From the changes the narrative states · {term(scope, 'en')} · "
                    f"by {label(grouping, 'en').lower()}",
                ),
            ),
            usermeta=_measure("from_2022_to_2023"),
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "item:N",
                sort=alt.EncodingSortField("order"),
                title=None,
                axis=alt.Axis(labelAngle=-40, labelLimit=160),
            ),
            y=alt.Y("start:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f")),
            y2="end:Q",
            color=alt.Color(
                "direction_label:N",
                title=None,
                legend=alt.Legend(**LEGEND),
                scale=alt.Scale(
                    domain=[direction_labels[k][0 if lang == "zh" else 1] for k in COLORS],
                    range=list(COLORS.values()),
                ),
            ),
            tooltip=[
                alt.Tooltip("item:N", title=label("item", lang)),
                _amount_tooltip("change", lang, "change"),
                _amount_tooltip("end", lang),
            ],
        )
    )


def changes(
    d,
    section: str = "支出预算",
    scope: str = "全部资金",
    grouping: str = "function",
    lang: str = "zh",
    tables: dict | None = None,
    min_change: float = 0.0,
) -> alt.Chart:
    """Diverging bars of the stated changes against 2022, increases right and decreases left.

    Changes smaller than ``min_change`` (in absolute value) are left out; ``tables`` as for ``waterfall``.
    """
    check_lang(lang)
    data = _grouped_changes(d, section, scope, grouping, lang, tables)
    data = data[data["change"].abs() >= min_change]
    data = data[["item", "code", "amount", "change", "prior_year", "growth_rate", "direction", "wording"]]
    return (
        alt.Chart(
            data,
            width=WIDTH,
            description=describe(
                ("条形图, 较上年增减", "Bar chart of the changes on 2022"), data["item"], data["change"], lang
            ),
            title=_title(
                f"较上年增减: {term(section, lang)}",
                f"Change on 2022: {term(section, lang)}",
                lang,
                (
                    f"{term(scope, 'zh')} · 按{label(grouping, 'zh')}"
                    + (f" · 只列|增减| ≥ {min_change:,.2f} 万元" if min_change else ""),
                    f"{term(scope, 'en')} · by {label(grouping, 'en').lower()}"
                    + (f" · only changes of {min_change:,.2f} (10k yuan) or more" if min_change else ""),
                ),
            ),
            usermeta=_measure("change"),
        )
        .mark_bar()
        .encode(
            x=alt.X("change:Q", title=label("change", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("item:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            color=direction_color(),
            tooltip=[
                alt.Tooltip("item:N", title=label("item", lang)),
                _amount_tooltip("amount", lang),
                _amount_tooltip("change", lang, "change"),
                _amount_tooltip("prior_year", lang, "prior_year"),
                alt.Tooltip("growth_rate:Q", format=".1%", title=label("growth_rate", lang)),
            ],
        )
    )


def carryover_axis() -> alt.Y:
    """Functions sorted by carry-over, largest first. A layer unions its layers' domains, where only
    count/min/max sorts survive (max of one row is the row's value)."""
    return alt.Y(
        "name:N",
        sort=alt.EncodingSortField("carryover", op="max", order="descending"),
        title=None,
        axis=alt.Axis(labelLimit=LABEL_LIMIT),
    )


def carryover(
    d,
    level: str = "类",
    lang: str = "zh",
    table: pd.DataFrame | None = None,
    within: str | None = None,
    min_carryover: float = 0.0,
) -> alt.LayerChart:
    """Each function's total with the part that is carried over from last year (上年结转) drawn over it.

    ``within`` and ``min_carryover`` as for ``gz.carryover``; the subtitle names them. ``table`` may pass
    ``gz.carryover(d, level, lang, within, min_carryover)`` when it is already computed.
    """
    check_lang(lang)
    data = (
        carryover_table(d, level=level, lang=lang, within=within, min_carryover=min_carryover)
        if table is None
        else table
    )
    kinds = {
        "only": ("仅靠结转", "Carry-over only"),
        "part": ("部分结转", "Partly carried over"),
        "none": ("无结转", "None carried over"),
    }
    pick = 0 if lang == "zh" else 1
    data = data.assign(
        only=[
            kinds["only" if only else ("part" if c > 0 else "none")][pick]
            for only, c in zip(data["carryover_only"], data["carryover"], strict=True)
        ]
    )
    income = d.table("income_by_function")
    published = float(income.loc[income["code"].isna(), "carryover"].iloc[0])  # the 合计 as published
    shown_zh, shown_en = [f"按{label(level, 'zh')}"], [f"by {label(level, 'en').lower()}"]
    if within is not None:
        shown_zh.append(f"{within} {code_names(d, 'functional', 'zh')[within]}")
        shown_en.append(f"{within} {code_names(d, 'functional', 'en')[within]}")
    if min_carryover:
        shown_zh.append(f"只列结转 ≥ {min_carryover:,.2f} 万元")
        shown_en.append(f"only {min_carryover:,.2f} (10k yuan) carried over or more")
    title = _title(
        f"上年结转 {published:,.2f} 万元的分布",
        f"Where the {published:,.2f} (10k yuan) carried over go",
        lang,
        (
            " · ".join(shown_zh) + " · 浅色: 科目合计; 深色: 其中上年结转",
            " · ".join(shown_en) + " · light: the function's total; dark: of which carried over",
        ),
    )
    base = alt.Chart(data).encode(y=carryover_axis())
    tooltip = [
        alt.Tooltip("name:N", title=label("name", lang)),
        _amount_tooltip("carryover", lang, "carryover"),
        _amount_tooltip("total", lang, "total"),
        _share_tooltip("share_of_carryover", lang, "share_of_carryover"),
        _share_tooltip("share_carried_over", lang, "share_carried_over"),
        alt.Tooltip("only:N", title=label("carryover_only", lang)),
    ]
    totals = base.mark_bar(color=LIGHT).encode(
        x=alt.X("total:Q", title=label("amount", lang), axis=alt.Axis(format=",.0f")), tooltip=tooltip
    )
    carried = base.mark_bar().encode(
        x="carryover:Q",
        color=alt.Color(
            "only:N",
            legend=alt.Legend(**LEGEND),
            title=None,
            scale=alt.Scale(
                domain=[k[pick] for k in kinds.values()],
                range=[COLORS["increase"], PALETTE[1], LIGHT],
            ),
        ),
        tooltip=tooltip,
    )
    return alt.layer(totals, carried).properties(
        width=WIDTH,
        title=title,
        usermeta=_measure("carryover"),
        description=describe(
            ("条形图, 各科目的上年结转", "Bar chart of the carried-over funds by function"),
            data["name"],
            data["carryover"],
            lang,
        ),
    )


def targets(d, lang: str = "zh", project: str | None = None, kind: str | None = None) -> alt.Chart:
    """How many indicators (三级指标) each project lists, and of which kind (quantitative: a number to meet;
    qualitative: a direction only). A category row without an indicator (``kind`` missing) is no target and
    is not counted: the subtitle names the projects that list none.

    ``project`` and ``kind`` as for ``gz.targets``; the subtitle names them.
    """
    check_lang(lang)
    t = targets_table(d, lang=lang, project=project, kind=kind)
    allowed = MEASURES["indicators"]["rows"][1]
    none = sorted(set(t["project_id"]) - set(t.loc[t["kind"].isin(allowed), "project_id"]))
    t = t[t["kind"].isin(allowed)].copy()
    t["kind_label"] = t["kind"].map(lambda k: label(k, lang))
    counts = (
        t.groupby(["project_id", "project", "kind", "kind_label", "level1"], dropna=False)
        .size()
        .reset_index(name="count")
    )
    counts["project"] = counts["project_id"] + " " + counts["project"]
    per_project = counts.groupby("project", sort=False)["count"].sum()
    words = MEASURES["indicators"]
    sub_zh = [
        "全部项目" if project is None else project,
        "定量与定性指标" if kind is None else label(kind, "zh") + "指标",
        "定量: 有要达到的数值; 定性: 只有方向",
    ]
    sub_en = [
        "All projects" if project is None else project,
        "quantitative and qualitative" if kind is None else label(kind, "en").lower() + " indicators",
        "quantitative: a number to meet; qualitative: a direction only",
    ]
    if none:
        sub_zh.append(f"只列指标类别、没有指标: {', '.join(none)}")
        sub_en.append(f"categories listed, no indicator: {', '.join(none)}")
    return (
        alt.Chart(
            counts,
            width=WIDTH,
            description=describe(
                ("条形图, 各项目的绩效指标个数", "Bar chart of the number of indicators per project"),
                per_project.index,
                per_project.to_numpy(),
                lang,
                unit=False,
                limit=len(per_project),
            ),
            title=_title(
                f"各项目的{words['zh']}",
                f"The {words['en']} of each project",
                lang,
                (" · ".join(sub_zh), " · ".join(sub_en)),
            ),
            usermeta=_measure("indicators"),
        )
        .mark_bar()
        .encode(
            x=alt.X("sum(count):Q", title=label("indicators", lang)),
            y=alt.Y(
                "project:N",
                title=None,
                sort=alt.EncodingSortField("project_id", op="min"),
                axis=alt.Axis(labelLimit=LABEL_LIMIT),
            ),
            color=alt.Color(
                "kind_label:N",
                legend=alt.Legend(**LEGEND),
                title=None,
                scale=alt.Scale(
                    domain=[label(k, lang) for k in allowed],
                    range=[PALETTE[2], PALETTE[1]],
                ),
            ),
            tooltip=[
                alt.Tooltip("project:N", title=label("project_name", lang)),
                alt.Tooltip("level1:N", title=label("level1", lang)),
                alt.Tooltip("kind_label:N", title=label("indicator_kind", lang)),
                alt.Tooltip("sum(count):Q", title=label("indicators", lang)),
            ],
        )
    )


def save(chart: alt.TopLevelMixin, path: str | Path, scale: float = 2.0) -> Path:
    """Write a chart as a static image, ``.png``, ``.svg`` or ``.pdf``, with a CJK font for Chinese labels.

    Needs ``vl-convert-python`` (the ``render`` extra) and, for Chinese glyphs, Noto Sans CJK
    (Debian: ``apt-get install fonts-noto-cjk``).
    """
    import vl_convert as vlc

    path = Path(path)
    spec = static_spec(chart)
    suffix = path.suffix.lower()
    if suffix == ".png":
        path.write_bytes(vlc.vegalite_to_png(spec, scale=scale))
    elif suffix == ".svg":
        path.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    elif suffix == ".pdf":
        path.write_bytes(vlc.vegalite_to_pdf(spec))
    else:
        raise ValueError(f"save() writes .png, .svg or .pdf, not {suffix or 'a file without suffix'!r}")
    return path


# The charts the notebooks and the figures command show, by file name.
GALLERY = {
    "composition_function": lambda d, lang: composition(d, lang=lang),
    "composition_economic": lambda d, lang: composition(d, by="economic", level="款", lang=lang),
    "drilldown": lambda d, lang: drilldown(d, lang=lang),
    "source_mix": lambda d, lang: source_mix(d, normalize=True, lang=lang),
    "waterfall": lambda d, lang: waterfall(d, lang=lang),
    "changes": lambda d, lang: changes(d, lang=lang),
    "carryover": lambda d, lang: carryover(d, lang=lang),
    "targets": lambda d, lang: targets(d, lang=lang),
}
