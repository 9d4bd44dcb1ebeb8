"""Shared by the grouping tests: one event's claims extracted and grouped by the transforms."""

from __future__ import annotations

import polars as pl

from transforms.claims.extract import extract_claims
from transforms.nlp.pipeline import parse
from transforms.nlp.sentences import split_sentences
from transforms.nlp.spans import assign_sentences
from transforms.reconcile.groups import group_claims


def group_event(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(claims with group_id, groups) of one event made of `articles` (article_id, body),
    each article its own outlet and no sentence a wire copy."""
    docs = list(parse(articles["body"].to_list()))
    sentences = split_sentences(articles, docs).with_columns(
        pl.lit(None, dtype=pl.String).alias("wire_group")
    )
    claims = assign_sentences(extract_claims(articles["article_id"].to_list(), docs), sentences)
    keyed = articles.select(
        "article_id", pl.lit("evt").alias("event_id"), pl.col("article_id").alias("outlet_key")
    )
    groups, per_claim = group_claims(claims, keyed, sentences, tolerance=0.01)
    claims = claims.drop("group_id", "subject_key", "compare_low", "compare_high", strict=False)
    return claims.join(per_claim, on="claim_id"), groups
