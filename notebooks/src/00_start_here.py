# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# # 从这里开始：赣州市行政审批局2023年预算概览
#
# ## 概览
# 政府部门和单位每年都要公开本单位预算，即**单位预算公开**。公开文件包括十种标准表格：九种表各一张，项目支出绩效目标表则按项目逐个填报（本单位共八张）；其后是预算情况说明和名词解释。本笔记本以 gzanalysis 收录的第一份公开文件——**赣州市行政审批局**2023年单位预算为例（该局同时挂赣州市政务服务数据管理局的牌子，见原文第34行），回答三个问题：
#
# 1. 预算规模有多大，钱从哪里来？
# 2. 有哪些标准表格，表与表之间是什么关系？
# 3. 每个数字在多大程度上可信？
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | pandas DataFrame | 必需 | 选取行和列 |
# | 预算基本术语 | 有帮助 | 术语首次出现时均有解释 |
#
# 学习时间：15分钟。

# %% [markdown] tags=["lang-en"]
# ## Imports
# `gz.notebook.setup()` makes the charts render without a network connection (the JavaScript they need
# comes with gzanalysis).

# %% [markdown] tags=["lang-zh"]
# ## 导入
# `gz.notebook.setup()` 让图表在没有网络的情况下也能显示（所需的 JavaScript 随 gzanalysis 一同安装）。

# %% tags=["parameters", "remove-cell"]
LANG = "en"

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()

# %% [markdown] tags=["lang-en"]
# ## The budget at a glance
# Amounts are in **万元** (ten thousand yuan): 23,255.42 万元 is 232.55 million yuan.
# The unit spends money from three **sources of funds**: **财政拨款** (fiscal appropriations: this year's money
# from the city budget), **上年结转** (carry-over: money budgeted in earlier years and not yet spent; the
# summary table labels it 上年结转(结余), line 86) and **其他收入** (other income: here the unit's own funds,
# 单位实有资金, line 583).
#
# The 收支预算总表 balances, and a reader can check it: this year's income (本年收入合计) plus the carry-over
# equals this year's spending (本年支出合计) plus what is carried to next year (结转下年, lines 84–87). Here
# 结转下年 is blank. A budget (预算) plans to spend all the money it has in the year, so it plans no
# carry-over to the next; the final accounts (决算), drawn up after the year, record what was actually left
# unspent, so there the line holds a figure (general practice of Chinese budgeting; the disclosure does not
# explain the blank).

# %% [markdown] tags=["lang-zh"]
# ## 预算总览
# 金额单位为**万元**：23,255.42万元约合2.33亿元。单位的资金有三个**来源**：**财政拨款**（本年度市级财政安排的资金）、**上年结转**（以前年度已安排、尚未支出的资金；收支预算总表中这一行写作“上年结转（结余）”，第86行）和**其他收入**（本单位的其他收入为单位实有资金，第583行）。
#
# 收支预算总表是平衡的，读者可以自己核对：本年收入合计加上年结转，等于本年支出合计加结转下年（第84–87行）。这里“结转下年”是空的。预算按全年用完全部可用资金来编制，不会预先安排结转到下一年的资金；决算在年度结束后编制，记录的是年底实际未用完的资金，所以决算中这一行有数字（这是预算编制的一般做法，公开文件没有解释这一栏为什么空着）。

# %%
sources = gz.composition(d, by="source", level=None, lang=LANG)
total = d.table("部门收入总表").query("code.isna()")["total"].item()
gz.tables.figures(
    {
        f"{gz.term('收入预算总额', LANG)} 2023": total,
        **{row.label: f"{row.amount:,.2f} ({row.share_of_total:.1%})" for row in sources.itertuples()},
    },
    lang=LANG,
    caption="万元",
)

# %% tags=["nbval-check-output", "remove-cell"]
print(f"{gz.term('收入预算总额', LANG)} 2023: {total:,.2f} 万元")
for row in sources.itertuples():
    print(f"  {row.label}: {row.amount:,.2f} 万元 ({row.share_of_total:.1%})")

# %%
# The balance of the 收支预算总表, as the audit checks it (family "balance"): each side's total against the
# lines that make it, and the two totals against each other.
balance_rules = ["income_total", "spending_total", "income_equals_expenditure"]
balance = gz.audit(d).set_index("rule").loc[[f"balance.budget_summary.{r}" for r in balance_rules]]
gz.tables.show(balance[["lhs_label", "lhs", "rhs_label", "rhs", "diff", "status", "source_lines"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
for r in balance.itertuples():
    print(
        f"{r.lhs_label} {r.lhs:,.2f} | {r.rhs_label} {r.rhs:,.2f} | {r.diff:+.2f} {gz.label(r.status, LANG)}"
    )

# %% [markdown] tags=["lang-en"]
# Income: 本年收入合计 14,047.47 plus 上年结转(结余) 9,207.96 make 23,255.43, one cent above the printed
# 收入总计 of 23,255.42 (lines 84–87): a rounding difference, of the kind `05_data_audit` lists. Spending:
# 本年支出合计 23,255.42 plus a blank 结转下年 is the 支出总计, and the two 总计 agree.

# %% [markdown] tags=["lang-zh"]
# 收入方：本年收入合计14,047.47加上年结转（结余）9,207.96，得23,255.43，比印出的收入总计23,255.42多0.01（第84–87行）：这是尾差，`05_data_audit` 列出了这类差额。支出方：本年支出合计23,255.42加空白的结转下年，就是支出总计；收入总计与支出总计相等。

# %% [markdown] tags=["lang-en"]
# Four in ten yuan of this budget are **carried over** from earlier years, 3.6 times the 2022 share:
# the narrative's figures imply a 2022 carry-over of 1,618.63 万元, 10.9% of a 2022 budget of 14,783.86
# (2023 amount minus the stated change, line 575). That is one prior year, all the disclosure gives: whether
# 2023 is unusual for this unit beyond that one comparison cannot be told from it.

# %% [markdown] tags=["lang-zh"]
# 本年预算中有四成来自**上年结转**，是2022年这一比例的3.6倍：根据预算情况说明的数字推算，2022年上年结转为1,618.63万元，占当年预算14,783.86万元的10.9%（推算方法：2023年金额减去“较上年增加”数，第575行）。这只是与一个年度的比较，公开文件也只提供了这一年：除此之外，2023年对本单位来说是否异常，从公开文件中无法判断。

# %% tags=["nbval-check-output", "remove-cell"]
income_budget = gz.term("收入预算", LANG)
income_2022 = gz.changes(d, lang=LANG).query("section == @income_budget").set_index("item")["prior_year"]
carried_2022 = income_2022[gz.term("国库集中支付网上结转", LANG)]
total_2022 = income_2022[gz.term("收入预算总额", LANG)]
print(f"2022: {carried_2022:,.2f} / {total_2022:,.2f} 万元 ({carried_2022 / total_2022:.1%})")
share_2023 = sources.set_index("source")["share_of_total"]["carryover"]
print(
    f"2023: {share_2023:.1%} = {share_2023 / (carried_2022 / total_2022):.2f} × {carried_2022 / total_2022:.1%}"
)

# %%
gz.tables.sentence(
    f"{gz.label('prior_year', LANG)}: {gz.term('国库集中支付网上结转', LANG)} {carried_2022:,.2f} 万元 / "
    f"{gz.term('收入预算总额', LANG)} {total_2022:,.2f} 万元 = {carried_2022 / total_2022:.1%}",
    lang=LANG,
)

# %% [markdown] tags=["lang-en"]
# Two of the curated notebooks follow it up (`03_carried_over_funds`, `05_data_audit`).
#
# Spending splits into **基本支出** (basic spending: by definition, what keeps the unit running and does its
# routine work, that is 人员经费 personnel and 公用经费 office costs) and **项目支出** (project spending: beyond
# basic spending, for specific tasks and development goals, such as building the city's data platform).
# In this disclosure the line is not drawn where the definitions suggest: `01_spending_composition` shows
# office running costs and the pay of contract-appointed civil servants (聘用制公务员工资, line 583) booked
# as projects.

# %% [markdown] tags=["lang-zh"]
# 有两个笔记本对此作了进一步分析（`03_carried_over_funds`、`05_data_audit`）。
#
# 支出分为**基本支出**（按规定的定义，是为保障机构正常运转、完成日常工作任务而发生的支出，包括人员经费和公用经费）和**项目支出**（在基本支出之外，为完成特定工作任务和事业发展目标而发生的支出，例如建设全市数据平台）。本单位的划分并不完全符合定义：`01_spending_composition` 显示，部分办公运转费用和聘用制公务员工资（第583行）被列入了项目支出。

# %%
kinds = gz.composition(d, by="kind", level=None, lang=LANG)
gz.tables.show(kinds[["label", "amount", "share_of_total"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(kinds[["label", "amount", "share_of_total"]], LANG))

# %%
gz.charts.composition(d, lang=LANG)

# %% [markdown] tags=["lang-en"]
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
# These are the ten standard tables of the table of contents (lines 12–21). The data package holds more
# tables than ten: it splits the performance tables into `projects` and `indicators` and adds what else the
# disclosure holds (the narrative's figures, the staffing, the glossary) and what gzanalysis records (the
# errata, the code lists); `d.describe()` lists them all.
#
# The income and the spending table must agree line by line; here are the first three 类 listed in both:

# %% [markdown] tags=["lang-zh"]
# ## 表与表之间的关系
# 各张表从不同角度描述同一笔钱。**支出功能分类**说明钱*用于做什么*（一般公共服务、科学技术……）；**支出经济分类**说明钱*怎么花*（工资福利支出、商品和服务支出……）。科目编码逐级嵌套：**类**（3位）下设**款**（5位），款下设**项**（7位）。表中的款级编码只印后两位（如201类下的`03`，第97行）；gzanalysis 保存完整编码（`20103`），印刷的编码保留在 `code_printed` 列中。
#
# | 表 | 内容 | 在 gzanalysis 中 |
# |---|---|---|
# | 收支预算总表 | 收支两方，按资金来源和功能分类的类各列一行 | `d.budget_summary` |
# | 部门收入总表 | 按功能分类和资金来源列示的收入 | `d.income_by_function` |
# | 部门支出总表 | 按功能分类列示的支出，分基本支出和项目支出 | `d.expenditure_by_function` |
# | 财政拨款收支总表 | 仅财政拨款部分 | `d.fiscal_summary` |
# | 一般公共预算支出表 | 一般公共预算按功能分类列示 | `d.general_budget_expenditure` |
# | 一般公共预算基本支出表 | 基本支出按经济分类列示，分人员经费和公用经费 | `d.general_budget_basic_expenditure` |
# | 财政拨款“三公”经费支出表 | 因公出国（境）费、公务接待费、公务用车购置及运行维护费 | `d.three_public_expenses` |
# | 政府性基金预算支出表 / 国有资本经营预算支出表 | 另外两本预算；公开为空表（备注见第322、334行），但收入表中有一个科目属于政府性基金预算（见 `05_data_audit`） | `d.government_fund_expenditure` |
# | 项目支出绩效目标表 | 各项目的绩效目标 | `d.projects`、`d.indicators` |
#
# 这就是目录中列出的十种标准表（第12–21行）。数据包中的表不止十张：它把绩效目标表分成 `projects`（项目）和 `indicators`（指标）两张，并加上公开文件中的其他内容（预算情况说明中的数字、机构人员情况、名词解释）以及 gzanalysis 的记录（勘误、科目代码表）；`d.describe()` 列出全部表。
#
# 部门收入总表与部门支出总表必须逐行一致；下面是两张表都列出的前三个类的数字：

# %%
income = d.table("部门收入总表").set_index("code")
spending = d.table("部门支出总表").set_index("code")
# the first three 类 of the income table that the spending table also lists (none where the income table
# of another disclosure is printed by unit, not by function)
codes = [c for c in income.index[income["level"] == "类"] if c in spending.index][:3]
total = gz.label("total", LANG)
both = income.loc[codes, ["name"]].assign(
    **{f"部门收入总表 {total}": income["total"], f"部门支出总表 {total}": spending["total"]}
)
gz.tables.show(both, lang=LANG, index=True)

# %% tags=["nbval-check-output", "remove-cell"]
for code in codes:
    print(code, income.loc[code, "name"], income.loc[code, "total"], spending.loc[code, "total"])

# %% [markdown] tags=["lang-en"]
# ## Every number has a source
# The disclosure was published as a PDF and read by OCR. Every row records the line of the raw text it came
# from, and every correction of an OCR misreading is an **erratum** with its proof:

# %% [markdown] tags=["lang-zh"]
# ## 每个数字都有出处
# 这份公开文件以 PDF 发布，文字经 OCR 识别得到。每一行数据都记录了它在原文中的行号；OCR 识别错误的每一处更正都是一条**勘误**，并附有依据：

# %% tags=["nbval-check-output", "remove-cell"]
print(
    len(d.errata),
    gz.tables.text(d.errata["kind"].value_counts().head(3).rename_axis("erratum_kind"), LANG, index=True),
)

# %%
kinds_of_errata = d.errata["kind"].value_counts().rename_axis("erratum_kind").rename("count")
gz.tables.show(kinds_of_errata, lang=LANG, index=True, caption=f"{gz.label('total', LANG)}: {len(d.errata)}")

# %%
gz.tables.show(
    d.errata.query("kind == 'misread-number'")[["source_line", "printed", "corrected", "proof"]], LANG
)

# %% [markdown] tags=["lang-en"]
# The long table `d.facts` holds every published amount with its table, code and source line:

# %% [markdown] tags=["lang-zh"]
# 长表 `d.facts` 收录了每一个公开金额，以及它所在的表、科目编码和原文行号：

# %%
gz.tables.show(d.facts.query("measure == 'carryover' and level == '类'").head(), lang=LANG)

# %% [markdown] tags=["lang-en"]
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

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 2023年预算总额23,255.42万元：财政拨款占57%，上年结转占40%，单位自有资金（其他收入）占3%。
# - 项目支出（92%）远多于基本支出（8%），但本单位两者的界限划得比较宽松。
# - 上年结转的占比远高于上年：按预算情况说明的数字推算，2022年仅为10.9%。
# - 各张标准表是同一笔钱按功能分类、经济分类和资金来源的不同视角，彼此必须相符。
# - 每个数值都能追溯到原文的行号，OCR 更正均有记录。
#
# ## 下一步
# `01_spending_composition`（钱用在哪里）、`02_growth_explanations`（与2022年相比有哪些变化）、`03_carried_over_funds`、`04_performance_targets`、`05_data_audit`；课堂教学可用 `teaching_*` 练习与答案。
#
# ## 资料来源
# - 赣州市行政审批局2023年单位预算公开（PDF），OCR 文本见 `data/raw/ganzhou-xzspj-2023.txt`。
# - 数据包：`data/ganzhou-xzspj-2023/`（说明见其中的 `datapackage.md`）。
