"""Read-only access to the published warehouse for users, the CLI and BI exports."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse.audit import TABLE_FRAMES

# Statement types a reader may run; everything else (INSERT, COPY, ATTACH, SET ...) is refused
# before it reaches DuckDB, so `newsclaims query` can never change or exfiltrate through files.
_READ_ONLY_TYPES = {"SELECT", "EXPLAIN", "PRAGMA"}
# Everything a BI tool reads: the audited tables, the history tables and the views.
CURATED_TABLES = (
    *TABLE_FRAMES,
    "check_results",
    "runs",
    "raw_files",
    "claim_comparison",
    "outlet_mentions",
    "raw_files_latest",
)


class ReadOnlyViolation(ValueError):
    """A statement that would write was passed to a read-only query."""


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    for statement in con.extract_statements(sql):
        kind = statement.type.name
        if kind not in _READ_ONLY_TYPES:
            raise ReadOnlyViolation(
                f"refused: a {kind} statement would write; queries are read-only"
            )


def query(published: Path, sql: str) -> pl.DataFrame:
    """Run `sql` on the published warehouse opened read-only and return the last result."""
    if not published.exists():
        raise FileNotFoundError(
            f"no published warehouse at {published}: run `newsclaims run` first"
        )
    # No file or network access from SQL either: a SELECT of read_text('/etc/...') is refused.
    config = {"enable_external_access": False}
    with duckdb.connect(str(published), read_only=True, config=config) as con:
        _check_read_only(con, sql)
        return con.sql(sql).pl()


def export_parquet(published: Path, out_dir: Path) -> list[Path]:
    """Write each curated table and view to `out_dir/<name>.parquet`; returns the files."""
    if not published.exists():
        raise FileNotFoundError(f"no published warehouse at {published}: run `newsclaims run`")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(published), read_only=True) as con:
        for name in CURATED_TABLES:
            target = out_dir / f"{name}.parquet"
            con.sql(f"SELECT * FROM {name}").write_parquet(str(target))
            written.append(target)
    return written
