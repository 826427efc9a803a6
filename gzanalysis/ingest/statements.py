"""The grammar of a narrative's year-over-year statements, for the OCR text and the PDF text alike.

``join_lines`` makes paragraphs of printed lines (a sentence cut at the end of a line, or of a page,
continues on the next); ``find(text)`` reads the change statements of a paragraph; ``unparsed(text,
found)`` the sentences that compare with last year but were not read, with the reason; ``classify``
says what an item is about. The phrasings (what a city words differently) are data:
``gzanalysis/ingest/narrative.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

NUM = r"\d[\d,]*(?:\.\d+)?"
_HEADING = re.compile(
    r"^(?:[((][一二三四五六七八九十]+[))]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)"
)
_START = re.compile(
    r"^(?:-\s|[((][\d一二三四五六七八九十]+[))]|[一二三四五六七八九十]+、|\d{1,2}\s*[.、](?!\d)\s*)"
)
TERMINAL = "。::;;!?!?"
# A line that begins with the comparison continues the statement before it, even after a full stop
# ("…支出698.96万元，主要用于……支出。" / "与上年相比减少4.8万元").
_CONTINUES = re.compile(r"^(?:与|较|比)\s*(?:上一?年|去年|\d{4}\s*年)")


@cache
def _phrasings_file() -> dict:
    return tomllib.loads(resources.files("gzanalysis.ingest").joinpath("narrative.toml").read_text("utf-8"))


_in_use: dict | None = None  # other phrasings than the file's (``phrasings_in_use``)


def phrasings() -> dict:
    """The phrasings the grammar reads with: ``narrative.toml``, or those of ``phrasings_in_use``."""
    return _in_use if _in_use is not None else _phrasings_file()


@contextmanager
def phrasings_in_use(p: dict) -> Iterator[None]:
    """Read with the phrasings ``p`` instead of the file's: the generalisation measure reads each city's
    narratives with the phrasings only that city needs withheld (``ingest/pdf/generalise.py``)."""
    global _in_use
    before, _in_use = _in_use, p
    _forget_compiled()
    try:
        yield
    finally:
        _in_use = before
        _forget_compiled()


def _forget_compiled() -> None:
    for compiled in (_grammar, _unparsed, _rules):
        compiled.cache_clear()


def _alt(words: list[str]) -> str:
    return "|".join(f"(?:{w})" for w in words)


@cache
def _grammar() -> dict[str, re.Pattern]:
    g = phrasings()["grammar"]
    item = r"(?P<item>[^\s,,;;::。、()()\d\"“”](?:(?!万元)[^,,;;::。、]){0,80}?)?"  # a name, not a page
    amount = (
        rf"\s*(?:(?:为|是)?\s*(?P<amount>{NUM})\s*万元\s*[,,。]?\s*(?:(?:{g['purpose']})[^。;]*?[,。]\s*)?)?"
    )
    compare = (
        rf"(?:(?:{_alt(g['compare'])})\s*(?P<base>{_alt(g['base'])})\s*"
        rf"(?P<basis>{_alt(g['basis_budget'] + g['basis_actual'])})?\s*(?:{_alt(g['after_base'])})?"
        rf"|(?:{_alt(g['year_on_year'])}))\s*[,,]?\s*"
    )
    verbs = _alt(g["increase"] + g["decrease"])
    change = (
        rf"(?:(?P<subject>[^增减持相,,。;;\d]{{0,20}}?)(?P<wording>{verbs})\s*(?P<change>{NUM})\s*万元"
        rf"|(?:基本)?(?P<same>{_alt(g['same'])}))"
    )
    rate = (
        rf"(?:\s*[,,]\s*(?P<rate_word>{_alt(g['rate_up'] + g['rate_down'])})\s*(?P<rate>\d+(?:\.\d+)?)\s*%)?"
    )
    return {
        "core": re.compile(item + amount + compare + change + rate),
        "reason": re.compile(rf"\s*[,,。]?\s*(?:{_alt(g['reason'])})\s*"),
        "joint": re.compile(g["joint"]),
        "joint_fiscal": re.compile(g["joint_fiscal"]),
        "actual": re.compile(_alt(g["basis_actual"])),
        "down": re.compile(_alt(g["rate_down"])),
        "decrease": re.compile(_alt(g["decrease"])),
    }


@dataclass
class Statement:
    item: str
    amount: str  # as printed, without separators; "" where the statement gives only the change
    wording: str  # 增加 / 减少 / 净增 / 净减 / 持平
    change: str  # signed
    rate: str  # signed, "" where none is stated
    compared_with: str  # 上年预算 / 上年执行 / 上年
    reason: str
    start: int  # offsets in the paragraph's text: the item (or the comparison) …
    end: int  # … to the end of the reason
    core_end: int  # the end of the change and rate (where a breakdown 其中 … may follow)
    reason_start: int = 0
    joint: bool = False  # one change stated for income and expenditure alike
    subject: str = ""


def plain(token: str) -> str:
    return token.replace(",", "").replace(" ", "")


def find(text: str) -> list[Statement]:
    """The change statements of one paragraph, in order; each one's reason runs from its change to the
    end of its sentence (。) or to the next statement, whichever comes first."""
    g = _grammar()
    matches = []
    if not _unparsed()[0].search(text):
        return []  # no comparison with last year: no statement (and no work)
    for m in g["core"].finditer(text):
        item = (m.group("item") or "").strip()
        subject = (m.group("subject") or "").strip()
        joint = bool(g["joint"].search(subject))
        if not item and not subject and not joint:
            continue  # a bare "比上年减少 …": what changed is not said
        if m.group("same") and not m.group("amount"):
            continue  # "与上年持平" after a statement: no amount of its own
        matches.append((m, item, subject, joint))
    out = []
    for i, (m, item, subject, joint) in enumerate(matches):
        limit = matches[i + 1][0].start() if i + 1 < len(matches) else len(text)
        reason, end, reason_start = "", m.end(), m.end()
        if r := g["reason"].match(text, m.end(), limit):
            reason_start = r.end()
            stop = text.find("。", r.end(), limit)
            stop = limit if stop < 0 else stop
            reason = re.sub(r"[;,\s]+$", "", text[r.end() : stop])
            end = stop
        if m.group("same"):
            wording, change = "持平", "0"
        else:
            wording, change = m.group("wording"), plain(m.group("change"))
            if g["decrease"].fullmatch(wording) and float(change) != 0:
                change = "-" + change
        rate = m.group("rate") or ""
        if rate and g["down"].fullmatch(m.group("rate_word")) and float(rate) != 0:
            rate = "-" + rate
        basis = m.group("basis") or ""
        compared = "上年执行" if g["actual"].search(basis) else "上年预算" if basis else "上年"
        out.append(
            Statement(
                item=item or subject,
                amount=plain(m.group("amount") or ""),
                wording=wording,
                change=change,
                rate=rate,
                compared_with=compared,
                reason=reason,
                start=m.start("item") if item else m.start(),
                end=end,
                core_end=m.end(),
                reason_start=reason_start,
                joint=joint,
                subject=subject,
            )
        )
    return out


def split_joint(s: Statement) -> list[str]:
    """The items a joint statement ("收、支预算总计各增加") stands for."""
    p = phrasings()["grammar"]
    if _grammar()["joint_fiscal"].search(s.subject):
        return [p["joint_fiscal_item"]]
    return list(p["joint_items"])


@cache
def _unparsed() -> tuple[re.Pattern, re.Pattern, list[tuple[re.Pattern, str]]]:
    u = phrasings()["unparsed"]
    return (
        re.compile(u["cue"]),
        re.compile(u["verb"]),
        [(re.compile(r["pattern"]), r["reason"]) for r in u["reasons"]],
    )


def unparsed(text: str, found: list[Statement]) -> list[tuple[int, int, str]]:
    """Sentences (to 。) that compare with last year and name a change, but hold no statement read nor lie
    within one's reason: (start, end, reason)."""
    cue, verb, reasons = _unparsed()
    spans = [(s.start, s.end) for s in found]
    out, start = [], 0
    for m in re.finditer(r"[^。]+。?", text):
        start, end = m.start(), m.end()
        sentence = m.group()
        if any(a < end and start < b for a, b in spans):
            continue
        c = cue.search(sentence)
        if not c or not verb.search(sentence, c.end()):
            continue
        tail = sentence[c.start() :]
        why = next(reason for pattern, reason in reasons if pattern.search(tail))
        out.append((start, end, why))
    return out


def unparsed_row(
    row: int, section: str | None, p: Paragraph, a: int, b: int, why: str, page: str = ""
) -> dict:
    """A row of narrative_unparsed: the sentence as printed, the reason, where it is."""
    return {
        "row": str(row),
        "section": section or "情况说明",
        "text": re.sub(r"\s+", " ", p.text[a:b]).strip(),
        "reason": why,
        "page": page,
        "source_line": str(p.line_at(a)),
        "end_line": str(p.line_at(max(a, b - 1))),
    }


@dataclass
class Paragraph:
    text: str = ""
    starts: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, line)

    def line_at(self, offset: int) -> int:
        line = self.starts[0][1]
        for off, n in self.starts:
            if off <= offset:
                line = n
        return line

    def add(self, text: str, n: int) -> None:
        self.starts.append((len(self.text), n))
        self.text += text


def is_heading(text: str) -> bool:
    body = text[:-1]
    return bool(_HEADING.match(text)) and len(text) <= 40 and ":" not in body and ":" not in body


def join_lines(lines) -> list[Paragraph]:
    """Paragraphs of running text from (line number, text) pairs: a line whose sentence is cut (no final
    punctuation), or followed by a line that begins with the comparison (与上年相比…), continues on the next
    one, across a page break; a numbered line or one after a heading starts a new paragraph."""
    out: list[Paragraph] = []
    for n, raw in lines:
        raw = raw.strip()
        if not raw:
            continue
        starts_new = bool(_START.match(raw))
        text = re.sub(r"^-\s*", "", raw)
        prev = out[-1] if out else None
        cut = prev is not None and prev.text[-1] in TERMINAL and not _CONTINUES.match(text)
        if prev and not starts_new and not cut and not is_heading(prev.text):
            prev.add(text, n)
        else:
            p = Paragraph()
            p.add(text, n)
            out.append(p)
    return out


@cache
def _rules(kind: str) -> list[tuple[re.Pattern, dict]]:
    return [(re.compile(r["pattern"]), r) for r in phrasings()[kind]]


def classify(item: str, context: tuple[str, str] | None) -> tuple[str, str, str] | None:
    """(section, scope, grouping) of an item by the first rule its name matches (``items``); a rule
    without section takes the context's. None where no rule matches and there is no context."""
    for pattern, rule in _rules("items"):
        if not pattern.search(item):
            continue
        if "context" in rule and (context is None or context[0] != rule["context"]):
            continue
        section = rule.get("section") or (context[0] if context else None)
        scope = rule.get("scope") or (context[1] if context else None)
        if section is None:
            return None
        return section, scope, rule["grouping"]
    return None


def heading_context(text: str) -> tuple[str, str] | None:
    for pattern, rule in _rules("headings"):
        if pattern.search(text):
            return rule["section"], rule["scope"]
    return None
