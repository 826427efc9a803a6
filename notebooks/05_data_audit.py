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
# note copied from another table.

# %%
# NBVAL_CHECK_OUTPUT
print("checks:", len(findings), "|", findings["status"].value_counts().to_dict())
print(
    findings.pivot_table(
        index="family", columns="status", values="rule", aggfunc="count", fill_value=0
    ).to_string()
)

# %% [markdown]
# ## The material findings

# %%
# NBVAL_CHECK_OUTPUT
material = findings.query("status == 'material'")
for r in material.itertuples():
    print(
        f"{r.rule}\n   {r.description_en}\n   {r.lhs_label} = {r.lhs:,.2f} vs {r.rhs_label} = {r.rhs:,.2f} (lines {r.source_lines})"
    )

# %% [markdown]
# What they mean for a reader:
# - **The narrative's year-over-year figures cannot all be right.** Use the tables for 2023; treat the
#   implied 2022 figures as approximate (and basic spending's as unknown: 1,053.02 or 838.18).
# - **The key-project section is wrong about 城市大脑 (P1)**: 4,200 万元 is the cloud-services project's
#   amount; the project's own table and the project list say 1,340.
# - **Performance targets cover 57% of project spending**: none of the 9,207.96 万元 carried over.
# - **54 administrative staff in post against 52 administrative posts**: two above the establishment.

# %% [markdown]
# ## Rounding differences
# These are consistent with a disclosure whose tables were rounded separately; no number needs doubting.

# %%
findings.query("status == 'rounding'")[["rule", "lhs", "rhs", "diff", "tolerance"]]

# %% [markdown]
# ## Everything else holds
# The income and spending tables agree on every code, the summary tables balance, the fiscal appropriations
# add up in every table, the 三公 (three public expenses: overseas travel, hospitality, official vehicles)
# total of 3.00 万元 matches its parts and the narrative.

# %%
findings.query("family == 'cross_table'").head(10)[["rule", "lhs", "rhs", "status"]]

# %% [markdown]
# On the command line, `gzanalysis audit` prints the same report (`--format markdown|csv|json`,
# `--strict` to fail on material findings).
#
# ## Summary
# - 786 checks: 754 hold exactly, 24 differ by rounding, 1 is minor (a stale year in the glossary), 7 are material.
# - The tables are internally consistent; the contradictions are in the narrative, the project coverage
#   and the staffing.
#
# ## Sources
# - Every check names its raw-text lines (`source_lines`); the raw text is `data/raw/ganzhou-xzspj-2023.txt`.
