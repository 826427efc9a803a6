"""Compare the documents of a corpus: shares per document, computed by DuckDB over the corpus' facts.

``compare(corpus, by, level, lang)`` reads a corpus only through ``corpus.sql(query, params)`` and
``corpus.disclosures`` (what ``gz.corpus`` returns): the sums run in DuckDB over the Parquet files, only the
per-document result comes into pandas. Every share is computed from the document's own published figures:

- ``by="function"``: each function's (类/款/项) share of the document's total spending (部门支出总表, 合计);
- ``by="economic"``: each economic class's share of basic spending (一般公共预算基本支出表, 合计);
- ``by="kind"``: 基本支出 and 项目支出 as shares of total spending;
- ``by="summary"``: one row per document: total spending, basic and project shares, carry-over share of
  income (部门收入总表: 上年结转 / 合计), 三公经费 and 三公 against 基本支出.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from gzanalysis.analyses.labels import check_lang, label

BY = ("function", "economic", "kind", "summary")
LEVELS = ("类", "款", "项")
CLASSIFIED = {
    "function": ("expenditure_by_function", "functional"),
    "economic": ("general_budget_basic_expenditure", "economic"),
}
DOC = ["disclosure", "unit", "city", "year"]

# One document's figure of a table's 合计 for a measure: its first printed row without a code (a table of
# several 预算单位 prints the 合计 first, then each unit's row).
_TOTAL = (
    "select disclosure, arg_min(amount, try_cast(row as integer)) as {name} from facts "
    "where resource = '{resource}' and measure = '{measure}' and code is null group by disclosure"
)


@cache
def master_names(classification: str, lang: str) -> dict[str, str]:
    """Code → name from the master code list (``data/classifications/``)."""
    from gzanalysis.package.load import data_root

    table = pd.read_csv(data_root() / "classifications" / f"{classification}.csv", dtype=str)
    return dict(zip(table["code"], table["name_zh" if lang == "zh" else "name_en"], strict=True))


def _documents(corpus) -> pd.DataFrame:
    d = corpus.disclosures
    d = d.loc[d["status"] == "ok", ["id", "unit", "city", "year"]].rename(columns={"id": "disclosure"})
    return d.reset_index(drop=True)


def _classified(corpus, by: str, level: str, lang: str) -> pd.DataFrame:
    resource, classification = CLASSIFIED[by]
    query = f"""
        with parts as (
            select disclosure, code, min(trim(item)) as item, sum(amount) as amount from facts
            where resource = '{resource}' and measure = 'total' and level = ? group by disclosure, code),
        totals as ({_TOTAL.format(name="total", resource=resource, measure="total")})
        select p.disclosure, p.code, p.item, p.amount, p.amount / t.total as share
        from parts p join totals t using (disclosure)"""
    out = corpus.sql(query, [level])
    names = master_names(classification, lang)
    # Chinese: the name as published; English: the code list's name (the published one where it has none).
    out["name"] = out["item"] if lang == "zh" else out["code"].map(names).fillna(out["item"])
    out["level"] = level
    return out[["disclosure", "code", "level", "name", "amount", "share"]]


def _kind(corpus, lang: str) -> pd.DataFrame:
    parts = [
        corpus.sql(_TOTAL.format(name="amount", resource="expenditure_by_function", measure=m)).assign(kind=m)
        for m in ("basic", "project")
    ]
    total = corpus.sql(_TOTAL.format(name="total", resource="expenditure_by_function", measure="total"))
    out = pd.concat(parts, ignore_index=True).merge(total, on="disclosure")
    out["label"] = [label("basic" if k == "basic" else "project_spending", lang) for k in out["kind"]]
    out["share"] = out["amount"] / out["total"]
    return out[["disclosure", "kind", "label", "amount", "share"]]


def _summary(corpus) -> pd.DataFrame:
    figures = {
        "expenditure": ("expenditure_by_function", "total"),
        "basic": ("expenditure_by_function", "basic"),
        "project": ("expenditure_by_function", "project"),
        "income": ("income_by_function", "total"),
        "carryover": ("income_by_function", "carryover"),
        "three_public": ("three_public_expenses", "total"),
    }
    out = None
    for name, (resource, measure) in figures.items():
        part = corpus.sql(_TOTAL.format(name=name, resource=resource, measure=measure))
        out = part if out is None else out.merge(part, on="disclosure", how="outer")
    out["basic_share"] = out["basic"] / out["expenditure"]
    out["project_share"] = out["project"] / out["expenditure"]
    out["carryover_share"] = out["carryover"] / out["income"]
    out["three_public_to_basic"] = out["three_public"] / out["basic"]
    return out


def compare(corpus, by: str = "function", level: str = "类", lang: str = "zh") -> pd.DataFrame:
    """Per document of ``corpus``: shares by function, economic class or kind, or the summary ratios.

    Columns begin with ``disclosure``, ``unit``, ``city``, ``year``; then ``code``, ``level``, ``name``,
    ``amount``, ``share`` (``by`` function or economic), ``kind``, ``label``, ``amount``, ``share`` (kind),
    or the summary figures. Names and labels follow ``lang``; units stay as published.
    """
    check_lang(lang)
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    if by in CLASSIFIED and level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    if by in CLASSIFIED:
        table, order = _classified(corpus, by, level, lang), ["code"]
    elif by == "kind":
        table, order = _kind(corpus, lang), ["kind"]
    else:
        table, order = _summary(corpus), []
    out = _documents(corpus).merge(table, on="disclosure", how="inner")
    return out.sort_values(["unit", "disclosure", *order], kind="stable").reset_index(drop=True)
