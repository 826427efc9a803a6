"""Widget explorers (ipywidgets): one per question, for a live kernel.

Each explorer is a ``VBox`` of controls above a chart and a table. Changing a control recomputes
``explorer.table`` (exactly what the analysis function returns for the controls' values) and
``explorer.chart`` (an ``altair`` chart whose title and subtitle say what it shows) and redraws them; the
table is shown formatted (``explorer.view()``: labelled columns, amounts with separators, shares as
percentages). A dropdown offers only the choices that exist for the other controls' values, and every label
follows the language control. Without a kernel (a published report) an explorer shows its default view.

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
from gzanalysis.analyses.composition import BY, composition
from gzanalysis.analyses.labels import check_lang, code_names, label, term
from gzanalysis.analyses.targets import KINDS, table_of, targets
from gzanalysis.package.load import as_disclosure
from gzanalysis.views import charts
from gzanalysis.views.notebook import render
from gzanalysis.views.tables import YES_NO

ALL = "all"  # the value of every "all" choice: a real value, so that the dropdown displays its label
LEVELS = ("类", "款", "项")
LANGS = [("中文", "zh"), ("English", "en")]
ROWS_SHOWN = 30
# Columns the formatted table shows as percentages, and as amounts in 万元.
PERCENT = ("share_of_parent", "share_of_total", "share_of_carryover", "share_carried_over", "growth_rate")
AMOUNTS = ("amount", "carryover", "total", "change", "prior_year")


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _dropdown(value) -> w.Dropdown:
    # Sized to its longest option and its description (no clipped "功能分类 fu" or "Englis").
    return w.Dropdown(
        options=[(str(value), value)],
        value=value,
        style={"description_width": "initial"},
        layout=w.Layout(width="max-content", min_width="120px"),
    )


def _level_options(levels, lang: str) -> list[tuple[str, str]]:
    return [(label(level, lang), level) for level in LEVELS if level in set(levels)]


class Explorer(w.VBox):
    """Controls, then the chart and the table they produce; ``refresh()`` recomputes both.

    A subclass says which choices each dropdown offers (``options``), the controls' descriptions
    (``DESCRIPTIONS``) and how the table and chart follow from the values (``compute``).
    """

    TITLE = ("", "")
    DESCRIPTIONS: dict[str, tuple[str, str]] = {}  # control → (zh, en)
    HEADERS: dict[str, tuple[str, str]] = {}  # columns whose shared label means something else here
    VALUES = ("level",)  # columns whose values are label keys, shown in the chosen language

    def __init__(self, d, controls: dict[str, w.Widget], lang: str = "zh"):
        self.d = d
        self.controls = {**controls, "lang": _dropdown(check_lang(lang))}  # the language shown first
        self.chart = None
        self.table: pd.DataFrame | None = None
        self.output = w.Output()
        self.header = w.HTML()
        self._syncing = False
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        box = w.HBox(list(self.controls.values()), layout=w.Layout(flex_flow="row wrap"))
        super().__init__([self.header, box, self.output])
        self._sync()
        self.refresh()

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def options(self, values: dict) -> dict[str, list[tuple[str, object]]]:
        """The choices each dropdown offers, given the values of the controls before it."""
        raise NotImplementedError

    def compute(self, **values) -> tuple[pd.DataFrame, object]:
        raise NotImplementedError

    def _sync(self) -> None:
        """Offer each dropdown what exists for the others' values, every label in the chosen language."""
        self._syncing = True  # setting options and values here must not redraw once per control
        try:
            values = self.values()
            lang = values["lang"]
            for name in [*self.options(values), "lang"]:
                options = LANGS if name == "lang" else self.options(values)[name]
                control = self.controls[name]
                allowed = [v for _, v in options]
                value = control.value if control.value in allowed else allowed[0]
                if list(control.options) != options:
                    control.options = options
                control.value = values[name] = value
            for name, (zh, en) in {**self.DESCRIPTIONS, "lang": ("语言 Language", "Language")}.items():
                self.controls[name].description = _pick(lang, zh, en)
            self.header.value = f"<b>{_pick(lang, *self.TITLE)}</b>"
        finally:
            self._syncing = False

    def _changed(self, _change) -> None:
        if self._syncing:
            return
        self._sync()
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
            display(self.view())

    def _header(self, column: str) -> str:
        lang = self.controls["lang"].value
        return _pick(lang, *self.HEADERS[column]) if column in self.HEADERS else label(column, lang)

    def view(self):
        """The table as a reader sees it: labelled columns, amounts in 万元, shares as percentages."""
        lang = self.controls["lang"].value
        shown = self.table.head(ROWS_SHOWN).copy()
        for column in set(self.VALUES) & set(shown.columns):
            shown[column] = shown[column].map(lambda v: label(v, lang), na_action="ignore")
        formats = {c: "{:.1%}" for c in PERCENT if c in shown.columns}
        formats |= {c: "{:,.2f}" for c in AMOUNTS if c in shown.columns}
        formats |= {"number": "{:g}"} if "number" in shown.columns else {}
        # booleans as the static tables show them: 是/否, yes/no (never True/False)
        yes, no = YES_NO[lang]
        formats |= {
            c: (lambda v, yes=yes, no=no: "" if pd.isna(v) else (yes if v else no))
            for c in shown.columns
            if pd.api.types.is_bool_dtype(shown[c])
        }
        # Styler does not escape by default (DataFrame.to_html does): data strings must stay text.
        styled = shown.style.format(formats, na_rep="", escape="html")
        styled = styled.format_index(self._header, axis=1, escape="html").hide(axis="index")
        if len(self.table) > len(shown):
            styled = styled.set_caption(
                _pick(
                    lang,
                    f"前 {len(shown)} 行, 共 {len(self.table)} 行",
                    f"first {len(shown)} of {len(self.table)} rows",
                )
            )
        return styled


class CompositionExplorer(Explorer):
    """What the money is spent on: by function or economic class, at a level, for a measure."""

    TITLE = ("支出构成", "Spending composition")
    DESCRIPTIONS = {
        "by": ("分类", "Classify by"),
        "level": ("级次", "Level"),
        "measure": ("口径", "Measure"),
        "threshold": ("最小占比", "Min. share"),
    }
    # The measures each classification's table publishes, labelled.
    MEASURES = {
        "function": {
            "total": ("支出合计", "Total"),
            "basic": ("基本支出", "Basic"),
            "project": ("项目支出", "Project"),
        },
        "economic": {
            "total": ("基本支出合计", "Basic spending, total"),
            "personnel": ("人员经费", "Personnel"),
            "public_operations": ("公用经费", "Public operations"),
        },
    }

    def __init__(self, d, lang: str = "zh"):
        self._levels = {by: set(d.table(table)["level"].dropna()) for by, (table, _, _) in BY.items()}
        controls = {
            "by": _dropdown("function"),
            "level": _dropdown("类"),
            "measure": _dropdown("total"),
            "threshold": w.FloatSlider(
                value=0.0,
                min=0.0,
                max=0.2,
                step=0.005,
                readout_format=".1%",
                style={"description_width": "initial"},
            ),
        }
        super().__init__(d, controls, lang)

    def options(self, values):
        lang, by = values["lang"], values["by"]
        return {
            "by": [(label(b, lang), b) for b in BY],
            "level": _level_options(self._levels[by], lang),
            "measure": [(_pick(lang, *names), m) for m, names in self.MEASURES[by].items()],
        }

    def compute(self, by, level, measure, threshold, lang):
        table = composition(self.d, by=by, level=level, measure=measure, lang=lang, min_share=threshold)
        chart = charts.composition(
            self.d, by=by, level=level, measure=measure, lang=lang, table=table, min_share=threshold
        )
        return table, chart


class ChangesExplorer(Explorer):
    """What changed against 2022 and why: the narrative's statements, by grouping, above a threshold."""

    TITLE = ("较上年增减", "Changes on 2022")
    VALUES = ("grouping",)
    DESCRIPTIONS = {
        "section": ("章节", "Section"),
        "grouping": ("分组", "Group by"),
        "view": ("图形", "Chart"),
        "threshold": ("|增减| ≥", "|Change| ≥"),
    }

    def __init__(self, d, lang: str = "zh"):
        self.d = d
        self._tables = {}  # the narrative does not change while exploring: compute each language once
        zh = self._table("zh")
        # The sections that state a total and its parts: what both the bars and the waterfall can draw.
        parts = zh[zh["grouping"] != "total"]
        totals = set(
            zh.loc[zh["grouping"] == "total", ["section", "scope"]].itertuples(index=False, name=None)
        )
        self._groupings = {
            key: list(dict.fromkeys(rows["grouping"]))
            for key, rows in parts.groupby(["section", "scope"], sort=False)
            if key in totals
        }
        # Open on the grouping with the most statements (支出预算 by function, for the seed).
        sizes = parts.groupby(["section", "scope", "grouping"], sort=False).size()
        name, scope, grouping = sizes[[key[:2] in totals for key in sizes.index]].idxmax()
        section = (name, scope)
        controls = {
            "section": _dropdown(section),
            "grouping": _dropdown(grouping),
            "view": _dropdown("diverging"),
            "threshold": w.FloatText(
                value=0.0, style={"description_width": "initial"}, layout=w.Layout(width="200px")
            ),
        }
        super().__init__(d, controls, lang)

    def _table(self, lang: str) -> pd.DataFrame:
        if lang not in self._tables:
            self._tables[lang] = changes(self.d, lang=lang)
        return self._tables[lang]

    def options(self, values):
        lang = values["lang"]
        return {
            "section": [
                (f"{term(name, lang)} · {term(scope, lang)}", (name, scope))
                for name, scope in self._groupings
            ],
            "grouping": [(label(g, lang), g) for g in self._groupings[tuple(values["section"])]],
            "view": [
                (_pick(lang, "增减条形图", "Diverging bars"), "diverging"),
                (_pick(lang, "瀑布图", "Waterfall"), "waterfall"),
            ],
        }

    def _sync(self):
        super()._sync()
        # A waterfall shows every stated change (its steps must add up): no threshold there.
        self.controls["threshold"].disabled = self.controls["view"].value == "waterfall"

    def compute(self, section, grouping, view, threshold, lang):
        name, scope = section
        min_change = 0.0 if view == "waterfall" else threshold
        table, zh = self._table(lang), self._table("zh")
        rows = (zh["section"] == name) & (zh["scope"] == scope) & (zh["grouping"] == grouping)
        rows &= zh["change"].abs() >= min_change
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
                min_change=min_change,
            )
        return table, chart


class CarryoverExplorer(Explorer):
    """Where the carried-over funds go: by level, or within one function."""

    TITLE = ("上年结转", "Carried-over funds")
    DESCRIPTIONS = {
        "level": ("级次", "Level"),
        "function": ("科目", "Function"),
        "threshold": ("结转 ≥", "Carried over ≥"),
    }

    def __init__(self, d, lang: str = "zh"):
        income = d.table("income_by_function")
        self._classes = income.query("level == '类' and carryover > 0")["code"].tolist()
        self._levels = set(income["level"].dropna())
        controls = {
            "level": _dropdown("类"),
            "function": _dropdown(ALL),
            "threshold": w.FloatText(
                value=0.0, style={"description_width": "initial"}, layout=w.Layout(width="200px")
            ),
        }
        super().__init__(d, controls, lang)

    def options(self, values):
        lang = values["lang"]
        names = code_names(self.d, "functional", lang)
        return {
            "level": _level_options(self._levels, lang),
            "function": [(_pick(lang, "全部", "All"), ALL)] + [(f"{c} {names[c]}", c) for c in self._classes],
        }

    def compute(self, level, function, threshold, lang):
        within = None if function == ALL else function
        table = carryover(self.d, level=level, lang=lang, within=within, min_carryover=threshold)
        chart = charts.carryover(
            self.d, level=level, lang=lang, table=table, within=within, min_carryover=threshold
        )
        return table, chart


class TargetsExplorer(Explorer):
    """What the projects promise: every indicator of one project, or of all, by kind."""

    TITLE = ("绩效目标", "Performance targets")
    DESCRIPTIONS = {"project": ("项目", "Project"), "kind": ("类型", "Kind")}
    HEADERS = {"project": ("项目名称", "Project"), "kind": ("指标类型", "Kind of indicator")}
    VALUES = ("kind",)

    def __init__(self, d, lang: str = "zh"):
        self._projects = d.table("projects")[["project_id", "name"]]
        # only projects' tables (the seed): the table_of column would say nothing
        self._one_kind = table_of(d.table("projects")).nunique() <= 1
        controls = {"project": _dropdown(ALL), "kind": _dropdown(ALL)}
        super().__init__(d, controls, lang)

    def options(self, values):
        lang = values["lang"]
        everything = _pick(lang, "全部", "All")
        return {
            "project": [(everything, ALL)]
            + [(f"{p} {n}"[:40], p) for p, n in self._projects.itertuples(index=False)],
            "kind": [(everything, ALL)] + [(label(k, lang), k) for k in KINDS],
        }

    def compute(self, project, kind, lang):
        project = None if project == ALL else project
        kind = None if kind == ALL else kind
        table = targets(self.d, lang=lang, project=project, kind=kind)
        if self._one_kind:
            table = table.drop(columns="table_of")
        return table, charts.targets(self.d, lang=lang, project=project, kind=kind)


def composition_explorer(d, lang: str = "zh") -> CompositionExplorer:
    """Explore spending composition: classification, level, measure, minimum share, language."""
    return CompositionExplorer(as_disclosure(d, "gz.widgets.composition_explorer()"), lang)


def changes_explorer(d, lang: str = "zh") -> ChangesExplorer:
    """Explore the narrative's changes against 2022: section, grouping, chart, threshold, language."""
    return ChangesExplorer(as_disclosure(d, "gz.widgets.changes_explorer()"), lang)


def carryover_explorer(d, lang: str = "zh") -> CarryoverExplorer:
    """Explore the carried-over funds: level, a function to drill into, threshold, language."""
    return CarryoverExplorer(as_disclosure(d, "gz.widgets.carryover_explorer()"), lang)


def targets_explorer(d, lang: str = "zh") -> TargetsExplorer:
    """Explore the performance targets: project, kind of indicator, language."""
    return TargetsExplorer(as_disclosure(d, "gz.widgets.targets_explorer()"), lang)


__all__ = ["carryover_explorer", "changes_explorer", "composition_explorer", "targets_explorer"]
