# %% [markdown]
# # Solution 3: read and judge a performance indicator
#
# ## Overview
# The solution of `teaching_ex_03_judge_an_indicator`, for two indicators of project P2 (the 12345 hotline).
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %%
gz.require(d, "projects")  # where the disclosure has no projects: one sentence, and the notebook stops

# %% [markdown]
# ## Solution
# `15秒接通率 ≥90%` (calls answered within 15 seconds): measurable, and a real service standard that can be
# missed — ambitious enough. `交办工单回访率 =100%` (follow-up of every assigned ticket): measurable, but a
# rate of exactly 100% the hotline reports on itself is not demanding.

# %%
# NBVAL_CHECK_OUTPUT
gz.teaching.check_indicator(d, "P2", "15秒接通率", measurable=True, ambitious=True)
gz.teaching.check_indicator(d, "P2", "交办工单回访率", measurable=True, ambitious=False)

# %% [markdown]
# A qualitative target is not measurable as printed:

# %%
# NBVAL_CHECK_OUTPUT
gz.teaching.check_indicator(d, "P1", "城市数据治理效率", measurable=False, ambitious=False)

# %% [markdown]
# ## Summary
# Measurable is a matter of form (number and unit); ambitious is a judgement: a rate of 100% on something
# the unit controls and reports itself promises little.
#
# ## Sources
# - 项目支出绩效目标表, lines 393-407 and 350-377 of `data/raw/ganzhou-xzspj-2023.txt`.
