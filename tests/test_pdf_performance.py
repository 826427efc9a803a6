"""Performance tables (绩效目标表) read from the shared PDFs (../shared/corpus; skipped without it).

Per document that prints project tables with indicator levels: the projects and indicators read, their
amounts as printed, a few indicators (level, operator, number, unit) as their printed line has them. Per
document without: the package says whether the document prints none or prints some that could not be read,
and `gz.targets` raises `gz.NotInDisclosure` with that one sentence. The expected figures were read off the
PDFs' pages (cited per case).
"""

from __future__ import annotations

import warnings

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
# Printed, but not in the levelled form the indicators table needs (重庆: 指标名称 / 指标性质 / 指标值 / 计量单位
# with no 一级/二级指标; 杭州: 项目名称 / 金额 / 绩效目标 with no indicator): the sentence names the table and page.
NOT_READ = {
    "chongqing-meteorology-2026": "2026年市级一般性项目绩效目标表(一级项目), pages 22–22",
    "chongqing-government-office-2026": "2026年市级一般性项目绩效目标表(一级项目), pages 24–24",
    "hangzhou-meteorology-2026": "表11:2026年市级部门项目支出绩效表, pages 25–25",
    # 广州交通 page 83: 七、重点项目预算绩效目标情况, 项目 / 预算数 / 绩效目标 with no indicator
    "guangzhou-transport-2026": "七、重点项目预算绩效目标情况",
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
    p = d.table("projects")
    assert dict(zip(p["name"], p["funds_total"].map("{:.2f}".format), strict=True)) == amounts
    assert len(d.table("indicators")) == n_indicators
    for r in p.itertuples():  # each amount is on the line the package cites
        assert r.funds_total_line and f"{r.funds_total:.2f}" in _line(folder, r.funds_total_line).split("\t")
    t = gz.targets(d, lang="zh")
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


def test_department_wide_tables_are_not_projects(packages):
    """西安信访's 部门整体支出绩效目标表 (page 42) is noted, not read as a project."""
    result, folder = packages("xian-petitions-2026")
    perf = result.reading.performance
    assert any(s.startswith("部门整体支出绩效目标表 (page 42") for s in perf.not_read)
    assert "保运转" not in set(_load(folder).table("projects")["name"])


@pytest.mark.parametrize("stem", sorted(NOT_READ))
def test_printed_but_not_read_says_where(packages, stem):
    _, folder = packages(stem)
    d = _load(folder)
    assert d.table("projects").empty
    with pytest.raises(gz.NotInDisclosure) as err:
        gz.targets(d)
    message = str(err.value)
    assert "could not be read" in message and NOT_READ[stem] in message


@pytest.mark.parametrize("stem", sorted(set(BY_STEM) - set(READ) - set(NOT_READ)))
def test_not_printed_says_so(packages, stem):
    _, folder = packages(stem)
    d = _load(folder)
    assert d.table("projects").empty and d.table("indicators").empty
    with pytest.raises(gz.NotInDisclosure) as err:
        gz.targets(d)
    assert "the document prints no project performance tables (项目支出绩效目标表)" in str(err.value)
    assert "could not be read" not in str(err.value)
    if stem == "xian-emergency":  # it prints overall (整体) tables only: named, with their pages
        assert "2019年部门整体支出绩效目标表 (page 34" in str(err.value)


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


def test_the_report_sentence_tells_printed_from_read(packages):
    """gz.prose.targets, the sentence of another document's page 04: the counts where the tables are read;
    where they are printed but not read, that they are printed and why they were not read (not "none")."""
    _, folder = packages("changsha-petitions-2026")
    (said,) = gz.prose.targets(_load(folder), "en")
    assert said == (
        "It prints performance target tables (项目支出绩效目标表) for 4 projects, with 76 indicators, 41 of which "
        "state a number."
    )
    _, folder = packages("chongqing-meteorology-2026")
    d = _load(folder)
    (said,) = gz.prose.targets(d, "en")
    assert said.startswith(
        "This document prints performance target tables (项目支出绩效目标表), but they could not"
    )
    assert NOT_READ["chongqing-meteorology-2026"] in said
    assert "未能读取" in gz.prose.targets(d, "zh")[0]
