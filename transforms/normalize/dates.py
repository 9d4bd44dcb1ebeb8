"""Calendar dates in the date lines of news files, whatever surrounds them.

A date line holds one calendar date ("2025-06-02", "June 2, 2025", "2 June 2025") and around
it only what pages print with a date: a label ("Published:", "Updated", "posted", "on", "at"),
a weekday, a time ("10:15 AM", "5:55p", "8:41 p. m."), a time zone ("BST", "EST") and
separators ("|", ","). Ordinal days ("09th June 2013", "April 24TH") are days. So the time may
come first ("Published: 10:15 AM, 5 May 2013"), and a line whose other words are anything else
("Lohan was sentenced on May 3, 2013") is no date line.

Numeric dates ("7 / 28 / 2004") are left alone: month-first and day-first cannot be told apart.
"""

from __future__ import annotations

import datetime as dt
import re

from transforms.text.lexicon import MONTHS

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_CALENDAR = re.compile(
    rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)
# What a date line may hold besides its date; each piece is removed before the rest is judged.
_TIME = (
    r"\d{1,2}(?:[:.]\s?\d{2}(?::\d{2})?)?\s*(?:[ap]\.?\s?m\b\.?|[ap]\b)"
    r"|\d{1,2}[:.]\s?\d{2}(?::\d{2})?"
)
_WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_LABELS = (
    r"(?:first )?published(?: time)?|updated|posted|last|on|at|created|story|date|dated|"
    r"released?|hrs|local time"
)
_ZONES = (
    r"(?:UTC|GMT)[+-]\d{1,2}(?::\d{2})?|UTC|GMT|BST|CET|CEST|EET|IST|[ECMP][SD]?T|AKST|AKDT|HST|AEST|AEDT|ACST|AWST|NZST|NZDT|"
    r"SGT|HKT|JST|SAST|WIB"
)
_FURNITURE = re.compile(
    rf"\b(?:{_TIME}|{_WEEKDAYS}|{_LABELS})(?![\w])|\b(?-i:{_ZONES})\b|[\s,|:;()./–—-]+",
    re.IGNORECASE,
)
# Above the longest date line of the ECB+ files (69 characters: "on September 14, 2013 11:41am
# | Updated on September 14, 2013 11:41am", topic 21; the longest of the 353 lines 2-6 of the
# `*ecbplus.txt` files this rule accepts without a limit): a longer line is prose.
MAX_DATE_LINE = 80


def _calendar_date(match: re.Match) -> dt.date | None:
    if match.group("iso"):
        return dt.date.fromisoformat(match.group("iso"))
    month = match.group("m1") or match.group("m2")
    day, year = match.group("d1") or match.group("d2"), match.group("y1") or match.group("y2")
    number = MONTHS.get(month.rstrip(".").casefold())
    return dt.date(int(year), number, int(day)) if number else None


def parse_date(text: str) -> dt.date | None:
    """The calendar date of a date value or line ("June 2, 2025", "Mon 2 Jun 2025",
    "09th June 2013", "Published: 10:15 AM, 5 May 2013"); None when it holds no valid date
    or holds words a date line does not. The first date wins ("on May 3, 2013, updated
    May 4, 2013" was published on the 3rd)."""
    text = _ORDINAL.sub("", text.strip())
    if len(text) > MAX_DATE_LINE:
        return None
    match = _CALENDAR.search(text)
    if match is None:
        return None
    rest = _CALENDAR.sub(" ", text)
    if _FURNITURE.sub("", rest):
        return None
    try:
        return _calendar_date(match)
    except ValueError:
        return None
