"""The `newsclaims` command: run the flow, serve it on a schedule, query and export the data."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from flows.settings import Settings


def _quiet_prefect() -> None:
    # Measured here: the local server's telemetry otherwise logs a harmless "database is locked".
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # The temporary local API gets 20 s to start by default; on a loaded machine (measured
    # here, with both cores busy) that timed out and failed the run before it began.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings().with_overrides(
        source=getattr(args, "source", None),
        warehouse_dir=getattr(args, "warehouse", None),
        dask_address=getattr(args, "dask", None),
        manifest=getattr(args, "manifest", None),
    )


def _lock_holder(message: str) -> str | None:
    """ "process 1234 (python3)" when DuckDB refused a file lock another process holds."""
    # DuckDB: 'Conflicting lock is held in /usr/bin/python3.11 (PID 1234) by user root'.
    match = re.search(r"Conflicting lock is held in (\S+) \(PID (\d+)\)", message)
    return None if match is None else f"process {match.group(2)} ({match.group(1)})"


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)  # a bad setting stops here, before Prefect is even imported
    _quiet_prefect()
    from flows.pipeline import newsclaims_flow
    from warehouse.lock import WarehouseBusy
    from warehouse.store import WarehouseUnreadable

    try:
        summary = newsclaims_flow(settings=settings)
    except WarehouseBusy as exc:
        print(f"newsclaims: refused: {exc}", file=sys.stderr)
        return 3
    except WarehouseUnreadable as exc:
        print(f"newsclaims: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the flow already logged the traceback
        holder = _lock_holder(str(exc))
        if holder is not None:
            print(
                f"newsclaims: refused: {holder} holds {settings.published} open for writing; "
                "close it, or open the file read-only (read_only=True) so runs can publish",
                file=sys.stderr,
            )
            return 3
        print(f"newsclaims: run failed: {exc}", file=sys.stderr)
        return 1
    print(summary.render())
    return 0 if summary.status in ("published", "unchanged") else 2


def cmd_serve(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _quiet_prefect()
    if settings.dask_address:
        # Served runs execute in child processes that read their settings from the
        # environment (only source and warehouse are deployment parameters).
        os.environ["NEWSCLAIMS_DASK_ADDRESS"] = settings.dask_address
    if settings.manifest is not None:
        os.environ["NEWSCLAIMS_MANIFEST"] = str(settings.manifest.resolve())
    from flows.deployment import scheduled_deployment, serve_scheduled

    deployment = scheduled_deployment(
        settings, name=args.name, cron=args.cron, interval=args.interval
    )
    serve_scheduled(deployment)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from warehouse.query import (
        QueryLimitError,
        QueryStopped,
        ReadOnlyViolation,
        limits_from,
        query,
        render,
        sql_text,
    )
    from warehouse.store import WarehouseUnreadable

    try:
        limits = limits_from(timeout=args.timeout, memory=args.memory_limit)
    except QueryLimitError as exc:
        print(f"newsclaims: invalid setting: {exc}", file=sys.stderr)
        return 4
    published = _settings(args).published  # a bad setting: main() reports it (exit 4)
    try:
        sql = sql_text(args.sql, args.file)
        frame = query(published, sql, limits)
        text = render(frame, args.format, 0 if args.all else args.limit)
    except (ReadOnlyViolation, QueryStopped, WarehouseUnreadable, OSError, ValueError) as exc:
        print(f"newsclaims: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a SQL error: show DuckDB's message, not a traceback
        print(f"newsclaims: query failed: {exc}", file=sys.stderr)
        return 2
    print(text)
    return 0


def cmd_checks(args: argparse.Namespace) -> int:
    import polars as pl

    from warehouse.runlog import read_checks

    try:
        results = read_checks(_settings(args).checks_dir, latest_only=True)
    except Exception as exc:  # a damaged checks/<run>.parquet: one line, not a traceback
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"newsclaims: cannot read the check results: {reason}", file=sys.stderr)
        return 2
    if results.height == 0:
        print("newsclaims: no check results yet: run `newsclaims run` first", file=sys.stderr)
        return 2
    if args.failed:
        results = results.filter(~pl.col("success"))
    shown = results.select(
        "run_id", "suite", "table_name", "expectation", "success", "severity", "observed"
    )
    with pl.Config(tbl_rows=-1, fmt_str_lengths=70, tbl_width_chars=200):
        print(shown)
    return (
        0
        if results.filter(~pl.col("success") & (pl.col("severity") == "critical")).is_empty()
        else 1
    )


def cmd_export(args: argparse.Namespace) -> int:
    from warehouse.query import export_parquet
    from warehouse.store import WarehouseUnreadable

    try:
        written = export_parquet(_settings(args).published, Path(args.parquet))
    except (FileNotFoundError, WarehouseUnreadable) as exc:
        print(f"newsclaims: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a DuckDB or file error: one line, not a traceback
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"newsclaims: export failed: {reason}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


def _add_source_flags(sub: argparse.ArgumentParser) -> None:
    """The flags of the commands that run the flow: where the files are, how to parse them."""
    sub.add_argument(
        "--source",
        help="folder or glob of raw article files (default: seeds/ or NEWSCLAIMS_SOURCE)",
    )
    sub.add_argument(
        "--manifest",
        metavar="FILE",
        help="metadata manifest (.csv or .jsonl) keyed by path under the source "
        "(default: the source's manifest.csv or manifest.jsonl, or NEWSCLAIMS_MANIFEST)",
    )
    sub.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="parse on this Dask scheduler, e.g. tcp://host:8786 "
        "(default: here, or NEWSCLAIMS_DASK_ADDRESS)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclaims", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name: str, handler, help_text: str, *, source: bool = False):  # noqa: ANN001
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument(
            "--warehouse",
            help="warehouse folder (default: ./warehouse of the project or NEWSCLAIMS_WAREHOUSE)",
        )
        if source:
            _add_source_flags(sub)
        sub.set_defaults(handler=handler)
        return sub

    add("run", cmd_run, "run the flow once and publish if the critical checks pass", source=True)
    serve = add("serve", cmd_serve, "serve the flow on a cron schedule (Prefect)", source=True)
    serve.add_argument("--cron", default="0 * * * *", help="cron schedule (default: hourly)")
    serve.add_argument("--interval", type=int, help="run every N seconds instead of --cron")
    serve.add_argument("--name", default="newsclaims-scheduled", help="deployment name")
    query = add("query", cmd_query, "run a read-only SQL query on the published warehouse")
    query.add_argument("sql", nargs="?", help="the SQL (or give --file)")
    query.add_argument("--file", metavar="FILE.sql", help="read the SQL from a file (- is stdin)")
    query.add_argument(
        "--format",
        choices=("table", "csv", "json", "markdown"),
        default="table",
        help="output format (default table)",
    )
    query.add_argument(
        "--limit",
        type=int,
        help="rows to print; 0 prints every row (default: 50 for table, all for the others)",
    )
    query.add_argument("--all", action="store_true", help="print every row, nothing truncated")
    query.add_argument(
        "--timeout",
        metavar="SECONDS",
        help="stop the query after this long (default 60 or NEWSCLAIMS_QUERY_TIMEOUT)",
    )
    query.add_argument(
        "--memory-limit",
        metavar="SIZE",
        help="stop the query past this memory, e.g. 2GB (default 2GB or NEWSCLAIMS_QUERY_MEMORY)",
    )
    checks = add("checks", cmd_checks, "show the latest run's check results")
    checks.add_argument("--failed", action="store_true", help="only failed checks")
    export = add("export", cmd_export, "export curated tables as Parquet for BI tools")
    export.add_argument("--parquet", required=True, metavar="DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    from flows.settings import SettingsError

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except SettingsError as exc:
        print(f"newsclaims: invalid setting: {exc}", file=sys.stderr)
        return 4


if __name__ == "__main__":
    sys.exit(main())
