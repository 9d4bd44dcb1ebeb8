"""Digit tokens that are not plain numerals: signs, glued bounds, slashes, one-token ranges.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

import pytest

from tests.transforms.claims.support import claims_of, only
from transforms.claims.odd_numerals import read_glued_range, read_odd_numeral
from transforms.nlp.pipeline import parse


def test_glued_signs_bounds_and_clock_times():
    frame = claims_of("Sales grew -0.1% and 53% of the near-400,000 complaints came at 2100GMT.")
    rows = {r["quote"]: r for r in frame.iter_rows(named=True)}
    assert rows["-0.1%"]["value"] == pytest.approx(-0.001)
    assert rows["near-400,000"]["bound"] == "approx" and rows["near-400,000"]["value"] == 4e5
    assert rows["2100GMT"]["unit"] == "time_of_day"
    row = only("Spending on roads since 1998/9 rose.", "1998/9")
    assert (row["kind"], row["value_low"], row["value_high"]) == ("date", 1998, 1999)


def test_ranges_spacy_keeps_in_one_token():
    text = "Shares of $24-$26 and profits of £40m-£50m, an 8%-10% rise; IPC is 46%-owned."
    frame = claims_of(text)
    rows = {r["quote"]: r for r in frame.iter_rows(named=True)}
    assert (rows["$24-$26"]["value_low"], rows["$24-$26"]["value_high"]) == (24, 26)
    assert rows["$24-$26"]["currency"] == "USD"
    assert (rows["£40m-£50m"]["value_low"], rows["£40m-£50m"]["value_high"]) == (4e7, 5e7)
    assert rows["8%-10%"]["kind"] == "percent" and rows["8%-10%"]["value_high"] == 0.1
    assert rows["46%-owned"]["value"] == pytest.approx(0.46)


# --- the readers on their own (forms the seeds do not contain) -----------------------------


def test_read_odd_numeral_slash_years_and_glued_bounds():
    doc = next(iter(parse(["Spending since 1998/9 rose, with near-400,000 complaints."])))
    i = next(t.i for t in doc if t.text == "1998/9")
    claim = read_odd_numeral(doc, i)
    assert (claim.kind, claim.low, claim.high, claim.bound) == ("date", 1998, 1999, "range")
    i = next(t.i for t in doc if t.text == "near-400,000")
    claim = read_odd_numeral(doc, i)
    assert (claim.value, claim.bound) == (4e5, "approx")


def test_read_glued_range_shares_the_multiplier():
    doc = next(iter(parse(["Profits of £40m-£50m were forecast."])))
    i = next(t.i for t in doc if t.text.startswith("40m"))
    claim = read_glued_range(doc, i)
    assert (claim.low, claim.high, claim.scale, claim.bound) == (4e7, 5e7, 1e6, "range")
