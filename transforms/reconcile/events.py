"""Group articles into real-world events: what their texts say, whom they name, and when.

Two articles are compared by the TF-IDF cosine of their title and body (`event_text`) and the
overlap of the entities they mention: a weighted Jaccard where each entity weighs
log(1 + N / df), so "Ukraine" shared by every article counts for less than "Rustem Umerov"
(only names that identify a story: people, organizations, places, facilities, events). The
two are combined, each article's similarities are scaled by its neighbourhood (a crowd of
stories of one kind, such as earthquakes, needs more to merge), pairs whose event days are
more than `max_days` apart are weakened (`event_dates`), and average linkage (`linkage`) forms the
events: a cluster joins another only when their pairs agree on average, so no chain of links
glues unrelated stories. Candidate pairs come from sparse nearest neighbours, never all pairs.
"""

from __future__ import annotations

import polars as pl

from transforms.contract.schema import columns, empty
from transforms.reconcile.event_dates import event_date
from transforms.reconcile.event_text import candidate_pairs, pair_cosines, text_vectors
from transforms.reconcile.linkage import average_linkage, locally_scaled
from transforms.text.ids import stable_id

EVENT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP")
# Tuned on the odd ECB+ topics only (21 topics, 496 articles), the even ones reported beside,
# never used to choose: `uv run python benchmarks/bench_events.py --sweep` (grid and the full
# table there). Odd-topic pairwise F1 / B-cubed F1 at text weight 0.85, floor 0.08:
#   threshold 0.85: 0.924 / 0.949   0.86: 0.922 / 0.948   0.87: 0.939 / 0.955 (chosen)
#   0.88: 0.939 / 0.955   0.89: 0.935 / 0.950   0.90: 0.935 / 0.950   0.80: 0.883 / 0.929
# Text weight (coarse pass, best threshold of each, floor 0.06): 0.7 -> 0.911, 0.85 -> 0.932,
# 1.0 (text alone) -> 0.926.
# The floor is what an article with few neighbours needs: it merges at a plain similarity of
# THRESHOLD * SCALE_FLOOR = 0.07 or more. ECB+ hardly sees it (every article has 10 neighbours
# of its kind): odd F1 at threshold 0.87 is 0.944 at 0.06, 0.939 at 0.08, 0.922 at 0.10. A
# small corpus does: two earthquake stories among the seeds (tests/transforms/reconcile/
# test_events_text.py) score 0.03-0.08 across stories, and merge at 0.06, not at 0.08. On BBC
# candidate pairs the median plain similarity is 0.033, the 90th percentile 0.078.
THRESHOLD = 0.87
TEXT_WEIGHT = 0.85
SCALE_FLOOR = 0.08
# The neighbour whose similarity sets an article's scale: the 10th. Odd-topic F1, each at its
# best threshold (0.50-1.20 by 0.02, floor 0.08): 5th 0.896 (at 0.60), 10th 0.939 (0.88),
# 20th 0.886 (1.10).
NEIGHBOURS = 10
# Event days (a stated date, or the day the body names relative to it) more than MAX_DAYS
# apart change how a pair counts: names alone no longer link it (prominent names link
# unrelated stories years apart: issue 11's Weiner photos of 2011 and Trump's attack on Abedin
# in 2018), and its words count DATE_PENALTY times, so two stories of one kind told weeks
# apart need more shared words to merge. Not a cut: a report may look back at an event months
# or years later, and ECB+ counts those as the event's own (43 of its 86 events have two or
# more dated articles; their spans have median 4 days, upper quartile 56, maximum 731). Once
# normalize read ECB+ date lines (324 of 980 articles dated, issue 11), the hard cut at 3
# days chosen when 37 were dated fell to odd-topic pairwise / B-cubed F1 0.888 / 0.914
# (7 days: 0.897 / 0.925; no date rule: 0.922 / 0.948). Words only beyond 3 days, threshold
# 0.87, odd topics: penalty 0.7 -> 0.917 / 0.943, 0.8 -> 0.910 / 0.940, 0.9 -> 0.920 / 0.946,
# 1.0 -> 0.920 / 0.946; 0.9 is the strongest of the best (tables of an ECB+ run of this code).
MAX_DAYS = 3
DATE_PENALTY = 0.9
# Candidate pairs: each article's 30 best text neighbours (an ECB+ event has up to 22 other
# articles) through terms in at most 100 articles (the bound that keeps the product linear;
# see MAX_PAIR_DF below for the same choice on entities), plus entity pairs at 0.2 or more
# (the old rule's link level). Entity similarities below 0.05 count as 0 (they move the
# combined similarity by under 0.0075).
TOP_K = 30
MAX_TEXT_PAIR_DF = 100
ENTITY_CANDIDATE = 0.2
MIN_ENTITY_SIMILARITY = 0.05
# The cap: an entity in more than MAX_PAIR_DF articles generates no candidate pairs (it still
# weighs in every pair found through a rarer entity), so the self-join holds at most
# MAX_PAIR_DF rows per article-entity row: linear in the corpus, not quadratic in the commonest
# entity's frequency. 100 is the smallest of 10, 25, 50, 100, 200 that changes nothing on the
# BBC corpus (2,128 articles; the seeds have 5, below any cap). Measured on the tables of a BBC
# run, offline, with every article copied k times under distinct ids (one process, on a
# shared machine):
#   1x: self-join 1,463,341 rows -> 391,351 (19 entities capped: US 583 articles, UK 475,
#       London 251, ...); pairs scored 518,406 -> 130,724 and, below MIN_SIMILARITY pruned
#       by their bound, 1,416; events 1,444 and largest 133 both before and after, every
#       article in the same event; group_events 1.03 s -> 0.23 s, peak RSS 491 -> 233 MB.
#       Caps of 50 / 25 / 10 would lose 48 / 221 / 493 of the 1,416 links (largest event
#       132 / 106 / 29); skipping capped entities outright (not counting them in the
#       shared weight) loses 556 links at 100.
#   3x: self-join 13.2 M -> 1.43 M rows; group_events 6.70 s -> 1.27 s, RSS 1,860 -> 408 MB;
#       events 1,444 -> 1,466, largest 399 -> 339 (copies triple every df, so entities in
#       34..100 articles of 1x pass the cap: articles linked only through them split off).
#   10x: self-join 146 M rows uncapped (not run) -> 6.48 M; group_events 3.55 s, RSS 726 MB.
MAX_PAIR_DF = 100
# Articles whose entity pairs are summed at once. The self-join holds, per block, the rows of
# the block's articles against every article of their rare entities, so its memory follows
# the block, not the corpus: on the BBC tables copied 10x (21,280 articles, identical copies)
# one self-join of all rows raised the process's peak by about 780 MB
# (benchmarks/bench_global_scale.py). The result does not depend on the block size.
PAIR_BLOCK_ARTICLES = 2000


def article_similarity(
    mentions: pl.DataFrame, max_df: int = MAX_PAIR_DF, min_similarity: float = 0.0
) -> pl.DataFrame:
    """Weighted entity Jaccard (a, b, similarity) of every article pair that shares an entity
    of document frequency at most `max_df` and whose similarity is `min_similarity` or more.

    Pairs are generated only through those entities (the self-join of an entity's articles
    is df x df rows); the commoner entities still count fully, in each article's total and in
    the shared weight of every generated pair. Only pairs that share nothing but common
    entities are left out.
    """
    weighted = _weighted_pairs(mentions)
    if weighted["article_id"].n_unique() < 2:
        return pl.DataFrame(schema={"a": pl.String, "b": pl.String, "similarity": pl.Float64})
    is_common = pl.col("df") > max_df
    ids = weighted.select("code", "article_id").unique()
    totals = weighted.group_by("code").agg(
        pl.col("w").sum().alias("total"), pl.col("w").filter(is_common).sum().alias("common")
    )
    rare = weighted.filter(~is_common).select("entity", "code", "w")
    common = weighted.filter(is_common)
    blocks = [
        _block_similarity(rare.filter(pl.col("code").is_between(lo, hi, closed="left")), rare,
                          totals, common, min_similarity)
        for lo, hi in _code_blocks(weighted["code"], PAIR_BLOCK_ARTICLES)
    ]  # fmt: skip
    return (
        pl.concat(blocks)
        .join(ids.rename({"code": "a", "article_id": "id_a"}), on="a")
        .join(ids.rename({"code": "b", "article_id": "id_b"}), on="b")
        .select(a="id_a", b="id_b", similarity="similarity")
    )


def _code_blocks(codes: pl.Series, size: int) -> list[tuple[int, int]]:
    """[lo, hi) ranges of `size` article codes covering every code."""
    first, last = int(codes.min()), int(codes.max())
    return [(lo, lo + size) for lo in range(first, last + 1, size)]


def _block_similarity(
    left: pl.DataFrame,
    rare: pl.DataFrame,
    totals: pl.DataFrame,
    common: pl.DataFrame,
    min_similarity: float,
) -> pl.DataFrame:
    """(a, b, similarity) of the pairs whose smaller article code `a` is one of `left`'s.

    Every pair is summed in exactly one block (the block of its `a`), so the result is the
    same as one self-join of all rows, while the rows held at once are the block's."""
    shared = (
        left.join(rare, on="entity", suffix="_b")
        .filter(pl.col("code") < pl.col("code_b"))
        .group_by("code", "code_b")
        .agg(pl.col("w").sum().alias("shared"))
        .rename({"code": "a", "code_b": "b"})
        .join(totals.rename({"code": "a", "total": "total_a", "common": "common_a"}), on="a")
        .join(totals.rename({"code": "b", "total": "total_b", "common": "common_b"}), on="b")
    )
    if min_similarity > 0:
        # The common entities can add at most the smaller article's common weight: a pair
        # below the threshold even then needs no look at them (most pairs, at scale).
        bound = pl.col("shared") + pl.min_horizontal("common_a", "common_b")
        union = pl.col("total_a") + pl.col("total_b") - bound
        shared = shared.filter(bound / union >= min_similarity - 1e-9)
    return (
        _add_common_weight(shared, common)
        .with_columns(
            (pl.col("shared") / (pl.col("total_a") + pl.col("total_b") - pl.col("shared"))).alias(
                "similarity"
            )
        )
        .filter(pl.col("similarity") >= min_similarity)
        .select("a", "b", "similarity")
    )


def _weighted_pairs(mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per article and event entity: article_id, entity_id, df, w = log(1 + N / df),
    and their integer codes (code, entity)."""
    pairs = (
        # The three columns first: a filter of the whole table copies every column (memory).
        mentions.select("article_id", "entity_id", "label")
        .filter(pl.col("label").is_in(EVENT_LABELS))
        .select("article_id", "entity_id")
        .unique()
    )
    n_articles = pairs["article_id"].n_unique()
    weights = (
        pairs.group_by("entity_id")
        .agg(pl.len().alias("df"))
        .with_columns((1.0 + n_articles / pl.col("df")).log().alias("w"))
    )
    # Dense integer codes, in the ids' own order (so a < b holds for codes as for ids): the
    # self-join and its group-by run on integers, about twice as fast as on the id strings.
    return pairs.join(weights, on="entity_id").with_columns(
        pl.col("article_id").rank("dense").cast(pl.UInt32).alias("code"),
        pl.col("entity_id").rank("dense").cast(pl.UInt32).alias("entity"),
    )


def _add_common_weight(shared: pl.DataFrame, common: pl.DataFrame) -> pl.DataFrame:
    """`shared` (article codes a, b; shared) plus the weight of the common entities both mention.

    Linear in the generated pairs: each pair meets only a's common entities (a few per
    article), never the articles of a common entity.
    """
    if common.height == 0:
        return shared
    extra = (
        shared.select("a", "b")
        .join(common.select("code", "entity", "w"), left_on="a", right_on="code")
        .join(
            common.select("code", "entity"),
            left_on=["b", "entity"],
            right_on=["code", "entity"],
            how="semi",
        )
        .group_by("a", "b")
        .agg(pl.col("w").sum().alias("extra"))
    )
    return (
        shared.join(extra, on=["a", "b"], how="left")
        .with_columns(pl.col("shared") + pl.col("extra").fill_null(0.0))
        .drop("extra")
    )


def group_events(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    entities: pl.DataFrame,
    *,
    threshold: float = THRESHOLD,
    text_weight: float = TEXT_WEIGHT,
    max_days: int = MAX_DAYS,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (events, article_id -> event_id) for `articles` given their text and entities.

    `articles` carries article_id, outlet_key (articles.outlet_key), published_date,
    title and body; `mentions` article_id, entity_id, label; `entities` entity_id, name.
    """
    articles = articles.select("article_id", "outlet_key", "published_date", "title", "body").sort(
        "article_id"
    )
    ids = articles["article_id"].to_list()
    if not ids:  # an empty source: no text to vectorize (scikit-learn refuses zero documents)
        return empty("events"), pl.DataFrame(
            schema={"article_id": pl.String, "event_id": pl.String}
        )
    pairs = scored_pairs(articles, mentions, text_weight=text_weight)
    pairs = penalize_distant_days(pairs, articles, max_days, text_weight=text_weight)
    label = event_labels(pairs, len(ids), threshold=threshold)
    # Rows are sorted by article_id, so a cluster's smallest index is its smallest article_id.
    membership = pl.DataFrame(
        {"article_id": ids, "event_id": [stable_id("evt", ids[lead]) for lead in label]},
        schema={"article_id": pl.String, "event_id": pl.String},
    )
    return describe_events(articles, membership, mentions, entities), membership


def event_labels(
    pairs: pl.DataFrame, n: int, *, threshold: float = THRESHOLD, floor: float = SCALE_FLOOR
) -> list[int]:
    """Each of the n articles' cluster (its smallest member's row) from the scored candidate
    `pairs` (i, j, similarity): similarities scaled by each article's neighbourhood, then
    average linkage at `threshold`."""
    scaled = locally_scaled(
        n,
        pairs["i"].to_numpy(),
        pairs["j"].to_numpy(),
        pairs["similarity"].to_numpy(),
        k=NEIGHBOURS,
        floor=floor,
    )
    edges = zip(pairs["i"].to_list(), pairs["j"].to_list(), scaled.tolist(), strict=True)
    return average_linkage(n, edges, threshold)


def scored_pairs(
    articles: pl.DataFrame, mentions: pl.DataFrame, *, text_weight: float = TEXT_WEIGHT
) -> pl.DataFrame:
    """Candidate pairs (row indices i < j of `articles`, as given) with their text cosine, entity
    similarity and combined `similarity` = text_weight * cosine + (1 - text_weight) * entity.

    Candidates are each article's nearest text neighbours plus the pairs whose shared entities
    alone reach ENTITY_CANDIDATE; never all pairs.
    """
    index = pl.DataFrame(
        {"article_id": articles["article_id"], "row": range(articles.height)},
        schema={"article_id": pl.String, "row": pl.Int64},
    )
    vectors = text_vectors(
        articles["title"].fill_null("").to_list(), articles["body"].fill_null("").to_list()
    )
    ti, tj = candidate_pairs(vectors, max_pair_df=MAX_TEXT_PAIR_DF, top_k=TOP_K)
    by_entity = (
        article_similarity(mentions, min_similarity=MIN_ENTITY_SIMILARITY)
        .join(index.rename({"article_id": "a", "row": "ra"}), on="a")
        .join(index.rename({"article_id": "b", "row": "rb"}), on="b")
        .select(
            i=pl.min_horizontal("ra", "rb"), j=pl.max_horizontal("ra", "rb"), entity="similarity"
        )
    )
    candidates = (
        pl.concat(
            [
                pl.DataFrame({"i": ti, "j": tj}, schema={"i": pl.Int64, "j": pl.Int64}),
                by_entity.filter(pl.col("entity") >= ENTITY_CANDIDATE).select("i", "j"),
            ]
        )
        .unique()
        .sort("i", "j")
        .join(by_entity, on=["i", "j"], how="left")
        .with_columns(pl.col("entity").fill_null(0.0))
    )
    del by_entity, ti, tj  # held through the cosines otherwise (memory at scale)
    cosine = pair_cosines(vectors, candidates["i"].to_numpy(), candidates["j"].to_numpy())
    return candidates.with_columns(text=pl.Series(cosine, dtype=pl.Float64)).with_columns(
        similarity=text_weight * pl.col("text") + (1 - text_weight) * pl.col("entity")
    )


def penalize_distant_days(
    pairs: pl.DataFrame,
    articles: pl.DataFrame,
    max_days: int,
    *,
    text_weight: float = TEXT_WEIGHT,
    penalty: float = DATE_PENALTY,
) -> pl.DataFrame:
    """`pairs` where those whose event days (`event_dates.event_date`) are more than
    `max_days` apart count only their words (`text`, at the weight the combined similarity
    gives them), times `penalty`; a pair where either day is unknown is left as it is (a date
    the text does not give cannot keep two stories apart)."""
    days = pl.Series(
        [
            event_date(body or "", stated)
            for body, stated in zip(articles["body"], articles["published_date"], strict=True)
        ],
        dtype=pl.Date,
    )
    day_i, day_j = days.gather(pairs["i"]), days.gather(pairs["j"])
    distant = ((day_i - day_j).dt.total_days().abs() > max_days).fill_null(False)
    words_only = penalty * text_weight * pl.col("text")
    return pairs.with_columns(similarity=pl.when(distant).then(words_only).otherwise("similarity"))


def describe_events(
    articles: pl.DataFrame, membership: pl.DataFrame, mentions: pl.DataFrame, entities: pl.DataFrame
) -> pl.DataFrame:
    """The events rows of `membership` (article_id, event_id): dates, sizes and a label of
    the three most mentioned entities of each event."""
    if membership.height == 0:
        return empty("events")
    # Only the columns used, before the joins: the mentions' and articles' other columns
    # (texts, offsets) would be copied into each joined frame (memory at scale).
    mentions = mentions.select("article_id", "entity_id", "label")
    articles = articles.select("article_id", "published_date", "outlet_key")
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
