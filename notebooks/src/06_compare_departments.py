# %% [markdown] tags=["lang-en"]
# # Comparing departments: a corpus of budget disclosures
#
# ## Overview
# One disclosure tells what one department does with its money. A folder of them — a city's departments, the
# same department in several cities — lets us compare: whose spending is mostly 项目支出 (projects) rather
# than 基本支出 (running the office), who lives on 上年结转 (money carried over from earlier years), whose
# 三公经费 (travel abroad, official hospitality, cars) is large for its size. This notebook opens a **corpus**
# (many disclosures ingested together, their facts in one Parquet dataset queried with DuckDB) and compares
# its documents.
#
# It uses the corpus that `GZANALYSIS_CORPUS` names; without it, the documents of `../shared/corpus/`
# (eighteen department and unit budgets of ten cities) when this build can read PDFs; with neither, its first
# cell says how to build a corpus and the notebook stops there.
#
# ## Prerequisites
# | Concept | Importance | Notes |
# |---|---|---|
# | `01_spending_composition` | necessary | 功能分类 and 经济分类, 基本 vs 项目支出 |
# | `03_carried_over_funds` | helpful | what 上年结转 is |
# | SQL | helpful | for your own questions to `c.sql` |
#
# Time to learn: 20 minutes.

# %% [markdown] tags=["lang-zh"]
# # 部门之间的比较：一组预算公开文件
#
# ## 概览
# 一份公开文件只能说明一个部门怎样使用资金。把一批文件放在一起——同一城市的各个部门，或者不同城市的同一类部门——就可以比较：哪些部门的支出以项目支出为主，而不是基本支出；哪些部门依靠上年结转；哪些部门的三公经费相对其规模偏高。本笔记本打开一个**语料库**（一起导入的多份公开文件，其数据存为一个 Parquet 数据集，用 DuckDB 查询），并对其中的文件进行比较。
#
# 它使用环境变量 `GZANALYSIS_CORPUS` 指定的语料库；没有指定时，在能够读取 PDF 的环境中使用 `../shared/corpus/` 中的文件（十个城市的十八份部门和单位预算）；两者都没有时，第一个单元格会说明如何建立语料库，笔记本到此为止。
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `01_spending_composition` | 必要 | 功能分类与经济分类，基本支出与项目支出 |
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
# `c.disclosures` is one document: its unit, city and year, its headline figures (万元) and how many of its
# accounting identities the audit found broken beyond rounding (`findings_material`).

# %% [markdown] tags=["lang-zh"]
# ## 语料库
# `gz.find_corpus()` 打开语料库（需要时先用共享文件建立）。`c.disclosures` 的每一行是一份文件：预算单位、城市、年度、主要数字（万元），以及审计发现超出尾数误差的勾稽关系个数（`findings_material`）。

# %%
c = gz.find_corpus()
if c is None:
    gz.notebook.skip_rest(gz.CORPUS_HOWTO)

# %% tags=["nbval-check-output", "remove-cell"]
docs = c.disclosures
print(f"{len(c.ids)} / {len(docs)}")

# %% tags=["nbval-check-output", "remove-cell"]
columns = ["unit", "city", "year", "expenditure", "basic", "project", "carryover", "three_public"]
print(docs.loc[docs["status"] == "ok", columns].to_string(index=False))

# %%
gz.tables.show(
    docs.loc[docs["status"] == "ok", columns],
    lang=LANG,
    caption=f"{gz.label('departments', LANG)}: {len(c.ids)} / {len(docs)}",
)

# %% [markdown] tags=["lang-en"]
# ## What each department spends on
# `gz.compare(c, by="function", level="类")` gives, for each document, each 类's share of its total spending
# (部门支出总表, 合计). The heat map puts the departments side by side.

# %% [markdown] tags=["lang-zh"]
# ## 各部门的钱花在哪里
# `gz.compare(c, by="function", level="类")` 给出每份文件中各类功能科目占支出总额（部门支出总表的合计）的比重。热力图把各部门并排展示。

# %%
functions = gz.compare(c, by="function", level="类")
gz.compare_charts.share_heatmap(functions, lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
largest = functions.loc[functions.groupby("disclosure")["share"].idxmax(), ["unit", "code", "name", "share"]]
print(largest.round(4).to_string(index=False))

# %%
gz.tables.show(largest, lang=LANG)

# %% [markdown] tags=["lang-en"]
# With the eighteen shared documents: the petitions, audit and statistics bureaus and 重庆's government
# office spend most on 201 一般公共服务支出 (长沙市信访局 all of it, 重庆市人民政府办公厅 82.99%, 西安市信访局
# 79.87%, 无锡市统计局 74.89%, 广州市信访局 65.18%, 深圳市审计局 64.83%, 苏州市审计局 62.49%); the transport
# bureaus of 苏州, 深圳 and 广州 on 214 交通运输支出 (95.19%, 91.89% and 66.28%), while 无锡市交通运输局 books
# 85.51% under 212 城乡社区支出; the weather bureaus of 重庆 and 杭州 on 220 自然资源海洋气象等支出 (93.93% and
# 91.40%); 深圳市民政局 puts 68.37% under 229 其他支出.
#
# Basic spending by economic class (一般公共预算基本支出表): how much of running the office is salaries
# (301 工资福利支出) and how much goods and services (302).

# %% [markdown] tags=["lang-zh"]
# 以十八份共享文件为例：信访、审计、统计部门和重庆市人民政府办公厅的支出主要在201一般公共服务支出（长沙市信访局全部在此，重庆市人民政府办公厅82.99%，西安市信访局79.87%，无锡市统计局74.89%，广州市信访局65.18%，深圳市审计局64.83%，苏州市审计局62.49%）；苏州、深圳和广州的交通运输局主要在214交通运输支出（分别为95.19%、91.89%和66.28%），而无锡市交通运输局有85.51%列在212城乡社区支出；重庆和杭州的气象局主要在220自然资源海洋气象等支出（分别为93.93%和91.40%）；深圳市民政局有68.37%列在229其他支出。
#
# 按经济分类的基本支出（一般公共预算基本支出表）：机构运转的钱有多少是工资福利（301工资福利支出），有多少是商品和服务（302）。

# %%
gz.compare_charts.composition_multiples(gz.compare(c, by="economic", level="类"), by="economic", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Basic and project spending, carry-over and 三公
# `gz.compare(c, by="summary")` gives one row per document: the shares of 基本支出 and 项目支出 in total
# spending, the share of income that is carried over from last year, and 三公经费 against 基本支出.

# %% [markdown] tags=["lang-zh"]
# ## 基本支出与项目支出、上年结转和三公经费
# `gz.compare(c, by="summary")` 为每份文件给出一行：基本支出和项目支出占支出总额的比重，收入中上年结转所占比重，以及三公经费与基本支出之比。

# %%
summary = gz.compare(c, by="summary")
gz.compare_charts.ranked(summary, "carryover_share", lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
ratios = ["unit", "city", "project_share", "carryover_share", "three_public", "three_public_to_basic"]
print(summary[ratios].sort_values("carryover_share", ascending=False).round(4).to_string(index=False))

# %%
gz.tables.show(summary[ratios].sort_values("carryover_share", ascending=False), lang=LANG)

# %% [markdown] tags=["lang-en"]
# Project spending ranges from 7.30% of the budget (苏州市审计局) to 99.66% (无锡市交通运输局); the two 西安
# documents print no 基本/项目 split by function. Seven documents print a 上年结转 figure in their income
# table (深圳市民政局 0.66% of income, 西安市安全生产监督管理局 0.31%, 深圳市交通运输局 0.05%, four at 0.00%);
# the others leave the cell blank, which stays missing (NaN) here, although some state the carry-over in
# words (长沙 "上年结转 0.00 万元", 苏州 and 无锡 "上年结转结余为 0 万元"). 三公经费 is at most 4.37% of basic
# spending (重庆市人民政府办公厅) and as little as 0.06% (无锡市交通运输局).

# %% [markdown] tags=["lang-zh"]
# 项目支出占预算的比重从7.30%（苏州市审计局）到99.66%（无锡市交通运输局）不等；西安的两份文件没有按功能分类列示基本支出与项目支出。七份文件在收入总表中列示了上年结转（深圳市民政局占收入的0.66%，西安市安全生产监督管理局0.31%，深圳市交通运输局0.05%，另有四份为0.00%）；其他文件该栏为空，这里按缺失值（NaN）处理，尽管其中一些在文字说明中写明了上年结转（长沙"上年结转0.00万元"，苏州和无锡"上年结转结余为0万元"）。三公经费最多占基本支出的4.37%（重庆市人民政府办公厅），最少只有0.06%（无锡市交通运输局）。

# %%
gz.compare_charts.ranked(summary, "three_public_to_basic", lang=LANG)

# %% [markdown] tags=["lang-en"]
# ## Your own questions, in SQL
# `c.sql` runs DuckDB over the Parquet files: the views `facts` (one row per published amount, with
# `disclosure`, `unit`, `city`, `year`) and `disclosures`. Only the answer is loaded, never the whole corpus.

# %% [markdown] tags=["lang-zh"]
# ## 用 SQL 提出自己的问题
# `c.sql` 用 DuckDB 直接查询 Parquet 文件：视图 `facts`（每个公开金额一行，带有 `disclosure`、`unit`、`city`、`year`）和 `disclosures`。只读入查询结果，从不整体载入语料库。

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
print(by_city.round(4).to_string(index=False))

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
# - In the eighteen shared budgets, the share of project spending runs from 7.30% to 99.66%; seven print a
#   carry-over figure in their income table; 三公经费 is at most 4.37% of basic spending.
#
# ## Sources
# - The corpus that `GZANALYSIS_CORPUS` names, or the eighteen budgets of ten cities in `../shared/corpus/`
#   (their README gives each PDF's source and sha256). Packages built from them are never committed.

# %% [markdown] tags=["lang-zh"]
# ## 小结
# - 用 `gzanalysis ingest 文件夹 --out 语料库` 建立语料库（使用全部CPU核心，或用 `--scheduler` 交给 Dask 集群），用 `gz.corpus(路径)` 打开。
# - `gz.compare` 根据各文件自己公布的合计数，计算每份文件中各功能科目和经济分类的比重、基本支出与项目支出的划分、上年结转所占比重，以及三公经费与基本支出之比。
# - `c.sql` 可以在不载入全部数据的情况下回答其他任何问题。
# - 在这十八份共享预算中，项目支出的比重从7.30%到99.66%；七份在收入总表中列示了上年结转；三公经费最多占基本支出的4.37%。
#
# ## 资料来源
# - `GZANALYSIS_CORPUS` 指定的语料库，或 `../shared/corpus/` 中十个城市的十八份预算（其 README 给出每个 PDF 的来源和 sha256）。由它们生成的数据包从不提交到仓库。
