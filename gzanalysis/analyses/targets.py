"""What the projects promise: the performance indicators, tidy, and how measurable they are."""

from __future__ import annotations

import warnings

import pandas as pd

from gzanalysis.analyses.labels import check_lang, term
from gzanalysis.analyses.subjects import require
from gzanalysis.package.language import say
from gzanalysis.package.load import as_disclosure

KINDS = ("quantitative", "qualitative", "missing")


def targets(
    d, lang: str = "zh", project: str | None = None, kind: str | None = None, *, warn_if_none: bool = True
) -> pd.DataFrame:
    """Every indicator of the project performance tables, one row each.

    Columns: ``project_id``, ``project`` (name), ``table_of`` (``project_table``, or ``department_table`` for
    a table of the department or a fund as a whole, 部门整体), ``level1`` (empty where the table prints no
    levels), ``level2``, ``indicator`` (三级指标), ``value_text`` (as printed), ``operator``, ``number``, ``unit``, ``kind`` (quantitative: a number to meet; qualitative:
    words such as 提高; missing: the table lists a category without an indicator), ``source_line``.
    ``project`` (an id such as ``"P3"``) and ``kind`` keep the indicators of one project, of one kind.
    Where the tables state goals without any indicator, the frame is empty and a warning says so
    (``warn_if_none=False``: not).

    >>> import gzanalysis as gz
    >>> t = gz.targets(gz.load())
    >>> len(t), t["kind"].value_counts().to_dict()
    (120, {'quantitative': 105, 'qualitative': 9, 'missing': 6})
    """
    d = as_disclosure(d, "gz.targets()")
    check_lang(lang)
    require(d, "projects")  # one sentence where the document prints none, or they could not be read
    ind = d.table("indicators")
    projects = d.table("projects").set_index("project_id")
    names = projects["name"]
    if project is not None and project not in names.index:
        raise ValueError(f"project must be one of {names.index.tolist()}, not {project!r}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if ind.empty and warn_if_none:  # tables of goals (项目名称 | 金额 | 绩效目标) without indicators
        warnings.warn(
            say(
                f"the {len(names)} performance tables state goals without indicators: see gz.targets_summary",
                f"{len(names)}张绩效目标表只列绩效目标，没有绩效指标：见 gz.targets_summary",
                lang,
            ),
            stacklevel=2,
        )
    kinds = pd.Series("qualitative", index=ind.index)
    kinds[ind["number"].notna()] = "quantitative"
    kinds[ind["level3"].isna()] = "missing"
    out = pd.DataFrame(
        {
            "project_id": ind["project_id"],
            "project": ind["project_id"].map(names),
            "table_of": ind["project_id"].map(table_of(projects)),
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
    for col in ("project", "table_of", "level1", "level2", "kind"):
        out[col] = out[col].astype("string")
    if project is not None:
        out = out[out["project_id"] == project]
    if kind is not None:
        out = out[out["kind"] == kind]
    return out.reset_index(drop=True)


def table_of(projects: pd.DataFrame) -> pd.Series:
    """Per project id: ``project_table``, or ``department_table`` for a table of the department as a whole."""
    scope = projects["scope"] if "scope" in projects else pd.Series("project", projects.index)
    return scope.fillna("project").map({"project": "project_table", "department": "department_table"})


def targets_summary(d, lang: str = "zh") -> pd.DataFrame:
    """Per project (every table, one that states goals without indicators too): funds, number of indicators,
    how many are quantitative, and how many are a bare 100%.

    Columns: ``project_id``, ``project``, ``table_of`` (as in ``gz.targets``), ``funds_total``, ``indicators``, ``quantitative``, ``qualitative``,
    ``missing``, ``share_quantitative``, ``at_100_percent`` (targets of exactly =100%, which state a rate
    that cannot be exceeded: easy to promise, hard to fail), ``wan_yuan_per_indicator``.

    >>> import gzanalysis as gz
    >>> s = gz.targets_summary(gz.load()).set_index("project_id")
    >>> int(s.loc["P8", "indicators"]), int(s.loc["P8", "missing"])
    (0, 6)
    """
    d = as_disclosure(d, "gz.targets_summary()")
    t = targets(d, lang, warn_if_none=False)  # tables of goals only: rows of zeros here, no warning
    p = d.table("projects").set_index("project_id")
    counts = (
        pd.crosstab(t["project_id"], t["kind"])
        .reindex(columns=["quantitative", "qualitative", "missing"], fill_value=0)
        .reindex(p.index, fill_value=0)  # a table of goals without indicators is a row of zeros
    )
    counts.index.name = "project_id"
    out = counts.reset_index()
    out.insert(1, "project", out["project_id"].map(p["name"]).astype("string"))
    out.insert(2, "table_of", out["project_id"].map(table_of(p)).astype("string"))
    out.insert(3, "funds_total", out["project_id"].map(p["funds_total"]))
    out.insert(4, "indicators", out["quantitative"] + out["qualitative"])
    out["share_quantitative"] = (out["quantitative"] / out["indicators"]).where(out["indicators"] > 0)
    hundred = t[(t["operator"] == "=") & (t["number"] == 100) & (t["unit"] == "%")]
    out["at_100_percent"] = out["project_id"].map(hundred.groupby("project_id").size()).fillna(0).astype(int)
    out["wan_yuan_per_indicator"] = (out["funds_total"] / out["indicators"]).where(out["indicators"] > 0)
    out.columns.name = None
    return out
