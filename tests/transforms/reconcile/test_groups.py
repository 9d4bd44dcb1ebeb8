"""Claim grouping rules on small frames: intervals, scopes, context, wire copies."""

from __future__ import annotations

import polars as pl
import pytest

from transforms.reconcile.groups import comparison_interval, group_claims, subject_key


def claim(
    cid: str,
    article: str,
    value: float,
    *,
    low=None,
    high=None,
    bound="exact",
    subject="body",
    scope="per_side",
    per_side=None,
    kind="count",
    sentence=None,
):
    return {
        "claim_id": cid,
        "article_id": article,
        "sentence_id": sentence or f"s-{cid}",
        "start_char": 40,
        "value": value,
        "value_low": value if low is None else low,
        "value_high": value if high is None and bound == "exact" else high,
        "bound": bound,
        "unit": None,
        "kind": kind,
        "subject": subject,
        "scope": scope,
        "per_side_value": per_side,
    }


def run(claims: list[dict], sentences: dict[str, str], wire: dict[str, str] | None = None):
    articles = pl.DataFrame(
        {
            "article_id": sorted({c["article_id"] for c in claims}),
        }
    ).with_columns(pl.lit("evt").alias("event_id"), pl.col("article_id").alias("outlet_key"))
    sentence_rows = pl.DataFrame(
        {
            "sentence_id": [c["sentence_id"] for c in claims],
            "start_char": [0] * len(claims),
            "text": [sentences[c["sentence_id"]] for c in claims],
            "wire_group": [(wire or {}).get(c["sentence_id"]) for c in claims],
        }
    ).unique("sentence_id")
    frame = pl.DataFrame(
        claims,
        schema_overrides={
            "value_low": pl.Float64,
            "value_high": pl.Float64,
            "per_side_value": pl.Float64,
        },
    )
    return group_claims(frame, articles, sentence_rows, tolerance=0.01)


SWAP = "Both sides agreed to return the bodies of {} soldiers killed, officials said today"


def test_subject_key_reads_bodies_of():
    assert subject_key("soldier", "the bodies of ") == "body"
    assert subject_key("soldier", "return the bodies of 12,000 dead soldiers, or ") == "body"
    assert subject_key("soldier", "killed at least ") == "soldier"
    assert subject_key("troop", "") == "soldier"
    assert subject_key("warplane", "") == "plane"


def test_total_with_per_side_value_compares_per_side():
    low, high, scope = comparison_interval(12000, 12000, 12000, 6000, "total", 0.0)
    assert (low, high, scope) == (6000, 6000, "per_side")
    assert comparison_interval(5, 5, 5, None, "total", 0.0)[2] == "total"


def test_more_than_is_compatible_with_the_round_number():
    groups, _ = run(
        [claim("a", "A", 6000, bound="more_than", high=None), claim("b", "B", 6000)],
        {"s-a": SWAP.format("more than 6,000"), "s-b": SWAP.format("6,000")},
    )
    assert groups.select("status", "consensus_low", "consensus_high").rows() == [
        ("consistent", 6000.0, 6000.0)
    ]


def test_different_numbers_in_the_same_context_conflict():
    groups, per_claim = run(
        [claim("a", "A", 6000), claim("b", "B", 9000)],
        {"s-a": SWAP.format("6,000"), "s-b": SWAP.format("9,000")},
    )
    assert groups["status"].to_list() == ["conflict"]
    assert per_claim["group_id"].n_unique() == 1


def test_unrelated_sentences_with_one_subject_stay_apart():
    groups, _ = run(
        [
            claim("a", "A", 12, bound="more_than", high=None, subject="people"),
            claim("b", "B", 1_200_000, bound="more_than", high=None, subject="people"),
        ],
        {
            "s-a": "More than a dozen people on each side attended the talks in the palace",
            "s-b": "The conflict has claimed or injured more than 1.2 million people since 2022",
        },
    )
    assert sorted(groups["status"]) == ["single_source", "single_source"]


def test_wire_copies_count_once():
    text = "Russian air defences downed 162 Ukrainian drones over eight Russian regions overnight"
    groups, _ = run(
        [
            claim("a", "A", 162, subject="drone", scope="unknown", sentence="w1"),
            claim("b", "B", 162, subject="drone", scope="unknown", sentence="w2"),
        ],
        {"w1": text, "w2": text},
        wire={"w1": "wire-1", "w2": "wire-1"},
    )
    assert groups.select("status", "n_outlets", "n_independent").rows() == [("consistent", 2, 1)]


def test_two_quantities_in_one_sentence_split_by_value():
    text = "Ukrainian air defences damaged 52 out of 80 drones launched by Russia overnight"
    groups, per_claim = run(
        [
            claim("a52", "A", 52, subject="drone", scope="unknown", sentence="x"),
            claim("a80", "A", 80, subject="drone", scope="unknown", sentence="x"),
            claim("b52", "B", 52, subject="drone", scope="unknown", sentence="y"),
            claim("b80", "B", 80, subject="drone", scope="unknown", sentence="y"),
        ],
        {"x": text, "y": text},
    )
    assert sorted(groups["consensus_low"]) == [52.0, 80.0]
    assert set(groups["status"]) == {"consistent"}
    by_claim = dict(per_claim.select("claim_id", "group_id").rows())
    assert by_claim["a52"] == by_claim["b52"] != by_claim["a80"] == by_claim["b80"]


@pytest.mark.parametrize("kind", ["date", "ordinal"])
def test_dates_and_ordinals_are_never_grouped(kind):
    groups, per_claim = run([claim("a", "A", 2022, kind=kind, subject=None)], {"s-a": "In 2022"})
    assert groups.height == 0 and per_claim["group_id"].to_list() == [None]
