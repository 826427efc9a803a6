# %% [markdown] tags=["lang-en"]
# # Funds carried over from last year
#
# ## Overview
# How much of the budget is carried over from last year (上年结转), as the tables print it or the narrative states it, and where it goes.
# The page's sentences are computed from the document's own tables and narrative (`gz.prose.carryover`).
#
# ## Prerequisites
# `00_overview` (helpful): whose budget this is and what the document prints.

# %% [markdown] tags=["lang-zh"]
# # 上年结转资金
#
# ## 概览
# 预算中有多少是上年结转资金（表格列出的或情况说明写明的），用在哪里。
# 本页的每一句话都由这份公开自己的表格和文字计算得出（`gz.prose.carryover`）。
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
# ## The carry-over

# %% [markdown] tags=["lang-zh"]
# ## 上年结转

# %%
gz.prose.show(gz.prose.carryover(d, LANG), LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(gz.prose.carryover_total(d))

# %%
gz.prose.carryover_table(d, LANG)

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
