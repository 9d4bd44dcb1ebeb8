"""The audit queries: frames pulled from the build file for Great Expectations to validate.

GX cannot validate DuckDB through SQLAlchemy here (STACK.md: every expectation fails with a
MetricResolutionError), so each check runs on a frame; checks that need a join or a
cross-article comparison get a query of their own below.
"""

from __future__ import annotations

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

# DuckDB's substring counts Unicode code points from 1, as Python slices count them from 0.
_SLICE_SQL = """
SELECT t.{key} AS id,
       t.start_char >= 0 AND t.end_char <= length(a.body) AND t.start_char < t.end_char AS in_body,
       substring(a.body, t.start_char + 1, t.end_char - t.start_char) = t.{text} AS matches_body
FROM {table} t JOIN articles a USING (article_id)
"""

AUDIT_SQL = {
    "sentence_slices": _SLICE_SQL.format(key="sentence_id", text="text", table="sentences"),
    "mention_slices": _SLICE_SQL.format(key="mention_id", text="text", table="entity_mentions"),
    "claim_slices": _SLICE_SQL.format(key="claim_id", text="quote", table="numeric_claims"),
    "claim_bounds": """
        SELECT claim_id,
               (value_low IS NULL OR value IS NULL OR value >= value_low - 1e-9 * abs(value_low))
               AND (value_high IS NULL OR value IS NULL
                    OR value <= value_high + 1e-9 * abs(value_high))
               AS value_within_bounds
        FROM numeric_claims""",
    # The mission's check: per event, the groups of bodies returned per side, and whether the
    # outlets reporting them agree (their intervals meet). Single-outlet groups cannot disagree.
    "body_count_agreement": """
        SELECT g.group_id, g.event_id, g.n_outlets, g.n_independent, g.status,
               g.consensus_low, g.consensus_high, g.status <> 'conflict' AS agree,
               string_agg(c.outlet_key || ' says ' || c.quotes, ' | ' ORDER BY c.outlet_key)
                   AS reports
        FROM claim_groups g JOIN claim_comparison c USING (group_id)
        WHERE g.subject = 'body' AND g.kind = 'count' AND g.scope IN ('per_side', 'unknown')
          AND g.n_outlets >= 2
        GROUP BY ALL""",
    "independent_conflicts": """
        SELECT group_id, event_id, subject, n_independent FROM claim_groups
        WHERE status = 'conflict' AND n_independent >= 2""",
}


def audit_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """Every frame a check may name: the tables, then the audit queries."""
    frames = {name: con.sql(f"SELECT * FROM {name}").pl() for name in TABLE_FRAMES}
    frames.update({name: con.sql(sql).pl() for name, sql in AUDIT_SQL.items()})
    return frames


def disagreements(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per conflicting claim group, naming its subject and what each outlet reported."""
    rows = con.execute(
        """SELECT group_id, any_value(subject),
                  string_agg(outlet_key || ' says ' || quotes, ' | ' ORDER BY outlet_key)
           FROM claim_comparison WHERE status = 'conflict' GROUP BY group_id ORDER BY group_id"""
    ).fetchall()
    return [f"group {gid} ({subject}) conflicts: {reports}" for gid, subject, reports in rows]
