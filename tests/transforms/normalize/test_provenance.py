"""The manifest's values win over the text's, and each value's source is recorded."""

from __future__ import annotations

import datetime as dt

import polars as pl

from transforms.ingest.manifest import match_files, parse_manifest
from transforms.normalize.articles import normalize_articles

# Written for this test: a file that names its outlet (footer), title, date and authors.
TEXT = """\
Ceasefire talks resume in Geneva

date 2025-06-02

By Jane Doe and John Roe

Negotiators met again in Geneva on Monday to discuss a ceasefire, officials said.

Read the full report at TheHill.com
"""
PLAIN = "Negotiators met again in Geneva on Monday to discuss a ceasefire, officials said.\n"

MANIFEST = """\
{"path": "a.txt", "outlet": "Reuters", "published_date": "2025-06-03", "authors": ["Ann Lee"]}
{"path": "b.txt", "url": "https://example.org/b", "title": "Talks in Geneva"}
{"path": "gone.txt", "outlet": "Nobody"}
"""


def _articles(manifest: str | None) -> dict[str, dict]:
    files = pl.DataFrame(
        {"file_id": ["fa", "fb"], "path": ["/src/a.txt", "/src/b.txt"], "text": [TEXT, PLAIN]}
    )
    entries = None
    if manifest is not None:
        found = {"a.txt": "/src/a.txt", "b.txt": "/src/b.txt"}
        entries = match_files(parse_manifest(manifest, "manifest.jsonl"), found).entries
    articles, _ = normalize_articles(files, entries)
    return {row["file_id"]: row for row in articles.iter_rows(named=True)}


def test_without_a_manifest_values_come_from_the_text():
    a, b = _articles(None).values()
    assert (a["outlet"], a["published_date"], a["authors"]) == (
        "The Hill",
        dt.date(2025, 6, 2),
        ["Jane Doe", "John Roe"],
    )
    assert a["metadata_sources"] == {
        "outlet": "text",
        "original_outlet": None,
        "title": "text",
        "authors": "text",
        "published_date": "text",
        "dateline": None,
        "url": None,
    }
    assert b["outlet"] is None and b["outlet_key"] == f"unnamed:{b['article_id']}"


def test_manifest_values_win_and_their_source_is_recorded():
    rows = _articles(MANIFEST)
    a, b = rows["fa"], rows["fb"]
    assert (a["outlet"], a["outlet_key"], a["published_date"], a["authors"], a["title"]) == (
        "Reuters",
        "Reuters",
        dt.date(2025, 6, 3),
        ["Ann Lee"],
        "Ceasefire talks resume in Geneva",  # the manifest gives no title: the text's stays
    )
    sources = a["metadata_sources"]
    assert (sources["outlet"], sources["published_date"], sources["authors"]) == ("manifest",) * 3
    assert sources["title"] == "text"
    assert (b["url"], b["title"], b["outlet"]) == ("https://example.org/b", "Talks in Geneva", None)
    assert (b["metadata_sources"]["url"], b["metadata_sources"]["title"]) == ("manifest",) * 2
