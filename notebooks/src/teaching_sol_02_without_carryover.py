# %% [markdown] tags=["lang-en"]
# # Solution 2: which function would shrink most without carry-over?
#
# ## Overview
# The solution of `teaching_ex_02_without_carryover`.
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown] tags=["lang-zh"]
# # 答案2：如果没有上年结转，哪个功能缩减得最多？
#
# ## 概览
# `teaching_ex_02_without_carryover` 的参考答案。
#
# ## 预备知识
# 练习笔记本。时间：5分钟。

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

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## Solution
# Sort by the share carried over; several classes tie at 1: they are funded by carry-over alone and
# would disappear entirely.

# %% [markdown] tags=["lang-zh"]
# ## 答案
# 按结转占比排序：有几个类并列为1，它们完全依靠上年结转，没有结转就会整个消失。

# %%
ranked = c.sort_values(["share_carried_over", "carryover"], ascending=False)
gz.tables.show(ranked[["code", "name", "carryover", "total", "share_carried_over"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(ranked[["code", "name", "carryover", "total", "share_carried_over"]].round(4).to_string(index=False))

# %% tags=["nbval-check-output"]
top = gz.teaching.shrink_without_carryover(d)
gz.teaching.check_without_carryover(d, top["code"], top["share_carried_over"], lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Discussion
# Science and technology (206, 3,151.22 万元) is the largest of seven classes that live on carry-over alone;
# by amount it would lose the most too. Among the classes with other money, social security (208) would lose
# 65.7%.
#
# ## Summary
# Seven of twelve classes exist in the 2023 budget only through carried-over funds. The narrative says the
# carry-over is "mainly 惠企专项项目资金" (enterprise-support funds, line 575), and that spending grew with the
# 惠企兑现 payouts (line 579): most likely enterprise-support money the bureau pays out, appropriated in earlier
# years and not yet paid (an inference: the disclosure does not tie each class to a payout). A budget that
# grows through carry-over has not been given that much new money.
#
# ## Sources
# - 部门收入总表, lines 89-149 of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 讨论
# 在七个完全依靠上年结转的类中，科学技术（206,3,151.22万元）金额最大；按金额算，它失去的也最多。在还有其他资金的类中，社会保障和就业（208）将失去65.7%。
#
# ## 小结
# 十二个类中有七个只是因为上年结转才出现在2023年预算中。预算情况说明称上年结转“主要是惠企专项项目资金”（第575行），支出增长是因为惠企兑现资金大幅上升（第579行）：这些钱很可能是由该局兑付、以前年度已经安排但尚未兑付的惠企资金（这是推断：公开文件没有把每个类与具体的兑现资金对应起来）。靠上年结转增长的预算，并没有得到同样多的新增资金。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表，第89–149行。
