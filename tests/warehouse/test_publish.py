"""warehouse/publish.py: an atomic swap into place, or a rejected build set aside."""

from __future__ import annotations

import hashlib

import duckdb
import pytest

from tests.warehouse.rows import article, insert, new_build
from warehouse import publish, store


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_with(tmp_path, name: str, article_ids: list[str]):
    build = new_build(tmp_path, name)
    with store.connect(build) as con:
        insert(con, "articles", [article(aid, "Some prose here.") for aid in article_ids])
    return build


def test_publish_renames_the_build_over_the_published_file(tmp_path):
    published = tmp_path / "newsclaims.duckdb"
    publish.publish(build_with(tmp_path, "newsclaims-1.build", ["a1"]), published)
    # A reader of the old file keeps reading it while the next build replaces it.
    with duckdb.connect(str(published), read_only=True) as reader:
        build = build_with(tmp_path, "newsclaims-2.build", ["a1", "a2"])
        publish.publish(build, published)
        assert reader.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]
    assert not build.exists()
    assert store.loaded_articles(published)["article_id"].sort().to_list() == ["a1", "a2"]


def test_publish_refuses_a_build_with_a_write_ahead_log(tmp_path):
    build = build_with(tmp_path, "newsclaims-1.build", ["a1"])
    build.with_name(build.name + ".wal").write_bytes(b"")
    with pytest.raises(RuntimeError, match="write-ahead log"):
        publish.publish(build, tmp_path / "newsclaims.duckdb")
    assert build.exists()
    assert not (tmp_path / "newsclaims.duckdb").exists()


def test_a_rejected_build_leaves_the_published_file_untouched(tmp_path):
    published = tmp_path / "newsclaims.duckdb"
    publish.publish(build_with(tmp_path, "newsclaims-1.build", ["a1"]), published)
    before = digest(published)
    store.start_build(published, tmp_path / "newsclaims-2.build")
    with store.connect(tmp_path / "newsclaims-2.build") as con:
        store.delete_articles(con, ["a1"])
    target = publish.reject(tmp_path / "newsclaims-2.build", tmp_path / "rejected", "run2")
    assert target == tmp_path / "rejected" / "newsclaims-run2.duckdb"
    assert target.exists()
    assert not (tmp_path / "newsclaims-2.build").exists()
    assert digest(published) == before


def test_reject_keeps_the_last_three(tmp_path):
    rejected = tmp_path / "rejected"
    for n in range(5):
        build = tmp_path / f"newsclaims-{n}.build"
        build.write_bytes(b"x")
        publish.reject(build, rejected, f"2024010{n}")
    kept = sorted(p.name for p in rejected.iterdir())
    assert len(kept) == publish.KEEP_REJECTED == 3
    assert kept == [f"newsclaims-2024010{n}.duckdb" for n in (2, 3, 4)]
