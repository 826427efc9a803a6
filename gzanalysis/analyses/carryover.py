"""How the carried-over funds (上年结转) are distributed across functions, and what the disclosure says of them."""

from __future__ import annotations

import warnings

import pandas as pd

from gzanalysis.analyses.labels import check_lang, code_names
from gzanalysis.package.language import say
from gzanalysis.package.load import as_disclosure


def carryover(
    d, level: str = "类", lang: str = "zh", within: str | None = None, min_carryover: float = 0.0
) -> pd.DataFrame:
    """上年结转 by function at ``level`` (类, 款 or 项), from 部门收入总表.

    Columns: ``code``, ``name``, ``level``, ``parent``, ``carryover``, ``total`` (the function's income from all
    sources), ``share_of_carryover`` (of all carry-over, the 合计 row), ``share_carried_over`` (carryover ÷ total),
    ``carryover_only`` (the function is funded by carry-over alone). Functions without carry-over are listed with 0.
    ``within`` keeps the functions under one code (``"201"``: 201 and its 款 and 项); ``min_carryover`` keeps
    those with at least that much carried over (万元).

    >>> import gzanalysis as gz
    >>> c = gz.carryover(gz.load())
    >>> round(float(c["carryover"].sum()), 2), c.loc[0, "code"], float(c.loc[0, "carryover"])
    (9207.97, '206', 3151.22)
    """
    d = as_disclosure(d, "gz.carryover()")
    check_lang(lang)
    t = d.table("income_by_function")
    if level not in ("类", "款", "项"):
        raise ValueError(f"level must be 类, 款 or 项, not {level!r}")
    grand = t.loc[t["code"].isna(), "carryover"].iloc[0]
    stated = stated_carryover(d)
    if pd.isna(grand) and stated is not None:
        grand = stated["amount"]  # the table prints it blank, the narrative states it (上年结转结余为0万元)
    rows = t[t["level"] == level]
    if rows.empty and not pd.isna(grand) and float(grand) == 0:
        # no function to spread it over, and nothing to spread: the answer is that no function has any
        title = d.meta.get("title", d.id)
        warnings.warn(
            say(
                f"{title} prints its 部门收入总表 without functions; its carry-over is 0"
                + (" (stated in its narrative)" if stated is not None else "")
                + ", so no function has any.",
                f"{title}的部门收入总表未按功能分类列示；其上年结转为0"
                + ("（见预算情况说明）" if stated is not None else "")
                + "，因此没有任何功能科目有上年结转。",
                lang,
            ),
            stacklevel=2,
        )
    elif rows.empty:
        # an income table printed by unit (or by source) has no functions to spread the carry-over over:
        # one sentence, with the total where the document gives it, never an empty frame as an answer
        from gzanalysis.analyses.subjects import NotInDisclosure

        title = d.meta.get("title", d.id)
        total = "" if pd.isna(grand) else f" (its total, {float(grand):,.2f} 万元, is all it prints of it)"
        total_zh = "" if pd.isna(grand) else f"（只列示了合计{float(grand):,.2f}万元）"
        raise NotInDisclosure(
            say(
                f"{title} prints its 部门收入总表 without functions at level {level}, so its "
                f"carry-over cannot be spread over them{total}.",
                f"{title}的部门收入总表未按{level}级功能科目列示，其上年结转无法分到各科目{total_zh}。",
                lang,
            )
        )
    out = pd.DataFrame(
        {
            "code": rows["code"].to_numpy(),
            "name": rows["code"].map(code_names(d, "functional", lang)).to_numpy(),
            "level": level,
            "parent": rows["parent"].to_numpy(),
            "carryover": rows["carryover"].fillna(0.0).to_numpy(),
            "total": rows["total"].to_numpy(),
        }
    )
    out["share_of_carryover"] = out["carryover"] / grand
    out["share_carried_over"] = out["carryover"] / out["total"]
    out["carryover_only"] = (out["carryover"] > 0) & ((out["total"] - out["carryover"]).abs() < 1e-9)
    if within is not None:
        if within not in set(t["code"].dropna()):
            raise ValueError(
                f"within must be a function code of 部门收入总表 (such as '201'), not {within!r}"
            )
        out = out[out["code"].str.startswith(within)]
    out = out[out["carryover"] >= min_carryover]
    out = out.sort_values(["carryover", "total"], ascending=False, kind="stable").reset_index(drop=True)
    out.attrs["carryover_total"] = None if pd.isna(grand) else float(grand)
    out.attrs["carryover_stated"] = stated  # where the narrative states it in words, with its line
    return out


STATED_CARRYOVER = "上年结转"  # the topic of narrative_figures under which a PDF ingest records it


def stated_carryover(d) -> dict | None:
    """The carry-over the narrative states in words ("上年结转结余为0万元"): amount and line, or None.

    A PDF ingest records it in ``narrative_figures`` (topic 上年结转) where the document states it; an
    analysis then uses it where the table prints the carry-over blank: 0, not unknown.

    >>> import gzanalysis as gz
    >>> gz.stated_carryover(gz.load()) is None  # the seed's tables print it
    True
    """
    d = as_disclosure(d, "gz.stated_carryover()")
    f = d.table("narrative_figures")
    rows = f[(f["topic"] == STATED_CARRYOVER) & f["amount"].notna()]
    if rows.empty:
        return None
    r = rows.iloc[0]
    return {"amount": float(r["amount"]), "source_line": int(r["source_line"]), "note": r["note"]}


def carryover_context(d) -> dict:
    """What the disclosure itself says about the carry-over.

    Returns a dict: ``total`` (the 合计 of 部门收入总表), ``narrative`` (the income statement on carry-over:
    item, amount, change, line), ``reason`` (the reason the income section gives), ``projects`` (the performance
    tables with carry-over funds, and those whose name says 上年结转), ``fiscal_summary_blank`` (whether
    财政拨款收支总表 leaves 上年结转 blank), ``stated`` (the carry-over the narrative states in words, with its
    line: ``total`` where the table prints it blank).

    >>> import gzanalysis as gz
    >>> ctx = gz.carryover_context(gz.load())
    >>> ctx["total"], ctx["narrative"]["change"]
    (9207.96, 7589.33)
    """
    d = as_disclosure(d, "gz.carryover_context()")
    t = d.table("income_by_function")
    total = float(t.loc[t["code"].isna(), "carryover"].iloc[0])
    stated = stated_carryover(d)
    if pd.isna(total) and stated is not None:
        total = stated["amount"]  # printed blank in the table, stated in the narrative
    n = d.table("narrative_changes")
    statement = n[(n["grouping"] == "income_source") & n["item"].str.contains("结转")]
    income_total = n[(n["section"] == "收入预算") & (n["grouping"] == "total")]
    p = d.table("projects")
    with_carryover = p[p["funds_carryover"].fillna(0) > 0]
    named = p[p["name"].str.contains("上年结转")]
    fiscal = d.table("fiscal_summary")
    carry_lines = fiscal[(fiscal["side"] == "income") & fiscal["item"].str.contains("结转")]
    return {
        "total": total,
        "narrative": (
            {
                "item": statement["item"].iloc[0],
                "amount": float(statement["amount"].iloc[0]),
                "change": float(statement["change"].iloc[0]),
                "source_line": int(statement["source_line"].iloc[0]),
            }
            if not statement.empty
            else None
        ),
        "reason": income_total["reason"].iloc[0] if not income_total.empty else None,
        "projects": pd.concat([with_carryover, named])
        .drop_duplicates("project_id")[
            ["project_id", "name", "funds_total", "funds_fiscal", "funds_carryover"]
        ]
        .reset_index(drop=True),
        "fiscal_summary_blank": bool(carry_lines["total"].isna().all()),
        "stated": stated,
    }
