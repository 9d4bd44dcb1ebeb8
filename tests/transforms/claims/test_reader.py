"""Reading one number: numerals with multipliers, written numbers, vague "several hundred".

End to end through `extract_claims` on the seed articles and one-sentence texts.
"""

from __future__ import annotations

import pytest

from tests.transforms.claims.support import one, only
from transforms.claims.extract import APPROX_TOLERANCE


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
