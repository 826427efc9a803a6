# %% [markdown]
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
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `04_performance_targets` | helpful | operators, numbers, units; the =100% rates |
#
# Time: 15 minutes. The solution is in `teaching_sol_03_judge_an_indicator`.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
targets = gz.targets(d, lang="en")
gz.tables.show(
    targets.query("project_id == 'P2'")[["level2", "indicator", "value_text", "operator", "number", "unit"]],
    lang="en",
)

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown]
# ## Your turn
# Choose one indicator of any project (for example P2's `15秒接通率`, calls answered within 15 seconds, or
# P4's `系统故障率(%)`, the system failure rate). Answer the three questions with `True`/`False` and give a
# reason in a comment. Look at the columns of `d.table("indicators")` before you answer the second.
#
# Then think about the =100% rates (such as P2's `交办工单回访率`, follow-up of every assigned ticket): what
# would a reader need to check that the unit met them?

# %%
project_id = None  # e.g. "P2"
indicator = None  # the 三级指标, exactly as in the table
measurable = None
ambition_judgeable = None
sensible = None

# %%
gz.teaching.check_indicator(d, project_id, indicator, measurable, ambition_judgeable, sensible, lang="en")

# %% [markdown]
# ## Summary
# You read an indicator's operator, number and unit, and separated what the disclosure lets you judge
# (form, meaning) from what it does not (ambition, whether the target was met).
#
# ## Sources
# - 项目支出绩效目标表, lines 336-567 of `data/raw/ganzhou-xzspj-2023.txt`.
