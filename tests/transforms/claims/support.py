"""Helpers the claims tests share: read claims of a seed article or of one sentence."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from spacy.tokens import Doc

from transforms.claims.extract import extract_claims
from transforms.nlp.pipeline import parse

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def one(claims: pl.DataFrame, article: str, quote: str) -> dict:
    """The first claim of seed `article` whose quote is `quote` (in body order)."""
    rows = claims.filter((pl.col("article_id") == article) & (pl.col("quote") == quote))
    assert rows.height >= 1, f"no claim {quote!r} in seed {article}"
    return rows.row(0, named=True)


def claims_of(text: str) -> pl.DataFrame:
    return extract_claims(["t"], list(parse([text])))


def only(text: str, quote: str) -> dict:
    frame = claims_of(text).filter(pl.col("quote") == quote)
    assert frame.height == 1, f"{quote!r} not read once from {text!r}"
    return frame.row(0, named=True)


def token_at(doc: Doc, snippet: str, word: str | None = None) -> int:
    """Index of the token starting `word` (default: the snippet) inside `snippet` of the body."""
    at = doc.text.index(snippet) + (snippet.index(word) if word else 0)
    return next(t.i for t in doc if t.idx == at)
