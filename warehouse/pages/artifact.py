"""conflicts_markdown: the conflicting claim groups as markdown, for a Prefect artifact.

Promise: reads the warehouse file read-only and returns markdown only (the caller decides
where it goes, e.g. `prefect.artifacts.create_markdown_artifact`): one item per conflicting
group with its event, subject and what each outlet said, then a file:// link to the report.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from warehouse import store
from warehouse.pages import queries, render
from warehouse.pages.markup import fmt_interval


def _md(text: str) -> str:
    # Article text may hold markdown syntax; escape what would change the list's meaning.
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def conflicts_markdown(published: Path, report_index: Path | None) -> str:
    """Markdown listing every group in `conflict` status, with a link to the report."""
    lines: list[str] = []
    with store.connect(Path(published), read_only=True) as con:
        labels = render.outlet_labels(queries.articles(con))
        conflict_events = [e for e in queries.events(con) if e["n_conflict"]]
        total = sum(e["n_conflict"] for e in conflict_events)
        lines.append(f"## Conflicts: {total} claim group(s) where outlets disagree")
        lines.append("")
        if not total:
            lines.append("No claim group is in conflict: every multi-outlet figure agrees.")
        for event in conflict_events:
            claims: dict[str, list[queries.Row]] = defaultdict(list)
            for claim in queries.claims(con, event["event_id"]):
                claims[claim["group_id"]].append(claim)
            for group in queries.groups(con, event["event_id"]):
                if group["status"] != "conflict":
                    continue
                where = _md(event["label"] or event["event_id"])
                if report_index is not None:
                    page = Path(report_index).parent / render.event_href(event["event_id"])
                    where = f"[{where}]({page.resolve().as_uri()}#{group['group_id']})"
                lines.append(
                    f"- **{_md(group['subject'] or '?')}** ({_md(group['scope'] or '')}, "
                    f"{_md(group['kind'] or '')}) in {where}: "
                    f"{group['n_outlets']} outlets, {group['n_independent']} independent"
                )
                for claim in claims[group["group_id"]]:
                    compared = fmt_interval(
                        claim["compare_low"], claim["compare_high"], group["unit"]
                    )
                    lines.append(
                        f"  - {_md(labels[claim['outlet_key']])}: “{_md(claim['quote'])}” "
                        f"({_md(claim['bound'] or '')}; compared {_md(compared)})"
                    )
    lines.append("")
    if report_index is not None:
        lines.append(f"[Open the report]({Path(report_index).resolve().as_uri()})")
    else:
        lines.append("No report was built for this run.")
    return "\n".join(lines) + "\n"
