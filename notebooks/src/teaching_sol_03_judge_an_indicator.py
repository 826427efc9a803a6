# %% [markdown] tags=["lang-en"]
# # Solution 3: read and judge a performance indicator
#
# ## Overview
# The solution of `teaching_ex_03_judge_an_indicator`, for indicators of P2 (the 12345 hotline), P4 (the
# government portal) and P1 (城市大脑).
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown] tags=["lang-zh"]
# # 答案3：读懂并评判一个绩效指标
#
# ## 概览
# `teaching_ex_03_judge_an_indicator` 的参考答案，以P2（12345热线）、P4（政府门户网站）和P1（城市大脑）的指标为例。
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

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## Solution
# No indicator's ambition can be judged from this disclosure: the performance table has a target column
# (指标值) and nothing to compare it with, no last year's result and no current level.

# %% [markdown] tags=["lang-zh"]
# ## 答案
# 从这份公开文件无法判断任何一个指标的目标定得高不高：绩效目标表只有目标值（指标值）一栏，没有可供比较的数值，既没有上年完成值，也没有现有水平。

# %%
gz.tables.show(d.table("indicators").head(3), lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(list(d.table("indicators").columns))

# %% [markdown] tags=["lang-en"]
# `15秒接通率 ≥90%` (calls answered within 15 seconds, line 397): measurable, it means what it says, and
# whether 90% is demanding cannot be told. `交办工单回访率 =100%` (line 399): measurable and sensible, but a
# rate of exactly 100% that the hotline reports on itself cannot be verified by a reader: the disclosure
# will not say how many tickets there were, nor how many were followed up.

# %% [markdown] tags=["lang-zh"]
# “15秒接通率 ≥90%”（第397行）：可以衡量，含义明确，但90%算不算高无从判断。“交办工单回访率 =100%”（第399行）：可以衡量，也说得通，但这是热线自己报告的恰为100%的比率，读者无法核实：公开文件不会告诉你一共有多少工单，又回访了多少。

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P2", "15秒接通率", measurable=True, ambition_judgeable=False, sensible=True, lang=LANG
)

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P2", "交办工单回访率", measurable=True, ambition_judgeable=False, sensible=True, lang=LANG
)

# %% [markdown] tags=["lang-en"]
# `系统故障率(%) =100%` (line 460) is measurable, but read literally it promises a system that always fails;
# the same table also promises 系统故障率 ≤5% (line 463), which is what was meant.

# %% [markdown] tags=["lang-zh"]
# “系统故障率(%) =100%”（第460行）可以衡量，但按字面理解，它承诺的是一个永远出故障的系统；同一张表又承诺系统故障率 ≤5%（第463行），这才是本来的意思。

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P4", "系统故障率(%)", measurable=True, ambition_judgeable=False, sensible=False, lang=LANG
)

# %% [markdown] tags=["lang-en"]
# A qualitative target is not measurable as printed:

# %% [markdown] tags=["lang-zh"]
# 定性目标按印刷的内容无法衡量：

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P1", "城市数据治理效率", measurable=False, ambition_judgeable=False, sensible=True, lang=LANG
)

# %% [markdown] tags=["lang-en"]
# ## Summary
# Measurable is a matter of form (number and unit). Ambition needs a baseline, which this disclosure does not
# give. What a reader can fault is a target that cannot be verified (a self-reported =100% rate) or cannot
# mean what it says (a 100% failure rate, a 100% cost saving rate).
#
# ## Sources
# - 项目支出绩效目标表, lines 393-407 (P2), 455-467 (P4) and 350-377 (P1) of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# 能否衡量是形式问题（有没有数值和计量单位）。目标高低需要基期值，而这份公开文件没有给出。读者能够指出的问题，是无法核实的目标（单位自报的 =100% 比率）和按字面说不通的目标（100%的故障率、100%的成本节约率）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的项目支出绩效目标表，第393–407行（P2）、第455–467行（P4）和第350–377行（P1）。
