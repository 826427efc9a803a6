# %% [markdown] tags=["lang-en"]
# # Exercise 2: which functions would shrink without carry-over?
#
# ## Overview
# **上年结转** (carry-over) is money from earlier years' budgets brought into this year. If a function
# received no carry-over, how much of its 2023 money would be left? Some functions would disappear; of
# those that would not, find the 类 (class) that would lose the largest **share** of its money.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `gz.carryover` | necessary | see `03_carried_over_funds` |
#
# Time: 15 minutes. Your teacher has the solution (`teaching_sol_02_without_carryover`).

# %% [markdown] tags=["lang-zh"]
# # 练习2：如果没有上年结转，哪些功能会缩减？
#
# ## 概览
# **上年结转**是以前年度预算中结转到本年度使用的资金。如果某项功能没有上年结转，它2023年的资金还剩多少？有些功能会整个消失；在不会消失的功能中，找出失去资金**比重**最大的那个类。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `gz.carryover` | 必需 | 见 `03_carried_over_funds` |
#
# 时间：15分钟。答案在老师那里（`teaching_sol_02_without_carryover`）。

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
gz.tables.show(c[["code", "name", "carryover", "total", "share_carried_over"]], lang=LANG)

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## Your turn
# The table above is `c`. Its column `share_carried_over` is `carryover` ÷ `total`, the function's
# carry-over ÷ all its money: the share of its money it would lose without carry-over.
#
# 1. How many classes would disappear entirely without carry-over?
# 2. Of the classes that keep money of their own, which would lose the largest share? Write its code and
#    the share, as a fraction to three decimals (`0.123`) or as a percent string (`"12.3%"`).
#
# The check says which value is wrong, if one is.

# %% [markdown] tags=["lang-zh"]
# ## 动手做
# 上表就是 `c`。其中 `share_carried_over`（本科目结转占比）列是 `carryover`（上年结转）÷ `total`（合计），即没有上年结转时该功能将失去的资金比重。
#
# 1. 没有上年结转时，有几个类会整个消失？
# 2. 在还有其他资金的类中，哪个类失去的比重最大？写出它的科目编码和比重：保留三位小数的小数（`0.123`），或带%的字符串（`"12.3%"`）。
#
# 如果有填错的数值，核对结果会指出是哪一个。

# %%
disappear = None  # a whole number (整数)
code = None  # such as "201" (如 "201")
share = None  # such as 0.123 or "12.3%" (如 0.123 或 "12.3%")

# %%
gz.teaching.check_without_carryover(d, disappear, code, share, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## To think about
# The classes that would disappear exist in this budget only because money was left over from earlier
# years. What money could it be? Read the reason the narrative gives for the larger carry-over (line 575 of
# the source, or `gz.carryover_context(d)["reason"]`). Does it say which classes the money is for, or what
# it will be spent on? What does it mean for reading a budget that grows through carry-over?
#
# ## Summary
# You compared each function's carry-over with its total, and told the functions that live on carry-over
# alone from those it only adds to.
#
# ## Sources
# - 部门收入总表, lines 89-149 of `data/raw/ganzhou-xzspj-2023.txt`; the narrative, line 575.

# %% [markdown] tags=["lang-zh"]
# ## 思考
# 那些会消失的类之所以出现在本年预算中，完全是因为以前年度还有钱没花完。这可能是什么钱？读一读预算情况说明对上年结转增加给出的原因（原文第575行，或 `gz.carryover_context(d)["reason"]`）。它有没有说明这些钱属于哪些类、将用于什么？一个靠上年结转增长的预算，应当怎样解读？
#
# ## 小结
# 你把每个功能的上年结转与它的合计作了比较，并区分了完全依靠上年结转的功能和上年结转只是其一部分资金的功能。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表，第89–149行；预算情况说明，第575行。
