"""The narrative (情况说明) of a PDF, read by the grammar the OCR ingest reads the seed's with.

``read(text, skip, sections)``: the text layer (one printed line per line, ``[page N]`` before each
page: ``source_line`` refers to it) without the lines of the tables read; page numbers and the running
header a document prints on every page are left out, so a sentence cut by a page break is joined. Each
paragraph's change statements (``gzanalysis.ingest.statements``) become ``narrative_changes`` rows with
their page, what they compare with and the reason as printed; a sentence that compares with last year
but is not read goes to ``narrative_unparsed`` with the reason; the 三公 total and a carry-over stated in
words (上年结转结余为0万元) go to ``narrative_figures``. What an item is about (section, scope, grouping)
comes from its words and the heading or total statement before it (``narrative.toml``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from gzanalysis.ingest.context import top_codes
from gzanalysis.ingest.statements import (
    NUM,
    Paragraph,
    classify,
    find,
    heading_context,
    is_heading,
    join_lines,
    phrasings,
    split_joint,
    unparsed,
    unparsed_row,
)

_PAGE = re.compile(r"^\[page (\d+)\]$")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页")
_CODE_SUFFIX = re.compile(r"\((?:类|\d{3})\)(?:支出)?$")
_MENTION = re.compile(
    rf"(?P<item>[^,;:。、\d](?:(?!万元)[^,;:。、]){{0,80}}?)\s*(?:为|是)?\s*(?P<amount>{NUM})\s*万元"
)


def normalise(line: str) -> str:
    """A printed line as running text: the words of the text layer joined (tabs dropped), full-width
    punctuation and digits as ASCII (NFKC), as the OCR text prints them."""
    return unicodedata.normalize("NFKC", line.replace("\t", "")).strip()


@dataclass
class NarrativeReading:
    changes: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    unparsed: list[dict] = field(default_factory=list)
    sections_found: dict[str, int] = field(default_factory=dict)  # a required section's heading → line

    @property
    def read(self) -> bool:
        return bool(self.changes or self.unparsed)

    def summary(self) -> str:
        headline = [
            r for r in self.changes if r["grouping"] == "total" and r["section"] in ("收入预算", "支出预算")
        ]
        return (
            f"Narrative: {len(self.changes)} change statements read ({len(headline)} of total income or "
            f"expenditure), {len(self.unparsed)} kept unparsed (narrative_unparsed, with the reason), "
            f"{len(self.figures)} other figures"
        )


def _lines(text: str, skip: set[int]) -> list[tuple[int, int, str]]:
    """(line, page, text) of the running text: tables, page numbers and running headers out."""
    out, page = [], 0
    for n, raw in enumerate(text.split("\n"), 1):
        if m := _PAGE.match(raw.strip()):
            page = int(m.group(1))
            continue
        if n in skip:
            continue
        line = normalise(raw)
        if line and not _PAGE_NUMBER.match(line):
            out.append((n, page, line))
    pages_of = Counter()
    for line, pages in _group(out).items():
        pages_of[line] = len(pages)
    return [(n, p, t) for n, p, t in out if pages_of[t] < 3 or len(t) < 6]


def _group(lines):
    seen: dict[str, set[int]] = {}
    for _, page, text in lines:
        seen.setdefault(text, set()).add(page)
    return seen


_GENERIC = re.compile(r"^(?:本年)?(?:预算数?|预算安排|安排|预算支出)$")


# A numbered short title ending its own sentence, the name of the statement after it (深圳:
# "1.因公出国（境）费用。2026年预算数28.00万元，较…")
NUMBERED_TITLE = re.compile(
    r"(?:^|[。;:])\s*((?:\d+\.|\(\S\)|[一二三四五六七八九十]+、)[^。;,:]{1,20})。\s*\S*$"
)


def clean_item(item: str, before: str = "") -> str:
    """An item's name: without the heading or year printed before it; a bare 预算数 takes the name printed
    before its colon ("因公出国(境)费用:2026年预算数28.00万元") or the numbered title before it
    ("1.因公出国(境)费用。2026年预算数28.00万元")."""
    item = "".join(item.split())
    item = re.sub(r"^[.、)\]]+", "", item)
    item = re.sub(r"^.*(?:情况|说明|部分)(?=.*\d{4}年)", "", item)
    item = re.sub(r"^(?:\d{4})?年度?", "", item)
    if m := re.match(r"^(.*?)\d{4}年度?(.+)$", item):  # the unit's name and the year before the item
        item = m.group(2) if not _GENERIC.match(m.group(2)) else m.group(1) + m.group(2)
    if _GENERIC.match(re.sub(r"(?:为|是)$", "", item)) and (
        m := re.search(r"([^。;,:]+):\s*\S*$", before) or NUMBERED_TITLE.search(before)
    ):
        item = re.sub(r"^(?:\(\S\)|\d+\.|[一二三四五六七八九十]+、)", "", "".join(m.group(1).split())) + item
    item = re.sub(r"^(?:其中|包括)", "", item)
    return re.sub(r"(?:为|是)$", "", item)


def _codes(item: str) -> tuple[str, str]:
    name = _CODE_SUFFIX.sub("", item)
    name = re.sub(r"^[“”\"]|[“”\"]科目$|[“”\"]$", "", name)
    return top_codes("functional").get(name, ""), top_codes("economic").get(name, "")


def _what(item: str, context):
    """(section, scope, grouping, function code, economic code) of an item."""
    found = classify(item, context)
    function, economic = _codes(item)
    if (function or economic) and (found is None or found[2] != "other"):
        section, scope = context or ("支出预算", "全部资金")
        if section not in ("支出预算", "财政拨款支出"):
            section, scope = "支出预算", "全部资金"
        return section, scope, "function" if function else "economic", function, economic
    if found is None:
        section, scope = context or ("情况说明", "全部资金")
        return section, scope, "other", "", ""
    return (*found, "", "")


def _headline_amount(p: Paragraph, before: int) -> str:
    words = re.compile(phrasings()["grammar"]["headline_words"])
    for m in _MENTION.finditer(p.text, 0, before):
        if words.search(m.group("item")):
            return m.group("amount").replace(",", "")
    return ""


def _mentions(p: Paragraph) -> list[tuple[int, tuple[str, str], str]]:
    """Where the paragraph names a total with its amount (收入预算 …万元): the context it sets, the amount."""
    out = []
    for m in _MENTION.finditer(p.text) if "万元" in p.text else ():
        found = classify(clean_item(m.group("item")), None)
        if found and found[2] == "total" and found[0] in ("收入预算", "支出预算", "财政拨款支出"):
            out.append((m.start(), (found[0], found[1]), m.group("amount").replace(",", "")))
    return out


def read(
    text: str, skip: set[int], sections: list[str] = (), contents_pages: set[int] = frozenset()
) -> NarrativeReading:
    """The narrative of the text layer ``text``, its lines ``skip`` (the tables read) left out; the line
    of each of ``sections`` (headings the family's documents print), not counting the 目录's pages."""
    out = NarrativeReading()
    lines = _lines(text, skip)
    page_of = {n: p for n, p, _ in lines}
    carry = re.compile(phrasings()["carryover"]["pattern"])
    bare = set(phrasings()["grammar"]["bare_items"])
    context = None
    three_public_total = False
    stated: dict[str, str] = {}  # section → the total's amount last named (收入预算1935.36万元)
    grammar = phrasings()["grammar"]
    reason_after, reason_ends = re.compile(grammar["reason_after"]), re.compile(grammar["reason_after_ends"])
    unexplained: list[dict] = []  # the statements of the paragraph before that state no reason
    reason: list[Paragraph] | None = None  # the paragraphs of a reason under a heading line of its own
    for p in join_lines((n, t) for n, _, t in lines):
        if reason is not None and (reason_ends.match(p.text) or find(p.text)):
            _give_reason(unexplained, reason)
            reason, unexplained = None, []
        if reason is not None:
            reason.append(p)
        elif unexplained and (m := reason_after.match(p.text)):
            if p.text[m.end() :].strip():
                _give_reason(unexplained, [p], m.end())
                unexplained = []
            else:
                reason = []
            continue
        if is_heading(p.text) or len(p.text) <= 30 and p.text[-1] not in "。;":
            context = heading_context(p.text) or context
            continue
        mentions = _mentions(p)
        found = find(p.text)
        before = len(out.changes)
        for st in found:
            local = next((c for at, c, _ in reversed(mentions) if at < st.start), None) or context
            items = (
                split_joint(st)
                if st.joint
                else [clean_item(st.item, p.text[max(0, st.start - 40) : st.start])]
            )
            for item in items:
                section, scope, grouping, function, economic = _what(item, local)
                amount = st.amount
                if not amount and item in bare:  # "收入较去年增加…": the total named before
                    amount = _headline_amount(p, st.start) or stated.get(section, "")
                start, end = p.line_at(st.start), p.line_at(max(st.start, st.end - 1))
                out.changes.append(
                    {
                        "row": str(len(out.changes) + 1),
                        "section": section,
                        "scope": scope,
                        "grouping": grouping,
                        "item": item,
                        "function_code": function,
                        "economic_code": economic,
                        "amount": amount,
                        "change": st.change,
                        "wording": st.wording,
                        "growth_rate_stated": st.rate,
                        "reason": st.reason,
                        "source_line": str(start),
                        "end_line": str(end),
                        "compared_with": st.compared_with,
                        "page": str(page_of[start]),
                    }
                )
                if grouping == "total" and section != "三公经费":
                    context = (section, scope)
                if section == "三公经费" and grouping == "total" and amount and not three_public_total:
                    three_public_total = True
                    out.figures.append(
                        _figure(out, section, scope, "三公经费", '"三公"经费合计', amount, start)
                    )
        if reason is None:  # consecutive paragraphs of statements share a reason printed after them
            new = out.changes[before:]
            unexplained = unexplained + [r for r in new if not r["reason"]] if new else []
        stated |= {c[0]: amount for _, c, amount in reversed(mentions)}  # the first named
        for a, b, why in unparsed(p.text, found):
            row = unparsed_row(len(out.unparsed) + 1, context[0] if context else None, p, a, b, why)
            row["page"] = str(page_of[int(row["source_line"])])
            out.unparsed.append(row)
        for m in carry.finditer(p.text):
            line = p.line_at(m.start())
            out.figures.append(
                _figure(
                    out,
                    "收入预算",
                    "全部资金",
                    "上年结转",
                    "上年结转",
                    m.group("amount").replace(",", ""),
                    line,
                    note="carry-over stated in words: " + m.group(0),
                )
            )
    if reason:
        _give_reason(unexplained, reason)
    out.sections_found = _sections([x for x in lines if x[1] not in contents_pages], sections)
    return out


def _give_reason(rows: list[dict], paragraphs: list[Paragraph], start: int = 0) -> None:
    """The reason printed after statements, in a paragraph of its own (from ``start``) or under a heading
    line of its own (the paragraphs after it), given to those of ``rows`` that state none."""
    text = "".join(p.text for p in paragraphs)[start:].strip()
    if not text:
        return
    for r in rows:
        r["reason"] = re.sub(r"[;,\s]+$", "", text.rstrip("。"))
        r["end_line"] = str(paragraphs[-1].starts[-1][1])


def _figure(out, section, scope, topic, item, amount, line, note="") -> dict:
    return {
        "row": str(len(out.figures) + 1),
        "section": section,
        "scope": scope,
        "topic": topic,
        "item": item,
        "economic_code": "",
        "project_id": "",
        "amount": amount,
        "unit": "万元",
        "note": note,
        "source_line": str(line),
        "end_line": str(line),
    }


def _bare(text: str) -> str:
    return re.sub(r"[“”\"'‘’\s]", "", text)


def _sections(lines, names) -> dict[str, int]:
    """The line of each required section's heading (a short line naming it), where the text prints one."""
    found = {}
    for name in names:
        key = _bare(unicodedata.normalize("NFKC", name))
        for n, _, text in lines:
            if len(text) <= 40 and key in _bare(text) and not re.search(r"\.{3,}|…", text):
                found[name] = n
                break
    return found
