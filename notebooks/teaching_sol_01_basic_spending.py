# %% [markdown]
# # Solution 1: 基本支出 = 人员经费 + 公用经费?
#
# ## Overview
# The solution of `teaching_ex_01_basic_spending`: read the 合计 row of 一般公共预算基本支出表 and add up
# 人员经费 (personnel) and 公用经费 (office running costs).
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
basic = d.table("一般公共预算基本支出表")

# %% [markdown]
# ## Solution

# %% tags=["nbval-check-output"]
total_row = basic[basic["code"].isna()].iloc[0]
personnel = total_row["personnel"]
public_operations = total_row["public_operations"]
difference = round(total_row["total"] - personnel - public_operations, 2)
print(total_row["total"], personnel, public_operations, difference)

# %% tags=["nbval-check-output"]
gz.teaching.check_basic_split(d, personnel, public_operations, difference, lang="en")

# %% [markdown]
# ## Discussion
# 1,648.09 + 214.31 = 1,862.40, but the table says 1,862.41. Each of the three figures may be off by up to
# 0.005 through rounding, so a difference of up to 0.015 is harmless: this one is **rounding**, not an error.
# The audit agrees:

# %%
audit = gz.audit(d)  # the rule's row (none where a disclosure does not print 人员经费 and 公用经费)
row = audit[audit["rule"] == "row.general_budget_basic_expenditure.total.row1"].set_index("rule")
gz.tables.show(row[["lhs", "rhs", "diff", "tolerance", "status"]], lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(row.iloc[0][["lhs", "rhs", "diff", "tolerance", "status"]].to_string())

# %% [markdown]
# ## Summary
# Basic spending is 88% personnel; the table's parts miss its total by 0.01, within rounding.
#
# ## Sources
# - 一般公共预算基本支出表, lines 263-302 of `data/raw/ganzhou-xzspj-2023.txt`.
