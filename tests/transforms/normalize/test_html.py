"""HTML input: a saved page is recognised, reduced to its article text by trafilatura, and its
metadata taken from the page; a page with no article text is named as such."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from transforms.normalize import html
from transforms.normalize.articles import normalize_articles, prepare_articles

BODY_1 = (
    "Negotiators said on Tuesday that 40 delegates from 12 countries would meet in Geneva to "
    "discuss the grain corridor, the foreign ministry said."
)
BODY_2 = (
    "The talks, the first since March, are expected to last three days, officials said. About "
    "200 journalists have registered to cover them."
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Ceasefire talks resume in Geneva | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-06-03T10:00:00Z">
<script>var tracking = {{"id": 12345, "ads": [1, 2, 3]}};</script></head>
<body><header><nav class="nav"><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<article><h1>Ceasefire talks resume in Geneva</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p>
</article>
<aside><h2>Most read</h2><ol><li>1 Storm hits coast</li><li>2 Prices rise 5%</li></ol></aside>
<footer>Copyright 2025 The Daily Planet</footer></body></html>
"""
EMPTY_PAGE = """<!DOCTYPE html><html><head><title>Daily Planet</title></head><body>
<div class="cookie">We use cookies to improve your experience. Accept all cookies</div>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><script>var a = 1;</script>
</body></html>"""


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (PAGE, "page.txt"),
        (PAGE, None),
        ("  <html><body><p>Kyiv said.</p></body></html>", "page.txt"),
        ("Plain words, no markup at all.", "page.html"),
        ("Plain words.", "PAGE.HTM"),
        # A fragment saved from <header> on (issue 15's example), no doctype.
        ('<header><nav class="nav"><a href="/">Home</a></nav></header><p>Kyiv said.</p>', None),
    ],
)
def test_pages_are_recognised(text: str, path: str | None) -> None:
    assert html.is_html(text, path)


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv said the <b> key was pressed.",
        "A plain article.\n\nIt says 3 < 4 and 5 > 2, as prose does.",
        "",
    ],
)
def test_prose_is_not_html(text: str) -> None:
    assert not html.is_html(text, "article.txt")


def test_extraction_keeps_the_article_and_drops_the_page_furniture() -> None:
    page = html.extract_html(PAGE)
    assert BODY_1 in page.text and BODY_2 in page.text
    for furniture in ("cookies", "Most read", "tracking", "Home", "Copyright"):
        assert furniture not in page.text
    assert page.title == "Ceasefire talks resume in Geneva"
    assert page.authors == ["Jane Doe"]
    assert page.published_date == dt.date(2025, 6, 3)
    assert page.outlet == "The Daily Planet"


def test_a_page_without_an_article_has_no_body() -> None:
    # trafilatura may fall back to the nav links ("Home World"); they are no body prose.
    articles, _ = normalize_articles(
        pl.DataFrame({"file_id": ["e"], "path": ["empty.html"], "text": [EMPTY_PAGE]})
    )
    assert articles.select("body", "word_count").rows() == [("", 0)]


def test_normalize_splits_the_extracted_text_and_records_the_extraction() -> None:
    articles, parts = normalize_articles(
        pl.DataFrame({"file_id": ["f"], "path": ["page.txt"], "text": [PAGE]})
    )
    row = articles.row(0, named=True)
    assert row["body"] == f"{BODY_1}\n\n{BODY_2}"
    assert (row["title"], row["outlet"], row["authors"], row["published_date"]) == (
        "Ceasefire talks resume in Geneva",
        "The Daily Planet",
        ["Jane Doe"],
        dt.date(2025, 6, 3),
    )
    sources = row["metadata_sources"]
    assert [sources[k] for k in ("title", "outlet", "authors", "published_date", "url")] == [
        "html",
        "html",
        "html",
        "html",
        None,
    ]
    assert parts.select("position", "role", "text").rows() == [
        (0, "header", html.EXTRACTION_NOTE),
        (1, "title", "Ceasefire talks resume in Geneva"),
        (2, "body", BODY_1),
        (3, "body", BODY_2),
    ]
    assert html.EXTRACTION_NOTE.startswith("extracted from HTML by trafilatura 2.")


def test_prepare_quarantines_a_page_with_no_article_text() -> None:
    new_files = pl.DataFrame(
        {"file_id": ["p", "e"], "path": ["page.html", "empty.html"], "text": [PAGE, EMPTY_PAGE]}
    )
    raw_files = new_files.select(
        "file_id", "path", status=pl.lit("loaded"), reason=pl.lit(None, pl.String)
    )
    raw, articles, parts = prepare_articles(raw_files, new_files)
    assert articles["file_id"].to_list() == ["p"]
    assert raw.select("path", "status", "reason").rows() == [
        ("page.html", "loaded", None),
        ("empty.html", "quarantined", "HTML page with no article text"),
    ]
    assert set(parts["article_id"]) == set(articles["article_id"])
