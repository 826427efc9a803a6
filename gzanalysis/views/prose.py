"""Sentences computed from a disclosure, for the report of any document (notebooks/any/).

Each function takes a loaded disclosure and ``lang`` ("en" or "zh") and returns a list of sentences that
state only what that document's tables and narrative hold: its unit, year, figures, and — where the document
does not print something — one sentence saying so. No sentence is written for one document in particular:
the seed's case study (notebooks/src/00…06) keeps its hand-written prose; these serve every other package.

``show(sentences, lang)`` displays them as one paragraph (HTML ``<p>``, never printed text).

>>> import gzanalysis as gz
>>> about(gz.load(), "en")[0]
'赣州市行政审批局, budget for 2023 (赣州市行政审批局 2023年单位预算公开); amounts in 万元.'
"""

from __future__ import annotations

import warnings

import pandas as pd

from gzanalysis.analyses.labels import check_lang
from gzanalysis.audit.rules import not_read
from gzanalysis.views.tables import sentence

# what a stated change is compared with (ingest/statements.py), as a reader says it
COMPARED = {
    "上年预算": {"en": "last year's budget (上年预算)", "zh": "上年预算"},
    "上年执行": {"en": "last year's actual spending (上年执行数)", "zh": "上年执行数"},
    "上年": {"en": "last year (上年)", "zh": "上年"},
}
# the audit's statuses a reader is shown (those that do not simply hold)
STATUS = {
    "material": {"en": "material", "zh": "实质差异"},
    "minor": {"en": "minor", "zh": "小额差异"},
    "not_checked": {"en": "not run", "zh": "未运行"},
}
AUDIT_HEADERS = {
    "en": ["Status", "Check", "Left side", "Right side", "Difference", "Cause"],
    "zh": ["状态", "检查", "左边", "右边", "差额"],
}
SIDES = {"income": {"en": "income", "zh": "收入"}, "expenditure": {"en": "spending", "zh": "支出"}}
# page → (English title, Chinese title): what each page of the report of another document is about
PAGES = {
    "overview": ("What this disclosure holds", "这份公开的内容"),
    "composition": ("What the money is for", "钱用在哪里"),
    "changes": ("What changed against last year, and why", "与上年相比的增减及原因"),
    "carryover": ("Funds carried over from last year", "上年结转资金"),
    "targets": ("Performance targets", "绩效目标"),
    "audit": ("Do the tables add up?", "表格是否对得上"),
}


def _money(x: float) -> str:
    return f"{x:,.2f}"


def _pct(x: float) -> str:
    return f"{x:.1%}"


def _join(sentences: list[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(s for s in sentences if s)


def show(sentences: list[str], lang: str):
    """The sentences as one paragraph for readers (``gz.tables.sentence``)."""
    return sentence(_join(sentences, check_lang(lang)), lang)


def _unit(d) -> str:
    return d.meta.get("currency_unit") or "万元"


def title(d, page: str, lang: str) -> str:
    """A page's heading naming the document: "深圳市审计局 2026: What changed against last year, and why"."""
    check_lang(lang)
    en, zh = PAGES[page]
    unit, year = d.meta.get("unit", d.id), d.meta.get("year")
    return f"{unit} {year}: {en}" if lang == "en" else f"{unit}{year}年：{zh}"


def about(d, lang: str) -> list[str]:
    """Whose budget, which year, the document's title and the unit of its amounts."""
    check_lang(lang)
    unit, year, name = d.meta.get("unit", d.id), d.meta.get("year"), d.meta.get("title", d.id)
    if lang == "en":
        return [f"{unit}, budget for {year} ({name}); amounts in {_unit(d)}."]
    return [f"{unit}{year}年预算（{name}），金额单位：{_unit(d)}。"]


def summary_totals(d) -> dict:
    """Total income and total expenditure as the 收支总表 prints them (NaN where it prints none)."""
    s = d.table("budget_summary")
    out = {}
    for side in ("income", "expenditure"):
        total = s[(s["side"] == side) & (s["role"] == "total")]["amount"]
        out[side] = float(total.iloc[0]) if len(total) and pd.notna(total.iloc[0]) else float("nan")
    return out


def overview(d, lang: str) -> list[str]:
    """The totals of the summary table and what the document prints: its tables, narrative, performance tables."""
    check_lang(lang)
    totals, cu = summary_totals(d), _unit(d)
    out = []
    if pd.notna(totals["income"]) and pd.notna(totals["expenditure"]):
        if lang == "en":
            out.append(
                f"Its summary table (收支总表) prints total income of {_money(totals['income'])} {cu} and total "
                f"spending of {_money(totals['expenditure'])} {cu}."
            )
        else:
            out.append(
                f"收支总表列出收入总计{_money(totals['income'])}{cu}、支出总计{_money(totals['expenditure'])}{cu}。"
            )
    else:
        out.append(
            "Its summary table (收支总表) prints no grand totals."
            if lang == "en"
            else "收支总表没有列出收入或支出总计。"
        )
    printed = [name for name, t in d.tables.items() if len(t)]
    tables = [
        n for n in printed if not n.startswith(("预算情况说明", "支出功能分类", "支出经济分类", "勘误"))
    ]
    out.append(
        f"The data package holds {len(tables)} of its tables with rows: {', '.join(tables)}."
        if lang == "en"
        else f"数据包中有数据的表格共{len(tables)}张：{'、'.join(tables)}。"
    )
    out += narrative_counts(d, lang) + targets(d, lang)[:1]
    return out


def narrative_counts(d, lang: str) -> list[str]:
    """How many change statements the narrative (预算情况说明) gives, and how many were kept unparsed."""
    read, kept = len(d.table("narrative_changes")), len(d.table("narrative_unparsed"))
    if not read and not kept:
        return [
            "This document prints no narrative change statements (预算情况说明), so it gives no reasons."
            if lang == "en"
            else "这份公开没有预算情况说明中的增减变化语句，因此没有说明原因。"
        ]
    if lang == "en":
        rest = (
            "every sentence naming a change was read."
            if not kept
            else f"{kept} more {'sentence' if kept == 1 else 'sentences'} naming a change could not be read "
            "and are kept with the reason (narrative_unparsed)."
        )
        return [
            f"Its narrative (预算情况说明) gives {read} change statements against last year that were read; {rest}"
        ]
    rest = (
        "提到增减的语句都已读出。"
        if not kept
        else f"另有{kept}句提到增减但无法读出，连同原因保留（narrative_unparsed）。"
    )
    return [f"预算情况说明中读出{read}条与上年相比的增减语句；{rest}"]


def composition(d, lang: str) -> list[str]:
    """The largest functions (类) of spending with their shares; basic against project spending."""
    from gzanalysis.analyses.composition import composition as compose
    from gzanalysis.analyses.subjects import NotInDisclosure

    check_lang(lang)
    cu, out = _unit(d), []
    c = compose(d, by="function", level="类", lang=lang)
    c = c[c["amount"] > 0]
    if c.empty:
        return [
            "This document prints no spending by function (部门支出总表)."
            if lang == "en"
            else "这份公开没有按功能分类列出支出（部门支出总表）。"
        ]
    top = c.iloc[0]
    listed = c.head(3)
    if lang == "en":
        out.append(
            f"Spending by function falls into {len(c)} classes (类); the largest is "
            f"{top['name']} ({top['code']}) with {_money(top['amount'])} {cu}, {_pct(top['share_of_total'])}."
        )
        if len(c) > 1:
            out.append(
                "The largest three: "
                + "; ".join(
                    f"{r.name} {_money(r.amount)} {cu} ({_pct(r.share_of_total)})"
                    for r in listed.itertuples()
                )
                + "."
            )
    else:
        out.append(
            f"按功能分类，支出分为{len(c)}个类；最大的是{top['name']}（{top['code']}），"
            f"{_money(top['amount'])}{cu}，占{_pct(top['share_of_total'])}。"
        )
        if len(c) > 1:
            out.append(
                "前三类："
                + "；".join(
                    f"{r.name}{_money(r.amount)}{cu}（{_pct(r.share_of_total)}）" for r in listed.itertuples()
                )
                + "。"
            )
    try:
        kinds = compose(d, by="kind", level=None, lang=lang).set_index("kind")["amount"]
    except NotInDisclosure:
        out.append(
            "It prints no split of spending into basic (基本支出) and project (项目支出) spending."
            if lang == "en"
            else "这份公开没有把支出分为基本支出和项目支出。"
        )
    else:
        basic, project = float(kinds.get("basic", 0.0)), float(kinds.get("project", 0.0))
        both = basic + project
        if both:
            out.append(
                f"Basic spending (基本支出, running the unit) is {_money(basic)} {cu} ({_pct(basic / both)}) and "
                f"project spending (项目支出) {_money(project)} {cu} ({_pct(project / both)})."
                if lang == "en"
                else f"基本支出{_money(basic)}{cu}（{_pct(basic / both)}），项目支出{_money(project)}{cu}（{_pct(project / both)}）。"
            )
    return out


def _change_sentence(r, year, cu: str, lang: str) -> str:
    """One statement as printed: amount, signed change, stated rate, what it is compared with."""
    compared = COMPARED.get(r["compared_with"], {}).get(lang) if isinstance(r["compared_with"], str) else None
    rate = r["growth_rate_stated"]
    up = r["change"] > 0
    item = r["item"]
    if lang == "en":
        what = "an increase" if up else "a decrease" if r["change"] < 0 else "no change"
        side = SIDES.get(r["side"], {}).get("en", "the total")
        text = f"The narrative states {side} (printed “{item}”) of {_money(r['amount'])} {cu} for {year}"
        if r["change"]:
            text += f", {what} of {_money(abs(r['change']))} {cu}"
        else:
            text += ", unchanged"
        if pd.notna(rate):
            text += f" ({rate:g}% as stated)"
        text += f" against {compared}" if compared else ""
        return text + "."
    verb = "增加" if up else "减少" if r["change"] < 0 else "持平"
    text = f"预算情况说明：{year}年{item}{_money(r['amount'])}{cu}"
    if compared:
        text += f"，比{compared}"
    text += f"{verb}{_money(abs(r['change']))}{cu}" if r["change"] else "，与上年持平"
    if pd.notna(rate):
        text += f"，{'增长' if up else '下降'}{abs(rate):g}%"
    return text + "。"


def _headlines(d) -> pd.DataFrame:
    """``gz.headline_changes``, or no rows where the document states none (the sentences say so)."""
    from gzanalysis.analyses.changes import HEADLINE_COLUMNS, headline_changes
    from gzanalysis.analyses.subjects import NotInDisclosure

    try:
        return headline_changes(d)
    except NotInDisclosure:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)


def changes(d, lang: str) -> list[str]:
    """The headline statements of income and spending against last year, with the reasons as printed."""
    check_lang(lang)
    if d.table("narrative_changes").empty:
        return narrative_counts(d, lang)
    h = _headlines(d)
    if h.empty:
        return [
            "The narrative states no change of its total income or spending against last year."
            if lang == "en"
            else "预算情况说明没有说明收入或支出总额与上年相比的增减。"
        ]
    year, cu, out = d.meta.get("year"), _unit(d), []
    for _, r in h.iterrows():
        out.append(_change_sentence(r, year, cu, lang))
        if isinstance(r["reason"], str) and r["reason"].strip():
            label = "The reason it gives: " if lang == "en" else "所述原因："
            out.append(f"{label}“{r['reason'].strip().rstrip('。')}。”")
        elif lang == "en":  # the reader may not have tied a printed reason to it: say what the data holds
            out.append(f"The data package records no reason with this statement of {SIDES[r['side']]['en']}.")
        else:
            out.append(f"数据包中没有记录这条{SIDES[r['side']]['zh']}语句的原因。")
    return out


def _carryover_line(d):
    """The 收支总表's income line of the carry-over (上年结转…) and its amount (NaN where printed blank)."""
    s = d.table("budget_summary")
    rows = s[(s["side"] == "income") & s["item"].str.contains("结转", na=False)]
    if rows.empty:
        return None, float("nan")
    printed = rows["amount"].dropna()
    row = rows.loc[printed.index[0]] if len(printed) else rows.iloc[0]
    return row["item"], float(row["amount"]) if pd.notna(row["amount"]) else float("nan")


def carryover_total(d) -> float:
    """The carry-over the page states: as the 收支总表 prints it, else as the narrative states it in words
    (0 stated is 0), else NaN (the document gives none)."""
    from gzanalysis.analyses.carryover import stated_carryover

    _, amount = _carryover_line(d)
    if pd.isna(amount):
        stated = stated_carryover(d)
        amount = stated["amount"] if stated is not None else float("nan")
    return amount


def _carryover_by_function(d, lang: str) -> pd.DataFrame | str:
    """The functions with carry-over (gz.carryover), or the sentence why there is none to show."""
    from gzanalysis.analyses.carryover import carryover as by_function
    from gzanalysis.analyses.subjects import NotInDisclosure

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a carry-over of 0 warns that no function has any: said here
            c = by_function(d, lang=lang)
    except NotInDisclosure as err:
        return str(err)
    return c[c["carryover"] > 0].reset_index(drop=True)


def changes_table(d, lang: str):
    """Every change statement read (gz.changes) as a table for readers, its headers naming the document's
    previous year; None where the narrative gives none."""
    from gzanalysis.analyses.changes import changes as statements
    from gzanalysis.views.tables import show as table

    if d.table("narrative_changes").empty:
        return None
    c = statements(d, lang=lang)
    prior = d.meta.get("previous_year") or int(d.meta["year"]) - 1
    names = {
        "change": f"Change on {prior}" if lang == "en" else f"较{prior}年增减",
        "prior_year": f"Implied {prior} amount" if lang == "en" else f"推算{prior}年数",
    }
    cols = ["section", "item", "amount", "change", "prior_year", "growth_rate", "source_line"]
    return table(c[cols].rename(columns=names), lang=lang)


def unparsed_table(d, lang: str):
    """The sentences the reader recognised as change statements but could not read, with their line (and, in
    English, why); None where every one was read."""
    from gzanalysis.views.tables import show as table

    u = d.table("narrative_unparsed")
    if u.empty:
        return None
    # the reason is written in English (ingest/statements.py): the Chinese edition shows the sentence and line
    cols = ["text", "source_line"] + (["reason"] if lang == "en" else [])
    names = {"text": "Sentence" if lang == "en" else "原文", "reason": "Why it was not read"}
    return table(u[cols].rename(columns=names), lang=lang)


def summary(d, lang: str) -> list[str]:
    """The document in a few sentences: whose budget, its total, the headline change, the carry-over, the
    performance tables and the audit (each as the pages above state it)."""

    check_lang(lang)
    cu, totals = _unit(d), summary_totals(d)
    out = about(d, lang)
    if pd.notna(totals["expenditure"]):
        out.append(
            f"Total spending: {_money(totals['expenditure'])} {cu}."
            if lang == "en"
            else f"支出总计{_money(totals['expenditure'])}{cu}。"
        )
    h = _headlines(d)
    spending = h[h["side"] == "expenditure"]
    if len(spending):
        out.append(_change_sentence(spending.iloc[0], d.meta.get("year"), cu, lang))
    carried = carryover_total(d)
    if pd.notna(carried):
        out.append(
            f"Carried over from last year: {_money(carried)} {cu}."
            if lang == "en"
            else f"上年结转{_money(carried)}{cu}。"
        )
    return out + targets(d, lang)


def carryover(d, lang: str) -> list[str]:
    """How much is carried over from last year (上年结转): printed in the tables, stated in words, or absent."""
    from gzanalysis.analyses.carryover import stated_carryover

    check_lang(lang)
    cu = _unit(d)
    item, printed = _carryover_line(d)
    total = summary_totals(d)["income"]
    if pd.notna(printed) and printed > 0:
        share = f" ({_pct(printed / total)} of total income)" if pd.notna(total) and total else ""
        share_zh = f"，占收入总计的{_pct(printed / total)}" if pd.notna(total) and total else ""
        out = [
            f"The summary table prints {_money(printed)} {cu} carried over from last year ({item}){share}."
            if lang == "en"
            else f"收支总表列出上年结转{_money(printed)}{cu}（{item}）{share_zh}。"
        ]
        c = _carryover_by_function(d, lang)
        if isinstance(c, str):
            return [*out, c]
        if len(c):
            top = c.iloc[0]
            out.append(
                f"By function, the largest part goes to {top['name']}: {_money(top['carryover'])} {cu} "
                f"({_pct(top['share_of_carryover'])} of the carry-over)."
                if lang == "en"
                else f"按功能分类，最大的一部分用于{top['name']}：{_money(top['carryover'])}{cu}"
                f"（占上年结转的{_pct(top['share_of_carryover'])}）。"
            )
            only = int(c["carryover_only"].fillna(False).astype(bool).sum())
            if only:
                out.append(
                    f"{only} of these functions are funded by the carry-over alone."
                    if lang == "en"
                    else f"其中{only}个功能科目完全依靠上年结转。"
                )
        return out
    if pd.notna(printed):
        return [
            f"The summary table prints the carry-over from last year ({item}) as {_money(printed)} {cu}: "
            "nothing is carried over."
            if lang == "en"
            else f"收支总表列出上年结转（{item}）为{_money(printed)}{cu}，没有结转资金。"
        ]
    stated = stated_carryover(d)
    if stated is not None:
        amount, line = _money(stated["amount"]), stated["source_line"]
        return [
            f"The tables print the carry-over blank; the narrative states it as {amount} {cu} (line {line}), so "
            f"it is {amount} {cu}."
            if lang == "en"
            else f"表格中上年结转为空；预算情况说明写明为{amount}{cu}（第{line}行），因此上年结转为{amount}{cu}。"
        ]
    return [
        "This document prints no carry-over from last year (上年结转), neither in its tables nor in words."
        if lang == "en"
        else "这份公开的表格和文字都没有列出上年结转。"
    ]


def carryover_table(d, lang: str):
    """The functions the carry-over goes to, as a table for readers; None where there is none to show."""
    from gzanalysis.views.tables import show as table

    c = _carryover_by_function(d, lang)
    if isinstance(c, str) or c.empty:
        return None
    return table(c[["code", "name", "carryover", "total", "share_of_carryover"]], lang=lang)


def targets(d, lang: str) -> list[str]:
    """The performance target tables: projects, indicators and how many are quantitative; or that none is printed."""
    check_lang(lang)
    projects, indicators = d.table("projects"), d.table("indicators")
    unread = not_read(d, "projects")
    if projects.empty and unread:  # printed, in a form the ingest could not read: where, and why
        return [
            f"This document prints performance target tables (项目支出绩效目标表), but they could not be read: {unread}."
            if lang == "en"
            else "这份公开印有项目支出绩效目标表，但其格式未能读取；所在表格、页码与原因见数据包的读取说明"
            "（disclosure.toml 的 template.not_read）。"
        ]
    if projects.empty:
        return [
            "This document prints no performance target tables (项目支出绩效目标表)."
            if lang == "en"
            else "这份公开没有项目支出绩效目标表。"
        ]
    from gzanalysis.analyses.targets import table_of

    scope = table_of(projects.set_index("project_id")).str.removesuffix("_table")
    out = []
    for kind in ("project", "department"):
        ids = set(scope.index[scope == kind])
        if not ids:
            continue
        ind = indicators[indicators["project_id"].isin(ids)]
        n, k, q = len(ids), len(ind), int(ind["number"].notna().sum())
        if kind == "project" and not k:
            out.append(
                f"It prints the performance goals (绩效目标) of {n} project{'s' if n > 1 else ''}, without indicators."
                if lang == "en"
                else f"这份公开列出{n}个项目的绩效目标，没有绩效指标。"
            )
        elif kind == "project":
            out.append(
                f"It prints performance target tables (项目支出绩效目标表) for {n} project{'s' if n > 1 else ''}, "
                f"with {k} indicators, "
                f"{q} of which state a number."
                if lang == "en"
                else f"这份公开列出{n}个项目的项目支出绩效目标表，共{k}个绩效指标，其中{q}个给出数值。"
            )
        else:
            out.append(
                f"It prints {n} performance target table{'s' if n > 1 else ''} of the department (or a fund) as a "
                f"whole (部门整体支出绩效目标表), with {k} indicators, {q} of which state a number."
                if lang == "en"
                else f"这份公开印有{n}张部门整体支出绩效目标表，共{k}个绩效指标，其中{q}个给出数值。"
            )
    flat = int((indicators["level2"].isna() & indicators["level3"].notna()).sum())
    if flat:
        out.append(
            f"{flat} indicators are printed without levels (一级/二级指标), so they are not grouped by level."
            if lang == "en"
            else f"其中{flat}个绩效指标未列一级、二级指标，因此不按指标层级分组。"
        )
    return out


def targets_table(d, lang: str):
    """Per project: funds and indicators (gz.targets_summary) as a table; None where none is printed."""
    from gzanalysis.analyses.targets import targets_summary
    from gzanalysis.views.tables import show as table

    if d.table("projects").empty:
        return None
    return table(targets_summary(d, lang=lang), lang=lang)


def audit(d, lang: str, findings: pd.DataFrame | None = None) -> list[str]:
    """How many of the audit's checks hold, differ by rounding or materially, and did not run."""
    from gzanalysis.audit import audit as run

    check_lang(lang)
    f = run(d) if findings is None else findings
    counts = f["status"].value_counts()
    n = {k: int(counts.get(k, 0)) for k in ("ok", "rounding", "minor", "material", "not_checked")}
    if lang == "en":
        out = [
            f"The audit ran {len(f)} checks on this document: {n['ok']} hold, {n['rounding']} differ by rounding, "
            f"{n['minor']} by a minor amount and {n['material']} materially; {n['not_checked']} could not run."
        ]
        out.append(
            "No check differs materially."
            if not n["material"]
            else "The material differences are listed below."
        )
        return out
    out = [
        f"审计对这份公开运行了{len(f)}项检查：{n['ok']}项成立，{n['rounding']}项为舍入差异，{n['minor']}项为小额差异，"
        f"{n['material']}项为实质差异；{n['not_checked']}项无法运行。"
    ]
    out.append("没有实质差异。" if not n["material"] else "实质差异列在下面。")
    return out


def audit_table(findings: pd.DataFrame, lang: str):
    """The checks that do not simply hold (material, minor, not run) as a table; None where every one holds
    or differs only by rounding."""
    from gzanalysis.views.tables import show as table

    shown = findings[findings["status"].isin(list(STATUS))]
    if shown.empty:
        return None
    shown = shown.assign(status=shown["status"].map(lambda x: STATUS[x][lang]))
    # the cause is written in English (audit/causes.py): the Chinese edition shows the rule's description only
    cols = ["status", f"description_{lang}", "lhs", "rhs", "diff"] + (["cause_text"] if lang == "en" else [])
    shown = shown[cols].dropna(axis=1, how="all")  # checks that did not run compared no figures
    return table(shown.rename(columns=dict(zip(cols, AUDIT_HEADERS[lang], strict=False))), lang=lang)


def sources(d, lang: str) -> list[str]:
    """Where the figures come from: the document and its data package."""
    check_lang(lang)
    source = d.meta.get("source") or d.meta.get("title", d.id)
    if lang == "en":
        return [f"All figures come from {source}, read into the data package {d.id}."]
    # the source is described in English after the file's name: the Chinese edition names the file only
    title, file = d.meta.get("title", d.id), source.split(" (")[0]
    return [f"所有数字来自{title}{'' if file == title else f'（{file}）'}，读入数据包{d.id}。"]


__all__ = [
    "PAGES",
    "about",
    "audit",
    "audit_table",
    "carryover",
    "carryover_table",
    "carryover_total",
    "changes",
    "changes_table",
    "composition",
    "narrative_counts",
    "overview",
    "show",
    "sources",
    "summary",
    "summary_totals",
    "targets",
    "targets_table",
    "title",
    "unparsed_table",
]
