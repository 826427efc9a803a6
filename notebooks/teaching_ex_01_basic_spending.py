# %% [markdown]
# # Exercise 1: 基本支出 = 人员经费 + 公用经费?
#
# ## Overview
# **基本支出** (basic spending) keeps the office running. It has two parts: **人员经费** (personnel costs:
# wages, allowances, social insurance, pensions) and **公用经费** (office running costs: office supplies,
# travel, meetings, maintenance …). The table 一般公共预算基本支出表 publishes both. Do they add up?
# (Not every running cost is basic spending: this unit books some as projects, see `01_spending_composition`.)
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | selecting a row of a DataFrame | necessary | `.query()`, `.loc[]` |
#
# Time: 15 minutes. The solution is in `teaching_sol_01_basic_spending`.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
basic = d.table("一般公共预算基本支出表")
basic.head()

# %% [markdown]
# ## Your turn
# 1. Find the 合计 (total) row: it is the row without a code.
# 2. Read its `personnel` (人员经费) and `public_operations` (公用经费).
# 3. Compute `total − personnel − public_operations`.
#
# Replace each `None` below with your answer (a number), then run the check.

# %%
personnel = None  # 人员经费 of the 合计 row
public_operations = None  # 公用经费 of the 合计 row
difference = None  # total − personnel − public_operations, rounded to 0.01

# %%
gz.teaching.check_basic_split(d, personnel, public_operations, difference, lang="en")

# %% [markdown]
# ## To think about
# Is a difference of 0.01 万元 (100 yuan) an error? Each figure is rounded to 0.01 separately. How large may a
# difference between a total and its two parts be before rounding cannot explain it?
#
# ## Summary
# You read a total row, added up its parts, and met a rounding difference.
#
# ## Sources
# - 一般公共预算基本支出表, lines 263-302 of `data/raw/ganzhou-xzspj-2023.txt`.
