"""Number words: fractions, vague plurals, ordinals, "one", a unit of time after "a".

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.claims.support import claims_of, one, only, token_at
from transforms.claims.extract import extract_claims
from transforms.claims.number_words import (
    read_a_unit,
    read_fraction_word,
    read_ordinal_word,
    read_vague,
)


def test_seed002_nearly_a_third_of_the_bomber_fleet(claims):
    # "... including nearly a third of Moscow's strategic bomber fleet, according to Kyiv."
    row = one(claims, "002", "nearly a third")
    assert row["value"] == pytest.approx(1 / 3) and row["kind"] == "fraction"
    assert row["subject"] == "fleet" and row["attributed_to"] == "Kyiv"


def test_seed001_at_least_half_of_the_children(claims):
    # "... the return of at least half of the children from this list ..."
    row = one(claims, "001", "at least half")
    assert row["value"] == 0.5 and row["bound"] == "at_least" and row["subject"] == "child"


def test_seed001_dozens_of_children_inside_a_quote(claims):
    # "“In fact, we are talking about dozens of children." (Medinsky, earlier in the paragraph)
    row = one(claims, "001", "dozens")
    assert row["bound"] == "range" and (row["value_low"], row["value_high"]) == (24, 99)
    assert row["subject"] == "child" and row["attributed_to"] == "Medinsky"


def test_seed004_hundreds_of_children(claims):
    row = one(claims, "004", "hundreds")
    assert (row["value_low"], row["value_high"]) == (200, 999) and row["subject"] == "child"
    assert row["attributed_to"] == "Ukrainian officials"


def test_ordinals(claims):
    row = one(claims, "000", "18th")
    assert (row["value"], row["kind"], row["subject"]) == (18, "ordinal", "package")
    row = one(claims, "002", "second")  # "the second round of negotiations"
    assert (row["value"], row["kind"], row["subject"]) == (2, "ordinal", "round")
    counts = claims.filter(pl.col("kind") == "count")
    assert not counts["quote"].is_in(["2022", "2023", "May 16", "second", "18th"]).any()


def test_one_missile_is_a_count_and_pronoun_one_is_not(claims):
    # "Two ballistic missiles struck ..., including one that hit near a school"
    seed4 = claims.filter(pl.col("article_id") == "004")
    assert "one" not in set(seed4.filter(pl.col("subject") == "missile")["quote"])
    row = one(claims, "004", "One")  # "One missile landed near an apartment building"
    assert row["value"] == 1 and row["subject"] == "missile"


def test_a_unit_of_time_and_rates():
    # seed 000: "Peace talks ... ended on Monday in Istanbul after an hour of discussions"
    row = only("Talks ended after an hour of discussions.", "an hour")
    assert (row["value"], row["kind"], row["unit"]) == (1, "duration", "hour")
    row = only("The raid took over a year and a half to prepare.", "over a year and a half")
    assert row["value"] == 1.5 and row["bound"] == "more_than" and row["unit"] == "year"
    # rates: the number is the claim, "a year" / "a day" is not a duration
    frame = claims_of("That is £1bn a year, or 80,000 barrels a day, twice a week.")
    assert frame["quote"].to_list() == ["£1bn", "80,000"]


def test_seed003_barely_an_hour(seed_docs):
    # "... but the discussion lasted barely an hour and produced no major progress ..."
    frame = extract_claims(["003"], [seed_docs["003"]])
    row = frame.filter(pl.col("quote") == "barely an hour").row(0, named=True)
    assert row["bound"] == "at_most" and (row["value_low"], row["value_high"]) == (0, 1)
    assert row["unit"] == "hour"


def test_ranks_and_ages():
    row = only("Barclays, the UK's third-biggest bank, grew.", "third-biggest")
    assert (row["value"], row["kind"], row["subject"]) == (3, "ordinal", "bank")
    row = only("A 25-year-old man was arrested.", "25-year-old")
    assert (row["value"], row["kind"], row["subject"]) == (25, "age", "man")
    row = only("Singer Christina Aguilera, 23, married.", "23")
    assert row["kind"] == "age"


# --- the readers on their own ---------------------------------------------------------------


def test_read_vague_dozens_is_24_to_99(seed_docs):
    doc = seed_docs["001"]  # "we are talking about dozens of children"
    i = token_at(doc, "dozens of children", "dozens")
    claim = read_vague(doc, i)
    assert (claim.low, claim.high, claim.bound) == (24, 99, "range")
    assert (claim.start, claim.end) == (i, i + 1)


def test_read_a_unit_takes_the_article(seed_docs):
    doc = seed_docs["003"]  # "the discussion lasted barely an hour"
    i = token_at(doc, "barely an hour", "hour")
    claim = read_a_unit(doc, i)
    assert claim.start == i - 1 and (claim.value, claim.kind, claim.unit) == (1, "duration", "hour")
    assert claim.bound == "exact"  # "barely" is read later, by bounds.apply_prefix


def test_read_ordinal_and_fraction_words(seed_docs):
    doc = seed_docs["003"]  # "met for a second round of direct peace talks"
    claim = read_ordinal_word(doc, token_at(doc, "a second round", "second"))
    assert (claim.value, claim.kind) == (2, "ordinal")
    doc = seed_docs["002"]  # "nearly a third of Moscow's strategic bomber fleet"
    i = token_at(doc, "nearly a third", "third")
    claim = read_fraction_word(doc, i)
    assert claim.start == i - 1 and claim.value == pytest.approx(1 / 3)
    assert (claim.original_value, claim.original_unit) == (1, "third")
