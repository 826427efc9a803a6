# %% [markdown]
# # Carried-over funds: where the 9,207.96 万元 of 上年结转 go
#
# ## Overview
# **上年结转** (carry-over) is money budgeted in earlier years and not yet spent, brought into this year's
# budget. In 2023 it is 9,207.96 万元, 40% of the unit's budget. Which functions does it pay for, which live
# on it alone, and what does the disclosure say about it?
#
# ## 财政拨款 and 上年结转, 结转 and 结余
# - **财政拨款** (fiscal appropriations) is what this year's budget gives the unit. **上年结转** is money
#   appropriated in earlier years that the unit has not yet spent: not new money, but old appropriations
#   spent late. Growth through carry-over is growth without new appropriations.
# - **结转** (carry-over) is money for work not yet finished, which keeps its purpose and moves to next
#   year; **结余** (balance) is money left when the work is done or stopped, which is no longer needed for
#   it. The summary table prints the line as 上年结转(结余) (line 86) but gives no split.
# - Carry-over arises when projects span years, when money arrives late in the year, or when payment waits
#   for delivery and acceptance, as it often does for IT projects like the ones this bureau buys.
# - The rules on its use (general background, not in the disclosure): carry-over is spent on the purpose it
#   was appropriated for; under the State Council's 2015 plan for pooling fiscal funds (国发〔2015〕35号),
#   general-budget carry-over unspent after two years, and 结余, are taken back by the finance department
#   (收回统筹使用).
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

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown]
# ## By function

# %%
by_class = gz.carryover(d, level="类", lang="en")
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
gz.charts.carryover(d, lang="en")

# %% [markdown]
# Three classes take 85% of the carry-over: 科学技术 (science and technology, 34%), 城乡社区 (urban and
# rural community affairs, 32%) and 农林水 (agriculture, forestry and water affairs, 19%). Seven classes are
# funded **by carry-over alone**: without it they would not appear in this budget at all. The narrative
# says the carry-over is "mainly 惠企专项项目资金" (enterprise-support funds, line 575), which the bureau pays
# out; that is the likely reason an approval bureau holds these classes (`01_spending_composition`).
#
# The classes' carry-over adds up to 9,207.97, one cent more than the published total: a rounding
# difference that the audit lists.

# %% tags=["nbval-check-output"]
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
items = gz.carryover(d, level="项", lang="en")
gz.tables.show(
    items[items["carryover"] > 0][["code", "name", "carryover", "share_of_carryover", "share_carried_over"]],
    lang="en",
)

# %% [markdown]
# ## What the disclosure says about it
# The narrative names the carry-over "国库集中支付网上结转": the carry-over of unspent balances of treasury
# centralised payment (国库集中支付), that is, of fiscal money appropriated in earlier years. It explains the
# growth of the budget by it:

# %% tags=["nbval-check-output"]
context = gz.carryover_context(d)
print(context["narrative"])
print("reason:", context["reason"])
print("财政拨款收支总表 leaves 上年结转 blank:", context["fiscal_summary_blank"])
carry_change = context["narrative"]["change"]
print(f"implied 2022 carry-over: {context['narrative']['amount'] - carry_change:,.2f}")

# %% [markdown]
# If the carry-over is earlier fiscal money, the 财政拨款收支总表 should show it as 上年结转 and
# 一般公共预算拨款结转; it leaves both blank (lines 229–230), so the tables contradict the narrative's name for
# it, and the audit reports it. A second finding concerns one subject: 21208 国有土地使用权出让收入安排的支出
# (spending from land-sale revenue) belongs to the 政府性基金预算 (government-fund budget), yet it carries
# 389.43 of carry-over in a disclosure that shows no government-fund money at all (line 322, line 599).

# %% tags=["nbval-check-output", "remove-cell"]
budgets = gz.audit(d).query("family == 'budgets'")
print(budgets[["rule", "lhs", "rhs", "status"]].to_string(index=False))
fund_subjects = d.table("functional_codes").query("budget == 'government_fund'")["code"]
print(
    d.table("部门收入总表")
    .set_index("code")
    .loc[fund_subjects, ["name", "carryover", "source_line"]]
    .to_string()
)

# %%
gz.tables.show(budgets[["rule", "lhs", "rhs", "status"]], lang="en")

# %% [markdown]
# ## How it relates (and fails to relate) to the project performance tables
# All carry-over funds project spending. Every project is supposed to have a performance table
# (项目支出绩效目标表) — the narrative says the unit "对项目支出全面实施绩效目标管理". Yet only one table has
# carry-over funds (1.40 万元), and the table named 平台建设项目(上年结转) ("carried over") is funded by
# this year's appropriations:

# %%
gz.tables.show(context["projects"], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(context["projects"].to_string(index=False))

# %%
audit = gz.audit(d)
rules = ["projects.coverage.funds_carryover", "projects.coverage.funds_total"]
coverage = audit[audit["rule"].isin(rules)].set_index("rule")[["lhs", "rhs", "diff", "status"]]
gz.tables.show(coverage, lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(coverage.to_string())

# %% [markdown]
# So 9,206.56 万元 of carried-over project spending — science and technology, urban and rural affairs,
# agriculture, forestry and water affairs, energy saving, employment, culture … — has no performance table in
# the disclosure.

# %% [markdown]
# ## Explore

# %%
gz.explorers.explorer(d, "carryover", lang="en")

# %% [markdown]
# ## Summary
# - 上年结转 is 9,207.96 万元, 40% of the budget, all of it project spending.
# - 85% goes to three classes; seven classes live on carry-over alone.
# - The performance tables cover 1.40 万元 of it: carried-over projects have no published targets.
# - The narrative calls it earlier fiscal money (国库集中支付网上结转); the 财政拨款收支总表 shows no fiscal
#   carry-over, and 389.43 of it sits on a government-fund subject the disclosure has no money for.
# - The carry-over grew from an implied 1,618.63 万元 in 2022 (line 575): old appropriations, spent late.
#
# ## Sources
# - 部门收入总表 (lines 89-149), 收支预算总表 (line 86), 财政拨款收支总表 (lines 217-232), 政府性基金预算支出表
#   (line 322), 第三部分 (lines 575, 599), 项目支出绩效目标表 (lines 336-567) of
#   `data/raw/ganzhou-xzspj-2023.txt`.
# - 国务院关于印发推进财政资金统筹使用方案的通知 (国发〔2015〕35号), for the rules on carry-over.
