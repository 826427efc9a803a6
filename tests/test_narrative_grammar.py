"""The narrative grammar (gzanalysis/ingest/statements.py, phrasings in narrative.toml) on the ways
cities word a change: one grammar for the OCR text and the PDF text."""

from __future__ import annotations

import pytest

from gzanalysis.ingest.pdf.narrative import clean_item, normalise, read
from gzanalysis.ingest.statements import classify, find, join_lines, split_joint, unparsed


@pytest.mark.parametrize(
    "text, item, amount, change, rate, compared",
    [
        # 赣州 (the seed): 较上年预算安排
        (
            "2023年收入预算总额为 23255.42 万元,较上年预算安排增加 8471.56 万元,主要原因为单位人员增加。",
            "收入预算总额",
            "23255.42",
            "8471.56",
            "",
            "上年预算",
        ),
        # 杭州: 比上年执行数, a rate
        (
            "2026年收入预算5,876.67万元,比上年执行数增加48.92万元,增长0.8%,与上年基本持平。",
            "年收入预算",
            "5876.67",
            "48.92",
            "0.8",
            "上年执行",
        ),
        # 深圳: 较2025年年初预算, a decrease and its rate
        (
            "2026年深圳市审计局部门预算收入10,737.69万元,较2025年年初预算减少176.45万元,下降1.6%。",
            "年深圳市审计局部门预算收入",
            "10737.69",
            "-176.45",
            "-1.6",
            "上年预算",
        ),
        # 长沙: the amount stated before, the change with its subject
        ("收入较去年增加54.13万元,上升2.88%。", "收入", "", "54.13", "2.88", "上年"),
        # 重庆: the purpose between the amount and the comparison
        (
            "基本支出9,018.47万元,主要用于保障在职人员工资福利,比2025年增加362.10万元,主要原因是人员增加。",
            "基本支出",
            "9018.47",
            "362.10",
            "",
            "上年",
        ),
        # 持平
        ("公务接待费10万元,与2025持平;", "公务接待费", "10", "0", "", "上年"),
        # wordings no shared document prints, as a city never seen may: 同比, 上年度, 上一年度, 2025年度 …数
        (
            "2026年收入预算12,345.67万元,同比增加1,234.56万元,增长11.1%。",
            "年收入预算",
            "12345.67",
            "1234.56",
            "11.1",
            "上年",
        ),
        (
            "支出预算总计8,000.00万元,比上年度预算减少200.00万元。",
            "支出预算总计",
            "8000.00",
            "-200.00",
            "",
            "上年预算",
        ),
        (
            "收入预算总额12,345.67万元,比上一年度执行数增加34.00万元。",
            "收入预算总额",
            "12345.67",
            "34.00",
            "",
            "上年执行",
        ),
        (
            "收入预算总额12,345.67万元,较2025年度批复预算数增加34.00万元。",
            "收入预算总额",
            "12345.67",
            "34.00",
            "",
            "上年预算",
        ),
    ],
)
def test_one_grammar_reads_each_wording(text, item, amount, change, rate, compared):
    (s,) = [s for s in find(text) if s.item.endswith(item[-4:])]
    assert (s.amount, s.change, s.rate, s.compared_with) == (amount, change, rate, compared)


def test_reason_runs_to_the_next_statement_and_may_follow_a_full_stop():
    text = (
        "2026年本部门收入预算3,944.08万元,比上年增加286.07万元,增长7.8%,主要原因是一是人员增加;二是项目增加;"
        "支出预算3,944.08万元,比上年增加286.07万元。主要是人员经费增加。"
    )
    income, spending = find(text)
    assert income.reason == "一是人员增加;二是项目增加"
    assert spending.item == "支出预算" and spending.reason == "人员经费增加"


def test_joint_statement_of_income_and_expenditure():
    (s,) = find(
        "苏州市审计局2026年度收入、支出预算总计4,651.67万元,与上年相比收、支预算总计各增加47.15万元,增长1.02%。"
    )
    assert s.joint and split_joint(s) == ["收入预算总计", "支出预算总计"]
    assert [classify(i, None)[:3:2] for i in split_joint(s)] == [("收入预算", "total"), ("支出预算", "total")]
    (f,) = find("与上年相比,财政拨款收、支总计各增加47.15万元,增长1.02%。")
    assert split_joint(f) == ["财政拨款支出总计"]


def test_a_change_statement_not_read_is_kept_with_its_reason():
    text = "1.科学技术支出:主要用于科研方面的支出。比上年执行数减少113.53万元,下降80.2%。本部门没有政府性基金支出,与上年持平。"
    found = find(text)
    kept = unparsed(text, found)
    assert [why.split(" ")[0] for _, _, why in kept] == ["a", "states"]
    assert "113.53" in text[kept[0][0] : kept[0][1]]


def test_lines_joined_across_a_page_break_and_items_cleaned():
    layer = "\n".join(
        [
            "[page 1]",
            "第二部分\t部门预算收支总体情况",
            "2026\t年深圳市民政局部门预算收入\t28,283.46\t万",
            "-3-",
            "[page 2]",
            "元，较\t2025\t年年初预算增加\t14,309.95\t万元，增长\t102.4%。",
            "2．上年结转结余为0万元。与上年预算数相同。",
        ]
    )
    story = read(layer, set())
    first = story.changes[0]
    assert (first["item"], first["amount"], first["change"], first["page"]) == (
        "深圳市民政局部门预算收入",
        "28283.46",
        "14309.95",
        "1",
    )
    assert (first["section"], first["grouping"], first["compared_with"]) == ("收入预算", "total", "上年预算")
    assert [f["amount"] for f in story.figures if f["topic"] == "上年结转"] == ["0"]
    assert normalise("收入\t1,935.\t36万元，") == "收入1,935.36万元,"
    assert (
        clean_item("第二部分部门预算收支总体情况2026年深圳市审计局部门预算收入") == "深圳市审计局部门预算收入"
    )
    assert [p.text for p in join_lines([(1, "一、收入"), (2, "122.98万元,")])] == ["一、收入", "122.98万元,"]
