"""Wire copy: sentences that different outlets of one event print verbatim or nearly so.

Agreement between two outlets that both ran the same agency paragraph is one source, not two.
Sentences are compared only within an event and only across outlets, on their folded keys,
with rapidfuzz's normalized Indel ratio (fuzz.ratio) through `process.cdist`, which does the
all-pairs comparison in C++ instead of a Python double loop, in row blocks (memory stays flat).
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl
from rapidfuzz import fuzz, process

from transforms.text.clusters import DisjointSet
from transforms.text.ids import stable_id

# Seeds: the AP sentence pair "Russian air defences/defenses downed 162 ..." scores 88.9;
# the closest pair of sentences of two articles that are not copies scores 68.4. Short
# sentences ("No casualties were reported.") are common phrasing, not evidence of copying.
MIN_RATIO = 80.0
MIN_WORDS = 8
# Rows of scores held at once. One cdist per event held n x n float32 scores: measured on the
# BBC corpus's tables (every article copied k times under distinct ids and outlets), the
# largest event has 2,618 candidate sentences at 1x (27 MB), 7,854 at 3x (247 MB; the call
# grew RSS by 277 MB) and 26,180 at 10x (2.7 GB). In blocks of 512 rows of the upper triangle
# it holds 512 x n (54 MB at 10x) and scores half the pairs: at 3x the call grew RSS by
# 115 MB (the frames themselves) and took 11.1 s against 17.8 s, with the same wire groups;
# at 10x, 134 s and +309 MB. The time is still quadratic in an event's sentences (28x the
# 1x time at 10x); the memory is not.
BLOCK_ROWS = 512


def similar_pairs(keys: list[str], block: int = BLOCK_ROWS) -> Iterator[tuple[int, int]]:
    """Every pair i < j of `keys` whose fuzz.ratio is MIN_RATIO or more.

    The ratio is symmetric, so only the upper triangle is scored, `block` rows at a time:
    memory stays at `block` x n scores, not the n x n matrix of one cdist call.
    """
    for start in range(0, len(keys), block):
        rows = keys[start : start + block]
        scores = process.cdist(
            rows, keys[start:], scorer=fuzz.ratio, score_cutoff=MIN_RATIO, workers=1
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            if i < j:
                yield start + int(i), start + int(j)


def mark_wire_copies(sentences: pl.DataFrame, article_sources: pl.DataFrame) -> pl.DataFrame:
    """Return sentence_id, is_wire_copy, wire_group for every sentence.

    `sentences`: sentence_id, article_id, text_key. `article_sources`: article_id, event_id,
    outlet_key. A sentence is a wire copy when a sentence of another source in the
    same event matches it at MIN_RATIO or more; copies of one text share a wire_group.
    """
    frame = sentences.select("sentence_id", "article_id", "text_key").join(
        article_sources.select("article_id", "event_id", "outlet_key"), on="article_id", how="left"
    )
    candidates = frame.filter(pl.col("text_key").str.count_matches(" ") >= MIN_WORDS - 1)
    links = DisjointSet()
    for _, event in candidates.group_by("event_id"):
        if event["outlet_key"].n_unique() < 2:
            continue
        ids = event["sentence_id"].to_list()
        sources = event["outlet_key"].to_list()
        for i, j in similar_pairs(event["text_key"].to_list()):
            if sources[i] != sources[j]:
                links.union(ids[i], ids[j])
    group_of = {
        member: stable_id("wir", members[0])
        for members in links.components()
        if len(members) > 1
        for member in members
    }
    return (
        frame.select("sentence_id")
        .with_columns(
            pl.col("sentence_id")
            .replace_strict(group_of, default=None, return_dtype=pl.String)
            .alias("wire_group")
        )
        .with_columns(pl.col("wire_group").is_not_null().alias("is_wire_copy"))
    )
