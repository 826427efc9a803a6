"""The reconciliation report: what was read, what was corrected, what was skipped and why."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class Report:
    n_lines: int = 0
    # line → (status, table or part of the document, reason); status: used | skipped
    lines: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    corrections: list[dict] = field(default_factory=list)
    unresolved: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def use(self, line: int, where: str, reason: str = "row") -> None:
        self.lines[line] = ("used", where, reason)

    def skip(self, line: int, where: str, reason: str) -> None:
        if self.lines.get(line, ("",))[0] != "used":
            self.lines[line] = ("skipped", where, reason)

    def correct(self, table: str, line: int, field: str, erratum) -> None:
        self.corrections.append(
            {
                "table": table,
                "line": line,
                "field": field,
                "kind": erratum.kind,
                "printed": erratum.printed,
                "corrected": erratum.corrected,
                "erratum": erratum.row.get("row", ""),
            }
        )

    def flag(
        self, table: str, line: int, field: str, printed: str, problem: str, suggestion: dict | None = None
    ) -> None:
        """A value that cannot be read without guessing: the cell stays empty; a suggested erratum is
        given where an identity pins the value down."""
        self.unresolved.append(
            {
                "table": table,
                "line": line,
                "field": field,
                "printed": printed,
                "problem": problem,
                "suggested_erratum": suggestion,
            }
        )

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # -------------------------------------------------------------- summaries
    def counts(self) -> dict[str, int]:
        used = sum(1 for s, _, _ in self.lines.values() if s == "used")
        return {"lines": self.n_lines, "used": used, "skipped": self.n_lines - used}

    def skipped(self) -> list[tuple[int, str, str]]:
        return [(n, w, r) for n, (s, w, r) in sorted(self.lines.items()) if s == "skipped"]

    def skipped_reasons(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, _, reason in self.skipped():
            key = reason.split(":")[0]
            out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))

    def corrections_by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.corrections:
            out[c["kind"]] = out.get(c["kind"], 0) + 1
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))

    def as_dict(self) -> dict:
        return {
            "lines": self.counts(),
            "rows": self.rows,
            "corrections": self.corrections,
            "unresolved": self.unresolved,
            "warnings": self.warnings,
            "skipped": [{"line": n, "part": w, "reason": r} for n, w, r in self.skipped()],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"

    def render(self) -> str:
        c = self.counts()
        out = [
            f"Lines: {c['lines']} ({c['used']} used, {c['skipped']} skipped)",
            "Rows per table:",
            *[f"  {name}: {n}" for name, n in self.rows.items()],
            f"Corrections applied from errata: {len(self.corrections)}",
            *[f"  {n:4d}  {kind}" for kind, n in self.corrections_by_kind().items()],
            f"Unresolved values (left empty): {len(self.unresolved)}",
            *[
                f"  line {u['line']} {u['table']}.{u['field']}: {u['printed']!r} — {u['problem']}"
                + (
                    f"; suggested erratum: corrected = {u['suggested_erratum']['corrected']}"
                    if u["suggested_erratum"]
                    else ""
                )
                for u in self.unresolved
            ],
            f"Warnings: {len(self.warnings)}",
            *[f"  {w}" for w in self.warnings],
            "Skipped lines by reason:",
            *[f"  {n:4d}  {reason}" for reason, n in self.skipped_reasons().items()],
        ]
        return "\n".join(out) + "\n"
