# %% [markdown] tags=["lang-en"]
# # Solution 1: 基本支出 = 人员经费 + 公用经费?
#
# ## Overview
# The solution of `teaching_ex_01_basic_spending`: read the 合计 row of 一般公共预算基本支出表 and add up
# 人员经费 (personnel) and 公用经费 (office running costs).
#
# ## Prerequisites
# The exercise notebook. Time: 5 minutes.

# %% [markdown] tags=["lang-zh"]
# # 答案1：基本支出 = 人员经费 + 公用经费？
#
# ## 概览
# `teaching_ex_01_basic_spending` 的参考答案：读出一般公共预算基本支出表的合计行，把人员经费和公用经费相加。
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
basic = d.table("一般公共预算基本支出表")

# %% [markdown] tags=["lang-en"]
# ## Solution

# %% [markdown] tags=["lang-zh"]
# ## 答案

# %%
total_row = basic[basic["code"].isna()].iloc[0]
personnel = total_row["personnel"]
public_operations = total_row["public_operations"]
difference = round(total_row["total"] - personnel - public_operations, 2)
gz.tables.figures(
    {
        "total": total_row["total"],
        "personnel": personnel,
        "public_operations": public_operations,
        "difference": difference,
    },
    lang=LANG,
    caption="万元",
)

# %% tags=["nbval-check-output", "remove-cell"]
print(total_row["total"], personnel, public_operations, difference)

# %% tags=["nbval-check-output"]
gz.teaching.check_basic_split(d, personnel, public_operations, difference, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Discussion
# 1,648.09 + 214.31 = 1,862.40, but the table says 1,862.41. Each of the three figures may be off by up to
# 0.005 through rounding, so a difference of up to 0.015 is harmless: this one is **rounding**, not an error.
# The audit agrees:

# %% [markdown] tags=["lang-zh"]
# ## 讨论
# 1,648.09 + 214.31 = 1,862.40，而表中的合计是1,862.41。三个数字经过四舍五入，各自都可能有最多0.005的偏差，因此不超过0.015的差额都无害：这是**尾差**，不是错误。审计的结论相同：

# %%
audit = gz.audit(d)  # the rule's row (none where a disclosure does not print 人员经费 and 公用经费)
row = audit[audit["rule"] == "row.general_budget_basic_expenditure.total.row1"].set_index("rule")
gz.tables.show(row[["lhs", "rhs", "diff", "tolerance", "status"]], lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(row.iloc[0][["lhs", "rhs", "diff", "tolerance", "status"]].to_string())

# %% [markdown] tags=["lang-en"]
# ## Summary
# Basic spending is 88% personnel; the table's parts miss its total by 0.01, within rounding.
#
# ## Sources
# - 一般公共预算基本支出表, lines 263-302 of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# 基本支出的88%是人员经费；表中两个分项之和与合计相差0.01，在尾差范围之内。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的一般公共预算基本支出表，第263–302行。
