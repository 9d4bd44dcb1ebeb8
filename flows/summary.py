"""What a run reports: the summary the CLI prints and the flow publishes as an artifact."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

# Characters of markdown syntax, escaped in the Prefect artifact so a file name stays text.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")
# Bidirectional overrides and marks: they would make a file name read in another order.
_BIDI = {
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
}


def escaped(value: object) -> str:
    """`value` as text on one line: control characters (newline, tab, ESC, line separators,
    bidi overrides) shown as Python escapes, so a file name cannot write fake summary lines."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        else ch
        for ch in str(value)
    )


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
    report: Path | None = None  # index.html of the offline report, when one was built
    # The metadata manifest's problems: "line 3 (1/a.txt): published_date: not an ISO date".
    manifest_issues: list[str] = field(default_factory=list)

    @property
    def blocking_failures(self) -> list[dict]:
        return [c for c in self.failed_checks if c["severity"] == "critical"]

    def render(self) -> str:
        """Plain-text summary: files, rows per table, checks, where the warehouse is."""
        e = escaped
        lines = [
            f"newsclaims run {e(self.run_id)}: {e(self.status.upper())} in {self.seconds:.1f} s",
            f"  files: {self.files_seen} seen, {self.files_loaded} loaded, "
            f"{self.files_unchanged} unchanged, {len(self.quarantined)} quarantined",
        ]
        lines += [f"    quarantined {e(path)}: {e(reason)}" for path, reason in self.quarantined]
        if self.manifest_issues:
            lines.append(
                f"  manifest: {len(self.manifest_issues)} issue(s), "
                "each bad value or row left unused:"
            )
            lines += [f"    {e(issue)}" for issue in self.manifest_issues]
        if self.row_counts:
            counts = ", ".join(f"{e(t)} {n}" for t, n in self.row_counts.items())
            lines.append("  rows: " + counts)
        if self.status == "unchanged":
            lines.append("  checks: not run (the published warehouse is current)")
        else:
            lines.append(
                f"  checks: {self.checks_passed} passed, {len(self.failed_checks)} failed "
                f"({len(self.blocking_failures)} critical)"
            )
        for check in self.failed_checks:
            lines.append(
                f"    FAILED [{e(check['severity'])}] {e(check['suite'])}: "
                f"{e(check['expectation'])} on {e(check['table_name'])} -> {e(check['observed'])}"
            )
        # The message's own lines are structure (the blocked message lists one disagreement per
        # line); each line's content is escaped.
        lines += [f"  {e(line)}" for line in self.message.split("\n") if self.message]
        lines.append(f"  warehouse: {e(self.warehouse)}")
        if self.report is not None:
            lines.append(f"  report: {e(self.report)}")
        return "\n".join(lines)

    def markdown(self) -> str:
        """The same summary as markdown, for the Prefect UI (markdown syntax escaped)."""
        body = [_MARKDOWN.sub(r"\\\1", line) for line in self.render().split("\n")]
        return "### " + body[0] + "\n\n" + "\n".join(f"- {line.strip()}" for line in body[1:])


def manifest_issue_lines(issues: pl.DataFrame) -> list[str]:
    """One line per manifest problem (columns line, path, issue), in manifest order."""
    return [
        f"line {line} ({path}): {issue}" if path else f"line {line}: {issue}"
        for line, path, issue in issues.select("line", "path", "issue").iter_rows()
    ]


def failed_checks(results: pl.DataFrame) -> list[dict]:
    """Failed expectations as plain dicts, critical first."""
    failed = results.filter(~pl.col("success")).sort(
        pl.col("severity") != "critical", "suite", "expectation"
    )
    return failed.select("suite", "expectation", "table_name", "observed", "severity").to_dicts()
