"""What one batch of parsed bodies yields: its sentences, entity mentions and numeric claims.

The parse is the cost of a run, and a spaCy Doc is large (about 0.5 MB for a BBC article), so
the flow parses bodies in small batches and turns each batch into rows at once; the batch's
Docs are then released. Peak memory follows the batch size, not the corpus size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
from spacy.tokens import Doc

from transforms.claims.extract import extract_claims
from transforms.entities.mentions import extract_mentions
from transforms.nlp.pipeline import parse
from transforms.nlp.sentences import split_sentences
from transforms.nlp.spans import assign_sentences


@dataclass(frozen=True)
class BodyRows:
    """The per-article rows the parse produces, each linked to its sentence."""

    sentences: pl.DataFrame
    mentions: pl.DataFrame
    claims: pl.DataFrame


class ArticleFailed(RuntimeError):
    """A rule raised on one article; the message names its file, so a run failure says which
    file it was working on."""


def _rows(articles: pl.DataFrame, docs: Sequence[Doc]) -> BodyRows:
    sentences = split_sentences(articles, docs)
    ids = articles["article_id"].to_list()
    return BodyRows(
        sentences,
        assign_sentences(extract_mentions(ids, docs), sentences),
        assign_sentences(extract_claims(ids, docs), sentences),
    )


def read_bodies(articles: pl.DataFrame, docs: Sequence[Doc]) -> BodyRows:
    """Rows of `articles` (article_id, body, path when known) given `docs[i]`, the parse of
    row i's body. When a rule raises, the batch is read again one article at a time to find
    the one it fails on, and ArticleFailed names that article's file."""
    try:
        return _rows(articles, docs)
    except Exception as batch_error:
        for index, row in enumerate(articles.iter_rows(named=True)):
            try:
                _rows(articles.slice(index, 1), docs[index : index + 1])
            except Exception as error:
                where = row.get("path") or row["article_id"]
                raise ArticleFailed(f"{where}: {type(error).__name__}: {error}") from error
        raise batch_error


def parse_rows(articles: pl.DataFrame, model: str) -> BodyRows:
    """Parse the bodies of `articles` in this process and read them into rows at once: the
    unit of work of a parse process or a cluster worker. Only the rows leave it; Docs are
    large and do not pickle back faithfully. A spaCy failure names its file."""
    try:
        docs = list(parse(articles["body"].to_list(), model=model))
    except Exception as error:
        raise locate_parse_failure(articles, model, error) from error
    return read_bodies(articles, docs)


def locate_parse_failure(articles: pl.DataFrame, model: str, error: Exception) -> Exception:
    """The error to raise when spaCy itself failed while parsing a batch from `articles` on.

    spaCy's batched pipe says nothing of which text it failed on (and with several processes
    the error comes back from a worker), so the bodies are parsed again one at a time, in
    this process, until one fails: ArticleFailed then names its file. When none fails alone,
    the batch's error is returned with the files it spanned.
    """
    for row in articles.iter_rows(named=True):
        try:
            list(parse([row["body"]], model=model))
        except Exception as alone:
            where = row.get("path") or row["article_id"]
            return ArticleFailed(f"{where}: spaCy parse: {type(alone).__name__}: {alone}")
    first, last = (articles[0, "path"], articles[-1, "path"]) if articles.height else ("", "")
    return ArticleFailed(
        f"spaCy parse failed in the batch from {first} to {last} "
        f"(no file fails alone): {type(error).__name__}: {error}"
    )
