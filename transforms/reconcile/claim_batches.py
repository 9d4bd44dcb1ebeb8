"""What claim grouping reads besides the claims: the texts they are read in, and the batches
of whole events in which their working records are built (reconcile.groups).

Grouping compares claims only within an event, so the events can be taken a batch at a time:
the working record of every comparable claim at once (its row, context word sets, intervals)
was most of the reconcile stage's peak memory on a large warehouse (BBC rows x10: +700 MB).
"""

from __future__ import annotations

from collections import Counter

import polars as pl

# Claims whose records are built at once (whole events: one large event may exceed it). The
# groups do not depend on it.
BATCH_CLAIMS = 20_000


def event_batches(claims: pl.DataFrame, event_of: dict, size: int = BATCH_CLAIMS) -> pl.Series:
    """Each claim's batch number: whole events (by `event_of` of the claim's article, an
    article without an event counting as one event), taken in event_id order until a batch
    holds `size` claims."""
    events = [event_of.get(article) for article in claims["article_id"].to_list()]
    counts = Counter(events)
    batch_of: dict = {}
    batch, filled = 0, 0
    for event in sorted(counts, key=lambda e: (e is not None, e or "")):
        if filled and filled + counts[event] > size:
            batch, filled = batch + 1, 0
        batch_of[event] = batch
        filled += counts[event]
    return pl.Series("batch", [batch_of[e] for e in events], dtype=pl.Int64)


def contexts(sentences: pl.DataFrame, parts: pl.DataFrame | None) -> dict:
    """context id -> (offset of the text in what the claim offsets index, the text)."""
    found = {
        row[0]: (row[1], row[2])
        for row in sentences.select("sentence_id", "start_char", "text").iter_rows()
    }
    if parts is not None:  # a part claim's offsets index its part's text: it starts at 0
        found.update((pid, (0, text)) for pid, text in parts.select("part_id", "text").iter_rows())
    return found


def previous_sentences(sentences: pl.DataFrame, held: pl.DataFrame) -> dict[str, str]:
    """sentence_id -> the text of the sentence before it in its article (when known), for
    the sentences in `held` (a sentence_id column)."""
    if "article_id" not in sentences.columns:
        return {}
    ordered = sentences.sort("article_id", "start_char")
    previous = ordered.select(
        "sentence_id", pl.col("text").shift(1).over("article_id").alias("previous")
    ).join(held, on="sentence_id", how="semi")
    return {sid: text for sid, text in previous.iter_rows() if text is not None}
