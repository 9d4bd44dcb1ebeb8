"""The audit frames: what Great Expectations validates, pulled from the build file.

GX cannot validate DuckDB through SQLAlchemy here (every expectation fails with a
MetricResolutionError), so each check runs on a frame. A check reads either a whole table
(TABLE_FRAMES) or an audit: a query in its own file `warehouse/audits/<name>.sql`, for checks
that need a join or a cross-article comparison. An audit file opens with a fixed header:

    -- severity: critical            (or warning: recorded and reported, never blocks)
    -- quarantines: article          (optional: a row-level invariant, see below)
    -- protects: <one sentence>      (what a failure would let through)

A row-level audit (`quarantines: article`) selects `article_id` and boolean columns; an
article with a row whose booleans are not all true is withheld from the publish and its file
quarantined with the audit's name (`row_faults`), so one bad article never blocks the rest.

An audit checked column by column names a sentence per column instead
(`-- protects in_body: ...`). The header is the one statement of an audit's severity and
purpose: the expectations that check the audit take both from here
(`expectations.checks.audit_check`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

TABLE_FRAMES = (
    "articles",
    "article_parts",
    "sentences",
    "entities",
    "entity_mentions",
    "numeric_claims",
    "events",
    "claim_groups",
)

AUDITS_DIR = Path(__file__).with_name("audits")
SEVERITIES = ("critical", "warning")

# `-- severity: critical`, `-- protects: ...` or `-- protects <column>: ...`.
_HEADER_LINE = re.compile(r"--\s*(severity|protects|quarantines)(?:\s+(\w+))?\s*:\s*(.+?)\s*$")


@dataclass(frozen=True)
class Audit:
    """One audit file: its name (the file's stem), its header and its query."""

    name: str
    severity: str
    # What the audit protects: under "" for the whole audit, or under the column a check reads.
    protects: dict[str, str] = field(default_factory=dict)
    sql: str = ""
    # True for a row-level invariant: a failing row quarantines its article.
    quarantines: bool = False

    def protects_for(self, column: str | None) -> str:
        """The sentence for a check on `column` (None: a check on the whole frame)."""
        if column is not None and column in self.protects:
            return self.protects[column]
        if "" in self.protects:
            return self.protects[""]
        raise KeyError(
            f"{self.name}.sql says what it protects only per column {sorted(self.protects)}, "
            f"not for {column!r}"
        )


def parse_audit(path: Path) -> Audit:
    """Read an audit file's header and query; a missing or malformed header is an error."""
    text = path.read_text(encoding="utf-8")
    severity, protects, quarantines = None, {}, False
    for line in text.splitlines():
        if not line.startswith("--"):
            break  # the header is the comment block the file opens with
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            continue  # a free comment explaining the query
        key, column, value = match.groups()
        if key == "quarantines":
            if value != "article" or column is not None:
                raise ValueError(f"{path}: only `-- quarantines: article` is understood")
            quarantines = True
        elif key == "severity" and column is None:
            severity = value
        elif key == "severity":
            raise ValueError(f"{path}: severity is the audit's, not column {column!r}'s")
        else:
            protects[column or ""] = value
    if severity not in SEVERITIES:
        raise ValueError(f"{path}: header needs `-- severity: critical|warning`, got {severity!r}")
    if not protects:
        raise ValueError(f"{path}: header needs `-- protects: <what it protects>`")
    # A trailing semicolon would break the query where it is used as a subquery.
    sql = text.rstrip().removesuffix(";")
    return Audit(
        name=path.stem, severity=severity, protects=protects, sql=sql, quarantines=quarantines
    )


@functools.cache
def audits() -> dict[str, Audit]:
    """Every audit under warehouse/audits/, by name, in file-name order."""
    return {path.stem: parse_audit(path) for path in sorted(AUDITS_DIR.glob("*.sql"))}


def audit(name: str) -> Audit:
    """The audit `name`; an unknown name is an error naming the files there are."""
    try:
        return audits()[name]
    except KeyError:
        raise KeyError(
            f"no audit file {AUDITS_DIR / (name + '.sql')}; there are {sorted(audits())}"
        ) from None


def audit_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """Every frame a check may name: the tables, then the audit queries."""
    return {name: audit_frame(con, name) for name in (*TABLE_FRAMES, *audits())}


def audit_frame(
    con: duckdb.DuckDBPyConnection, name: str, columns: Sequence[str] | None = None
) -> pl.DataFrame:
    """The frame a check names (a table of TABLE_FRAMES or an audit), with only `columns`, in
    the frame's own order; every column when `columns` is None or names one it lacks (so a
    check on a missing column fails as it would on the whole frame).

    Why the columns: the validate stage reads each frame when its suite runs, and only what
    the suite checks; every table whole at once (sentence texts, bodies, and then their pandas
    copies) was its peak memory on a large warehouse."""
    if name not in TABLE_FRAMES:
        # An audit runs as written (a projection could change its plan, so its row order)
        # and is small: one row per span or claim, a few columns.
        frame = con.sql(audit(name).sql).pl()
        return frame.select(_kept(frame.columns, columns))
    kept = _kept(con.sql(f"SELECT * FROM {name}").columns, columns)
    listed = ", ".join(f'"{column}"' for column in kept)
    return con.sql(f"SELECT {listed} FROM {name}").pl()


def frame_reader(
    con: duckdb.DuckDBPyConnection,
) -> Callable[[str, Sequence[str] | None], pl.DataFrame]:
    """`audit_frame` on `con`: what the expectation runner calls to read one frame."""
    return functools.partial(audit_frame, con)


def _kept(available: list[str], wanted: Sequence[str] | None) -> list[str]:
    """`wanted` in the order of `available`; all of `available` unless it holds all of them."""
    if not wanted or not set(wanted) <= set(available):
        return available
    return [c for c in available if c in wanted]


def disagreements(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per conflicting claim group, naming its subject and what each outlet reported,
    and one per event whose outlets state per-side body counts no single number satisfies."""
    per_side = audit("body_count_per_side_reports").sql
    events = con.execute(
        f"SELECT event_id, reports FROM ({per_side}\n) WHERE NOT agree ORDER BY event_id"
    ).fetchall()
    lines = [f"bodies per side disagree in event {eid}: {reports}" for eid, reports in events]
    rows = con.execute(
        """SELECT group_id, any_value(subject),
                  string_agg(outlet_key || ' says ' || quotes, ' | ' ORDER BY outlet_key)
           FROM claim_comparison WHERE status = 'conflict' GROUP BY group_id ORDER BY group_id"""
    ).fetchall()
    return lines + [
        f"group {gid} ({subject}) conflicts: {reports}" for gid, subject, reports in rows
    ]


def row_faults(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """(article_id, failed_check) for every article with a row failing a row-level audit.

    A NULL boolean counts as a failure: an invariant that cannot be evaluated does not hold.
    """
    parts = []
    for item in audits().values():
        if not item.quarantines:
            continue
        relation = con.sql(item.sql)
        flags = [
            name
            for name, dtype in zip(relation.columns, relation.types, strict=True)
            if str(dtype) == "BOOLEAN"
        ]
        if "article_id" not in relation.columns or not flags:
            raise ValueError(f"{item.name}.sql quarantines articles but lacks article_id or a flag")
        holds = " AND ".join(f"coalesce({flag}, false)" for flag in flags)
        parts.append(
            f"SELECT DISTINCT article_id, '{item.name}' AS failed_check "
            f"FROM ({item.sql}\n) WHERE NOT ({holds})"
        )
    if not parts:
        return pl.DataFrame(schema={"article_id": pl.String, "failed_check": pl.String})
    return con.sql(" UNION ALL ".join(parts) + " ORDER BY article_id, failed_check").pl()
