# %% [markdown]
# # Performance targets: what the eight projects promise, and how measurable it is
#
# ## Overview
# Each project comes with a **项目支出绩效目标表** (project performance table): its funds, an annual goal
# (年度绩效目标) and indicators in three levels: **一级指标** (cost, output, effect, satisfaction),
# **二级指标** (quantity, quality, timeliness …) and **三级指标**, the indicator itself, with a target value
# (指标值) such as `≥95%`. Are the promises measurable, and are they demanding?
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `00_start_here` | helpful | |
# | outputs vs outcomes | helpful | 产出 (what is produced) vs 效益 (what it achieves) |
#
# Time to learn: 15 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
targets = gz.targets(d)

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown]
# ## The eight projects

# %%
# NBVAL_CHECK_OUTPUT
summary = gz.targets_summary(d)
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
gz.charts.targets(d)

# %% [markdown]
# ## How measurable?
# An indicator is **quantitative** when it states an operator, a number and a unit (`≥20820人次`),
# **qualitative** when it states only a direction (`提高` "improve", `正常` "normal"). Project P8 (其他收入资金,
# the unit's own 700 万元) lists its indicator categories with no indicator at all.

# %%
# NBVAL_CHECK_OUTPUT
print(targets["kind"].value_counts().to_string())
print(targets.groupby("operator")["indicator"].count().to_string())

# %% [markdown]
# Many quantitative targets are **=100%**: rates the unit reports on itself (completion on time, acceptance
# rate, 成本节约率 "cost saving rate" = 100%). They are easy to promise and hard to fail. Some are odd: P4
# promises a 系统故障率 (system failure rate) of =100% *and* ≤5%.

# %%
targets.query("project_id == 'P4' and indicator.str.contains('故障率')")[
    ["indicator", "value_text", "source_line"]
]

# %% [markdown]
# ## Outputs and outcomes
# 产出指标 (outputs) dominate; 效益指标 (effects) are few and mostly vague:

# %%
# NBVAL_CHECK_OUTPUT
print(
    targets.pivot_table(
        index="level1", columns="kind", values="indicator", aggfunc="count", fill_value=0
    ).to_string()
)

# %% [markdown]
# ## Explore

# %%
gz.widgets.targets_explorer(d)

# %% [markdown]
# ## Summary
# - 114 indicators for seven projects (P8 has none); 105 are quantitative, but 36 of these are =100% rates.
# - The largest project by funds (P5, 4,200 万元) has 12 indicators; the narrative's key-project section
#   wrongly gives P1 (城市大脑) the same 4,200 (its table says 1,340; see `05_data_audit`).
# - Carried-over projects have no performance tables at all (see `03_carried_over_funds`).
#
# ## Sources
# - 项目支出绩效目标表, lines 336-567, and 第三部分 (九)(十), lines 623-733 of `data/raw/ganzhou-xzspj-2023.txt`.
