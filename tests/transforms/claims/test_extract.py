"""The stage's contract: columns, quote == body slice, stable ids, odd inputs.

End to end through `extract_claims` on the seed articles and one-sentence texts.
"""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.claims.support import claims_of
from transforms.claims.extract import CLAIM_COLUMNS, extract_claims
from transforms.contract.vocabularies import BOUNDS, CLAIM_KINDS, SCOPES
from transforms.nlp.pipeline import parse
from transforms.text.ids import stable_id


def test_schema_and_quote_is_the_body_slice(claims, seed_docs):
    assert dict(claims.schema) == CLAIM_COLUMNS
    for row in claims.iter_rows(named=True):
        body = seed_docs[row["article_id"]].text
        assert body[row["start_char"] : row["end_char"]] == row["quote"]
        expected_id = stable_id("clm", row["article_id"], row["start_char"], row["end_char"])
        assert row["claim_id"] == expected_id
    assert claims["claim_id"].is_unique().all()
    assert set(claims["bound"]) <= set(BOUNDS)
    assert set(claims["scope"]) <= set(SCOPES)
    assert set(claims["kind"]) <= set(CLAIM_KINDS)


def test_no_claims_gives_the_empty_frame_with_the_schema():
    frame = claims_of("Talks ended without any breakthrough.")
    assert frame.height == 0
    assert dict(frame.schema) == CLAIM_COLUMNS
    assert dict(extract_claims([], []).schema) == CLAIM_COLUMNS


def test_ids_and_docs_must_pair_up():
    with pytest.raises(ValueError, match="article ids"):
        extract_claims(["a", "b"], list(parse(["One text."])))


def test_stable_across_runs(seed_docs):
    ids, docs = list(seed_docs), list(seed_docs.values())
    assert extract_claims(ids, docs).equals(extract_claims(ids, docs))


def test_every_seed_paragraph_alone_gives_the_same_claims(seed_docs, claims):
    # Parsing a paragraph on its own (as the flow may, per body) must not change its claims.
    text = seed_docs["002"].text
    para = next(p for p in text.split("\n") if "12,000" in p)
    alone = claims_of(para).select("quote", "value", "scope", "per_side_value", "subject")
    inside = claims.filter(
        (pl.col("article_id") == "002") & pl.col("quote").is_in(alone["quote"].to_list())
    ).select("quote", "value", "scope", "per_side_value", "subject")
    assert alone.equals(inside)


EDGE_TEXTS = [
    "",
    "   \n\n  ",
    "6,000",
    "More than",
    "between June 20 and",
    "£",
    "$3bn.",
    "1,000-for-",
    "one-",
    "a dozen",
    "It cost £5.3m.\n\nIt rose 2.8% to 14.96bn.",
    "Version 1.2.3 shipped on 10.5.2004 at 10:30, 25:99 and ²³ with １２ items.",
    "1,000,000,000 people; 1,00 items; 12,34,567 rupees; .5 points; 3/4 of them; 50/50",
    "The 1990s, '90s, mid-1990s, 2004-05, 2004/2005, 2025-06-02, 2025-13-40.",
    "first second third fourth fifth half quarter dozens hundreds thousands tens",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_odd_inputs_keep_the_contract(text):
    frame = claims_of(text)
    assert dict(frame.schema) == CLAIM_COLUMNS
    for row in frame.iter_rows(named=True):
        assert text[row["start_char"] : row["end_char"]] == row["quote"]
        assert row["quote"].strip() == row["quote"] and row["quote"]
        low, high = row["value_low"], row["value_high"]
        if low is not None and high is not None:
            assert low <= high


def test_value_lies_in_its_interval(claims):
    # The warehouse's critical check: value within [value_low, value_high] (null = unbounded).
    for row in claims.iter_rows(named=True):
        low, high = row["value_low"], row["value_high"]
        assert low is None or low <= row["value"] + 1e-9, row
        assert high is None or row["value"] <= high + 1e-9, row
