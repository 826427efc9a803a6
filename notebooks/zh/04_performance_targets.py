# %% [markdown]
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

# %% [markdown]
# ## 导入

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
targets = gz.targets(d, lang="zh")

# %%
gz.require(d, "projects")  # 公开文件中没有项目支出绩效目标表时：给出一句说明，笔记本到此为止

# %% [markdown]
# ## 八个项目

# %%
summary = gz.targets_summary(d, lang="zh")
gz.tables.show(summary, lang="zh")

# %% tags=["nbval-check-output", "remove-cell"]
print(
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
    ].to_string(index=False)
)

# %%
gz.charts.targets(d, lang="zh")

# %% [markdown]
# ## 能否衡量？
# 一个指标如果给出了要达到的数值，带有比较符号，通常还有计量单位（如 `≥20820人次`），就是**定量**指标；如果只给出方向（如“提高”“正常”），就是**定性**指标。项目P8（其他收入资金，即单位自有的700万元）只列出了指标类别，没有任何具体指标。

# %%
gz.tables.show(targets["kind"].value_counts().rename_axis("指标类型"), lang="zh", index=True)

# %%
gz.tables.show(targets.groupby("operator")["indicator"].count().rename("count"), lang="zh", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(targets["kind"].value_counts().to_string())
print(targets.groupby("operator")["indicator"].count().to_string())

# %% [markdown]
# 有两个被算作定量的指标有数值，却没有可读的单位：P4的“项目采购数量”=21（数量，但没有印单位），以及P7的“系统故障修复处理时间”，其单位 OCR 未能识别：

# %% tags=["nbval-check-output", "remove-cell"]
no_unit = targets.query("kind == 'quantitative' and unit.isna()")
print(no_unit[["project_id", "indicator", "value_text", "source_line"]].to_string(index=False))

# %%
gz.tables.show(no_unit[["project_id", "indicator", "value_text", "source_line"]], lang="zh")

# %% [markdown]
# 很多定量指标是 **=100%**：单位自己报告的比率（按时完成率、工单回访率）。问题不在于这些目标太容易，而在于读者无从核实：公开文件既没有基期值，也没有说明由谁来测量。有些指标按字面理解根本说不通。**成本节约率** =100%意味着一分钱都不花；它作为模板数值出现在六个项目中，而P6的**成本控制率** ≤100%才表达了本来的意思：不超出预算。

# %% tags=["nbval-check-output", "remove-cell"]
hundred, quantitative = summary["at_100_percent"].sum(), summary["quantitative"].sum()
print(f"恰为 =100% 的目标：{hundred} 个，定量指标共 {quantitative} 个")
cost = targets.query("level2 == '经济成本指标' and kind != 'missing'")
print(cost[["project_id", "indicator", "value_text", "source_line"]].to_string(index=False))

# %%
gz.tables.show(cost[["project_id", "indicator", "value_text", "source_line"]], lang="zh")

# %% [markdown]
# P4承诺“系统故障率”=100%——一个永远出故障的系统——*同时*又承诺 ≤5%：

# %%
gz.tables.show(
    targets.query("project_id == 'P4' and indicator.str.contains('故障率')")[
        ["indicator", "value_text", "source_line"]
    ],
    lang="zh",
)

# %% [markdown]
# ## 产出与效益
# 产出指标占多数。效益指标较少，其中多数是定量的：

# %%
levels = targets.pivot_table(
    index="level1", columns="kind", values="indicator", aggfunc="count", fill_value=0
)
gz.tables.show(levels, lang="zh", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(levels.to_string())

# %% [markdown]
# ## 动手探索

# %%
gz.explorers.explorer(d, "targets", lang="zh")

# %% [markdown]
# ## 小结
# - 七个项目共114个指标（P8没有指标）；其中105个是定量指标，有34个恰为 =100%，读者无法核实；六个是成本节约率 =100%，这是没有实际意义的模板数值。
# - 产出指标占多数（114个中的75个）；18个效益指标中有13个是定量的。
# - 资金最多的项目（P5，4,200万元）有12个指标；预算情况说明的重点项目部分给P1（城市大脑）写的也是4,200万元，而P1自己的绩效目标表和项目清单写的是1,340万元（见 `05_data_audit`）。
# - 除P4的1.40万元（第448行）外，上年结转资金全部游离于绩效目标表之外（见 `03_carried_over_funds`）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的项目支出绩效目标表，第336–567行（成本指标第351–549行，P6第513行），以及第三部分（九）（十），第623–733行。
