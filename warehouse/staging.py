"""Parsed rows staged as Parquet between the parse and the build, one folder per batch.

Each parse batch (in this process, in a parse process, or on a Dask worker) writes its
sentences, mentions and claims here as soon as they are read, and the build loads them with
DuckDB's `read_parquet`, never through Python frames: no process holds a whole run's rows
(issue 14: at 10x the BBC corpus the flow's process held every batch's frames until the
build was written). The folder is removed once the build has them, or when the run fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # transforms.bodies imports spaCy, which loading staged rows never needs
    from transforms.bodies import BodyRows

# A staged frame's file name (a BodyRows field) and the build table its rows go to.
TABLES = {"sentences": "sentences", "mentions": "entity_mentions", "claims": "numeric_claims"}


def write_batch(rows: BodyRows, folder: Path) -> dict[str, int]:
    """Write one batch's rows as Parquet under `folder` (created); their counts by table."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, table in TABLES.items():
        frame = getattr(rows, name)
        frame.write_parquet(folder / f"{name}.parquet")
        counts[table] = frame.height
    return counts


def load_batches(con: duckdb.DuckDBPyConnection, folders: list[Path]) -> dict[str, int]:
    """Insert the staged rows of `folders` into their tables, batch by batch in the order
    given (a run's rows keep the article order of a one-process parse); counts by table.
    Every file is looked for first, so a batch missing one inserts nothing."""
    files = [(f / f"{name}.parquet", table) for f in folders for name, table in TABLES.items()]
    for path, _ in files:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: a staged batch lacks its {path.stem}")
    counts = dict.fromkeys(TABLES.values(), 0)
    for path, table in files:
        inserted = con.execute(
            f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)", [str(path)]
        ).fetchone()
        counts[table] += inserted[0]  # DuckDB's INSERT answers with its row count
    return counts
