"""The Chinese edition shows Chinese: no English header or status word in what a reader of notebooks/zh sees
(issue 25, item 13).

Headers, statuses and kinds come from one place, ``gz.analyses.labels``, and ``gz.tables.show`` applies them
in ``lang``; these tests check that machinery, the stored outputs of every Chinese edition, and (slow) what
each Chinese edition displays when it runs: its HTML tables' headers and cells, its figures and sentences,
its charts' titles.
"""

import html
import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import gzanalysis as gz

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
# the case study's Chinese edition and that of the report of any other document
EDITIONS = sorted((NOTEBOOKS / "zh").glob("*.ipynb")) + sorted((NOTEBOOKS / "any" / "zh").glob("*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
# Column names a table once showed as they are, and the values of a status or a kind (issue 25, item 13).
HEADERS = [
    *["rule", "lhs", "rhs", "status", "cause", "parts", "stated_total", "funds_total", "indicators"],
    *["at_100_percent", "wan_yuan_per_indicator", "city", "year", "expenditure", "share", "label", "diff"],
    *["tolerance", "source_lines", "family"],
]
VALUES = ["quantitative", "qualitative", "missing", "material", "rounding", "minor", "info"]
# Words that are a value left unlabelled wherever they stand alone: a status, a kind, a missing number, a
# three-public part's field name.
STRAY = {*VALUES, "nan", "NaN", "None", "True", "False", "overseas_travel", "official_reception"}
TOKEN = re.compile(r"[^\s:|,;()\[\]{}=<>]+")


def stray_words(text: str) -> list[str]:
    """Words of ``text`` that stand alone and are an unlabelled value or column name."""
    return [w for w in TOKEN.findall(text) if w in STRAY or w in HEADERS]


def test_stray_words_are_found():
    assert stray_words("overseas_travel nan | 公务接待费 3.00") == ["overseas_travel", "nan"]
    assert stray_words("narrative.parts.收入预算.income_source.change 实质性差异") == []
    assert stray_words("rule  lhs  status\n x 1.0 material") == ["rule", "lhs", "status", "material"]


@pytest.mark.parametrize("key", HEADERS + VALUES)
def test_every_listed_header_and_value_has_a_chinese_label(key):
    assert CJK.search(gz.label(key, "zh")), key


def test_show_labels_headers_and_values_in_chinese():
    frame = pd.DataFrame(
        {
            "rule": ["a.b"],
            "lhs": [1.0],
            "rhs": [2.0],
            "status": ["material"],
            "kind": ["quantitative"],
            "cause": ["x"],
            "indicators": [3],
        }
    )
    out = gz.tables.show(frame, lang="zh").to_html()
    headers = [html.unescape(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", out)]
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", out)]
    assert all(CJK.search(h) for h in headers), headers
    assert "实质性差异" in cells and "定量" in cells and not stray_words(" ".join(cells))
    english = gz.tables.show(frame, lang="en").to_html()
    assert ">material<" in english and ">Quantitative<" in english  # the English edition keeps its words


def _outputs(nb) -> list[tuple[str, str]]:
    """(kind, text) of every output: stream text, HTML, a chart's spec."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                found.append(("text", out.get("text", "")))
            data = out.get("data", {})
            if "text/html" in data:
                found.append(("html", "".join(data["text/html"])))
            for mime, spec in data.items():
                if mime.startswith("application/vnd.vegalite"):
                    found.append(("chart", json.dumps(spec, ensure_ascii=False)))
            if (
                "text/plain" in data
                and "text/html" not in data
                and not any(m.startswith("application/") for m in data)
            ):
                found.append(("text", "".join(data["text/plain"])))
    return found


def english_in(kind: str, text: str) -> list[str]:
    """What a reader of the Chinese edition would read in English in one output."""
    if kind == "text":
        return stray_words(text)
    if kind == "chart":
        spec = json.loads(text)
        title = spec.get("title", {})
        words = title.get("text", "") if isinstance(title, dict) else str(title)
        return [] if CJK.search(str(words)) or not words else [f"chart title {words!r}"]
    found = []
    for header in re.findall(r"<th[^>]*>(.*?)</th>", text, flags=re.S):
        header = html.unescape(re.sub(r"<[^>]+>", "", header)).strip()
        if header and not CJK.search(header) and re.search(r"[A-Za-z]{3,}", header):
            found.append(f"header {header!r}")
    for cell in re.findall(r"<td[^>]*>(.*?)</td>", text, flags=re.S):
        found += stray_words(html.unescape(re.sub(r"<[^>]+>", "", cell)))
    for para in re.findall(r'<p class="gz-sentence"[^>]*>(.*?)</p>', text, flags=re.S):
        found += stray_words(html.unescape(para))
    return found


@pytest.mark.parametrize(
    "path", EDITIONS, ids=[str(p.relative_to(NOTEBOOKS).with_suffix("")) for p in EDITIONS]
)
def test_stored_outputs_of_the_chinese_edition_hold_no_english_labels(path):
    nb = nbformat.read(path, as_version=4)
    found = [w for kind, text in _outputs(nb) for w in english_in(kind, text)]
    assert found == [], found


def test_an_english_header_in_a_chinese_output_is_found():
    frame = pd.DataFrame({"rule": ["a"], "status": ["material"]})
    styled = frame.style.hide(axis="index").to_html()  # a table shown without gz.tables.show
    assert english_in("html", styled) == ["header 'rule'", "header 'status'", "material"]
    assert english_in("text", "overseas_travel nan") == ["overseas_travel", "nan"]
    assert english_in("chart", json.dumps({"title": {"text": "Composition by department"}}))


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", EDITIONS, ids=[str(p.relative_to(NOTEBOOKS).with_suffix("")) for p in EDITIONS]
)
def test_what_the_chinese_edition_displays_holds_no_english_labels(path, tmp_path):
    """Run the Chinese edition as a reader would, and read every table, figure, sentence and chart title."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    found = [w for kind, text in _outputs(nb) for w in english_in(kind, text)]
    assert found == [], found
