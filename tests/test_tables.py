"""Formatted tables: separators, %, blank NA, headers in the notebook's language, numbers right-aligned."""

import re

import pandas as pd

import gzanalysis as gz


def _cells(html):
    return [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)]


def test_amounts_shares_and_blanks(d):
    carry = gz.carryover(d, level="类")
    html = gz.tables.show(carry).to_html()
    cells = _cells(html)
    top = carry.iloc[0]
    assert f"{top['carryover']:,.2f}" in cells and "," in f"{top['carryover']:,.2f}"
    assert f"{top['share_of_carryover']:.1%}" in cells
    assert "<NA>" not in html and "nan" not in cells and "None" not in cells
    assert carry["parent"].isna().all() and cells[3] == ""  # 类 have no parent: a blank cell
    assert "是" in cells and "否" in cells
    assert ">上年结转<" in html and ">占上年结转比重<" in html


def test_headers_follow_the_language(d):
    html = gz.tables.show(gz.composition(d), lang="en").to_html()
    assert ">Amount (10k yuan)<" in html and ">Share of total<" in html and "金额" not in html
    assert 'lang="en"' in html


def test_numbers_right_aligned_text_not(d):
    styler = gz.tables.show(gz.composition(d))
    html = styler.to_html()
    amount_col = list(gz.composition(d).columns).index("amount")
    name_col = list(gz.composition(d).columns).index("name")
    assert re.search(rf"td\.col{amount_col} \{{\s*text-align: right", html)
    assert not re.search(rf"td\.col{name_col} \{{\s*text-align: right", html)


def test_long_tables_are_marked_for_sorting_and_search(d):
    assert "gz-table-long" in gz.tables.show(gz.carryover(d, level="项")).to_html()
    assert "gz-table-long" not in gz.tables.show(gz.carryover(d, level="类").head(3)).to_html()


def test_counts_and_index():
    df = pd.DataFrame({"n": pd.array([1200, None], dtype="Int64")}, index=pd.Index(["a", "b"], name="kind"))
    cells = _cells(gz.tables.show(df, index=True).to_html())
    assert cells == ["a", "1,200", "b", ""]


def test_data_strings_stay_text():
    evil = "</td><script>alert(1)</script>"
    html = gz.tables.show(pd.DataFrame({evil: [evil], "amount": [1.0]})).to_html()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_project_column_is_headed_project(d):
    html = gz.tables.show(gz.targets_summary(d), lang="en").to_html()
    assert ">Project<" in html and "Project spending" not in html


def test_named_figures_as_a_table():
    """gz.tables.figures: a few named figures as a two-column table, not a printed line."""
    html = gz.tables.figures(
        {"total": 9207.96, "overseas_travel": float("nan"), "share_of_total": 0.5, "count": 1234}, lang="en"
    ).to_html()
    assert "Figure" in html and "Value" in html
    assert ">9,207.96<" in html and ">50.0%<" in html and ">1,234<" in html and "nan" not in html
    zh = gz.tables.figures(pd.Series({"total": 3.0}), lang="zh").to_html()
    assert "项目" in zh and ">3.00<" in zh
