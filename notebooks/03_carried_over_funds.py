# %% [markdown]
# # Carried-over funds: where the 9,207.96 万元 of 上年结转 go
#
# ## Overview
# **上年结转** (carry-over) is money budgeted in earlier years and not yet spent, brought into this year's
# budget. In 2023 it is 9,207.96 万元, 40% of the unit's budget. Which functions does it pay for, which live
# on it alone, and what does the disclosure say about it?
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `00_start_here` | helpful | sources of funds |
# | `05_data_audit` | helpful | why some totals differ by 0.01 |
#
# Time to learn: 15 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %% [markdown]
# ## By function

# %%
by_class = gz.carryover(d, level="类")
gz.tables.show(by_class.drop(columns=["level", "parent"]), lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(
    by_class[
        ["code", "name", "carryover", "total", "share_of_carryover", "share_carried_over", "carryover_only"]
    ]
    .round(4)
    .to_string(index=False)
)

# %%
gz.charts.carryover(d)

# %% [markdown]
# Three classes take 85% of the carry-over: 科学技术 (science and technology, 34%), 城乡社区 (urban and
# rural community affairs, 32%) and 农林水 (agriculture, forestry and water, 19%). Seven classes are
# funded **by carry-over alone**: without it they would not appear in this budget at all.
#
# The classes' carry-over adds up to 9,207.97, one cent more than the published total: a rounding
# difference that the audit lists.

# %%
# NBVAL_CHECK_OUTPUT
print(
    "published total:",
    gz.carryover_context(d)["total"],
    "| sum of classes:",
    round(by_class["carryover"].sum(), 2),
)
print("carry-over only:", ", ".join(by_class.loc[by_class["carryover_only"], "name"]))

# %% [markdown]
# ## Down to items (项)

# %%
items = gz.carryover(d, level="项")
gz.tables.show(
    items[items["carryover"] > 0][["code", "name", "carryover", "share_of_carryover", "share_carried_over"]],
    lang="en",
)

# %% [markdown]
# ## What the disclosure says about it
# The narrative names the carry-over "国库集中支付网上结转" (treasury centralised-payment carry-over) and
# explains the growth of the budget by it:

# %%
# NBVAL_CHECK_OUTPUT
context = gz.carryover_context(d)
print(context["narrative"])
print("reason:", context["reason"])
print("财政拨款收支总表 leaves 上年结转 blank:", context["fiscal_summary_blank"])

# %% [markdown]
# ## How it relates (and fails to relate) to the project performance tables
# All carry-over funds project spending. Every project is supposed to have a performance table
# (项目支出绩效目标表) — the narrative says the unit "对项目支出全面实施绩效目标管理". Yet only one table has
# carry-over funds (1.40 万元), and the table named 平台建设项目(上年结转) ("carried over") is funded by
# this year's appropriations:

# %%
gz.tables.show(context["projects"], lang="en")

# %%
coverage = (
    gz.audit(d)
    .set_index("rule")
    .loc[
        ["projects.coverage.funds_carryover", "projects.coverage.funds_total"],
        ["lhs", "rhs", "diff", "status"],
    ]
)
gz.tables.show(coverage, lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(coverage.to_string())

# %% [markdown]
# So 9,206.56 万元 of carried-over project spending — science and technology, urban and rural affairs,
# agriculture, energy saving, employment, culture … — has no performance target in the disclosure.

# %% [markdown]
# ## Explore

# %%
gz.explorers.explorer(d, "carryover")

# %% [markdown]
# ## Summary
# - 上年结转 is 9,207.96 万元, 40% of the budget, all of it project spending.
# - 85% goes to three classes; seven classes live on carry-over alone.
# - The performance tables cover 1.40 万元 of it: carried-over projects have no published targets.
#
# ## Sources
# - 部门收入总表 (lines 89-149), 第三部分 (line 575), 项目支出绩效目标表 (lines 336-567) of
#   `data/raw/ganzhou-xzspj-2023.txt`.
