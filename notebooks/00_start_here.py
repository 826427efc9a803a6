# %% [markdown]
# # Start here: 赣州市行政审批局, its 2023 budget at a glance
#
# ## Overview
# A Chinese government unit publishes its budget every year as a **单位预算公开** (unit budget disclosure):
# ten standard tables — nine printed once and the 项目支出绩效目标表 (project performance table) printed once
# per project, eight times here — then a narrative (预算情况说明) and a glossary.
# This notebook answers three questions about the first disclosure in gzanalysis, the 2023 budget of
# **赣州市行政审批局** (Ganzhou Administrative Approval Bureau, which is also the city's government-services data
# administration, 政务服务数据管理局, line 34):
#
# 1. How big is the budget, and where does the money come from?
# 2. What are the standard tables, and how do they relate to one another?
# 3. How far can each number be trusted?
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | pandas DataFrames | necessary | selecting rows and columns |
# | Chinese budget terms | helpful | each term is glossed in English where it first appears |
#
# Time to learn: 15 minutes.

# %% [markdown]
# ## Imports
# `gz.notebook.setup()` makes the charts render without a network connection (the JavaScript they need
# comes with gzanalysis).

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
d

# %% [markdown]
# ## The budget at a glance
# Amounts are in **万元** (ten thousand yuan): 23,255.42 万元 is 232.55 million yuan.
# The unit spends money from three **sources of funds**: **财政拨款** (fiscal appropriations: this year's money
# from the city budget), **上年结转** (carry-over: money budgeted in earlier years and not yet spent; the
# summary table labels it 上年结转(结余), line 86) and **其他收入** (other income: here the unit's own funds,
# 单位实有资金, line 583).

# %% tags=["nbval-check-output"]
sources = gz.composition(d, by="source", level=None, lang="en")
total = d.table("部门收入总表").query("code.isna()")["total"].item()
print(f"Total budget 2023: {total:,.2f} 万元")
for row in sources.itertuples():
    print(f"  {row.label}: {row.amount:,.2f} 万元 ({row.share_of_total:.1%})")

# %% [markdown]
# Four in ten yuan of this budget are **carried over** from earlier years. Against this unit's own past it
# is unusual: the narrative's figures imply a 2022 carry-over of 1,618.63 万元, 10.9% of a 2022 budget of
# 14,783.86 (2023 amount minus the stated change, line 575):

# %% tags=["nbval-check-output"]
income_2022 = gz.changes(d, lang="en").query("section == 'Income budget'").set_index("item")["prior_year"]
carried_2022 = income_2022[income_2022.index.str.contains("Carry-over")].item()
print(f"2022 implied: carry-over {carried_2022:,.2f} of {income_2022['Total income']:,.2f} 万元", end=" ")
print(f"({carried_2022 / income_2022['Total income']:.1%})")

# %% [markdown]
# Two of the curated notebooks follow it up (`03_carried_over_funds`, `05_data_audit`).
#
# Spending splits into **基本支出** (basic spending: by the usual definition, salaries and the running of the
# office) and **项目支出** (project spending: specific tasks, such as building the city's data platform).
# In this disclosure the line is not drawn where the definitions suggest: `01_spending_composition` shows
# office running costs and contract staff's pay booked as projects.

# %%
kinds = gz.composition(d, by="kind", level=None, lang="en")
gz.tables.show(kinds[["label", "amount", "share_of_total"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(kinds[["label", "amount", "share_of_total"]].to_string(index=False))

# %%
gz.charts.composition(d, lang="en")

# %% [markdown]
# ## How the tables relate
# The tables describe the same money from different angles. **功能分类** (functional classification) says
# *what for* (一般公共服务 general public services, 科学技术 science and technology …); **经济分类** (economic
# classification) says *on what* (工资福利 wages and benefits, 商品和服务 goods and services …). Codes nest:
# a **类** (class, 3 digits) holds **款** (categories, 5 digits), which hold **项** (items, 7 digits). The
# tables print a 款 code as its last two digits only (`03` under 201, line 97); gzanalysis stores the full
# code (`20103`) and keeps the printed one in `code_printed`.
#
# | table | what it shows | in gzanalysis |
# |---|---|---|
# | 收支预算总表 | both sides of the budget, one line per source and per 类 | `d.budget_summary` |
# | 部门收入总表 | income by function and by source of funds | `d.income_by_function` |
# | 部门支出总表 | spending by function, basic vs project | `d.expenditure_by_function` |
# | 财政拨款收支总表 | fiscal appropriations only | `d.fiscal_summary` |
# | 一般公共预算支出表 | the general public budget by function | `d.general_budget_expenditure` |
# | 一般公共预算基本支出表 | basic spending by economic class: 人员经费 (personnel) and 公用经费 (office costs) | `d.general_budget_basic_expenditure` |
# | 财政拨款"三公"经费支出表 | overseas travel, hospitality, official cars | `d.three_public_expenses` |
# | 政府性基金 / 国有资本经营预算支出表 | two other budgets; published empty (备注, lines 322, 334), though one subject of the income table belongs to the government-fund budget (see `05_data_audit`) | `d.government_fund_expenditure` |
# | 项目支出绩效目标表 | what each project promises | `d.projects`, `d.indicators` |
#
# The income and the spending table must agree line by line; here are the first three 类 listed in both:

# %%
income = d.table("部门收入总表").set_index("code")
spending = d.table("部门支出总表").set_index("code")
# the first three 类 of the income table that the spending table also lists (none where the income table
# of another disclosure is printed by unit, not by function)
codes = [c for c in income.index[income["level"] == "类"] if c in spending.index][:3]
both = income.loc[codes, ["name"]].assign(
    **{"部门收入总表 total": income["total"], "部门支出总表 total": spending["total"]}
)
gz.tables.show(both, lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
for code in codes:
    print(code, income.loc[code, "name"], income.loc[code, "total"], spending.loc[code, "total"])

# %% [markdown]
# ## Every number has a source
# The disclosure was published as a PDF and read by OCR. Every row records the line of the raw text it came
# from, and every correction of an OCR misreading is an **erratum** with its proof:

# %% tags=["nbval-check-output"]
print(len(d.errata), "errata;", d.errata["kind"].value_counts().head(3).to_dict())

# %%
gz.tables.show(
    d.errata.query("kind == 'misread-number'")[["source_line", "printed", "corrected", "proof"]], "en"
)

# %% [markdown]
# The long table `d.facts` holds every published amount with its table, code and source line:

# %%
gz.tables.show(d.facts.query("measure == 'carryover' and level == '类'").head(), lang="en")

# %% [markdown]
# ## Summary
# - The 2023 budget is 23,255.42 万元: 57% fiscal appropriations, 40% carried over, 3% own funds.
# - Project spending (92%) dwarfs basic spending (8%), though the line between them is drawn loosely here.
# - The carry-over share is far above last year's: the narrative's figures imply 10.9% in 2022.
# - The standard tables are views of the same money by function, economic class and source; they must agree.
# - Every value is traced to its line in the source, and OCR corrections are documented.
#
# ## What's next
# `01_spending_composition` (what the money is for), `02_growth_explanations` (what changed since 2022),
# `03_carried_over_funds`, `04_performance_targets`, `05_data_audit`; for classes, the `teaching_*` pairs.
#
# ## Sources
# - 赣州市行政审批局 2023年单位预算公开 (published PDF), OCR text in `data/raw/ganzhou-xzspj-2023.txt`.
# - Data package: `data/ganzhou-xzspj-2023/` (see its `datapackage.md`).
