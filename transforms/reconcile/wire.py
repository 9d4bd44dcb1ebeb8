"""Wire copy: sentences that different outlets of one event print verbatim or nearly so.

Agreement between two outlets that both ran the same agency paragraph is one source, not two.
Sentences are compared only within an event and only across outlets, on their folded keys,
with rapidfuzz's normalized Indel ratio (fuzz.ratio) through `process.cdist`, which does the
all-pairs comparison in C++ instead of a Python double loop, in row blocks (memory stays flat).
"""

from __future__ import annotations

import itertools
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
# BBC corpus's tables (every article copied k times under distinct ids and outlets; one
# process, shared machine), the largest event has 2,618 candidate sentences at 1x (27 MB),
# 7,854 at 3x (247 MB; the call grew RSS by 277 MB) and 26,180 at 10x (2.7 GB). In blocks of
# 512 rows of the upper triangle it holds 512 x n (54 MB at 10x) and scores half the pairs;
# identical keys are scored once (_link_event). Same wire groups at 1x and 3x as one matrix:
#   1x: 5.6 s -> 1.2 s (the corpus repeats itself), RSS during the call +34 -> +19 MB;
#   3x: 17.8 s -> 2.2 s, +277 -> +96 MB (the frames themselves);
#   10x: one matrix not run (2.7 GB); blocks alone 134 s, with identical keys once 4.9 s,
#        +290 MB. Distinct near-copies still cost n^2 / 2 scores within one event.
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


def _link_event(links: DisjointSet, event: pl.DataFrame) -> None:
    """Union every two sentences of `event` from different sources whose keys match.

    Identical keys are scored once: a text that many outlets print verbatim (the wire itself,
    or copies of a corpus) costs one row of scores, not one per copy. The links are those of
    scoring every sentence pair, since a key matches itself (ratio 100).
    """
    copies = event.group_by("text_key", maintain_order=True).agg("sentence_id", "outlet_key")
    members = list(
        zip(copies["sentence_id"].to_list(), copies["outlet_key"].to_list(), strict=True)
    )
    pairs = itertools.chain(
        ((u, u) for u in range(len(members))), similar_pairs(copies["text_key"].to_list())
    )
    for u, v in pairs:
        (ids_u, sources_u), (ids_v, sources_v) = members[u], members[v]
        for a, source_a in zip(ids_u, sources_u, strict=True):
            for b, source_b in zip(ids_v, sources_v, strict=True):
                if source_a != source_b:
                    links.union(a, b)


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
        _link_event(links, event)
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
