# %% [markdown]
# # 答案3：读懂并评判一个绩效指标
#
# ## 概览
# `teaching_ex_03_judge_an_indicator` 的参考答案，以P2（12345热线）、P4（政府门户网站）和P1（城市大脑）的指标为例。
#
# ## 预备知识
# 练习笔记本。时间：5分钟。

# %% [markdown]
# ## 导入

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %%
gz.require(d, "projects")  # 公开文件中没有项目支出绩效目标表时：给出一句说明，笔记本到此为止

# %% [markdown]
# ## 答案
# 从这份公开文件无法判断任何一个指标的目标定得高不高：绩效目标表只有目标值（指标值）一栏，没有可供比较的数值，既没有上年完成值，也没有现有水平。

# %% tags=["nbval-check-output"]
print(list(d.table("indicators").columns))

# %% [markdown]
# “15秒接通率 ≥90%”（第397行）：可以衡量，含义明确，但90%算不算高无从判断。“交办工单回访率 =100%”（第399行）：可以衡量，也说得通，但这是热线自己报告的恰为100%的比率，读者无法核实：公开文件不会告诉你一共有多少工单，又回访了多少。

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P2", "15秒接通率", measurable=True, ambition_judgeable=False, sensible=True, lang="zh"
)
gz.teaching.check_indicator(
    d, "P2", "交办工单回访率", measurable=True, ambition_judgeable=False, sensible=True, lang="zh"
)

# %% [markdown]
# “系统故障率(%) =100%”（第460行）可以衡量，但按字面理解，它承诺的是一个永远出故障的系统；同一张表又承诺系统故障率 ≤5%（第463行），这才是本来的意思。

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P4", "系统故障率(%)", measurable=True, ambition_judgeable=False, sensible=False, lang="zh"
)

# %% [markdown]
# 定性目标按印刷的内容无法衡量：

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P1", "城市数据治理效率", measurable=False, ambition_judgeable=False, sensible=True, lang="zh"
)

# %% [markdown]
# ## 小结
# 能否衡量是形式问题（有没有数值和计量单位）。目标高低需要基期值，而这份公开文件没有给出。读者能够指出的问题，是无法核实的目标（单位自报的 =100% 比率）和按字面说不通的目标（100%的故障率、100%的成本节约率）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的项目支出绩效目标表，第393–407行（P2）、第455–467行（P4）和第350–377行（P1）。
