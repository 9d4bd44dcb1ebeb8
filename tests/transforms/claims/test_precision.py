"""Readings a fact-checker reported as wrong (issue #12), each on text it was not written for.

Spaced separators (ECB+ puts a space after every comma and full stop), abbreviated months,
names with a number, idioms, odds, race distances and vague sums of money.
"""

from __future__ import annotations

import polars as pl

from tests.transforms.claims.support import claims_of, only


def test_spaced_thousands_and_decimals_are_one_number():
    row = only("Officials said 45, 000 fans and 1, 250, 000 viewers watched.", "45, 000")
    assert row["value"] == 45000
    assert (
        only("Officials said 45, 000 fans and 1, 250, 000 viewers watched.", "1, 250, 000")["value"]
        == 1_250_000
    )
    row = only("The tremor measured 4. 8 and the ship sat 3. 5 miles off shore.", "4. 8")
    assert row["value"] == 4.8
    quotes = claims_of("The tremor measured 4. 8 and the ship sat 3. 5 miles off shore.")["quote"]
    assert "8" not in quotes.to_list() and "5" not in quotes.to_list()


def test_a_list_and_a_sentence_end_stay_apart():
    frame = claims_of("Tickets cost 7, 150 and 300 dollars.")
    assert 7150 not in frame["value"].to_list()
    frame = claims_of("The vote was held in 2004. 17 members abstained.")
    assert 2004.17 not in frame["value"].to_list()


def test_spaced_clock_times():
    row = only("Police arrived at 11 p. m. and left at 7. 40 a. m.", "11 p. m.")
    assert (row["kind"], row["unit"], row["value"]) == ("other", "time_of_day", 11)
    row = only("Police arrived at 11 p. m. and left at 7. 40 a. m.", "7. 40 a. m.")
    assert (row["kind"], row["value"]) == ("other", 7.4)


def test_abbreviated_months_are_dates():
    row = only("The law took effect on Feb. 9 and expires Oct. 31, 2015.", "Feb. 9")
    assert (row["kind"], row["value"], row["unit"]) == ("date", 209, "mmdd")
    row = only("The law took effect on Feb. 9 and expires Oct. 31, 2015.", "Oct. 31, 2015")
    assert (row["kind"], row["value"]) == ("date", 20151031)


def test_versions_lists_and_titled_ordinals_are_names():
    frame = claims_of("Users of the Galaxy 5 phone ranked it in the Fortune 500 index.")
    assert frame.filter(pl.col("kind") == "count").height == 0
    frame = claims_of("She sat on the 9th Circuit and cited the 19th Amendment.")
    assert frame.height == 0
    assert only("Apple sold 5 phones.", "5")["subject"] == "phone"  # a count still counts


def test_idioms_count_nothing():
    text = "At one stage the deal looked lost; on the one hand it was second to none."
    assert claims_of(text).height == 0
    assert claims_of("The first lady spoke in the first instance.").height == 0
    assert only("He won the first round.", "first")["kind"] == "ordinal"


def test_odds_are_a_share():
    row = only("Forecasters give a one-in-four chance of snow.", "one-in-four")
    assert (row["kind"], row["value"]) == ("fraction", 0.25)


def test_race_distances_with_a_thousands_separator():
    row = only("He took silver in the women's 5,000m at the championships.", "5,000m")
    assert (row["kind"], row["value"]) == ("distance", 5.0)
    assert only("The club owes 1,500m to banks.", "1,500m")["value"] == 1.5e9


def test_vague_sums_of_money():
    row = only("The scheme wasted millions of pounds.", "millions")
    assert (row["kind"], row["currency"]) == ("money", "GBP")
    assert only("Thousands of people marched.", "Thousands")["kind"] == "count"


def test_phone_numbers_and_pair_references_are_no_claims():
    assert claims_of("Call the hotline on 0300 123 4567 today.").height == 0
    assert claims_of("Talks between the two governments resumed.").height == 0
    assert only("The two governments signed 14 accords.", "14")["subject"] == "accord"
    assert only("Two governments resigned.", "Two")["kind"] == "count"


def test_nautical_miles_and_orders_of_magnitude():
    row = only("Warships guard a 250-nautical-mile lane.", "250-nautical-mile")
    assert (row["kind"], row["value"], row["original_unit"]) == ("distance", 463.0, "nautical mile")
    assert claims_of("It was a multi-billion industry.").height == 0


def test_a_score_is_one_claim_not_two_fragments():
    frame = claims_of("The Lakers beat Boston 104-99 and lead the series 3-1.")
    assert frame.select("quote", "unit").rows() == [("104-99", "score"), ("3-1", "score")]


def test_a_list_continuing_a_versioned_name_counts_nothing():
    frame = claims_of("The app runs on Android 12, 13 and 14 as well as on tablets.")
    assert frame.height == 0
    # a plain list of counts is still read, and a noun after a number is still counted
    assert claims_of("Police found 3, 5 and 7 bags in the van.").height == 3
    assert only("He presented for Channel 4 and 40 staff followed him.", "40")["kind"] == "count"


def test_a_tally_after_a_name_is_no_age():
    frame = claims_of("The Senate confirmed Samuel Alito, 58 to 42, after a long debate.")
    assert "age" not in frame["kind"].to_list()
    assert only("The defendant, Jane Doe, 34, was charged on Monday.", "34")["kind"] == "age"
    # a surname the model does not know as a person is still a name with an age
    row = only("Zelinskaya, 27, and her coach Ivo Marek were banned for two years.", "27")
    assert row["kind"] == "age"


def test_a_hyphenated_multiplier_is_one_number():
    row = only(
        "Robbers seized a three-million-dollar painting from the villa.", "three-million-dollar"
    )
    assert (row["kind"], row["value"], row["currency"]) == ("money", 3e6, "USD")
    row = only("A ten-thousand - euro reward was offered.", "ten-thousand - euro")
    assert (row["kind"], row["value"]) == ("money", 1e4)
    row = only(
        "Between four and five million viewers watched the final.", "Between four and five million"
    )
    assert (row["value_low"], row["value_high"]) == (4e6, 5e6)


def test_a_capital_glued_after_a_brand_is_a_model():
    frame = claims_of("The laptop ships with an AMD Radeon 6750M chip and 8GB of memory.")
    assert 6.75e9 not in frame["value"].to_list()
    assert only("The company sold $2M of chips.", "$2M")["kind"] == "money"


def test_subjects_of_named_counts_sea_miles_and_changed_sums():
    # a name compounded into the counted noun is whose, not what is counted
    row = only("Four Jonny Wilkinson drop goals won the match for England.", "Four")
    assert row["subject"] == "goal"
    # a sea-mile distance measures the noun after it
    assert only("Ships guard a 200-nautical-mile zone.", "200-nautical-mile")["subject"] == "zone"
    # a sum that a change verb moves from one level to another is its object's
    row = only("The council trimmed its deficit from £8.4m to £5.9m this year.", "£5.9m")
    assert row["subject"] == "deficit"
