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
    # The same question asked of the claims themselves, so that no grouping decision can hide a
    # disagreement: per event, is there one per-side number that every outlet stating an
    # explicit per-side body count allows? An outlet's claims are alternatives (any of them may
    # hold). Testing the intervals' low ends suffices: where intervals overlap most, one of
    # them begins.
    "body_count_per_side_reports": """
        WITH claims AS (
            SELECT a.event_id, coalesce(a.outlet, 'unnamed:' || a.article_id) AS outlet,
                   c.compare_low AS lo, coalesce(c.compare_high, 1e308) AS hi, c.quote
            FROM numeric_claims c JOIN articles a USING (article_id)
            WHERE c.subject_key = 'body' AND c.kind = 'count' AND c.compare_low IS NOT NULL
              AND (c.scope = 'per_side' OR (c.scope = 'total' AND c.per_side_value IS NOT NULL))
        ),
        outlets AS (
            SELECT event_id, count(DISTINCT outlet) AS n_outlets,
                   string_agg(DISTINCT outlet || ' says ' || quote, ' | ') AS reports
            FROM claims GROUP BY event_id
        ),
        support AS (
            SELECT p.event_id, p.lo AS value, count(DISTINCT c.outlet) AS n_allowing
            FROM (SELECT DISTINCT event_id, lo FROM claims) p
            JOIN claims c ON c.event_id = p.event_id AND p.lo BETWEEN c.lo AND c.hi
            GROUP BY ALL
        )
        SELECT o.event_id, o.n_outlets, max(s.n_allowing) AS most_outlets_agreeing,
               max(s.n_allowing) = o.n_outlets AS agree, o.reports
        FROM outlets o JOIN support s USING (event_id)
        WHERE o.n_outlets >= 2
        GROUP BY o.event_id, o.n_outlets, o.reports""",
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
    """One line per conflicting claim group, naming its subject and what each outlet reported,
    and one per event whose outlets state per-side body counts no single number satisfies."""
    events = con.execute(
        f"SELECT event_id, reports FROM ({AUDIT_SQL['body_count_per_side_reports']}) "
        "WHERE NOT agree ORDER BY event_id"
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
