"""warehouse/store.py: build files, writes by column name, per-article deletes, counts."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import duckdb
import polars as pl
import pytest

from tests.warehouse.rows import article, claim, insert, new_build
from transforms.contract.schema import columns, tables
from warehouse import store

BODY = "Both sides handed over 6,000 bodies. The exchange took place in Belarus."


def test_start_build_from_nothing_applies_schema_and_views(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        counts = store.row_counts(con)
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        assert list(store.table_columns(con, "runs")) == list(columns("runs"))
    assert sorted(counts) == sorted(tables())
    assert set(counts.values()) == {0}
    assert {"article_outlets", "claim_comparison", "outlet_mentions", "raw_files_latest"} <= views


def test_start_build_copies_the_published_file_and_leaves_it_alone(tmp_path):
    published = new_build(tmp_path, "newsclaims.duckdb")
    with store.connect(published) as con:
        insert(con, "articles", [article("a1", BODY)])
    before = published.read_bytes()
    build = tmp_path / "newsclaims-2.build"
    store.start_build(published, build)
    with store.connect(build) as con:
        insert(con, "articles", [article("a2", BODY)])
        assert store.row_counts(con)["articles"] == 2
    assert published.read_bytes() == before
    assert store.loaded_articles(published)["article_id"].to_list() == ["a1"]


def test_a_fresh_build_carries_over_only_the_file_history(tmp_path):
    published = new_build(tmp_path, "newsclaims.duckdb")
    with store.connect(published) as con:
        insert(con, "articles", [article("a1", BODY)])
        insert(con, "raw_files", [{"run_id": "r1", "path": "a1.txt", "status": "loaded"}])
    build = tmp_path / "newsclaims-2.build"
    store.start_build(published, build, fresh=True)
    with store.connect(build) as con:
        assert store.read_table(con, "raw_files")["path"].to_list() == ["a1.txt"]
        counts = store.row_counts(con)
    assert counts["articles"] == 0
    assert counts["raw_files"] == 1


def test_start_build_replaces_a_leftover_build(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        insert(con, "articles", [article("old", BODY)])
    store.start_build(tmp_path / "absent.duckdb", build)
    with store.connect(build) as con:
        assert store.row_counts(con)["articles"] == 0


def test_insert_rows_goes_by_name_and_refuses_unknown_columns(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        frame = pl.DataFrame(article("a1", BODY)).select("body", "article_id", "file_id")
        assert store.insert_rows(con, "articles", frame) == 1
        assert store.insert_rows(con, "articles", frame.clear()) == 0
        row = con.execute("SELECT article_id, body, outlet FROM articles").fetchall()[0]
        assert row == ("a1", BODY, None)
        with pytest.raises(Exception, match="nonsense"):
            store.insert_rows(con, "articles", frame.with_columns(nonsense=pl.lit(1)))


def test_replace_table_swaps_every_row(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        insert(con, "events", [{"event_id": "e1", "n_articles": 1}])
        assert store.replace_table(con, "events", pl.DataFrame({"event_id": ["e2", "e3"]})) == 2
        assert sorted(store.read_table(con, "events")["event_id"]) == ["e2", "e3"]


def test_update_columns_sets_only_the_given_columns_of_the_keyed_rows(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        insert(con, "articles", [article("a1", BODY), article("a2", "Other text.", event_id="e0")])
        values = pl.DataFrame({"article_id": ["a1"], "event_id": ["e7"]})
        assert store.update_columns(con, "articles", values, key="article_id") == 1
        rows = store.read_table(con, "articles", ["article_id", "event_id", "body"]).sort(
            "article_id"
        )
    assert rows.rows() == [("a1", "e7", BODY), ("a2", "e0", "Other text.")]


def test_every_build_connection_has_the_duckdb_memory_limit(tmp_path, monkeypatch):
    build = new_build(tmp_path)
    monkeypatch.setenv(store.MEMORY_LIMIT_ENV, "300MB")
    with store.connect(build) as con:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit in ("300.0 MB", "286.1 MiB")


def test_the_published_file_is_read_under_the_same_memory_limit(tmp_path, monkeypatch):
    # The publish's Parquet export and the report read every table of the published file.
    published = new_build(tmp_path, "newsclaims.duckdb")
    monkeypatch.setenv(store.MEMORY_LIMIT_ENV, "300MB")
    with store.open_published(published) as con:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit in ("300.0 MB", "286.1 MiB")


def test_delete_articles_drops_exactly_their_rows(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        insert(con, "articles", [article("a1", BODY), article("a2", BODY)])
        for aid in ("a1", "a2"):
            insert(con, "sentences", [sentence(f"s-{aid}", aid)])
            insert(con, "numeric_claims", [claim(f"c-{aid}", aid, BODY, "6,000", value=6000)])
        insert(con, "events", [{"event_id": "e1"}])
        store.delete_articles(con, ["a1"])
        store.delete_articles(con, [])
        for table in ("articles", "sentences", "numeric_claims"):
            assert store.read_table(con, table)["article_id"].to_list() == ["a2"], table
        assert store.row_counts(con)["events"] == 1  # corpus-level rows are not per article


def test_refresh_paths_moves_only_unchanged_articles(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        insert(con, "articles", [article("a1", BODY, path="old1.txt")])
        insert(con, "articles", [article("a2", BODY, path="old2.txt")])
        raw = pl.DataFrame(
            {
                "file_id": ["f-a1", "f-a2"],
                "path": ["moved/a1.txt", "moved/a2.txt"],
                "status": ["unchanged", "loaded"],
            }
        )
        store.refresh_paths(con, raw)
        store.refresh_paths(con, raw.filter(pl.col("status") == "loaded"))  # nothing to do
        paths = dict(con.execute("SELECT article_id, path FROM articles").fetchall())
    assert paths == {"a1": "moved/a1.txt", "a2": "old2.txt"}


def test_article_outlets_reads_the_outlet_key_column(tmp_path):
    build = new_build(tmp_path)
    with store.connect(build) as con:
        insert(con, "articles", [article("b", BODY), article("a", BODY, outlet="Reuters")])
        keys = con.sql("SELECT article_id, outlet_key FROM article_outlets ORDER BY 1").fetchall()
    assert keys == [("a", "Reuters"), ("b", "unnamed:b")]


def test_published_helpers(tmp_path):
    published = tmp_path / "newsclaims.duckdb"
    empty = store.loaded_articles(published)
    assert empty.height == 0
    assert empty.schema == {k: columns("articles")[k] for k in ("article_id", "file_id", "path")}
    assert store.published_fingerprint(published) is None
    new_build(tmp_path, published.name)
    with store.connect(published) as con:
        insert(con, "runs", [{"run_id": "r1", "published": True, "fingerprint": "abc"}])
    assert store.published_fingerprint(published) == "abc"
    assert store.published_row_counts(published)["runs"] == 1


def test_remove_stale_builds(tmp_path):
    stale = [tmp_path / "newsclaims-1.build", tmp_path / "newsclaims-1.build.wal"]
    keep = tmp_path / "newsclaims.duckdb"
    for path in (*stale, keep):
        path.write_bytes(b"")
    assert sorted(store.remove_stale_builds(tmp_path)) == sorted(stale)
    assert [p.name for p in tmp_path.iterdir()] == [keep.name]


def sentence(sentence_id: str, article_id: str) -> dict:
    return {
        "sentence_id": sentence_id,
        "article_id": article_id,
        "position": 0,
        "start_char": 0,
        "end_char": 36,
        "text": BODY[:36],
    }


# ------------------------------------------------------ a corrupt or foreign published file

PUBLISHED_READERS = (
    store.loaded_articles,
    store.published_fingerprint,
    store.published_row_counts,
)


def _bad_file(tmp_path, kind: str):
    path = tmp_path / "newsclaims.duckdb"
    if kind == "random bytes":
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        good = new_build(tmp_path, "good.duckdb")
        with store.connect(good) as con:
            insert(con, "articles", [article("a1", BODY)])
        path.write_bytes(good.read_bytes()[:8192])
    else:  # another application's DuckDB file
        with duckdb.connect(str(path)) as con:
            con.execute("CREATE TABLE invoices AS SELECT 1 AS id")
    return path


@pytest.mark.parametrize("kind", ["random bytes", "empty", "truncated", "foreign"])
@pytest.mark.parametrize("reader", PUBLISHED_READERS, ids=lambda f: f.__name__)
def test_a_corrupt_or_foreign_file_raises_one_clear_line(tmp_path, kind, reader):
    path = _bad_file(tmp_path, kind)
    with pytest.raises(store.WarehouseUnreadable) as caught:
        reader(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert message.endswith("move it aside; the next run rebuilds the warehouse from the sources")
    expected = "not a newsclaims warehouse" if kind == "foreign" else "is unreadable"
    assert expected in message


def test_a_lock_held_by_a_writer_is_not_called_damage(tmp_path):
    published = new_build(tmp_path, "newsclaims.duckdb")
    code = (
        f"import duckdb, time; con = duckdb.connect({str(published)!r}); "
        "print('held', flush=True); time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(duckdb.IOException, match="lock"):
            store.loaded_articles(published)
    finally:
        holder.kill()
        holder.wait()


def test_a_fresh_build_carries_over_the_claim_group_history(tmp_path):
    published = new_build(tmp_path, "newsclaims.duckdb")
    row = {"run_id": "r1", "group_id": "g1", "n_outlets": 2, "recorded_at": datetime(2026, 1, 1)}
    with store.connect(published) as con:
        insert(con, "claim_group_history", [row])
    build = tmp_path / "newsclaims-2.build"
    store.start_build(published, build, fresh=True)
    with store.connect(build) as con:
        frame = store.read_table(con, "claim_group_history")
    assert frame.select("run_id", "group_id", "n_outlets").rows() == [("r1", "g1", 2)]


def test_a_fresh_build_from_a_warehouse_without_history_starts_it_empty(tmp_path):
    published = new_build(tmp_path, "newsclaims.duckdb")
    with store.connect(published) as con:
        con.execute("DROP TABLE claim_group_history")
    build = tmp_path / "newsclaims-2.build"
    store.start_build(published, build, fresh=True)
    with store.connect(build) as con:
        assert store.row_counts(con)["claim_group_history"] == 0
