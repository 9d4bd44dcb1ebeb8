"""Vocabulary faults name the article and the column whose value is outside its set."""

from __future__ import annotations

import polars as pl

from transforms.contract.faults import vocabulary_faults


def test_unknown_values_are_faults_of_their_article():
    claims = pl.DataFrame(
        {
            "article_id": ["a", "b", "b", "c"],
            "bound": ["exact", "roughly", "exact", None],
            "kind": ["count", "count", "weight", "money"],
            "scope": ["total", "unknown", "per_side", "unknown"],
        }
    )
    parts = pl.DataFrame({"article_id": ["a", "c"], "role": ["body", "sidebar"]})
    faults = vocabulary_faults({"numeric_claims": claims, "article_parts": parts})
    assert faults.rows() == [
        ("b", "numeric_claims.bound vocabulary"),
        ("b", "numeric_claims.kind vocabulary"),
        ("c", "article_parts.role vocabulary"),
    ]


def test_known_values_and_nulls_are_no_fault():
    claims = pl.DataFrame(
        {"article_id": ["a"], "bound": [None], "kind": ["percent"], "scope": ["per_side"]}
    )
    assert vocabulary_faults({"numeric_claims": claims}).height == 0


def test_an_absurd_claim_count_for_the_length_is_a_density_fault():
    from transforms.contract.faults import MAX_CLAIMS_PER_WORD, density_faults

    articles = pl.DataFrame(
        {"article_id": ["list", "real", "short", "none"], "word_count": [1000, 199, 3, 50]}
    )
    claims = pl.DataFrame(
        {"article_id": ["list"] * 600 + ["real"] * 46 + ["short"] * 2}  # real: BBC sport/429
    )
    assert density_faults(articles, claims).rows() == [("list", "claim_density")]
    assert 46 / 199 < MAX_CLAIMS_PER_WORD < 600 / 1000
