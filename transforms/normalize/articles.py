"""Normalize decoded files into articles (metadata + prose body) and the parts they came from."""

from __future__ import annotations

import polars as pl

from transforms.contract.schema import columns
from transforms.ingest.files import quarantine_articles_without_prose
from transforms.normalize.split import split_article
from transforms.text.ids import stable_id

# Columns a later stage fills: the path (from ingest's file list) and the event (reconcile).
ARTICLE_COLUMNS = columns("articles", without=("path", "event_id"))
PART_COLUMNS = columns("article_parts")


def _article_row(file_id: str, text: str | None) -> tuple[dict, list[dict]]:
    article = split_article(text or "")
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
        "body": body,
        "word_count": len(body.split()),
    }
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


def normalize_articles(files: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Articles and their parts from decoded files (columns file_id, path, text).

    Returns (articles, article_parts) with the contract's columns (ARTICLE_COLUMNS,
    PART_COLUMNS); one article per input row, in input order. Never drops a row: a file with
    no prose gets an empty body (word_count 0) so the ingest rules can quarantine it.
    """
    article_rows: list[dict] = []
    part_rows: list[dict] = []
    for file_id, text in zip(files["file_id"].to_list(), files["text"].to_list(), strict=True):
        row, parts = _article_row(file_id, text)
        article_rows.append(row)
        part_rows.extend(parts)
    return (
        pl.DataFrame(article_rows, schema=ARTICLE_COLUMNS),
        pl.DataFrame(part_rows, schema=PART_COLUMNS),
    )


def prepare_articles(
    raw_files: pl.DataFrame, new_files: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(raw_files, articles, parts) of a run's new files: normalized, with each article's
    path, and files whose body came out empty quarantined as `no article prose`."""
    articles, parts = normalize_articles(new_files)
    articles = articles.join(
        new_files.select("file_id", "path"), on="file_id", how="left", maintain_order="left"
    )
    return quarantine_articles_without_prose(raw_files, articles, parts)
