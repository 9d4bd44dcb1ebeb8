"""History across publishing runs: the state of every claim group, appended per run.

claim_groups is rebuilt by every run, so the only trace of how a consensus moved as new
reports arrived is this append-only table. It lives in the warehouse file itself: an
incremental build copies the published file (the rows stay) and a fresh rebuild carries the
table over (store.CARRIED_TABLES), so the history outlives both.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

HISTORY_TABLE = "claim_group_history"
_GROUP_COLUMNS = (
    "group_id, event_id, subject, kind, unit, scope, consensus_low, consensus_high, status, "
    "n_outlets, n_independent, n_claims"
)


def record_claim_groups(con: duckdb.DuckDBPyConnection, run_id: str, recorded_at: datetime) -> int:
    """Append the current state of every claim group under `run_id`; returns the rows added.

    Rows an earlier attempt of the same run left are replaced, so a retried publish does not
    count a run twice.
    """
    con.execute(f"DELETE FROM {HISTORY_TABLE} WHERE run_id = ?", [run_id])
    # An INSERT returns the number of rows it added.
    (added,) = con.execute(
        f"""INSERT INTO {HISTORY_TABLE} BY NAME
            SELECT ? AS run_id, {_GROUP_COLUMNS}, ?::TIMESTAMP AS recorded_at
            FROM claim_groups ORDER BY group_id""",
        [run_id, recorded_at],
    ).fetchall()[0]
    return added
