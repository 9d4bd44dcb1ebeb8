"""The audit queries: frames pulled from the build file for Great Expectations to validate.

GX cannot validate DuckDB through SQLAlchemy here (STACK.md: every expectation fails with a
MetricResolutionError), so each check runs on a frame; checks that need a join or a
cross-article comparison get a query of their own below.
"""

from __future__ import annotations

import duckdb
import polars as pl

TABLE_FRAMES = (
    "articles", "article_parts", "sentences", "entities", "entity_mentions", "numeric_claims",
    "events", "claim_groups",
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
               AND (value_high IS NULL OR value IS NULL OR value <= value_high + 1e-9 * abs(value_high))
               AS value_within_bounds
        FROM numeric_claims""",
    # Per event: does every article's per-side interval for the bodies returned meet?
    "body_count_agreement": """
        WITH per_article AS (
            SELECT a.event_id, c.article_id,
                   coalesce(a.outlet, 'unnamed outlet ' || a.article_id) AS outlet,
                   max(coalesce(c.compare_low, -1e308)) AS low,
                   min(coalesce(c.compare_high, 1e308)) AS high,
                   string_agg(c.quote, '; ') AS quotes
            FROM numeric_claims c JOIN articles a USING (article_id)
            WHERE c.subject_key = 'body' AND c.kind = 'count' AND c.compare_low IS NOT NULL
              AND NOT (c.scope = 'total' AND c.per_side_value IS NULL)
            GROUP BY ALL
        )
        SELECT event_id, count(*) AS n_articles, max(low) AS max_low, min(high) AS min_high,
               max(low) <= min(high) AS agree,
               string_agg(outlet || ': ' || quotes, ' | ' ORDER BY outlet) AS reports
        FROM per_article GROUP BY event_id HAVING count(*) >= 2""",
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
    """One line per body-count disagreement and per conflicting group, naming the outlets."""
    lines = [
        f"bodies per side disagree in event {event_id}: {reports}"
        for event_id, reports in con.execute(
            f"SELECT event_id, reports FROM ({AUDIT_SQL['body_count_agreement']}) WHERE NOT agree"
        ).fetchall()
    ]
    rows = con.execute(
        """SELECT group_id, any_value(subject),
                  string_agg(outlet_key || ' says ' || quotes, ' | ' ORDER BY outlet_key)
           FROM claim_comparison WHERE status = 'conflict' GROUP BY group_id ORDER BY group_id"""
    ).fetchall()
    lines += [f"group {gid} ({subject}) conflicts: {reports}" for gid, subject, reports in rows]
    return lines
