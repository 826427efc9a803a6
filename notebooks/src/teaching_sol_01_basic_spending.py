# %% [markdown] tags=["lang-en"]
# # Solution 1: 基本支出 = 人员经费 + 公用经费?
#
# ## Overview
# The solution of `teaching_ex_01_basic_spending`: read the 合计 row of 一般公共预算基本支出表, add up
# 人员经费 (personnel) and 公用经费 (office running costs), and trace the difference to the subtotal it
# comes from.
#
# ## Prerequisites
# The exercise notebook. Time: 10 minutes.

# %% [markdown] tags=["lang-zh"]
# # 答案1：基本支出 = 人员经费 + 公用经费？
#
# ## 概览
# `teaching_ex_01_basic_spending` 的参考答案：读出一般公共预算基本支出表的合计行，把人员经费和公用经费相加，并把差额追溯到它所出自的小计。
#
# ## 预备知识
# 练习笔记本。时间：10分钟。

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
# ## Solution: the total and its two parts

# %% [markdown] tags=["lang-zh"]
# ## 答案：合计与两个分项

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
# 1,648.09 + 214.31 = 1,862.40, but the 合计 row says 1,862.41 (line 272). The audit finds the same:

# %% [markdown] tags=["lang-zh"]
# 1,648.09 + 214.31 = 1,862.40，而合计行是1,862.41（第272行）。审计的结论相同：

# %%
audit = gz.audit(d)  # the rule's row (none where a disclosure does not print 人员经费 and 公用经费)
row = audit[audit["rule"] == "row.general_budget_basic_expenditure.total.row1"].set_index("rule")
gz.tables.show(row[["lhs", "rhs", "diff", "tolerance", "status"]], lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(row[["lhs", "rhs", "diff", "tolerance", "status"]], LANG))

# %% [markdown] tags=["lang-en"]
# ## Solution: where the difference comes from
# Each class's printed subtotal beside the sum of its 款 rows:

# %% [markdown] tags=["lang-zh"]
# ## 答案：差额从哪里来
# 每个类印刷的小计与其各款之和对照如下：

# %%
gaps = gz.teaching.subtotal_gaps(d)
gz.tables.show(gaps, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(gaps, LANG))
items = basic[basic["level"] == "款"]
print(round(items["total"].sum(), 2), len(items[items["parent"] == "301"]))
print(
    audit.set_index("rule")
    .loc["hierarchy.general_budget_basic_expenditure.total.301", ["diff", "status"]]
    .tolist()
)

# %% tags=["nbval-check-output"]
off = gaps[gaps["subtotal_gap"] != 0].iloc[0]
gz.teaching.check_subtotal_trace(d, off["code"], off["items_sum"], lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Discussion
# The eleven 款 rows of 301 (lines 274–284) add up to 1,645.10; the class prints 1,645.09 (line 273), and
# the narrative repeats it (lines 581 and 595). The other figures agree with their items: every 款 row
# together makes 1,862.41, the 合计. The 人员经费 column's 1,648.09 is 301's subtotal plus 303's 3.00: it
# carries the 301 subtotal, and so its 0.01.
#
# Neither figure is wrong. Each is rounded to 0.01 on its own, so each may be off its exact value by up to
# 0.005; eleven such items may drift from their exact sum by up to 11 × 0.005 = 0.055. The printed
# subtotal is most likely the exact sum rounded once, and the 0.01 is **rounding**, not an error. The audit
# rates it so too (its row `hierarchy.general_budget_basic_expenditure.total.301`, in `05_data_audit`).

# %% [markdown] tags=["lang-zh"]
# ## 讨论
# 301类下的十一个款（第274–284行）加起来是1,645.10；该类印刷的小计是1,645.09（第273行），预算情况说明也沿用了这个数（第581行和第595行）。其余数字都与各自的分项一致：全部款行加起来是1,862.41，正是合计。人员经费一栏的1,648.09是301类小计加上303类的3.00：它沿用了301类的小计，也就带上了这0.01。
#
# 两个数字都没有错。每个数字都是各自四舍五入到0.01的，因此与精确值最多相差0.005；十一个这样的分项加起来，与精确和最多可差 11 × 0.005 = 0.055。印刷的小计很可能是精确和只四舍五入一次的结果，这0.01是**尾差**，不是错误。审计也是这样判定的（规则 `hierarchy.general_budget_basic_expenditure.total.301`，见`05_data_audit`）。

# %% [markdown] tags=["lang-en"]
# ## Summary
# Most of basic spending is personnel (1,648.09 of 1,862.41, line 272). The parts miss the total by 0.01,
# and the gap traces to one subtotal: 301 prints 1,645.09 where its items add up to 1,645.10. Rounding,
# found by adding up one level at a time.
#
# ## Sources
# - 一般公共预算基本支出表, lines 263-302 of `data/raw/ganzhou-xzspj-2023.txt`; the narrative, lines 581 and
#   595.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# 基本支出的大部分是人员经费（1,862.41中的1,648.09，第272行）。两个分项之和与合计相差0.01，这一差额可以追溯到一个小计：301类印刷的是1,645.09，而其各款之和是1,645.10。这是尾差，通过逐层加总找到。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的一般公共预算基本支出表，第263–302行；预算情况说明，第581行和第595行。
