# %% [markdown] tags=["lang-en"]
# # Performance targets: what the eight projects promise, and how measurable it is
#
# ## Overview
# Each project comes with a **项目支出绩效目标表** (project performance table): its funds, an annual goal
# (年度绩效目标) and indicators in three levels: **一级指标** (cost, output, benefit, satisfaction),
# **二级指标** (quantity, quality, timeliness …) and **三级指标**, the indicator itself, with a target value
# (指标值) such as `≥95%`. Are the promises measurable, can a reader verify them, and do they mean what
# they say? (Whether they are demanding needs a baseline, which the disclosure does not give.)
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `00_start_here` | helpful | |
# | outputs vs outcomes | helpful | 产出 (outputs: what is produced) vs 效益 (benefits, outcomes: what it achieves) |
#
# Time to learn: 15 minutes.

# %% [markdown] tags=["lang-zh"]
# # 绩效目标：八个项目承诺了什么，能否衡量
#
# ## 概览
# 每个项目都附有一张**项目支出绩效目标表**：项目资金、年度绩效目标，以及分三级的绩效指标——**一级指标**（成本、产出、效益、满意度）、**二级指标**（数量、质量、时效……）和**三级指标**（具体指标本身），每个指标都有一个**指标值**，例如 `≥95%`。这些承诺能否衡量？读者能否核实？它们能否按字面理解？（目标定得高不高，需要有基期值作比较，而公开文件没有给出。）
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `00_start_here` | 有帮助 | |
# | 产出与效益 | 有帮助 | 产出：做了什么、做了多少；效益：带来了什么结果 |
#
# 学习时间：15分钟。

# %% [markdown] tags=["lang-en"]
# ## Imports

# %% [markdown] tags=["lang-zh"]
# ## 导入

# %% tags=["parameters", "remove-cell"]
LANG = "en"

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
targets = gz.targets(d, lang=LANG)

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## The eight projects

# %% [markdown] tags=["lang-zh"]
# ## 八个项目

# %%
summary = gz.targets_summary(d, lang=LANG)
gz.tables.show(summary, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(
    gz.tables.text(
        summary[
            [
                "project_id",
                "funds_total",
                "indicators",
                "quantitative",
                "qualitative",
                "missing",
                "at_100_percent",
            ]
        ],
        LANG,
    )
)

# %%
gz.charts.targets(d, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## How measurable?
# An indicator is **quantitative** when it states a number to meet, with an operator and usually a unit
# (`≥20820人次`), **qualitative** when it states only a direction (`提高` "improve", `正常` "normal"). Project
# P8 (其他收入资金, the unit's own 700 万元) lists its indicator categories with no indicator at all: its six
# rows are counted as missing below, and the chart above counts indicators only, so P8 has no bar there.

# %% [markdown] tags=["lang-zh"]
# ## 能否衡量？
# 一个指标如果给出了要达到的数值，带有比较符号，通常还有计量单位（如 `≥20820人次`），就是**定量**指标；如果只给出方向（如“提高”“正常”），就是**定性**指标。项目P8（其他收入资金，即单位自有的700万元）只列出了指标类别，没有任何具体指标：下表把它的六行计为“缺失”，上图只统计指标，所以P8在图中没有条形。

# %%
gz.tables.show(targets["kind"].value_counts().rename_axis("indicator_kind"), lang=LANG, index=True)

# %%
gz.tables.show(targets.groupby("operator")["indicator"].count().rename("indicators"), lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(targets["kind"].value_counts().rename_axis("indicator_kind"), LANG, index=True))
print(gz.tables.text(targets.groupby("operator")["indicator"].count(), LANG, index=True))

# %% [markdown] tags=["lang-en"]
# Two indicators counted as quantitative have a number but no readable unit: P4's 项目采购数量 =21 (a count
# with no unit printed) and P7's 系统故障修复处理时间, whose unit the OCR could not read:

# %% [markdown] tags=["lang-zh"]
# 有两个被算作定量的指标有数值，却没有可读的单位：P4的“项目采购数量”=21（数量，但没有印单位），以及P7的“系统故障修复处理时间”，其单位 OCR 未能识别：

# %% tags=["nbval-check-output", "remove-cell"]
no_unit = targets.query("kind == 'quantitative' and unit.isna()")
print(gz.tables.text(no_unit[["project_id", "indicator", "value_text", "source_line"]], LANG))

# %%
gz.tables.show(no_unit[["project_id", "indicator", "value_text", "source_line"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
# Many quantitative targets are **=100%**: rates the unit reports on itself (completion on time, follow-up
# of every ticket). The trouble with them is not that they are easy but that a reader cannot verify them:
# the disclosure gives no baseline and does not say who measures them. Some cannot mean what they
# say. A **成本节约率** (cost saving rate) of =100% would mean spending nothing; it appears in six projects as a
# template value, while P6's **成本控制率** (cost control rate) ≤100% shows what was meant: stay within budget.

# %% [markdown] tags=["lang-zh"]
# 很多定量指标是 **=100%**：单位自己报告的比率（按时完成率、工单回访率）。问题不在于这些目标太容易，而在于读者无从核实：公开文件既没有基期值，也没有说明由谁来测量。有些指标按字面理解根本说不通。**成本节约率** =100%意味着一分钱都不花；它作为模板数值出现在六个项目中，而P6的**成本控制率** ≤100%才表达了本来的意思：不超出预算。

# %% tags=["nbval-check-output", "remove-cell"]
hundred, quantitative = summary["at_100_percent"].sum(), summary["quantitative"].sum()
print(f"=100%: {hundred} / {quantitative}")
economic_cost = gz.term("经济成本指标", LANG)
cost = targets.query("level2 == @economic_cost and kind != 'missing'")
print(gz.tables.text(cost[["project_id", "indicator", "value_text", "source_line"]], LANG))

# %%
gz.tables.show(cost[["project_id", "indicator", "value_text", "source_line"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
# P4 promises a 系统故障率 (system failure rate) of =100% — a system that always fails — *and* ≤5%:

# %% [markdown] tags=["lang-zh"]
# P4承诺“系统故障率”=100%——一个永远出故障的系统——*同时*又承诺 ≤5%：

# %%
gz.tables.show(
    targets.query("project_id == 'P4' and indicator.str.contains('故障率')")[
        ["indicator", "value_text", "source_line"]
    ],
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# ## Outputs and outcomes
# 产出指标 (outputs) dominate. 效益指标 (benefit, or outcome, indicators) are fewer, and most of them are
# quantitative:

# %% [markdown] tags=["lang-zh"]
# ## 产出与效益
# 产出指标占多数。效益指标较少，其中多数是定量的：

# %%
# rows, not indicators: a category listed without an indicator (missing) is counted as a row too
levels = targets.pivot_table(
    index="level1", columns="kind", values="source_line", aggfunc="count", fill_value=0
)
gz.tables.show(levels, lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(levels, LANG, index=True))

# %% [markdown] tags=["lang-en"]
# ## Explore

# %% [markdown] tags=["lang-zh"]
# ## 动手探索

# %%
gz.explorers.explorer(d, "targets", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Summary
# - 114 indicators for seven projects (P8 has none); 105 are quantitative, and 34 of these are exactly
#   =100%, which a reader cannot verify; six are 成本节约率 =100%, a template value that means nothing.
# - Outputs dominate (75 of 114); 13 of the 18 benefit indicators are quantitative.
# - The largest project by funds (P5, 4,200 万元) has 12 indicators; the narrative's key-project section
#   gives P1 (城市大脑) the same 4,200, while its table and the project list say 1,340 (see `05_data_audit`).
# - All the carried-over money but P4's 1.40 万元 (line 448) is outside the performance tables (see
#   `03_carried_over_funds`).
#
# ## Sources
# - 项目支出绩效目标表, lines 336-567 (cost indicators 351-549, P6 513), and 第三部分 (九)(十), lines 623-733 of
#   `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 七个项目共114个指标（P8没有指标）；其中105个是定量指标，有34个恰为 =100%，读者无法核实；六个是成本节约率 =100%，这是没有实际意义的模板数值。
# - 产出指标占多数（114个中的75个）；18个效益指标中有13个是定量的。
# - 资金最多的项目（P5，4,200万元）有12个指标；预算情况说明的重点项目部分给P1（城市大脑）写的也是4,200万元，而P1自己的绩效目标表和项目清单写的是1,340万元（见 `05_data_audit`）。
# - 除P4的1.40万元（第448行）外，上年结转资金全部游离于绩效目标表之外（见 `03_carried_over_funds`）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的项目支出绩效目标表，第336–567行（成本指标第351–549行，P6第513行），以及第三部分（九）（十），第623–733行。
