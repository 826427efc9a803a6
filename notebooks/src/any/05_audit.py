# %% [markdown] tags=["lang-en"]
# # Do the tables add up?
#
# ## Overview
# The audit's checks on this document: sums, totals across tables, the narrative against the tables; which hold, which differ, which could not run.
# The page's sentences are computed from the document's own tables and narrative (`gz.prose.audit`).
#
# ## Prerequisites
# `00_overview` (helpful): whose budget this is and what the document prints.

# %% [markdown] tags=["lang-zh"]
# # 表格是否对得上
#
# ## 概览
# 对这份公开的审计检查：合计、表间总数、情况说明与表格；哪些成立、哪些有差异、哪些无法运行。
# 本页的每一句话都由这份公开自己的表格和文字计算得出（`gz.prose.audit`）。
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
# ## The checks

# %% [markdown] tags=["lang-zh"]
# ## 检查结果

# %%
findings = gz.audit(d)
gz.prose.show(gz.prose.audit(d, LANG, findings), LANG)

# %% tags=["nbval-check-output", "remove-cell"]
counts = findings["status"].value_counts().sort_index().rename_axis("status").reset_index(name="count")
print(gz.tables.text(counts, LANG))

# %%
gz.prose.audit_table(findings, LANG)

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
