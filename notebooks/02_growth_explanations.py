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
changes = gz.changes(d)

# %%
gz.require(d, "narrative")  # where the disclosure has no narrative: one sentence, and the notebook stops

# %% [markdown]
# ## The totals and the reasons given
# The narrative gives one reason per section. Words to know: **增加** (increase), **减少** (decrease),
# **净增 / 净减** (net increase / decrease: from or to nothing).

# %%
# NBVAL_CHECK_OUTPUT
totals = changes.query("grouping == 'total'")
for r in totals.itertuples():
    print(
        f"{r.section} ({r.scope}): {r.amount:,.2f} 万元, {r.change:+,.2f} on 2022 → 2022 implied {r.prior_year:,.2f}"
    )
    print(f"   reason: {r.reason}")

# %% [markdown]
# The budget grew by 57% in one year, explained by more staff (13 more people) and, above all, by a larger
# carry-over of "惠企" funds (support for enterprises) from earlier years.

# %% [markdown]
# ## By function
# A waterfall starts from the implied 2022 budget and adds each stated change:

# %%
gz.charts.waterfall(d)

# %%
gz.charts.changes(d)

# %%
# NBVAL_CHECK_OUTPUT
by_function = changes.query("section == '支出预算' and grouping == 'function'")
print(by_function[["code", "item", "amount", "change", "prior_year", "wording"]].to_string(index=False))

# %% [markdown]
# Four classes are new in 2023 (净增: 节能环保, 城乡社区, 农林水, 商业服务业) and one disappeared (金融支出,
# 净减 325). They are all project spending funded by carry-over.

# %% [markdown]
# ## Do the narrative's parts add up?
# The parts of each stated change should add up to the stated total. Where they do not by more than
# rounding explains, `parts_check` says **material**:

# %%
# NBVAL_CHECK_OUTPUT
checks = changes.query("grouping != 'total'").groupby(["section", "scope", "grouping"], sort=False)
summary = checks.agg(parts=("change", "sum"), status=("parts_check", "first")).reset_index()
stated = totals[["section", "scope", "change"]].rename(columns={"change": "stated_total"})
summary = summary.merge(stated, on=["section", "scope"])  # sections that state a total change
print(summary.round(2).to_string(index=False))

# %% [markdown]
# The income sources' changes add up to 8,472.24 万元, not the stated 8,471.56: a gap of 0.68 that rounding
# cannot explain. Two more contradictions appear when two sections describe the same money:
#
# - basic spending (1,862.41, all of it fiscal appropriations) rose by 809.39 in one sentence and by
#   1,024.23 in another, implying a 2022 basic budget of 1,053.02 or of 838.18;
# - other income (700) rose by 100, implying 600 in 2022, but the same money spent as 其他支出 rose by
#   99.33, implying 600.67.

# %%
# NBVAL_CHECK_OUTPUT
audit = gz.audit(d)
print(
    audit.query("family == 'narrative' and status == 'material'")[["rule", "lhs", "rhs", "diff"]].to_string(
        index=False
    )
)

# %% [markdown]
# ## Explore
# Choose a section, a grouping and a chart; hide small changes with the threshold.

# %%
gz.widgets.changes_explorer(d)

# %% [markdown]
# ## Summary
# - The budget grew from an implied 14,783.86 万元 in 2022 to 23,255.42 in 2023 (+57.3%).
# - Most of the growth is carried-over project money in science and technology, urban and rural affairs and
#   agriculture; basic spending grew with staff.
# - The narrative contradicts itself three times beyond rounding: income sources (0.68), basic spending
#   (two different 2022 figures) and other income vs other spending (0.67).
#
# ## Sources
# - 第三部分 预算情况说明, lines 569-607 of `data/raw/ganzhou-xzspj-2023.txt`.
