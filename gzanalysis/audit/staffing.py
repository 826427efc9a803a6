"""Checks of the staffing counts (机构设置及人员情况)."""

from __future__ import annotations

from collections.abc import Iterator

from gzanalysis.audit.checks import Check

TABLE = "机构设置及人员情况"

# Counts in post that must not exceed their establishment (编制).
WITHIN_ESTABLISHMENT = [
    ("serving_total", "posts_total"),
    ("serving_administrative", "posts_administrative"),
    ("serving_civil_service_managed", "posts_civil_service_managed"),
    ("serving_public_institution", "posts_public_institution"),
]


def staffing(d) -> Iterator[Check]:
    s = d.table("staffing").set_index("measure")
    for measure, children in s.dropna(subset=["parent"]).groupby("parent"):
        yield Check(
            rule=f"staffing.subtotal.{measure}",
            family="staffing",
            fund="all",
            description_zh=f"{s.loc[measure, 'name_zh']} = 各分项之和",
            description_en=f"{s.loc[measure, 'name_en']} = the sum of its parts",
            lhs_label=s.loc[measure, "name_zh"],
            lhs=float(s.loc[measure, "count"]),
            rhs_label=" + ".join(children["name_zh"]),
            rhs=float(children["count"].sum()),
            figures=1 + len(children),
            tables=[TABLE],
            source_lines=[int(s.loc[measure, "source_line"])],
            kind="exact",
        )
    for serving, posts in WITHIN_ESTABLISHMENT:
        if serving not in s.index or posts not in s.index:
            continue
        yield Check(
            rule=f"staffing.within_establishment.{serving}",
            family="staffing",
            fund="all",
            description_zh=f"{s.loc[serving, 'name_zh']} ≤ {s.loc[posts, 'name_zh']} (在职不超编)",
            description_en=f"{s.loc[serving, 'name_en']} within {s.loc[posts, 'name_en']} (no staff beyond the establishment)",
            lhs_label=s.loc[serving, "name_zh"],
            lhs=float(s.loc[serving, "count"]),
            rhs_label=s.loc[posts, "name_zh"],
            rhs=float(s.loc[posts, "count"]),
            figures=2,
            tables=[TABLE],
            source_lines=[int(s.loc[serving, "source_line"])],
            kind="le",
        )
