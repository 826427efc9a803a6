# %% [markdown] tags=["lang-en"]
# # Comparing departments: a corpus of budget disclosures
#
# ## Overview
# One disclosure tells what one department does with its money. A folder of them — a city's departments, the
# same department in several cities — lets us compare: whose spending is mostly 项目支出 (projects) rather
# than 基本支出 (running the office), who lives on 上年结转 (money carried over from earlier years), whose
# 三公经费 (travel abroad, official hospitality, cars) is large for its size; and, from each document's
# narrative (预算情况说明), whose budget grew against last year, by how much, for what stated reason, and whose
# narrative disagrees with its own tables. This notebook opens a **corpus** (many disclosures ingested
# together, their facts in one Parquet dataset queried with DuckDB) and compares its documents.
#
# It uses the corpus that `GZANALYSIS_CORPUS` names; without it, the documents of `../shared/corpus/`
# (eighteen department and unit budgets of ten cities) when this build can read PDFs; with neither, its first
# cell says how to build a corpus and the notebook stops there.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `01_spending_composition` | necessary | 功能分类 and 经济分类, 基本 vs 项目支出 |
# | `02_growth_explanations` | helpful | a narrative's change statements and how to check them |
# | `03_carried_over_funds` | helpful | what 上年结转 is |
# | SQL | helpful | for your own questions to `c.sql` |
#
# Time to learn: 20 minutes.

# %% [markdown] tags=["lang-zh"]
# # 部门之间的比较：一组预算公开文件
#
# ## 概览
# 一份公开文件只能说明一个部门怎样使用资金。把一批文件放在一起——同一城市的各个部门，或者不同城市的同一类部门——就可以比较：哪些部门的支出以项目支出为主，而不是基本支出；哪些部门依靠上年结转；哪些部门的三公经费相对其规模偏高；以及根据各文件的预算情况说明，哪些部门的预算比上年增长、增长多少、说明给出什么原因，哪些部门的说明与其自身的表格不一致。本笔记本打开一个**语料库**（一起导入的多份公开文件，其数据存为一个 Parquet 数据集，用 DuckDB 查询），并对其中的文件进行比较。
#
# 它使用环境变量 `GZANALYSIS_CORPUS` 指定的语料库；没有指定时，在能够读取 PDF 的环境中使用 `../shared/corpus/` 中的文件（十个城市的十八份部门和单位预算）；两者都没有时，第一个单元格会说明如何建立语料库，笔记本到此为止。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `01_spending_composition` | 必要 | 功能分类与经济分类，基本支出与项目支出 |
# | `02_growth_explanations` | 有帮助 | 预算情况说明中的增减表述及其核对 |
# | `03_carried_over_funds` | 有帮助 | 什么是上年结转 |
# | SQL | 有帮助 | 用 `c.sql` 提出自己的问题 |
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

# %% [markdown] tags=["lang-en"]
# ## The corpus
# `gz.find_corpus()` opens the corpus (building it first from the shared documents when needed). Each row of
# `c.disclosures` is one document: its unit, the kind of budget its title names (`budget`: 部门预算 or
# 单位预算), city and year, its headline figures (万元) and how many of its accounting identities the audit
# found broken beyond rounding (`findings_material`).

# %% [markdown] tags=["lang-zh"]
# ## 语料库
# `gz.find_corpus()` 打开语料库（需要时先用共享文件建立）。`c.disclosures` 的每一行是一份文件：预算单位、标题所称的预算类型（`budget`：部门预算或单位预算）、城市、年度、主要数字（万元），以及审计发现超出尾数误差的勾稽关系个数（`findings_material`）。

# %%
c = gz.find_corpus()
if c is None:
    gz.notebook.skip_rest(gz.CORPUS_HOWTO)

# %% tags=["nbval-check-output", "remove-cell"]
docs = c.disclosures
print(f"{len(c.ids)} / {len(docs)}")

# %% tags=["nbval-check-output", "remove-cell"]
columns = ["unit", "budget", "city", "year", "expenditure", "basic", "project", "carryover", "three_public"]
print(gz.tables.text(docs.loc[docs["status"] == "ok", columns], LANG))

# %%
gz.tables.show(
    docs.loc[docs["status"] == "ok", columns].assign(
        budget=lambda t: t["budget"].map(lambda b: gz.term(b, LANG))
    ),
    lang=LANG,
    caption=f"{gz.label('departments', LANG)}: {len(c.ids)} / {len(docs)}",
)

# %% [markdown] tags=["lang-en"]
# ## Department budget or unit budget: what each document covers
# The documents do not all cover the same thing. A **部门预算** (department budget) consolidates the
# department's own budget (**本级**, the office itself) and the budgets of its subordinate units (下属单位, e.g.
# its public institutions); a **单位预算** (unit budget) is one unit's own. A name marked (本级) covers the
# department's office only, one marked (汇总) says the figures are summed over the department and its units.
# A department with many subordinate units shows their spending (schools, stations, 事业 income) in its
# 部门预算, and not in its 本级 or in a unit's 单位预算: so a comparison of shares, growth or 三公 across these
# kinds compares different scopes, not like with like. The scope of each document, as its title and name
# say:

# %% [markdown] tags=["lang-zh"]
# ## 部门预算还是单位预算：每份文件涵盖什么
# 这些文件涵盖的范围并不相同。**部门预算**汇总了部门本身（**本级**，即机关本身）和所属下级单位（如事业单位）的预算；**单位预算**只是一个单位自身的预算。名称注明"（本级）"的文件只涵盖部门机关本身，注明"（汇总）"的表示数字是部门及其所属单位的合计。有许多下属单位的部门，其部门预算包含这些单位的支出（学校、站所、事业收入等），而其本级预算或某个单位的单位预算则不包含：因此在不同范围的文件之间比较结构、增长或三公经费，比较的是不同的范围，并非同类相比。各文件的范围（按其标题和名称）如下：

# %%
scope = gz.compare(c, by="scope", lang=LANG)
kinds = {b: rows["unit"].tolist() for b, rows in scope.groupby("budget", sort=False)}
gz.tables.sentence(
    "; ".join(f"{b} ({len(units)}): {', '.join(units)}" for b, units in kinds.items())
    + "; "
    + "; ".join(
        f"{gz.label(flag, LANG)}: {', '.join(scope.loc[scope[flag], 'unit'])}"
        for flag in ("own_office", "consolidated")
    ),
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
for b, units in kinds.items():
    print(b, len(units), ", ".join(units))
for flag in ("own_office", "consolidated"):
    print(gz.label(flag, LANG), int(scope[flag].sum()), ", ".join(scope.loc[scope[flag], "unit"]))

# %% [markdown] tags=["lang-en"]
# ## What each department spends on
# `gz.compare(c, by="function", level="类")` gives, for each document, each 类's share of its total spending
# (部门支出总表, 合计). The heat map puts the departments side by side.

# %% [markdown] tags=["lang-zh"]
# ## 各部门的钱花在哪里
# `gz.compare(c, by="function", level="类")` 给出每份文件中各类功能科目占支出总额（部门支出总表的合计）的比重。热力图把各部门并排展示。

# %%
functions = gz.compare(c, by="function", level="类", lang=LANG)
gz.compare_charts.share_heatmap(functions, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
largest = functions.loc[functions.groupby("disclosure")["share"].idxmax(), ["unit", "code", "name", "share"]]
print(gz.tables.text(largest.round(4), LANG))

# %%
gz.tables.show(largest, lang=LANG)

# %% [markdown] tags=["lang-en"]
# The table gives each document's largest 类 and its share: the petitions, audit and statistics bureaus and
# 重庆's government office spend most on 201 一般公共服务支出, the transport bureaus mostly on 214 交通运输支出
# (无锡's books most under 212 城乡社区支出), the weather bureaus on 220 自然资源海洋气象等支出; the
# functions of a 单位预算 are those of its one unit (a school books 205 教育支出).
#
# The next chart shows **only the basic spending of the general public budget** (一般公共预算基本支出表), by
# economic class: how much of running the office that the general budget pays is salaries (301 工资福利支出)
# and how much goods and services (302). Project spending, and basic spending paid from other funds
# (政府性基金, 事业收入), are not in it; each bar is a share of that basic spending, not of the budget.

# %% [markdown] tags=["lang-zh"]
# 上表给出每份文件占比最大的类及其比重：信访、审计、统计部门和重庆市人民政府办公厅的支出主要在201一般公共服务支出，交通运输局主要在214交通运输支出（无锡的主要列在212城乡社区支出），气象局主要在220自然资源海洋气象等支出；单位预算的功能科目只是其一个单位的（一所学校列在205教育支出）。
#
# 下图**只显示一般公共预算基本支出**（一般公共预算基本支出表）的经济分类：由一般公共预算负担的机构运转经费中，有多少是工资福利（301工资福利支出），有多少是商品和服务（302）。项目支出以及由其他资金（政府性基金、事业收入）安排的基本支出都不在其中；每个条形是占这部分基本支出的比重，而不是占全部预算的比重。

# %%
gz.compare_charts.composition_multiples(
    gz.compare(c, by="economic", level="类", lang=LANG), by="economic", lang=LANG
)

# %% [markdown] tags=["lang-en"]
# ## Basic and project spending, carry-over and 三公
# `gz.compare(c, by="summary")` gives one row per document: the shares of 基本支出 and 项目支出 in total
# spending, the share of income that is carried over from last year, and 三公经费 against 基本支出. Where the
# income table leaves 上年结转 blank but the narrative states it in words ("上年结转结余为0万元"), the carry-over
# is the stated figure, 0, not unknown (`gz.stated_carryover`); `carryover_from` says whether a document
# prints it in its table or states it in words. A document that does neither leaves it unknown.

# %% [markdown] tags=["lang-zh"]
# ## 基本支出与项目支出、上年结转和三公经费
# `gz.compare(c, by="summary")` 为每份文件给出一行：基本支出和项目支出占支出总额的比重，收入中上年结转所占比重，以及三公经费与基本支出之比。收入表中上年结转一栏为空、但说明中用文字写明（"上年结转结余为0万元"）的，上年结转取所述数字0，而不是未知（`gz.stated_carryover`）；`carryover_from` 说明该文件是在表中列示还是在文字中说明。两者都没有的文件，上年结转仍为未知。

# %%
summary = gz.compare(c, by="summary", lang=LANG)
gz.compare_charts.ranked(summary, "carryover_share", lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
ratios = [
    "unit",
    "city",
    "project_share",
    "carryover_share",
    "carryover_from",
    "three_public",
    "three_public_to_basic",
]
print(gz.tables.text(summary[ratios].sort_values("carryover_share", ascending=False).round(4), LANG))

# %%
gz.tables.show(summary[ratios].sort_values("carryover_share", ascending=False), lang=LANG)

# %%
spread = summary.dropna(subset=["project_share"]).sort_values("project_share")
three = summary.dropna(subset=["three_public_to_basic"]).sort_values("three_public_to_basic")
no_split = summary.loc[summary["project_share"].isna(), "unit"]
carry = {way: rows["unit"].tolist() for way, rows in summary.groupby("carryover_from")}
carry[gz.label("unknown", LANG)] = summary.loc[summary["carryover_from"].isna(), "unit"].tolist()


def low_high(table, column):
    """'lowest (unit) – highest (unit)' of a ratio."""
    first, last = table.iloc[0], table.iloc[-1]
    return f"{first[column]:.2%} ({first['unit']}) – {last[column]:.2%} ({last['unit']})"


gz.tables.sentence(
    f"{gz.label('project_share', LANG)}: {low_high(spread, 'project_share')} "
    f"({gz.label('unknown', LANG)}: {', '.join(no_split)}); "
    + "; ".join(
        f"{gz.label('carryover_from', LANG)} = {way}: {', '.join(units)}" for way, units in carry.items()
    )
    + f"; {gz.label('three_public_to_basic', LANG)}: {low_high(three, 'three_public_to_basic')}",
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
print(low_high(spread, "project_share"), len(no_split))
for way, units in carry.items():
    print(way, len(units), ", ".join(units))
print(low_high(three, "three_public_to_basic"))

# %% [markdown] tags=["lang-en"]
# The sentence above gives the range of the project share (the documents that print no 基本/项目 split by
# function have none: unknown), which documents print their carry-over in the income table and which
# state it in words only (a stated 0 is 0), which state it nowhere (unknown, left out of the chart), and the
# range of 三公经费 against basic spending: the largest share is **at most** that figure, not below it.
# A share of 0 carried over is what these budgets say; a 决算 (final accounts) would show what was carried
# over in fact.

# %% [markdown] tags=["lang-zh"]
# 上面一句给出：项目支出占比的范围（没有按功能分类列示基本支出与项目支出的文件没有这一比重：未知）；哪些文件在收入表中列示上年结转，哪些只在文字中说明（说明为0即为0），哪些两处都没有（未知，图中不显示）；以及三公经费与基本支出之比的范围：最大的比重**至多**为该数，而不是低于该数。上年结转为0是这些预算自己的说法；实际结转了多少要看决算。

# %%
gz.compare_charts.ranked(summary, "three_public_to_basic", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## What changed against last year, and why
# Most narratives (预算情况说明) open with a headline statement of the total budget: "收入预算总额…万元，比上年
# 增加…万元，增长…%，主要原因是…". `gz.compare(c, by="growth")` takes each document's headline statement of
# its spending (of its income where it states no spending), as `gz.headline_changes` does for one document:
# the amount, the change it states, the growth rate it states as printed (`stated_percent`), the rate the two
# figures give (`growth_rate` = change ÷ (amount − change)), what it compares with, the reason it gives, and
# the page and line it is printed on. The first table sets the figures side by side, the second the reasons
# as printed (for the documents that give one).
#
# What a statement compares with matters. **上年预算** is last year's budget as passed (年初预算);
# **上年执行** is last year's outturn (执行数), which includes what was added and cut during the year; **上年**
# means the narrative does not say which. A growth of 5 % on the budget and 5 % on the outturn are not the
# same claim, so the chart colours each bar by what it compares with. A narrative that compares only its
# 财政拨款 (fiscal appropriations: a subordinate unit's 单位预算 often does) says nothing of its whole budget:
# its bar is pale. And the scope caveat above holds here too: a 部门预算 grows with its units.

# %% [markdown] tags=["lang-zh"]
# ## 与上年相比有什么变化，为什么
# 多数预算情况说明以预算总额的总体表述开头："收入预算总额…万元，比上年增加…万元，增长…%，主要原因是…"。`gz.compare(c, by="growth")` 取每份文件关于支出（没有支出表述的取收入）的总体表述，与 `gz.headline_changes` 对单份文件的做法相同：金额、所述增减额、原文所述增长率（`stated_percent`）、由这两个数算出的增长率（`growth_rate` = 增减额 ÷（金额 − 增减额）），比较对象、所给原因，以及所在页码和行号。第一张表并列各项数字，第二张表列出原文所述的原因（仅限给出原因的文件）。
#
# 比较对象很重要。**上年预算**是上年批准的预算（年初预算）；**上年执行**是上年的执行数，包含年度中追加和调减的部分；**上年**表示说明没有讲明是哪一个。比上年预算增长5%与比上年执行数增长5%不是同一个说法，所以图中按比较对象给条形着色。只比较财政拨款的说明（下属单位的单位预算常常如此）并没有说明其全部预算的变化：其条形用浅色。上面关于范围的提醒在这里同样适用：部门预算会随其下属单位一起增长。

# %%
growth = gz.compare(c, by="growth", lang=LANG)
gz.compare_charts.growth_ranked(growth, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
stated = [
    "unit",
    "amount",
    "stated_change",
    "growth_rate",
    "stated_percent",
    "compared_with",
    "page",
    "source_line",
]
print(gz.tables.text(growth[stated].sort_values("growth_rate", ascending=False).round(4), LANG))

# %%
shown = [
    "unit",
    "budget",
    "scope",
    "amount",
    "stated_change",
    "growth_rate",
    "stated_percent",
    "compared_with",
]
gz.tables.show(growth[[*shown, "page"]].sort_values("growth_rate", ascending=False), lang=LANG)

# %%
gz.tables.show(
    growth.dropna(subset=["reason"])[["unit", "growth_rate", "reason", "page", "source_line"]], lang=LANG
)

# %%
ranked_growth = growth.dropna(subset=["growth_rate"]).sort_values("growth_rate", ascending=False)
by_comparison = ranked_growth.groupby("compared_with")["unit"].apply(list)
silent = growth.loc[growth["amount"].isna(), "unit"]
no_reason = ranked_growth.loc[ranked_growth["reason"].isna(), "unit"]
gz.tables.sentence(
    f"{gz.label('growth_rate', LANG)}: {low_high(ranked_growth.iloc[::-1], 'growth_rate')}; "
    + "; ".join(
        f"{gz.label('compared_with', LANG)} = {w}: {', '.join(units)}" for w, units in by_comparison.items()
    )
    + f"; {gz.label('reason', LANG)} = {gz.label('not_stated', LANG)}: {', '.join(no_reason)}"
    + f"; {gz.label('stated_change', LANG)} = {gz.label('not_stated', LANG)}: {', '.join(silent)}",
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
print(low_high(ranked_growth.iloc[::-1], "growth_rate"))
for w, units in by_comparison.items():
    print(w, len(units))
print(len(no_reason), len(silent), ", ".join(silent))

# %% [markdown] tags=["lang-en"]
# The sentence above names the lowest and highest growth, which documents compare with what, which give no
# reason for the change of their total, and which state no headline at all (a document that prints only
# tables). The reasons are printed as the documents word them, in Chinese, and are claims: set a reason
# against the size of the change before accepting it (a large growth explained by a few more staff is a reason
# to look further, as `02_growth_explanations` shows on the seed).
#
# ### Narrative against its own tables
# The audit's narrative rules check each document's statements against its own tables: the stated totals
# against the 收支总表, the stated 财政拨款 against the 财政拨款收支总表, the stated 三公 against the 三公
# table, a stated growth rate against the rate its figures give, the parts of a change against its total.
# Per document, how many came out equal (`narrative_ok`), within rounding, different beyond rounding
# (`narrative_material`: the narrative disagrees with the tables), or could not be checked (the document gives
# no figure for the rule):

# %% [markdown] tags=["lang-zh"]
# 上面一句给出增长率最低和最高的文件、各文件的比较对象、哪些文件没有说明总额变化的原因，以及哪些文件根本没有总体表述（只有表格的文件）。原因按文件原文列出，是文件自己的说法：接受一个原因之前，先把它与变化的大小对照（用增加几名人员解释大幅增长，就值得进一步追问，`02_growth_explanations` 以样本文件演示了这种核对）。
#
# ### 说明与自身表格的核对
# 审计的说明类规则把每份文件的文字表述与其自身的表格核对：所述总额与收支总表、所述财政拨款与财政拨款收支总表、所述三公经费与三公经费表、所述增长率与由数字算出的增长率、增减额的各分项与其合计。每份文件有多少条规则相符（`narrative_ok`）、在尾数误差之内、超出尾数误差（`narrative_material`：说明与表格不一致），或无法核对（文件没有给出该规则所需的数字）：

# %%
audited = ["unit", "narrative_ok", "narrative_rounding", "narrative_material", "narrative_not_checked"]
gz.tables.show(growth[audited].sort_values("narrative_material", ascending=False), lang=LANG)

# %%
narrative = gz.compare(c, by="narrative", lang=LANG)
disagree = narrative[narrative["status"] == "material"]
gz.tables.sentence(
    f"{gz.label('narrative_material', LANG)}: "
    + (", ".join(disagree["unit"].unique()) or "0")
    + f" ({len(disagree)} / {len(narrative)}); {gz.label('narrative_not_checked', LANG)}: "
    f"{int((narrative['status'] == 'not_checked').sum())}",
    lang=LANG,
)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(growth[audited], LANG))
print(len(disagree), len(narrative), ", ".join(disagree["unit"].unique()))

# %% [markdown] tags=["lang-en"]
# A 0 above means that no narrative of the corpus states a figure its own tables contradict beyond rounding;
# a rule within rounding differs by no more than the rounding of the figures it compares can explain (a
# growth rate printed to one decimal, an amount printed in whole 万元). The not-checked rules are those a document gives no figure for (a document with no narrative, a
# narrative without a 三公 figure). Where a document does disagree, `narrative.query("status == 'material'")`
# lists the rule, the two figures and their lines.

# %% [markdown] tags=["lang-zh"]
# 上面为0表示语料库中没有哪份说明所述的数字与其自身表格的差异超出尾数误差；在尾数误差之内的规则，其差异不超过所比较数字的舍入所能解释的范围（增长率只印到一位小数，金额按整万元印出）。无法核对的规则，是文件没有给出所需数字的规则（没有说明的文件、没有三公经费数字的说明）。如果某份文件确有不一致，`narrative.query("status == 'material'")` 会列出规则、两个数字及其行号。

# %% [markdown] tags=["lang-en"]
# ## Your own questions, in SQL
# `c.sql` runs DuckDB over the Parquet files: the views `facts` (one row per published amount, with
# `disclosure`, `unit`, `city`, `year`), `disclosures`, `narrative_changes` (every change statement, with
# `compared_with`, `reason`, `page`), `narrative_figures` (figures stated in words) and `findings` (the audit's
# findings). Only the answer is loaded, never the whole corpus. The query below sums what the income tables
# print: a carry-over stated only in words is in `narrative_figures`, not in `facts`.

# %% [markdown] tags=["lang-zh"]
# ## 用 SQL 提出自己的问题
# `c.sql` 用 DuckDB 直接查询 Parquet 文件：视图 `facts`（每个公开金额一行，带有 `disclosure`、`unit`、`city`、`year`）、`disclosures`、`narrative_changes`（每条增减表述，带有 `compared_with`、`reason`、`page`）、`narrative_figures`（文字中说明的数字）和 `findings`（审计结果）。只读入查询结果，从不整体载入语料库。下面的查询汇总收入表中列示的数字：只在文字中说明的上年结转在 `narrative_figures` 中，不在 `facts` 中。

# %%
by_city = c.sql(
    """
    select city, count(distinct disclosure) as departments,
           sum(amount) filter (where measure = 'carryover') as carryover,
           sum(amount) filter (where measure = 'total') as income from facts
    where resource = 'income_by_function' and code is null
    group by city order by city
    """
)
by_city = by_city.assign(carryover_share=by_city["carryover"] / by_city["income"])
gz.tables.show(by_city, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(by_city.round(4), LANG))

# %% [markdown] tags=["lang-en"]
# ## Explore
# Pick cities and departments (none picked: all of them), the measure and the level.

# %% [markdown] tags=["lang-zh"]
# ## 动手探索
# 选择城市和部门（不选即全部）、指标和级次。

# %%
gz.compare_charts.compare_explorer(c, lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Summary
# - A corpus is built with `gzanalysis ingest FOLDER --out CORPUS` (on every core, or on a Dask cluster with
#   `--scheduler`) and opened with `gz.corpus(path)`.
# - `gz.compare` computes, per document, each function's and economic class's share, the 基本/项目 split, the
#   carry-over share and 三公 against 基本支出, from the documents' own published totals.
# - `c.sql` answers any other question over all the facts without loading them.
# - `gz.compare(c, by="growth")` sets each document's headline change statement beside the others: the change
#   and growth rate it states, what it compares with (上年预算, 上年执行 or 上年 unsaid: not alike), its
#   reason as printed, and how its narrative fares against its own tables (`by="narrative"`: each rule).
# - A carry-over stated as zero in words is 0, not unknown; which documents print it and which state it is
#   computed, not assumed.
# - A 部门预算, a (本级) document and a 单位预算 cover different scopes: compare like with like, or say so.
#
# ## Sources
# - The corpus that `GZANALYSIS_CORPUS` names, or the eighteen budgets of ten cities in `../shared/corpus/`
#   (their README gives each PDF's source and sha256). Packages built from them are never committed.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 用 `gzanalysis ingest 文件夹 --out 语料库` 建立语料库（使用全部CPU核心，或用 `--scheduler` 交给 Dask 集群），用 `gz.corpus(路径)` 打开。
# - `gz.compare` 根据各文件自己公布的合计数，计算每份文件中各功能科目和经济分类的比重、基本支出与项目支出的划分、上年结转所占比重，以及三公经费与基本支出之比。
# - `c.sql` 可以在不载入全部数据的情况下回答其他任何问题。
# - `gz.compare(c, by="growth")` 把各文件的总体增减表述并列：所述增减额和增长率、比较对象（上年预算、上年执行或未说明的上年：不可直接比较）、原文所述原因，以及其说明与自身表格的核对情况（`by="narrative"`：逐条规则）。
# - 文字中说明为零的上年结转就是0，而不是未知；哪些文件在表中列示、哪些在文字中说明，是计算出来的，不是假设的。
# - 部门预算、（本级）文件和单位预算的范围不同：同类相比，或者说明其不同。
#
# ## 资料来源
# - `GZANALYSIS_CORPUS` 指定的语料库，或 `../shared/corpus/` 中十个城市的十八份预算（其 README 给出每个 PDF 的来源和 sha256）。由它们生成的数据包从不提交到仓库。
