# %% [markdown]
# # Spending composition: what is the money for?
#
# ## Overview
# Where do the 23,255.42 万元 of 赣州市行政审批局's 2023 budget go? This notebook breaks spending down
# four ways: by **function** (功能分类: what for), by **economic class** (经济分类: on what), by **source of
# funds** (资金来源) and by **kind** (基本支出 basic vs 项目支出 project spending).
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `00_start_here` | helpful | the tables and the terms |
# | shares and percentages | necessary | |
#
# Time to learn: 20 minutes.

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %% [markdown]
# ## By function (功能分类)
# Functional codes nest: **类** (class) → **款** (category) → **项** (item). `share_of_parent` is the share of
# the class or category above; `share_of_total` the share of all spending.

# %%
by_class = gz.composition(d, by="function", level="类", lang="en")
gz.tables.show(by_class[["code", "name", "amount", "share_of_total"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(by_class[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, lang="en")

# %% [markdown]
# More than half the money is **一般公共服务支出** (general public services), nearly all of it in category
# 20103 政府办公厅(室)及相关机构事务 (government offices). Click a class on the left of the chart below to see
# its categories; the dropdown switches to items (项). The chart runs in the browser, also in the
# published report.

# %%
gz.charts.drilldown(d, lang="en")

# %% [markdown]
# ## By economic class (经济分类)
# The tables give an economic breakdown only for **basic spending** of the general public budget
# (一般公共预算基本支出表): what the office itself costs to run. It splits into **人员经费** (personnel) and
# **公用经费** (office running costs); 工资福利支出 is wages and benefits.

# %%
economic = gz.composition(d, by="economic", level="类", lang="en")
gz.tables.show(economic[["code", "name", "amount", "share_of_total"]], lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(economic[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, by="economic", level="款", lang="en")

# %% [markdown]
# The narrative goes further: it breaks down **all** spending by economic class (line 587), project spending
# (line 583) and fiscal project spending (line 595). The whole budget looks very different from its basic
# part: most of it buys goods and services.

# %% tags=["nbval-check-output", "remove-cell"]
stated = gz.changes(d, lang="en").query("section == 'Spending budget' and grouping == 'economic'")
whole = stated[["code", "item", "amount"]].assign(share_of_total=stated["amount"] / stated["amount"].sum())
print(whole.round(4).to_string(index=False))
print(f"sum of the classes: {stated['amount'].sum():,.2f}")

# %%
gz.tables.show(whole, lang="en")

# %% [markdown]
# Goods and services are 71% of the budget (the five classes add up to 23,255.43, one cent above the total
# of the tables: rounding). The narrative also states what the unit buys through government
# procurement (政府采购, line 615): nearly all of it is services.

# %% tags=["nbval-check-output", "remove-cell"]
procurement = d.table("narrative_figures").query("topic == '政府采购'")
print(procurement[["item", "amount", "source_line"]].to_string(index=False))

# %%
gz.tables.show(procurement[["item", "amount", "source_line"]], lang="en")

# %% [markdown]
# ## By source of funds and by kind
# Which functions are paid from this year's appropriations (财政拨款), which from carried-over funds
# (上年结转), which from the unit's own money (其他收入)?

# %%
gz.charts.source_mix(d, normalize=True, lang="en")

# %%
kind = gz.composition(d, by="kind", level="类", lang="en").pivot_table(
    index="name", columns="kind", values="amount", fill_value=0
)
gz.tables.show(kind.sort_values("project", ascending=False), lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(kind.sort_values("project", ascending=False).to_string())

# %% [markdown]
# Basic spending (salaries, pensions, housing fund, office costs) sits in four classes only; every other
# class is project money.
#
# ## Why does an approval bureau pay for science, farming and the environment?
# A 行政审批局 approves licences and runs government services; yet its budget holds 科学技术, 城乡社区,
# 农林水, 节能环保, 就业 (inside 社会保障和就业), 文化旅游 and more. The narrative's answer is the 惠企 funds
# (enterprise-support subsidies): the carry-over grew, "mainly 惠企专项项目资金" (line 575), and spending grew
# because "惠企兑现工作力度增大,兑现资金大幅上升" (line 579: more enterprise-support payouts); 惠企兑现 is
# also one of the systems the bureau's 城市大脑 connects (line 634). Subsidies are classified by the policy
# they serve (science, farming, energy saving …), not by the unit that pays them out, so payouts made
# through this bureau would land in these classes. The disclosure does not tie each class to a payout, so
# this is an inference. The figures fit it: these classes live on carry-over alone.

# %% tags=["nbval-check-output", "remove-cell"]
carried = gz.carryover(d, level="类", lang="en")
alone = carried[carried["carryover_only"]]
print(alone[["code", "name", "carryover"]].to_string(index=False))
print(f"{len(alone)} classes, {alone['carryover'].sum():,.2f} 万元 of carry-over and nothing else")

# %%
gz.tables.show(alone[["code", "name", "carryover"]], lang="en")

# %% [markdown]
# ## Basic against project spending: where the line is drawn here
# By definition 基本支出 keeps the office running and 项目支出 pays for tasks. The 8% against 92% of this
# budget overstates the difference:
# - Project P6, 赣州市行政审批局专项经费, has the goal "保障行政审批局正常运转" (keep the bureau running, line
#   510); its indicators are utilities (水电费, line 517), property management (物业管理, line 519) and
#   agency staff (劳务派遣人员, lines 521–524). It costs more than all basic spending.
# - The pay of contract-appointed civil servants (聘用制公务员工资, 58.02 万元, line 583) is booked as project
#   spending.
# - The narrative's 机关运行经费 (office running costs) is the 公用经费 of basic spending, 214.31 万元
#   (lines 607–611).

# %% tags=["nbval-check-output"]
basic = d.table("部门支出总表").query("code.isna()")["basic"].item()
p6 = d.table("projects").set_index("project_id").loc["P6"]
print(f"P6 {p6['name']}: {p6['funds_total']:,.2f} 万元 | all basic spending: {basic:,.2f} 万元")
running = gz.changes(d, lang="en").query("section == 'Office running costs'").iloc[0]
public = d.table("一般公共预算基本支出表").query("code.isna()")["public_operations"].item()
print(f"机关运行经费 {running['amount']:,.2f} = 公用经费 {public:,.2f}")

# %% [markdown]
# ## 三公经费: the watched expenses
# **三公经费** are overseas travel (因公出国(境)费), official hospitality (公务接待费) and official vehicles
# (purchase and running, 公务用车购置及运行维护费). They are watched because they are what officials spend
# on themselves: since the 2012 eight-point rules of the Party centre (中央八项规定) and the State
# Council's 2013 pledge that they "只减不增" (only decrease, never increase), every unit publishes them and
# explains each change. Here hospitality stays at 3 万元, "与上年安排保持一致" (unchanged, line 741). Two
# limits to keep in mind when reading them:
# - they cover fiscal appropriations only (the glossary, line 786: "用财政拨款安排的"): spending from other
#   money is not counted;
# - a small total does not mean no transport costs. The unit has 0 vehicles (line 619) and budgets 0 for
#   them, but its basic spending holds 42.35 万元 of 其他交通费用 (other transport costs, line 297). Since
#   the reform of official cars (公车改革, from 2014), the transport allowances paid to staff in place of
#   cars (公务交通补贴) are booked under this subject; the disclosure does not itemise it, so that is the
#   likely content, not a stated one.

# %% tags=["nbval-check-output"]
three = d.table('财政拨款"三公"经费支出表').iloc[0]
parts = ["total", "overseas_travel", "official_reception", "vehicle_operation", "vehicle_purchase"]
print("三公经费 (万元): " + ", ".join(f"{part} {three[part]:,.2f}" for part in parts))
transport = d.table("一般公共预算基本支出表").set_index("code").loc["30239"]
print(f"30239 {transport['name']}: {transport['total']:,.2f}")

# %% [markdown]
# ## Explore
# With a live kernel, change the classification, level, measure, minimum share or language; the chart and
# the table follow. (In the published report the same controls drive the chart in your browser.)

# %%
gz.explorers.explorer(d, "composition", lang="en")

# %% [markdown]
# ## Summary
# - 一般公共服务支出 takes 56.2% of spending; science and technology (13.6%), urban and rural community
#   affairs (12.7%) and agriculture, forestry and water affairs (7.5%) follow.
# - Basic spending is 8% of the budget, and 88% of it is wages and benefits; the whole budget, by the
#   narrative, is 71% goods and services, and its procurement nearly all services.
# - Seven classes are funded by carried-over money alone; the narrative's 惠企 payouts are the likely reason
#   an approval bureau pays for them (see `03_carried_over_funds`).
# - The basic/project split understates the cost of running the bureau: P6 keeps it running as a project.
# - 三公经费 are 3.00 万元, all hospitality; they count fiscal appropriations only.
#
# ## Sources
# - 部门支出总表 (lines 151-215), 一般公共预算基本支出表 (263-302), 部门收入总表 (89-149),
#   财政拨款"三公"经费支出表 (304-312), P6's performance table (500-533), 第三部分 (575-619) and the glossary
#   (786) of `data/raw/ganzhou-xzspj-2023.txt`.
