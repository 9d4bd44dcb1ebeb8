"""Date lines: one calendar date with its label, weekday, time and zone in any order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import SHARED
from transforms.normalize.dates import parse_date
from transforms.normalize.metadata import match_header

ECBPLUS = SHARED / "corpora" / "ecbplus" / "articles"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("09th June 2013", dt.date(2013, 6, 9)),  # an ordinal day
        ("Published: 10:15 AM, 5 May 2013", dt.date(2013, 5, 5)),  # the time first
        ("10:15 AM, 5 May 2013", dt.date(2013, 5, 5)),  # as a "Published:" field's value
        ("2025-06-02", dt.date(2025, 6, 2)),
        ("Mon 2 Jun 2025", dt.date(2025, 6, 2)),
        ("Feb 30, 2013", None),  # no such day
        ("Lohan was sentenced on May 3, 2013", None),  # prose around a date
        ("June 2 2025 Kyiv", None),  # a place is not date furniture
        ("7 / 28 / 2004", None),  # numeric: month or day first cannot be told
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date


def _line(name: str, number: int) -> str:
    path = ECBPLUS / name
    if not path.exists():
        pytest.skip(f"ECB+ corpus not found at {ECBPLUS} (../shared relative to the project)")
    return Path(path).read_text(encoding="utf-8").splitlines()[number - 1]


# Date lines of ECB+ files of even-numbered topics, which the rule was not tuned on (odd ones
# were); each is read from the file itself.
@pytest.mark.parametrize(
    ("name", "line", "date"),
    [
        ("22/22_1ecbplus.txt", 3, dt.date(2010, 9, 10)),  # "Friday, Sep 10, 2010 | Updated ..."
        ("2/2_7ecbplus.txt", 3, dt.date(2013, 8, 2)),  # "Posted August 2nd, 2013 at 5:19 pm"
        ("14/14_2ecbplus.txt", 2, dt.date(2013, 7, 23)),  # "... Last updated at 13:42 GMT"
        ("18/18_3ecbplus.txt", 3, dt.date(2007, 4, 12)),  # "Apr 12, 2007"
        ("36/36_4ecbplus.txt", 3, dt.date(2011, 8, 2)),  # "... 7:08 p. m. MDT"
        ("36/36_4ecbplus.txt", 2, None),  # the headline
    ],
)
def test_ecbplus_date_lines(name, line, date):
    text = _line(name, line)
    header = match_header(text)
    assert (header[1] if header else None) == date, text
