"""Tables for readers: a DataFrame → formatted HTML (pandas ``Styler``), in the notebook's language.

    gz.tables.show(gz.composition(d), lang="en")

Amounts get thousands separators and two decimals (万元, as published), shares and rates show as %,
counts as integers, missing values as a blank cell, booleans as 是/否 (yes/no); headers take the labels of
``gz.analyses.labels`` in ``lang``, and so do the values of a status or a kind (``material`` → 实质性差异); numbers are right-aligned in tabular figures. Tables longer than
``LONG`` rows are marked ``gz-table-long``: the report makes them sortable and searchable (a small script
of its own, no CDN).

Why pandas' Styler (and not great-tables or itables): it is part of pandas, which gzanalysis already needs,
so a table costs no new dependency and no JavaScript; its output is plain HTML, the same in JupyterLab, in
the offline report, in print and in nbconvert; formats are per column. itables would embed the DataTables
bundle in every notebook (offline mode) and format in the browser; great-tables formats well but sorts and
searches nothing. Sorting and searching long tables is the one thing Styler lacks, and the report adds it.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype

from gzanalysis.analyses.labels import LABELS, VALUE_COLUMNS, check_lang, value_label

LONG = 12  # rows: longer tables become sortable and searchable in the report
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}
# Column names that hold ratios (shown as %), whatever else they are called.
RATIO_WORDS = ("share", "rate", "ratio", "_to_")
YEAR_COLUMNS = ("year",)  # a year is a label (2026), not a count (2,026)


def is_ratio(name) -> bool:
    """Whether a column or figure named ``name`` holds a ratio: one of its words is a ratio word
    (``share_of_total``, ``growth_rate``, ``three_public_to_basic``), not a longer word that merely holds
    one (``public_operations`` holds "ratio", ``operate`` "rate").

    >>> is_ratio("share_of_total"), is_ratio("three_public_to_basic"), is_ratio("Public operations")
    (True, True, False)
    """
    text = str(name).lower()
    words = set(re.split(r"[^a-z]+", text))
    return "_to_" in text or any(w in words for w in RATIO_WORDS if w != "_to_")


def kind(series: pd.Series, name: str) -> str:
    """How a column is shown: ``ratio``, ``amount``, ``count``, ``year``, ``bool`` or ``text``."""
    if is_bool_dtype(series):
        return "bool"
    if is_integer_dtype(series):
        return "year" if str(name) in YEAR_COLUMNS else "count"
    if is_float_dtype(series):
        return "ratio" if is_ratio(name) else "amount"
    return "text"


FORMATS = {"ratio": "{:.1%}", "amount": "{:,.2f}", "count": "{:,.0f}", "year": "{:.0f}"}


# Column names whose label in LABELS is the category's ("project" is 项目支出 there), not the column's.
COLUMNS = {"project": LABELS["project_name"]}


def header(name, lang: str) -> str:
    """A column's header in ``lang``; names without a label (already a label, or Chinese) stay as they are."""
    zh, en = COLUMNS.get(str(name)) or LABELS.get(str(name), (str(name), str(name)))
    return zh if lang == "zh" else en


def show(df: pd.DataFrame | pd.Series, lang: str = "zh", caption: str | None = None, index: bool = False):
    """``df`` as a formatted HTML table (a pandas ``Styler``: a notebook displays it; ``.to_html()`` gives
    the HTML). ``index=True`` keeps the index (as a first column, e.g. for a pivot table)."""
    check_lang(lang)
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if index:
        df = df.reset_index()
    df = df.reset_index(drop=True)
    df.columns = [str(c) for c in df.columns]
    # a status or a kind (material, quantitative …) reads as its label in ``lang``, not as a code word
    for column in [c for c in df.columns if c in VALUE_COLUMNS and not is_bool_dtype(df[c])]:
        df[column] = df[column].map(lambda v: value_label(v, lang)).astype(df[column].dtype)
    kinds = {c: kind(df[c], c) for c in df.columns}
    yes, no = YES_NO[lang]
    # escape: names come from the data, and a name holding "<script>" must stay text
    styler = df.style.hide(axis="index").format(na_rep="", escape="html")
    for column, k in kinds.items():
        if k in FORMATS:
            styler = styler.format(FORMATS[k], subset=[column], na_rep="")
        elif k == "bool":
            styler = styler.format(
                lambda v, yes=yes, no=no: "" if pd.isna(v) else (yes if v else no), subset=[column]
            )
    numeric = [c for c, k in kinds.items() if k in FORMATS]
    styler = styler.format_index(lambda c: header(c, lang), axis="columns", escape="html")
    styler = styler.set_table_styles(
        {
            c: [{"selector": "td, th", "props": "text-align: right; font-variant-numeric: tabular-nums"}]
            for c in numeric
        },
        overwrite=False,
    )
    classes = "gz-table gz-table-long" if len(df) > LONG else "gz-table"
    styler = styler.set_table_attributes(f'class="{classes}" lang="{lang}"')
    if caption:
        styler = styler.set_caption(caption)
    return styler


def _printed_header(name, lang: str) -> str:
    """A printed check's header: the column's label less a unit in brackets (``金额(万元)``, ``Amount (10k
    yuan)``), which would put a number of one language into a printout both editions compare."""
    return re.sub(r"\s*\([^)]*\)$", "", header(name, lang))


def text(df: pd.DataFrame | pd.Series, lang: str = "zh", index: bool = False) -> str:
    """``df`` as plain text for a key-figure cell (a check nbval compares), labelled in ``lang`` like
    :func:`show`: headers, statuses and kinds take their labels, booleans 是/否 (yes/no), a missing value
    shows as ``-``; the numbers are as pandas prints them, the same in both editions."""
    check_lang(lang)
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if index:
        df = df.reset_index()
    df = df.reset_index(drop=True).copy()
    df.columns = [str(c) for c in df.columns]
    yes, no = YES_NO[lang]
    for column in df.columns:
        if is_bool_dtype(df[column]):
            df[column] = df[column].map(lambda v: "-" if pd.isna(v) else (yes if v else no))
        elif column in VALUE_COLUMNS:
            df[column] = df[column].map(lambda v: value_label(v, lang))
        elif is_float_dtype(df[column]):
            df[column] = df[column].astype("float64")  # pandas' NA prints as <NA>, not as na_rep
        elif df[column].isna().any():
            df[column] = df[column].astype(object).where(df[column].notna(), "-")
    df.columns = [_printed_header(c, lang) for c in df.columns]
    return df.to_string(index=False, na_rep="-")


FIGURE_HEADERS = {"zh": ("项目", "数值"), "en": ("Figure", "Value")}


def figures(values, lang: str = "zh", caption: str | None = None):
    """A few named figures (a dict or a Series: name → number or text) as a two-column table for readers,
    instead of a printed line such as ``合计: 9207.96 | 各类之和: 9207.97``: names take their label in
    ``lang`` (``gz.analyses.labels``), amounts two decimals with thousands separators, shares and rates
    (names holding share/rate/ratio) as %, counts as integers, missing values blank.

    >>> figures({"total": 3.0, "overseas_travel": float("nan")}, lang="en").to_html().count("<tr>")
    3
    """
    check_lang(lang)
    items = values.items() if hasattr(values, "items") else values

    def shown(name, value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if pd.api.types.is_bool(value):
            return YES_NO[lang][0 if value else 1]
        if pd.api.types.is_integer(value):
            return f"{value:,}"
        if pd.api.types.is_float(value):
            k = "ratio" if is_ratio(name) else "amount"
            return FORMATS[k].format(value)
        return str(value)

    name, value = FIGURE_HEADERS[lang]
    frame = pd.DataFrame(
        [(header(k, lang), shown(k, v)) for k, v in items], columns=[name, value], dtype="string"
    )
    styler = show(frame, lang, caption)
    return styler.set_table_styles(
        {value: [{"selector": "td", "props": "text-align: right; font-variant-numeric: tabular-nums"}]},
        overwrite=False,
    )


class Sentence(str):
    """A sentence computed from the data, shown to readers as a paragraph (HTML ``<p>``), not as printed text.

    It is a ``str`` (``print``, ``in`` and ``==`` work on it); a notebook displays it as prose.

    >>> sentence("2022: 1,618.63 / 14,783.86 万元 (10.9%).", lang="en")._repr_html_()
    '<p class="gz-sentence" lang="en">2022: 1,618.63 / 14,783.86 万元 (10.9%).</p>'
    """

    lang: str | None = None

    def _repr_html_(self) -> str:
        import html

        lang = f' lang="{self.lang}"' if self.lang else ""
        return f'<p class="gz-sentence"{lang}>{html.escape(str(self))}</p>'


def sentence(text: str, lang: str | None = None) -> Sentence:
    """``text`` as a paragraph for readers (escaped: it may hold names from the data)."""
    s = Sentence(text)
    if lang is not None:
        s.lang = check_lang(lang)
    return s
