# %% [markdown]
# # Exercise 2: which function would shrink most without carry-over?
#
# ## Overview
# **上年结转** (carry-over) is money from earlier years' budgets brought into this year. If a function
# received no carry-over, how much of its 2023 money would be left? Find the 类 (class) that would lose the
# largest **share** of its money.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `gz.carryover` | necessary | see `03_carried_over_funds` |
#
# Time: 15 minutes. The solution is in `teaching_sol_02_without_carryover`.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
c = gz.carryover(d, level="类", lang="en")
c.head()

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown]
# ## Your turn
# The column `share_carried_over` is carry-over ÷ the function's total. Which class has the largest
# share? (Is there a tie? What does a share of 1 mean?) Write its code and the share as a fraction (0–1).

# %%
code = None  # e.g. "201"
share = None  # e.g. 0.5

# %%
gz.teaching.check_without_carryover(d, code, share, lang="en")

# %% [markdown]
# ## To think about
# A function with a share of 1 exists in this budget only because money was left over from earlier years.
# What money could it be? Read the reason the narrative gives for the larger carry-over (line 575 of the
# source, or `gz.carryover_context(d)["reason"]`). What does it mean for reading a budget that grows through
# carry-over?
#
# ## Summary
# You compared each function's carry-over with its total.
#
# ## Sources
# - 部门收入总表, lines 89-149 of `data/raw/ganzhou-xzspj-2023.txt`.
