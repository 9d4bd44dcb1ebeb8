"""Reading one number: numerals with multipliers, written numbers, vague "several hundred".

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

import pytest

from tests.transforms.claims.support import one, only, token_at
from transforms.claims.extract import APPROX_TOLERANCE
from transforms.claims.reader import read_cardinal_words, read_number


def test_seed000_nearly_one_fifth_of_territory(claims):
    # "Russia controls nearly one-fifth of Ukrainian territory ..."
    row = one(claims, "000", "nearly one-fifth")
    assert row["value"] == pytest.approx(0.2) and row["bound"] == "approx"
    assert row["value_low"] == pytest.approx(0.2 * (1 - APPROX_TOLERANCE))
    assert row["value_high"] == pytest.approx(0.2)  # "nearly": from below only
    assert row["kind"] == "fraction" and row["unit"] == "share"
    assert row["subject"] == "territory"
    assert (row["original_value"], row["original_unit"]) == (1, "fifth")


def test_seed000_more_than_1_2_million_people(claims):
    # "The conflict has claimed or injured more than 1.2 million people since 2022, according
    # to US estimates." ("claimed" here is not speech.)
    row = one(claims, "000", "more than 1.2 million")
    assert row["value"] == 1_200_000 and row["bound"] == "more_than"
    assert row["subject"] == "people" and row["attributed_to"] == "US estimates"


def test_seed001_several_hundred_children(claims):
    # "We have provided the other side with a list of several hundred Ukrainian children ..."
    row = one(claims, "001", "several hundred")
    assert row["bound"] == "range" and (row["value_low"], row["value_high"]) == (300, 900)
    assert row["value"] == 600 and row["subject"] == "child"
    assert row["attributed_to"] == "Umerov"  # "he said" -> the named speaker before


def test_money_symbols_and_multipliers():
    row = only("The fine was £1,400 and the deal was worth $3bn.", "£1,400")
    assert (row["value"], row["kind"], row["currency"]) == (1400, "money", "GBP")
    assert row["unit"] == "GBP"
    row = only("The fine was £1,400 and the deal was worth $3bn.", "$3bn")
    assert (row["value"], row["currency"]) == (3e9, "USD")
    row = only("Profits rose to £5.3m last year.", "£5.3m")
    assert row["value"] == pytest.approx(5.3e6) and row["currency"] == "GBP"
    row = only("It cost 20 million euros.", "20 million")
    assert row["kind"] == "money" and row["currency"] == "EUR" and row["value"] == 2e7


def test_written_compounds_and_a_dozen():
    assert only("Twenty-five people were hurt.", "Twenty-five")["value"] == 25
    row = only("Police arrested a dozen people.", "a dozen")
    assert row["value"] == 12 and row["subject"] == "people"
    row = only("Two-thirds of voters agreed.", "Two-thirds")
    assert row["value"] == pytest.approx(2 / 3) and row["kind"] == "fraction"
    row = only("Hundreds of thousands of people marched.", "Hundreds of thousands")
    assert (row["value_low"], row["value_high"]) == (200_000, 999_000)


def test_sentence_final_million_keeps_the_full_stop_out():
    row = only("Farm subsidies were cut by $587m.", "$587m")
    assert row["value"] == 5.87e8 and row["currency"] == "USD"


def test_half_a_million_and_glued_million():
    row = only("In India just over half a million people are affected.", "just over half a million")
    assert row["value"] == 500_000 and row["bound"] == "more_than" and row["kind"] == "count"
    row = only("More than half of the 17-million population is poor.", "17-million")
    assert row["value"] == 17e6


# --- read_number on its own: the bare number, before any context --------------------------


def test_read_number_takes_the_scale_word_but_not_the_bound(seed_docs):
    doc = seed_docs["000"]  # "... injured more than 1.2 million people since 2022"
    i = token_at(doc, "more than 1.2 million people", "1.2")
    claim = read_number(doc, i)
    assert claim.value == 1.2e6 and claim.scale == 1e6
    assert (claim.start, claim.end, claim.anchor) == (i, i + 2, i + 1)
    assert claim.bound == "exact"  # "more than" is read later, by bounds.apply_prefix


def test_read_number_written_fraction_and_pronoun_one(seed_docs):
    doc = seed_docs["000"]  # "Russia controls nearly one-fifth of Ukrainian territory"
    frac = read_number(doc, token_at(doc, "nearly one-fifth", "one"))
    assert frac.kind == "fraction" and frac.value == pytest.approx(0.2)
    assert (frac.original_value, frac.original_unit) == (1, "fifth")
    doc = seed_docs["004"]  # "... including one that hit near a school"
    assert read_number(doc, token_at(doc, "including one that hit", "one")) is None


def test_cardinal_word_run_stops_at_the_range_word(seed_docs):
    doc = seed_docs["000"]  # "a temporary ceasefire for two to three days"
    i = token_at(doc, "two to three days", "two")
    assert read_cardinal_words(doc, i) == (2.0, i + 1)
    several = read_number(doc := seed_docs["001"], token_at(doc, "several hundred", "hundred"))
    assert (several.low, several.high, several.bound) == (300, 900, "range")
    assert doc[several.start].text == "several"
