"""Widget explorers (ipywidgets): one per question, for a live kernel.

Each explorer is a ``VBox`` of controls above a chart and a table. Changing a control recomputes
``explorer.table`` (a DataFrame) and ``explorer.chart`` (an ``altair`` chart) and redraws them.
Without a kernel (a published report) an explorer shows its default view.

>>> import gzanalysis as gz
>>> e = gz.widgets.composition_explorer(gz.load())
>>> e.controls["level"].value = "款"
>>> e.table["level"].unique().tolist()
['款']
"""

from __future__ import annotations

import altair as alt
import ipywidgets as w
import pandas as pd
from IPython import get_ipython
from IPython.display import display

from gzanalysis.analyses.carryover import carryover
from gzanalysis.analyses.changes import changes
from gzanalysis.analyses.composition import composition
from gzanalysis.analyses.labels import code_names
from gzanalysis.analyses.targets import targets
from gzanalysis.views import charts
from gzanalysis.views.notebook import render

LANG_OPTIONS = [("中文", "zh"), ("English", "en")]


class Explorer(w.VBox):
    """Controls, then the chart and the table they produce; ``refresh()`` recomputes both."""

    def __init__(self, d, controls: dict[str, w.Widget], title: str):
        self.d = d
        self.controls = controls
        self.chart = None
        self.table: pd.DataFrame | None = None
        self.output = w.Output()
        for control in controls.values():
            control.observe(self._changed, names="value")
        box = w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap"))
        super().__init__([w.HTML(f"<b>{title}</b>"), box, self.output])
        self.refresh()

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def compute(self, **values) -> tuple[pd.DataFrame, object]:
        raise NotImplementedError

    def _changed(self, _change) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.table, self.chart = self.compute(**self.values())
        if get_ipython() is None:
            return  # no kernel, nothing to draw on: the chart and table are still there to inspect
        with self.output:
            self.output.clear_output(wait=True)
            if alt.renderers.active == "gzanalysis":
                # The chart functions' specs are validated by the test suite; skip altair's per-draw validation.
                display(render(self.chart.to_dict(validate=False)), raw=True)
            else:
                display(self.chart)
            display(self.table.head(30))


def _dropdown(options, value, description, width="180px"):
    return w.Dropdown(options=options, value=value, description=description, layout=w.Layout(width=width))


def _lang():
    return _dropdown(LANG_OPTIONS, "zh", "语言", "150px")


class CompositionExplorer(Explorer):
    """What the money is spent on: by function or economic class, at a level, for a measure."""

    def __init__(self, d):
        controls = {
            "by": _dropdown(
                [("功能分类 function", "function"), ("经济分类 economic", "economic")], "function", "分类"
            ),
            "level": _dropdown(["类", "款", "项"], "类", "级次", "140px"),
            "measure": _dropdown(
                [("合计 total", "total"), ("基本支出 basic", "basic"), ("项目支出 project", "project")],
                "total",
                "口径",
            ),
            "threshold": w.FloatSlider(
                value=0.0, min=0.0, max=0.2, step=0.005, readout_format=".1%", description="最小占比"
            ),
            "lang": _lang(),
        }
        super().__init__(d, controls, "支出构成 Spending composition")

    def compute(self, by, level, measure, threshold, lang):
        if by == "economic":
            level = "款" if level == "项" else level
            measure = {"basic": "personnel", "project": "public_operations"}.get(measure, measure)
        table = composition(self.d, by=by, level=level, measure=measure, lang=lang)
        table = table[table["share_of_total"] >= threshold].reset_index(drop=True)
        return table, charts.composition(self.d, by=by, level=level, measure=measure, lang=lang, table=table)


class ChangesExplorer(Explorer):
    """What changed against 2022 and why: the narrative's statements, by grouping, above a threshold."""

    SECTIONS = [
        ("支出预算 (全部资金)", ("支出预算", "全部资金")),
        ("财政拨款支出", ("财政拨款支出", "财政拨款")),
        ("收入预算", ("收入预算", "全部资金")),
    ]

    def __init__(self, d):
        self._tables = {}  # the narrative does not change while exploring: compute each language once
        controls = {
            "section": _dropdown(self.SECTIONS, ("支出预算", "全部资金"), "章节", "260px"),
            "grouping": _dropdown(
                [
                    ("功能分类", "function"),
                    ("经济分类", "economic"),
                    ("支出类别", "kind"),
                    ("收入来源", "income_source"),
                ],
                "function",
                "分组",
            ),
            "view": _dropdown(
                [("增减条形图 diverging", "diverging"), ("瀑布图 waterfall", "waterfall")],
                "diverging",
                "图形",
                "240px",
            ),
            "threshold": w.FloatText(value=0.0, description="|增减| ≥", layout=w.Layout(width="180px")),
            "lang": _lang(),
        }
        super().__init__(d, controls, "较上年增减 Changes on 2022")

    def compute(self, section, grouping, view, threshold, lang):
        name, scope = section
        for key in {lang, "zh"} - self._tables.keys():
            self._tables[key] = changes(self.d, lang=key)
        table, zh = self._tables[lang], self._tables["zh"]
        rows = (zh["section"] == name) & (zh["scope"] == scope) & (zh["grouping"] == grouping)
        if not rows.any():
            grouping = zh.loc[
                (zh["section"] == name) & (zh["scope"] == scope) & (zh["grouping"] != "total"), "grouping"
            ].iloc[0]
            rows = (zh["section"] == name) & (zh["scope"] == scope) & (zh["grouping"] == grouping)
        rows &= zh["change"].abs() >= threshold
        table = table[rows].reset_index(drop=True)
        if view == "waterfall":
            chart = charts.waterfall(
                self.d, section=name, scope=scope, grouping=grouping, lang=lang, tables=self._tables
            )
        else:
            chart = charts.changes(
                self.d,
                section=name,
                scope=scope,
                grouping=grouping,
                lang=lang,
                tables=self._tables,
                min_change=threshold,
            )
        return table, chart


class CarryoverExplorer(Explorer):
    """Where the carried-over funds go: by level, or within one function."""

    def __init__(self, d):
        classes = d.table("income_by_function").query("level == '类' and carryover > 0")["code"].tolist()
        names = code_names(d, "functional", "zh")
        controls = {
            "level": _dropdown(["类", "款", "项"], "类", "级次", "140px"),
            "function": _dropdown(
                [("全部 all", None)] + [(f"{c} {names[c]}", c) for c in classes], None, "科目", "300px"
            ),
            "threshold": w.FloatText(value=0.0, description="结转 ≥", layout=w.Layout(width="180px")),
            "lang": _lang(),
        }
        super().__init__(d, controls, "上年结转 Carried-over funds")

    def compute(self, level, function, threshold, lang):
        table = carryover(self.d, level=level, lang=lang)
        if function:
            table = table[table["code"].str.startswith(function)]
        table = table[table["carryover"] >= threshold].reset_index(drop=True)
        return table, charts.carryover(self.d, level=level, lang=lang, table=table)


class TargetsExplorer(Explorer):
    """What the projects promise: every indicator of one project, or of all, by kind."""

    def __init__(self, d):
        projects = d.table("projects")
        controls = {
            "project": _dropdown(
                [("全部 all", None)]
                + [
                    (f"{p} {n}"[:40], p)
                    for p, n in zip(projects["project_id"], projects["name"], strict=True)
                ],
                None,
                "项目",
                "360px",
            ),
            "kind": _dropdown(
                [
                    ("全部 all", None),
                    ("定量 quantitative", "quantitative"),
                    ("定性 qualitative", "qualitative"),
                    ("缺失 missing", "missing"),
                ],
                None,
                "类型",
                "240px",
            ),
            "lang": _lang(),
        }
        super().__init__(d, controls, "绩效目标 Performance targets")

    def compute(self, project, kind, lang):
        table = targets(self.d, lang=lang)
        if project:
            table = table[table["project_id"] == project]
        if kind:
            table = table[table["kind"] == kind]
        table = table.reset_index(drop=True)
        chart = charts.targets(self.d, lang=lang)
        if project:
            chart = chart.transform_filter(f"datum.project_id == '{project}'")
        return table, chart


def composition_explorer(d) -> CompositionExplorer:
    """Explore spending composition: classification, level, measure, minimum share, language."""
    return CompositionExplorer(d)


def changes_explorer(d) -> ChangesExplorer:
    """Explore the narrative's changes against 2022: section, grouping, chart, threshold, language."""
    return ChangesExplorer(d)


def carryover_explorer(d) -> CarryoverExplorer:
    """Explore the carried-over funds: level, a function to drill into, threshold, language."""
    return CarryoverExplorer(d)


def targets_explorer(d) -> TargetsExplorer:
    """Explore the performance targets: project, kind of indicator, language."""
    return TargetsExplorer(d)


__all__ = ["carryover_explorer", "changes_explorer", "composition_explorer", "targets_explorer"]
