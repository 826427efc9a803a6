# %% [markdown]
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

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
targets = gz.targets(d, lang="en")

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown]
# ## The eight projects

# %%
summary = gz.targets_summary(d, lang="en")
gz.tables.show(summary, lang="en")

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
gz.charts.targets(d, lang="en")

# %% [markdown]
# ## How measurable?
# An indicator is **quantitative** when it states a number to meet, with an operator and usually a unit
# (`≥20820人次`), **qualitative** when it states only a direction (`提高` "improve", `正常` "normal"). Project
# P8 (其他收入资金, the unit's own 700 万元) lists its indicator categories with no indicator at all.

# %%
gz.tables.show(targets["kind"].value_counts().rename_axis("kind of indicator"), lang="en", index=True)

# %%
gz.tables.show(targets.groupby("operator")["indicator"].count().rename("count"), lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(targets["kind"].value_counts().to_string())
print(targets.groupby("operator")["indicator"].count().to_string())

# %% [markdown]
# Two indicators counted as quantitative have a number but no readable unit: P4's 项目采购数量 =21 (a count
# with no unit printed) and P7's 系统故障修复处理时间, whose unit the OCR could not read:

# %% tags=["nbval-check-output", "remove-cell"]
no_unit = targets.query("kind == 'quantitative' and unit.isna()")
print(no_unit[["project_id", "indicator", "value_text", "source_line"]].to_string(index=False))

# %%
gz.tables.show(no_unit[["project_id", "indicator", "value_text", "source_line"]], lang="en")

# %% [markdown]
# Many quantitative targets are **=100%**: rates the unit reports on itself (completion on time, follow-up
# of every ticket). The trouble with them is not that they are easy but that a reader cannot verify them:
# the disclosure gives no baseline and does not say who measures them. Some cannot mean what they
# say. A **成本节约率** (cost saving rate) of =100% would mean spending nothing; it appears in six projects as a
# template value, while P6's **成本控制率** (cost control rate) ≤100% shows what was meant: stay within budget.

# %% tags=["nbval-check-output", "remove-cell"]
hundred, quantitative = summary["at_100_percent"].sum(), summary["quantitative"].sum()
print(f"targets of exactly =100%: {hundred} of {quantitative} quantitative")
cost = targets.query("level2 == 'Economic cost' and kind != 'missing'")
print(cost[["project_id", "indicator", "value_text", "source_line"]].to_string(index=False))

# %%
gz.tables.show(cost[["project_id", "indicator", "value_text", "source_line"]], lang="en")

# %% [markdown]
# P4 promises a 系统故障率 (system failure rate) of =100% — a system that always fails — *and* ≤5%:

# %%
gz.tables.show(
    targets.query("project_id == 'P4' and indicator.str.contains('故障率')")[
        ["indicator", "value_text", "source_line"]
    ],
    lang="en",
)

# %% [markdown]
# ## Outputs and outcomes
# 产出指标 (outputs) dominate. 效益指标 (benefit, or outcome, indicators) are fewer, and most of them are
# quantitative:

# %%
levels = targets.pivot_table(
    index="level1", columns="kind", values="indicator", aggfunc="count", fill_value=0
)
gz.tables.show(levels, lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(levels.to_string())

# %% [markdown]
# ## Explore

# %%
gz.explorers.explorer(d, "targets", lang="en")

# %% [markdown]
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
