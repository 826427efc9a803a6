# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# # 练习1：基本支出 = 人员经费 + 公用经费？
#
# ## 概览
# **基本支出**用于保障机构正常运转，由两部分组成：**人员经费**（工资、津贴补贴、社会保险缴费、离退休费等）和**公用经费**（办公费、差旅费、会议费、维修费等）。一般公共预算基本支出表同时列出了这两部分。它们加起来等于合计吗？（并不是所有运转费用都列在基本支出中：本单位有一部分列入了项目支出，见`01_spending_composition`。）
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | 选取 DataFrame 的一行 | 必需 | `.query()`、`.loc[]` |
#
# 时间：15分钟。答案见 `teaching_sol_01_basic_spending`。

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
basic = d.table("一般公共预算基本支出表")
basic.head()

# %% [markdown] tags=["lang-en"]
# ## Your turn
# 1. Find the 合计 (total) row: it is the row without a code.
# 2. Read its `personnel` (人员经费) and `public_operations` (公用经费).
# 3. Compute `total − personnel − public_operations`.
#
# Replace each `None` below with your answer (a number), then run the check.

# %% [markdown] tags=["lang-zh"]
# ## 动手做
# 1. 找到合计行：没有科目编码的那一行。
# 2. 读出它的 `personnel`（人员经费）和 `public_operations`（公用经费）。
# 3. 计算 `total − personnel − public_operations`。
#
# 把下面每个 `None` 换成你的答案（一个数字），然后运行核对。

# %%
personnel = None  # 人员经费 of the 合计 row (合计行的人员经费)
public_operations = None  # 公用经费 of the 合计 row (合计行的公用经费)
difference = None  # total − personnel − public_operations, rounded to 0.01 (保留到0.01)

# %%
gz.teaching.check_basic_split(d, personnel, public_operations, difference, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## To think about
# Is a difference of 0.01 万元 (100 yuan) an error? Each figure is rounded to 0.01 separately. How large may a
# difference between a total and its two parts be before rounding cannot explain it?
#
# ## Summary
# You read a total row, added up its parts, and met a rounding difference.
#
# ## Sources
# - 一般公共预算基本支出表, lines 263-302 of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 思考
# 0.01万元（100元）的差额是错误吗？三个数字是分别四舍五入到0.01的。合计与两个分项之间的差额多大时，就不能再用尾差来解释了？
#
# ## 小结
# 你读取了合计行，把分项加总，并遇到了一个尾差。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的一般公共预算基本支出表，第263–302行。
