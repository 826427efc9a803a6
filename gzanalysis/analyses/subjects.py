"""What a disclosure holds: a notebook whose subject a disclosure lacks says so in one sentence.

Not every disclosure has every part: a PDF ingested from another city has the budget tables but no narrative
(预算情况说明) or project performance tables (项目支出绩效目标表) unless they were read. ``missing(d, subject)``
gives the sentence (None where the subject is there); ``require(d, subject)`` raises ``NotInDisclosure`` with
it, which IPython shows as that one sentence (no traceback) and ``gz report`` renders as the page's end.

>>> import gzanalysis as gz
>>> missing(gz.load(), "narrative") is None
True
"""

from __future__ import annotations

from gzanalysis.package.language import say

# subject → (the resources it needs, its name in Chinese and English, a column some row must fill or None)
SUBJECTS = {
    "narrative": (("narrative_changes",), "预算情况说明", "narrative (budget explanation)", None),
    "projects": (("projects",), "项目支出绩效目标表", "project performance tables", None),
    # A 部门收入总表 printed by unit or by source (as some cities do) has no function codes to spread
    # the carry-over over.
    "carryover": (("income_by_function",), "按功能分类的部门收入总表", "income table by function", "code"),
}


class NotInDisclosure(LookupError):
    """The disclosure lacks what a notebook is about; the message is one sentence."""

    def _render_traceback_(self) -> list[str]:  # IPython: show the sentence, not a traceback
        return [str(self)]


def nothing_read(d, en: str, zh: str, lang: str | None = None) -> NotInDisclosure:
    """The one sentence of an analysis whose table is empty in ``d``: it does not answer with an empty frame."""
    title = d.meta.get("title", d.id)
    return NotInDisclosure(
        say(
            f"{title}: its data package holds no {en} ({zh}), so there is nothing to answer.",
            f"{title}的数据包中没有{zh}，无可作答。",
            lang,
        )
    )


# Subjects a PDF package has but the curated notebooks do not explain yet (they follow the seed's
# sections): the notebook says so in one sentence and stops. Remove an entry once its notebook reads any
# document's (issue 23, part 5: 02_growth_explanations on a PDF package's narrative).
NOT_YET_FOR_PDF = {
    "narrative": (
        "its narrative (预算情况说明) is read (gz.changes, gz.headline_changes), but this notebook does "
        "not explain the narrative of a PDF package yet, so it stops here.",
        "其预算情况说明已读取（gz.changes、gz.headline_changes），但本笔记本尚不能解读 PDF 数据包的预算情况说明，"
        "因此到此为止。",
    ),
}


def missing(d, subject: str, lang: str | None = None) -> str | None:
    """One sentence saying that ``d`` lacks ``subject`` (see ``SUBJECTS``), or None where it has it; in
    ``lang``, else in the language set by ``gz.notebook.setup()`` (``gz.set_language``)."""
    if subject not in SUBJECTS:
        raise KeyError(
            say(
                f"no subject {subject!r}; the subjects are: {', '.join(SUBJECTS)}",
                f"没有主题 {subject!r}；可用的主题：{'、'.join(SUBJECTS)}",
                lang,
            )
        )
    resources, zh, en, column = SUBJECTS[subject]
    tables = [d.table(name) for name in resources]
    title = d.meta.get("title", d.id)
    if all(len(t) and (column is None or t[column].notna().any()) for t in tables):
        if subject in NOT_YET_FOR_PDF and isinstance(d.meta.get("template"), dict):  # a PDF ingest's
            return say(
                f"{title}: {NOT_YET_FOR_PDF[subject][0]}", f"{title}：{NOT_YET_FOR_PDF[subject][1]}", lang
            )
        return None
    own = d.meta.get("template") if isinstance(d.meta.get("template"), dict) else {}
    unread = own.get("not_read", {}).get(resources[0])
    if unread:  # printed, but the ingest could not read it: where, and why (the ingest's words, in English)
        return say(
            f"{title} prints its {en} ({zh}), but they could not be read: {unread}.",
            f"{title}印有{zh}，但未能读出：{unread}。",
            lang,
        )
    absent = own.get("not_printed", {}).get(resources[0])
    if absent:  # the ingest looked for it and the document does not print it
        return say(
            f"{title}: {absent}, so this notebook has nothing to show for it.",
            f"{title}未印{zh}，本笔记本对此无可展示。",
            lang,
        )
    return say(
        f"{title} has no {en} ({zh}) in its data package, so this notebook has nothing to show for it.",
        f"{title}的数据包中没有{zh}，本笔记本对此无可展示。",
        lang,
    )


def require(d, subject: str, lang: str | None = None) -> None:
    """Raise ``NotInDisclosure`` (one sentence, in ``lang`` or the language set) where ``d`` lacks ``subject``."""
    message = missing(d, subject, lang)
    if message is not None:
        raise NotInDisclosure(message)


__all__ = ["SUBJECTS", "NotInDisclosure", "missing", "require"]
