# %% [markdown]
# # Growth explanations: what changed against 2022, and why
#
# ## Overview
# The narrative of the disclosure (第三部分 预算情况说明) explains each figure against the previous year's
# budget: "较上年预算安排增加 … 万元" (up … on last year's budget). From each statement we can infer the
# **2022 budget it implies** (2023 amount − change). This notebook lists the statements, draws them, and
# checks whether the narrative's own figures add up.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `01_spending_composition` | helpful | functions and kinds |
# | growth rates | necessary | change ÷ prior year |
#
# Time to learn: 20 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
changes = gz.changes(d, lang="en")

# %%
gz.require(d, "narrative")  # where the disclosure has no narrative: one sentence, and the notebook stops

# %% [markdown]
# ## The totals and the reasons given
# Every comparison is with the 2022 **budget** (较上年预算安排), not with what was actually spent in 2022
# (决算, the final accounts, published separately). The narrative gives one reason per section. Words to
# know: **增加** (increase), **减少** (decrease),
# **净增 / 净减** (net increase / net decrease; here the narrative uses them for classes that are new in
# 2023 or gone from it).

# %% tags=["nbval-check-output"]
totals = changes.query("grouping == 'total'")
for r in totals.itertuples():
    print(
        f"{r.section} ({r.scope}): {r.amount:,.2f} 万元, {r.change:+,.2f} on 2022 → 2022 implied {r.prior_year:,.2f}"
        f" ({r.growth_rate:+.1%})"
    )
    print(f"   reason: {r.reason}")
carry = changes.query("grouping == 'income_source' and item.str.contains('Carry-over')").iloc[0]
whole = totals.iloc[0]
print(
    f"{carry['item']}: {carry['change']:+,.2f} = {carry['change'] / whole['change']:.1%} of the change in income"
)

# %% [markdown]
# The budget grew by 57.3% in one year. The narrative gives two reasons: 13 more staff, and a larger
# carry-over, "mainly 惠企专项项目资金" (special enterprise-support project funds, line 575). The figures
# weigh them: the carry-over alone accounts for 89.6% of the increase in income, while fiscal
# appropriations, which pay the staff, grew by 6.2%.

# %% [markdown]
# ## By function
# A waterfall starts from the implied 2022 budget and adds each stated change:

# %%
gz.charts.waterfall(d, lang="en")

# %%
gz.charts.changes(d, lang="en")

# %%
by_function = changes.query("section == 'Spending budget' and grouping == 'function'")
gz.tables.show(by_function[["code", "item", "amount", "change", "prior_year", "wording"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(by_function[["code", "item", "amount", "change", "prior_year", "wording"]].to_string(index=False))

# %% [markdown]
# Four classes are new in 2023 (净增: 节能环保, 城乡社区, 农林水, 商业服务业) and one disappeared (金融支出,
# 净减 325). The four new ones are project spending funded by carry-over alone:

# %% tags=["nbval-check-output", "remove-cell"]
new_classes = by_function.query("wording == 'net increase'")["code"]
carried = gz.carryover(d, level="类", lang="en").set_index("code").loc[new_classes]
print(carried[["name", "carryover", "total", "carryover_only"]].to_string())

# %%
gz.tables.show(carried[["name", "carryover", "total", "carryover_only"]], lang="en")

# %% [markdown]
# ## Do the narrative's parts add up?
# The parts of each stated change should add up to the stated total. Where they do not by more than
# rounding explains, `parts_check` says **material**:

# %%
checks = changes.query("grouping != 'total'").groupby(["section", "scope", "grouping"], sort=False)
summary = checks.agg(parts=("change", "sum"), status=("parts_check", "first")).reset_index()
stated = totals[["section", "scope", "change"]].rename(columns={"change": "stated_total"})
summary = summary.merge(stated, on=["section", "scope"])  # sections that state a total change
gz.tables.show(summary, lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(summary.round(2).to_string(index=False))

# %% [markdown]
# The income sources' changes add up to 8,472.24 万元, not the stated 8,471.56: a gap of 0.68 that rounding
# cannot explain. Comparing sections that describe the same money finds the reason. The income section says
# 其他收入 (700, the unit's own funds) rose by **100** (line 575); both expenditure breakdowns say the same 700,
# spent as 其他支出 and as 其他相关支出, rose by **99.33** (lines 585, 587). With 99.33 the income sources add up
# to the total up to a cent; so the 0.68 gap and the 600.00 against 600.67 implied for 2022 are one misstated
# figure seen twice. The audit gives both findings one `cause`.
#
# Basic spending is different. It rose by 809.39 in the 支出预算 section (line 581) and by 1,024.23 in the
# 财政拨款支出 section (line 595). The first counts all funds, the second fiscal appropriations only, so
# the implied 2022 figures, 1,053.02 and 838.18, are a whole and its fiscal part: both can hold, and
# together they say that 214.84 of 2022 basic spending was paid from other money. The audit reports that as
# information, and checks that the non-fiscal parts of basic and project spending add up to the 2022
# income from sources other than fiscal appropriations.

# %%
audit = gz.audit(d)
narrative = audit.query("family == 'narrative' and status in ['material', 'info']")
gz.tables.show(narrative[["rule", "lhs", "rhs", "diff", "status", "cause"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(narrative[["rule", "lhs", "rhs", "diff", "status", "cause"]].to_string(index=False))
identity = audit.set_index("rule").loc["narrative.prior_year.non_fiscal.by_kind~by_source"]
print(f"2022 non-fiscal money: by kind {identity['lhs']:,.2f}, by source {identity['rhs']:,.2f}")
sources = changes.query("section == 'Income budget' and grouping == 'income_source'").set_index("item")[
    "change"
]
spent_as_229 = by_function.set_index("code").loc["229", "change"]
corrected = sources.sum() - sources["Other income"] + spent_as_229
print(
    f"income sources' changes with 其他收入 {spent_as_229:+.2f}: {corrected:,.2f} (stated total {whole['change']:,.2f})"
)

# %% [markdown]
# ## Explore
# Choose a section, a grouping and a chart; hide small changes with the threshold.

# %%
gz.explorers.explorer(d, "changes", lang="en")

# %% [markdown]
# ## Summary
# - The budget grew from an implied 14,783.86 万元 in 2022 to 23,255.42 in 2023 (+57.3%).
# - Most of the growth is carried-over project money in science and technology, urban and rural affairs and
#   agriculture; basic spending grew with staff.
# - Beyond rounding, the narrative misstates one figure: 其他收入 +100 where the spending sections say
#   +99.33; it shows as the income sources' 0.68 gap and as two 2022 figures for the same 700.
# - The two 2022 basic-spending figures do not contradict each other: 1,053.02 of all funds, of which
#   838.18 fiscal; 214.84 came from other money.
#
# ## Sources
# - 第三部分 预算情况说明, lines 569-607 of `data/raw/ganzhou-xzspj-2023.txt` (income 575, spending 579-587,
#   fiscal appropriations 591-595).
