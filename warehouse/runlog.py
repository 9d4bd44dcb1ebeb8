"""The run log: one JSON line per run, kept beside the published file.

A blocked run must not touch the published warehouse, yet `runs` must record every run. So
each run appends its record here, and each publish copies the whole log into `runs`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import polars as pl

from transforms.contract.schema import columns

# The columns of the `runs` table (schema.sql), which each publish fills from this log.
RUN_SCHEMA = columns("runs")


def append_run(log: Path, record: dict) -> None:
    """Append one run record (datetimes as ISO strings)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    line = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in record.items()}
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def read_runs(log: Path) -> pl.DataFrame:
    """Every recorded run as a frame with RUN_SCHEMA; unreadable lines are skipped."""
    rows = []
    if log.exists():
        for line in log.read_text(encoding="utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line cut by a crash mid-write; the rest of the log is intact
    for row in rows:
        for key in ("started_at", "finished_at"):
            if row.get(key):
                row[key] = datetime.fromisoformat(row[key])
    if not rows:
        return pl.DataFrame(schema=RUN_SCHEMA)
    # A run id appears once: the last record of a run wins (e.g. one that failed after logging).
    frame = pl.DataFrame(rows, schema=RUN_SCHEMA)
    return frame.unique("run_id", keep="last", maintain_order=True)


def with_run(runs: pl.DataFrame, record: dict) -> pl.DataFrame:
    """`runs` plus (or with the row replaced by) the run described by `record`."""
    row = pl.DataFrame([record], schema=RUN_SCHEMA)
    return pl.concat([runs.filter(pl.col("run_id") != record["run_id"]), row])


def write_checks(checks_dir: Path, run_id: str, results: pl.DataFrame) -> Path:
    """Keep one run's check results as Parquet (blocked runs' results survive this way)."""
    checks_dir.mkdir(parents=True, exist_ok=True)
    target = checks_dir / f"{run_id}.parquet"
    results.write_parquet(target)
    return target


def read_checks(checks_dir: Path, *, latest_only: bool = False) -> pl.DataFrame:
    """Check results of every run (or of the latest run) kept under `checks_dir`."""
    files = sorted(checks_dir.glob("*.parquet")) if checks_dir.exists() else []
    if latest_only:
        files = files[-1:]
    if not files:
        return pl.DataFrame()
    return pl.concat([pl.read_parquet(f) for f in files], how="vertical_relaxed")
