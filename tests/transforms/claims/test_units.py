"""Units: percent, distances (converted to km), durations, ages, race distances.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

import pytest

from tests.transforms.claims.support import claims_of, one, only, token_at
from transforms.claims.reader import read_number
from transforms.claims.units import apply_units, finish_kind


def test_seed002_about_20_percent_of_territory(claims):
    # "... the Kremlin gain control of about 20 percent of Ukrainian territory."
    row = one(claims, "002", "about 20 percent")
    assert row["value"] == pytest.approx(0.2) and row["bound"] == "approx"
    assert row["value_low"] == pytest.approx(0.18) and row["value_high"] == pytest.approx(0.22)
    assert row["kind"] == "percent" and row["unit"] == "share" and row["subject"] == "territory"
    assert (row["original_value"], row["original_unit"]) == (20, "percent")


def test_fifth_and_20_percent_are_compatible(claims):
    fifth = one(claims, "000", "nearly one-fifth")
    pct = one(claims, "002", "about 20 percent")
    assert fifth["value_low"] <= pct["value_high"] and pct["value_low"] <= fifth["value_high"]


def test_seed003_620_mile_front_line(claims):
    # "Fierce fighting has continued along the 620-mile front line ..."
    row = one(claims, "003", "620-mile")
    assert row["kind"] == "distance" and row["unit"] == "km"
    assert row["value"] == pytest.approx(997.79, abs=0.01)
    assert (row["original_value"], row["original_unit"]) == (620, "mile")
    assert row["subject"] == "front line"


def test_seed004_roughly_1000_kilometer_620_mile(claims):
    # "... along the roughly 1,000-kilometer (620-mile) front line ..."
    km = one(claims, "004", "roughly 1,000-kilometer")
    miles = one(claims, "004", "620-mile")
    assert km["value"] == 1000 and km["bound"] == "approx" and km["kind"] == "distance"
    assert km["subject"] == "front line"
    assert miles["value"] == pytest.approx(997.79, abs=0.01)
    assert miles["bound"] == "approx"  # the conversion is as rough as what it converts
    assert km["value_low"] <= miles["value"] <= km["value_high"]


def test_seed003_more_than_4300_miles(claims):
    row = one(claims, "003", "more than 4,300")
    assert row["kind"] == "distance" and row["bound"] == "more_than"
    assert row["value"] == pytest.approx(4300 * 1.609344)


def test_seed001_30_day_ceasefire_and_seed002_at_least_30_days(claims):
    row = one(claims, "001", "30-day")
    assert (row["value"], row["kind"], row["unit"]) == (30, "duration", "day")
    assert row["subject"] == "ceasefire"
    row = one(claims, "002", "at least 30")
    assert row["bound"] == "at_least" and row["kind"] == "duration" and row["unit"] == "day"
    assert row["attributed_to"] == "Umerov"


def test_three_year_war_is_a_duration(claims):
    # "... to end the three-year war." / "... ending the three-year-old war"
    row = one(claims, "001", "three-year")
    assert (row["value"], row["kind"], row["unit"]) == (3, "duration", "year")
    assert row["subject"] == "war"
    row = one(claims, "003", "three-year-old")
    assert row["kind"] == "duration" and row["subject"] == "war"


def test_seed003_just_over_two_weeks(claims):
    row = one(claims, "003", "just over two")
    assert row["bound"] == "more_than" and row["kind"] == "duration" and row["unit"] == "week"


def test_percent_sign_and_per_cent():
    row = only("Turnout was 90% in the north.", "90%")
    assert row["value"] == pytest.approx(0.9) and row["kind"] == "percent"
    row = only("Sales fell by 3.5 per cent.", "3.5 per cent")
    assert row["value"] == pytest.approx(0.035)


def test_race_distances_and_score_lines():
    frame = claims_of("He ran the 800m in Erfurt, and 5m people watched.")
    assert frame["kind"].to_list() == ["distance", "count"]
    assert frame["value"].to_list() == [0.8, 5e6]
    frame = claims_of("Kim won 3-6 6-2 6-7 6-2 6-2 and they lost 1-2 at home.")
    assert set(frame["kind"]) == {"other"} and set(frame["unit"]) == {"score"}
    row = only("The trip takes 3-4 days.", "3-4")
    assert (row["kind"], row["bound"], row["value_low"], row["value_high"]) == (
        "duration", "range", 3, 4,
    )  # fmt: skip


# --- apply_units and finish_kind on their own -----------------------------------------------


def test_hyphen_glued_mile_then_canonical_km(seed_docs):
    doc = seed_docs["003"]  # "along the 620-mile front line"
    i = token_at(doc, "620-mile", "620")
    claim = read_number(doc, i)
    apply_units(doc, claim)
    assert (claim.kind, claim.original_unit, claim.end, claim.anchor) == (
        "distance", "mile", i + 3, i + 2,
    )  # fmt: skip
    finish_kind(claim)
    assert claim.unit == "km" and claim.value == pytest.approx(620 * 1.609344)
    assert claim.original_value == 620


def test_percent_word_then_a_share(seed_docs):
    doc = seed_docs["002"]  # "control of about 20 percent of Ukrainian territory"
    i = token_at(doc, "20 percent", "20")
    claim = read_number(doc, i)
    apply_units(doc, claim)
    assert claim.kind == "percent" and claim.end == i + 2
    finish_kind(claim)
    assert (claim.value, claim.unit, claim.original_value) == (0.2, "share", 20)


def test_three_year_old_war_is_no_age(seed_docs):
    doc = seed_docs["003"]  # "towards ending the three-year-old war"
    claim = read_number(doc, token_at(doc, "three-year-old war", "three"))
    apply_units(doc, claim)
    assert (claim.kind, claim.unit) == ("duration", "year")
    assert doc[claim.end - 1].text == "old"
