"""Link spans (mentions, claims) to the sentence that contains them, by offsets."""

from __future__ import annotations

import warnings

import polars as pl

# The sentence columns assign_sentences reads: a caller need not read the sentences' texts.
SENTENCE_BOUNDS = ("article_id", "sentence_id", "start_char", "end_char")


def assign_sentences(spans: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Add `sentence_id` to `spans` (article_id, start_char): the sentence whose range holds it.

    An as-of join on start offsets per article: the sentence starting at or before the span,
    kept only if the span starts before that sentence ends (else NULL: the span sits in the
    whitespace between sentences, which a segmenter should never produce).
    """
    if "sentence_id" in spans.columns:
        spans = spans.drop("sentence_id")
    if spans.height == 0:
        return spans.with_columns(pl.lit(None, dtype=pl.String).alias("sentence_id"))
    bounds = sentences.select(
        "article_id",
        "sentence_id",
        pl.col("start_char").alias("_s_start"),
        pl.col("end_char").alias("_s_end"),
    ).sort("_s_start")
    order = spans.with_row_index("_row").sort("start_char")
    with warnings.catch_warnings():
        # Both sides are sorted above; polars cannot verify sortedness within `by` groups.
        warnings.simplefilter("ignore", UserWarning)
        joined = order.join_asof(
            bounds,
            left_on="start_char",
            right_on="_s_start",
            by="article_id",
            strategy="backward",
        )
    return (
        joined.with_columns(
            pl.when(pl.col("start_char") < pl.col("_s_end"))
            .then(pl.col("sentence_id"))
            .otherwise(None)
            .alias("sentence_id")
        )
        .sort("_row")
        .drop("_row", "_s_start", "_s_end")
    )
