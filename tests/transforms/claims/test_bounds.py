"""Bounds: the words before a number ("at least", "more than"), and "over" as a preposition.

End to end through `extract_claims` on the seed articles and one-sentence texts.
"""

from __future__ import annotations

from tests.transforms.claims.support import one, only


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
