# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# # 支出结构：钱用在了哪里？
#
# ## 概览
# 赣州市行政审批局2023年预算的23,255.42万元花在哪里？本笔记本从四个角度分解支出：按**功能分类**（钱用于做什么）、按**经济分类**（钱怎么花）、按**资金来源**，以及按**支出类别**（基本支出与项目支出）。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `00_start_here` | 有帮助 | 各张表和基本术语 |
# | 比重与百分比 | 必需 | |
#
# 学习时间：20分钟。

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

# %% [markdown] tags=["lang-en"]
# ## By function (功能分类)
# Functional codes nest: **类** (class) → **款** (category) → **项** (item). `share_of_parent` is the share of
# the class or category above; `share_of_total` the share of all spending.

# %% [markdown] tags=["lang-zh"]
# ## 按功能分类
# 功能分类科目逐级嵌套：**类** → **款** → **项**。`share_of_parent` 是占上一级（类或款）的比重，`share_of_total` 是占全部支出的比重。

# %%
by_class = gz.composition(d, by="function", level="类", lang=LANG)
gz.tables.show(by_class[["code", "name", "amount", "share_of_total"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(by_class[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, lang=LANG)

# %% [markdown] tags=["lang-en"]
# More than half the money is **一般公共服务支出** (general public services), nearly all of it in category
# 20103 政府办公厅(室)及相关机构事务 (government offices). Click a class on the left of the chart below to see
# its categories; the dropdown switches to items (项). The chart runs in the browser, also in the
# published report.

# %% [markdown] tags=["lang-zh"]
# 一半以上的钱是**一般公共服务支出**，几乎全部在20103政府办公厅（室）及相关机构事务款下。在下图左侧点击一个类，即可看到它下面的款；下拉菜单可切换到项。图表在浏览器中运行，发布后的报告里同样可以操作。

# %%
gz.charts.drilldown(d, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## By economic class (经济分类)
# The tables give an economic breakdown only for **basic spending** of the general public budget
# (一般公共预算基本支出表): what the office itself costs to run. It splits into **人员经费** (personnel) and
# **公用经费** (office running costs); 工资福利支出 (wages and benefits) is the largest part of it.

# %% [markdown] tags=["lang-zh"]
# ## 按经济分类
# 公开的表格只对一般公共预算的**基本支出**给出经济分类（一般公共预算基本支出表），也就是机构自身运转的开销。基本支出分为**人员经费**和**公用经费**；工资福利支出是其中的大头。

# %%
economic = gz.composition(d, by="economic", level="类", lang=LANG)
gz.tables.show(economic[["code", "name", "amount", "share_of_total"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(economic[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, by="economic", level="款", lang=LANG)

# %% [markdown] tags=["lang-en"]
# The narrative goes further: it breaks down **all** spending by economic class (line 587), project spending
# (line 583) and fiscal project spending (line 595). The whole budget looks very different from its basic
# part: most of it buys goods and services.

# %% [markdown] tags=["lang-zh"]
# 预算情况说明提供了更多信息：它按经济分类分解了**全部**支出（第587行）、项目支出（第583行）和财政拨款项目支出（第595行）。全部预算的经济结构与其中的基本支出大不相同：大部分用于购买商品和服务。

# %% tags=["nbval-check-output", "remove-cell"]
spending_budget = gz.term("支出预算", LANG)
stated = gz.changes(d, lang=LANG).query("section == @spending_budget and grouping == 'economic'")
whole = stated[["code", "item", "amount"]].assign(share_of_total=stated["amount"] / stated["amount"].sum())
print(whole.round(4).to_string(index=False))
print(f"Σ {stated['amount'].sum():,.2f}")

# %%
gz.tables.show(whole, lang=LANG)

# %% [markdown] tags=["lang-en"]
# Goods and services are 71% of the budget (the five classes add up to 23,255.43, one cent above the total
# of the tables: rounding). The narrative also states what the unit buys through government
# procurement (政府采购, line 615): nearly all of it is services.

# %% [markdown] tags=["lang-zh"]
# 商品和服务支出占预算的71%（五个经济分类类级科目合计23,255.43万元，比各表的总额多0.01万元，属于尾差）。预算情况说明还列出了单位的**政府采购**预算（第615行）：几乎全部是服务类采购。

# %% tags=["nbval-check-output", "remove-cell"]
procurement = d.table("narrative_figures").query("topic == '政府采购'")
print(procurement[["item", "amount", "source_line"]].to_string(index=False))

# %%
gz.tables.show(procurement[["item", "amount", "source_line"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## By source of funds and by kind
# Which functions are paid from this year's appropriations (财政拨款), which from carried-over funds
# (上年结转), which from the unit's own money (其他收入)?

# %% [markdown] tags=["lang-zh"]
# ## 按资金来源和支出类别
# 哪些功能由本年**财政拨款**保障，哪些靠**上年结转**，哪些用单位自有资金（**其他收入**）？

# %%
gz.charts.source_mix(d, normalize=True, lang=LANG)

# %%
kind = gz.composition(d, by="kind", level="类", lang=LANG).pivot_table(
    index="name", columns="kind", values="amount", fill_value=0
)
gz.tables.show(kind.sort_values("project", ascending=False), lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(kind.sort_values("project", ascending=False).to_string())

# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# 基本支出（工资、离退休费、住房公积金、办公经费）只出现在四个类中；其余各类全部是项目支出。
#
# ## 行政审批局为什么会有科技、农业和环保支出？
# 行政审批局负责行政许可审批和政务服务，预算中却有科学技术、城乡社区、农林水、节能环保、就业（在社会保障和就业类下）、文化旅游等支出。预算情况说明给出的答案是**惠企资金**：上年结转增加，“主要是惠企专项项目资金”（第575行）；支出增加，是因为“惠企兑现工作力度增大，兑现资金大幅上升”（第579行）；惠企兑现也是该局“城市大脑”所接入的系统之一（第634行）。补助资金按其支持的政策（科技、农业、节能……）归入功能科目，而不按兑付资金的单位归类，所以经由该局兑付的资金会落在这些类中。公开文件并没有把每个类与具体的兑现资金一一对应，所以这只是一种推断。数字与这一推断吻合：这些类完全依靠上年结转。

# %% tags=["nbval-check-output", "remove-cell"]
carried = gz.carryover(d, level="类", lang=LANG)
alone = carried[carried["carryover_only"]]
print(alone[["code", "name", "carryover"]].to_string(index=False))
print(len(alone), f"{alone['carryover'].sum():,.2f}")

# %%
gz.tables.show(alone[["code", "name", "carryover"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# ## 基本支出与项目支出：本单位的界限划在哪里
# 按定义，基本支出保障机构正常运转，项目支出用于完成特定工作任务。本预算中8%对92%的比例夸大了两者的差别：
# - P6“赣州市行政审批局专项经费”的目标是“保障行政审批局正常运转”（第510行），其指标是水电费（第517行）、物业管理（第519行）和劳务派遣人员（第521–524行）。这一个项目的金额就超过了全部基本支出。
# - 聘用制公务员工资（58.02万元，第583行）列在项目支出中。
# - 预算情况说明中的机关运行经费，就是基本支出中的公用经费，214.31万元（第607–611行）。

# %%
basic = d.table("部门支出总表").query("code.isna()")["basic"].item()
p6 = d.table("projects").set_index("project_id").loc["P6"]
running_costs = gz.term("机关运行经费", LANG)
running = gz.changes(d, lang=LANG).query("section == @running_costs").iloc[0]
public = d.table("一般公共预算基本支出表").query("code.isna()")["public_operations"].item()
gz.tables.figures(
    {
        f"P6 {p6['name']}": p6["funds_total"],
        gz.label("basic", LANG): basic,
        running["section"]: running["amount"],
        gz.label("public_operations", LANG): public,
    },
    lang=LANG,
    caption="万元",
)

# %% tags=["nbval-check-output", "remove-cell"]
print(f"P6 {p6['name']}: {p6['funds_total']:,.2f} 万元 | {gz.label('basic', LANG)}: {basic:,.2f} 万元")
print(f"{running['section']} {running['amount']:,.2f} = {gz.label('public_operations', LANG)} {public:,.2f}")

# %% [markdown] tags=["lang-en"]
# ## 三公经费: the watched expenses
# **三公经费** are overseas travel (因公出国(境)费), official hospitality (公务接待费) and official vehicles
# (purchase and running, 公务用车购置及运行维护费). They are watched because this money pays for the conduct
# of official business itself, not for the services the unit provides: since the 2012 eight-point rules of the Party centre (中央八项规定) and the State
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

# %% [markdown] tags=["lang-zh"]
# ## 三公经费：受到严格管控的支出
# **三公经费**指因公出国（境）费、公务接待费和公务用车购置及运行维护费。它们之所以备受关注，是因为这些钱花在公务活动自身上：自2012年中央八项规定出台、2013年国务院承诺三公经费“只减不增”以来，各单位都要公开三公经费并说明增减原因。本单位公务接待费为3万元，“与上年安排保持一致”（第741行）。阅读三公经费时要注意两点：
# - 三公经费只统计财政拨款（名词解释，第786行：“用财政拨款安排的”），用其他资金安排的支出不计在内；
# - 三公经费少，不等于没有交通费用。本单位公务用车为0辆（第619行），车辆预算为0，但基本支出中有42.35万元的**其他交通费用**（第297行）。2014年公务用车制度改革以后，取消公车后发放给工作人员的公务交通补贴一般列在这一科目；公开文件没有细列，所以这只是它最可能的内容，并非文件所述。

# %%
three = d.table('财政拨款"三公"经费支出表').iloc[0]
parts = {
    "total": gz.label("total", LANG),
    "overseas_travel": gz.term("因公出国费", LANG),
    "official_reception": gz.term("公务接待费", LANG),
    "vehicle_operation": gz.term("公务用车运行维护费", LANG),
    "vehicle_purchase": gz.term("公务用车购置费", LANG),
}
gz.tables.figures(
    {name: three[part] for part, name in parts.items()},
    lang=LANG,
    caption=f"{gz.term('三公经费', LANG)} (万元)",
)

# %%
transport = d.table("一般公共预算基本支出表").set_index("code").loc["30239"]
gz.tables.figures({f"30239 {transport['name']}": transport["total"]}, lang=LANG, caption="万元")

# %% tags=["nbval-check-output", "remove-cell"]
print(f"{gz.term('三公经费', LANG)} (万元): " + ", ".join(f"{part} {three[part]:,.2f}" for part in parts))
print(f"30239 {transport['name']}: {transport['total']:,.2f}")

# %% [markdown] tags=["lang-en"]
# ## Explore
# With a live kernel, change the classification, level, measure, minimum share or language; the chart and
# the table follow. (In the published report the same controls drive the chart in your browser.)

# %% [markdown] tags=["lang-zh"]
# ## 动手探索
# 在运行中的内核里，可以切换分类、级次、金额口径、最小比重或语言，图和表会随之更新。（在发布的报告中，同样的控件也能直接在浏览器里驱动图表。）

# %%
gz.explorers.explorer(d, "composition", lang=LANG)

# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 一般公共服务支出占全部支出的56.2%；其次是科学技术（13.6%）、城乡社区（12.7%）和农林水（7.5%）。
# - 基本支出占预算的8%，其中88%是工资福利支出；按预算情况说明，全部预算的71%是商品和服务支出，政府采购几乎全是服务。
# - 七个类完全依靠上年结转；预算情况说明提到的惠企资金兑现，很可能是行政审批局承担这些支出的原因（见 `03_carried_over_funds`）。
# - 基本支出与项目支出的划分低估了机构运转的成本：P6以项目的形式保障机构运转。
# - 三公经费为3.00万元，全部是公务接待费；三公经费只统计财政拨款。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门支出总表（第151–215行）、一般公共预算基本支出表（第263–302行）、部门收入总表（第89–149行）、财政拨款“三公”经费支出表（第304–312行）、P6的绩效目标表（第500–533行）、第三部分预算情况说明（第575–619行）和名词解释（第786行）。
