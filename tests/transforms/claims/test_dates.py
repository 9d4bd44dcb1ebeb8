"""Dates: days, months, years, and ranges of days.

End to end through `extract_claims` on the seed articles and one-sentence texts.
"""

from __future__ import annotations

from tests.transforms.claims.support import claims_of, one, only


def test_dates(claims):
    assert one(claims, "000", "2022")["kind"] == "date"  # "since 2022"
    may = one(claims, "003", "May 16")
    assert (may["value"], may["kind"], may["unit"]) == (516, "date", "mmdd")
    june = one(claims, "003", "between June 20 and 30")
    assert june["kind"] == "date" and june["bound"] == "range"
    assert (june["value_low"], june["value_high"]) == (620, 630)
    full = one(claims, "001", "June 2, 2025")
    assert (full["value"], full["unit"]) == (20250602, "yyyymmdd")
    march = one(claims, "002", "March 2022")
    assert (march["value"], march["unit"]) == (202203, "yyyymm")


def test_day_ranges_and_scores_after_names():
    row = only("The show runs from 6 to 9 January 2005.", "6 to 9 January 2005")
    assert row["kind"] == "date" and (row["value_low"], row["value_high"]) == (20050106, 20050109)
    frame = claims_of("Arsenal beat Chelsea 2-1 on Sunday 16 May.")
    assert frame["quote"].to_list() == ["2", "1", "16 May"]
    assert frame["kind"].to_list() == ["other", "other", "date"]
