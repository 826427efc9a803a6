# %% [markdown]
# # Solution 2: which function would shrink most without carry-over?
#
# ## Overview
# The solution of `teaching_ex_02_without_carryover`.
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
c = gz.carryover(d, level="类", lang="en")

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown]
# ## Solution
# Sort by the share carried over; several classes tie at 1: they are funded by carry-over alone and
# would disappear entirely.

# %%
ranked = c.sort_values(["share_carried_over", "carryover"], ascending=False)
gz.tables.show(ranked[["code", "name", "carryover", "total", "share_carried_over"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(ranked[["code", "name", "carryover", "total", "share_carried_over"]].round(4).to_string(index=False))

# %% tags=["nbval-check-output"]
top = gz.teaching.shrink_without_carryover(d)
gz.teaching.check_without_carryover(d, top["code"], top["share_carried_over"], lang="en")

# %% [markdown]
# ## Discussion
# Science and technology (206, 3,151.22 万元) is the largest of seven classes that live on carry-over alone;
# by amount it would lose the most too. Among the classes with other money, social security (208) would lose
# 65.7%.
#
# ## Summary
# Seven of twelve classes exist in the 2023 budget only through carried-over funds. The narrative says the
# carry-over is "mainly 惠企专项项目资金" (enterprise-support funds, line 575), and that spending grew with the
# 惠企兑现 payouts (line 579): most likely enterprise-support money the bureau pays out, appropriated in earlier
# years and not yet paid (an inference: the disclosure does not tie each class to a payout). A budget that
# grows through carry-over has not been given that much new money.
#
# ## Sources
# - 部门收入总表, lines 89-149 of `data/raw/ganzhou-xzspj-2023.txt`.
