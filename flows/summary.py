"""What a run reports: the summary the CLI prints and the flow publishes as an artifact."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl


@dataclass
class RunSummary:
    """Outcome of one run; `status` is published, blocked or failed."""

    run_id: str
    status: str
    warehouse: Path
    files_seen: int = 0
    files_loaded: int = 0
    files_unchanged: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)
    checks_passed: int = 0
    failed_checks: list[dict] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0

    @property
    def blocking_failures(self) -> list[dict]:
        return [c for c in self.failed_checks if c["severity"] == "critical"]

    def render(self) -> str:
        """Plain-text summary: files, rows per table, checks, where the warehouse is."""
        lines = [
            f"newsclaims run {self.run_id}: {self.status.upper()} in {self.seconds:.1f} s",
            f"  files: {self.files_seen} seen, {self.files_loaded} loaded, "
            f"{self.files_unchanged} unchanged, {len(self.quarantined)} quarantined",
        ]
        lines += [f"    quarantined {path}: {reason}" for path, reason in self.quarantined]
        if self.row_counts:
            lines.append("  rows: " + ", ".join(f"{t} {n}" for t, n in self.row_counts.items()))
        if self.status == "unchanged":
            lines.append("  checks: not run (the published warehouse is current)")
        else:
            lines.append(
                f"  checks: {self.checks_passed} passed, {len(self.failed_checks)} failed "
                f"({len(self.blocking_failures)} critical)"
            )
        for check in self.failed_checks:
            lines.append(
                f"    FAILED [{check['severity']}] {check['suite']}: {check['expectation']}"
                f" on {check['table_name']} -> {check['observed']}"
            )
        if self.message:
            lines.append(f"  {self.message}")
        lines.append(f"  warehouse: {self.warehouse}")
        return "\n".join(lines)

    def markdown(self) -> str:
        """The same summary as markdown, for the Prefect UI."""
        body = self.render().splitlines()
        return "### " + body[0] + "\n\n" + "\n".join(f"- {line.strip()}" for line in body[1:])


def failed_checks(results: pl.DataFrame) -> list[dict]:
    """Failed expectations as plain dicts, critical first."""
    failed = results.filter(~pl.col("success")).sort(
        pl.col("severity") != "critical", "suite", "expectation"
    )
    return failed.select("suite", "expectation", "table_name", "observed", "severity").to_dicts()
