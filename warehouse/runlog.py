"""The run log: one JSON line per run, kept beside the published file.

A blocked run must not touch the published warehouse, yet `runs` must record every run. So
each run appends its record here, and each publish copies the whole log into `runs`.
"""

from __future__ import annotations

import json
import os
import warnings
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import polars as pl

from transforms.contract.schema import columns

# The columns of the `runs` table (schema.sql), which each publish fills from this log.
RUN_SCHEMA = columns("runs")


class TornRunLogLine(UserWarning):
    """A line of the run log that is not a JSON record (a run killed mid-write)."""


def _ends_mid_line(handle: BinaryIO) -> bool:
    """Whether the open log's last byte is not a newline (a write cut short by a kill)."""
    size = handle.seek(0, os.SEEK_END)
    if size == 0:
        return False
    handle.seek(size - 1)
    return handle.read(1) != b"\n"


def append_run(log: Path, record: dict) -> None:
    """Append one run record (datetimes as ISO strings) as one line of its own.

    A killed run can leave a last line without its newline; the record then starts on a new
    line, so it is never glued onto the torn one (which `read_runs` skips).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    line = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in record.items()}
    data = (json.dumps(line) + "\n").encode("utf-8")
    with open(log, "a+b") as handle:
        if _ends_mid_line(handle):
            data = b"\n" + data
        # One write of the whole line (O_APPEND): a kill leaves at most this line torn.
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _record(line: str) -> dict | None:
    """One log line as a run record (times parsed), or None when it is not one."""
    try:
        row = json.loads(line)
        if not isinstance(row, dict) or not row.get("run_id"):
            return None
        for key in ("started_at", "finished_at"):
            if row.get(key):
                row[key] = datetime.fromisoformat(row[key])
    except (json.JSONDecodeError, TypeError, ValueError):
        return None
    return row


def _parsed_lines(log: Path) -> list[dict]:
    """The JSON records of the log; a torn or unparseable line is skipped with a warning."""
    rows = []
    text = log.read_bytes().decode("utf-8", errors="replace")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        row = _record(line)
        if row is None:
            warnings.warn(
                f"{log}:{number}: skipped a line that is not a run record "
                "(a run killed mid-write); the other runs are kept",
                TornRunLogLine,
                stacklevel=3,
            )
            continue
        rows.append(row)
    return rows


def read_runs(log: Path) -> pl.DataFrame:
    """Every recorded run as a frame with RUN_SCHEMA; torn lines are skipped with a warning."""
    rows = _parsed_lines(log) if log.exists() else []
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
