# %% [markdown] tags=["lang-en"]
# # Carried-over funds: where the 9,207.96 万元 of 上年结转 go
#
# ## Overview
# **上年结转** (carry-over) is money budgeted in earlier years and not yet spent, brought into this year's
# budget. In 2023 it is 9,207.96 万元, 40% of the unit's budget. Which functions does it pay for, which live
# on it alone, and what does the disclosure say about it?
#
# ## 财政拨款 and 上年结转, 结转 and 结余
# - **财政拨款** (fiscal appropriations) is what this year's budget gives the unit. **上年结转** is money
#   budgeted in earlier years that the unit has not yet spent: not new money. Growth through carry-over is
#   growth without new appropriations. (Whether this carry-over is earlier *fiscal* money is the
#   narrative's claim; the tables do not show it, see below.)
# - **结转** (carry-over) is money of a year's budget whose work was started but not finished, or not
#   started for some reason, and which keeps its purpose the next year; **结余** (balance) is money left
#   when the work is done or stopped, which is no longer needed for it. The summary table prints the line as 上年结转(结余) (line 86) but gives no split.
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

# %% [markdown] tags=["lang-zh"]
# # 上年结转资金：9,207.96万元用在了哪里
#
# ## 概览
# **上年结转**是以前年度已安排预算、尚未支出、转入本年度使用的资金。2023年本单位上年结转9,207.96万元，占全部预算的40%。这些钱用于哪些功能？哪些功能完全依靠它？公开文件对它又作了哪些说明？
#
# ## 财政拨款与上年结转，结转与结余
# - **财政拨款**是本年度预算安排给单位的资金。**上年结转**是以前年度已安排预算、单位尚未支用的资金：不是新增资金。依靠上年结转的增长，是没有新增拨款的增长。（这笔结转是否是以前年度的**财政**资金，是预算情况说明的说法；各表并没有这样列示，见下文。）
# - **结转**资金是当年预算已执行但未完成、或因故未执行，下一年度需要按原用途继续使用的资金；**结余**资金是项目已完成或提前终止后剩余、不再需要按原用途继续使用的资金。收支预算总表把这一行印作“上年结转（结余）”（第86行），但没有分开列示。
# - 形成结转的常见原因有：项目跨年度实施，资金年底才下达，或者需要等交付验收后才能付款——本局采购的信息化项目往往就是这样。
# - 使用规则（一般背景，公开文件中没有写）：结转资金按原用途使用；根据国务院2015年推进财政资金统筹使用的方案（国发〔2015〕35号），一般公共预算结转资金连续两年未用完的，以及结余资金，由同级财政部门收回统筹使用。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `00_start_here` | 有帮助 | 资金来源 |
# | `05_data_audit` | 有帮助 | 为什么有些合计相差0.01 |
#
# 学习时间：15分钟。

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

# %%
gz.require(d, "carryover")  # where the income table is not by function: one sentence, and the notebook stops

# %% [markdown] tags=["lang-en"]
# ## By function

# %% [markdown] tags=["lang-zh"]
# ## 按功能分类

# %%
by_class = gz.carryover(d, level="类", lang=LANG)
gz.tables.show(by_class.drop(columns=["level", "parent"]), lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
columns = ["code", "name", "carryover", "total", "share_of_carryover", "share_carried_over", "carryover_only"]
print(gz.tables.text(by_class[columns].round(4), LANG))

# %%
gz.charts.carryover(d, lang=LANG)

# %% [markdown] tags=["lang-en"]
# Three classes take 85% of the carry-over: 科学技术 (science and technology, 34%), 城乡社区 (urban and
# rural community affairs, 32%) and 农林水 (agriculture, forestry and water affairs, 19%). Seven classes are
# funded **by carry-over alone**: without it they would not appear in this budget at all. The narrative
# says the carry-over is "mainly 惠企专项项目资金" (enterprise-support funds, line 575). If the bureau pays
# these funds out to enterprises, that would explain why an approval bureau holds these classes; the
# disclosure does not say so, and its economic split of project spending shows no subsidies to
# enterprises (`01_spending_composition`). It is an inference, not a fact of the disclosure.
#
# The classes' carry-over adds up to 9,207.97, one cent more than the published total: a rounding
# difference that the audit lists.

# %% [markdown] tags=["lang-zh"]
# 三个类占上年结转的85%：科学技术（34%）、城乡社区（32%）和农林水（19%）。有七个类**完全依靠上年结转**：没有结转资金，它们根本不会出现在本年预算中。预算情况说明称上年结转“主要是惠企专项项目资金”（第575行）。如果这些资金由该局兑付给企业，就可以解释行政审批局预算中为什么会出现这些类；但公开文件并没有这样说，它对项目支出的经济分类中也没有对企业补助（见 `01_spending_composition`）。这是一种推断，而不是公开文件所述的事实。
#
# 各类的上年结转加总为9,207.97万元，比公开的合计多0.01万元：这是尾差，审计中有记录。

# %%
gz.tables.figures(
    {"total": gz.carryover_context(d)["total"], "sum_of_classes": by_class["carryover"].sum()},
    lang=LANG,
    caption=f"{gz.label('carryover', LANG)} (万元)",
)

# %%
gz.tables.sentence(
    f"{gz.label('carryover_only', LANG)}: {', '.join(by_class.loc[by_class['carryover_only'], 'name'])}",
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.carryover_context(d)["total"], "=", round(by_class["carryover"].sum(), 2))
print(gz.label("carryover_only", LANG) + ":", ", ".join(by_class.loc[by_class["carryover_only"], "name"]))

# %% [markdown] tags=["lang-en"]
# ## Down to items (项)

# %% [markdown] tags=["lang-zh"]
# ## 细化到项

# %%
items = gz.carryover(d, level="项", lang=LANG)
gz.tables.show(
    items[items["carryover"] > 0][["code", "name", "carryover", "share_of_carryover", "share_carried_over"]],
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# ## What the disclosure says about it
# The narrative names the carry-over "国库集中支付网上结转": the carry-over of unspent balances of treasury
# centralised payment (国库集中支付), that is, of fiscal money appropriated in earlier years. It explains the
# growth of the budget by it:

# %% [markdown] tags=["lang-zh"]
# ## 公开文件怎么说
# 预算情况说明把这笔结转称为“国库集中支付网上结转”，即以前年度已下达指标、尚未通过国库集中支付支用的财政资金。它用这笔结转解释了预算的增长：

# %%
context = gz.carryover_context(d)
carry_change = context["narrative"]["change"]
gz.tables.figures(
    {
        **context["narrative"],
        "reason": context["reason"],
        f"{gz.label('fiscal', LANG)}, {gz.label('carryover', LANG)} = ∅": context["fiscal_summary_blank"],
        "prior_year": context["narrative"]["amount"] - carry_change,
    },
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
narrative = context["narrative"]
print(
    f"{narrative['item']}: {narrative['amount']:,.2f} | {narrative['change']:+,.2f} | {narrative['source_line']}"
)
print(f"{gz.label('reason', LANG)}: {context['reason']}")
blank = gz.tables.YES_NO[LANG][0 if context["fiscal_summary_blank"] else 1]
print(f"{gz.label('fiscal', LANG)}, {gz.label('carryover', LANG)} = ∅: {blank}")
carry_change = context["narrative"]["change"]
print(f"{gz.label('prior_year', LANG)}: {context['narrative']['amount'] - carry_change:,.2f}")

# %% [markdown] tags=["lang-en"]
# If the carry-over is earlier fiscal money, the 财政拨款收支总表 should show it as 上年结转 and
# 一般公共预算拨款结转; it leaves both blank (lines 229–230), so the tables contradict the narrative's name for
# it, and the audit reports it. A second finding concerns one subject: 21208 国有土地使用权出让收入安排的支出
# (spending from land-sale revenue) belongs to the 政府性基金预算 (government-fund budget), yet it carries
# 389.43 of carry-over in a disclosure that says it has no government-fund income or spending (无政府性基金收支,
# line 322; line 599).

# %% [markdown] tags=["lang-zh"]
# 如果这笔结转是以前年度的财政资金，财政拨款收支总表就应当在“上年结转”和“一般公共预算拨款结转”中列示；而这两栏都是空的（第229–230行）。表格与预算情况说明对这笔资金性质的表述相互矛盾，审计对此有报告。第二条发现涉及一个科目：21208“国有土地使用权出让收入安排的支出”属于**政府性基金预算**，却有389.43万元上年结转；而公开文件称本单位“无政府性基金收支”（第322行），也没有使用政府性基金预算拨款安排的支出（第599行）。

# %% tags=["nbval-check-output", "remove-cell"]
budgets = gz.audit(d).query("family == 'budgets'")
print(gz.tables.text(budgets[["rule", "lhs", "rhs", "status"]], LANG))
fund_subjects = d.table("functional_codes").query("budget == 'government_fund'")["code"]
fund_rows = d.table("部门收入总表").set_index("code").loc[fund_subjects, ["name", "carryover", "source_line"]]
print(gz.tables.text(fund_rows, LANG, index=True))

# %%
gz.tables.show(budgets[["rule", "lhs", "rhs", "status"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## How it relates (and fails to relate) to the project performance tables
# All carry-over funds project spending. Every project is supposed to have a performance table
# (项目支出绩效目标表) — the narrative says the unit "对项目支出全面实施绩效目标管理". Yet only one table has
# carry-over funds (1.40 万元), and the table named 平台建设项目(上年结转) ("carried over") is funded by
# this year's appropriations:

# %% [markdown] tags=["lang-zh"]
# ## 与项目支出绩效目标表的关系（以及脱节）
# 上年结转全部用于项目支出。每个项目都应有一张项目支出绩效目标表——预算情况说明也称本单位“对项目支出全面实施绩效目标管理”。然而只有一张表列有上年结转资金（1.40万元），而名为“平台建设项目（上年结转）”的那张表，资金却来自本年财政拨款：

# %%
# the projects' names under a project's header (not a subject's)
gz.tables.show(context["projects"].rename(columns={"name": "project"}), lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(context["projects"], LANG))

# %%
audit = gz.audit(d)
rules = ["projects.coverage.funds_carryover", "projects.coverage.funds_total"]
coverage = audit[audit["rule"].isin(rules)].set_index("rule")[["lhs", "rhs", "diff", "status"]]
gz.tables.show(coverage, lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(coverage, LANG, index=True))

# %% [markdown] tags=["lang-en"]
# So 9,206.56 万元 of carried-over project spending — science and technology, urban and rural affairs,
# agriculture, forestry and water affairs, energy saving, employment, culture … — has no performance table in
# the disclosure.

# %% [markdown] tags=["lang-zh"]
# 也就是说，9,206.56万元由上年结转安排的项目支出——科学技术、城乡社区、农林水、节能环保、就业、文化……——在公开文件中没有绩效目标表。

# %% [markdown] tags=["lang-en"]
# ## Explore

# %% [markdown] tags=["lang-zh"]
# ## 动手探索

# %%
gz.explorers.explorer(d, "carryover", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Summary
# - 上年结转 is 9,207.96 万元, 40% of the budget, all of it project spending.
# - 85% goes to three classes; seven classes live on carry-over alone.
# - The performance tables cover 1.40 万元 of it: carried-over projects have no published targets.
# - The narrative calls it earlier fiscal money (国库集中支付网上结转); the 财政拨款收支总表 shows no fiscal
#   carry-over, and 389.43 of it sits on a government-fund subject the disclosure has no money for.
# - The carry-over grew from an implied 1,618.63 万元 in 2022 (line 575). It is money budgeted in earlier
#   years and not yet spent; that it is "old appropriations" (国库集中支付网上结转) is the narrative's claim,
#   which the 财政拨款收支总表 does not bear out (no fiscal carry-over, lines 229–230).
#
# ## Sources
# - 部门收入总表 (lines 89-149), 收支预算总表 (line 86), 财政拨款收支总表 (lines 217-232), 政府性基金预算支出表
#   (line 322), 第三部分 (lines 575, 599), 项目支出绩效目标表 (lines 336-567) of
#   `data/raw/ganzhou-xzspj-2023.txt`.
# - 国务院关于印发推进财政资金统筹使用方案的通知 (国发〔2015〕35号), for the rules on carry-over.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 上年结转9,207.96万元，占预算的40%，全部用于项目支出。
# - 85%集中在三个类；七个类完全依靠上年结转。
# - 绩效目标表只覆盖其中1.40万元：由结转安排的项目没有公开的绩效目标。
# - 预算情况说明称之为以前年度的财政资金（国库集中支付网上结转）；财政拨款收支总表却没有财政拨款结转，其中389.43万元还落在一个本单位并无资金的政府性基金预算科目上。
# - 上年结转由推算的2022年1,618.63万元增长而来（第575行）。它是以前年度已安排、尚未支出的预算，不是新增资金；说它是以前年度的财政拨款（国库集中支付网上结转），只是预算情况说明的说法，财政拨款收支总表并不支持（没有财政拨款结转，第229–230行）。
#
# ## 资料来源
# - `data/raw/ganzhou-xzspj-2023.txt` 中的部门收入总表（第89–149行）、收支预算总表（第86行）、财政拨款收支总表（第217–232行）、政府性基金预算支出表（第322行）、第三部分预算情况说明（第575、599行）、项目支出绩效目标表（第336–567行）。
# - 《国务院关于印发推进财政资金统筹使用方案的通知》（国发〔2015〕35号），关于结转资金的使用规则。
