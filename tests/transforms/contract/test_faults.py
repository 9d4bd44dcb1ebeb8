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
            "part_role": ["body", "title", "caption", "sidebar"],
        }
    )
    parts = pl.DataFrame({"article_id": ["a", "c"], "role": ["body", "sidebar"]})
    faults = vocabulary_faults({"numeric_claims": claims, "article_parts": parts})
    assert faults.rows() == [
        ("b", "numeric_claims.bound vocabulary"),
        ("b", "numeric_claims.kind vocabulary"),
        ("c", "article_parts.role vocabulary"),
        ("c", "numeric_claims.part_role vocabulary"),
    ]


def test_known_values_and_nulls_are_no_fault():
    claims = pl.DataFrame(
        {
            "article_id": ["a"],
            "bound": [None],
            "kind": ["percent"],
            "scope": ["per_side"],
            "part_role": ["subheading"],
        }
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


def test_only_body_claims_count_towards_the_density_per_body_word():
    from transforms.contract.faults import density_faults

    articles = pl.DataFrame({"article_id": ["a"], "word_count": [100]})
    claims = pl.DataFrame({"article_id": ["a"] * 40, "part_role": ["body"] * 30 + ["caption"] * 10})
    assert density_faults(articles, claims).height == 0  # 30 body claims: 0.30 per word
    assert density_faults(articles, claims.drop("part_role")).height == 1  # 0.40
