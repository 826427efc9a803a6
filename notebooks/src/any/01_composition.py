# %% [markdown] tags=["lang-en"]
# # What the money is for
#
# ## Overview
# Spending by function (功能分类: what for), its largest classes, and basic against project spending.
# The page's sentences are computed from the document's own tables and narrative (`gz.prose.composition`).
#
# ## Prerequisites
# `00_overview` (helpful): whose budget this is and what the document prints.

# %% [markdown] tags=["lang-zh"]
# # 钱用在哪里
#
# ## 概览
# 按功能分类（钱用于做什么）的支出、最大的几类，以及基本支出与项目支出。
# 本页的每一句话都由这份公开自己的表格和文字计算得出（`gz.prose.composition`）。
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
# ## By function (功能分类)

# %% [markdown] tags=["lang-zh"]
# ## 按功能分类

# %%
gz.prose.show(gz.prose.composition(d, LANG), LANG)

# %%
by_class = gz.composition(d, by="function", level="类", lang=LANG)
gz.tables.show(by_class[["code", "name", "amount", "share_of_total"]], lang=LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(by_class[["code", "amount", "share_of_total"]].round(4).to_string(index=False))

# %%
gz.charts.composition(d, lang=LANG)

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
