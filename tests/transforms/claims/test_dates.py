"""Dates: days, months, years, and ranges of days.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

from tests.transforms.claims.support import claims_of, one, only, token_at
from transforms.claims.dates import as_date, day_of_month_range
from transforms.claims.reader import read_number


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
    # a score is one claim, never its two halves (issue 12: "score fragments")
    assert frame["quote"].to_list() == ["2-1", "16 May"]
    assert frame["kind"].to_list() == ["other", "date"]


def test_a_second_day_before_the_first_is_no_day_of_its_month():
    # The BBC corpus read "between 12 January and 10" (February) as the mmdd range 112..110,
    # which broke the bounds check; a range within a month must end after it starts.
    frame = claims_of("The exhibition runs between 12 January and 10 February at the gallery.")
    assert frame.select("quote", "value", "bound").rows() == [
        ("12 January", 112, "exact"),
        ("10 February", 210, "exact"),
    ]
    later = claims_of("The sale lasts between 12 January and 10 days later, he said.")
    assert later.select("quote", "kind").rows() == [("12 January", "date"), ("10", "duration")]
    # A forward range in one month is still one range.
    row = only("Voting runs between 12 and 14 May.", "between 12 and 14 May")
    assert (row["value_low"], row["value_high"]) == (512, 514)


# --- as_date on its own ---------------------------------------------------------------------


def test_as_date_month_day_and_year(seed_docs):
    doc = seed_docs["001"]  # "... in Istanbul, on June 2, 2025 shows"
    claim = read_number(doc, token_at(doc, "June 2, 2025", "2"))
    assert as_date(doc, claim)
    assert (claim.value, claim.unit, claim.kind) == (20250602, "yyyymmdd", "date")
    assert doc[claim.start].text == "June" and doc[claim.end - 1].text == "2025"


def test_as_date_year_and_not_a_count(seed_docs):
    doc = seed_docs["000"]  # "more than 1.2 million people since 2022"
    claim = read_number(doc, token_at(doc, "since 2022", "2022"))
    assert as_date(doc, claim) and (claim.value, claim.unit) == (2022, "year")
    claim = read_number(doc, token_at(doc, "6,000 bodies"))
    assert not as_date(doc, claim) and claim.kind == "count"


def test_day_of_month_range(seed_docs):
    doc = seed_docs["003"]  # "between June 20 and 30"
    claim = read_number(doc, token_at(doc, "June 20 and 30", "20"))
    assert as_date(doc, claim) and claim.unit == "mmdd"
    second = read_number(doc, token_at(doc, "June 20 and 30", "30"))
    assert day_of_month_range(claim, second, between=True) == []
    assert (claim.low, claim.high, claim.bound, claim.between) == (620, 630, "range", True)
