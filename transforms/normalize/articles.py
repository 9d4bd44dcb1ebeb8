"""Normalize decoded files into articles (metadata + prose body) and the parts they came from.

A web page (`transforms.normalize.html`) is first reduced to its article text, which then goes
through the same split; its metadata comes from the page, and one `header` part records the
extraction.
"""

from __future__ import annotations

import polars as pl

from transforms.contract.schema import columns
from transforms.ingest.files import quarantine_articles
from transforms.ingest.manifest import ENTRY_SCHEMA
from transforms.normalize import html
from transforms.normalize.parts import Article, Part
from transforms.normalize.prose import not_prose_reason
from transforms.normalize.provenance import text_sources, with_manifest
from transforms.normalize.split import split_article
from transforms.text.ids import stable_id

# Columns a later stage fills: the path (from ingest's file list) and the event (reconcile).
ARTICLE_COLUMNS = columns("articles", without=("path", "event_id"))
PART_COLUMNS = columns("article_parts")
NO_PROSE = "no article prose (only title, captions or boilerplate)"


def _split_file(text: str, path: str | None) -> tuple[Article, set[str]]:
    """The article of one decoded file, and the metadata fields a web page's markup gave; a
    web page is split from its extracted text, and its own metadata wins over what the split
    read from that text."""
    if not html.is_html(text, path):
        return split_article(text), set()
    page = html.extract_html(text)
    article = split_article(page.text)
    article.parts.insert(0, Part("header", html.EXTRACTION_NOTE, 0, 0, block=-1))
    given = {
        "title": page.title,
        "authors": page.authors,
        "published_date": page.published_date,
        "outlet": page.outlet,
    }
    article.title = page.title or article.title
    article.authors = page.authors or article.authors
    article.published_date = page.published_date or article.published_date
    if page.outlet is not None:
        same = article.outlet is not None and article.outlet.casefold() == page.outlet.casefold()
        article.original_outlet = article.original_outlet or (None if same else article.outlet)
        article.outlet = page.outlet
    return article, {field for field, value in given.items() if value}


def _article_row(
    file_id: str, text: str | None, path: str | None, entry: dict | None = None
) -> tuple[dict, list[dict]]:
    article, from_html = _split_file(text or "", path)
    article_id = stable_id("art", file_id)
    body = article.body
    row = {
        "article_id": article_id,
        "file_id": file_id,
        "outlet": article.outlet,
        "original_outlet": article.original_outlet,
        "title": article.title,
        "authors": article.authors,
        "published_date": article.published_date,
        "dateline": article.dateline,
        "url": article.url,
        "body": body,
        "word_count": len(body.split()),
    }
    row["metadata_sources"] = text_sources(row, article, from_html)
    row = with_manifest(row, entry)
    parts = [
        {
            "part_id": stable_id("prt", article_id, position),
            "article_id": article_id,
            "position": position,
            "role": part.role,
            "text": part.text,
            "is_repeat": part.is_repeat,
        }
        for position, part in enumerate(article.parts)
    ]
    return row, parts


def normalize_articles(
    files: pl.DataFrame, manifest: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Articles and their parts from decoded files (columns file_id, path, text).

    Returns (articles, article_parts) with the contract's columns (ARTICLE_COLUMNS,
    PART_COLUMNS); one article per input row, in input order. Never drops a row: a file with
    no prose gets an empty body (word_count 0) so the ingest rules can quarantine it. A `path`
    column, when present, lets a .html/.htm name mark a web page, and finds the file's row of
    `manifest` (transforms.ingest.manifest.ENTRY_SCHEMA, keyed by the path as found), whose
    values win over the text's.
    """
    article_rows: list[dict] = []
    part_rows: list[dict] = []
    paths = files["path"].to_list() if "path" in files.columns else [None] * files.height
    manifest = manifest if manifest is not None else pl.DataFrame(schema=ENTRY_SCHEMA)
    entries = {row["path"]: row for row in manifest.iter_rows(named=True)}
    rows = zip(files["file_id"].to_list(), files["text"].to_list(), paths, strict=True)
    for file_id, text, path in rows:
        row, parts = _article_row(file_id, text, path, entries.get(path))
        article_rows.append(row)
        part_rows.extend(parts)
    return (
        pl.DataFrame(article_rows, schema=ARTICLE_COLUMNS),
        pl.DataFrame(part_rows, schema=PART_COLUMNS),
    )


def prepare_articles(
    raw_files: pl.DataFrame, new_files: pl.DataFrame, manifest: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(raw_files, articles, parts) of a run's new files: normalized (the manifest's values,
    keyed by path as found, over the text's), with each article's path; files whose body came
    out empty (`no article prose`, or `HTML page with no article text`) or is not prose
    (`not prose: ...`) quarantined."""
    articles, parts = normalize_articles(new_files, manifest)
    articles = articles.join(
        new_files.select("file_id", "path"), on="file_id", how="left", maintain_order="left"
    )
    return quarantine_articles(raw_files, articles, parts, quarantine_reasons(articles, parts))


def quarantine_reasons(articles: pl.DataFrame, parts: pl.DataFrame) -> dict[str, str]:
    """file_id -> why its article must not be parsed: an empty body, or one that is not prose."""
    pages = set(
        parts.filter((pl.col("role") == "header") & (pl.col("text") == html.EXTRACTION_NOTE))[
            "article_id"
        ]
    )
    reasons: dict[str, str] = {}
    for article_id, file_id, body, words in articles.select(
        "article_id", "file_id", "body", pl.col("word_count").fill_null(0)
    ).iter_rows():
        if words == 0:
            reasons[file_id] = html.NO_ARTICLE_TEXT if article_id in pages else NO_PROSE
        elif (reason := not_prose_reason(body)) is not None:
            reasons[file_id] = reason
    return reasons
