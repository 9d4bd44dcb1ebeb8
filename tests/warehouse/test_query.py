"""warehouse/query.py: read-only access to the published file."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from tests.warehouse.rows import article, insert, new_build
from warehouse import store
from warehouse.query import CURATED_TABLES, ReadOnlyViolation, export_parquet, query


@pytest.fixture()
def published(tmp_path):
    path = new_build(tmp_path, "newsclaims.duckdb")
    with store.connect(path) as con:
        insert(con, "articles", [article("a1", "Prose.", outlet="Reuters"), article("a2", "P.")])
    return path


def test_a_select_works(published):
    frame = query(published, "SELECT article_id, outlet_key FROM article_outlets ORDER BY 1")
    assert frame.rows() == [("a1", "Reuters"), ("a2", "unnamed:a2")]


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE articles",
        "DELETE FROM articles",
        "COPY articles TO '/tmp/newsclaims-leak.csv'",
        "ATTACH '/tmp/newsclaims-other.duckdb' AS other",
        "SELECT 1; DROP TABLE articles",
        "SET enable_external_access = true",
    ],
)
def test_writes_and_escapes_are_refused(published, sql):
    with pytest.raises(ReadOnlyViolation, match="refused"):
        query(published, sql)
    assert query(published, "SELECT count(*) AS n FROM articles")["n"].to_list() == [2]


@pytest.mark.parametrize(
    "sql", ["SELECT * FROM read_text('/etc/hostname')", "SELECT * FROM read_csv('/etc/passwd')"]
)
def test_file_functions_fail(published, sql):
    with pytest.raises(duckdb.PermissionException, match="disabled by configuration"):
        query(published, sql)


def test_a_missing_warehouse_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="newsclaims run"):
        query(tmp_path / "newsclaims.duckdb", "SELECT 1")


def test_export_parquet_writes_every_curated_table(published, tmp_path):
    written = export_parquet(published, tmp_path / "out")
    assert [p.stem for p in written] == list(CURATED_TABLES)
    assert pl.read_parquet(tmp_path / "out" / "articles.parquet").height == 2
