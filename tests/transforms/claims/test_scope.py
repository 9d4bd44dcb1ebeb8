"""Scope: the per-side body count said three ways in the seeds, and "on both sides".

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

from tests.transforms.claims.support import one, token_at
from transforms.claims.reader import read_number
from transforms.claims.scope import apply_scope, restate_total
from transforms.claims.subjects import counted_noun


def test_seed000_more_than_6000_bodies_each(claims):
    # "... and the return of more than 6,000 bodies each."
    row = one(claims, "000", "more than 6,000")
    assert row["value"] == 6000 and row["bound"] == "more_than"
    assert (row["value_low"], row["value_high"]) == (6000, None)
    assert row["kind"] == "count" and row["subject"] == "body"
    assert row["scope"] == "per_side" and row["per_side_value"] == 6000


def test_seed001_6000_killed_soldiers_from_each_side(claims):
    # "... and the bodies of 6,000 killed soldiers from each side."
    row = one(claims, "001", "6,000")
    assert row["value"] == 6000 and row["bound"] == "exact"
    assert row["subject"] == "soldier" and row["scope"] == "per_side"
    assert row["per_side_value"] == 6000


def test_seed002_12000_dead_soldiers_or_6000_for_each_side(claims):
    # "... return the bodies of 12,000 dead soldiers, or 6,000 for each side."
    total = one(claims, "002", "12,000")
    side = one(claims, "002", "6,000")
    assert total["value"] == 12000 and total["scope"] == "total"
    assert side["value"] == 6000 and side["scope"] == "per_side"
    # one claim said twice: both readings carry the same per-side value
    assert total["per_side_value"] == side["per_side_value"] == 6000
    assert total["subject"] == side["subject"] == "soldier"
    assert total["attributed_to"] == "Russian and Ukrainian officials"


def test_seed003_6000_soldiers_killed_in_action_scope_unknown(claims):
    # "... agreed to swap the bodies of 6,000 soldiers killed in action ..."
    row = one(claims, "003", "6,000")
    assert row["value"] == 6000 and row["subject"] == "soldier"
    assert row["scope"] == "unknown" and row["per_side_value"] is None


def test_seed002_more_than_a_dozen_people_on_each_side(claims):
    row = one(claims, "002", "More than a dozen")
    assert row["value"] == 12 and row["bound"] == "more_than"
    assert row["scope"] == "per_side" and row["per_side_value"] == 12


def test_seed003_1000_on_both_sides_and_seed004_each_side_freeing(claims):
    # "... a swap of prisoners, with 1,000 on both sides being exchanged."
    both = one(claims, "003", "1,000")
    assert both["value"] == 1000 and both["scope"] == "per_side"
    assert both["subject"] == "prisoner"
    # "... with each side freeing 1,000 prisoners ..."
    each = one(claims, "004", "1,000")
    assert each["scope"] == "per_side" and each["per_side_value"] == 1000
    assert each["subject"] == "prisoner"


# --- apply_scope and restate_total on their own ---------------------------------------------


def test_each_after_the_counted_noun_is_per_side(seed_docs):
    doc = seed_docs["000"]  # "more than 6,000 bodies each"
    claim = read_number(doc, token_at(doc, "6,000 bodies each"))
    noun = counted_noun(doc, claim)
    assert noun is not None and noun.text == "bodies"
    apply_scope(doc, claim, noun)
    assert (claim.scope, claim.per_side_value) == ("per_side", 6000)


def test_per_side_restatement_makes_the_earlier_count_a_total(seed_docs):
    doc = seed_docs["002"]  # "the bodies of 12,000 dead soldiers, or 6,000 for each side"
    total = read_number(doc, token_at(doc, "12,000 dead soldiers"))
    total.subject = "soldier"
    side = read_number(doc, token_at(doc, "6,000 for each side", "6,000"))
    apply_scope(doc, side, counted_noun(doc, side))
    assert side.scope == "per_side"
    restate_total(side, [total])
    assert (total.scope, total.per_side_value, side.subject) == ("total", 6000, "soldier")
