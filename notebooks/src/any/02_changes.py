# %% [markdown] tags=["lang-en"]
# # What changed against last year, and why
#
# ## Overview
# The narrative's (预算情况说明) statements of change against last year: the headline income and spending, what they are compared with, and the reasons as printed.
# The page's sentences are computed from the document's own tables and narrative (`gz.prose.changes`).
#
# ## Prerequisites
# `00_overview` (helpful): whose budget this is and what the document prints.

# %% [markdown] tags=["lang-zh"]
# # 与上年相比的增减及原因
#
# ## 概览
# 预算情况说明中与上年相比的增减语句：收入和支出总额、与什么相比，以及原文所述原因。
# 本页的每一句话都由这份公开自己的表格和文字计算得出（`gz.prose.changes`）。
#
# ## 预备知识
# `00_overview`（有帮助）：这是谁的预算，这份公开列出了什么。

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

# %% [markdown] tags=["lang-en"]
# ## The document

# %% [markdown] tags=["lang-zh"]
# ## 这份公开

# %%
gz.prose.show(gz.prose.about(d, LANG), LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(d.meta["unit"], d.meta["year"])

# %% [markdown] tags=["lang-en"]
# ## The headline statements

# %% [markdown] tags=["lang-zh"]
# ## 收支总额的增减

# %%
gz.prose.show(gz.prose.changes(d, LANG), LANG)

# %% tags=["nbval-check-output", "remove-cell"]
headline = gz.headline_changes(d)
print(gz.tables.text(headline[["side", "amount", "change", "compared_with"]], LANG))

# %% [markdown] tags=["lang-en"]
# ## Every statement read

# %% [markdown] tags=["lang-zh"]
# ## 读出的全部增减语句

# %%
gz.prose.changes_table(d, LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.tables.text(gz.changes(d)[["amount", "change"]], LANG))

# %% [markdown] tags=["lang-en"]
# ## What the narrative holds

# %% [markdown] tags=["lang-zh"]
# ## 情况说明读出了什么

# %%
gz.prose.show(gz.prose.narrative_counts(d, LANG), LANG)

# %%
gz.prose.unparsed_table(d, LANG)

# %% [markdown] tags=["lang-en"]
# ## Summary

# %% [markdown] tags=["lang-zh"]
# ## 小结

# %%
gz.prose.show(gz.prose.summary(d, LANG), LANG)

# %% [markdown] tags=["lang-en"]
# ## Sources

# %% [markdown] tags=["lang-zh"]
# ## 资料来源

# %%
gz.prose.show(gz.prose.sources(d, LANG), LANG)
