"""What the money is spent on: composition by function, economic class, source of funds, or kind."""

from __future__ import annotations

import pandas as pd

from gzanalysis.analyses.labels import check_lang, code_names, label
from gzanalysis.package.language import say
from gzanalysis.package.layout import INCOME_SOURCES, resource
from gzanalysis.package.load import as_disclosure

# The income columns that are sources of funds, in the order the table prints them.
# 财政拨款 counts once, as its subtotal (its three fund columns are a finer split of it).
SOURCES = ["fiscal_subtotal", *(c for c in INCOME_SOURCES if c != "fiscal_subtotal")]
KINDS = {"basic": "basic", "project": "project_spending"}
BY = {
    "function": ("expenditure_by_function", "functional", ("total", "basic", "project")),
    "economic": ("general_budget_basic_expenditure", "economic", ("total", "personnel", "public_operations")),
}


def _by_classification(d, by: str, level: str, measure: str, lang: str) -> pd.DataFrame:
    name, classification, measures = BY[by]
    if measure not in measures:
        raise ValueError(f"measure for by={by!r} must be one of {measures}, not {measure!r}")
    t = d.table(name)
    coded = t.dropna(subset=["code"])
    if coded.empty:
        from gzanalysis.analyses.subjects import NotInDisclosure

        title = d.meta.get("title", d.id)
        raise NotInDisclosure(
            say(
                f"{title} prints no {resource(name).title} by code for the whole "
                "department (by unit only, or not at all), so there is no breakdown to show.",
                f"{title}没有按科目编码列示整个部门的{resource(name).title}（只按单位列示，或未列示），因此没有可展示的分解。",
                lang,
            )
        )
    if level not in set(coded["level"]):
        raise ValueError(f"level must be one of {sorted(set(coded['level']))} for by={by!r}, not {level!r}")
    total = t.loc[t["code"].isna(), measure].iloc[0]
    amounts = coded.set_index("code")[measure]
    rows = coded[coded["level"] == level]
    out = pd.DataFrame(
        {
            "code": rows["code"].to_numpy(),
            "name": rows["code"].map(code_names(d, classification, lang)).to_numpy(),
            "level": level,
            "parent": rows["parent"].to_numpy(),
            "amount": rows[measure].to_numpy(),
        }
    )
    parent_amount = out["parent"].map(amounts).fillna(total) if level != "类" else total
    out["share_of_parent"] = out["amount"] / parent_amount
    out["share_of_total"] = out["amount"] / total
    out = out.dropna(subset=["amount"])
    return out.sort_values("amount", ascending=False, kind="stable").reset_index(drop=True)


def _by_columns(
    d, columns: dict[str, str], table: str, level: str | None, lang: str, what: str
) -> pd.DataFrame:
    """Composition over columns of a table (sources of funds, kinds), overall or per function."""
    t = d.table(table)
    if level is None:
        rows = t[t["code"].isna()].assign(code=pd.NA, name=label("total", lang))
    else:
        rows = t[t["level"] == level].assign(name=lambda x: x["code"].map(code_names(d, "functional", lang)))
    long = rows.melt(
        id_vars=["code", "name"], value_vars=list(columns), var_name="column", value_name="amount"
    )
    long = long.dropna(subset=["amount"])
    long[what] = long["column"].map(columns)
    long["label"] = [label(columns[c], lang) for c in long["column"]]
    totals = long.groupby("code", dropna=False)["amount"].transform("sum")
    grand = t.loc[t["code"].isna(), "total"].iloc[0]
    long["share_of_parent"] = long["amount"] / totals
    long["share_of_total"] = long["amount"] / grand
    cols = ["code", "name", what, "label", "amount", "share_of_parent", "share_of_total"]
    return (
        long[cols]
        .sort_values(["code", "amount"], ascending=[True, False], kind="stable")
        .reset_index(drop=True)
    )


# The income lines of a 收支总表 by what they name: the source of funds each stands for (first match).
SUMMARY_SOURCES = (
    ("结转", "carryover"),
    ("结余", "carryover"),
    ("财政拨款", "fiscal_subtotal"),
    ("预算拨款", "fiscal_subtotal"),
    ("一般公共预算", "fiscal_subtotal"),
    ("政府性基金", "fiscal_subtotal"),
    ("国有资本经营", "fiscal_subtotal"),
    ("财政专户", "education_fees"),
    ("教育收费", "education_fees"),
    ("事业单位经营", "public_institution_operations"),
    ("事业收入", "public_institution_income"),
    ("附属单位上缴", "subordinate_remittance"),
    ("下级单位上缴", "subordinate_remittance"),
    ("上级补助", "higher_level_grants"),
    ("其他收入", "other_income"),
)


def _income_by_unit(d) -> bool:
    """The 部门收入总表 is printed by unit, or without its 财政拨款 subtotal: its sources are not by function."""
    facts = d.meta.get("structure", {}).get("income_by_function", {})
    return facts.get("rows_by") == "unit" or "fiscal_subtotal" in facts.get("not_printed", ())


def _sources_from_summary(d, level: str | None, lang: str) -> pd.DataFrame:
    """Sources of funds from the 收支总表's income lines, where the income table is printed by unit."""
    from gzanalysis.analyses.subjects import NotInDisclosure

    if level is not None:
        title = d.meta.get("title", d.id)
        raise NotInDisclosure(
            say(
                f"{title} prints its 部门收入总表 by unit, not by function: its sources of "
                "funds are known for the whole budget only (level=None).",
                f"{title}的部门收入总表按单位而非按功能分类列示：其资金来源只有全部预算的数字（level=None）。",
                lang,
            )
        )
    s = d.table("budget_summary")
    lines = s[(s["side"] == "income") & s["role"].isin(["item", "sub-item"])].sort_values("row")
    amounts: dict[str, float] = {}
    counted = False  # the open item named a source: its sub-items are parts of it, not counted again
    for item, role, amount in zip(lines["item"], lines["role"], lines["amount"], strict=True):
        source = next((src for word, src in SUMMARY_SOURCES if word in item), None)
        if role == "item":
            counted = source is not None
        elif counted:
            continue
        if source is not None and not pd.isna(amount):
            amounts[source] = amounts.get(source, 0.0) + float(amount)
    grand = s.loc[(s["side"] == "income") & (s["role"] == "total"), "amount"]
    total = float(grand.iloc[0]) if len(grand) else sum(amounts.values())
    rows = [(src, amounts[src]) for src in SOURCES if src in amounts]
    out = pd.DataFrame(
        {
            "code": pd.NA,
            "name": label("total", lang),
            "source": [src for src, _ in rows],
            "label": [label(src, lang) for src, _ in rows],
            "amount": [a for _, a in rows],
        }
    )
    out["share_of_parent"] = out["amount"] / total
    out["share_of_total"] = out["amount"] / total
    return out.sort_values("amount", ascending=False, kind="stable").reset_index(drop=True)


def composition(
    d,
    by: str = "function",
    level: str | None = "类",
    measure: str = "total",
    lang: str = "zh",
    min_share: float = 0.0,
) -> pd.DataFrame:
    """Spending (or income, for ``by="source"``) broken down, with shares.

    - ``by="function"``: 部门支出总表 by 功能分类 at ``level`` (类/款/项); ``measure`` total, basic or project.
    - ``by="economic"``: 一般公共预算基本支出表 by 经济分类 (类/款): the only economic breakdown published
      as a table (basic expenditure); ``measure`` total, personnel or public_operations.
    - ``by="source"``: sources of funds (部门收入总表): overall (``level=None``) or per function at ``level``.
    - ``by="kind"``: 基本支出 vs 项目支出, overall (``level=None``) or per function.

    ``share_of_parent`` is the share of the row's parent (of its function, for source and kind);
    ``share_of_total`` the share of the grand total. Names follow ``lang`` ("zh" or "en"). ``min_share`` keeps
    only the rows whose ``share_of_total`` reaches it (0.05: 5% of the total or more).

    >>> import gzanalysis as gz
    >>> c = gz.composition(gz.load(), by="function", level="类")
    >>> c.loc[0, "code"], c.loc[0, "name"], float(c.loc[0, "amount"])
    ('201', '一般公共服务支出', 13070.04)
    >>> gz.composition(gz.load(), by="source", level=None)[["source", "amount"]].values.tolist()
    [['fiscal_subtotal', 13347.47], ['carryover', 9207.96], ['other_income', 700.0]]
    """
    d = as_disclosure(d, "gz.composition()")
    check_lang(lang)
    if not isinstance(min_share, int | float) or not 0 <= min_share <= 1:
        raise ValueError(f"min_share is a fraction of the total from 0 to 1, not {min_share!r}")
    if by in BY:
        out = _by_classification(d, by, level or "类", measure, lang)
    elif by == "source":
        if _income_by_unit(d):
            out = _sources_from_summary(d, level, lang)
        else:
            out = _by_columns(d, {c: c for c in SOURCES}, "income_by_function", level, lang, "source")
    elif by == "kind":
        absent = {"basic", "project"} & set(
            d.meta.get("structure", {}).get("expenditure_by_function", {}).get("not_printed", ())
        )
        if absent:
            from gzanalysis.analyses.subjects import NotInDisclosure

            title = d.meta.get("title", d.id)
            raise NotInDisclosure(
                say(
                    f"{title} prints no 基本支出/项目支出 split of its spending by function, "
                    "so there is no breakdown by kind to show.",
                    f"{title}没有按功能分类列示基本支出与项目支出，因此没有按支出类别的分解可展示。",
                    lang,
                )
            )
        out = _by_columns(
            d, {"basic": "basic", "project": "project"}, "expenditure_by_function", level, lang, "kind"
        )
    else:
        raise ValueError(f"by must be 'function', 'economic', 'source' or 'kind', not {by!r}")
    return out[out["share_of_total"] >= min_share].reset_index(drop=True) if min_share else out
