"""Build-side access to the warehouse: create a build file, write and read tables.

A run never writes the published file. It copies the published warehouse (or starts empty),
writes into that build copy, and `warehouse.publish` renames the copy into place only when
the critical checks pass. All SQL of the project lives in this package.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from transforms.contract.schema import empty

SCHEMA_SQL = Path(__file__).with_name("schema.sql")
VIEWS_SQL = Path(__file__).with_name("views.sql")

# Tables a published newsclaims warehouse always has; a DuckDB file without them is foreign.
REQUIRED_TABLES = ("articles", "runs")
_WAY_OUT = "move it aside; the next run rebuilds the warehouse from the sources"
# DuckDB errors on opening that say nothing about the file's content (it is held or guarded).
_NOT_THE_FILE = ("Could not set lock", "Permission denied")


class WarehouseUnreadable(RuntimeError):
    """The published file is not a readable DuckDB file, or not a newsclaims warehouse."""


def _unreadable(published: Path, exc: Exception) -> WarehouseUnreadable:
    """The one-line error for a file DuckDB cannot read: what it said, and the way out."""
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    reason = re.sub(r"^[A-Za-z ]+ Error: ", "", reason)
    if "not a valid DuckDB database file" in reason:
        reason = "not a DuckDB database file"
    return WarehouseUnreadable(
        f"the warehouse file {published} is unreadable ({reason.rstrip('!.')}); {_WAY_OUT}"
    )


def _is_damage(exc: Exception) -> bool:
    """Whether a DuckDB error says the file's bytes are not a sound DuckDB database."""
    if any(marker in str(exc) for marker in _NOT_THE_FILE):
        return False
    return isinstance(exc, duckdb.IOException | duckdb.SerializationException) or (
        "Corrupt database file" in str(exc)
    )


@contextmanager
def open_published(
    published: Path, *, config: dict | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The published file opened read-only, checked to be a newsclaims warehouse.

    A file that is not a DuckDB database (random bytes, truncated, damaged) or is another
    application's DuckDB file raises WarehouseUnreadable with a one-line way out; so does
    damage found while the block reads it. Other errors (a lock, a SQL error) pass through.
    """
    # The build's memory limit too (memory_limit): publish's Parquet export and the report
    # read every table, and unlimited DuckDB kept their pages cached (issue 14, 10x BBC).
    config = {"memory_limit": memory_limit(), **(config or {})}
    try:
        con = duckdb.connect(str(published), read_only=True, config=config)
    except duckdb.Error as exc:
        if not _is_damage(exc):
            raise
        raise _unreadable(published, exc) from None
    try:
        try:
            rows = con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        except duckdb.Error as exc:
            raise _unreadable(published, exc) from None
        missing = [t for t in REQUIRED_TABLES if t not in {r[0] for r in rows}]
        if missing:
            raise WarehouseUnreadable(
                f"the warehouse file {published} is not a newsclaims warehouse (a DuckDB file "
                f"without the {' and '.join(missing)} table{'s' if len(missing) > 1 else ''}, "
                "perhaps another application's); "
                f"{_WAY_OUT}"
            )
        yield con
    except duckdb.Error as exc:
        if not _is_damage(exc):
            raise
        raise _unreadable(published, exc) from None
    finally:
        con.close()


# Tables a fresh rebuild keeps: they record past runs, which the sources cannot rebuild.
CARRIED_TABLES = ("raw_files", "claim_group_history", "id_lineage")

# Tables whose rows belong to one article: a changed or removed file drops exactly these rows.
ARTICLE_TABLES = ("articles", "article_parts", "sentences", "entity_mentions", "numeric_claims")


# DuckDB's own memory limit is 80 % of the machine's RAM, and it keeps the table pages it read
# cached up to it: the row audits (every mention and sentence joined with its body) held
# about 1,000 MB at 10x BBC, 577 MB under a 512MB limit (3.3 -> 4.0 s), since DuckDB evicts
# pages and spills joins to disk at its limit. NEWSCLAIMS_DUCKDB_MEMORY overrides it (any
# DuckDB size, "2GB"; flows.settings checks it before a run starts).
MEMORY_LIMIT_ENV = "NEWSCLAIMS_DUCKDB_MEMORY"
DEFAULT_MEMORY_LIMIT = "512MB"


def memory_limit() -> str:
    """The DuckDB memory limit of every connection newsclaims opens (MEMORY_LIMIT_ENV)."""
    return os.environ.get(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT)


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file; readers always pass read_only=True so writers are never blocked."""
    return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": memory_limit()})


def remove_stale_builds(warehouse_dir: Path) -> list[Path]:
    """Delete build files a killed run left behind; call only while holding the run lock."""
    stale = [
        *warehouse_dir.glob("newsclaims-*.build"),
        *warehouse_dir.glob("newsclaims-*.build.wal"),
    ]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def start_build(published: Path, build: Path, *, fresh: bool = False) -> None:
    """Create `build` as a copy of `published` (or empty), with the schema and views applied.

    `fresh` starts from the current schema instead of a copy (a rebuild after the pipeline
    changed, when old tables may lack new columns) and carries over only the history
    (CARRIED_TABLES).
    """
    build.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (build, build.with_name(build.name + ".wal")):
        leftover.unlink(missing_ok=True)
    if published.exists() and not fresh:
        shutil.copyfile(published, build)
    with connect(build) as con:
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        if published.exists() and fresh:
            for table in CARRIED_TABLES:
                _carry_over(con, published, table)


def _carry_over(con: duckdb.DuckDBPyConnection, published: Path, table: str) -> None:
    """Copy `table` from the published file, keeping the columns both schemas share.

    A warehouse published before the table existed has nothing to carry.
    """
    with open_published(published) as old:
        if not old.execute(
            "SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [table]
        ).fetchall():
            return
        frame = old.sql(f"SELECT * FROM {table}").pl()
    shared = [c for c in frame.columns if c in table_columns(con, table)]
    insert_rows(con, table, frame.select(shared))


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Column names of `table` in schema order, read from the catalog."""
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> Iterator[None]:
    """Make `frame` queryable as `name` on `con` for the duration of the block."""
    con.register(name, frame.to_arrow())
    try:
        yield
    finally:
        con.unregister(name)


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Insert `frame` into `table` by column name; columns the table lacks are an error."""
    if frame.height == 0:
        return 0
    with _registered(con, "_incoming", frame):
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
    return frame.height


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Replace every row of `table` with `frame` (corpus-level tables are rebuilt each run)."""
    con.execute(f"DELETE FROM {table}")
    return insert_rows(con, table, frame)


def update_columns(
    con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, key: str
) -> int:
    """Set the columns of `frame` other than `key` in `table`, row by `key` (one row per key).

    A stage that sets a few columns of a table holding text (articles' bodies, sentences')
    writes only those: rewriting the whole table copied every body again inside DuckDB while
    the stage's frames were still held (+155 MB at 10x BBC, issue 14). Rows of `table` whose
    key is not in `frame` keep their values."""
    if frame.height == 0:
        return 0
    assignments = ", ".join(f'"{c}" = _values."{c}"' for c in frame.columns if c != key)
    with _registered(con, "_values", frame):
        con.execute(
            f'UPDATE {table} SET {assignments} FROM _values WHERE {table}."{key}" = _values."{key}"'
        )
    return frame.height


def update_tables(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> None:
    """`update_columns` for each table of `frames`, keyed by each frame's first column."""
    for table, frame in frames.items():
        update_columns(con, table, frame, key=frame.columns[0])


def delete_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Drop every per-article row of `article_ids` (changed or removed files)."""
    if not article_ids:
        return
    with _registered(con, "_gone", pl.DataFrame({"article_id": article_ids})):
        for table in ARTICLE_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _gone)")


def read_table(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[str] | None = None
) -> pl.DataFrame:
    """All rows of `table` as a polars frame: only `columns` when given, else every column."""
    listed = ", ".join(f'"{column}"' for column in columns) if columns else "*"
    return con.sql(f"SELECT {listed} FROM {table}").pl()


def claim_parts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """part_id and text of the parts a numeric claim is read in (a headline or caption claim
    has no sentence): all that claim grouping reads of article_parts. Every part's text was
    held through the whole reconcile stage (about 80 MB at 10x BBC)."""
    return con.sql(
        "SELECT part_id, text FROM article_parts "
        "WHERE part_id IN (SELECT part_id FROM numeric_claims)"
    ).pl()


def loaded_articles(published: Path) -> pl.DataFrame:
    """article_id, file_id and path of every article in the published warehouse (or empty)."""
    if not published.exists():
        return empty("articles").select("article_id", "file_id", "path")
    with open_published(published) as con:
        return con.sql("SELECT article_id, file_id, path FROM articles").pl()


def published_ids(published: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The published run's clusters, whose ids the next run carries over: events
    (article_id, id) and claim groups (claim_id, id); empty when nothing is published.

    Read from the published file rather than the build, because a fresh rebuild starts the
    build empty and would otherwise forget every id.
    """
    events = pl.DataFrame(schema={"article_id": pl.String, "id": pl.String})
    groups = pl.DataFrame(schema={"claim_id": pl.String, "id": pl.String})
    if not published.exists():
        return events, groups
    with open_published(published) as con:
        events = con.sql(
            "SELECT article_id, event_id AS id FROM articles WHERE event_id IS NOT NULL"
        ).pl()
        groups = con.sql(
            "SELECT claim_id, group_id AS id FROM numeric_claims WHERE group_id IS NOT NULL"
        ).pl()
    return events, groups


def record_lineage(con: duckdb.DuckDBPyConnection, run_id: str, lineage: pl.DataFrame) -> int:
    """Append this run's id changes to id_lineage (a retried run replaces its own rows)."""
    con.execute("DELETE FROM id_lineage WHERE run_id = ?", [run_id])
    return insert_rows(con, "id_lineage", lineage.select(pl.lit(run_id).alias("run_id"), pl.all()))


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per base table, for the run summary."""
    tables = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() ORDER BY table_name"
        ).fetchall()
    ]
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def refresh_paths(con: duckdb.DuckDBPyConnection, raw_files: pl.DataFrame) -> None:
    """Point unchanged articles at the path their content is found under in this run."""
    current = raw_files.filter(pl.col("status") == "unchanged").select("file_id", "path")
    if current.height == 0:
        return
    with _registered(con, "_paths", current):
        con.execute(
            "UPDATE articles SET path = p.path FROM _paths p WHERE articles.file_id = p.file_id"
        )


def published_fingerprint(published: Path) -> str | None:
    """Fingerprint of the run that produced the published warehouse (None if none)."""
    if not published.exists():
        return None
    with open_published(published) as con:
        row = con.execute(
            "SELECT fingerprint FROM runs WHERE published ORDER BY finished_at DESC LIMIT 1"
        ).fetchone()
    return row[0] if row else None


def published_row_counts(published: Path) -> dict[str, int]:
    """Rows per table of the published warehouse."""
    with open_published(published) as con:
        return row_counts(con)


# Columns that two runs over the same input differ in by nature (ids and times of the run).
RUN_COLUMNS = frozenset(
    {"run_id", "seen_at", "started_at", "finished_at", "fingerprint", "message", "seconds",
     "recorded_at"}
)  # fmt: skip
# Tables that describe the runs rather than the data.
RUN_TABLES = frozenset({"runs", "check_results"})


def comparable_tables(
    published: Path, *, skip: frozenset[str] = RUN_TABLES
) -> dict[str, pl.DataFrame]:
    """Every table of a warehouse file but `skip`, without RUN_COLUMNS, rows sorted: two runs
    over the same input give equal frames (refactor and Dask checks compare them)."""
    with open_published(published) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        frames = {n: con.sql(f"SELECT * FROM {n}").pl() for n in sorted(names) if n not in skip}
    tables = {}
    for name, frame in frames.items():
        frame = frame.drop([c for c in frame.columns if c in RUN_COLUMNS])
        tables[name] = frame.sort(frame.columns, nulls_last=True)
    return tables
