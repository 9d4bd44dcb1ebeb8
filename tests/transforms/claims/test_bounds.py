"""Bounds: the words before a number ("at least", "more than"), and "over" as a preposition.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

from tests.transforms.claims.support import one, only, token_at
from transforms.claims.bounds import apply_prefix, bound_before
from transforms.claims.reader import read_number


def test_seed000_at_least_12_troops(claims):
    # "... a missile attack in Dnipro killed at least 12 Ukrainian troops."
    row = one(claims, "000", "at least 12")
    assert row["value"] == 12 and row["bound"] == "at_least" and row["subject"] == "troop"
    assert (row["value_low"], row["value_high"]) == (12, None)


def test_seed_more_than_40_warplanes(claims):
    row = one(claims, "002", "more than 40")
    assert row["value"] == 40 and row["subject"] == "warplane" and row["bound"] == "more_than"


def test_over_as_a_preposition_is_not_a_bound():
    # seed 003: "downed 162 Ukrainian drones over eight Russian regions overnight"
    row = only("Air defences downed 162 drones over eight Russian regions.", "eight")
    assert row["bound"] == "exact" and row["subject"] == "region"


def test_age_under_the_age_of_25(claims):
    row = one(claims, "001", "25")  # "captives under the age of 25"
    assert row["kind"] == "age" and row["value"] == 25


# --- the bound readers on their own ---------------------------------------------------------


def test_bound_before_takes_the_longest_phrase(seed_docs):
    doc = seed_docs["000"]  # "the return of more than 6,000 bodies each"
    i = token_at(doc, "more than 6,000 bodies", "6,000")
    assert bound_before(doc, i) == ("more_than", i - 2)


def test_apply_prefix_up_to(seed_docs):
    doc = seed_docs["002"]  # "Ukraine could return up to 1,200 POWs"
    i = token_at(doc, "up to 1,200", "1,200")
    claim = read_number(doc, i)
    apply_prefix(doc, claim)
    assert (claim.bound, claim.start) == ("up_to", i - 2)


def test_apply_prefix_age_marker(seed_docs):
    doc = seed_docs["001"]  # "captives under the age of 25"
    claim = read_number(doc, token_at(doc, "the age of 25", "25"))
    apply_prefix(doc, claim)
    assert (claim.kind, claim.unit) == ("age", "year")
