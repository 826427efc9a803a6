# %% [markdown] tags=["lang-en"]
# # Exercise 2: which function would shrink most without carry-over?
#
# ## Overview
# **上年结转** (carry-over) is money from earlier years' budgets brought into this year. If a function
# received no carry-over, how much of its 2023 money would be left? Find the 类 (class) that would lose the
# largest **share** of its money.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `gz.carryover` | necessary | see `03_carried_over_funds` |
#
# Time: 15 minutes. The solution is in `teaching_sol_02_without_carryover`.

# %% [markdown] tags=["lang-zh"]
# # 练习2：如果没有上年结转，哪个功能缩减得最多？
#
# ## 概览
# **上年结转**是以前年度预算中结转到本年度使用的资金。如果某项功能没有上年结转，它2023年的资金还剩多少？找出失去资金**比重**最大的那个类。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `gz.carryover` | 必需 | 见 `03_carried_over_funds` |
#
# 时间：15分钟。答案见 `teaching_sol_02_without_carryover`。

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
c = gz.carryover(d, level="类", lang=LANG)
c.head()

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## Your turn
# The column `share_carried_over` is carry-over ÷ the function's total. Which class has the largest
# share? (Is there a tie? What does a share of 1 mean?) Write its code and the share as a fraction (0–1).

# %% [markdown] tags=["lang-zh"]
# ## 动手做
# `share_carried_over` 列是上年结转 ÷ 该功能的合计。哪个类的比重最大？（有没有并列？比重为1意味着什么？）写出它的科目编码和比重（0–1之间的小数）。

# %%
code = None  # "201"
share = None  # 0.5

# %%
gz.teaching.check_without_carryover(d, code, share, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## To think about
# A function with a share of 1 exists in this budget only because money was left over from earlier years.
# What money could it be? Read the reason the narrative gives for the larger carry-over (line 575 of the
# source, or `gz.carryover_context(d)["reason"]`). What does it mean for reading a budget that grows through
# carry-over?
#
# ## Summary
# You compared each function's carry-over with its total.
#
# ## Sources
# - 部门收入总表, lines 89-149 of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 思考
# 比重为1的功能之所以出现在本年预算中，完全是因为以前年度还有钱没花完。这可能是什么钱？读一读预算情况说明对上年结转增加给出的原因（原文第575行，或 `gz.carryover_context(d)["reason"]`）。一个靠上年结转增长的预算，应当怎样解读？
#
# ## 小结
# 你把每个功能的上年结转与它的合计作了比较。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表，第89–149行。
