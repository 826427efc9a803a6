"""What changed against last year and why: the narrative's year-over-year statements, as data."""

from __future__ import annotations

import pandas as pd

from gzanalysis.analyses.labels import check_lang, code_names, term
from gzanalysis.analyses.subjects import nothing_read
from gzanalysis.audit.narrative import headline_statements, parts_add_up, table_figure
from gzanalysis.package.load import as_disclosure


def changes(d, lang: str = "zh", findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every year-over-year statement of the narrative, with what it implies.

    Columns: ``section``, ``scope`` (which funds), ``grouping`` (total, income_source, kind, function, economic,
    three_public), ``item``, ``code`` (function or economic 类 code), ``amount`` (2023, as stated; where the
    narrative states only a net change, 净增, the table figure, with ``amount_from`` = "table"),
    ``change`` (signed), ``prior_year`` (amount − change: the 2022 budget the statement implies),
    ``growth_rate`` (change ÷ prior year; NA where the prior year is 0), ``wording``, ``reason``
    (the reason the narrative gives for the section's total), ``parts_check`` (the audit's status of
    "the parts of this section's change add up to its total": ok, rounding or material) and ``source_line``.

    ``findings`` may be ``gz.audit(d)``; when not given, only the narrative's parts checks are computed.

    >>> import gzanalysis as gz
    >>> c = gz.changes(gz.load())
    >>> c.query("item == '其他收入'")[["amount", "change", "prior_year"]].values.tolist()
    [[700.0, 100.0, 600.0]]
    >>> sorted(c.loc[c["parts_check"] == "material", "section"].unique())
    ['收入预算']
    """
    d = as_disclosure(d, "gz.changes()")
    check_lang(lang)
    if d.table("narrative_changes").empty:
        raise nothing_read(d, "change statements of a narrative", "预算情况说明的增减说明", lang)
    if findings is None:
        status = pd.Series({c.rule: c.status for c in parts_add_up(d)}, dtype="object")
    else:
        status = findings.set_index("rule")["status"]
    t = d.table("narrative_changes").copy()
    amount, amount_from = [], []
    for r in t.itertuples():
        if pd.notna(r.amount):
            amount.append(r.amount)
            amount_from.append("narrative")
        else:
            found = table_figure(d, r)
            known = found is not None and pd.notna(found[0])
            amount.append(float(found[0]) if known else float("nan"))  # neither stated nor printed: NA
            amount_from.append("table" if known else pd.NA)
    t["amount"] = pd.array(amount, dtype="float64")
    t["amount_from"] = pd.array(amount_from, dtype="string")
    t["prior_year"] = t["amount"] - t["change"]
    t["growth_rate"] = (t["change"] / t["prior_year"]).where(t["prior_year"] != 0)
    t["code"] = t["function_code"].fillna(t["economic_code"])
    totals = t[t["grouping"] == "total"].drop_duplicates(["section", "scope"])  # a PDF may restate one
    reasons = totals.set_index(["section", "scope"])["reason"]
    t["reason"] = [reasons.get((s, sc), pd.NA) for s, sc in zip(t["section"], t["scope"], strict=True)]
    t["parts_check"] = [
        status.get(f"narrative.parts.{s}.{sc}.{g}.change", pd.NA) if g != "total" else pd.NA
        for s, sc, g in zip(t["section"], t["scope"], t["grouping"], strict=True)
    ]
    # The total row carries the worst status of its groupings.
    order = {"material": 0, "rounding": 1, "ok": 2, "not_checked": 3}
    for (s, sc), block in t.groupby(["section", "scope"]):
        statuses = [x for x in block["parts_check"] if isinstance(x, str)]
        if statuses:
            t.loc[(t["section"] == s) & (t["scope"] == sc) & (t["grouping"] == "total"), "parts_check"] = min(
                statuses, key=order.get
            )
    t["parts_check"] = t["parts_check"].astype("string")
    cols = [
        "section",
        "scope",
        "grouping",
        "item",
        "code",
        "amount",
        "amount_from",
        "change",
        "prior_year",
        "growth_rate",
        "wording",
        "reason",
        "parts_check",
        "source_line",
    ]
    out = t[cols].reset_index(drop=True)
    if lang == "en":
        for col in ("section", "scope", "item", "wording"):
            out[col] = out[col].map(lambda x: term(x, "en")).astype("string")
        names = code_names(d, "functional", "en")
        econ = code_names(d, "economic", "en")
        coded = out["code"].map(names).fillna(out["code"].map(econ))
        out["item"] = coded.fillna(out["item"]).astype("string")
    return out


def headline_changes(d) -> pd.DataFrame:
    """The narrative's headline statements of income and expenditure, as printed: one row per side
    (``side``: income, expenditure) where the narrative states one.

    Columns: ``side``, ``section``, ``scope``, ``item``, ``amount``, ``change`` (signed), ``wording``,
    ``growth_rate_stated``, ``compared_with`` (上年预算 / 上年执行 / 上年), ``reason``, ``page`` and
    ``source_line``. The first total statement of each side; where the narrative states none (a unit
    comparing only its 财政拨款), its first 财政拨款 statement of that side.

    >>> import gzanalysis as gz
    >>> gz.headline_changes(gz.load())[["side", "amount", "change", "compared_with"]].values.tolist()
    [['income', 23255.42, 8471.56, '上年预算'], ['expenditure', 23255.42, 8471.56, '上年预算']]
    """
    d = as_disclosure(d, "gz.headline_changes()")
    found = headlines(d.table("narrative_changes"))
    if found.empty:  # no narrative read, or one that states no change of its totals
        raise nothing_read(d, "headline statement of its total income or spending", "收支总额的增减说明")
    return found


HEADLINE_COLUMNS = [
    "side",
    "section",
    "scope",
    "item",
    "amount",
    "change",
    "wording",
    "growth_rate_stated",
    "compared_with",
    "reason",
    "page",
    "source_line",
]


def headlines(statements: pd.DataFrame) -> pd.DataFrame:
    """The headline statements among one document's ``narrative_changes`` rows (the rule is the audit's,
    ``headline_statements``): one row per side it states, ``HEADLINE_COLUMNS``."""
    heads = headline_statements(statements.to_dict("records"))
    return pd.DataFrame([{"side": side, **row} for side, row in heads.items()], columns=HEADLINE_COLUMNS)
