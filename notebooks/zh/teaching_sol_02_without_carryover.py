# %% [markdown]
# # 答案2：如果没有上年结转，哪个功能缩减得最多？
#
# ## 概览
# `teaching_ex_02_without_carryover` 的参考答案。
#
# ## 预备知识
# 练习笔记本。时间：5分钟。

# %% [markdown]
# ## 导入

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
c = gz.carryover(d, level="类", lang="zh")

# %%
gz.require(d, "carryover")  # 收入表不按功能分类列示时：给出一句说明，笔记本到此为止

# %% [markdown]
# ## 答案
# 按结转占比排序：有几个类并列为1，它们完全依靠上年结转，没有结转就会整个消失。

# %%
ranked = c.sort_values(["share_carried_over", "carryover"], ascending=False)
gz.tables.show(ranked[["code", "name", "carryover", "total", "share_carried_over"]], lang="zh")

# %% tags=["nbval-check-output", "remove-cell"]
print(ranked[["code", "name", "carryover", "total", "share_carried_over"]].round(4).to_string(index=False))

# %% tags=["nbval-check-output"]
top = gz.teaching.shrink_without_carryover(d)
gz.teaching.check_without_carryover(d, top["code"], top["share_carried_over"], lang="zh")

# %% [markdown]
# ## 讨论
# 在七个完全依靠上年结转的类中，科学技术（206,3,151.22万元）金额最大；按金额算，它失去的也最多。在还有其他资金的类中，社会保障和就业（208）将失去65.7%。
#
# ## 小结
# 十二个类中有七个只是因为上年结转才出现在2023年预算中。预算情况说明称上年结转“主要是惠企专项项目资金”（第575行），支出增长是因为惠企兑现资金大幅上升（第579行）：这些钱很可能是由该局兑付、以前年度已经安排但尚未兑付的惠企资金（这是推断：公开文件没有把每个类与具体的兑现资金对应起来）。靠上年结转增长的预算，并没有得到同样多的新增资金。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表，第89–149行。
