"""Ranges, ratios, formats and scores; a change is not a range.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

import pytest

from tests.transforms.claims.support import claims_of, one, only, token_at
from transforms.claims.ranges import read_range
from transforms.claims.reader import read_number
from transforms.claims.units import apply_units


def test_seed003_52_out_of_80_drones(claims):
    # "Ukrainian air defences damaged 52 out of 80 drones launched by Russia overnight, the
    # Ukrainian air force said." -> two counts, both of drones.
    part = one(claims, "003", "52")
    whole = one(claims, "003", "80")
    assert (part["value"], whole["value"]) == (52, 80)
    assert part["subject"] == whole["subject"] == "drone"
    assert part["attributed_to"] == "Ukrainian air force"


def test_seed002_up_to_1200_pows_and_1000_for_1000_format(claims):
    # "Zelensky later said Ukraine could return up to 1,200 POWs, with an expected
    # 1,000-for-1,000 format that could be increased."
    pows = one(claims, "002", "up to 1,200")
    assert pows["bound"] == "up_to" and (pows["value_low"], pows["value_high"]) == (0, 1200)
    assert pows["subject"] == "prisoner of war"
    assert pows["attributed_to"] == "Ukrainian President Volodymyr Zelensky"
    fmt = one(claims, "002", "1,000-for-1,000")
    assert fmt["value"] == 1000 and fmt["kind"] == "count"
    assert fmt["scope"] == "per_side" and fmt["per_side_value"] == 1000
    assert fmt["subject"] == "prisoner of war"


def test_seed000_two_to_three_days(claims):
    # "Medinsky said Moscow proposed a temporary ceasefire for two to three days ..."
    row = one(claims, "000", "two to three")
    assert row["bound"] == "range" and (row["value_low"], row["value_high"]) == (2, 3)
    assert row["value"] == 2.5 and row["kind"] == "duration" and row["unit"] == "day"
    assert row["subject"] == "ceasefire" and row["attributed_to"] == "Medinsky"


def test_year_ranges_decades_and_scores():
    row = only("Profits in 2004-05 were flat.", "2004-05")
    assert row["kind"] == "date" and (row["value_low"], row["value_high"]) == (2004, 2005)
    row = only("It was popular in the 1990s.", "1990s")
    assert row["kind"] == "date" and (row["value_low"], row["value_high"]) == (1990, 1999)
    frame = claims_of("Chelsea won 2-1 at home.")
    assert set(frame["kind"]) == {"other"}


def test_from_to_is_a_change_not_a_range():
    frame = claims_of("Unemployment rose from 5% to 7% last year.")
    assert frame["bound"].to_list() == ["exact", "exact"]
    assert frame["value"].to_list() == pytest.approx([0.05, 0.07])


def test_ranges_share_multiplier_and_currency():
    row = only("Between 200 and 250 million people watched.", "Between 200 and 250 million")
    assert (row["value_low"], row["value_high"]) == (2e8, 2.5e8) and row["value"] == 2.25e8
    row = only("The bill could reach $3-4bn.", "$3-4bn")
    assert (row["value_low"], row["value_high"], row["currency"]) == (3e9, 4e9, "USD")
    row = only("Growth of 2% to 3% is expected.", "2% to 3%")
    assert (row["value_low"], row["value_high"]) == pytest.approx((0.02, 0.03))


def test_a_change_then_a_level_is_not_a_range():
    frame = claims_of("Sales rose 2.8% to 14.96bn euros.")
    assert frame["quote"].to_list() == ["2.8%", "14.96bn"]
    assert frame["kind"].to_list() == ["percent", "money"]
    assert frame["currency"].to_list() == [None, "EUR"]


def test_currency_written_twice_in_a_range():
    row = only("It will cost between £5m and £6m.", "between £5m and £6m")
    assert (row["value_low"], row["value_high"], row["currency"]) == (5e6, 6e6, "GBP")
    frame = claims_of("Costs rose from £5.5bn to £8.2bn a year.")
    assert frame["quote"].to_list() == ["£5.5bn", "£8.2bn"]


# --- read_range on its own ------------------------------------------------------------------


def test_range_takes_the_unit_of_its_second_end(seed_docs):
    doc = seed_docs["000"]  # "a temporary ceasefire for two to three days"
    claim = read_number(doc, token_at(doc, "two to three days", "two"))
    apply_units(doc, claim)
    assert read_range(doc, claim) == []
    assert (claim.low, claim.high, claim.value, claim.bound) == (2, 3, 2.5, "range")
    assert (claim.kind, claim.unit) == ("duration", "day")
    assert doc[claim.end - 1].text == "three" and doc[claim.anchor].text == "days"


def test_ratio_points_the_subject_at_the_whole(seed_docs):
    doc = seed_docs["003"]  # "damaged 52 out of 80 drones"
    claim = read_number(doc, token_at(doc, "52 out of 80", "52"))
    assert read_range(doc, claim) is None
    assert doc[claim.subject_from].text == "80" and claim.bound == "exact"


def test_format_is_one_per_side_claim(seed_docs):
    doc = seed_docs["002"]  # "with an expected 1,000-for-1,000 format"
    i = token_at(doc, "1,000-for-1,000", "1,000")
    claim = read_number(doc, i)
    assert read_range(doc, claim) == []
    assert (claim.scope, claim.per_side_value, claim.inherit_subject) == ("per_side", 1000, True)
    assert doc[claim.start : claim.end].text == "1,000-for-1,000"
