# %% [markdown]
# # Spending composition: what is the money for?
#
# ## Overview
# Where do the 23,255.42 万元 of 赣州市行政审批局's 2023 budget go? This notebook breaks spending down
# four ways: by **function** (功能分类: what for), by **economic class** (经济分类: on what), by **source of
# funds** (资金来源) and by **kind** (基本支出 basic vs 项目支出 project spending).
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `00_start_here` | helpful | the tables and the terms |
# | shares and percentages | necessary | |
#
# Time to learn: 20 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %% [markdown]
# ## By function (功能分类)
# Functional codes nest: **类** (class) → **款** (category) → **项** (item). `share_of_parent` is the share of
# the class or category above; `share_of_total` the share of all spending.

# %%
by_class = gz.composition(d, by="function", level="类")
gz.tables.show(by_class[["code", "name", "amount", "share_of_total"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(by_class[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d)

# %% [markdown]
# More than half the money is **一般公共服务支出** (general public services), nearly all of it in category
# 20103 政府办公厅(室)及相关机构事务 (government offices). Click a class on the left of the chart below to see
# its categories; the dropdown switches to items (项). The chart runs in the browser, also in the
# published report.

# %%
gz.charts.drilldown(d)

# %% [markdown]
# ## By economic class (经济分类)
# The disclosure publishes an economic breakdown only for **basic spending** of the general public budget
# (一般公共预算基本支出表): what the office itself costs to run. It splits into **人员经费** (personnel) and
# **公用经费** (office running costs).

# %%
economic = gz.composition(d, by="economic", level="类")
gz.tables.show(economic[["code", "name", "amount", "share_of_total"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(economic[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, by="economic", level="款")

# %% [markdown]
# ## By source of funds and by kind
# Which functions are paid from this year's appropriations (财政拨款), which from carried-over funds
# (上年结转), which from the unit's own money (其他收入)?

# %%
gz.charts.source_mix(d, normalize=True)

# %%
kind = gz.composition(d, by="kind", level="类").pivot_table(
    index="name", columns="kind", values="amount", fill_value=0
)
gz.tables.show(kind.sort_values("project", ascending=False), lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(kind.sort_values("project", ascending=False).to_string())

# %% [markdown]
# Basic spending (salaries, pensions, housing fund, office costs) sits in four classes only; every other
# class is project money. Salaries of staff hired on contract (聘用制公务员工资, 58.02 万元) are paid as project
# spending — the narrative says so in 第三部分.

# %% [markdown]
# ## Explore
# With a live kernel, change the classification, level, measure, minimum share or language; the chart and
# the table follow. (In the published report the same controls drive the chart in your browser.)

# %%
gz.explorers.explorer(d, "composition")

# %% [markdown]
# ## Summary
# - 一般公共服务支出 takes 56.2% of spending; science and technology (13.6%), urban and rural community
#   affairs (12.7%) and agriculture (7.5%) follow.
# - Basic spending is 8% of the budget, and 88% of it is wages and benefits.
# - Seven classes are funded by carried-over money alone (see `03_carried_over_funds`).
#
# ## Sources
# - 部门支出总表 (lines 151-215), 一般公共预算基本支出表 (263-302), 部门收入总表 (89-149) of
#   `data/raw/ganzhou-xzspj-2023.txt`.
