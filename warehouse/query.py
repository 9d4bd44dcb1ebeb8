"""Read-only access to the published warehouse for users, the CLI and BI exports.

A query is allowed by DuckDB's own parse of each statement (`extract_statements`), never by
keywords, and then runs on a connection that cannot write or leave the warehouse:
read-only, no file or network access, a memory limit, no spilling to disk, the configuration
locked (so no SET or PRAGMA can undo any of it), and a timer that interrupts it.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from warehouse.audit import TABLE_FRAMES
from warehouse.store import open_published

# Everything a BI tool reads: the audited tables, the history tables and the views.
PARQUET_DIR = "parquet"  # under the warehouse folder: the export every publish refreshes
CURATED_TABLES = (
    *TABLE_FRAMES,
    "check_results",
    "runs",
    "raw_files",
    "claim_group_history",
    "id_lineage",
    "manifest_issues",
    "article_outlets",
    "claim_comparison",
    "outlet_mentions",
    "raw_files_latest",
)

ENV_TIMEOUT = "NEWSCLAIMS_QUERY_TIMEOUT"
ENV_MEMORY = "NEWSCLAIMS_QUERY_MEMORY"
# Defaults that keep a shared 2-core machine usable while the whole warehouse stays queryable.
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY = "2GB"
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)\s*$", re.IGNORECASE)
FORMATS = ("table", "csv", "json", "markdown")
TABLE_ROWS = 50  # rows the table format prints unless told otherwise


class ReadOnlyViolation(ValueError):
    """A statement that would write was passed to a read-only query."""


class QueryLimitError(ValueError):
    """A query limit setting (environment variable or flag) that is not a valid value."""


class QueryStopped(RuntimeError):
    """A query ran past its time or memory limit and was stopped."""


@dataclass(frozen=True)
class QueryLimits:
    """How long a query may run (seconds) and how much memory it may use (a DuckDB size)."""

    timeout: float = DEFAULT_TIMEOUT
    memory: str = DEFAULT_MEMORY


def parse_timeout(text: str, name: str = ENV_TIMEOUT) -> float:
    """Seconds from `text`: a positive finite number, else QueryLimitError naming `name`."""
    try:
        seconds = float(text)
    except (TypeError, ValueError):
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise QueryLimitError(f"{name}={text!r}: expected a positive number of seconds, e.g. 60")
    return seconds


def parse_memory(text: str, name: str = ENV_MEMORY) -> str:
    """A DuckDB memory size from `text` ("2GB", "512MB", "1.5GiB"), else QueryLimitError."""
    match = _SIZE.match(str(text))
    if not match or float(match.group(1)) <= 0:
        raise QueryLimitError(
            f"{name}={text!r}: expected a positive size with a unit (B, KB, MB, GB, TB, "
            "KiB, MiB, GiB, TiB), e.g. 2GB"
        )
    return f"{match.group(1)}{match.group(2).upper().replace('I', 'i')}"


def limits_from(
    environ: Mapping[str, str] | None = None,
    *,
    timeout: str | None = None,
    memory: str | None = None,
) -> QueryLimits:
    """The query limits: flags override NEWSCLAIMS_QUERY_* variables, which override defaults."""
    environ = os.environ if environ is None else environ
    if timeout is not None:
        seconds = parse_timeout(timeout, "--timeout")
    elif environ.get(ENV_TIMEOUT, "").strip():
        seconds = parse_timeout(environ[ENV_TIMEOUT])
    else:
        seconds = DEFAULT_TIMEOUT
    if memory is not None:
        size = parse_memory(memory, "--memory-limit")
    elif environ.get(ENV_MEMORY, "").strip():
        size = parse_memory(environ[ENV_MEMORY])
    else:
        size = DEFAULT_MEMORY
    return QueryLimits(timeout=seconds, memory=size)


# ---------------------------------------------------------------- what may run


def _is_query(con: duckdb.DuckDBPyConnection, text: str) -> bool:
    """Whether DuckDB's grammar accepts `text` as a subquery, i.e. it is a query that reads.

    PIVOT without an IN list parses as a MULTI statement (DuckDB first builds the pivot's
    value list), and so does any statement with such a PIVOT inside (CREATE TABLE AS, INSERT,
    COPY). Only a query can stand inside `SELECT * FROM (...)`, so that parse tells them apart.
    """
    body = re.sub(r"[\s;]+$", "", text)
    try:
        wrapped = con.extract_statements(f"SELECT * FROM (\n{body}\n)")
    except duckdb.Error:
        return False
    return len(wrapped) == 1 and wrapped[0].type.name in ("SELECT", "MULTI")


def _explained(text: str) -> str | None:
    """The statement an EXPLAIN [ANALYZE] [(options)] shows, found with DuckDB's tokenizer."""
    spans = duckdb.tokenize(text)
    tokens = [
        (pos, text[pos : spans[i + 1][0] if i + 1 < len(spans) else len(text)].strip().lower())
        for i, (pos, kind) in enumerate(spans)
        if kind != duckdb.token_type.comment
    ]
    if not tokens or tokens[0][1] != "explain":
        return None
    at = 1
    if at < len(tokens) and tokens[at][1] in ("analyze", "analyse"):
        at += 1
    if at < len(tokens) and tokens[at][1].startswith("("):  # options: (FORMAT json, ...)
        depth = 0
        while at < len(tokens):
            depth += tokens[at][1].count("(") - tokens[at][1].count(")")
            at += 1
            if depth <= 0:
                break
    return text[tokens[at][0] :] if at < len(tokens) else None


def _refusal(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> str | None:
    """None when `statement` only reads, else what it is, for the refusal message."""
    kind = statement.type.name
    if kind in ("SELECT", "PRAGMA"):
        # PRAGMAs read the catalog (table_info, database_size, show_tables ...); the ones that
        # change a setting fail on the locked configuration, import_database on file access.
        return None
    if kind in ("MULTI", "EXPLAIN"):
        # EXPLAIN ANALYZE runs its statement, so only the plan of a query is shown.
        inner = _explained(statement.query)
        if inner is None and kind == "MULTI":
            inner = statement.query
        if inner is not None and _is_query(con, inner):
            return None
        if inner != statement.query:
            return "EXPLAIN shows the plan of a query only (EXPLAIN ANALYZE runs what it explains)"
        return "a write with a PIVOT would write"
    return f"a{'n' if kind[0] in 'AEIOU' else ''} {kind} statement would write"


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> list[duckdb.Statement]:
    """The statements of `sql`, each one a read, or ReadOnlyViolation before any runs."""
    statements = con.extract_statements(sql)
    if not statements:
        raise ReadOnlyViolation("refused: no statement to run")
    for statement in statements:
        what = _refusal(con, statement)
        if what is not None:
            raise ReadOnlyViolation(
                f"refused: {what}; queries are read-only (SELECT, PIVOT, EXPLAIN, PRAGMA)"
            )
    return statements


# ---------------------------------------------------------------- running it


def _config(limits: QueryLimits) -> dict:
    """The connection's lockdown; memory is set here because a locked one cannot change."""
    return {
        # No file or network access from SQL: read_text('/etc/...') and COPY ... TO fail.
        "enable_external_access": False,
        "memory_limit": limits.memory,
        # No spilling: the memory limit is a hard limit and nothing is written beside the file.
        "temp_directory": "",
        "lock_configuration": True,
    }


def _run(con: duckdb.DuckDBPyConnection, statements: list, limits: QueryLimits) -> pl.DataFrame:
    """Run the checked statements in order under the time limit; the last result as a frame."""
    timer = threading.Timer(limits.timeout, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        relation = None
        for statement in statements:
            relation = con.sql(statement)
        return relation.pl() if relation is not None else pl.DataFrame()
    except duckdb.InterruptException:
        raise QueryStopped(f"query stopped after {limits.timeout:g} s ({ENV_TIMEOUT})") from None
    except duckdb.OutOfMemoryException:
        raise QueryStopped(
            f"query stopped: it needs more than {limits.memory} of memory ({ENV_MEMORY})"
        ) from None
    finally:
        timer.cancel()


def query(published: Path, sql: str, limits: QueryLimits | None = None) -> pl.DataFrame:
    """Run `sql` on the published warehouse opened read-only and return the last result.

    Every statement is checked before the first one runs; a write is ReadOnlyViolation, a
    query past a limit QueryStopped, an unreadable file store.WarehouseUnreadable.
    """
    if not published.exists():
        raise FileNotFoundError(
            f"no published warehouse at {published}: run `newsclaims run` first"
        )
    limits = limits or QueryLimits()
    with open_published(published, config=_config(limits)) as con:
        statements = _check_read_only(con, sql)
        return _run(con, statements, limits)


# ---------------------------------------------------------------- printing it


def sql_text(sql: str | None, file: str | None) -> str:
    """The SQL to run: given inline, or read from `file` ("-" is stdin); exactly one of them."""
    if (sql is None) == (file is None):
        raise ValueError("give the SQL either as an argument or with --file FILE.sql (one of them)")
    if file is None:
        return sql
    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read --file {file}: {exc}") from None


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Nested columns (lists, structs) as JSON text, for formats that hold only scalars."""
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(name, [json.dumps(v, default=str) for v in frame[name].to_list()], pl.String)
        for name in nested
    )


def _markdown(frame: pl.DataFrame) -> str:
    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        return (
            text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")
        )

    lines = [
        "| " + " | ".join(cell(c) for c in frame.columns) + " |",
        "|" + "|".join(" --- " for _ in frame.columns) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.iter_rows()]
    return "\n".join(lines)


def render(frame: pl.DataFrame, fmt: str = "table", limit: int | None = None) -> str:
    """`frame` as text in `fmt` (table, csv, json, markdown).

    `limit` caps the rows; 0 prints every row. The table format shows TABLE_ROWS rows unless
    told otherwise; csv, json and markdown print every row unless a limit is given.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if limit is not None and limit < 0:
        raise ValueError(f"--limit {limit}: expected 0 (every row) or a positive number")
    if fmt == "table":
        rows = -1 if limit == 0 else (limit or TABLE_ROWS)
        full = limit == 0
        with pl.Config(
            tbl_rows=rows,
            tbl_cols=-1,
            fmt_str_lengths=1_000_000 if full else 80,
            fmt_table_cell_list_len=-1 if full else 5,
            tbl_width_chars=65_535 if full else 160,  # polars' largest width
        ):
            return str(frame)
    shown = frame.head(limit) if limit else frame
    if fmt == "csv":
        return _flat(shown).write_csv().rstrip("\n")
    if fmt == "json":
        return shown.write_json()
    return _markdown(shown)


def export_parquet(published: Path, out_dir: Path) -> list[Path]:
    """Write each curated table and view to `out_dir/<name>.parquet`; returns the files."""
    if not published.exists():
        raise FileNotFoundError(f"no published warehouse at {published}: run `newsclaims run`")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with open_published(published) as con:
        for name in CURATED_TABLES:
            target = out_dir / f"{name}.parquet"
            con.sql(f"SELECT * FROM {name}").write_parquet(str(target))
            written.append(target)
    return written


def refresh_parquet(published: Path, out_dir: Path) -> list[Path]:
    """Replace `out_dir` with a fresh export of the published warehouse; returns the files.

    The export is written beside it into a temporary folder, which is renamed into place only
    once every file is complete, so a reader finds either the old set or the new set, never a
    mix of two publishes or a half-written file. Two renames cannot swap folders in one step:
    between them (microseconds) the folder is briefly absent.
    """
    parent = out_dir.parent
    fresh = parent / f".{out_dir.name}.new-{os.getpid()}"
    retired = parent / f".{out_dir.name}.old-{os.getpid()}"
    for leftover in (fresh, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        written = export_parquet(published, fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if out_dir.exists():
        os.replace(out_dir, retired)
    os.replace(fresh, out_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return [out_dir / path.name for path in written]
