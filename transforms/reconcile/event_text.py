"""What two articles' texts share: TF-IDF vectors and their nearest neighbours, sub-quadratic.

Shared names alone cannot tell two stories of the same people apart, nor find the same story
told with different names; the words of title and body can. Each article is a TF-IDF vector
(scikit-learn) of its title and body, URLs removed (a URL's scheme and host say which site
printed the page, not what happened). The similarity of two articles is the cosine of their
vectors.

Candidate pairs never come from all n^2 pairs: only terms in at most `max_pair_df` articles
generate pairs (a rare name or phrase is what two reports of one story share), through a sparse
product in row blocks, and each article keeps its `top_k` best candidates. The cosine of a kept
pair is then computed exactly over every term, common ones included.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

_URL = re.compile(r"https?://\S+|www\.\S+")
# A scipy sparse CSR matrix, as scikit-learn returns it (scipy itself is not imported: it is
# scikit-learn's dependency, not the project's).
SparseRows = Any
# Rows multiplied at once: bounds the memory of one block's product (block x n, sparse).
BLOCK_ROWS = 2000
# Pairs whose cosines are computed at once: each is two gathered rows and their product, so
# 50,000 pairs held about 230 MB on the BBC rows x10 (benchmarks/bench_global_scale.py). Each
# pair's cosine is its own rows' sum, the same in any block.
PAIR_BLOCK = 10_000


def text_vectors(titles: list[str], bodies: list[str]) -> SparseRows:
    """One L2-normalized TF-IDF row per article: words and word pairs (bigrams name things:
    "prisoner exchange", "Betty Ford"), English stop words out, sublinear term frequency (a
    word said ten times is not ten times the evidence). Words of one article only are kept:
    they generate no pair, but they are part of what the article says, so they lower its
    cosine with every other (dropping them made a short round-up look like each story it
    mentions)."""
    # Imported here, not at the top: scikit-learn (with scipy) takes about 8 s and 190 MB to
    # import on this machine, which every run, an unchanged one included, and every child
    # process of flows/isolation.py would pay on importing the reconcile package.
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer

    texts = [_URL.sub(" ", f"{t}\n{b}") for t, b in zip(titles, bodies, strict=True)]
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2),
        sublinear_tf=True,
        stop_words="english",
        dtype=np.float32,
    )
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # no words at all (only stop words or empty texts): nothing is shared
        # An all-zero matrix of one column: no pair shares a term.
        return HashingVectorizer(n_features=1, alternate_sign=False, norm=None).transform(
            [""] * len(texts)
        )


def candidate_pairs(
    vectors: SparseRows, *, max_pair_df: int, top_k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of articles that share a term in at most `max_pair_df` articles,
    each article's `top_k` strongest by those terms alone."""
    df = np.bincount(vectors.indices, minlength=vectors.shape[1])
    rare = vectors.copy()
    rare.data[df[rare.indices] > max_pair_df] = 0.0  # masked in place: no column slicing
    rare.eliminate_zeros()
    rare_t = rare.T.tocsr()
    left, right = [], []
    for start in range(0, rare.shape[0], BLOCK_ROWS):
        block = (rare[start : start + BLOCK_ROWS] @ rare_t).tocsr()
        _drop_self(block, start)
        rows, cols = _top_k_per_row(block, top_k)
        left.append(rows + start)
        right.append(cols)
    if not left:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    i, j = np.concatenate(left), np.concatenate(right)
    pairs = np.unique(np.stack([np.minimum(i, j), np.maximum(i, j)], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]


def _drop_self(block: SparseRows, start: int) -> None:
    """Zero each row's product with itself (row r of the block is article start + r)."""
    rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr))
    block.data[block.indices == rows + start] = 0.0
    block.eliminate_zeros()


def _top_k_per_row(block: SparseRows, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's k largest stored values (all of them when fewer)."""
    counts = np.diff(block.indptr)
    rows = np.repeat(np.arange(block.shape[0]), counts)
    # Sort by row, then by value descending; keep the first k of each row.
    order = np.lexsort((-block.data, rows))
    rank = np.arange(order.size) - np.repeat(block.indptr[:-1], counts)
    keep = order[rank < k]
    return rows[keep], block.indices[keep].astype(np.int64)


def pair_cosines(vectors: SparseRows, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The exact cosine of each pair (i[n], j[n]) of L2-normalized rows, over every term."""
    out = np.empty(i.size, dtype=np.float64)
    for start in range(0, i.size, PAIR_BLOCK):
        a = vectors[i[start : start + PAIR_BLOCK]]
        b = vectors[j[start : start + PAIR_BLOCK]]
        out[start : start + a.shape[0]] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out
