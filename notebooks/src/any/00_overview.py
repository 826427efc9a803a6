# %% [markdown] tags=["lang-en"]
# # What this disclosure holds
#
# ## Overview
# Whose budget this is, for which year, its totals, and which tables, narrative and performance tables the document prints.
# The page's sentences are computed from the document's own tables and narrative (`gz.prose.overview`).
#
# ## Prerequisites
# None: this is the first page.

# %% [markdown] tags=["lang-zh"]
# # 这份公开的内容
#
# ## 概览
# 这是谁的预算、哪一年的，总额多少，这份公开列出了哪些表格、情况说明和绩效目标表。
# 本页的每一句话都由这份公开自己的表格和文字计算得出（`gz.prose.overview`）。
#
# ## 预备知识
# 无：这是第一页。

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
# ## What the document prints

# %% [markdown] tags=["lang-zh"]
# ## 这份公开列出了什么

# %%
gz.prose.show(gz.prose.overview(d, LANG), LANG)

# %% tags=["nbval-check-output", "remove-cell"]
totals = gz.prose.summary_totals(d)
print(f"{totals['income']:.2f} {totals['expenditure']:.2f}")
print(len(d.narrative_changes), len(d.narrative_unparsed), len(d.projects))

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
