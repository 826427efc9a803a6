# %% [markdown] tags=["lang-en"]
# # Solution 2: which functions would shrink without carry-over?
#
# ## Overview
# The solution of `teaching_ex_02_without_carryover`, and what the disclosure says, and does not say, about
# the money carried over.
#
# ## Prerequisites
# The exercise notebook. Time: 10 minutes.

# %% [markdown] tags=["lang-zh"]
# # 答案2：如果没有上年结转，哪些功能会缩减？
#
# ## 概览
# `teaching_ex_02_without_carryover` 的参考答案，以及公开文件对上年结转资金说了什么、没有说什么。
#
# ## 预备知识
# 练习笔记本。时间：10分钟。

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
# Sort by the share carried over. The classes at the top have a share of 1: carry-over is all their money,
# and without it they would disappear. Below them come the classes with money of their own.

# %% [markdown] tags=["lang-zh"]
# ## 答案
# 按结转占比排序。排在最前面的类比重为1：上年结转就是它们的全部资金，没有结转就会整个消失。其后是还有其他资金的类。

# %%
ranked = c.sort_values(["share_carried_over", "carryover"], ascending=False)
gz.tables.show(
    ranked[["code", "name", "carryover", "total", "share_carried_over", "carryover_only"]], lang=LANG
)

# %% tags=["nbval-check-output", "remove-cell"]
print(ranked[["code", "carryover", "total", "share_carried_over"]].round(4).to_string(index=False))
print(len(c), int(c["carryover_only"].sum()))

# %% tags=["nbval-check-output"]
top = gz.teaching.shrink_without_carryover(d)
gz.teaching.check_without_carryover(
    d, int(c["carryover_only"].sum()), top["code"], top["share_carried_over"], lang=LANG
)

# %% [markdown] tags=["lang-en"]
# ## Discussion
# Seven of the twelve classes live on carry-over alone; science and technology (206, 3,151.22 万元) is the
# largest of them, and by amount it would lose the most of any class. Among the classes with money of their
# own, social security and employment (208) would lose 65.7%, general public services (201) only 1.2%.
#
# **What is this money?** The narrative says the carry-over rose "mainly" with 惠企专项项目资金
# (enterprise-support project funds, line 575), and that spending grew with the 惠企兑现 (payouts to
# enterprises) rising sharply (line 579). It does not say which classes the carried-over money is in, nor
# that these classes pay anything out. What it does say is what kind of spending the projects are, by
# economic class (line 583):

# %% [markdown] tags=["lang-zh"]
# ## 讨论
# 十二个类中有七个完全依靠上年结转；其中科学技术（206类，3,151.22万元）金额最大，按金额算，它失去的也是所有类中最多的。在还有其他资金的类中，社会保障和就业（208类）将失去65.7%，一般公共服务（201类）只失去1.2%。
#
# **这些是什么钱？**预算情况说明称上年结转增加“主要是惠企专项项目资金”（第575行），支出增长是因为“惠企兑现工作力度增大，兑现资金大幅上升”（第579行）。它没有说明上年结转资金在哪些类中，也没有说这些类要兑付什么。它说明了的，是项目支出按经济分类属于哪种支出（第583行）：

# %%
projects = gz.teaching.project_spending_by_economic(d, lang=LANG)
gz.tables.show(projects, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(projects[["code", "amount", "source_line"]].to_string(index=False))
print(round(projects["amount"].sum(), 2))

# %% [markdown] tags=["lang-en"]
# These four classes make up all project spending (21,393.02 万元, line 581), and none of them is 312
# 对企业补助 (subsidies to enterprises), the class of the national economic classification in which
# subsidies paid to enterprises are booked; nor is 312 among the classes of all spending (line 587). So the
# figures do not show payouts to enterprises. Either such payouts are booked as goods and services (302),
# and then much of "goods and services" is not purchases, or the carried-over money is not paid out to
# enterprises at all. The disclosure does not let a reader tell which: that the carry-over is the bureau's
# 惠企 payouts is an inference from the narrative's wording, which its figures do not confirm.

# %% [markdown] tags=["lang-zh"]
# 这四个类构成了全部项目支出（21,393.02万元，第581行），其中没有312对企业补助——按照全国统一的经济分类，对企业的补助应列入这一类；全部支出的经济分类中也没有312类（第587行）。因此，这些数字并没有显示对企业的兑付。要么这类兑付列在了商品和服务支出（302类）中，那么“商品和服务支出”中有很大一部分并不是购买商品和服务；要么上年结转资金根本不是兑付给企业的。公开文件无法让读者判断是哪一种：把上年结转说成该局兑付的惠企资金，只是从预算情况说明的措辞中得出的推断，它自己的数字并不能证实。

# %% [markdown] tags=["lang-en"]
# ## Summary
# Seven of twelve classes exist in the 2023 budget only through carried-over funds; among the others,
# 208 would lose 65.7%. The narrative calls the carry-over mainly 惠企专项项目资金 (line 575) but links no
# class to it, and its project spending by economic class has no 312 对企业补助 (line 583): what the
# carried-over money pays for is not shown. A budget that grows through carry-over has not been given that
# much new money: fiscal appropriations grew by 782.91 万元, carry-over by 7,589.33 (line 575).
#
# ## Sources
# - 部门收入总表, lines 89-149 of `data/raw/ganzhou-xzspj-2023.txt`; the narrative, lines 575-587.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# 十二个类中有七个只是因为上年结转才出现在2023年预算中；在其余的类中，208类将失去65.7%。预算情况说明称上年结转主要是惠企专项项目资金（第575行），却没有把它与任何类对应起来；项目支出的经济分类中也没有312对企业补助（第583行）：上年结转资金用于什么，公开文件并没有显示。靠上年结转增长的预算，并没有得到同样多的新增资金：财政拨款收入增加782.91万元，上年结转增加7,589.33万元（第575行）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表，第89–149行；预算情况说明，第575–587行。
