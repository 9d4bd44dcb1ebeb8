"""Dates: numbers the wording makes a day, a month of a year, a year or a span of them.

A date's value encodes it and its unit names the encoding: "yyyymmdd" (June 2, 2025 ->
20250602), "mmdd" (May 16 -> 516), "yyyymm" (March 2022 -> 202203), "year" (2022). Dates are
never counts and never widened by a bound.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import CLOCK_WORDS
from transforms.claims.record import Claim, int_value
from transforms.claims.tokens import glued, lower, month_at


def as_date(doc: Doc, claim: Claim) -> bool:
    """Turn `claim` into a date when the wording makes it one; True if it did."""
    i = claim.start
    tok = doc[i]
    if not tok.text[:1].isdigit() or claim.kind not in ("count", "ordinal"):
        return False
    value = int_value(claim)
    if value is None or "," in tok.text:
        return False
    month_before = month_at(doc, i - 1)
    month_after = month_at(doc, claim.end)
    if month_before is not None and 1 <= value <= 31:
        claim.start = i - 1
        _finish_day(doc, claim, month_before, value, claim.end)
        return True
    if month_after is not None and 1 <= value <= 31:
        claim.end += 1
        _finish_day(doc, claim, month_after, value, claim.end)
        return True
    if claim.kind == "ordinal":
        return False
    if 1000 <= value <= 2100 and "." not in tok.text and lower(doc, claim.end) not in CLOCK_WORDS:
        return _as_year(doc, claim, tok, value, month_before)
    return False


def _as_year(doc: Doc, claim: Claim, tok: Token, value: int, month_before: int | None) -> bool:
    """A four-digit number `tok`: "March 2022", "2025-06-02", a year unless it counts a noun."""
    if month_before is not None:  # "March 2022"
        claim.start -= 1
        _set_date(claim, value * 100 + month_before, "yyyymm")
        return True
    if _iso_date(doc, claim, value):
        return True
    is_date_ent = tok.ent_type_ in ("DATE", "EVENT")
    counts_noun = tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and not is_date_ent
    if (is_date_ent or 1900 <= value <= 2099) and not counts_noun:
        _set_date(claim, value, "year")
        _year_range(doc, claim, value)
        return True
    return False


def _finish_day(doc: Doc, claim: Claim, month: int, day: int, after: int) -> None:
    """Month and day known; take a year from ", 2025" or " 2025" right after if there is one."""
    k = after + 1 if lower(doc, after) == "," else after
    if k < len(doc) and doc[k].text.isdigit() and len(doc[k].text) == 4:
        year = int(doc[k].text)
        claim.end = k + 1
        _set_date(claim, year * 10000 + month * 100 + day, "yyyymmdd")
    else:
        _set_date(claim, month * 100 + day, "mmdd")


def _set_date(claim: Claim, value: float, unit: str) -> None:
    claim.value, claim.kind, claim.unit = value, "date", unit
    claim.low = claim.high = None
    claim.bound = "exact"


def _iso_date(doc: Doc, claim: Claim, year: int) -> bool:
    """ "2025-06-02" (spaCy splits it into five tokens)."""
    i = claim.start
    if i + 4 >= len(doc) or not (glued(doc, i) and glued(doc, i + 1) and glued(doc, i + 2)):
        return False
    if doc[i + 1].text != "-" or doc[i + 3].text != "-":
        return False
    mm, dd = doc[i + 2].text, doc[i + 4].text
    if not (mm.isdigit() and dd.isdigit() and len(mm) == 2 and len(dd) == 2):
        return False
    if not (1 <= int(mm) <= 12 and 1 <= int(dd) <= 31):
        return False
    claim.end = i + 5
    _set_date(claim, year * 10000 + int(mm) * 100 + int(dd), "yyyymmdd")
    return True


def _year_range(doc: Doc, claim: Claim, year: int) -> None:
    """ "2004-05", "2004-2005", "2004/05": a range of years."""
    e = claim.end
    if e + 1 >= len(doc) or doc[e].text not in ("-", "/", "–") or not glued(doc, e - 1):
        return
    nxt = doc[e + 1].text
    if not nxt.isdigit() or len(nxt) not in (2, 4):
        return
    end_year = int(nxt) if len(nxt) == 4 else (year // 100) * 100 + int(nxt)
    if year < end_year <= year + 20:
        claim.end = e + 2
        claim.low, claim.high, claim.bound = float(year), float(end_year), "range"


def day_range(doc: Doc, claim: Claim) -> bool:
    """ "6 to 9 January": two days of one month written after the second; a date range."""
    e = claim.end
    first, second = int_value(claim), doc[e + 1].text if e + 1 < len(doc) else ""
    if first is None or not second.isdigit() or not 1 <= first < int(second) <= 31:
        return False
    month = month_at(doc, e + 2)
    if month is None or "," in doc[claim.start].text:
        return False
    low, high = month * 100 + first, month * 100 + int(second)
    claim.end = e + 3
    _set_date(claim, low, "mmdd")
    _finish_day(doc, claim, month, first, claim.end)
    if claim.unit == "yyyymmdd":  # a year after the month applies to both days
        year = int(claim.value) // 10000
        low, high = year * 10000 + low, year * 10000 + high
    claim.low, claim.high, claim.bound = float(low), float(high), "range"
    claim.between = lower(doc, claim.start - 1) == "between"
    return True


def day_of_month_range(claim: Claim, second: Claim, between: bool) -> list[Claim] | None:
    """ "May 16 to 20", "between June 20 and 30": a second day after a month-day date.

    Returns [] when `claim` absorbed the second day, None when it is no later day of that
    month.
    """
    if claim.unit == "mmdd" and second.kind == "count" and second.end == second.start + 1:
        day = int_value(second)
        month, first_day = divmod(int(claim.value), 100)
        # A range ends after it starts: in "between 12 January and 10 February" (or "... and
        # 10 days later") the 10 is no day of January, and reading it as one gave 112..110.
        if day is not None and first_day < day <= 31:
            claim.low, claim.high = claim.value, float(month * 100 + day)
            claim.bound, claim.end = "range", second.end
            claim.between = between
            return []
    return None
