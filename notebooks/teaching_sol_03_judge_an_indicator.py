# %% [markdown]
# # Solution 3: read and judge a performance indicator
#
# ## Overview
# The solution of `teaching_ex_03_judge_an_indicator`, for indicators of P2 (the 12345 hotline), P4 (the
# government portal) and P1 (城市大脑).
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
# No indicator's ambition can be judged from this disclosure: the performance table has a target column
# (指标值) and nothing to compare it with, no last year's result and no current level.

# %% tags=["nbval-check-output"]
print(list(d.table("indicators").columns))

# %% [markdown]
# `15秒接通率 ≥90%` (calls answered within 15 seconds, line 397): measurable, it means what it says, and
# whether 90% is demanding cannot be told. `交办工单回访率 =100%` (line 399): measurable and sensible, but a
# rate of exactly 100% that the hotline reports on itself cannot be verified by a reader: the disclosure
# will not say how many tickets there were, nor how many were followed up.

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P2", "15秒接通率", measurable=True, ambition_judgeable=False, sensible=True, lang="en"
)
gz.teaching.check_indicator(
    d, "P2", "交办工单回访率", measurable=True, ambition_judgeable=False, sensible=True, lang="en"
)

# %% [markdown]
# `系统故障率(%) =100%` (line 460) is measurable, but read literally it promises a system that always fails;
# the same table also promises 系统故障率 ≤5% (line 463), which is what was meant.

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P4", "系统故障率(%)", measurable=True, ambition_judgeable=False, sensible=False, lang="en"
)

# %% [markdown]
# A qualitative target is not measurable as printed:

# %% tags=["nbval-check-output"]
gz.teaching.check_indicator(
    d, "P1", "城市数据治理效率", measurable=False, ambition_judgeable=False, sensible=True, lang="en"
)

# %% [markdown]
# ## Summary
# Measurable is a matter of form (number and unit). Ambition needs a baseline, which this disclosure does not
# give. What a reader can fault is a target that cannot be verified (a self-reported =100% rate) or cannot
# mean what it says (a 100% failure rate, a 100% cost saving rate).
#
# ## Sources
# - 项目支出绩效目标表, lines 393-407 (P2), 455-467 (P4) and 350-377 (P1) of `data/raw/ganzhou-xzspj-2023.txt`.
