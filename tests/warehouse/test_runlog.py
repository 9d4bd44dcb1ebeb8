"""warehouse/runlog.py: the JSON-lines run log and the per-run check results."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from transforms.contract.schema import columns
from warehouse.runlog import (
    RUN_SCHEMA,
    TornRunLogLine,
    append_run,
    read_checks,
    read_runs,
    with_run,
    write_checks,
)


def record(run_id: str, status: str = "published", **extra) -> dict:
    return {
        "run_id": run_id,
        "started_at": datetime(2025, 5, 16, 10, 0, 0),
        "finished_at": datetime(2025, 5, 16, 10, 0, 30),
        "status": status,
        "files_seen": 5,
        "published": status == "published",
        **extra,
    }


def test_run_schema_is_the_runs_table():
    assert columns("runs") == RUN_SCHEMA


def test_an_empty_or_missing_log_reads_as_no_runs(tmp_path):
    runs = read_runs(tmp_path / "runs.jsonl")
    assert runs.height == 0
    assert runs.schema == RUN_SCHEMA


def test_runs_round_trip_and_the_last_record_of_a_run_wins(tmp_path):
    log = tmp_path / "logs" / "runs.jsonl"
    append_run(log, record("r1", "blocked"))
    append_run(log, record("r2"))
    append_run(log, record("r1", "failed", message="crashed after logging"))
    with open(log, "a", encoding="utf-8") as handle:
        handle.write('{"run_id": "r3", "sta')  # a line cut by a crash mid-write
    with pytest.warns(TornRunLogLine):
        runs = read_runs(log)
    assert runs.schema == RUN_SCHEMA
    assert runs.select("run_id", "status").rows() == [("r2", "published"), ("r1", "failed")]
    assert runs["started_at"][0] == datetime(2025, 5, 16, 10, 0, 0)
    assert runs["files_loaded"].to_list() == [None, None]


def test_a_record_after_a_torn_line_starts_a_line_of_its_own(tmp_path):
    log = tmp_path / "runs.jsonl"
    append_run(log, record("r1"))
    append_run(log, record("r2", "blocked"))
    with open(log, "a", encoding="utf-8") as handle:
        handle.write('{"run_id": "r3", "status": "runn')  # killed mid-write: no newline
    append_run(log, record("r4"))
    lines = log.read_text(encoding="utf-8").split("\n")
    assert lines[2] == '{"run_id": "r3", "status": "runn'
    assert lines[3].startswith('{"run_id": "r4"') and lines[4] == ""
    with pytest.warns(TornRunLogLine, match=r"runs\.jsonl:3: skipped"):
        runs = read_runs(log)
    assert runs.select("run_id", "status").rows() == [
        ("r1", "published"),
        ("r2", "blocked"),
        ("r4", "published"),
    ]


@pytest.mark.parametrize(
    "junk",
    ["not json at all", "[1, 2]", '{"status": "no run id"}', '{"run_id": "x", "started_at": "?"}'],
)
def test_a_line_that_is_no_run_record_is_skipped_with_a_warning(tmp_path, junk):
    log = tmp_path / "runs.jsonl"
    append_run(log, record("r1"))
    log.write_text(log.read_text(encoding="utf-8") + junk + "\n", encoding="utf-8")
    append_run(log, record("r2"))
    with pytest.warns(TornRunLogLine, match=":2: skipped"):
        assert read_runs(log)["run_id"].to_list() == ["r1", "r2"]


def test_appending_to_a_log_that_ends_cleanly_adds_no_blank_line(tmp_path):
    log = tmp_path / "runs.jsonl"
    append_run(log, record("r1"))
    append_run(log, record("r2"))
    assert log.read_text(encoding="utf-8").count("\n") == 2


def test_with_run_adds_or_replaces_a_row(tmp_path):
    runs = with_run(read_runs(tmp_path / "none.jsonl"), record("r1", "running"))
    runs = with_run(runs, record("r2"))
    runs = with_run(runs, record("r1"))
    assert runs.select("run_id", "status").rows() == [("r2", "published"), ("r1", "published")]


def test_check_results_are_kept_per_run(tmp_path):
    checks = tmp_path / "checks"
    assert read_checks(checks).height == 0
    for run_id, ok in (("r1", False), ("r2", True)):
        write_checks(checks, run_id, pl.DataFrame({"run_id": [run_id], "success": [ok]}))
    assert read_checks(checks)["run_id"].to_list() == ["r1", "r2"]
    assert read_checks(checks, latest_only=True)["run_id"].to_list() == ["r2"]
