# %% [markdown]
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

# %% [markdown]
# ## 导入

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
c = gz.carryover(d, level="类", lang="zh")
c.head()

# %%
gz.require(d, "carryover")  # 收入表不按功能分类列示时：给出一句说明，笔记本到此为止

# %% [markdown]
# ## 动手做
# `share_carried_over` 列是上年结转 ÷ 该功能的合计。哪个类的比重最大？（有没有并列？比重为1意味着什么？）写出它的科目编码和比重（0–1之间的小数）。

# %%
code = None  # 例如 "201"
share = None  # 例如 0.5

# %%
gz.teaching.check_without_carryover(d, code, share, lang="zh")

# %% [markdown]
# ## 思考
# 比重为1的功能之所以出现在本年预算中，完全是因为以前年度还有钱没花完。这可能是什么钱？读一读预算情况说明对上年结转增加给出的原因（原文第575行，或 `gz.carryover_context(d)["reason"]`）。一个靠上年结转增长的预算，应当怎样解读？
#
# ## 小结
# 你把每个功能的上年结转与它的合计作了比较。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表，第89–149行。
