"""Names printed only in photo captions: "head of Turkish Intelligence Ibrahim Kalin", "A
truck burning in the Irkutsk region" (seeds). A caption is an article part a reader sees
(`article_parts`, role caption), not body prose, so its mentions are kept with part_role
caption and offsets into the part's text; body offsets and sentences stay exact.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
from spacy.tokens import Doc

from transforms.contract.schema import conform
from transforms.entities.mentions import extract_mentions

# Filled by canonicalization.
_CANONICAL = ("mention_id", "entity_id")


def caption_parts(parts: pl.DataFrame) -> pl.DataFrame:
    """(part_id, article_id, text) of the captions of `parts` (article_parts rows), once
    each: a repeated caption (is_repeat) is the same text again."""
    return parts.filter((pl.col("role") == "caption") & ~pl.col("is_repeat")).select(
        "part_id", "article_id", "text"
    )


def caption_mentions(captions: pl.DataFrame, docs: Sequence[Doc]) -> pl.DataFrame:
    """The mention rows of the captions (`caption_parts` rows; `docs[i]` is the parse of
    row i's text): the entity_mentions columns but mention_id and entity_id, with
    part_role caption, part_id the caption's, offsets into its text and no sentence_id."""
    part_ids = captions["part_id"].to_list()
    found = extract_mentions(part_ids, docs)  # keyed by part_id, then given its article
    article_of = captions.select(
        pl.col("part_id").alias("article_id"), pl.col("article_id").alias("_a")
    )
    frame = found.join(article_of, on="article_id", how="left", maintain_order="left")
    frame = frame.with_columns(
        part_id=pl.col("article_id"),
        article_id=pl.col("_a"),
        part_role=pl.lit("caption"),
        sentence_id=pl.lit(None, pl.String),
    )
    return conform(frame, "entity_mentions", without=_CANONICAL)
