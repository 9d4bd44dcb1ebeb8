"""Ingest decisions on small frames: what a run drops, loads, and quarantines."""

from __future__ import annotations

import hashlib
from datetime import datetime

import polars as pl

from transforms.contract.schema import columns
from transforms.ingest.files import FoundFile, classify_files, paths_changed, plan_drops

PUBLISHED = pl.DataFrame(
    {"article_id": ["a1", "a2"], "file_id": ["f1", "f2"], "path": ["one.txt", "two.txt"]}
)


def raw(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["file_id", "path", "status"], orient="row")


def test_rebuild_drops_every_published_article():
    found = raw([("f1", "one.txt", "unchanged"), ("f2", "two.txt", "unchanged")])
    assert plan_drops(PUBLISHED, found, rebuild=True, removed_files="drop") == ["a1", "a2"]


def test_removed_file_is_dropped_under_drop_and_kept_under_keep():
    found = raw([("f1", "one.txt", "unchanged")])
    assert plan_drops(PUBLISHED, found, rebuild=False, removed_files="drop") == ["a2"]
    assert plan_drops(PUBLISHED, found, rebuild=False, removed_files="keep") == []


def test_changed_content_under_the_same_path_is_dropped_even_under_keep():
    found = raw([("f1", "one.txt", "unchanged"), ("f9", "two.txt", "loaded")])
    assert plan_drops(PUBLISHED, found, rebuild=False, removed_files="keep") == ["a2"]


def test_a_renamed_file_keeps_its_article_and_is_seen_as_moved():
    found = raw([("f1", "renamed.txt", "unchanged"), ("f2", "two.txt", "unchanged")])
    assert plan_drops(PUBLISHED, found, rebuild=False, removed_files="drop") == []
    assert paths_changed(PUBLISHED, found)


def test_classify_files_loads_new_content_and_skips_what_is_published():
    def found(path: str, data: bytes) -> FoundFile:
        return FoundFile(path, data, len(data), hashlib.sha256(data).hexdigest(), None)

    seed = b"Russia and Ukraine agreed to exchange prisoners, Umerov said.\n"
    first = classify_files(
        [found("a.txt", seed), found("b.txt", b"")],
        set(),
        run_id="r",
        max_bytes=1000,
        seen_at=datetime(2026, 12, 2),
    )
    raw_files, new_files = first
    assert dict(raw_files.schema) == columns("raw_files")
    assert raw_files.select("path", "status").rows() == [
        ("a.txt", "loaded"),
        ("b.txt", "quarantined"),
    ]
    assert new_files["text"].to_list() == [seed.decode()]
    published = set(raw_files["file_id"].drop_nulls())
    again, new_again = classify_files(
        [found("a.txt", seed)],
        published,
        run_id="r2",
        max_bytes=1000,
        seen_at=datetime(2026, 12, 2),
    )
    assert again["status"].to_list() == ["unchanged"] and new_again.height == 0


def test_quarantine_articles_names_each_file_and_leaves_a_duplicate_path_alone():
    from transforms.ingest.files import quarantine_articles

    raw_files = pl.DataFrame(
        {
            "file_id": ["f1", "f2", "f2", "f3"],
            "path": ["one.txt", "two.txt", "copy.txt", "three.txt"],
            "status": ["loaded", "loaded", "quarantined", "loaded"],
            "reason": [None, None, "duplicate of two.txt", None],
        }
    )
    articles = pl.DataFrame({"article_id": ["a1", "a2", "a3"], "file_id": ["f1", "f2", "f3"]})
    parts = pl.DataFrame({"article_id": ["a1", "a2", "a3"], "role": ["body"] * 3})
    raw, kept, kept_parts = quarantine_articles(
        raw_files, articles, parts, {"f2": "not prose: 97 % digits and symbols"}
    )
    assert raw.rows() == [
        ("f1", "one.txt", "loaded", None),
        ("f2", "two.txt", "quarantined", "not prose: 97 % digits and symbols"),
        ("f2", "copy.txt", "quarantined", "duplicate of two.txt"),
        ("f3", "three.txt", "loaded", None),
    ]
    assert kept["article_id"].to_list() == ["a1", "a3"]
    assert kept_parts["article_id"].to_list() == ["a1", "a3"]
