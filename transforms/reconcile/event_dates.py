"""The day an article's story happened, from its stated date and the body's relative dates.

News writes the day of the event relative to the day of the paper: "on Monday", "yesterday",
"last Friday". Against a stated publication date such a phrase names one calendar day: a bare
weekday is the latest such day on or before the stated date (news reports what happened, and
"Monday" in a Thursday paper is three days back, never four days ahead); "yesterday" is the day
before, "today"/"tonight" the day itself. Without a stated date a relative phrase names no day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(last|this|next)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|yesterday|today|tonight)\b",
    re.IGNORECASE,
)
# A weekday that names a recurring day ("on Mondays") or a title ("Black Friday", "Good Friday")
# is not a date.
_NOT_A_DAY = re.compile(r"(?:black|good|super|cyber|ash|palm|easter)\s*$", re.IGNORECASE)


def resolve_relative(phrase: str, stated: date) -> date | None:
    """The calendar day one relative phrase ("Monday", "last Friday", "yesterday") names in a
    text published on `stated`; None for a phrase this does not understand."""
    match = _RELATIVE.fullmatch(phrase.strip())
    if match is None:
        return None
    modifier, word = (match.group(1) or "").lower(), match.group(2).lower()
    if word in ("today", "tonight"):
        return stated
    if word == "yesterday":
        return stated - timedelta(days=1)
    back = (stated.weekday() - WEEKDAYS.index(word)) % 7
    if modifier == "next":
        return stated + timedelta(days=(7 - back) % 7 or 7)
    if modifier == "last" and back == 0:
        return stated - timedelta(days=7)
    return stated - timedelta(days=back)


def relative_dates(text: str, stated: date | None) -> list[date]:
    """Every day the relative phrases of `text` name, in text order (none without `stated`)."""
    if stated is None:
        return []
    found = []
    for match in _RELATIVE.finditer(text):
        if match.group(2)[0].islower() and match.group(2).lower() in WEEKDAYS:
            continue  # "monday" in lower case is rarely the day name in edited prose
        if _NOT_A_DAY.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        day = resolve_relative(match.group(0), stated)
        if day is not None:
            found.append(day)
    return found


def event_date(text: str, stated: date | None) -> date | None:
    """The day the story happened: the first relative day the text names (the lede says when),
    else the stated date; None when the text states no date."""
    days = relative_dates(text, stated)
    return days[0] if days else stated
