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
