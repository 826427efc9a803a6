"""A budget of a city no template family describes, printed to PDF by Chromium, for the reader's tests.

Its tables are titled as no shared document titles them (附表一 部门预算收支总览表 …), its amounts are in 元
with separators, its 支出明细表 prints code and name in one cell, its summary labels its totals 收入合计 /
支出合计 and its 三公 table lists the items as rows. The figures are made up and consistent: the 类 add up
to the 合计, both sides of the summary are equal. ``budget_pdf(folder)`` writes the PDF and returns it with
the figures it prints (in 元).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

UNIT = "某市文化广电旅游局"
# 类 → (name, 款 rows: code, name, basic, project) in 元
SPENDING = {
    "207": ("文化旅游体育与传媒支出", [("20701", "文化和旅游", 3_456_789.12, 12_345_678.90)]),
    "208": ("社会保障和就业支出", [("20805", "行政事业单位养老支出", 1_234_567.80, 0.0)]),
    "221": ("住房保障支出", [("22102", "住房改革支出", 654_321.00, 0.0)]),
}
THREE_PUBLIC = {
    "合计": 123_000.00,
    "1、因公出国（境）费": 0.0,
    "2、公务接待费": 23_000.00,
    "3、公务用车购置及运行费": 100_000.00,
}

# Its performance table (附表五, a title no shared document prints): project name and amount merged over their
# indicators, 一级/二级指标 merged over theirs, a long indicator wrapped inside its cell. The projects' amounts
# add up to the 项目支出 of 20701. (project, amount in 元, [(一级, 二级, 三级, 指标值)])
PROJECTS = [
    (
        "智慧文旅平台运维项目",
        2_345_678.90,
        [
            (
                "产出指标",
                "数量指标",
                "平台接入景区数量（含新增及存量的A级景区和重点文博场馆、公共图书馆）",
                "≥35个",
            ),
            ("产出指标", "质量指标", "系统可用率", "≥99.5%"),
            ("效益指标", "社会效益指标", "游客满意度", "≥90%"),
        ],
    ),
    (
        "公共文化服务提升项目",
        10_000_000.00,
        [
            ("成本指标", "经济成本指标", "项目总成本", "≤1000万元"),
            ("产出指标", "数量指标", "送戏下乡场次", "≥120场"),
            ("产出指标", "数量指标", "公共图书馆新增藏书", "≥5万册"),
            ("产出指标", "时效指标", "活动按时完成率", "=100%"),
            ("效益指标", "社会效益指标", "群众文化活动参与人次", "提高"),
        ],
    ),
]


def _performance_table() -> str:
    """The performance table, with merged (rowspan) cells."""
    head = "".join(
        f"<th>{h}</th>" for h in ["项目名称", "项目金额", "一级指标", "二级指标", "三级指标", "指标值"]
    )
    rows = []
    for name, amount, indicators in PROJECTS:
        for i, (l1, l2, l3, value) in enumerate(indicators):
            cells = []
            if i == 0:
                n = len(indicators)
                cells += [f'<td rowspan="{n}">{name}</td>', f'<td rowspan="{n}">{_money(amount)}</td>']
            for level, at in ((l1, 0), (l2, 1)):
                keys = [x[: at + 1] for x in indicators]
                if i == 0 or keys[i] != keys[i - 1]:
                    cells.append(f'<td rowspan="{keys.count(keys[i])}">{level}</td>')
            cells += [f'<td style="width:30%">{l3}</td>', f"<td>{value}</td>"]
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<section><h2>附表五 重点项目绩效目标申报表</h2><p class="unit">单位：元</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _money(v: float) -> str:
    return f"{v:,.2f}"


def figures() -> dict:
    classes = {code: sum(b + p for _, _, b, p in items) for code, (_, items) in SPENDING.items()}
    total = sum(classes.values())
    return {"classes": classes, "total": total}


def _table(title: str, head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (
        f'<section><h2>{title}</h2><p class="unit">单位：元</p>'
        f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table></section>"
    )


def html() -> str:
    f = figures()
    total = _money(f["total"])
    basic = sum(b for _, items in SPENDING.values() for _, _, b, _ in items)
    project = f["total"] - basic
    summary = [
        ["一、财政拨款收入", total, "一、文化旅游体育与传媒支出", _money(f["classes"]["207"])],
        ["二、事业收入", "", "二、社会保障和就业支出", _money(f["classes"]["208"])],
        ["三、其他收入", "", "三、住房保障支出", _money(f["classes"]["221"])],
        ["收入合计", total, "支出合计", total],
    ]
    spending = [["合计", total, _money(basic), _money(project)]]
    for code, (name, items) in SPENDING.items():
        spending.append(
            [
                f"{code} {name}",
                _money(f["classes"][code]),
                _money(sum(b for *_, b, _ in items)),
                _money(sum(p for *_, p in items)),
            ]
        )
        for sub, subname, b, p in items:
            spending.append([f"{sub} {subname}", _money(b + p), _money(b), _money(p)])
    income = [["合计", total, total, ""]] + [
        [f"{code} {name}", _money(f["classes"][code]), _money(f["classes"][code]), ""]
        for code, (name, _) in SPENDING.items()
    ]
    tables = [
        _table("附表一 部门预算收支总览表", ["收入项目", "金额", "支出项目", "金额"], summary),
        _table("附表二 部门预算收入明细表", ["科目编码及名称", "合计", "财政拨款收入", "事业收入"], income),
        _table("附表三 部门预算支出明细表", ["科目编码及名称", "合计", "基本支出", "项目支出"], spending),
        _table(
            "附表四 “三公”经费预算情况表",
            ["项目", "预算数"],
            [[k, _money(v)] for k, v in THREE_PUBLIC.items()],
        ),
        _performance_table(),
    ]
    style = (
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:11px} section{page-break-after:always}"
        "table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;padding:3px 6px}"
        "td:not(:first-child){text-align:right} h2{text-align:center;font-size:16px}"
    )
    cover = f"<section><h1>{UNIT}2026年部门预算</h1><p>某市2026年市级部门预算公开</p></section>"
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{cover}{''.join(tables)}</body></html>"


def _print(page_html: str, folder: Path, stem: str) -> Path | None:
    """``page_html`` printed by Chromium to ``folder/stem.pdf`` (None where no Chromium is installed)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return None
    page = folder / f"{stem}.html"
    page.write_text(page_html, encoding="utf-8")
    out = folder / f"{stem}.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


def budget_pdf(folder: Path) -> Path | None:
    """The document as a PDF (None where no Chromium is installed)."""
    return _print(html(), folder, "unseen-city-2026")


# Three more performance forms of the unseen city, worded as no shared document words them (see
# tests/test_pdf_unseen_city.py): a department-wide form with its labels and goal above the indicators,
# a project table without indicator levels (指标名称 | 指标值 | 计量单位, the value printed apart from its unit
# and without a comparison), and a table of goals only (项目 | 预算数 | 年度目标).
DEPARTMENT_FORM = {
    "name": "某市文化广电旅游局",
    "amount": 12_345_678.00,
    "goal": "推进公共文化服务体系建设，提升文旅融合发展水平。",
    "indicators": [
        ("产出指标", "数量指标", "文化惠民演出场次", "≥200场"),
        ("效益指标", "社会效益指标", "公众满意度", "≥90%"),
    ],
}
# (project, amount in 元, goal, [(指标名称, 指标值, 计量单位)])
LEVELLESS = [
    (
        "文物保护修缮项目",
        3_000_000.00,
        "完成重点文物修缮。",
        [("修缮文物点数量", "12", "处"), ("验收合格率", "100", "%")],
    ),
    ("全民健身设施项目", 1_500_000.00, "新建健身路径。", [("新建健身路径", "30", "条")]),
]
# (project, amount in 万元, goal)
GOALS = [
    ("旅游宣传推广", "260.00", "开展旅游宣传推广活动，提升城市旅游知名度。"),
    ("非遗传承保护", "85.50", "支持非遗传承人开展传习活动。"),
]


def _forms_html() -> str:
    d = DEPARTMENT_FORM
    rows = "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{v}</td></tr>" for a, b, c, v in d["indicators"]
    )
    department = (
        '<section><h2>附表六 部门整体绩效目标表</h2><p class="unit">单位：元</p><table>'
        f"<tr><td>部门名称</td><td colspan='3'>{d['name']}</td></tr>"
        f"<tr><td>资金总额</td><td colspan='3'>{_money(d['amount'])}</td></tr>"
        f"<tr><td>年度绩效目标</td><td colspan='3'>{d['goal']}</td></tr>"
        "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>"
        f"{rows}</table></section>"
    )
    body = []
    for name, amount, goal, indicators in LEVELLESS:
        for i, (indicator, value, unit) in enumerate(indicators):
            cells = ""
            if i == 0:
                n = len(indicators)
                cells = (
                    f'<td rowspan="{n}">{name}</td><td rowspan="{n}">{_money(amount)}</td>'
                    f'<td rowspan="{n}">{goal}</td>'
                )
            body.append(f"<tr>{cells}<td>{indicator}</td><td>{value}</td><td>{unit}</td></tr>")
    head = "".join(
        f"<th>{h}</th>"
        for h in ["项目名称", "年度预算金额", "年度绩效目标", "指标名称", "指标值", "计量单位"]
    )
    levelless = (
        '<section><h2>附表七 项目绩效目标表</h2><p class="unit">单位：元</p>'
        f"<table><tr>{head}</tr>{''.join(body)}</table></section>"
    )
    goals = _table(
        "附表八 重点项目绩效目标", ["项目", "预算数（单位：万元）", "年度目标"], [list(g) for g in GOALS]
    )
    goals = goals.replace('<p class="unit">单位：元</p>', "")
    style = (
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:11px} section{page-break-after:always}"
        "table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;padding:3px 6px}"
        "h2{text-align:center;font-size:16px}"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>"
        f"{department}{levelless}{goals}</body></html>"
    )


def forms_pdf(folder: Path) -> Path | None:
    """The three forms as a PDF (None where no Chromium is installed)."""
    return _print(_forms_html(), folder, "unseen-city-forms-2026")
