"""Group articles into real-world events: date proximity plus shared entities.

Two articles belong to one event when their stated dates (if both state one) are at most
`max_days` apart and the entities they mention overlap enough: a weighted Jaccard where each
entity weighs log(1 + N / df), so "Ukraine" shared by every article counts for less than
"Rustem Umerov". Links are joined transitively (union-find). Only names that identify a
story take part (people, organizations, places, facilities, events).
"""

from __future__ import annotations

import polars as pl

from transforms.contract.schema import columns, empty
from transforms.text.clusters import DisjointSet
from transforms.text.ids import stable_id

EVENT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP")
# Seed pairs score 0.16-0.33; the pairs at 0.2 or more join all five into one event (links
# are transitive), while the festival story and BBC business/136 (Ukraine, 2004-05) join no
# seed event (tests/test_reconciliation.py).
MIN_SIMILARITY = 0.2
MAX_DAYS = 3


def article_similarity(mentions: pl.DataFrame) -> pl.DataFrame:
    """Weighted entity Jaccard for every article pair sharing an entity (a, b, similarity)."""
    pairs = (
        mentions.filter(pl.col("label").is_in(EVENT_LABELS))
        .select("article_id", "entity_id")
        .unique()
    )
    n_articles = pairs["article_id"].n_unique()
    if n_articles < 2:
        return pl.DataFrame(schema={"a": pl.String, "b": pl.String, "similarity": pl.Float64})
    weights = (
        pairs.group_by("entity_id")
        .agg(pl.len().alias("df"))
        .with_columns((1.0 + n_articles / pl.col("df")).log().alias("w"))
    )
    weighted = pairs.join(weights, on="entity_id")
    totals = weighted.group_by("article_id").agg(pl.col("w").sum().alias("total"))
    shared = (
        weighted.join(weighted.select("entity_id", "article_id", "w"), on="entity_id", suffix="_b")
        .filter(pl.col("article_id") < pl.col("article_id_b"))
        .group_by("article_id", "article_id_b")
        .agg(pl.col("w").sum().alias("shared"))
        .rename({"article_id": "a", "article_id_b": "b"})
    )
    return (
        shared.join(totals.rename({"article_id": "a", "total": "total_a"}), on="a")
        .join(totals.rename({"article_id": "b", "total": "total_b"}), on="b")
        .with_columns(
            (pl.col("shared") / (pl.col("total_a") + pl.col("total_b") - pl.col("shared"))).alias(
                "similarity"
            )
        )
        .select("a", "b", "similarity")
    )


def group_events(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    entities: pl.DataFrame,
    *,
    min_similarity: float = MIN_SIMILARITY,
    max_days: int = MAX_DAYS,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (events, article_id -> event_id) for `articles` given their entity mentions.

    `articles` carries article_id, outlet_key (warehouse view article_outlets) and
    published_date; `mentions` article_id, entity_id, label; `entities` entity_id, name.
    """
    articles = articles.select("article_id", "outlet_key", "published_date")
    dates = dict(zip(articles["article_id"], articles["published_date"], strict=True))
    clusters = DisjointSet(articles["article_id"].to_list())
    for a, b, similarity in article_similarity(mentions).iter_rows():
        if similarity < min_similarity:
            continue
        da, db = dates.get(a), dates.get(b)
        if da is not None and db is not None and abs((da - db).days) > max_days:
            continue
        clusters.union(a, b)
    membership = pl.DataFrame(
        [
            {"article_id": member, "event_id": stable_id("evt", members[0])}
            for members in clusters.components()
            for member in members
        ],
        schema={"article_id": pl.String, "event_id": pl.String},
    )
    return _describe_events(articles, membership, mentions, entities), membership


def _describe_events(
    articles: pl.DataFrame, membership: pl.DataFrame, mentions: pl.DataFrame, entities: pl.DataFrame
) -> pl.DataFrame:
    if membership.height == 0:
        return empty("events")
    top_names = (
        mentions.join(membership, on="article_id")
        .filter(pl.col("label").is_in(EVENT_LABELS))
        .group_by("event_id", "entity_id")
        .agg(pl.len().alias("n"))
        .join(entities.select("entity_id", "name"), on="entity_id")
        .sort(["event_id", "n", "name"], descending=[False, True, False])
        .group_by("event_id", maintain_order=True)
        .agg(pl.col("name").head(3).str.join(", ").alias("label"))
    )
    return (
        articles.join(membership, on="article_id")
        .group_by("event_id")
        .agg(
            pl.col("published_date").min().alias("first_date"),
            pl.col("published_date").max().alias("last_date"),
            pl.len().cast(pl.Int64).alias("n_articles"),
            pl.col("outlet_key").n_unique().cast(pl.Int64).alias("n_outlets"),
        )
        .join(top_names, on="event_id", how="left")
        .select(list(columns("events")))
        .sort("event_id")
    )
