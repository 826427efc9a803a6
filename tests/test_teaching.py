"""The teaching exercises a teacher can hand out (issue 25, "Exercises with depth"; issue 28, part 6).

- the checkers read the forms a student types (1648.09, "1,648.09", "65.7%", 208, "是") or say what they
  expected, name the value that is wrong, and show sentences, never a bare True/False;
- each exercise, filled in with the answers the data gives, is judged right in both editions;
- no exercise's prose gives its answer away.
"""

import re
from pathlib import Path

import jupytext
import pytest

import gzanalysis as gz

SOURCES = Path(__file__).resolve().parent.parent / "notebooks" / "src"
EXERCISES = sorted(SOURCES.glob("teaching_ex_*.py"))


@pytest.mark.parametrize(
    "personnel", [1648.09, "1648.09", "1,648.09", " 1,648.09 ", "1648.09万元", "１６４８.０９"]
)
def test_check_basic_split_reads_the_forms_a_student_types(d, personnel):
    verdict = gz.teaching.check_basic_split(d, personnel, 214.31, "0.01", lang="en")
    assert verdict, str(verdict)


def test_check_basic_split_names_the_wrong_value(d):
    verdict = gz.teaching.check_basic_split(d, 1648.09, 214.3, 0.01, lang="en")
    assert not verdict and str(verdict).startswith("✘ `public_operations` = 214.30 is not")
    assert "personnel`" not in str(verdict) and "difference" not in str(verdict)
    verdict = gz.teaching.check_basic_split(d, 1648.09, 214.31, -0.01, lang="en")
    assert "`difference` = -0.01" in str(verdict) and "sign" in str(verdict)
    verdict = gz.teaching.check_basic_split(d, "one thousand", 214.31, 0.01, lang="zh")
    assert "`personnel` = 'one thousand' 不是数字" in str(verdict)
    assert "1648.09" not in str(verdict)  # what was expected is said by its form, not given away
    pending = gz.teaching.check_basic_split(d, 1648.09, None, 0.01, lang="en")
    assert pending.ok is None and str(pending) == "… Not answered yet: set `public_operations`."


def test_check_subtotal_trace_finds_the_301_subtotal(d):
    gaps = gz.teaching.subtotal_gaps(d).set_index("code")
    assert gaps.loc["301", ["subtotal", "items_sum", "subtotal_gap"]].tolist() == [1645.09, 1645.10, -0.01]
    assert (gaps.drop("301")["subtotal_gap"] == 0).all()
    assert gz.teaching.check_subtotal_trace(d, 301, "1,645.10", lang="en")
    assert gz.teaching.check_subtotal_trace(d, "301", 1645.1, lang="en")
    printed = gz.teaching.check_subtotal_trace(d, "301", 1645.09, lang="en")
    assert not printed and "`items_total` = 1,645.09 is the subtotal 301 prints" in str(printed)
    other = gz.teaching.check_subtotal_trace(d, "302", 214.31, lang="en")
    assert not other and "`code` = '302'" in str(other)
    assert "its classes are 301, 302, 303" in str(gz.teaching.check_subtotal_trace(d, "399", 1, lang="en"))


def test_check_without_carryover_has_one_answer(d):
    """Seven classes tie at a share of 1: the question asks how many, and which of the others loses most."""
    c = gz.carryover(d)
    assert int(c["carryover_only"].sum()) == 7
    top = gz.teaching.shrink_without_carryover(d)
    assert top["code"] == "208" and round(top["share_carried_over"], 4) == 0.6566
    for share in (0.657, "0.657", "65.7%", "65.66 %", 0.6566):
        assert gz.teaching.check_without_carryover(d, "7", 208, share, lang="en"), share
    wrong = str(gz.teaching.check_without_carryover(d, 6, "206", 1, lang="en"))
    assert "`disappear` = 6 is not" in wrong and "`code` = '206' has no money but carry-over" in wrong
    assert "`share` is checked once `code` is right" in wrong
    assert "`share` = 65.7 is not a share" in str(
        gz.teaching.check_without_carryover(d, 7, "208", 65.7, lang="en")
    )
    assert "close" in str(gz.teaching.check_without_carryover(d, 7, "208", 0.66, lang="en"))
    assert "`share` = 0.5 is not carry-over" in str(
        gz.teaching.check_without_carryover(d, 7, "208", 0.5, lang="en")
    )
    assert "`disappear` = 'seven' is not a whole number" in str(
        gz.teaching.check_without_carryover(d, "seven", "208", 0.657, lang="en")
    )


def test_check_indicator_finds_outputs_listed_as_benefits(d):
    for indicator in ("统一身份认证", "电子证照类型接入数"):  # lines 369, 371: counts among the benefits
        assert gz.teaching.indicator_judgement(d, "P1", indicator)["output_as_benefit"]
    assert not gz.teaching.indicator_judgement(d, "P1", "惠企兑现增长率")["output_as_benefit"]  # a rate
    assert not gz.teaching.indicator_judgement(d, "P1", "城市大脑基础平台")["output_as_benefit"]  # an output
    assert gz.teaching.check_indicator(d, "p1", "统一身份认证", "yes", "否", "是", True, lang="en")
    verdict = gz.teaching.check_indicator(d, 1, "统一身份认证", True, False, True, False, lang="en")
    assert not verdict and str(verdict).startswith("✘ `output_as_benefit` = False:")
    assert "measurable`" not in str(verdict)
    verdict = gz.teaching.check_indicator(d, "P1", "统一身份认证", "maybe", False, True, True, lang="en")
    assert "`measurable` = 'maybe' is not a judgement" in str(verdict)
    assert "'15秒接通率'" in str(gz.teaching.check_indicator(d, "P2", "15秒", True, False, True, False))
    assert "P1, P2" in str(gz.teaching.check_indicator(d, "P99", "x", True, False, True, False, lang="en"))


def test_verdicts_are_sentences_never_a_bare_bool(d):
    verdicts = [
        gz.teaching.check_basic_split(d, 1648.09, 214.31, 0.01, lang="en"),
        gz.teaching.check_subtotal_trace(d, "302", 214.31, lang="en"),
        gz.teaching.check_without_carryover(d, None, None, None, lang="en"),
    ]
    for verdict in verdicts:
        for shown in (repr(verdict), str(verdict), verdict._repr_html_()):
            assert shown not in ("True", "False") and len(shown.split()) > 3, shown


def _answers(d) -> dict[str, dict]:
    """Each exercise's answers as the data gives them, in the forms a student might type."""
    total = d.table("一般公共预算基本支出表").query("code.isna()").iloc[0]
    gaps = gz.teaching.subtotal_gaps(d).query("subtotal_gap != 0").iloc[0]
    top = gz.teaching.shrink_without_carryover(d)
    return {
        "teaching_ex_01_basic_spending": {
            "personnel": f"{total['personnel']:,.2f}",
            "public_operations": float(total["public_operations"]),
            "difference": round(total["total"] - total["personnel"] - total["public_operations"], 2),
            "code": int(gaps["code"]),
            "items_total": f"{gaps['items_sum']:,.2f}",
        },
        "teaching_ex_02_without_carryover": {
            "disappear": str(int(gz.carryover(d)["carryover_only"].sum())),
            "code": top["code"],
            "share": f"{top['share_carried_over']:.1%}",
        },
        "teaching_ex_03_judge_an_indicator": {
            "project_id": "P1",
            "indicator": "统一身份认证",
            "measurable": True,
            "ambition_judgeable": "否",
            "sensible": "yes",
            "output_as_benefit": True,
        },
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("source", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_an_exercise_filled_in_is_judged_right(d, source, lang):
    """The exercise's own cells, run here with LANG and its answer cell filled in: every check says right;
    left as None, every check says "not answered yet" and the notebook runs on."""
    answers = _answers(d)[source.stem]
    cells = [c.source for c in jupytext.read(source).cells if c.cell_type == "code"]
    checks = [c for c in cells if "gz.teaching.check" in c]
    assert checks, "an exercise ends its answer with a check"
    for filled in (True, False):
        scope = {}
        for code in cells:
            if code in checks:
                verdict = eval(code, scope)
                assert (verdict.ok is True) if filled else (verdict.ok is None), str(verdict)
                assert str(verdict) != str(bool(verdict))
                continue
            exec(code.replace('LANG = "en"', f'LANG = "{lang}"'), scope)
            if filled:
                scope.update({k: v for k, v in answers.items() if k in scope and scope[k] is None})
        assert set(answers) <= set(scope), "the answer cell sets every value the check reads"


@pytest.mark.parametrize("source", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_no_exercise_gives_its_answer_away(d, source):
    """No figure of the answer appears in the exercise's prose (either language): the questions to think
    about come after the check and name no result."""
    answers = _answers(d)[source.stem]
    prose = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "markdown")
    prose = re.sub(r"(?:to |到)0\.01", "", prose)  # the precision asked for ("rounded to 0.01") is no answer
    given = set()
    for name, value in answers.items():
        if source.stem.startswith("teaching_ex_03"):
            break  # judgements of an indicator the student chooses: no figure to give away
            continue  # a judgement; the indicator to judge is the student's choice
        if name == "code" and source.stem.startswith("teaching_ex_01"):
            continue  # the exercise lists the classes to choose from (301, 302, 303)
        text = str(value).replace(",", "").removesuffix("%")
        number = float(text)
        forms = {f"{number:,.2f}", f"{number:.2f}", f"{number:g}"} if number >= 1 else {f"{number:.2f}"}
        if name == "share":
            forms = {text, f"{number / 100:.3f}"}
        if name == "disappear":
            forms = {f"{text} classes", f"{text}个类"}
        given |= {f for f in forms if re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", prose)}
    assert not given, f"the exercise gives away {sorted(given)}"


def test_project_spending_by_economic_is_what_the_narrative_states(d, tmp_path):
    """Solution 2's split of project spending (line 583): no 312 对企业补助; a narrative without it says so."""
    split = gz.teaching.project_spending_by_economic(d, lang="en").set_index("code")
    assert split["amount"].to_dict() == {"301": 58.02, "302": 16396.77, "310": 4238.23, "399": 700.0}
    assert split["source_line"].eq(583).all() and "312" not in split.index
    assert round(split["amount"].sum(), 2) == 21393.02  # 项目支出, line 581
    folder = d.to_csv(tmp_path / d.id)
    figures = folder / "narrative_figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines()
    figures.write_text("\n".join([lines[0], *(x for x in lines[1:] if ",项目支出," not in x)]) + "\n")
    with pytest.raises(gz.NotInDisclosure, match="states no split of project spending"):
        gz.teaching.project_spending_by_economic(gz.load(folder))
