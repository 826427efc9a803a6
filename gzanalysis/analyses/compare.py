"""Compare the documents of a corpus: shares per document, computed by DuckDB over the corpus' facts.

``compare(corpus, by, level, lang)`` reads a corpus only through ``corpus.sql(query, params)`` and
``corpus.disclosures`` (what ``gz.corpus`` returns): the sums run in DuckDB over the Parquet files, only the
per-document result comes into pandas. Every share is computed from the document's own published figures:

- ``by="function"``: each function's (类/款/项) share of the document's total spending (部门支出总表, 合计);
- ``by="economic"``: each economic class's share of basic spending (一般公共预算基本支出表, 合计);
- ``by="kind"``: 基本支出 and 项目支出 as shares of total spending;
- ``by="summary"``: one row per document: total spending, basic and project shares, carry-over share of
  income (部门收入总表: 上年结转 / 合计; where the table leaves 上年结转 blank and the narrative states it in
  words, as ``gz.stated_carryover`` does, the stated figure: ``carryover_from`` says which, in ``lang``), 三公经费 and 三公
  against 基本支出;
- ``by="growth"``: one row per document: the narrative's headline statement of its total budget (as
  ``gz.headline_changes``: the expenditure side, else the income side), its amount, stated change, stated
  growth rate (``stated_percent``, as printed), the rate its figures give (``growth_rate``), what it is
  compared with (上年预算, 上年执行 or 上年: not alike), the reason, page and line; and how the audit's narrative
  rules came out on that document (``narrative_ok`` … ``narrative_not_checked``);
- ``by="narrative"``: the narrative rules' findings, one row per rule and document (``status`` material: the
  narrative disagrees with the document's own tables beyond rounding).

Every document of the corpus is compared; ``budget`` says which are 部门预算 (the department with its units)
and which 单位预算 (one unit's): the two do not cover the same things. ``by="scope"`` says, per document, what
its name adds: ``own_office`` where it says 本级 (the department's own office only), ``consolidated`` where
it says 汇总 (the department and its units summed).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from gzanalysis.analyses.carryover import STATED_CARRYOVER
from gzanalysis.analyses.changes import headlines
from gzanalysis.analyses.labels import check_lang, label, term

BY = ("function", "economic", "kind", "summary", "growth", "narrative", "scope")
LEVELS = ("类", "款", "项")
CLASSIFIED = {
    "function": ("expenditure_by_function", "functional"),
    "economic": ("general_budget_basic_expenditure", "economic"),
}
DOC = ["disclosure", "unit", "budget", "city", "year"]
NARRATIVE_STATUSES = ("ok", "rounding", "material", "not_checked")

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
    if "budget" not in d:  # a corpus written before the budget's kind was recorded
        d = d.assign(budget=pd.NA)
    d = d.loc[d["status"] == "ok", ["id", "unit", "budget", "city", "year"]].rename(
        columns={"id": "disclosure"}
    )
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


def _summary(corpus, lang: str) -> pd.DataFrame:
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
    # A carry-over the table leaves blank but the narrative states in words ("上年结转结余为0万元") is that
    # figure, not unknown: the first such statement of the document, as gz.stated_carryover takes it.
    stated = corpus.sql(
        "select disclosure, arg_min(amount, try_cast(row as integer)) as stated from narrative_figures "
        "where topic = ? and amount is not null group by disclosure",
        [STATED_CARRYOVER],
    )
    out = out.merge(stated, on="disclosure", how="left")
    printed = out["carryover"].notna()
    out["carryover_from"] = pd.array(
        [
            label("in_table", lang) if p else (label("in_words", lang) if pd.notna(s) else pd.NA)
            for p, s in zip(printed, out["stated"], strict=True)
        ],
        dtype="string",
    )
    out["carryover"] = out["carryover"].fillna(out.pop("stated"))
    out["basic_share"] = out["basic"] / out["expenditure"]
    out["project_share"] = out["project"] / out["expenditure"]
    out["carryover_share"] = out["carryover"] / out["income"]
    out["three_public_to_basic"] = out["three_public"] / out["basic"]
    return out


GROWTH_COLUMNS = [
    "section",
    "scope",
    "amount",
    "stated_change",
    "prior_year",
    "growth_rate",
    "stated_percent",
    "compared_with",
    "reason",
    "page",
    "source_line",
]


def _narrative_audit(corpus) -> pd.DataFrame:
    """Per document, how many of the audit's narrative rules came out ok, rounding, material, not_checked."""
    counts = ", ".join(f"count(*) filter (where status = '{s}') as narrative_{s}" for s in NARRATIVE_STATUSES)
    return corpus.sql(
        f"select disclosure, {counts} from findings where family = 'narrative' group by disclosure"
    )


def _growth(corpus, lang: str) -> pd.DataFrame:
    statements = corpus.sql(
        "select * from narrative_changes where grouping in ('total', 'income_source') "
        "order by disclosure, try_cast(row as integer)"
    )
    rows = []
    for doc, t in statements.groupby("disclosure", sort=False):
        h = headlines(t).set_index("side")
        if h.empty:
            continue
        r = h.loc["expenditure" if "expenditure" in h.index else "income"].to_dict()
        if pd.isna(r["reason"]) and "income" in h.index:  # a narrative may give the reason once, for income
            r["reason"] = h.loc["income", "reason"]
        rows.append({"disclosure": doc, **r})
    columns = ["disclosure", "section", "scope", "amount", "change", "growth_rate_stated", "compared_with"]
    out = pd.DataFrame(rows, columns=[*columns, "reason", "page", "source_line"])
    out["amount"] = out["amount"].astype("float64")
    out["stated_change"] = out.pop("change").astype("float64")
    out["prior_year"] = out["amount"] - out["stated_change"]
    out["growth_rate"] = (out["stated_change"] / out["prior_year"]).where(out["prior_year"] != 0)
    out["stated_percent"] = out["growth_rate_stated"].astype("float64")  # as printed, in %
    if lang == "en":
        for col in ("section", "scope"):
            out[col] = out[col].map(lambda x: term(x, "en") if pd.notna(x) else x)
    out = out[["disclosure", *GROWTH_COLUMNS]]
    # every document, a narrative without a headline statement (or none at all) included: its figures NA
    out = _documents(corpus)[["disclosure"]].merge(out, on="disclosure", how="left")
    out = out.merge(_narrative_audit(corpus), on="disclosure", how="left")
    counts = ["page", "source_line", *(f"narrative_{s}" for s in NARRATIVE_STATUSES)]
    return out.astype(dict.fromkeys(counts, "Int64"))


def _narrative(corpus, lang: str) -> pd.DataFrame:
    description = "description_zh" if lang == "zh" else "description_en"
    return corpus.sql(
        f"select disclosure, rule, {description} as description, lhs_label, lhs, rhs_label, rhs, diff, "
        "status, source_lines from findings where family = 'narrative'"
    )


# What a document's unit name says of its coverage (深圳市民政局(本级), 西安市信访局(汇总)).
NAME_SAYS = {"own_office": "本级", "consolidated": "汇总"}


def _scope(corpus) -> pd.DataFrame:
    out = _documents(corpus)[["disclosure", "unit"]]
    for column, word in NAME_SAYS.items():
        out[column] = out["unit"].fillna("").str.contains(word, regex=False)
    return out.drop(columns="unit")


def compare(corpus, by: str = "function", level: str = "类", lang: str = "zh") -> pd.DataFrame:
    """Per document of ``corpus``: shares by function, economic class or kind, or the summary ratios.

    Columns begin with ``disclosure``, ``unit``, ``budget``, ``city``, ``year``; then ``code``, ``level``,
    ``name``, ``amount``, ``share`` (``by`` function or economic), ``kind``, ``label``, ``amount``, ``share``
    (kind), the summary figures, the growth statements (``GROWTH_COLUMNS`` and the narrative audit's counts)
    or the narrative findings. Names and labels follow ``lang``; units stay as published.
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
    elif by == "growth":
        table, order = _growth(corpus, lang), []
    elif by == "narrative":
        table, order = _narrative(corpus, lang), ["rule"]
    elif by == "scope":
        table, order = _scope(corpus), []
    else:
        table, order = _summary(corpus, lang), []
    out = _documents(corpus).merge(table, on="disclosure", how="inner")
    if lang == "en":
        for col in ("budget", "compared_with"):
            if col in out:
                out[col] = out[col].map(lambda x: term(x, "en") if pd.notna(x) else x)
    return out.sort_values(["unit", "disclosure", *order], kind="stable").reset_index(drop=True)
