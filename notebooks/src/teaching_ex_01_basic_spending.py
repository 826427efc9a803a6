# %% [markdown] tags=["lang-en"]
# # Exercise 1: 基本支出 = 人员经费 + 公用经费?
#
# ## Overview
# **基本支出** (basic spending) keeps the office running. It has two parts: **人员经费** (personnel costs:
# wages, allowances, social insurance, pensions) and **公用经费** (office running costs: office supplies,
# travel, meetings, maintenance …). The table 一般公共预算基本支出表 publishes both. Do they add up to its
# total? And where they do not, which figure of the table does the difference come from?
# (Not every running cost is basic spending: this unit books some as projects, see `01_spending_composition`.)
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | selecting rows of a DataFrame | necessary | `.query()`, `.loc[]` |
# | adding up by group | helpful | `.groupby()` |
#
# Time: 25 minutes. Your teacher has the solution (`teaching_sol_01_basic_spending`).

# %% [markdown] tags=["lang-zh"]
# # 练习1：基本支出 = 人员经费 + 公用经费？
#
# ## 概览
# **基本支出**用于保障机构正常运转，由两部分组成：**人员经费**（工资、津贴补贴、社会保险缴费、离退休费等）和**公用经费**（办公费、差旅费、会议费、维修费等）。一般公共预算基本支出表同时列出了这两部分。它们加起来等于合计吗？如果不等，差额出自表中的哪一个数字？（并不是所有运转费用都列在基本支出中：本单位有一部分列入了项目支出，见`01_spending_composition`。）
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | 选取 DataFrame 的行 | 必需 | `.query()`、`.loc[]` |
# | 分组加总 | 有帮助 | `.groupby()` |
#
# 时间：25分钟。答案在老师那里（`teaching_sol_01_basic_spending`）。

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
gz.tables.show(
    basic[["code", "level", "parent", "name", "total", "personnel", "public_operations"]], lang=LANG
)

# %% [markdown] tags=["lang-en"]
# ## Your turn: the total and its two parts
# The table above is `basic`; its columns are `code`, `level`, `parent`, `name`, `total` (合计),
# `personnel` (人员经费) and `public_operations` (公用经费).
#
# 1. Find the 合计 (total) row: it is the row without a code.
# 2. Read its `personnel` (人员经费) and `public_operations` (公用经费).
# 3. Compute `total − personnel − public_operations`, rounded to 0.01.
#
# Replace each `None` below with your answer (a number such as `1234.56` or `"1,234.56"`), then run the
# check. It says which value is wrong, if one is.

# %% [markdown] tags=["lang-zh"]
# ## 动手做：合计与两个分项
# 上表就是 `basic`，它的列名依次是 `code`（科目编码）、`level`（级次）、`parent`（上级编码）、`name`（科目名称）、`total`（合计）、`personnel`（人员经费）和 `public_operations`（公用经费）。
#
# 1. 找到合计行：没有科目编码的那一行。
# 2. 读出它的 `personnel`（人员经费）和 `public_operations`（公用经费）。
# 3. 计算 `total − personnel − public_operations`，保留到0.01。
#
# 把下面每个 `None` 换成你的答案（写成 `1234.56` 或 `"1,234.56"` 这样的数字），然后运行核对。如果有填错的数值，核对结果会指出是哪一个。

# %%
personnel = None  # 人员经费 of the 合计 row (合计行的人员经费)
public_operations = None  # 公用经费 of the 合计 row (合计行的公用经费)
difference = None  # total − personnel − public_operations, rounded to 0.01 (保留到0.01)

# %%
gz.teaching.check_basic_split(d, personnel, public_operations, difference, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Your turn: where does the difference come from?
# The table has three levels: the 合计 row, the 类 rows (classes 301, 302, 303; column `level`) and the
# 款 rows under each class (their class is in column `parent`). Add up the `total` of the 款 rows of each
# class and compare each sum with the class's own row.
#
# 4. Which class prints a subtotal that its 款 rows do not add up to? Write its code.
# 5. What do its 款 rows add up to?

# %% [markdown] tags=["lang-zh"]
# ## 动手做：差额从哪里来？
# 这张表有三个层次：合计行、类行（301、302、303类，见 `level` 列）和各类下面的款行（所属的类见 `parent` 列）。把每个类下面各款行的 `total` 加起来，再与该类自己那一行比较。
#
# 4. 哪个类印刷的小计与其各款之和对不上？写出它的科目编码。
# 5. 它的各款加起来是多少？

# %%
code = None  # "301", "302" or "303"
items_total = None  # the sum of its 款 rows (各款之和)

# %%
gz.teaching.check_subtotal_trace(d, code, items_total, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## To think about
# Which of the two figures is "right", the printed subtotal or the sum of its items? Each figure of the
# table is rounded to 0.01 on its own. How far can the sum of many rounded items drift from their exact sum,
# rounded once? Is the difference you found an error?
#
# ## Summary
# You read a total row, added up its parts, and traced a difference between a total and its parts to the
# one subtotal it comes from.
#
# ## Sources
# - 一般公共预算基本支出表, lines 263-302 of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 思考
# 印刷的小计和各款之和，哪一个“对”？表中每个数字都是各自四舍五入到0.01的。许多分别四舍五入的数加起来，与它们的精确和只四舍五入一次相比，最多能差多少？你找到的差额是错误吗？
#
# ## 小结
# 你读取了合计行，把分项加总，并把合计与分项之间的差额追溯到它所出自的那一个小计。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的一般公共预算基本支出表，第263–302行。
