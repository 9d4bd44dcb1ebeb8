"""Hand-made warehouse rows for the direct tests: a build file from schema.sql + views.sql."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse import store


def new_build(tmp_path: Path, name: str = "newsclaims-test.build") -> Path:
    """An empty build file (schema and views applied) under `tmp_path`."""
    build = tmp_path / name
    store.start_build(tmp_path / "absent.duckdb", build)
    return build


def article(
    article_id: str,
    body: str,
    *,
    outlet: str | None = None,
    event_id: str | None = None,
    path: str | None = None,
) -> dict:
    return {
        "article_id": article_id,
        "file_id": f"f-{article_id}",
        "path": path or f"{article_id}.txt",
        "event_id": event_id,
        "outlet": outlet,
        "outlet_key": outlet if outlet is not None else f"unnamed:{article_id}",
        "body": body,
        "word_count": len(body.split()),
    }


def claim(
    claim_id: str,
    article_id: str,
    body: str,
    quote: str,
    *,
    value: float,
    scope: str = "per_side",
    low: float | None = None,
    high: float | None = None,
    group_id: str | None = None,
    sentence_id: str | None = None,
    start: int | None = None,
) -> dict:
    """A per-side body count claim quoting `quote`, found at `start` (default: in `body`)."""
    start = body.index(quote) if start is None else start
    return {
        "claim_id": claim_id,
        "article_id": article_id,
        "sentence_id": sentence_id,
        "quote": quote,
        "start_char": start,
        "end_char": start + len(quote),
        "value": value,
        "value_low": value if low is None else low,
        "value_high": value if high is None else high,
        "bound": "exact",
        "kind": "count",
        "subject": "body",
        "subject_key": "body",
        "scope": scope,
        "per_side_value": value if scope == "per_side" else None,
        "compare_low": value if low is None else low,
        "compare_high": value if high is None else high,
        "group_id": group_id,
    }


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert `rows` by column name (missing columns stay NULL or take their default)."""
    store.insert_rows(con, table, pl.DataFrame(rows, infer_schema_length=None))
