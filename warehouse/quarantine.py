"""Withhold articles whose rows break a row-level invariant, and quarantine their files.

A scheduled pipeline must not let one article's bad row hold back thousands of good ones:
the article's rows leave the build, its raw_files row of this run becomes `quarantined` with
the failed checks as the reason, and the rest goes on to be reconciled, checked and
published. Only warehouse-level checks (no articles, duplicate keys, cross-source) block.
"""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.store import delete_articles


def withhold_articles(
    con: duckdb.DuckDBPyConnection, faults: pl.DataFrame, run_id: str
) -> pl.DataFrame:
    """Delete the articles of `faults` (article_id, failed_check) from the build, mark their
    files quarantined in this run's raw_files rows, and return those rows (run_id's)."""
    if faults.height:
        reasons = (
            faults.group_by("article_id")
            .agg(pl.col("failed_check").unique().sort().str.join(", "))
            .with_columns(("failed row check: " + pl.col("failed_check")).alias("reason"))
            .select("article_id", "reason")
        )
        for article_id, reason in reasons.iter_rows():
            con.execute(
                """UPDATE raw_files SET status = 'quarantined', reason = ?
                   WHERE run_id = ?
                     AND file_id = (SELECT file_id FROM articles WHERE article_id = ?)""",
                [reason, run_id, article_id],
            )
        delete_articles(con, reasons["article_id"].to_list())
    return con.sql("SELECT * FROM raw_files WHERE run_id = $run", params={"run": run_id}).pl()
