# %% [markdown]
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

# %% [markdown]
# ## 导入

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %% [markdown]
# ## 按功能分类
# 功能分类科目逐级嵌套：**类** → **款** → **项**。`share_of_parent` 是占上一级（类或款）的比重，`share_of_total` 是占全部支出的比重。

# %%
by_class = gz.composition(d, by="function", level="类", lang="zh")
gz.tables.show(by_class[["code", "name", "amount", "share_of_total"]], lang="zh")

# %% tags=["nbval-check-output", "remove-cell"]
print(by_class[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, lang="zh")

# %% [markdown]
# 一半以上的钱是**一般公共服务支出**，几乎全部在20103政府办公厅（室）及相关机构事务款下。在下图左侧点击一个类，即可看到它下面的款；下拉菜单可切换到项。图表在浏览器中运行，发布后的报告里同样可以操作。

# %%
gz.charts.drilldown(d, lang="zh")

# %% [markdown]
# ## 按经济分类
# 公开的表格只对一般公共预算的**基本支出**给出经济分类（一般公共预算基本支出表），也就是机构自身运转的开销。基本支出分为**人员经费**和**公用经费**；工资福利支出是其中的大头。

# %%
economic = gz.composition(d, by="economic", level="类", lang="zh")
gz.tables.show(economic[["code", "name", "amount", "share_of_total"]], lang="zh")

# %% tags=["nbval-check-output", "remove-cell"]
print(economic[["code", "name", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, by="economic", level="款", lang="zh")

# %% [markdown]
# 预算情况说明提供了更多信息：它按经济分类分解了**全部**支出（第587行）、项目支出（第583行）和财政拨款项目支出（第595行）。全部预算的经济结构与其中的基本支出大不相同：大部分用于购买商品和服务。

# %% tags=["nbval-check-output", "remove-cell"]
stated = gz.changes(d, lang="zh").query("section == '支出预算' and grouping == 'economic'")
whole = stated[["code", "item", "amount"]].assign(share_of_total=stated["amount"] / stated["amount"].sum())
print(whole.round(4).to_string(index=False))
print(f"各类合计：{stated['amount'].sum():,.2f}")

# %%
gz.tables.show(whole, lang="zh")

# %% [markdown]
# 商品和服务支出占预算的71%（五个经济分类类级科目合计23,255.43万元，比各表的总额多0.01万元，属于尾差）。预算情况说明还列出了单位的**政府采购**预算（第615行）：几乎全部是服务类采购。

# %% tags=["nbval-check-output", "remove-cell"]
procurement = d.table("narrative_figures").query("topic == '政府采购'")
print(procurement[["item", "amount", "source_line"]].to_string(index=False))

# %%
gz.tables.show(procurement[["item", "amount", "source_line"]], lang="zh")

# %% [markdown]
# ## 按资金来源和支出类别
# 哪些功能由本年**财政拨款**保障，哪些靠**上年结转**，哪些用单位自有资金（**其他收入**）？

# %%
gz.charts.source_mix(d, normalize=True, lang="zh")

# %%
kind = gz.composition(d, by="kind", level="类", lang="zh").pivot_table(
    index="name", columns="kind", values="amount", fill_value=0
)
gz.tables.show(kind.sort_values("project", ascending=False), lang="zh", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(kind.sort_values("project", ascending=False).to_string())

# %% [markdown]
# 基本支出（工资、离退休费、住房公积金、办公经费）只出现在四个类中；其余各类全部是项目支出。
#
# ## 行政审批局为什么会有科技、农业和环保支出？
# 行政审批局负责行政许可审批和政务服务，预算中却有科学技术、城乡社区、农林水、节能环保、就业（在社会保障和就业类下）、文化旅游等支出。预算情况说明给出的答案是**惠企资金**：上年结转增加，“主要是惠企专项项目资金”（第575行）；支出增加，是因为“惠企兑现工作力度增大，兑现资金大幅上升”（第579行）；惠企兑现也是该局“城市大脑”所接入的系统之一（第634行）。补助资金按其支持的政策（科技、农业、节能……）归入功能科目，而不按兑付资金的单位归类，所以经由该局兑付的资金会落在这些类中。公开文件并没有把每个类与具体的兑现资金一一对应，所以这只是一种推断。数字与这一推断吻合：这些类完全依靠上年结转。

# %% tags=["nbval-check-output", "remove-cell"]
carried = gz.carryover(d, level="类", lang="zh")
alone = carried[carried["carryover_only"]]
print(alone[["code", "name", "carryover"]].to_string(index=False))
print(f"{len(alone)} 个类，上年结转 {alone['carryover'].sum():,.2f} 万元，别无其他资金")

# %%
gz.tables.show(alone[["code", "name", "carryover"]], lang="zh")

# %% [markdown]
# ## 基本支出与项目支出：本单位的界限划在哪里
# 按定义，基本支出保障机构正常运转，项目支出用于完成特定工作任务。本预算中8%对92%的比例夸大了两者的差别：
# - P6“赣州市行政审批局专项经费”的目标是“保障行政审批局正常运转”（第510行），其指标是水电费（第517行）、物业管理（第519行）和劳务派遣人员（第521–524行）。这一个项目的金额就超过了全部基本支出。
# - 聘用制公务员工资（58.02万元，第583行）列在项目支出中。
# - 预算情况说明中的机关运行经费，就是基本支出中的公用经费，214.31万元（第607–611行）。

# %% tags=["nbval-check-output"]
basic = d.table("部门支出总表").query("code.isna()")["basic"].item()
p6 = d.table("projects").set_index("project_id").loc["P6"]
print(f"P6 {p6['name']}: {p6['funds_total']:,.2f} 万元 | 全部基本支出：{basic:,.2f} 万元")
running = gz.changes(d, lang="zh").query("section == '机关运行经费'").iloc[0]
public = d.table("一般公共预算基本支出表").query("code.isna()")["public_operations"].item()
print(f"机关运行经费 {running['amount']:,.2f} = 公用经费 {public:,.2f}")

# %% [markdown]
# ## 三公经费：受到严格管控的支出
# **三公经费**指因公出国（境）费、公务接待费和公务用车购置及运行维护费。它们之所以备受关注，是因为这些钱花在公务活动自身上：自2012年中央八项规定出台、2013年国务院承诺三公经费“只减不增”以来，各单位都要公开三公经费并说明增减原因。本单位公务接待费为3万元，“与上年安排保持一致”（第741行）。阅读三公经费时要注意两点：
# - 三公经费只统计财政拨款（名词解释，第786行：“用财政拨款安排的”），用其他资金安排的支出不计在内；
# - 三公经费少，不等于没有交通费用。本单位公务用车为0辆（第619行），车辆预算为0，但基本支出中有42.35万元的**其他交通费用**（第297行）。2014年公务用车制度改革以后，取消公车后发放给工作人员的公务交通补贴一般列在这一科目；公开文件没有细列，所以这只是它最可能的内容，并非文件所述。

# %% tags=["nbval-check-output"]
three = d.table('财政拨款"三公"经费支出表').iloc[0]
parts = ["total", "overseas_travel", "official_reception", "vehicle_operation", "vehicle_purchase"]
print("三公经费（万元）：" + "，".join(f"{part} {three[part]:,.2f}" for part in parts))
transport = d.table("一般公共预算基本支出表").set_index("code").loc["30239"]
print(f"30239 {transport['name']}: {transport['total']:,.2f}")

# %% [markdown]
# ## 动手探索
# 在运行中的内核里，可以切换分类、级次、金额口径、最小比重或语言，图和表会随之更新。（在发布的报告中，同样的控件也能直接在浏览器里驱动图表。）

# %%
gz.explorers.explorer(d, "composition", lang="zh")

# %% [markdown]
# ## 小结
# - 一般公共服务支出占全部支出的56.2%；其次是科学技术（13.6%）、城乡社区（12.7%）和农林水（7.5%）。
# - 基本支出占预算的8%，其中88%是工资福利支出；按预算情况说明，全部预算的71%是商品和服务支出，政府采购几乎全是服务。
# - 七个类完全依靠上年结转；预算情况说明提到的惠企资金兑现，很可能是行政审批局承担这些支出的原因（见 `03_carried_over_funds`）。
# - 基本支出与项目支出的划分低估了机构运转的成本：P6以项目的形式保障机构运转。
# - 三公经费为3.00万元，全部是公务接待费；三公经费只统计财政拨款。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门支出总表（第151–215行）、一般公共预算基本支出表（第263–302行）、部门收入总表（第89–149行）、财政拨款“三公”经费支出表（第304–312行）、P6的绩效目标表（第500–533行）、第三部分预算情况说明（第575–619行）和名词解释（第786行）。
