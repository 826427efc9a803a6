# %% [markdown] tags=["lang-en"]
# # Performance targets
#
# ## Overview
# The project performance tables (项目支出绩效目标表): the projects, their indicators and how many state a number.
# The page's sentences are computed from the document's own tables and narrative (`gz.prose.targets`).
#
# ## Prerequisites
# `00_overview` (helpful): whose budget this is and what the document prints.

# %% [markdown] tags=["lang-zh"]
# # 绩效目标
#
# ## 概览
# 项目支出绩效目标表：有哪些项目、多少绩效指标、其中多少给出数值。
# 本页的每一句话都由这份公开自己的表格和文字计算得出（`gz.prose.targets`）。
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
# ## Performance target tables

# %% [markdown] tags=["lang-zh"]
# ## 项目支出绩效目标表

# %%
gz.prose.show(gz.prose.targets(d, LANG), LANG)

# %% tags=["nbval-check-output", "remove-cell"]
print(len(d.projects), len(d.indicators), int(d.indicators["number"].notna().sum()))

# %%
gz.prose.targets_table(d, LANG)

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
