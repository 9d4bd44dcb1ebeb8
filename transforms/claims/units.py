"""Units: what is written after a number, and the canonical unit each kind is reported in.

`apply_units` reads the words after a number (percent, a hyphen-glued unit, a unit or
currency word, a glued counted noun); `finish_kind` converts to the canonical unit once the
kind is known (percent -> share 0..1, distance -> km, money -> its currency) and keeps the
number as written in original_value/original_unit; `race_metres` tells an athletics
distance ("the 800m") from a glued "m" for million.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.claims.lexicon import (
    AGELESS_HEADS,
    CLOCK_WORDS,
    CURRENCY_ADJECTIVES,
    CURRENCY_WORDS,
    DASHES,
    DISTANCE_UNITS,
    DURATION_UNITS,
    NOT_COUNTED_COMPOUNDS,
    NOUN_POS,
    PERCENT_WORDS,
    RACE_METRES,
)
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, lead, lower

# Currency words that, glued by a hyphen after a number, make it a sum of money.
HYPHEN_CURRENCIES = frozenset(w for w in CURRENCY_WORDS if w not in ("pound", "pounds", "p"))


def apply_units(doc: Doc, claim: Claim) -> None:
    """Read what follows the number: percent, hyphen-glued units, unit and currency words."""
    if claim.kind == "percent":
        return
    e = claim.end
    nxt = lower(doc, e)  # read once and handed on: this runs for every number
    if _percent_after(doc, claim, nxt) or claim.kind != "count":
        return
    n = len(doc)
    hyphen = nxt in DASHES and glued(doc, e - 1) and e + 1 < n and glued(doc, e)
    k = e + 1 if hyphen else e
    unit_word = lower(doc, k)
    if unit_word in DURATION_UNITS:
        _duration(doc, claim, k, unit_word, hyphen)
        return
    if unit_word in CLOCK_WORDS and claim.value < 2400:
        claim.kind, claim.unit = "other", "time_of_day"  # "1300 GMT", "6 pm"
        claim.end = k + 1
        return
    if unit_word in ("a.", "p.") and lower(doc, k + 1) == "m." and claim.value < 13:
        # "3 p. m.": a clock time whose abbreviation was spaced out (the ECB+ texts space
        # every full stop; 40 such times in the cached ECB+ warehouse read as counts).
        claim.kind, claim.unit = "other", "time_of_day"
        claim.end = k + 2
        return
    if unit_word == "nautical" and lower(doc, k + 1) in DASHES and lower(doc, k + 2) == "mile":
        # "a 480-nautical-mile corridor": the sea mile, 1.852 km, not a count of miles
        claim.kind, claim.original_unit = "distance", "nautical mile"
        claim.anchor, claim.end = k + 2, k + 3  # the unit token, so the noun after is measured
        return
    if unit_word in DISTANCE_UNITS:
        claim.kind = "distance"
        claim.original_unit = DISTANCE_UNITS[unit_word][0]
        claim.anchor = k
        if hyphen:
            claim.end = k + 1
        return
    if not hyphen:
        if nxt in DASHES and lower(doc, e + 1) in HYPHEN_CURRENCIES:
            hyphen, k, unit_word = True, e + 1, lower(doc, e + 1)  # "two-million - euro"
        else:
            _currency_after(doc, claim, k, unit_word)
            return
    if unit_word in HYPHEN_CURRENCIES:
        # "a 2-million-euro haul", "a $5-billion-dollar deal": a hyphen-glued currency is the
        # unit of a sum, as "620-mile" is of a distance (also when the dash is spaced out, as
        # in every ECB+ text: "two-million - euro"). "pound" is left out: "a 300-pound man".
        _currency_after(doc, claim, k, unit_word)
        claim.end = k + 1
        return
    if (
        k < n
        and doc[k].pos_ in NOUN_POS
        and doc[k].text.isalpha()
        and doc[k].lower_ not in NOT_COUNTED_COMPOUNDS
    ):
        # "four-party meeting", "three-match ban": the glued noun is what is counted.
        claim.end = k + 1
        claim.anchor = k
        claim.subject = doc[k].lemma_.lower()


def _percent_after(doc: Doc, claim: Claim, nxt: str) -> bool:
    """ "20 percent", "5%", "3 per cent", "2 percentage points": True when one was read.

    `nxt` is the lower-case word right after the number.
    """
    e = claim.end
    if nxt in PERCENT_WORDS:
        claim.kind = "percent"
        claim.end = e + 1
        return True
    if nxt == "per" and lower(doc, e + 1) == "cent":
        claim.kind = "percent"
        claim.end = e + 2
        return True
    if nxt == "percentage" and lower(doc, e + 1) in ("point", "points"):
        claim.kind = "percent"
        claim.end = e + 2
        claim.original_unit = "percentage point"
        return True
    return False


def _duration(doc: Doc, claim: Claim, k: int, unit_word: str, hyphen: bool) -> None:
    """Time unit `unit_word` at token k ("30-day", "three years"), or an age ("25-year-old")."""
    if not hyphen and unit_word in ("seconds",) and claim.value < 1:
        return
    claim.kind, claim.unit = "duration", DURATION_UNITS[unit_word]
    claim.original_unit = claim.unit
    claim.anchor = k
    if hyphen:
        claim.end = k + 1
    # "25-year-old man", "eleven year-old girl", "25 years old": an age, unless what is
    # that old is a thing ("three-year-old war" is how long the war has lasted).
    old = None
    if lower(doc, k + 1) in DASHES and lower(doc, k + 2) == "old":
        old = k + 2
    elif lower(doc, k + 1) == "old":
        old = k + 1
    if old is not None and claim.unit == "year":
        if hyphen or old == k + 2:
            claim.end = old + 1 if hyphen else claim.end
        claim.anchor = old
        head = doc[old].head
        if not (head.pos_ in NOUN_POS and head.lemma_.lower() in AGELESS_HEADS):
            claim.kind = "age"


def _currency_after(doc: Doc, claim: Claim, k: int, unit_word: str) -> None:
    """ "1.2bn Australian dollars", "500 euros", "50 pence": currency word `unit_word` at k."""
    if unit_word in CURRENCY_ADJECTIVES and lower(doc, k + 1) in ("dollar", "dollars"):
        claim.kind = "money"  # "1.2bn Australian dollars"
        claim.currency = CURRENCY_ADJECTIVES[unit_word]
        claim.anchor = k + 1
        return
    if claim.bound == "range" and unit_word == "of" and claim.end == k:
        unit_word, k = lower(doc, k + 1), k + 1  # "billions of dollars": a vague sum of money
    if unit_word in CURRENCY_WORDS and unit_word != "p":
        currency, factor = CURRENCY_WORDS[unit_word]
        claim.kind, claim.currency = "money", currency
        if factor != 1.0:
            claim.original_value, claim.original_unit = claim.value, unit_word
            claim.value *= factor
        claim.anchor = k


def finish_kind(claim: Claim) -> None:
    """Canonical units and originals once the kind is known."""
    if claim.kind in ("percent",):
        claim.original_value = claim.value
        claim.original_unit = claim.original_unit or "percent"
        claim.value /= 100
        if claim.low is not None:
            claim.low /= 100
        if claim.high is not None:
            claim.high /= 100
        claim.unit = "share"
    elif claim.kind == "fraction":
        claim.unit = "share"
    elif claim.kind == "distance":
        factor = DISTANCE_UNITS.get(claim.original_unit or "km", ("km", 1.0))[1]
        claim.original_value = claim.value
        claim.value *= factor
        if claim.low is not None:
            claim.low *= factor
        if claim.high is not None:
            claim.high *= factor
        claim.unit = "km"
    elif claim.kind == "money":
        claim.unit = claim.currency
    if claim.original_value is None:
        claim.original_value = claim.value
    if claim.original_unit is None:
        claim.original_unit = claim.unit


def race_metres(doc: Doc, claim: Claim) -> None:
    """ "the 800m and 1000m", "100m champion": athletics distances, not millions.

    A glued "m" is million ("5m people", "£5m") except on a race distance with no currency
    before it and no plural noun after it.
    """
    if claim.scale != 1e6 or claim.kind != "count" or lead(doc, claim) != claim.start:
        return
    tok = doc[claim.anchor]
    possessive = claim.start > 0 and doc[claim.start - 1].text in ("'s", "’s")
    if not (tok.lower_ == "m" or tok.lower_.endswith("m")):
        return
    if "," in doc[claim.start].text and not possessive:
        return  # "3,000m" is millions, unless a race: "the men's 3,000m"
    metres = claim.value / claim.scale
    after = doc[claim.end] if claim.end < len(doc) else None
    if metres in RACE_METRES and not (after is not None and after.tag_ == "NNS"):
        claim.kind, claim.scale = "distance", 1.0
        claim.value = metres
        claim.original_unit = "metre"
