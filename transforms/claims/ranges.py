"""Ranges and what else can follow a number: a second number, a ratio, a format, a score.

A range shares its multiplier and unit ("between 200 and 250 million" is 2e8..2.5e8, "$3-4bn"
3e9..4e9 USD, "two to three days" 2..3 day). A change is not a range ("rose from 5% to 7%" and
"rose 2.8% to 14.96bn" are two claims each); small integers joined by a hyphen with nothing
measured after them are scores ("2-1": one claim, valued by its first tally); "52 out of 80
drones" gives two counts; "1,000-for-1,000" is one per-side claim.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.claims.dates import day_of_month_range, day_range
from transforms.claims.lexicon import (
    CHANGE_LEMMAS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DASHES,
    DISTANCE_UNITS,
    DURATION_UNITS,
    PERCENT_WORDS,
    RANGE_LEADS,
    RANGE_WORDS,
)
from transforms.claims.numerals import SCALE_WORDS, parse_numeral
from transforms.claims.reader import read_number
from transforms.claims.record import Claim, int_value
from transforms.claims.tokens import glued, lead, lower
from transforms.claims.units import apply_units


def read_range(doc: Doc, claim: Claim) -> list[Claim] | None:
    """Ranges ("two to three", "June 20 and 30"), ratios ("52 out of 80"), formats, scores.

    Returns extra claims to emit (ratios: the second number), [] when `claim` absorbed the
    second number, or None when nothing follows.
    """
    e = claim.end
    n = len(doc)
    if e >= n:
        return None
    word = doc[e].lower_
    if word in DASHES and glued(doc, e - 1) and e + 1 < n:
        found = _read_format(doc, claim)
        if found is not None:
            return found
    if word == "out" and lower(doc, e + 1) == "of" and e + 2 < n:
        second = read_number(doc, e + 2)
        if second is not None and second.kind == "count":
            claim.subject_from = e + 2  # the subject comes from the whole, "80 drones"
        return None
    between = lower(doc, lead(doc, claim) - 1) == "between"
    if word == "and" and not between:
        return None
    if word not in RANGE_WORDS and word != "and":
        return None
    if claim.kind == "count" and word in ("to", "-", "–", "and") and day_range(doc, claim):
        return []  # "from 6 to 9 January", "between 20 and 30 June"
    second = _second_number(doc, claim, word)
    if second is None:
        return None
    if claim.kind == "date":
        return day_of_month_range(claim, second, between)
    if is_score(doc, claim, second, word):  # "2-1", "28-17", "lost 1-2", "6-7 (4-7)"
        # One claim, the whole score quoted: its halves are no claims of their own (the "73"
        # of "a 91-73 victory" counts nothing). The value is the tally written first.
        claim.kind, claim.unit = "other", "score"
        claim.end, claim.anchor, claim.trim = second.end, second.anchor, second.trim
        return []
    if changes(doc, claim):
        return None  # "rose 2.8% to 14.96bn", "cut rates 0.25% to 5.5%": a change, then a level
    apply_units(doc, second)
    if second.kind != claim.kind and claim.kind != "count":
        return None  # "2.8% to 14.96bn": two quantities
    return _join(claim, second, between)


def _read_format(doc: Doc, claim: Claim) -> list[Claim] | None:
    """ "1,000-for-1,000" written as one token pair or four tokens; None when it is not one."""
    e = claim.end
    nxt = doc[e + 1].text
    if nxt.lower().startswith("for-"):
        other = parse_numeral(nxt[4:])
        if other is not None:
            return _format(claim, other[0], e + 2)
    if nxt.lower() == "for" and e + 3 < len(doc) and doc[e + 2].text == "-":
        other = parse_numeral(doc[e + 3].text)
        if other is not None:
            return _format(claim, other[0], e + 4)
    return None


def _second_number(doc: Doc, claim: Claim, word: str) -> Claim | None:
    """The number after the range word, when the wording lets it be a range's second end."""
    e = claim.end
    n = len(doc)
    if lower(doc, lead(doc, claim) - 1) == "from":
        return None  # "rose from 5% to 7%": two values, not a range
    if word in DASHES and not (glued(doc, e - 1) and glued(doc, e)) and word != "–":
        return None
    if e + 1 >= n:
        return None
    at = e + 1
    if (
        doc[at].lower_ in CURRENCY_SYMBOLS
        and at + 1 < n
        and claim.start > 0
        and doc[claim.start - 1].lower_ == doc[at].lower_
    ):
        at += 1  # "between £5m and £6m", "$10 to $12": the symbol is written twice
    return read_number(doc, at)


def _join(claim: Claim, second: Claim, between: bool) -> list[Claim] | None:
    """Make `claim` the range up to `second`: [] when it did, None when the ends do not fit."""
    if claim.scale == 1.0 and second.scale != 1.0 and claim.value < second.value / second.scale:
        claim.value *= second.scale  # "between 200 and 250 million", "$3-4bn"
    lo, hi = claim.value, second.value
    if lo >= hi or claim.low is not None:
        return None
    # The unit of the second number ("two to three days", "5-10%") belongs to the range.
    kind = second.kind if second.kind != "count" else claim.kind
    if claim.kind == "count" and kind != "count":
        claim.kind, claim.unit = kind, second.unit
        claim.original_unit, claim.currency = second.original_unit, second.currency
    claim.low, claim.high, claim.bound = lo, hi, "range"
    claim.value = (lo + hi) / 2
    claim.end = second.end
    claim.anchor = second.anchor
    claim.trim = second.trim
    if second.subject:
        claim.subject = second.subject
    claim.between = between
    return []


def is_score(doc: Doc, claim: Claim, second: Claim, word: str) -> bool:
    """Two small integers joined by a glued hyphen with nothing measured after them.

    In news text "2-1", "1-2 defeat", "6-7 (4-7)" are scores; ranges of small numbers carry a
    unit or a counted noun ("3-4 days", "20-30 people", "5-10%") or a lead word ("aged 18-24").
    """
    if word != "-" or claim.kind != "count" or second.kind != "count":
        return False
    if second.end != second.start + 1 or claim.end != claim.start + 1:
        return False
    lo, hi = int_value(claim), int_value(second)
    if lo is None or hi is None:
        return False
    if lo >= hi:
        # A falling pair is never a range, so any game tally: "2-1", "104-99" (basketball).
        return lo < 200
    if hi >= 100:
        return False
    after = doc[second.end] if second.end < len(doc) else None
    if after is not None and (
        after.tag_ == "NNS"
        or after.lower_ in DURATION_UNITS
        or after.lower_ in DISTANCE_UNITS
        or after.lower_ in PERCENT_WORDS
        or after.lower_ in CURRENCY_WORDS
        or after.lower_ in SCALE_WORDS
        or after.text in DASHES
    ):
        return False
    first = lead(doc, claim)
    return first == claim.start and lower(doc, first - 1) not in RANGE_LEADS


def changes(doc: Doc, claim: Claim) -> bool:
    """Is the number the size of a change ("rose 5%", "up by 3", "fell 2.8%")?"""
    if lower(doc, lead(doc, claim) - 1) in ("by", "up", "down"):
        return True
    tok = doc[claim.start]
    for _ in range(3):
        head = tok.head
        if head is tok:
            return False
        if head.pos_ == "VERB":
            return head.lemma_.lower() in CHANGE_LEMMAS
        if head.pos_ not in ("NUM", "NOUN", "SYM") or head.i > claim.end + 1:
            return False
        tok = head
    return False


def _format(claim: Claim, other: float, end: int) -> list[Claim]:
    """ "1,000-for-1,000": an exchange of `value` from each side (when both sides match)."""
    claim.end = end
    claim.anchor = end - 1
    if other == claim.value:
        claim.scope, claim.per_side_value = "per_side", claim.value
        claim.inherit_subject = True
    else:
        claim.kind = "other"
    return []
