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
print(gz.tables.text(by_class[["code", "name", "amount", "share_of_total"]].round(4), LANG))

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
print(gz.tables.text(economic[["code", "name", "amount", "share_of_total"]].round(4), LANG))

# %%
gz.charts.composition(d, by="economic", level="款", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## One money, two classifications
# The same basic spending appears twice: by function in the 部门支出总表 and by economic class in the
# 一般公共预算基本支出表. Neither table prints the crossing, but some amounts meet exactly, and a reader can
# check them: 30108 机关事业单位基本养老保险缴费 (pension insurance contributions) is 2080505 of function
# 208; the three health-insurance items 30110–30112 are 21011 行政事业单位医疗 of function 210; 30113 住房公积金
# (housing fund) is 2210201; 30302 退休费 is 2080501 行政单位离退休. What is left (the wages, the office
# costs of 302 and two small items of 303, 生活补助 and 奖励金) equals 行政运行 + 事业运行 (2010301 + 2010350). The pairs are read from equal amounts and matching names;
# the disclosure states no such mapping, so they are a reading, which the equal amounts support.

# %% [markdown] tags=["lang-zh"]
# ## 同一笔钱，两种分类
# 同一笔基本支出出现两次：部门支出总表按功能分类列示，一般公共预算基本支出表按经济分类列示。两张表都没有印出二者的交叉关系，但有些金额恰好相等，读者可以自己核对：30108机关事业单位基本养老保险缴费就是208类的2080505；30110–30112三项医疗保险缴费就是210类的21011行政事业单位医疗；30113住房公积金就是2210201；30302退休费就是2080501行政单位离退休。剩下的部分（工资、302类公用经费，以及303类中的生活补助和奖励金两小项）等于行政运行加事业运行（2010301 + 2010350）。这些对应关系是根据金额相等、名称相符读出来的，公开文件并没有给出对应表，所以它们是一种解读，金额相等支持这种解读。

# %%
by_economic = d.table("一般公共预算基本支出表").set_index("code")["total"]
by_function = d.table("部门支出总表").set_index("code")["basic"]
# economic codes → functional codes whose amounts the reader compares (a reading of this disclosure)
pairs = {
    ("30108",): ("2080505",),
    ("30110", "30111", "30112"): ("21011",),
    ("30113",): ("2210201",),
    ("30302",): ("2080501",),
}
items = d.table("一般公共预算基本支出表").query("level == '款'")["total"].sum()
matched = [code for codes in pairs for code in codes]
running = ("2010301", "2010350")  # 行政运行 + 事业运行
crossing = {
    f"{' + '.join(e)} = {' + '.join(f)}": (by_economic[list(e)].sum(), by_function[list(f)].sum())
    for e, f in pairs.items()
}
rest = f"Σ {gz.label('款', LANG)} − {' − '.join(matched)} = {' + '.join(running)}"
crossing[rest] = (items - by_economic[matched].sum(), by_function[list(running)].sum())
gz.tables.figures(
    {name: f"{a:,.2f} = {b:,.2f}" for name, (a, b) in crossing.items()},
    lang=LANG,
    caption=f"{gz.label('economic', LANG)} = {gz.label('function', LANG)} (万元)",
)

# %% tags=["nbval-check-output", "remove-cell"]
for name, (a, b) in crossing.items():
    print(f"{name}: {a:,.2f} | {b:,.2f}")

# %% [markdown] tags=["lang-en"]
# The narrative goes further: it breaks down **all** spending by economic class (line 587), project spending
# (line 583) and fiscal project spending (line 595). The whole budget looks very different from its basic
# part: most of it is booked as goods and services (302 商品和服务支出).

# %% [markdown] tags=["lang-zh"]
# 预算情况说明提供了更多信息：它按经济分类分解了**全部**支出（第587行）、项目支出（第583行）和财政拨款项目支出（第595行）。全部预算的经济结构与其中的基本支出大不相同：大部分列为商品和服务支出（302类）。

# %% tags=["nbval-check-output", "remove-cell"]
spending_budget = gz.term("支出预算", LANG)
stated = gz.changes(d, lang=LANG).query("section == @spending_budget and grouping == 'economic'")
whole = stated[["code", "item", "amount"]].assign(share_of_total=stated["amount"] / stated["amount"].sum())
print(gz.tables.text(whole.round(4), LANG))
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
print(gz.tables.text(procurement[["item", "amount", "source_line"]], LANG))

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
# headers: the kinds of spending (基本支出, 项目支出), not a project
kinds_shown = kind.sort_values("project", ascending=False)
gz.tables.show(kinds_shown.rename(columns=lambda k: gz.label(k, LANG)), lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(kind.sort_values("project", ascending=False), LANG, index=True))

# %% [markdown] tags=["lang-en"]
# Basic spending sits in four classes only; every other class is project money. In 201 it is 行政运行 and
# 事业运行 (wages and office costs); in 208, 161.88 of pension insurance contributions (养老保险缴费) and
# 0.25 for retirees (离退休); in 210, 140.99 of health insurance (医疗保险); in 221, 134.37 of housing fund
# (lines 164–212; the crossing above).
#
# ## Why does an approval bureau pay for science, farming and the environment?
# A 行政审批局 approves licences and runs government services; yet its budget holds 科学技术, 城乡社区,
# 农林水, 节能环保, 就业 (inside 社会保障和就业), 文化旅游 and more. The narrative's answer is the 惠企 funds
# (enterprise-support subsidies): the carry-over grew, "mainly 惠企专项项目资金" (line 575), and spending grew
# because "惠企兑现工作力度增大,兑现资金大幅上升" (line 579: more enterprise-support payouts); 惠企兑现 is
# also one of the systems the bureau's 城市大脑 connects (line 634). Subsidies are classified by the policy
# they serve (science, farming, energy saving …), not by the unit that pays them out, so payouts made
# through this bureau would land in these classes. The disclosure does not tie each class to a payout, so
# this is an inference.
#
# What the figures show: these classes live on carry-over alone, and the narrative calls the carry-over
# mainly 惠企 project money. What they do not show is a payout. The narrative's economic split of project
# spending (lines 583, 587) is 301 wages 58.02, 302 goods and services 16,396.77, 310 capital 4,238.23 and
# 399 other 700, with no 312 对企业补助 (subsidies to enterprises), the class a payout to an enterprise would
# normally be booked under. Either the payouts are booked as goods and services, and then "most of the
# budget is booked as goods and services" says less about what the unit buys than it seems, or these
# classes are not payouts. The disclosure does not say which.

# %% [markdown] tags=["lang-zh"]
# 基本支出只出现在四个类中；其余各类全部是项目支出。201类中是行政运行和事业运行（工资和公用经费）；208类中是161.88万元养老保险缴费和0.25万元离退休费；210类中是140.99万元医疗保险缴费；221类中是134.37万元住房公积金（第164–212行；见上文的交叉核对）。
#
# ## 行政审批局为什么会有科技、农业和环保支出？
# 行政审批局负责行政许可审批和政务服务，预算中却有科学技术、城乡社区、农林水、节能环保、就业（在社会保障和就业类下）、文化旅游等支出。预算情况说明给出的答案是**惠企资金**：上年结转增加，“主要是惠企专项项目资金”（第575行）；支出增加，是因为“惠企兑现工作力度增大，兑现资金大幅上升”（第579行）；惠企兑现也是该局“城市大脑”所接入的系统之一（第634行）。补助资金按其支持的政策（科技、农业、节能……）归入功能科目，而不按兑付资金的单位归类，所以经由该局兑付的资金会落在这些类中。公开文件并没有把每个类与具体的兑现资金一一对应，所以这只是一种推断。
#
# 数字能说明的是：这些类完全依靠上年结转，而预算情况说明称上年结转主要是惠企专项项目资金。数字不能说明的是兑付。预算情况说明对项目支出的经济分类（第583、587行）是：301工资福利支出58.02万元、302商品和服务支出16,396.77万元、310资本性支出4,238.23万元、399其他支出700万元，没有312对企业补助——而支付给企业的兑现资金通常列在这一类。要么兑现资金被列为商品和服务支出，那么“全部预算大部分列为商品和服务支出”就不能说明单位实际购买了多少商品和服务；要么这些类并不是兑现资金。公开文件没有说明是哪一种。

# %% tags=["nbval-check-output", "remove-cell"]
carried = gz.carryover(d, level="类", lang=LANG)
alone = carried[carried["carryover_only"]]
print(gz.tables.text(alone[["code", "name", "carryover"]], LANG))
print(len(alone), f"{alone['carryover'].sum():,.2f}")

# %%
gz.tables.show(alone[["code", "name", "carryover"]], lang=LANG)

# %%
# the narrative's economic split of project spending (all funds), as printed
projects_split = d.table("narrative_figures").query("topic == '项目支出' and source_line == 583")
split = projects_split[["economic_code", "item", "amount", "source_line"]].rename(
    columns={"economic_code": "code"}
)
gz.tables.show(split, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(split[["code", "amount"]], LANG))
print(f"312: {(split['code'] == '312').sum()} | {split['amount'].sum():,.2f}")

# %% [markdown] tags=["lang-en"]
# ## Basic against project spending: where the line is drawn here
# By definition 基本支出 keeps the office running and 项目支出 pays for tasks. The 8% against 92% of this
# budget overstates the difference:
# - Project P6, 赣州市行政审批局专项经费, has the goal "保障行政审批局正常运转" (keep the bureau running, line
#   510); its indicators are utilities (水电费, line 517), property management (物业管理, line 519) and
#   agency staff (劳务派遣人员, lines 521–524). It costs more than all basic spending.
# - The pay of contract-appointed civil servants (聘用制公务员工资, 58.02 万元, line 583) is booked as project
#   spending.
# - The narrative's 机关运行经费 (office running costs), 214.31 万元, equals the 公用经费 of basic spending
#   (line 607), and the narrative defines it as 各部门的公用经费 (line 611). The glossary defines it
#   otherwise (lines 782–784): money of the general budget's fiscal appropriations for running an
#   administrative unit (行政单位, including public institutions managed like the civil service), buying
#   goods and services, utilities (办公用房水电费) and property management (办公用房物业管理费) included. By
#   that definition P6's utilities and property management would seem to count too; the narrative's figure
#   leaves them out. The 214.31 follows the narrative's definition, not the glossary's.

# %% [markdown] tags=["lang-zh"]
# ## 基本支出与项目支出：本单位的界限划在哪里
# 按定义，基本支出保障机构正常运转，项目支出用于完成特定工作任务。本预算中8%对92%的比例夸大了两者的差别：
# - P6“赣州市行政审批局专项经费”的目标是“保障行政审批局正常运转”（第510行），其指标是水电费（第517行）、物业管理（第519行）和劳务派遣人员（第521–524行）。这一个项目的金额就超过了全部基本支出。
# - 聘用制公务员工资（58.02万元，第583行）列在项目支出中。
# - 预算情况说明中的机关运行经费214.31万元，等于基本支出中的公用经费（第607行），预算情况说明也把它定义为“各部门的公用经费”（第611行）。名词解释的定义不同（第782–784行）：用一般公共预算财政拨款安排的、为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公用房水电费、办公用房物业管理费。按这一定义，P6的水电费和物业管理费看来也应计入；预算情况说明的数字没有计入。214.31万元采用的是预算情况说明的口径，而不是名词解释的口径。

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
# (purchase and running, 公务用车购置及运行维护费). They are official costs watched closely because they are
# prone to extravagance and draw public attention (易生铺张浪费、社会关注度高): since the 2012 eight-point
# rules of the Party centre (中央八项规定) and the State Council's 2013 pledge that they "只减不增" (only decrease, never increase), every unit publishes them and
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
# ## “三公”经费：受到严格管控的支出
# **“三公”经费**指因公出国（境）费、公务接待费和公务用车购置及运行维护费。它们之所以受到严格管控，是因为这类公务支出易生铺张浪费、社会关注度高：自2012年中央八项规定出台、2013年国务院承诺“三公”经费“只减不增”以来，各单位都要公开“三公”经费并说明增减原因。本单位公务接待费为3万元，“与上年安排保持一致”（第741行）。阅读“三公”经费时要注意两点：
# - “三公”经费只统计财政拨款（名词解释，第786行：“用财政拨款安排的”），用其他资金安排的支出不计在内；
# - “三公”经费少，不等于没有交通费用。本单位公务用车为0辆（第619行），车辆预算为0，但基本支出中有42.35万元的**其他交通费用**（第297行）。2014年公务用车制度改革以后，取消公车后发放给工作人员的公务交通补贴一般列在这一科目；公开文件没有细列，所以这只是它最可能的内容，并非文件所述。

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
print(
    " | ".join(
        f"{name} {three[p]:,.2f}" if three[p] == three[p] else f"{name} -" for p, name in parts.items()
    )
)
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
# - Seven classes are funded by carried-over money alone; the narrative calls the carry-over mainly 惠企
#   money, which may be why an approval bureau holds them, but its economic split of project spending has
#   no subsidies to enterprises (312): that they are payouts is an inference the figures do not confirm.
# - The basic/project split understates the cost of running the bureau: P6 keeps it running as a project.
# - 三公经费 are 3.00 万元, all hospitality; they count fiscal appropriations only.
#
# ## Sources
# - 部门支出总表 (lines 151-215), 一般公共预算基本支出表 (263-302), 部门收入总表 (89-149),
#   财政拨款"三公"经费支出表 (304-312), P6's performance table (500-533), 第三部分 (575-619) and the glossary
#   (782–786) of `data/raw/ganzhou-xzspj-2023.txt`.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 一般公共服务支出占全部支出的56.2%；其次是科学技术（13.6%）、城乡社区（12.7%）和农林水（7.5%）。
# - 基本支出占预算的8%，其中88%是工资福利支出；按预算情况说明，全部预算的71%是商品和服务支出，政府采购几乎全是服务。
# - 七个类完全依靠上年结转；预算情况说明称上年结转主要是惠企资金，这可能是行政审批局承担这些支出的原因，但它对项目支出的经济分类中没有对企业补助（312类）：说这些是兑现资金，是数字无法证实的推断。
# - 基本支出与项目支出的划分低估了机构运转的成本：P6以项目的形式保障机构运转。
# - “三公”经费为3.00万元，全部是公务接待费；“三公”经费只统计财政拨款。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门支出总表（第151–215行）、一般公共预算基本支出表（第263–302行）、部门收入总表（第89–149行）、财政拨款“三公”经费支出表（第304–312行）、P6的绩效目标表（第500–533行）、第三部分预算情况说明（第575–619行）和名词解释（第782–786行）。
