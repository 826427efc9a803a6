# %% [markdown] tags=["lang-en"]
# # Exercise 3: read and judge a performance indicator
#
# ## Overview
# Each project promises targets: **三级指标** (the indicator) and **指标值** (its target value). Judge one
# indicator on what the disclosure lets a reader judge:
#
# 1. **Measurable?** Does the target state a number with a unit?
# 2. **Can its ambition be judged?** A target is demanding only against something: last year's result, the
#    current level, a national standard. Does the disclosure give such a value?
# 3. **Can it mean what it says?** Some targets, read literally, describe something absurd.
# 4. **Is it an output listed as a benefit?** A **效益指标** (benefit) should say what changes for people or
#    the economy: a rate, a share, a level that rises. One that only counts what the project delivers
#    (people registered, systems connected, services given) restates an output (产出指标). Take as the rule:
#    a benefit indicator whose target is a count, a number in a unit that is not a rate (%), is an output.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `04_performance_targets` | helpful | operators, numbers, units; the =100% rates |
#
# Time: 20 minutes. Your teacher has the solution (`teaching_sol_03_judge_an_indicator`).

# %% [markdown] tags=["lang-zh"]
# # 练习3：读懂并评判一个绩效指标
#
# ## 概览
# 每个项目都承诺了绩效目标：**三级指标**（具体指标）及其**指标值**（目标值）。请只依据公开文件能让读者判断的内容，评判其中一个指标：
#
# 1. **能否衡量？** 目标是否给出了带计量单位的数值？
# 2. **能否判断目标定得高不高？** 目标是否有挑战性，只能相对于某个参照来判断：上年实际完成值、现有水平、国家标准。公开文件给出了这样的数值吗？
# 3. **能否按字面理解？** 有些目标按字面理解是荒谬的。
# 4. **是不是把产出列成了效益？** **效益指标**应当说明给群众或经济带来了什么变化：一个比率、一个比重、一个提高了的水平。只数项目做了多少（注册了多少人、接入了多少系统、服务了多少次）的指标，重复的是产出（产出指标）。以此为规则：目标是计数（计量单位不是比率%的数值）的效益指标，就是产出。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `04_performance_targets` | 有帮助 | 比较符号、数值、计量单位；=100% 的比率 |
#
# 时间：20分钟。答案在老师那里（`teaching_sol_03_judge_an_indicator`）。

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
targets = gz.targets(d, lang=LANG)
gz.tables.show(
    targets.query("project_id in ['P1', 'P2']")[
        ["project_id", "level1", "level2", "indicator", "value_text", "operator", "number", "unit"]
    ],
    lang=LANG,
)

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## Your turn
# Choose one indicator of any project (for example P2's `15秒接通率`, calls answered within 15 seconds,
# P4's `系统故障率(%)`, the system failure rate, or one of P1's 效益指标). Answer the four questions with
# `True` or `False` (`"yes"`/`"no"` also do) and give a reason in a comment. Look at the columns of
# `d.table("indicators")` before you answer the second. The check says which judgement is wrong, and why.

# %% [markdown] tags=["lang-zh"]
# ## 动手做
# 任选一个项目的一个指标（例如P2的“15秒接通率”、P4的“系统故障率(%)”，或P1的某个效益指标）。用 `True` 或 `False`（也可以写“是”或“否”）回答上面四个问题，并在注释中写明理由。回答第二个问题之前，先看看 `d.table("indicators")` 有哪些列。如果有判断错误，核对结果会指出是哪一个，以及原因。

# %%
project_id = None  # "P2"
indicator = None  # the 三级指标, exactly as in the table (与表中完全一致)
measurable = None
ambition_judgeable = None
sensible = None
output_as_benefit = None

# %%
gz.teaching.check_indicator(
    d, project_id, indicator, measurable, ambition_judgeable, sensible, output_as_benefit, lang=LANG
)

# %% [markdown] tags=["lang-en"]
# ## To think about
# Think about the =100% rates (such as P2's `交办工单回访率`, follow-up of every assigned ticket): what would
# a reader need to check that the unit met them? And where a benefit indicator only counts an output, what
# would a benefit of the same project look like?
#
# ## Summary
# You read an indicator's operator, number and unit and its category, and separated what the disclosure
# lets you judge (form, meaning, category) from what it does not (ambition, whether the target was met).
#
# ## Sources
# - 项目支出绩效目标表, lines 336-567 of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 思考
# 想一想那些 =100% 的比率（例如P2的“交办工单回访率”）：读者需要什么信息，才能核实单位确实做到了？如果一个效益指标只是在数产出，同一个项目真正的效益指标应当是什么样子？
#
# ## 小结
# 你读出了一个指标的比较符号、数值、计量单位和所属类别，并把公开文件能让你判断的（形式、含义、类别）与不能让你判断的（目标高低、是否完成）区分开来。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的项目支出绩效目标表，第336–567行。
