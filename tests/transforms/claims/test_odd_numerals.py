"""Digit tokens that are not plain numerals: signs, glued bounds, slashes, one-token ranges.

End to end through `extract_claims` on the seed articles and one-sentence texts.
"""

from __future__ import annotations

import pytest

from tests.transforms.claims.support import claims_of, only


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
