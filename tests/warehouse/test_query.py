"""warehouse/query.py: read-only access to the published file."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from tests.warehouse.rows import article, insert, new_build
from warehouse import store
from warehouse.query import (
    CURATED_TABLES,
    ENV_MEMORY,
    ENV_TIMEOUT,
    QueryLimitError,
    QueryLimits,
    QueryStopped,
    ReadOnlyViolation,
    export_parquet,
    limits_from,
    query,
    refresh_parquet,
    render,
)


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
        "SET memory_limit = '100GB'",
        "RESET lock_configuration",
        "PRAGMA memory_limit = '100GB'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "INSERT INTO articles (article_id) VALUES ('x')",
        "UPDATE articles SET outlet = 'x'",
        "CREATE TEMP TABLE t AS SELECT 1",
        "CREATE TABLE p AS PIVOT articles ON outlet USING count(*)",
        "COPY (PIVOT articles ON outlet USING count(*)) TO '/tmp/newsclaims-leak.csv'",
        "EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1",
        "EXPLAIN ANALYZE COPY articles TO '/tmp/newsclaims-leak.csv'",
        "/* a comment */ EXPLAIN ANALYZE (FORMAT json) INSERT INTO articles SELECT * FROM articles",
        "CALL pragma_version()",
        "CHECKPOINT",
        "BEGIN",
        "SELECT 1; SELECT 2; DETACH newsclaims",
        "   ;  ",
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


@pytest.mark.parametrize(
    ("sql", "rows"),
    [
        ("PIVOT articles ON outlet USING count(*) ORDER BY ALL", None),
        ("SELECT * FROM (PIVOT articles ON outlet USING count(*)) -- a comment", None),
        ("PIVOT (SELECT outlet FROM articles) ON outlet IN ('Reuters') USING count(*)", [(1,)]),
        ("UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v", [("a", 1), ("b", 2)]),
        ("EXPLAIN SELECT * FROM articles", None),
        ("EXPLAIN ANALYZE SELECT count(*) FROM articles", None),
        ("EXPLAIN (FORMAT json) PIVOT articles ON outlet USING count(*)", None),
        ("PRAGMA table_info('articles')", None),
        ("PRAGMA show_tables", None),
        ("DESCRIBE articles", None),
        ("SUMMARIZE articles", None),
        ("SHOW TABLES", None),
        ("FROM articles SELECT count(*)", [(2,)]),
        ("WITH a AS (SELECT 1 AS x) SELECT x FROM a", [(1,)]),
        ("SELECT 1; SELECT count(*) FROM articles;", [(2,)]),
    ],
)
def test_reads_run_as_duckdb_parses_them(published, sql, rows):
    frame = query(published, sql)
    assert frame.width > 0
    if rows is not None:
        assert frame.rows() == rows


def test_a_pivot_spreads_the_outlets_into_columns(published):
    frame = query(published, "PIVOT articles ON outlet USING count(*) GROUP BY event_id")
    assert "Reuters" in frame.columns


def test_a_writing_cte_fails_on_the_read_only_file(published):
    # DuckDB parses WITH x AS (INSERT ...) as a SELECT; the read-only connection stops it.
    with pytest.raises(duckdb.Error, match="read-only"):
        query(
            published,
            "WITH x AS (INSERT INTO articles (article_id) VALUES ('x') RETURNING *) "
            "SELECT * FROM x",
        )
    assert query(published, "SELECT count(*) AS n FROM articles")["n"].to_list() == [2]


def test_a_long_query_is_stopped_at_the_time_limit(published):
    with pytest.raises(QueryStopped, match=rf"query stopped after 1 s \({ENV_TIMEOUT}\)"):
        query(published, "select count(*) from range(1e12::BIGINT)", QueryLimits(timeout=1))


def test_a_hungry_query_is_stopped_at_the_memory_limit(published):
    hungry = "SELECT * FROM range(20000000) ORDER BY hash(range)"
    with pytest.raises(QueryStopped, match=rf"more than 64MB of memory \({ENV_MEMORY}\)"):
        query(published, hungry, QueryLimits(memory="64MB"))


def test_the_limits_are_set_and_locked(published):
    frame = query(
        published,
        "SELECT current_setting('memory_limit') AS m, current_setting('lock_configuration') AS l",
        QueryLimits(memory="300MB"),
    )
    assert frame.row(0)[1] is True
    assert frame.row(0)[0].startswith("286")  # 300 MB in MiB, as DuckDB prints it


def test_limits_come_from_flags_then_environment_then_defaults():
    assert limits_from({}) == QueryLimits(timeout=60, memory="2GB")
    env = {ENV_TIMEOUT: "5", ENV_MEMORY: "512mb"}
    assert limits_from(env) == QueryLimits(timeout=5, memory="512MB")
    assert limits_from(env, timeout="2.5", memory="1GiB") == QueryLimits(2.5, "1GiB")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({ENV_TIMEOUT: "abc"}, ENV_TIMEOUT),
        ({ENV_TIMEOUT: "0"}, ENV_TIMEOUT),
        ({ENV_TIMEOUT: "-3"}, ENV_TIMEOUT),
        ({ENV_TIMEOUT: "nan"}, ENV_TIMEOUT),
        ({ENV_TIMEOUT: "inf"}, ENV_TIMEOUT),
        ({ENV_MEMORY: "2"}, ENV_MEMORY),
        ({ENV_MEMORY: "lots"}, ENV_MEMORY),
        ({ENV_MEMORY: "0GB"}, ENV_MEMORY),
        ({ENV_MEMORY: "2GB; SET x=1"}, ENV_MEMORY),
    ],
)
def test_a_bad_limit_names_its_variable(env, named):
    with pytest.raises(QueryLimitError, match=named):
        limits_from(env)


@pytest.mark.parametrize("kind", ["random bytes", "foreign"])
def test_a_corrupt_or_foreign_file_is_one_clear_error(tmp_path, kind):
    path = tmp_path / "newsclaims.duckdb"
    if kind == "random bytes":
        path.write_bytes(bytes(range(256)) * 64)
    else:
        with duckdb.connect(str(path)) as con:
            con.execute("CREATE TABLE invoices AS SELECT 1 AS id")
    for call in (lambda: query(path, "SELECT 1"), lambda: export_parquet(path, tmp_path / "o")):
        with pytest.raises(store.WarehouseUnreadable, match="move it aside"):
            call()


FRAME = pl.DataFrame(
    {"outlet": ["Reuters", "A | B", None], "n": [1, 2, 3], "authors": [["x"], [], None]}
)


def test_render_formats():
    assert render(FRAME, "csv").splitlines() == [
        "outlet,n,authors",
        'Reuters,1,"[""x""]"',
        "A | B,2,[]",
        ",3,null",
    ]
    assert render(FRAME, "json").startswith('[{"outlet":"Reuters","n":1,"authors":["x"]}')
    assert render(FRAME, "markdown").splitlines() == [
        "| outlet | n | authors |",
        "| --- | --- | --- |",
        "| Reuters | 1 | ['x'] |",
        "| A \\| B | 2 | [] |",
        "|  | 3 |  |",
    ]
    assert "Reuters" in render(FRAME, "table")


def test_render_limits_rows_and_zero_means_all():
    big = pl.DataFrame({"i": range(200), "s": ["w" * 300] * 200})
    assert len(render(big, "csv").splitlines()) == 201
    assert len(render(big, "csv", 10).splitlines()) == 11
    assert "…" in render(big, "table")
    full = render(big, "table", 0)
    assert "…" not in full and "w" * 300 in full
    assert all(f"│ {i} " in full for i in (0, 100, 199))


def test_a_missing_warehouse_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="newsclaims run"):
        query(tmp_path / "newsclaims.duckdb", "SELECT 1")


def test_export_parquet_writes_every_curated_table(published, tmp_path):
    written = export_parquet(published, tmp_path / "out")
    assert [p.stem for p in written] == list(CURATED_TABLES)
    assert pl.read_parquet(tmp_path / "out" / "articles.parquet").height == 2


def test_refresh_parquet_replaces_the_folder_whole(published, tmp_path):
    out = tmp_path / "parquet"
    out.mkdir()
    (out / "stale.parquet").write_bytes(b"from an older export")
    written = refresh_parquet(published, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert all(p.parent == out for p in written)
    assert pl.read_parquet(out / "articles.parquet").height == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".parquet")] == []


def test_a_failed_refresh_keeps_the_old_export(tmp_path):
    out = tmp_path / "parquet"
    out.mkdir()
    (out / "articles.parquet").write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        refresh_parquet(tmp_path / "absent.duckdb", out)
    assert (out / "articles.parquet").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["parquet"]
