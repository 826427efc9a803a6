"""Render audit findings for people: text for the terminal, Markdown, CSV and JSON."""

from __future__ import annotations

import json

import pandas as pd

from gzanalysis.audit import STATUS_ORDER
from gzanalysis.audit.causes import count

SHOWN = ["status", "rule", "lhs", "rhs", "diff", "description_zh"]


def ordered(findings: pd.DataFrame) -> pd.DataFrame:
    """Material findings first, then minor, rounding, the checks that hold and those not checked; rule order within each."""
    key = findings["status"].map(STATUS_ORDER)
    return findings.assign(_k=key).sort_values(["_k"], kind="stable").drop(columns="_k")


def _counts(findings: pd.DataFrame) -> str:
    counts = findings["status"].value_counts()
    # info and not_checked are counted only where there is some: a package every rule ran on reads as before
    optional = ("info", "not_checked")
    return ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUS_ORDER if s not in optional or counts.get(s, 0))


def _causes(findings: pd.DataFrame) -> str:
    """``8 material findings from 6 causes; 2 info from 1 cause``: one fact may show in several findings."""
    parts = []
    for status in ("material", "minor", "info"):
        n, causes = count(findings, status)
        if n:
            parts.append(f"{n} {status} finding{'s' * (n != 1)} from {causes} cause{'s' * (causes != 1)}")
    return "; ".join(parts)


def render(findings: pd.DataFrame, fmt: str, title: str, show_ok: bool = False) -> str:
    """The findings as ``text``, ``markdown``, ``csv`` or ``json`` (csv and json always hold every check)."""
    findings = ordered(findings)
    if fmt == "csv":
        return findings.to_csv(index=False)
    if fmt == "json":
        return json.dumps(findings.to_dict(orient="records"), ensure_ascii=False, indent=2) + "\n"
    shown = findings if show_ok else findings[findings["status"] != "ok"]
    head = f"{title}: {len(findings)} checks: {_counts(findings)}"
    if causes := _causes(findings):
        head += f"\n{causes}"
    if fmt == "markdown":
        lines = [f"# Audit: {title}", "", f"{len(findings)} checks: {_counts(findings)}.", ""]
        if causes:
            lines += [f"{causes}.", ""]
        for status, block in shown.groupby("status", sort=False):
            lines += [
                f"## {status} ({len(block)})",
                "",
                "| rule | lhs | rhs | diff | what | lines | cause |",
                "|---|---:|---:|---:|---|---|---|",
            ]
            for r in block.itertuples():
                what = f"{r.description_zh}<br>{r.description_en}".replace("|", "\\|")
                lines.append(
                    f"| `{r.rule}` | {r.lhs:,.2f} | {r.rhs:,.2f} | {r.diff:+,.2f} | {what} | {r.source_lines} "
                    f"| {f'`{r.cause}`' if r.cause else ''} |"
                )
            lines.append("")
        return "\n".join(lines)
    if fmt == "text":
        out = [head, ""]
        for status, block in shown.groupby("status", sort=False):
            out.append(f"== {status.upper()} ({len(block)}) ==")
            for r in block.itertuples():
                out.append(f"{r.rule}")
                out.append(f"    {r.description_zh}")
                out.append(
                    f"    {r.lhs_label} = {r.lhs:,.2f}  vs  {r.rhs_label} = {r.rhs:,.2f}  (diff {r.diff:+,.2f}; lines {r.source_lines})"
                )
                if r.note:
                    out.append(f"    note: {r.note}")
                if r.cause and r.cause != r.rule and status != "rounding":
                    out.append(f"    cause [{r.cause}]: {r.cause_text}")
            out.append("")
        if not show_ok:
            out.append(
                f"({(findings['status'] == 'ok').sum()} checks that hold are not listed; --all lists them.)"
            )
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format {fmt!r}: use text, markdown, csv or json")
