# %% [markdown]
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
# It uses the corpus that `GZANALYSIS_CORPUS` names; without it, the documents of `../shared/corpus/` (eight
# 2026 department budgets of 长沙, 深圳, 苏州 and 无锡) when this build can read PDFs; with neither, its first
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

# %% [markdown]
# ## Imports

# %%
import gzanalysis as gz

gz.notebook.setup()

# %% [markdown]
# ## The corpus
# `gz.find_corpus()` opens the corpus (building it first from the shared documents when needed). Each row of
# `c.disclosures` is one document: its unit, city and year, its headline figures (万元) and how many of its
# accounting identities the audit found broken beyond rounding (`findings_material`).

# %% tags=["nbval-check-output"]
c = gz.find_corpus()
if c is None:
    gz.notebook.skip_rest(gz.CORPUS_HOWTO)
else:
    docs = c.disclosures
    print(f"{len(c.ids)} disclosures read, {len(docs) - len(c.ids)} failed")

# %% tags=["nbval-check-output", "remove-cell"]
columns = ["unit", "city", "year", "expenditure", "basic", "project", "carryover", "three_public"]
print(docs.loc[docs["status"] == "ok", columns].to_string(index=False))

# %%
gz.tables.show(docs.loc[docs["status"] == "ok", columns], lang="en")

# %% [markdown]
# ## What each department spends on
# `gz.compare(c, by="function", level="类")` gives, for each document, each 类's share of its total spending
# (部门支出总表, 合计). The heat map puts the departments side by side.

# %%
functions = gz.compare(c, by="function", level="类")
gz.compare_charts.share_heatmap(functions)

# %% tags=["nbval-check-output", "remove-cell"]
largest = functions.loc[functions.groupby("disclosure")["share"].idxmax(), ["unit", "code", "name", "share"]]
print(largest.round(4).to_string(index=False))

# %%
gz.tables.show(largest, lang="en")

# %% [markdown]
# With the eight shared documents: the petitions, audit and statistics bureaus spend most on 201
# 一般公共服务支出 (长沙市信访局 all of it, 无锡市统计局 74.89%, 深圳市审计局 64.83%, 苏州市审计局 62.49%);
# the transport bureaus of 深圳 and 苏州 on 214 交通运输支出 (91.89% and 95.19%), while 无锡市交通运输局 books
# 85.51% under 212 城乡社区支出; 深圳市民政局 puts 68.37% under 229 其他支出.
#
# Basic spending by economic class (一般公共预算基本支出表): how much of running the office is salaries
# (301 工资福利支出) and how much goods and services (302).

# %%
gz.compare_charts.composition_multiples(gz.compare(c, by="economic", level="类"), by="economic")

# %% [markdown]
# ## Basic and project spending, carry-over and 三公
# `gz.compare(c, by="summary")` gives one row per document: the shares of 基本支出 and 项目支出 in total
# spending, the share of income that is carried over from last year, and 三公经费 against 基本支出.

# %%
summary = gz.compare(c, by="summary")
gz.compare_charts.ranked(summary, "carryover_share")

# %% tags=["nbval-check-output", "remove-cell"]
ratios = ["unit", "city", "project_share", "carryover_share", "three_public", "three_public_to_basic"]
print(summary[ratios].sort_values("carryover_share", ascending=False).round(4).to_string(index=False))

# %%
gz.tables.show(summary[ratios].sort_values("carryover_share", ascending=False), lang="en")

# %% [markdown]
# Project spending ranges from 7.30% of the budget (苏州市审计局) to 99.66% (无锡市交通运输局). Only the three
# 深圳 departments print a 上年结转 total (0.66%, 0.05% and 0.00% of income); the others leave the cell blank,
# which stays missing (NaN), not zero. 三公经费 is at most 1.25% of basic spending (深圳市交通运输局) and as
# little as 0.06% (无锡市交通运输局).

# %%
gz.compare_charts.ranked(summary, "three_public_to_basic")

# %% [markdown]
# ## Your own questions, in SQL
# `c.sql` runs DuckDB over the Parquet files: the views `facts` (one row per published amount, with
# `disclosure`, `unit`, `city`, `year`) and `disclosures`. Only the answer is loaded, never the whole corpus.

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
gz.tables.show(by_city, lang="en")

# %% tags=["nbval-check-output", "remove-cell"]
print(by_city.round(4).to_string(index=False))

# %% [markdown]
# ## Explore
# Pick cities and departments (none picked: all of them), the measure and the level.

# %%
gz.compare_charts.compare_explorer(c)

# %% [markdown]
# ## Summary
# - A corpus is built with `gzanalysis ingest FOLDER --out CORPUS` (on every core, or on a Dask cluster with
#   `--scheduler`) and opened with `gz.corpus(path)`.
# - `gz.compare` computes, per document, each function's and economic class's share, the 基本/项目 split, the
#   carry-over share and 三公 against 基本支出, from the documents' own published totals.
# - `c.sql` answers any other question over all the facts without loading them.
# - In the eight 2026 budgets, the share of project spending runs from 7.30% to 99.66%; only the 深圳
#   departments print their carry-over; 三公经费 stays below 1.25% of basic spending.
#
# ## Sources
# - The corpus that `GZANALYSIS_CORPUS` names, or the eight 2026 department budgets in `../shared/corpus/`
#   (their README gives each PDF's source and sha256). Packages built from them are never committed.
