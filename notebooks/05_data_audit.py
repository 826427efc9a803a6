# %% [markdown]
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

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
findings = gz.audit(d)

# %% [markdown]
# ## How to read a status
# Each published figure is rounded to 0.01, so it may be off by 0.005. A check that involves *n* published
# figures tolerates 0.005 × *n*: within it, the difference is **rounding** (harmless); beyond it,
# **material** (the disclosure contradicts itself). **minor** marks wording, not figures: a stale year, a
# note copied from another table. An **info** row is not a test: it reports what two figures reveal
# together. Findings that one fact explains share a **cause**, so the number of causes says how many things
# are actually wrong.

# %%
families = findings.pivot_table(
    index="family", columns="status", values="rule", aggfunc="count", fill_value=0
)
gz.tables.show(families, lang="en", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print("checks:", len(findings), "|", findings["status"].value_counts().to_dict())
for status in ["material", "info"]:
    block = findings.query("status == @status")
    print(f"{status}: {len(block)} findings from {block['cause'].nunique()} causes")
print(families.to_string())

# %% [markdown]
# ## The material findings, by cause

# %% tags=["nbval-check-output"]
material = findings.query("status == 'material'")
for cause, block in material.groupby("cause", sort=False):
    print(f"[{cause}] {block['cause_text'].iloc[0]}")
    for r in block.itertuples():
        print(
            f"   {r.rule}\n      {r.lhs_label} = {r.lhs:,.2f} vs {r.rhs_label} = {r.rhs:,.2f} (lines {r.source_lines})"
        )

# %% [markdown]
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

# %% [markdown]
# ## Performance targets: how much project spending has them?
# Coverage can be measured two ways: by the funds of the eight tables, or by the funds of the tables that
# actually list indicators. P8 (其他收入资金, the unit's own 700 万元) has a table but no indicators, so the
# second share is lower:

# %% tags=["nbval-check-output"]
project_spending = d.table("部门支出总表").query("code.isna()")["project"].item()
targets = gz.targets_summary(d, lang="en")
with_indicators = targets.query("indicators > 0")["funds_total"].sum()
print(f"project spending: {project_spending:,.2f}")
print(f"tables: {targets['funds_total'].sum():,.2f} ({targets['funds_total'].sum() / project_spending:.1%})")
print(f"tables with indicators: {with_indicators:,.2f} ({with_indicators / project_spending:.1%})")
print("tables without indicators:", ", ".join(targets.query("indicators == 0")["project_id"]))

# %% [markdown]
# ## What the narrative reveals about 2022
# The 支出预算 section states changes of **all funds**, the 财政拨款支出 section changes of **fiscal
# appropriations** only. For basic spending they say +809.39 (line 581) and +1,024.23 (line 595). These do
# not contradict each other: the implied 2022 figures are a whole (1,053.02) and its fiscal part (838.18),
# so in 2022 some basic spending was paid from other money. The audit compares like with like, and checks
# that the non-fiscal parts by kind add up to the non-fiscal income by source:

# %% tags=["nbval-check-output", "remove-cell"]
prior = findings[findings["rule"].str.startswith("narrative.prior_year.non_fiscal")]
print(prior[["rule", "lhs", "rhs", "diff", "status"]].to_string(index=False))

# %%
gz.tables.show(prior[["rule", "lhs", "rhs", "diff", "status"]], lang="en")

# %% [markdown]
# ## Rounding differences
# These are consistent with a disclosure whose tables were rounded separately; no number needs doubting.

# %%
gz.tables.show(findings.query("status == 'rounding'")[["rule", "lhs", "rhs", "diff", "tolerance"]], "en")

# %% [markdown]
# ## Everything else holds
# The income and spending tables agree on every code, the summary tables balance, the fiscal appropriations
# add up in every table, the 三公 (three public expenses: overseas travel, hospitality, official vehicles)
# total of 3.00 万元 matches its parts and the narrative.

# %%
gz.tables.show(findings.query("family == 'cross_table'").head(10)[["rule", "lhs", "rhs", "status"]], "en")

# %% [markdown]
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
