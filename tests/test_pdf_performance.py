"""Performance tables (绩效目标表) read from the shared PDFs (../shared/corpus; skipped without it).

Per document that prints project tables with indicator levels: the projects and indicators read, their
amounts as printed, a few indicators (level, operator, number, unit) as their printed line has them. Per
document without: the package says whether the document prints none or prints some that could not be read,
and `gz.targets` raises `gz.NotInDisclosure` with that one sentence. The expected figures were read off the
PDFs' pages (cited per case).
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import gzanalysis as gz
from gzanalysis.ingest.pdf import ingest_pdf
from tests.test_ingest_pdf import PDFS

pytestmark = pytest.mark.skipif(not PDFS, reason="../shared/corpus is not beside this checkout")
BY_STEM = {p.stem: p for p in PDFS}

# stem → (indicators read, {project name: 资金总额 as printed}); pages of the tables in the comments.
READ = {
    # 长沙: 2026年项目支出绩效目标表, pages 22–29: name and 资金总额 are merged cells over the indicators
    "changsha-petitions-2026": (
        76,
        {
            "基层及其他信访业务工作经费专项": "35.78",
            "人民来访接待中心及特护期运行专项": "10.22",
            "人民来访接待中心业务专项": "102.80",
            "信访业务工作专项": "138.11",
        },
    ),
    # 福州: 环境管理监察监测经费项目绩效目标表, pages 23–24 (its grid runs on to page 24 without a header)
    "fuzhou-ecology-environment-2026": (14, {"环境管理监察监测经费": "306.00"}),
    # 西安信访: 表14 部门专项业务经费绩效目标表, one per page, pages 33–41
    "xian-petitions-2026": (
        63,
        {
            "接待中心安保服务": "50.00",
            "接待中心人员办公事务": "24.70",
            "联合学院善后办工作事务": "103.50",
            "物业管理服务": "89.70",
            "法律顾问服务": "9.00",
            "接待中心人员信访岗位津贴": "14.68",
            "接待中心运维": "115.00",
            "食堂包厨服务": "173.41",
            "信访业务": "27.00",
        },
    ),
}
# Tables of the department (or a fund) as a whole (部门整体), read with scope "department":
# stem → {name: (indicators, 资金总额 as printed or None where the table prints none)}.
DEPARTMENT = {
    # 长沙 pages 30–32: 2026年部门整体支出绩效目标表, one table, its header printed on each page: 126001 长沙市信访局,
    # 资金总额 1,935.36 (page 30), under a header of several rows (年度预算申请 / 资金总额, 指标值类 / 型)
    "changsha-petitions-2026": [("长沙市信访局", 25, "1935.36")],
    # 重庆 表十, pages 19–20: 单位名称:重庆市气象局, 当年整体绩效目标, then 指标名称 | 指标性质 | … (no levels)
    "chongqing-meteorology-2026": [("重庆市气象局", 11, None)],
    "chongqing-government-office-2026": [("重庆市人民政府办公厅", 10, None)],
    # 西安应急 附表14, pages 33–38: 部门（单位）名称 on page 33 above the goals, the indicators on 34–38 (指标1–15
    # for each of seven 二级指标, plus one 经济效益 and one 生态效益: 107), 金额合计 3,643.37 (page 33); 附表15
    # 专项资金整体支出绩效目标表, pages 39–45: its 专项（项目）名称 printed as 西安市安全生产监督管理局 (and 主管部门
    # as 安全生产专项资金: the two as printed), 指标1–14 for each of seven, plus two: 100. Merged cells broken by
    # the pages, their labels drawn beyond the page's edge, and pages that begin inside the grid.
    "xian-emergency": [
        ("西安市安全生产监督管理局", 107, "3643.37"),
        ("西安市安全生产监督管理局", 100, "1620.98"),
    ],
    # 西安信访 page 42: 部门整体支出绩效目标表, 金额合计 2838.42
    "xian-petitions-2026": [("西安市信访局", 14, "2838.42")],
}
# Project tables without indicator levels (重庆 表十二: 序号 | 项目名称 | 当年财政拨款预算金额 | 当年绩效目标 |
# 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重): stem → (project, 财政拨款 as printed, indicators).
NO_LEVELS = {
    "chongqing-meteorology-2026": ("气象事务", "4902.34", 12),  # page 22: 4,902.34
    "chongqing-government-office-2026": (
        "市政府办公厅业务及日常运行项目",
        "8534.17",
        11,
    ),  # page 24: 8,534.17
}
# Tables of goals without indicators (项目名称 | 金额 | 绩效目标): stem → (projects, {name: amount as printed}).
GOALS_ONLY = {
    # 杭州 表11 page 25: 单位名称 | 项目名称 | 金额 | 绩效目标
    "hangzhou-meteorology-2026": (
        3,
        {"气象业务建设": "1097.02", "气象设施维护及科普": "887.90", "专业系统维护及科普": "146.69"},
    ),
    # 广州交通 七、重点项目预算绩效目标情况, pages 83–94: 项目 | 预算数（单位：万元） | 绩效目标
    "guangzhou-transport-2026": (
        60,
        {
            "南沙港快速路苏十顷至南沙港区段四类及以上货车通行费补贴": "3500.00",
            "公共交通财政补贴": "300000.00",
        },
    ),
    # 广州信访 七、重点项目预算绩效目标情况, page 23
    "guangzhou-petitions-2026": (1, {"云客服服务外包项目": "252.28"}),
    # 深圳 第七部分 重点项目预算绩效情况说明: 二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标
    "shenzhen-audit-2026": (5, {"规划类经费": "6.50", "审计管理业务": "506.95"}),  # pages 13–14
    "shenzhen-civil-affairs-2026": (7, {"福利彩票公益金项目": "19336.15"}),  # pages 11–12: 19,336.15
    "shenzhen-transport-2026": (1, {"管养维护项目": "2573.40"}),  # pages 17–18: 2,573.40
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    root = tmp_path_factory.mktemp("perf")
    cache = {}

    def get(stem):
        if stem not in cache:
            result = ingest_pdf(BY_STEM[stem])
            cache[stem] = (result, result.write(root / stem))
        return cache[stem]

    return get


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gz.load(folder)


def _line(folder, n) -> str:
    return (folder / "source.txt").read_text(encoding="utf-8").split("\n")[int(n) - 1]


@pytest.mark.parametrize("stem", sorted(READ))
def test_projects_and_amounts_as_printed(packages, stem):
    result, folder = packages(stem)
    d = _load(folder)
    n_indicators, amounts = READ[stem]
    p = d.table("projects").query("scope == 'project'")
    assert dict(zip(p["name"], p["funds_total"].map("{:.2f}".format), strict=True)) == amounts
    assert d.table("indicators")["project_id"].isin(p["project_id"]).sum() == n_indicators
    for r in p.itertuples():  # each amount is on the line the package cites
        assert r.funds_total_line and f"{r.funds_total:.2f}" in _line(folder, r.funds_total_line).split("\t")
    t = gz.targets(d, lang="zh").query("table_of == 'project_table'")
    assert len(t) == n_indicators and set(t["project"]) == set(amounts)
    assert "Performance tables: " in result.report()


# (stem, 三级指标, 二级指标, 一级指标, operator, number, unit, value_text): each checked against its line
INDICATORS = [
    # 长沙 page 22: 数量指标 | 调拨经费单位数 | 10 | … | 个 | ≥ (operator, number and unit in three columns)
    ("changsha-petitions-2026", "调拨经费单位数", "数量指标", "产出指标", "≥", 10, "个", "≥10个"),
    # 长沙 page 22: 经济成本指标 (wrapped: 经济成本指 / 标) | 总成本 | 35.78 | 不超过预算 | … | 万元 | ≤
    ("changsha-petitions-2026", "总成本", "经济成本指标", "成本指标", "≤", 35.78, "万元", "≤35.78万元"),
    # 福州 page 24: 生态效益指标 | 空气质量优良天数比例 | ≥98.6% (一级 效益指标 a merged cell over six rows)
    (
        "fuzhou-ecology-environment-2026",
        "空气质量优良天数比例",
        "生态效益指标",
        "效益指标",
        "≥",
        98.6,
        "%",
        "≥98.6%",
    ),
    # 福州 page 24, first row: 废气监测企业数量 ≥5家, its 数量指标 cell begun on page 23
    ("fuzhou-ecology-environment-2026", "废气监测企业数量", "数量指标", "产出指标", "≥", 5, "家", "≥5家"),
    # 西安 page 35: 质量指标 | 验收合格率 | ≧95% (the operator printed as ≧)
    ("xian-petitions-2026", "验收合格率", "质量指标", "产出指标", "≥", 95, "%", "≧95%"),
    # 西安 page 37: 时效指标 | 法律咨询响应时间 | ≤2小时
    ("xian-petitions-2026", "法律咨询响应时间", "时效指标", "产出指标", "≤", 2, "小时", "≤2小时"),
]


@pytest.mark.parametrize(("stem", "level3", "level2", "level1", "op", "number", "unit", "value"), INDICATORS)
def test_indicator_as_printed(packages, stem, level3, level2, level1, op, number, unit, value):
    _, folder = packages(stem)
    ind = _load(folder).table("indicators")
    row = ind[ind["level3"] == level3].iloc[0]
    assert (row.level1, row.level2, row.operator, row.number, row.unit, row.value_text) == (
        level1,
        level2,
        op,
        number,
        unit,
        value,
    )
    printed = _line(folder, row.source_line).replace("\t", "")
    assert str(number).removesuffix(".0") in printed  # the number is on the line the package cites


def test_a_wrapped_indicator_is_one_row(packages):
    """长沙 page 24: 来访接待中心登 / 记电脑、网络正 / 常运行率 is one cell of three lines, one indicator."""
    _, folder = packages("changsha-petitions-2026")
    ind = _load(folder).table("indicators")
    assert "来访接待中心登记电脑、网络正常运行率" in set(ind["level3"])
    assert not ind["level3"].fillna("").str.fullmatch("记电脑、网络正|常运行率").any()


def test_projects_checked_against_the_printed_total(packages):
    """长沙 prints 合计 417.41 (page 22) over tables for four projects that add up to 286.91: said, not hidden."""
    result, _ = packages("changsha-petitions-2026")
    assert any(
        "add up to 286.91, which does not equal the printed 合计 417.41 (page 22" in f
        and "the table's note: 注:已剔除涉密部分" in f  # page 29: classified projects left out
        for f in result.reading.performance.findings
    )


@pytest.mark.parametrize(
    ("stem", "rule", "lhs", "rhs"),
    [
        # 长沙: the four tables' 资金总额 against 项目支出 417.41 of the 部门支出总表 (page 14)
        ("changsha-petitions-2026", "projects.coverage.funds_total", 286.91, 417.41),
        # 西安信访: the nine tables' 财政拨款 against the 一般公共预算 专项业务经费支出 9,056,120.00 元 (表6, page 24)
        ("xian-petitions-2026", "projects.coverage.funds_fiscal", 606.99, 905.612),
        # 福州: the one table covers all project spending
        ("fuzhou-ecology-environment-2026", "projects.coverage.funds_total", 306.0, 306.0),
    ],
)
def test_coverage_of_project_spending(packages, stem, rule, lhs, rhs):
    """The audit's coverage rule runs on a PDF package: project spending with a performance table."""
    _, folder = packages(stem)
    row = gz.audit(_load(folder)).set_index("rule").loc[rule]
    assert (row.lhs, row.rhs) == pytest.approx((lhs, rhs))


def test_project_amounts_against_the_project_table(packages):
    """西安信访 lists its projects in 表10 部门综合预算专项业务经费支出表 (page 29, in 元): eight agree with their
    performance tables; 食堂包厨服务 is 1,310,300.00 元 there and 173.41 万元 in its table (page 40), whose cost
    indicators (≤42.38万元；≤88.65万元) add up to 131.03: the two amounts are reported, neither is changed."""
    result, folder = packages("xian-petitions-2026")
    findings = result.reading.performance.findings
    assert (
        "8 of the 9 projects named in another table of the document have the same amount there (to the cent)"
        in findings
    )
    assert any(
        f.startswith("P8 食堂包厨服务: 资金总额 173.41 (line ")
        and "against 131.03 in 部门综合预算专项业务经费支出表 (page 29" in f
        for f in findings
    )
    assert "P8 食堂包厨服务" in (folder / "ingest_report.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", sorted(DEPARTMENT))
def test_department_wide_tables_are_read_apart_from_projects(packages, stem):
    """A 部门整体 table is a record of scope "department": its indicators are read, its name and amount are as
    printed, and the audit's coverage of project spending leaves it out."""
    _, folder = packages(stem)
    d = _load(folder)
    p = d.table("projects").query("scope == 'department'")
    ind = d.table("indicators")
    got = [
        (
            r.name,
            int((ind["project_id"] == r.project_id).sum()),
            None if pd.isna(r.funds_total) else f"{r.funds_total:.2f}",
        )
        for r in p.itertuples()
    ]
    assert got == DEPARTMENT[stem]
    for r in p.itertuples():  # the name is on the line the package cites
        assert r.name in _line(folder, r.source_line).replace("\t", "")
    assert set(gz.targets(d).query("project in @p.name")["table_of"]) == {"department_table"}
    coverage = gz.audit(d).set_index("rule")
    if "projects.coverage.funds_total" in coverage.index:
        projects = d.table("projects").query("scope == 'project'")["funds_total"].sum()
        assert coverage.loc["projects.coverage.funds_total", "lhs"] == pytest.approx(projects)


@pytest.mark.parametrize("stem", sorted(NO_LEVELS))
def test_indicators_printed_without_levels(packages, stem):
    """重庆 prints 指标名称 | 指标性质 | 指标值 | 计量单位 with no 一级/二级指标: each row is read with its levels
    empty and a note saying why; the amount column 当年财政拨款预算金额 is the project's 财政拨款."""
    _, folder = packages(stem)
    d = _load(folder)
    name, fiscal, n = NO_LEVELS[stem]
    p = d.table("projects").query("scope == 'project'").set_index("name")
    assert f"{p.loc[name, 'funds_fiscal']:.2f}" == fiscal and pd.isna(p.loc[name, "funds_total"])
    ind = d.table("indicators")
    ind = ind[ind["project_id"] == p.loc[name, "project_id"]]
    assert len(ind) == n
    assert ind["level1"].isna().all() and ind["level2"].isna().all()
    assert ind["note"].str.contains("the table prints no indicator levels").all()
    assert ind["level3"].notna().all() and ind["operator"].notna().all()
    (said,) = [s for s in gz.prose.targets(d, "en") if "without levels" in s]
    assert said.startswith(f"{len(d.table('indicators'))} indicators are printed without levels")  # all


def test_a_word_ends_at_the_rule_its_comma_reaches_over(packages):
    """重庆 page 22: the goal's line ends in a full-width comma whose box reaches over the rule; the indicator
    beside it (短期天气预报准确率 ≥78%) is its own word, read into its own cell."""
    _, folder = packages("chongqing-meteorology-2026")
    ind = _load(folder).table("indicators").set_index("level3")
    assert ind.loc["短期天气预报准确率", "value_text"].tolist() == ["≥78%", "≥78%"]  # 表十 and 表十二


@pytest.mark.parametrize("stem", sorted(GOALS_ONLY))
def test_tables_of_goals_without_indicators(packages, stem):
    """杭州 and 广州 print each project's name, amount and goal (no indicator): projects with goals, no indicators,
    and the report's sentence says so."""
    _, folder = packages(stem)
    d = _load(folder)
    n, amounts = GOALS_ONLY[stem]
    p = d.table("projects")
    assert len(p) == n and p["goal"].notna().all() and (p["scope"] == "project").all()
    got = dict(zip(p["name"], p["funds_total"].map("{:.2f}".format), strict=True))
    assert {k: got.get(k) for k in amounts} == amounts
    assert d.table("indicators").empty
    assert gz.prose.targets(d, "en") == [
        f"It prints the performance goals (绩效目标) of {n} {'projects' if n > 1 else 'project'}, without indicators."
    ]
    assert (gz.targets_summary(d)["indicators"] == 0).sum() == n


def test_an_empty_table_is_said_to_be_empty(packages):
    """重庆 表十一 (page 21) prints its header and 备注:本单位主管无市级财力安排的重点专项资金,故此表无数据."""
    result, _ = packages("chongqing-meteorology-2026")
    assert (
        "2026年市级重点专项资金绩效目标表(一级项目) (page 21): its header is printed with no row under it"
        in (result.reading.performance.findings)
    )


@pytest.mark.parametrize("stem", sorted(set(BY_STEM) - set(READ) - set(DEPARTMENT) - set(GOALS_ONLY)))
def test_not_printed_says_so(packages, stem):
    _, folder = packages(stem)
    d = _load(folder)
    assert d.table("projects").empty and d.table("indicators").empty
    with pytest.raises(gz.NotInDisclosure) as err:
        gz.targets(d)
    assert "the document prints no project performance tables (项目支出绩效目标表)" in str(err.value)
    assert "could not be read" not in str(err.value)


def test_a_page_it_cannot_read_leaves_the_budget_tables(packages, monkeypatch):
    """Where the performance reader stops on a page, the ingest goes on: the budget tables are read and
    the package says the performance tables could not be read, with the reason (not "not printed")."""
    from gzanalysis.ingest.pdf import performance

    def broken(self, page, grid, top, stop, continuing=False):
        raise IndexError("a cell out of its table")

    monkeypatch.setattr(performance._Reader, "body", broken)
    result = ingest_pdf(BY_STEM["fuzhou-ecology-environment-2026"])
    assert result.tables["budget_summary"] and result.tables["projects"] == []
    record = result.reading.template_record
    assert record["not_read"]["projects"].startswith("its performance tables could not be read (IndexError(")
    assert "not_printed" not in record


def test_a_project_continued_on_the_next_page(packages):
    """长沙 page 23 begins inside 基层及其他信访业务工作经费专项 (its name and 35.78 printed again beside the
    rows): those rows are the same project's, and its 16 indicators span both pages."""
    _, folder = packages("changsha-petitions-2026")
    d = _load(folder)
    t = gz.targets(d, lang="zh")
    first = t[t["project"] == "基层及其他信访业务工作经费专项"]
    assert len(first) == 16
    row = first[first["indicator"] == "区县(市)信访事项及时受理率"].iloc[0]
    assert "[page 23]" in "\n".join(
        _line(folder, n) for n in range(int(row.source_line) - 12, int(row.source_line))
    )
    assert (row.operator, row.number, row.unit) == ("≥", 95, "%")
    ind = d.table("indicators").set_index("level3")
    assert (
        ind.loc["群众满意度", "note"].iloc[0]
        == "value_text joins the printed columns 指标值类型, 指标值 and 度量单位"
    )


def test_the_report_sentence_tells_projects_from_the_department(packages):
    """gz.prose.targets, the sentences of another document's page 04: the projects' tables, and the
    department's own (部门整体) apart from them."""
    _, folder = packages("changsha-petitions-2026")
    d = _load(folder)
    projects, department = gz.prose.targets(d, "en")
    assert projects == (
        "It prints performance target tables (项目支出绩效目标表) for 4 projects, with 76 indicators, 41 of which "
        "state a number."
    )
    assert department.startswith(
        "It prints 1 performance target table of the department (or a fund) as a whole (部门整体支出绩效目标表), "
        "with 25 indicators"
    )
    assert gz.prose.targets(d, "zh")[1].startswith("这份公开印有1张部门整体支出绩效目标表，共25个绩效指标")


@pytest.mark.parametrize("stem", sorted(set(READ) | set(DEPARTMENT) | set(GOALS_ONLY)))
def test_read_the_same_with_every_city_template_withheld(packages, stem):
    """The tables are found by their headers (national.toml's [performance]), not by a city's titles: with
    every family withheld, each document gives the same projects and indicators."""
    from gzanalysis.ingest.pdf.templates import names

    result, _ = packages(stem)
    bare = ingest_pdf(BY_STEM[stem], withhold=tuple(names())).reading
    assert bare.template == "national"
    assert bare.performance.projects == result.reading.performance.projects
    assert bare.performance.indicators == result.reading.performance.indicators


def test_a_goal_run_on_to_the_next_page_is_read_whole(packages):
    """西安应急 附表14: 年度总体目标 is one cell from page 33 on to page 34, where its label is not printed
    again; its goals 目标1–目标15 are read whole, in order (附表15: 目标1–目标14, pages 39–40)."""
    import re

    _, folder = packages("xian-emergency")
    goals = _load(folder).table("projects")["goal"].tolist()
    assert [re.findall(r"目标(\d+)[:：]", g) for g in goals] == [
        [str(n) for n in range(1, 16)],
        [str(n) for n in range(1, 15)],
    ]
    assert goals[0].endswith("有效应对突发事故。")


def test_every_row_of_a_table_over_many_pages_is_read(packages):
    """西安应急's two 整体 tables run over five and six pages, their merged 一级/二级 cells broken by the pages
    (labels drawn at a cell's middle, beyond the page's edge; a vertical 年度绩效指标 across a page's top): every
    indicator row is read with its levels, none is left out (the ingest's findings name none)."""
    result, folder = packages("xian-emergency")
    ind = _load(folder).table("indicators")
    assert ind["level1"].notna().all() and ind["level2"].notna().all()
    counts = ind.groupby(["project_id", "level2"]).size()
    assert set(counts["P1"].drop(["经济效益指标", "生态效益指标"])) == {15}  # 指标1–15 under each
    assert set(counts["P2"].drop(["经济效益指标", "生态效益指标"])) == {14}
    assert not [f for f in result.reading.performance.findings if "not read" in f]


def test_targets_as_printed_in_one_cell(packages):
    """西安信访: a cell with several targets (≥9547平方米；…；≥36次) gives no one number; a number printed with no
    comparison (235) keeps its number; a unit printed in the indicator's name (…发放金额（元）) is its unit."""
    _, folder = packages("xian-petitions-2026")
    ind = _load(folder).table("indicators").set_index("level3")
    several = ind.loc[ind["value_text"].str.contains("；", na=False)]
    assert len(several) >= 3 and several["number"].isna().all()
    assert several["note"].str.contains("several targets printed in one cell").all()
    (row,) = ind.loc[ind["value_text"] == "235"].itertuples()
    assert pd.isna(row.operator) and (row.number, row.unit) == (235, "元") and row.Index.endswith("(元)")
    assert "unit printed in the indicator's name: (元)" in row.note


def test_text_overflowing_its_cell_stays_with_it(packages):
    """西安应急 page 36: 指标15：应急反应速度和处置能力达到一流水平, its last character printed over the rule into
    the value's cell, is one indicator; its value is 完成率100%."""
    _, folder = packages("xian-emergency")
    ind = _load(folder).table("indicators")
    row = ind[ind["level3"] == "指标15:应急反应速度和处置能力达到一流水平"]
    assert len(row) == 1 and set(row["value_text"]) == {"完成率100%"}
