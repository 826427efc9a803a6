# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# # 增减变化说明：与2022年相比变了什么，为什么
#
# ## 概览
# 公开文件的第三部分“预算情况说明”将各项数字与上年预算安排进行比较：“较上年预算安排增加……万元”。由每一条说明都可以推算出相应的**2022年预算数**（2023年金额减去增减额）。本笔记本列出这些说明、把它们画成图，并检验预算情况说明自身的数字是否对得上。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `01_spending_composition` | 有帮助 | 功能分类与支出类别 |
# | 增长率 | 必需 | 增减额 ÷ 上年数 |
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
changes = gz.changes(d, lang=LANG)
spending_budget, income_budget = gz.term("支出预算", LANG), gz.term("收入预算", LANG)
running_costs = gz.term("机关运行经费", LANG)

# %%
gz.require(d, "narrative")  # where the disclosure has no narrative: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## The totals and the reasons given
# Every comparison is with the 2022 **budget** (较上年预算安排), not with what was actually spent in 2022
# (决算, the final accounts, published separately). The narrative gives one reason per section. Words to
# know: **增加** (increase), **减少** (decrease),
# **净增 / 净减** (net increase / net decrease; here the narrative uses them for classes that are new in
# 2023 or gone from it).

# %% [markdown] tags=["lang-zh"]
# ## 总额与所给的原因
# 所有比较的对象都是2022年的**预算**（“较上年预算安排”），而不是2022年的实际支出（那是另行公开的**决算**）。预算情况说明每一部分给出一个原因。几个常用词：**增加**、**减少**，以及**净增 / 净减**（这里用于2023年新出现或不再出现的类）。

# %%
totals = changes.query("grouping == 'total'")
gz.tables.show(
    totals[["section", "scope", "amount", "change", "prior_year", "growth_rate", "reason", "source_line"]],
    lang=LANG,
)

# %%
carry = changes.set_index("item").loc[gz.term("国库集中支付网上结转", LANG)]
whole = totals.iloc[0]
gz.tables.sentence(
    f"{gz.label('change', LANG)}: {carry.name} {carry['change']:+,.2f} 万元 / {whole['section']} "
    f"{whole['change']:+,.2f} 万元 = {carry['change'] / whole['change']:.1%}",
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
for r in totals.itertuples():  # 2023 amount, change on 2022 → implied 2022 amount (growth rate)
    print(
        f"{r.section} ({r.scope}): {r.amount:,.2f} 万元, Δ {r.change:+,.2f} → 2022: {r.prior_year:,.2f}"
        f" ({r.growth_rate:+.1%})"
    )
    print(f"   {gz.label('reason', LANG)}: {r.reason}")
print(
    f"{carry.name}: {carry['change']:+,.2f} / {whole['change']:+,.2f} = {carry['change'] / whole['change']:.1%}"
)

# %% [markdown] tags=["lang-en"]
# The budget grew by 57.3% in one year. The narrative gives two reasons: 13 more staff, and a larger
# carry-over, "mainly 惠企专项项目资金" (special enterprise-support project funds, line 575). The figures
# weigh them: the carry-over alone accounts for 89.6% of the increase in income, while fiscal
# appropriations, which pay the staff, grew by 6.2%.

# %% [markdown] tags=["lang-zh"]
# 预算一年增长了57.3%。预算情况说明给出两个原因：人员增加13人，以及上年结转增加，“主要是惠企专项项目资金”（第575行）。从数字看两者的分量：仅上年结转一项就占收入增加额的89.6%，而用于保障人员的财政拨款只增长了6.2%。

# %% [markdown] tags=["lang-en"]
# ## Set the stated reason against the size of the change
# The narrative explains basic spending's growth, like the budget's, by 13 more staff. A reason can be
# checked against the size of what it explains: here staff grew by about a ninth, basic spending by three
# quarters (all funds, line 581) or more than doubled (fiscal appropriations, line 595), and 机关运行经费 by
# two fifths (line 607). Thirteen more staff cannot by themselves account for growth of that size; the
# narrative gives no other reason, so what else changed the disclosure does not tell.

# %% [markdown] tags=["lang-zh"]
# ## 把所给的原因与变化的大小对照
# 预算情况说明对基本支出的增长，和对预算总额的增长一样，用“单位人员增加13人”来解释。原因可以拿它所要解释的变化的大小来检验：人员增加约九分之一，基本支出却增加四分之三以上（全部资金口径，第581行）或一倍以上（财政拨款口径，第595行），机关运行经费增加五分之二（第607行）。仅增加13人，不足以解释这么大的增长；预算情况说明没有给出别的原因，其余的变化是什么，公开文件没有说明。

# %%
kind_rows = changes.query("grouping == 'kind'").set_index(["section", "item"])
basic = gz.term("基本支出", LANG)
basic_all = kind_rows.loc[(spending_budget, basic)]
basic_fiscal = kind_rows.loc[(gz.term("财政拨款支出", LANG), basic)]
running = changes.query("section == @running_costs").iloc[0]
staff = d.table("staffing").set_index("measure")["count"]
more_staff = d.table("narrative_figures").query("topic == '人员'")["amount"].iloc[0]
# the 13 against the staff in post, or the whole headcount, before them
staff_growth = [more_staff / (staff[m] - more_staff) for m in ("serving_total", "headcount_total")]
growth = {
    f"{basic_all.name[1]} ({basic_all['scope']})": basic_all,
    f"{basic_fiscal.name[1]} ({basic_fiscal['scope']})": basic_fiscal,
    running["section"]: running,
}
gz.tables.figures(
    {
        **{
            k: f"{r['change']:+,.2f} / {r['prior_year']:,.2f} = {r['growth_rate']:+.1%}"
            for k, r in growth.items()
        },
        gz.term("单位人员增加", LANG): f"+{more_staff:.0f} = {staff_growth[0]:+.1%} … {staff_growth[1]:+.1%}",
    },
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
for k, r in growth.items():
    print(f"{k}: {r['change']:+,.2f} / {r['prior_year']:,.2f} = {r['growth_rate']:+.1%} ({r['source_line']})")
print(f"+{more_staff:.0f}: {staff_growth[0]:+.1%} | {staff_growth[1]:+.1%}")

# %% [markdown] tags=["lang-en"]
# ## By function
# A waterfall starts from the implied 2022 budget and adds each stated change:

# %% [markdown] tags=["lang-zh"]
# ## 按功能分类
# 瀑布图从推算的2022年预算出发，逐项加上说明中的增减额：

# %%
gz.charts.waterfall(d, lang=LANG)

# %%
gz.charts.changes(d, lang=LANG)

# %%
by_function = changes.query("section == @spending_budget and grouping == 'function'")
gz.tables.show(by_function[["code", "item", "amount", "change", "prior_year", "wording"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(by_function[["code", "item", "amount", "change", "prior_year", "wording"]], LANG))

# %% [markdown] tags=["lang-en"]
# Four classes are new in 2023 (净增: 节能环保, 城乡社区, 农林水, 商业服务业) and one disappeared (金融支出,
# 净减 325). The four new ones are project spending funded by carry-over alone:

# %% [markdown] tags=["lang-zh"]
# 有四个类是2023年新增的（“净增”：节能环保、城乡社区、农林水、商业服务业），一个类不再出现（金融支出，净减325万元）。四个新增的类都是项目支出，且完全依靠上年结转：

# %% tags=["nbval-check-output", "remove-cell"]
net_increase = gz.term("净增", LANG)
new_classes = by_function.query("wording == @net_increase")["code"]
carried = gz.carryover(d, level="类", lang=LANG).set_index("code").loc[new_classes]
print(gz.tables.text(carried[["name", "carryover", "total", "carryover_only"]], LANG, index=True))

# %%
gz.tables.show(carried[["name", "carryover", "total", "carryover_only"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Do the narrative's parts add up?
# The parts of each stated change should add up to the stated total. Where they do not by more than
# rounding explains, the status says **material**:

# %% [markdown] tags=["lang-zh"]
# ## 预算情况说明的分项加得起来吗？
# 每一项增减的分项之和应当等于所说明的总增减额。差额超出尾差所能解释的范围时，“核对结果”一栏标为**实质性差异**：

# %%
checks = changes.query("grouping != 'total'").groupby(["section", "scope", "grouping"], sort=False)
summary = checks.agg(parts=("change", "sum"), status=("parts_check", "first")).reset_index()
stated = totals[["section", "scope", "change"]].rename(columns={"change": "stated_total"})
summary = summary.merge(stated, on=["section", "scope"])  # sections that state a total change
gz.tables.show(summary, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(summary.round(2), LANG))

# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# 各收入来源的增减额合计为8,472.24万元，而不是说明中的8,471.56万元：0.68万元的差额无法用尾差解释。把描述同一笔钱的不同部分对照起来，就能找到原因。收入部分说其他收入（700万元，单位自有资金）增加了**100**万元（第575行）；两种支出分类都说这700万元（分别列为其他支出和其他相关支出）增加了**99.33**万元（第585、587行）。按99.33计算，各收入来源之和与总额只差0.01万元；所以0.68万元的缺口，以及推算出的2022年数600.00与600.67的不一致，是同一个数字说错后的两种表现。审计把这两条发现归于同一个 `cause`（原因）。
#
# 基本支出则是另一回事。支出预算部分说基本支出增加809.39万元（第581行），财政拨款支出部分说增加1,024.23万元（第595行）。前者是全部资金口径，后者只是财政拨款口径，因此推算出的2022年数1,053.02和838.18是一个整体和其中的财政拨款部分：两者可以同时成立，合起来说明2022年基本支出中有214.84万元来自财政拨款以外的资金。审计把这一点作为提示信息（info）列出，并检验基本支出和项目支出中非财政拨款部分之和，是否等于2022年财政拨款以外各项收入之和。

# %%
audit = gz.audit(d)
narrative = audit.query("family == 'narrative' and status in ['material', 'info']")
gz.tables.show(narrative[["rule", "lhs", "rhs", "diff", "status", "cause"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(narrative[["rule", "lhs", "rhs", "diff", "status", "cause"]], LANG))
identity = audit.set_index("rule").loc["narrative.prior_year.non_fiscal.by_kind~by_source"]
print(f"2022: {identity['lhs']:,.2f} | {identity['rhs']:,.2f}")
sources = changes.query("section == @income_budget and grouping == 'income_source'").set_index("item")[
    "change"
]
spent_as_229 = by_function.set_index("code").loc["229", "change"]
corrected = sources.sum() - sources[gz.term("其他收入", LANG)] + spent_as_229
print(f"{gz.term('其他收入', LANG)} {spent_as_229:+.2f}: {corrected:,.2f} | {whole['change']:,.2f}")

# %% [markdown] tags=["lang-en"]
# ## Explore
# Choose a section, a grouping and a chart; hide small changes with the threshold.

# %% [markdown] tags=["lang-zh"]
# ## 动手探索
# 选择说明的部分、分组和图表类型；用阈值隐藏较小的变化。

# %%
gz.explorers.explorer(d, "changes", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Summary
# - The budget grew from an implied 14,783.86 万元 in 2022 to 23,255.42 in 2023 (+57.3%).
# - Most of the growth is carried-over project money in science and technology, urban and rural affairs and
#   agriculture. The narrative explains basic spending's growth by 13 more staff (about +11–13%), but basic
#   spending grew by 76.9% (all funds) or 122.2% (fiscal) and 机关运行经费 by 40.1%: the stated reason does
#   not account for the size of the change.
# - Beyond rounding, the narrative misstates one figure: 其他收入 +100 where the spending sections say
#   +99.33; it shows as the income sources' 0.68 gap and as two 2022 figures for the same 700.
# - The two 2022 basic-spending figures do not contradict each other: 1,053.02 of all funds, of which
#   838.18 fiscal; 214.84 came from other money.
#
# ## Sources
# - 第三部分 预算情况说明, lines 569-607 of `data/raw/ganzhou-xzspj-2023.txt` (income 575, spending 579-587,
#   fiscal appropriations 591-595).

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 预算从推算的2022年14,783.86万元增至2023年的23,255.42万元（增长57.3%）。
# - 增长主要来自科学技术、城乡社区和农林水等方面结转的项目资金。预算情况说明用人员增加13人（约增加11%–13%）解释基本支出的增长，但基本支出增长了76.9%（全部资金）或122.2%（财政拨款），机关运行经费增长40.1%：所给的原因解释不了这么大的变化。
# - 除尾差之外，预算情况说明有一个数字说错了：收入部分说其他收入增加100万元，支出部分说增加99.33万元；它表现为各收入来源0.68万元的缺口，以及同一笔700万元的两个不同的2022年推算数。
# - 两个2022年基本支出推算数并不矛盾：全部资金1,053.02万元，其中财政拨款838.18万元，另有214.84万元来自其他资金。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 第三部分预算情况说明，第569–607行（收入第575行，支出第579–587行，财政拨款第591–595行）。
