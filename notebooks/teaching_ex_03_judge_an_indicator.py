# %% [markdown]
# # Exercise 3: read and judge a performance indicator
#
# ## Overview
# Each project promises targets: **三级指标** (the indicator) and **指标值** (its target value). A good
# indicator is **measurable** (a number with a unit) and **ambitious** (not met by default). Pick one and
# judge it.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `04_performance_targets` | helpful | |
#
# Time: 15 minutes. The solution is in `teaching_sol_03_judge_an_indicator`.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
targets = gz.targets(d)
targets.query("project_id == 'P2'")[["level2", "indicator", "value_text", "operator", "number", "unit"]]

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown]
# ## Your turn
# Choose one indicator of any project (for example P2's `15秒接通率`, calls answered within 15 seconds).
# Is it measurable (`True`/`False`)? Is its target ambitious (`True`/`False`)? Give a reason in a comment.

# %%
project_id = None  # e.g. "P2"
indicator = None  # the 三级指标, exactly as in the table
measurable = None
ambitious = None

# %%
gz.teaching.check_indicator(d, project_id, indicator, measurable, ambitious)

# %% [markdown]
# ## Summary
# You read an indicator's operator, number and unit, and judged whether it tells a reader anything.
#
# ## Sources
# - 项目支出绩效目标表, lines 336-567 of `data/raw/ganzhou-xzspj-2023.txt`.
