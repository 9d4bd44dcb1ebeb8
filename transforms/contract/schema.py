"""Polars schemas of the warehouse tables, derived from warehouse/schema.sql.

schema.sql is the one declaration of every table and column (with its COMMENT, the data
dictionary BI users read). Python never repeats it: the file is executed once into an
in-memory DuckDB, the catalog is read back, and each DuckDB type is mapped to its polars
dtype. Executing the SQL with DuckDB itself, instead of parsing it by hand, means the schema
here is exactly the schema a build gets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import duckdb
import polars as pl

SCHEMA_SQL = Path(__file__).resolve().parents[2] / "warehouse" / "schema.sql"

# The DuckDB types schema.sql uses; a new type there fails loudly in `_dtype` until added.
_DTYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "BIGINT": pl.Int64(),
    "INTEGER": pl.Int32(),
    "DOUBLE": pl.Float64(),
    "BOOLEAN": pl.Boolean(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
}


def _dtype(duckdb_type: str) -> pl.DataType:
    struct = re.fullmatch(r"STRUCT\((.*)\)", duckdb_type)
    if struct:  # flat structs only: "STRUCT(outlet VARCHAR, title VARCHAR)"
        fields = (f.split(" ", 1) for f in struct.group(1).split(", "))
        return pl.Struct({name.strip('"'): _dtype(kind) for name, kind in fields})
    if duckdb_type.endswith("[]"):
        return pl.List(_dtype(duckdb_type[:-2]))
    try:
        return _DTYPES[duckdb_type]
    except KeyError:
        raise ValueError(f"schema.sql: no polars dtype for DuckDB type {duckdb_type}") from None


@lru_cache(maxsize=1)
def _catalog() -> dict[str, dict[str, pl.DataType]]:
    with duckdb.connect(":memory:") as con:
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE NOT internal ORDER BY table_name, column_index"
        ).fetchall()
    catalog: dict[str, dict[str, pl.DataType]] = {}
    for table, column, data_type in rows:
        catalog.setdefault(table, {})[column] = _dtype(data_type)
    return catalog


def tables() -> list[str]:
    """Every table schema.sql declares."""
    return list(_catalog())


def columns(table: str, *, without: tuple[str, ...] = ()) -> dict[str, pl.DataType]:
    """Column name -> polars dtype of `table`, in schema order, minus the columns `without`.

    `without` names the columns a later stage fills (a mention's entity_id is set by
    canonicalization, not by the NER pass); naming one the table lacks is an error.
    """
    try:
        schema = _catalog()[table]
    except KeyError:
        raise KeyError(f"schema.sql declares no table {table!r}") from None
    unknown = set(without) - set(schema)
    if unknown:
        raise KeyError(f"{table} has no column(s) {sorted(unknown)}")
    return {name: dtype for name, dtype in schema.items() if name not in without}


def empty(table: str, *, without: tuple[str, ...] = ()) -> pl.DataFrame:
    """A frame with no rows and the columns of `table`."""
    return pl.DataFrame(schema=columns(table, without=without))


def conform(frame: pl.DataFrame, table: str, *, without: tuple[str, ...] = ()) -> pl.DataFrame:
    """`frame` with exactly the columns of `table` (minus `without`), in order, cast to type.

    A missing column is an error naming it: a stage that forgets a column fails in its own
    test, not at the INSERT of a build.
    """
    schema = columns(table, without=without)
    missing = [name for name in schema if name not in frame.columns]
    if missing:
        raise ValueError(f"{table}: frame lacks column(s) {missing}")
    return frame.select([pl.col(name).cast(dtype) for name, dtype in schema.items()])
