"""What the projects promise: the performance indicators, tidy, and how measurable they are."""

from __future__ import annotations

import pandas as pd

from gzanalysis.analyses.labels import check_lang, term
from gzanalysis.analyses.subjects import require
from gzanalysis.package.load import as_disclosure

KINDS = ("quantitative", "qualitative", "missing")


def targets(d, lang: str = "zh", project: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """Every indicator of the project performance tables, one row each.

    Columns: ``project_id``, ``project`` (name), ``level1``, ``level2``, ``indicator`` (三级指标), ``value_text``
    (as printed), ``operator``, ``number``, ``unit``, ``kind`` (quantitative: a number to meet; qualitative:
    words such as 提高; missing: the table lists a category without an indicator), ``source_line``.
    ``project`` (an id such as ``"P3"``) and ``kind`` keep the indicators of one project, of one kind.

    >>> import gzanalysis as gz
    >>> t = gz.targets(gz.load())
    >>> len(t), t["kind"].value_counts().to_dict()
    (120, {'quantitative': 105, 'qualitative': 9, 'missing': 6})
    """
    d = as_disclosure(d, "gz.targets()")
    check_lang(lang)
    require(d, "projects")  # one sentence where the document prints none, or they could not be read
    ind = d.table("indicators")
    names = d.table("projects").set_index("project_id")["name"]
    if project is not None and project not in names.index:
        raise ValueError(f"project must be one of {names.index.tolist()}, not {project!r}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    kinds = pd.Series("qualitative", index=ind.index)
    kinds[ind["number"].notna()] = "quantitative"
    kinds[ind["level3"].isna()] = "missing"
    out = pd.DataFrame(
        {
            "project_id": ind["project_id"],
            "project": ind["project_id"].map(names),
            "level1": ind["level1"].map(lambda x: term(x, lang)),
            "level2": ind["level2"].map(lambda x: term(x, lang)),
            "indicator": ind["level3"],
            "value_text": ind["value_text"],
            "operator": ind["operator"],
            "number": ind["number"],
            "unit": ind["unit"],
            "kind": kinds,
            "source_line": ind["source_line"],
        }
    )
    for col in ("project", "level1", "level2", "kind"):
        out[col] = out[col].astype("string")
    if project is not None:
        out = out[out["project_id"] == project]
    if kind is not None:
        out = out[out["kind"] == kind]
    return out.reset_index(drop=True)


def targets_summary(d, lang: str = "zh") -> pd.DataFrame:
    """Per project: funds, number of indicators, how many are quantitative, and how many are a bare 100%.

    Columns: ``project_id``, ``project``, ``funds_total``, ``indicators``, ``quantitative``, ``qualitative``,
    ``missing``, ``share_quantitative``, ``at_100_percent`` (targets of exactly =100%, which state a rate
    that cannot be exceeded: easy to promise, hard to fail), ``wan_yuan_per_indicator``.

    >>> import gzanalysis as gz
    >>> s = gz.targets_summary(gz.load()).set_index("project_id")
    >>> int(s.loc["P8", "indicators"]), int(s.loc["P8", "missing"])
    (0, 6)
    """
    d = as_disclosure(d, "gz.targets_summary()")
    t = targets(d, lang)
    p = d.table("projects").set_index("project_id")
    counts = pd.crosstab(t["project_id"], t["kind"]).reindex(
        columns=["quantitative", "qualitative", "missing"], fill_value=0
    )
    out = counts.reset_index()
    out.insert(1, "project", out["project_id"].map(p["name"]))
    out.insert(2, "funds_total", out["project_id"].map(p["funds_total"]))
    out.insert(3, "indicators", out["quantitative"] + out["qualitative"])
    out["share_quantitative"] = (out["quantitative"] / out["indicators"]).where(out["indicators"] > 0)
    hundred = t[(t["operator"] == "=") & (t["number"] == 100) & (t["unit"] == "%")]
    out["at_100_percent"] = out["project_id"].map(hundred.groupby("project_id").size()).fillna(0).astype(int)
    out["wan_yuan_per_indicator"] = (out["funds_total"] / out["indicators"]).where(out["indicators"] > 0)
    out.columns.name = None
    return out
