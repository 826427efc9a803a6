"""Robustness: mutated seed texts never crash the ingest. Each case ends in a package whose report
accounts for every line (with warnings), or in an IngestError that names the line."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gzanalysis.ingest import IngestError, ingest
from gzanalysis.ingest.errata import Errata

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "data" / "raw" / "ganzhou-xzspj-2023.txt").read_text(encoding="utf-8")
LINES = SEED.split("\n")
ERRATA_TEXT = (ROOT / "data" / "ganzhou-xzspj-2023" / "errata.csv").read_text(encoding="utf-8")

FUZZ = settings(
    max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def check(data) -> None:
    """The ingest either fails clearly or returns a complete report."""
    try:
        result = ingest(data, errata=Errata.read(ERRATA_TEXT))
    except IngestError as exc:
        assert exc.line is not None and exc.line >= 1
        assert str(exc).startswith(f"line {exc.line}:")
        return
    report = result.report
    assert set(report.lines) == set(range(1, report.n_lines + 1)), "a line is neither used nor skipped"
    assert all(reason for _, _, reason in report.skipped())
    assert report.rows == {name: len(rows) for name, rows in result.tables.items()}
    for u in report.unresolved:
        assert 1 <= u["line"] <= report.n_lines
    result.csv_texts()  # the package can be written


line_index = st.integers(min_value=0, max_value=len(LINES) - 1)


@FUZZ
@given(st.lists(line_index, max_size=40))
def test_dropped_lines(drop):
    check("\n".join(line for i, line in enumerate(LINES) if i not in set(drop)))


@FUZZ
@given(st.lists(line_index, max_size=20))
def test_duplicated_lines(dup):
    lines = []
    for i, line in enumerate(LINES):
        lines += [line] * (1 + dup.count(i))
    check("\n".join(lines))


@FUZZ
@given(st.lists(st.tuples(line_index, line_index), max_size=20))
def test_swapped_lines(swaps):
    lines = list(LINES)
    for a, b in swaps:
        lines[a], lines[b] = lines[b], lines[a]
    check("\n".join(lines))


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED) - 1), st.sampled_from(list("0123456789,. -/=\t"))), max_size=60
    )
)
def test_noise_in_numbers(edits):
    chars = list(SEED)
    digits = [i for i, ch in enumerate(chars) if ch.isdigit()]
    for pos, ch in edits:
        chars[digits[pos % len(digits)]] = ch
    check("".join(chars))


@FUZZ
@given(st.integers(min_value=0, max_value=len(SEED)))
def test_truncation(at):
    check(SEED[:at])


@FUZZ
@given(st.sampled_from(["gbk", "gb18030", "utf-16", "big5", "latin-1"]), st.integers(0, len(LINES)))
def test_other_encodings(encoding, cut):
    check("\n".join(LINES[:cut] if cut else LINES).encode(encoding, errors="replace"))


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    check(data)


@FUZZ
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    check(text + "\n收支预算总表\n")


@pytest.mark.parametrize(
    "data", [b"\xff\xfe\x00\x00", "收支预算总表\n\t\t\t\n", "部门支出总表\n科目编码\n**\n\t合计\t1, 2, 3\n"]
)
def test_edge_cases(data):
    check(data)


@FUZZ
@given(
    st.lists(
        st.tuples(
            line_index,
            st.text(
                alphabet=st.sampled_from(list("\t 0123456789,.-项目合计总额万元201(一)、:")), max_size=40
            ),
        ),
        max_size=15,
    )
)
def test_lines_replaced_by_noise(replacements):
    lines = list(LINES)
    for i, text in replacements:
        lines[i] = text
    check("\n".join(lines))


@FUZZ
@given(st.lists(line_index, min_size=1, max_size=30), st.randoms(use_true_random=False))
def test_cells_shuffled(picked, rnd):
    lines = list(LINES)
    for i in picked:
        cells = lines[i].split("\t")
        rnd.shuffle(cells)
        lines[i] = "\t".join(cells)
    check("\n".join(lines))
