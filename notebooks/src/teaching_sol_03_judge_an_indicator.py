# %% [markdown] tags=["lang-en"]
# # Solution 3: read and judge a performance indicator
#
# ## Overview
# The solution of `teaching_ex_03_judge_an_indicator`, for indicators of P2 (the 12345 hotline), P4
# (党政门户网站(网络)运行维护经费, the upkeep of the Party and government portal and its network, line 443)
# and P1 (城市大脑, the "city brain").
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown] tags=["lang-zh"]
# # 答案3：读懂并评判一个绩效指标
#
# ## 概览
# `teaching_ex_03_judge_an_indicator` 的参考答案，以P2（12345热线）、P4（党政门户网站（网络）运行维护经费，第443行）和P1（城市大脑）的指标为例。
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
    d,
    "P2",
    "15秒接通率",
    measurable=True,
    ambition_judgeable=False,
    sensible=True,
    output_as_benefit=False,
    lang=LANG,
)

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d,
    "P2",
    "交办工单回访率",
    measurable=True,
    ambition_judgeable=False,
    sensible=True,
    output_as_benefit=False,
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# `系统故障率(%) =100%` (line 460) is measurable, but read literally it promises a system that always fails;
# the same table also promises 系统故障率 ≤5% (line 463), which is what was meant.

# %% [markdown] tags=["lang-zh"]
# “系统故障率(%) =100%”（第460行）可以衡量，但按字面理解，它承诺的是一个永远出故障的系统；同一张表又承诺系统故障率 ≤5%（第463行），这才是本来的意思。

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d,
    "P4",
    "系统故障率(%)",
    measurable=True,
    ambition_judgeable=False,
    sensible=False,
    output_as_benefit=False,
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# A qualitative target is not measurable as printed:

# %% [markdown] tags=["lang-zh"]
# 定性目标按印刷的内容无法衡量：

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d,
    "P1",
    "城市数据治理效率",
    measurable=False,
    ambition_judgeable=False,
    sensible=True,
    output_as_benefit=False,
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# **An output listed as a benefit.** P1 lists among its 效益指标 (benefits, lines 368-375) targets that
# count what the project delivers: `统一身份认证 ≥6000000人` (people with a unified online identity,
# line 369) and `电子证照类型接入数 ≥80种` (kinds of electronic licences connected, line 371). They say how
# much the city brain will do, not what changes for citizens or firms because of it: they are outputs
# (产出指标), and the project's own 数量指标 (lines 352-361) are of the same kind. A benefit would be a
# change: time saved per application, the share of matters handled online. `惠企兑现增长率 ≥10%`
# (line 374) at least states a change, as a rate.

# %% [markdown] tags=["lang-zh"]
# **把产出列成了效益。**P1在效益指标（第368–375行）中列出了一些只数项目做了多少的目标：“统一身份认证 ≥6000000人”（第369行）和“电子证照类型接入数 ≥80种”（第371行）。它们说的是城市大脑要完成多少，而不是给群众或企业带来了什么变化：它们是产出（产出指标），与该项目自己的数量指标（第352–361行）属于同一类。效益应当是一种变化：每件事项节省的时间、网上办理事项的比重。“惠企兑现增长率 ≥10%”（第374行）至少以比率的形式说明了一种变化。

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d,
    "P1",
    "统一身份认证",
    measurable=True,
    ambition_judgeable=False,
    sensible=True,
    output_as_benefit=True,
    lang=LANG,
)

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d,
    "P1",
    "电子证照类型接入数",
    measurable=True,
    ambition_judgeable=False,
    sensible=True,
    output_as_benefit=True,
    lang=LANG,
)

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d,
    "P1",
    "惠企兑现增长率",
    measurable=True,
    ambition_judgeable=False,
    sensible=True,
    output_as_benefit=False,
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# The rule (a count among the benefits is an output) is a reader's rule of thumb, and it has a border: a
# count of use, such as P4's `主页点击量 ≥50万次` (home page visits, line 469) or P2's `服务群众次数
# ≥2000000次` (line 406), is counted as an output too, though one may argue that use is a first effect.
# Every benefit indicator of the disclosure, judged by the rule:

# %% [markdown] tags=["lang-zh"]
# 这条规则（效益指标中的计数就是产出）是读者的经验法则，也有边界：使用量的计数，例如P4的“主页点击量 ≥50万次”（第469行）或P2的“服务群众次数 ≥2000000次”（第406行），按这条规则也算产出，尽管也可以说使用本身就是一种初步的效果。按这条规则判断公开文件中的全部效益指标：

# %%
benefit = gz.term("效益指标", LANG)
benefits = gz.targets(d, lang=LANG).query("level1 == @benefit").dropna(subset=["indicator"])
judged = benefits.assign(
    output_as_benefit=[
        gz.teaching.indicator_judgement(d, p, i)["output_as_benefit"]
        for p, i in zip(benefits["project_id"], benefits["indicator"], strict=True)
    ]
)
gz.tables.show(
    judged[["project_id", "indicator", "value_text", "unit", "output_as_benefit", "source_line"]], lang=LANG
)

# %% tags=["nbval-check-output", "remove-cell"]
print(judged.loc[judged["output_as_benefit"], "source_line"].tolist(), len(judged))

# %% [markdown] tags=["lang-en"]
# ## Summary
# Measurable is a matter of form (number and unit). Ambition needs a baseline, which this disclosure does not
# give. What a reader can fault is a target that cannot be verified (a self-reported =100% rate) or cannot
# mean what it says (a 100% failure rate, a 100% cost saving rate).
#
# ## Sources
# - 项目支出绩效目标表, lines 393-407 (P2), 455-469 (P4) and 350-377 (P1) of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# 能否衡量是形式问题（有没有数值和计量单位）。目标高低需要基期值，而这份公开文件没有给出。读者能够指出的问题，是无法核实的目标（单位自报的 =100% 比率）、按字面说不通的目标（100%的故障率、100%的成本节约率），以及只是在数产出的效益指标（统一身份认证6000000人、接入80种电子证照：第369、371行）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的项目支出绩效目标表，第393–407行（P2）、第455–469行（P4）和第350–377行（P1）。
