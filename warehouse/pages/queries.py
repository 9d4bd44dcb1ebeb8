"""Read-only queries the report is drawn from: every SQL statement of the report lives here.

Promise: each function takes an open DuckDB connection and returns plain dicts (column name to
value), in the order the pages show them, so the renderers never see SQL or DuckDB types
beyond Python scalars. Nothing here writes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import duckdb

Row = dict[str, Any]
# The filter of the per-event statements below; by_event() runs them for a block of events.
_ONE_EVENT = "g.event_id = ?"
_EVENT_BLOCK = "g.event_id IN (SELECT unnest(?::VARCHAR[]))"
# The filter of the per-article statements (spans, bodies): one block of articles at a time.
_ARTICLE_BLOCK = "{table}.article_id IN (SELECT unnest(?::VARCHAR[]))"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# Events with their group counts by status; conflicting events first, then the most reported.
EVENTS_SQL = """
SELECT
    e.event_id, e.label, e.first_date, e.last_date, e.n_articles, e.n_outlets,
    count(g.group_id) FILTER (WHERE g.status = 'conflict') AS n_conflict,
    count(g.group_id) FILTER (WHERE g.status = 'consistent') AS n_consistent,
    count(g.group_id) FILTER (WHERE g.status = 'single_source') AS n_single_source,
    count(g.group_id) AS n_groups
FROM events e
LEFT JOIN claim_groups g ON g.event_id = e.event_id
GROUP BY ALL
ORDER BY n_conflict DESC, e.n_articles DESC, e.first_date NULLS LAST, e.event_id
"""


def events(con: duckdb.DuckDBPyConnection) -> list[Row]:
    return _rows(con, EVENTS_SQL)


# Groups of one event: multi-outlet groups first (conflicts on top), then by reach.
GROUPS_SQL = """
SELECT group_id, event_id, subject, kind, unit, scope, n_claims, n_articles, n_outlets,
       n_independent, consensus_low, consensus_high, status
FROM claim_groups g
WHERE {event} AND n_outlets >= 1
ORDER BY n_outlets > 1 DESC, status = 'conflict' DESC, n_outlets DESC, n_independent DESC,
         subject, consensus_low NULLS LAST, group_id
"""


def groups(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    return _rows(con, GROUPS_SQL.format(event=_ONE_EVENT), [event_id])


# Every claim of an event's groups with its article, outlet key and sentence: the sentence
# offsets let the page highlight the quote inside its sentence.
CLAIMS_SQL = """
SELECT
    g.event_id, c.group_id, c.claim_id, c.article_id, o.outlet_key, a.outlet,
    a.original_outlet, a.title, a.path, c.quote, c.start_char, c.end_char, c.value,
    c.value_low, c.value_high, c.bound,
    c.scope, c.per_side_value, c.compare_low, c.compare_high, c.attributed_to,
    coalesce(s.text, p.text) AS sentence,
    CASE WHEN c.part_id IS NULL THEN s.start_char ELSE 0 END AS sentence_start,
    coalesce(s.is_wire_copy, FALSE) AS is_wire_copy, s.wire_group
FROM numeric_claims c
JOIN claim_groups g ON g.group_id = c.group_id
JOIN articles a ON a.article_id = c.article_id
JOIN article_outlets o ON o.article_id = c.article_id
LEFT JOIN sentences s ON s.sentence_id = c.sentence_id
-- A headline or caption claim has no sentence: its part's text stands for one (offsets index it).
LEFT JOIN article_parts p ON p.part_id = c.part_id
WHERE {event}
ORDER BY c.group_id, o.outlet_key, c.article_id, c.start_char
"""


def claims(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    return _rows(con, CLAIMS_SQL.format(event=_ONE_EVENT), [event_id])


# How each group of an event moved across publishing runs, for the groups whose state
# (consensus, status, outlets or claims) changed at least once: claim_group_history keyed by
# the group ids that stay put across runs (id_lineage).
HISTORY_SQL = """
WITH h AS (
    SELECT h.*, g.event_id FROM claim_group_history h
    JOIN claim_groups g ON g.group_id = h.group_id
    WHERE {event}
),
moved AS (
    SELECT group_id FROM h GROUP BY group_id
    HAVING count(DISTINCT (consensus_low, consensus_high, status, n_outlets, n_claims)) > 1
)
SELECT event_id, group_id, run_id, recorded_at, n_outlets, n_independent, n_claims, consensus_low,
       consensus_high, status
FROM h WHERE group_id IN (SELECT group_id FROM moved)
ORDER BY group_id, recorded_at, run_id
"""


def history(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    return _rows(con, HISTORY_SQL.format(event=_ONE_EVENT), [event_id])


def by_event(
    con: duckdb.DuckDBPyConnection, event_ids: list[str]
) -> dict[str, dict[str, list[Row]]]:
    """The groups, claims and history of the events `event_ids` in one query each, keyed by
    event id (rows in the order the single-event queries give). One query per event cost 15 ms
    each, 47 s of a 1,073-event report (measured on the BBC corpus); one query for every event
    held every claim with its sentence at once (about 190,000 at 10x BBC), so the report asks
    for a block of events at a time."""
    found: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for part, sql in (("groups", GROUPS_SQL), ("claims", CLAIMS_SQL), ("history", HISTORY_SQL)):
        for row in _rows(con, sql.format(event=_EVENT_BLOCK), [event_ids]):
            found[row["event_id"]][part].append(row)
    return found


# Every article without its body (the event pages list them; bodies are read per block).
ARTICLES_SQL = """
SELECT a.article_id, a.event_id, a.outlet, o.outlet_key, a.original_outlet, a.title,
       a.authors, a.published_date, a.dateline, a.path, a.word_count
FROM articles a
JOIN article_outlets o ON o.article_id = a.article_id
ORDER BY a.event_id, o.outlet_key, a.article_id
"""


def articles(con: duckdb.DuckDBPyConnection) -> list[Row]:
    return _rows(con, ARTICLES_SQL)


ARTICLE_BODIES_SQL = """
SELECT a.article_id, a.body FROM articles a WHERE {articles}
"""


def article_bodies(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, str]:
    """The bodies of the articles `article_ids`, by article id."""
    rows = _article_rows(con, ARTICLE_BODIES_SQL, "a", article_ids)
    return {row["article_id"]: row["body"] for row in rows}


# Spans to mark in each body: claims (with their group's status) and entity mentions (with the
# canonical entity they resolve to).
ARTICLE_CLAIMS_SQL = """
SELECT c.article_id, c.claim_id, c.group_id, c.start_char, c.end_char, c.quote, c.subject,
       c.kind, c.bound, g.status, g.event_id
FROM numeric_claims c
LEFT JOIN claim_groups g ON g.group_id = c.group_id
WHERE {articles}
  AND c.part_role = 'body' -- highlighted in the body by offset; part claims' offsets index a part
ORDER BY c.article_id, c.start_char
"""

ARTICLE_MENTIONS_SQL = """
SELECT m.article_id, m.mention_id, m.start_char, m.end_char, m.text, m.label,
       e.name AS entity_name, e.label AS entity_label
FROM entity_mentions m
LEFT JOIN entities e ON e.entity_id = m.entity_id
WHERE {articles}
  AND m.part_role = 'body' -- highlighted in the body by offset; caption offsets index a part
ORDER BY m.article_id, m.start_char
"""

WIRE_SENTENCES_SQL = """
SELECT article_id, start_char, end_char, wire_group
FROM sentences s
WHERE {articles} AND is_wire_copy
ORDER BY article_id, start_char
"""


def _article_rows(
    con: duckdb.DuckDBPyConnection, sql: str, table: str, article_ids: list[str]
) -> list[Row]:
    return _rows(con, sql.format(articles=_ARTICLE_BLOCK.format(table=table)), [article_ids])


def article_claims(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[Row]:
    return _article_rows(con, ARTICLE_CLAIMS_SQL, "c", article_ids)


def article_mentions(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[Row]:
    return _article_rows(con, ARTICLE_MENTIONS_SQL, "m", article_ids)


def wire_sentences(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[Row]:
    return _article_rows(con, WIRE_SENTENCES_SQL, "s", article_ids)


# The latest run recorded in the file, for the page footer (a rejected build has none of its
# own yet: its run is recorded on the next publish, so this may name an earlier run).
LATEST_RUN_SQL = """
SELECT run_id, finished_at, status FROM runs ORDER BY started_at DESC NULLS LAST LIMIT 1
"""


def latest_run(con: duckdb.DuckDBPyConnection) -> Row | None:
    rows = _rows(con, LATEST_RUN_SQL)
    return rows[0] if rows else None
