"""The global stages at scale, on small frames: the document-frequency cap of the event pairs,
the row blocks of the event text neighbours and of the wire-copy comparison change no result
they keep, and the sparse average linkage is the definition's."""

from __future__ import annotations

import random

import polars as pl
import pytest
from rapidfuzz import fuzz, process

from transforms.reconcile import events
from transforms.reconcile.events import article_similarity
from transforms.reconcile.wire import MIN_RATIO, mark_wire_copies, similar_pairs

UNCAPPED = 10**9


def mentions(rows: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "entity_id": [r[1] for r in rows],
            "label": ["GPE"] * len(rows),
        }
    )


def random_mentions(seed: int, n_articles: int = 40) -> pl.DataFrame:
    """Articles mentioning a few of 30 entities, some common (in most articles), most rare."""
    rng = random.Random(seed)
    rows = []
    for a in range(n_articles):
        for e in range(30):
            # Entity e is in about 1 / (e + 1) of the articles: e0 in all, e29 in a few.
            if rng.random() < 1 / (e + 1) ** 0.7:
                rows.append((f"art{a:02d}", f"ent{e:02d}"))
    return mentions(rows)


def as_dict(similarity: pl.DataFrame) -> dict[tuple[str, str], float]:
    return {(a, b): s for a, b, s in similarity.iter_rows()}


def test_common_entities_generate_no_pairs_but_still_count():
    # "uk" is in all four articles; "umerov" only in a and b.
    frame = mentions(
        [("a", "uk"), ("a", "umerov"), ("b", "uk"), ("b", "umerov"), ("c", "uk"), ("d", "uk")]
    )
    capped, uncapped = (
        as_dict(article_similarity(frame, max_df=3)),
        as_dict(article_similarity(frame, max_df=UNCAPPED)),
    )
    assert set(capped) == {("a", "b")}  # c and d share only "uk": no pair through it
    assert capped[("a", "b")] == pytest.approx(uncapped[("a", "b")], abs=1e-12) == 1.0
    assert ("c", "d") in uncapped


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("cap", [2, 5, 12])
def test_capped_pairs_keep_their_exact_similarity(seed, cap):
    frame = random_mentions(seed)
    capped = as_dict(article_similarity(frame, max_df=cap))
    uncapped = as_dict(article_similarity(frame, max_df=UNCAPPED))
    assert set(capped) <= set(uncapped)
    for pair, value in capped.items():
        assert value == pytest.approx(uncapped[pair], abs=1e-12)
    # A left-out pair shares no entity of document frequency `cap` or less.
    df = frame.group_by("entity_id").agg(pl.col("article_id").n_unique().alias("df"))
    rare = set(df.filter(pl.col("df") <= cap)["entity_id"])
    entities_of = frame.group_by("article_id").agg("entity_id").rows()
    entities_of = {a: set(es) for a, es in entities_of}
    for a, b in set(uncapped) - set(capped):
        assert not (entities_of[a] & entities_of[b] & rare)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("block", [1, 7, 40])
def test_article_blocks_change_no_pair(seed, block, monkeypatch):
    # The pairs are summed in blocks of articles to bound memory (PAIR_BLOCK_ARTICLES): with
    # blocks of one article, of seven, or all 40 at once, every pair and its value are the same.
    frame = random_mentions(seed)
    whole = as_dict(article_similarity(frame, max_df=12, min_similarity=0.05))
    monkeypatch.setattr(events, "PAIR_BLOCK_ARTICLES", block)
    blocked = as_dict(article_similarity(frame, max_df=12, min_similarity=0.05))
    assert whole and set(blocked) == set(whole)
    for pair, value in blocked.items():
        assert value == pytest.approx(whole[pair], abs=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_the_threshold_prunes_only_pairs_below_it(seed):
    frame = random_mentions(seed)
    for cap in (3, UNCAPPED):
        pruned = as_dict(article_similarity(frame, max_df=cap, min_similarity=0.3))
        full = as_dict(article_similarity(frame, max_df=cap))
        above = {pair: s for pair, s in full.items() if s >= 0.3}
        assert set(pruned) == set(above)  # these seeds put no pair within float error of 0.3
        assert all(pruned[pair] == pytest.approx(s, abs=1e-12) for pair, s in above.items())


def sentence_keys(seed: int) -> list[str]:
    """Sentences with near copies (a word changed or dropped) among unrelated ones."""
    rng = random.Random(seed)
    words = "the drones were downed over regions overnight ministry said talks prisoners".split()
    keys = []
    for _ in range(30):
        base = [rng.choice(words) for _ in range(rng.randint(8, 16))]
        keys.append(" ".join(base))
        if rng.random() < 0.5:
            copy = base.copy()
            copy[rng.randrange(len(copy))] = rng.choice(words)
            keys.append(" ".join(copy))
    rng.shuffle(keys)
    return keys


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("block", [1, 7, 16, 1000])
def test_row_blocks_find_the_pairs_of_the_whole_matrix(seed, block):
    keys = sentence_keys(seed)
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=MIN_RATIO)
    whole = sorted((int(i), int(j)) for i, j in zip(*scores.nonzero(), strict=True) if i < j)
    assert whole  # the near copies score above the cutoff
    assert list(similar_pairs(keys, block=block)) == whole


def brute_force_groups(frame: pl.DataFrame) -> set[frozenset[str]]:
    """The wire groups of scoring every pair of sentences: the rule, without shortcuts."""
    from transforms.text.clusters import DisjointSet

    rows = frame.rows(named=True)
    links = DisjointSet()
    for i, x in enumerate(rows):
        for y in rows[i + 1 :]:
            if (
                x["outlet_key"] != y["outlet_key"]
                and fuzz.ratio(x["text_key"], y["text_key"]) >= 80
            ):
                links.union(x["sentence_id"], y["sentence_id"])
    return {frozenset(m) for m in links.components() if len(m) > 1}


@pytest.mark.parametrize("seed", range(4))
def test_identical_keys_scored_once_give_the_groups_of_every_pair(seed):
    rng = random.Random(seed)
    keys = sentence_keys(seed)
    # Verbatim repeats in other (and in the same) outlets, as the wire and corpus copies.
    texts = keys + [rng.choice(keys) for _ in range(len(keys))]
    frame = pl.DataFrame(
        {
            "sentence_id": [f"s{i:03d}" for i in range(len(texts))],
            "article_id": [f"a{i % 7}" for i in range(len(texts))],
            "text_key": texts,
        }
    )
    sources = pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(7)],
            "event_id": ["e1"] * 7,
            "outlet_key": ["X", "X", "Y", "Z", "Y", "W", "X"],
        }
    )
    marked = mark_wire_copies(frame, sources).filter(pl.col("is_wire_copy"))
    got = {frozenset(g) for g in marked.group_by("wire_group").agg("sentence_id")["sentence_id"]}
    expected = brute_force_groups(frame.join(sources, on="article_id"))
    assert expected and got == expected


def brute_average_linkage(n: int, sim: dict[tuple[int, int], float], threshold: float):
    """Average linkage by its definition: merge the pair of clusters with the highest mean
    over all cross pairs (absent pairs 0) while that mean reaches the threshold."""
    clusters = [[i] for i in range(n)]
    while len(clusters) > 1:

        def mean(a, b):
            total = sum(sim.get((min(x, y), max(x, y)), 0.0) for x in a for y in b)
            return total / (len(a) * len(b))

        best = max(
            ((mean(a, b), ia, ib) for ia, a in enumerate(clusters) for ib, b in
             enumerate(clusters) if ia < ib),
        )  # fmt: skip
        if best[0] < threshold:
            break
        _, ia, ib = best
        clusters[ia] = clusters[ia] + clusters.pop(ib)
    return sorted(sorted(c) for c in clusters)


@pytest.mark.parametrize("seed", range(6))
def test_sparse_average_linkage_equals_the_definition(seed):
    from transforms.reconcile.linkage import average_linkage

    rng = random.Random(seed)
    n = 14
    # Distinct random similarities (no ties), a third of the pairs absent.
    sim = {(i, j): rng.random() for i in range(n) for j in range(i + 1, n) if rng.random() < 0.66}
    label = average_linkage(n, [(i, j, s) for (i, j), s in sim.items()], threshold=0.3)
    got = {}
    for item, lead in enumerate(label):
        got.setdefault(lead, []).append(item)
    assert sorted(got.values()) == brute_average_linkage(n, sim, 0.3)


@pytest.mark.parametrize("block", [1, 3, 1000])
def test_candidate_pairs_in_row_blocks_are_each_rows_top_k(block, monkeypatch):
    import numpy as np
    import scipy.sparse as sp

    from transforms.reconcile import event_text

    rng = np.random.default_rng(block)
    dense = rng.random((12, 30)) * (rng.random((12, 30)) < 0.3)
    vectors = sp.csr_matrix(dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-9))
    monkeypatch.setattr(event_text, "BLOCK_ROWS", block)
    i, j = event_text.candidate_pairs(vectors, max_pair_df=5, top_k=3)
    df = (dense > 0).sum(axis=0)
    rare = vectors.toarray() * (df <= 5)
    scores = rare @ rare.T
    np.fill_diagonal(scores, 0)
    expected = set()
    for row in range(12):
        top = [c for c in np.argsort(-scores[row], kind="stable")[:3] if scores[row, c] > 0]
        expected |= {(min(row, c), max(row, c)) for c in top}
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == expected
    cosines = event_text.pair_cosines(vectors, i, j)
    full = vectors.toarray() @ vectors.toarray().T
    assert np.allclose(cosines, full[i, j])
