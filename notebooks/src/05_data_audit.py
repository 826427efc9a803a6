# %% [markdown] tags=["lang-en"]
# # Data audit: every identity of the disclosure, checked
#
# ## Overview
# A budget disclosure is full of identities: a 类 is the sum of its 款, a total is basic + project spending,
# income equals spending, the narrative repeats the tables' figures. `gz.audit` checks them all and returns
# the result as data. What can a reader of this disclosure trust?
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `00_start_here` | necessary | the tables |
# | rounding | necessary | each figure is rounded to 0.01 万元 |
#
# Time to learn: 20 minutes.

# %% [markdown] tags=["lang-zh"]
# # 数据审计：逐一核对公开文件中的每个勾稽关系
#
# ## 概览
# 预算公开文件中处处是勾稽关系：类等于所属各款之和，合计等于基本支出加项目支出，收入等于支出，预算情况说明重复各表的数字。`gz.audit` 逐一核对这些关系，并以数据表的形式返回结果。读者可以相信这份公开文件的哪些内容？
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `00_start_here` | 必需 | 各张表 |
# | 四舍五入 | 必需 | 每个数字都四舍五入到0.01万元 |
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
findings = gz.audit(d)

# %% [markdown] tags=["lang-en"]
# ## How to read a status
# Each published figure is rounded to 0.01, so it may be off by 0.005. A check that involves *n* published
# figures tolerates 0.005 × *n*: within it, the difference is **rounding** (harmless); beyond it,
# **material** (the disclosure contradicts itself). **minor** marks wording, not figures: a stale year, a
# note copied from another table. An **info** row is not a test: it reports what two figures reveal
# together. Findings that one fact explains share a **cause**, so the number of causes says how many things
# are actually wrong.

# %% [markdown] tags=["lang-zh"]
# ## 如何理解核对状态
# 每个公开数字都四舍五入到0.01，可能偏差0.005。一项涉及 *n* 个公开数字的核对，允许 0.005 × *n* 的差额：在此范围内的差额属于**尾差**（rounding，无害）；超出范围则是**实质性差异**（material，公开文件自相矛盾）。**次要**（minor）问题涉及文字而非数字：例如年份未更新、备注照抄了别的表。**提示**（info）行不是检验，而是报告两个数字合在一起所揭示的情况。由同一事实解释的多条发现共享一个**原因**（cause），因此原因的个数说明了真正出错的地方有几处。

# %%
families = findings.pivot_table(
    index="family", columns="status", values="rule", aggfunc="count", fill_value=0
)
gz.tables.show(families, lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print(
    len(findings),
    "|",
    gz.tables.text(findings["status"].value_counts().rename_axis("status"), LANG, index=True),
)
for status in ["material", "info"]:
    block = findings.query("status == @status")
    print(f"{gz.label(status, LANG)}: {len(block)} | {block['cause'].nunique()}")
print(gz.tables.text(families, LANG, index=True))

# %% [markdown] tags=["lang-en"]
# ## The material findings, by cause

# %% [markdown] tags=["lang-zh"]
# ## 实质性差异，按原因归并

# %%
material = findings.query("status == 'material'")
material = material.assign(cause_text=gz.in_lang(material, "cause_text", LANG))  # the findings in LANG
causes = material.groupby("cause", sort=False).agg(cause_text=("cause_text", "first"), count=("rule", "size"))
gz.tables.show(causes, lang=LANG, index=True)

# %%
gz.tables.show(
    material[["cause", "rule", "lhs_label", "lhs", "rhs_label", "rhs", "source_lines"]].rename(
        columns={"source_lines": "source_line"}
    ),
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
source_line = gz.label("source_line", LANG)
for cause, block in material.groupby("cause", sort=False):
    print(f"[{cause}] {len(block)}")  # the cause's text differs by language (its figures are the rows')
    for r in block.itertuples():
        print(
            f"   {r.rule}\n      {r.lhs_label} = {r.lhs:,.2f} vs {r.rhs_label} = {r.rhs:,.2f} ({source_line} {r.source_lines})"
        )

# %% [markdown] tags=["lang-en"]
# What they mean for a reader:
# - **One misstated change, seen twice.** The income section says 其他收入 rose by 100 (line 575); the
#   expenditure sections say the same 700 of own funds, spent as 其他支出 / 其他相关支出, rose by 99.33
#   (lines 585, 587). That one figure is both the 0.68 by which the income sources' changes miss their total
#   and the 600.00 against 600.67 implied for 2022. Every other year-over-year figure agrees up to rounding.
# - **The performance tables leave out the carry-over.** The tables cover 12,186.46 of 21,393.02 of project
#   spending and 1.40 of the 9,207.96 carried over (P4's 1.40): the same 9,206.56 missing in both.
# - **A government-fund subject without government-fund money.** 21208 国有土地使用权出让收入安排的支出
#   belongs to the 政府性基金预算, and it carries 389.43 of carry-over (lines 132–133, 198–199); yet the
#   财政拨款收支总表 shows no government-fund money, the 政府性基金预算支出表 says 无政府性基金收支 (line 322)
#   and the narrative says no government-fund appropriation is used (line 599).
# - **Carry-over called fiscal, shown nowhere as fiscal.** The narrative calls the 9,207.96 of carry-over
#   国库集中支付网上结转 (line 575), that is, unspent balances of earlier years' fiscal appropriations; the
#   财政拨款收支总表 leaves 上年结转 and 一般公共预算拨款结转 blank (lines 229–230).
# - **The key-project section gives 城市大脑 (P1) 4,200 万元** (line 642); its own table and the project list
#   (line 627) say 1,340. 4,200 is also P5's amount (云计算服务基本服务费, line 627), so a copy from P5 is a
#   likely explanation, not a fact the disclosure states. The section describes more than 2023: its goal
#   (lines 645–647) names the "数治赣州" 运行管理中心 that the plan puts in the third stage, 2024 (line 639).
# - **54 administrative staff in post against 52 administrative posts**: two above the establishment.

# %% [markdown] tags=["lang-zh"]
# 这些发现对读者意味着什么：
# - **一个说错的增减额，出现了两次。** 收入部分说其他收入增加100万元（第575行）；支出部分说同样这700万元自有资金（列为其他支出 / 其他相关支出）增加99.33万元（第585、587行）。这一个数字，既造成了各收入来源增减额与总额之间0.68万元的缺口，也造成了推算的2022年数600.00与600.67的不一致。其余各项同比数字在尾差范围内都相符。
# - **绩效目标表没有覆盖上年结转。** 绩效目标表覆盖了21,393.02万元项目支出中的12,186.46万元，以及9,207.96万元上年结转中的1.40万元（P4的1.40万元）：两处缺的是同一笔9,206.56万元。
# - **政府性基金预算科目，却没有政府性基金资金。** 21208“国有土地使用权出让收入安排的支出”属于政府性基金预算，列有389.43万元上年结转（第132–133、198–199行）；但财政拨款收支总表中没有政府性基金资金，政府性基金预算支出表注明“无政府性基金收支”（第322行），预算情况说明也称没有使用政府性基金预算拨款（第599行）。
# - **称为财政资金的结转，在财政拨款表中却无处可寻。** 预算情况说明把9,207.96万元上年结转称为“国库集中支付网上结转”（第575行），即以前年度财政拨款尚未支用的余额；而财政拨款收支总表的“上年结转”和“一般公共预算拨款结转”两栏都是空的（第229–230行）。
# - **重点项目部分给城市大脑（P1）写的是4,200万元**（第642行），而它自己的绩效目标表和项目清单（第627行）写的是1,340万元。4,200万元恰好是P5（云计算服务基本服务费，第627行）的金额，所以从P5抄错是一种可能的解释，而不是公开文件说明的事实。这一部分描述的内容也超出了2023年：其目标（第645–647行）提到的“数治赣州”运行管理中心，按规划属于第三阶段，即2024年（第639行）。
# - **行政编制52名，在职行政人员54名**：行政在职人数超出行政编制2人。

# %% [markdown] tags=["lang-en"]
# ## Performance targets: how much project spending has them?
# Coverage can be measured two ways: by the funds of the eight tables, or by the funds of the tables that
# actually list indicators. P8 (其他收入资金, the unit's own 700 万元) has a table but no indicators, so the
# second share is lower:

# %% [markdown] tags=["lang-zh"]
# ## 绩效目标：有多少项目支出设定了目标？
# 覆盖面有两种算法：按八张绩效目标表的资金算，或者只按实际列有指标的表的资金算。P8（其他收入资金，即单位自有的700万元）有表却没有指标，因此第二种算法得出的比例更低：

# %%
project_spending = d.table("部门支出总表").query("code.isna()")["project"].item()
targets = gz.targets_summary(d, lang=LANG)
in_tables = targets["funds_total"].sum()
with_indicators = targets.query("indicators > 0")["funds_total"].sum()
first, last = targets["project_id"].iloc[[0, -1]]
indicator = gz.label("indicator", LANG)
gz.tables.figures(
    {
        gz.label("project", LANG): project_spending,
        f"{first}–{last}": f"{in_tables:,.2f} ({in_tables / project_spending:.1%})",
        f"{indicator} > 0": f"{with_indicators:,.2f} ({with_indicators / project_spending:.1%})",
        f"{indicator} = 0": ", ".join(targets.query("indicators == 0")["project_id"]),
    },
    lang=LANG,
    caption="万元",
)

# %% tags=["nbval-check-output", "remove-cell"]
print(f"{gz.label('project', LANG)}: {project_spending:,.2f}")
print(f"{first}–{last}: {in_tables:,.2f} ({in_tables / project_spending:.1%})")
print(f"{gz.label('indicator', LANG)} > 0: {with_indicators:,.2f} ({with_indicators / project_spending:.1%})")
print(f"{gz.label('indicator', LANG)} = 0:", ", ".join(targets.query("indicators == 0")["project_id"]))

# %% [markdown] tags=["lang-en"]
# ## What the narrative reveals about 2022
# The 支出预算 section states changes of **all funds**, the 财政拨款支出 section changes of **fiscal
# appropriations** only. For basic spending they say +809.39 (line 581) and +1,024.23 (line 595). These do
# not contradict each other: the implied 2022 figures are a whole (1,053.02) and its fiscal part (838.18),
# so in 2022 some basic spending was paid from other money. The audit compares like with like, and checks
# that the non-fiscal parts by kind add up to the non-fiscal income by source:

# %% [markdown] tags=["lang-zh"]
# ## 预算情况说明透露的2022年情况
# 支出预算部分说明的是**全部资金**口径的增减，财政拨款支出部分说明的只是**财政拨款**口径的增减。对基本支出，两者分别为增加809.39万元（第581行）和增加1,024.23万元（第595行）。这并不矛盾：推算出的2022年数一个是整体（1,053.02万元），一个是其中的财政拨款部分（838.18万元），说明2022年有部分基本支出由其他资金安排。审计按相同口径比较，并检验按支出类别计算的非财政拨款部分，是否等于按收入来源计算的非财政拨款收入：

# %% tags=["nbval-check-output", "remove-cell"]
prior = findings[findings["rule"].str.startswith("narrative.prior_year.non_fiscal")]
print(gz.tables.text(prior[["rule", "lhs", "rhs", "diff", "status"]], LANG))

# %%
gz.tables.show(prior[["rule", "lhs", "rhs", "diff", "status"]], lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Rounding differences
# These are consistent with a disclosure whose tables were rounded separately; no number needs doubting.

# %% [markdown] tags=["lang-zh"]
# ## 尾差
# 这些差额与“各表分别四舍五入”的情况相符；没有哪个数字需要怀疑。

# %%
gz.tables.show(findings.query("status == 'rounding'")[["rule", "lhs", "rhs", "diff", "tolerance"]], LANG)

# %% [markdown] tags=["lang-en"]
# ## Everything else holds
# The income and spending tables agree on every code, the summary tables balance, the fiscal appropriations
# add up in every table, the “三公” (three public expenses: overseas travel, hospitality, official vehicles)
# total of 3.00 万元 matches its parts and the narrative.

# %% [markdown] tags=["lang-zh"]
# ## 其余关系全部成立
# 部门收入总表和部门支出总表在每个科目上都一致，各总表收支平衡，财政拨款在每张表中都加得起来，“三公”经费（因公出国（境）费、公务接待费、公务用车购置及运行维护费）合计3.00万元，与各分项及预算情况说明一致。

# %%
gz.tables.show(findings.query("family == 'cross_table'").head(10)[["rule", "lhs", "rhs", "status"]], LANG)

# %% [markdown] tags=["lang-en"]
# On the command line, `gzanalysis audit` prints the same report (`--format markdown|csv|json`,
# `--strict` to fail on material findings).
#
# ## Summary
# - The counts above: most checks hold exactly; the rounding differences are harmless; the material findings
#   come from fewer causes than findings.
# - The tables are internally consistent on the arithmetic; what contradicts is which budget the carry-over
#   belongs to, one narrative figure (其他收入 +100 against +99.33), the key-project amount of P1, the
#   coverage of the performance tables and the staffing.
# - Both 2022 basic-spending figures hold: one is all funds, the other its fiscal part.
# - One minor finding is wording, not figures: the glossary's 使用非财政拨款结余 speaks of 2021 (line 760).
#
# ## Sources
# - Every check names its raw-text lines (`source_lines`); the raw text is `data/raw/ganzhou-xzspj-2023.txt`.
#   Lines cited above: 132–133, 198–199 (21208), 229–230 (财政拨款收支总表), 322 (政府性基金 备注), 575, 581,
#   585, 587, 595, 599 (第三部分), 627, 639, 642, 645–647 (projects).

# %% [markdown] tags=["lang-zh"]
# 在命令行中，`gzanalysis audit` 输出同样的报告（`--format markdown|csv|json`；`--strict` 在存在实质性差异时返回失败）。
#
# ## 小结
# - 见上面的计数：绝大多数核对完全成立；尾差无害；实质性差异的原因个数少于发现条数。
# - 各表的算术关系内部一致；相互矛盾的是：上年结转属于哪一本预算、预算情况说明中的一个数字（其他收入增加100与99.33）、P1的重点项目金额、绩效目标表的覆盖面，以及人员编制。
# - 两个2022年基本支出推算数都成立：一个是全部资金口径，一个是其中的财政拨款部分。
# - 有一条次要问题涉及文字而非数字：名词解释中“使用非财政拨款结余”的释义写的是2021年（第760行）。
#
# ## 资料来源
# - 每一项核对都列出了所依据的原文行号（`source_lines`）；原文为 `data/raw/ganzhou-xzspj-2023.txt`。上文引用的行：第132–133、198–199行（21208），第229–230行（财政拨款收支总表），第322行（政府性基金预算支出表备注），第575、581、585、587、595、599行（第三部分），第627、639、642、645–647行（项目）。
