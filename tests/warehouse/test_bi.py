"""BI access the way Superset- and Metabase-style tools do it: SQLAlchemy with duckdb-engine,
read-only, reflection with comments, pandas.read_sql; and the Parquet mirror of each publish.

duckdb-engine 0.17 needs SQLAlchemy 2.0: with 2.1, get_columns fails (pg_catalog.pg_collation
is missing), hence the dev pin in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from tests.conftest import SEEDS
from transforms.contract.schema import tables
from warehouse import publish
from warehouse.query import CURATED_TABLES, PARQUET_DIR

VIEWS = {"article_outlets", "claim_comparison", "outlet_mentions", "raw_files_latest"}


def engine_for(path: Path, **options) -> Engine:
    """The engine a BI tool configures: the file, opened read-only."""
    return create_engine(f"duckdb:///{path}", connect_args={"read_only": True}, **options)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_harness) -> Path:
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    folder = tmp_path_factory.mktemp("bi")
    summary = newsclaims_flow(source=str(SEEDS), warehouse=str(folder), settings=Settings())
    assert summary.status == "published", summary.render()
    return folder


@pytest.fixture()
def engine(warehouse):
    engine = engine_for(warehouse / "newsclaims.duckdb")
    yield engine
    engine.dispose()  # DuckDB shares one instance per file in a process: release it


def test_reflection_lists_tables_views_and_column_comments(engine):
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) == set(tables())
    assert set(inspector.get_view_names()) >= VIEWS
    for name in (*tables(), *VIEWS):
        columns = inspector.get_columns(name)
        assert columns, name
        assert [c["name"] for c in columns if not (c.get("comment") or "").strip()] == [], name
    shown = {c["name"] for c in inspector.get_columns("claim_comparison")}
    assert {"event_label", "printed", "display_value", "outlet_key"} <= shown


def test_pandas_read_sql_gets_the_bodies_per_side_comparison(engine):
    frame = pd.read_sql(
        text(
            """SELECT outlet_key, event_label, printed, display_value, quotes
               FROM claim_comparison
               WHERE subject = 'body' AND per_side_value IS NOT NULL ORDER BY outlet_key"""
        ),
        engine,
    )
    assert len(frame) == 4
    assert set(frame["display_value"]) == {"6,000"}
    assert frame["event_label"].notna().all()
    assert "more than 6,000" in set(frame["printed"])
    # printed is the number, quotes the sentence around it
    assert all(len(q) > len(p) for p, q in zip(frame["printed"], frame["quotes"], strict=True))


def test_every_publish_mirrors_the_curated_tables_as_parquet(warehouse):
    folder = warehouse / PARQUET_DIR
    assert sorted(p.stem for p in folder.glob("*.parquet")) == sorted(CURATED_TABLES)
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        for name in CURATED_TABLES:
            rows = con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
            assert pl.read_parquet(folder / f"{name}.parquet").height == rows, name
    assert pl.read_parquet(folder / "claim_group_history.parquet").height > 0


def _publish_one_more_run(published: Path, run_id: str) -> None:
    """A publish as the flow does it: a changed copy renamed over the published file."""
    build = published.with_name(f"newsclaims-{run_id}.build")
    shutil.copyfile(published, build)
    with duckdb.connect(str(build)) as con:
        con.execute(
            "INSERT INTO runs (run_id, status, published) VALUES (?, 'published', true)", [run_id]
        )
    publish.publish(build, published)


def _runs(engine: Engine) -> int:
    with engine.connect() as con:
        return con.execute(text("SELECT count(*) FROM runs")).scalar_one()


def test_a_pooled_reader_sees_a_new_publish_only_once_the_pool_lets_go(warehouse, tmp_path):
    published = tmp_path / "newsclaims.duckdb"
    shutil.copyfile(warehouse / "newsclaims.duckdb", published)
    pooled = engine_for(published, pool_pre_ping=True)
    before = _runs(pooled)
    _publish_one_more_run(published, "second")
    # The pooled connection still reads the old file: its inode, not the path. The ping
    # succeeds on it, so pool_pre_ping does not help.
    assert _runs(pooled) == before
    pooled.dispose()
    assert _runs(pooled) == before + 1
    pooled.dispose()

    fresh = engine_for(published, poolclass=NullPool)  # a new connection per checkout
    assert _runs(fresh) == before + 1
    _publish_one_more_run(published, "third")
    assert _runs(fresh) == before + 2
