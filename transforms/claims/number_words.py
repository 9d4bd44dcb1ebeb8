"""Number words that are not cardinal runs: vague plurals ("dozens", "tens of thousands"),
"a dozen", one unit of time after "a" ("an hour"), fraction words ("half of", "a third of")
and ordinal words ("second round", "Japan's third-largest bank").

Vague quantities are ranges by a fixed convention (`numerals.VAGUE_PLURALS` and
`numerals.VAGUE_PREFIXES`): "dozens" 24..99, "hundreds" 200..999; "a dozen" is exactly 12.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.claims.bounds import bound_before
from transforms.claims.lexicon import (
    DASHES,
    DURATION_UNITS,
    RANKED_NOUNS,
    RATE_MARKERS,
    SUPERLATIVE_SUFFIXES,
)
from transforms.claims.numerals import (
    DOZEN,
    FRACTION_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SUFFIX_MULTIPLIERS,
    UNITS_WORDS,
    VAGUE_PLURALS,
    VAGUE_PREFIXES,
)
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, is_name_word, lower, matches


def read_vague(doc: Doc, i: int) -> Claim | None:
    """ "dozens", "hundreds", "thousands", "hundreds of thousands", "tens of thousands"."""
    low = doc[i].lower_
    j = i + 1
    if low == "tens":
        if lower(doc, i + 1) == "of" and lower(doc, i + 2) in VAGUE_PLURALS:
            base = VAGUE_PLURALS[lower(doc, i + 2)][0] / 2  # "thousands" -> 1,000
            lo, hi = VAGUE_PREFIXES["tens"]
            return Claim(
                start=i,
                end=i + 3,
                value=0,
                low=lo * base,
                high=hi * base,
                bound="range",
                anchor=i + 2,
            )
        return None
    lo, hi = VAGUE_PLURALS[low]
    if lower(doc, i + 1) == "of" and lower(doc, i + 2) in VAGUE_PLURALS:
        base = VAGUE_PLURALS[lower(doc, i + 2)][0] / 2
        lo, hi = lo * base, hi * base
        j = i + 3
    return Claim(start=i, end=j, value=0, low=lo, high=hi, bound="range", anchor=j - 1)


def read_dozen(doc: Doc, i: int) -> Claim | None:
    """ "a dozen" is 12, "half a dozen" 6; a bare "dozen" is no number."""
    if lower(doc, i - 1) in ("a", "an"):
        start = i - 1
        if lower(doc, i - 2) == "half":
            return Claim(start=i - 2, end=i + 1, value=6, anchor=i)
        return Claim(start=start, end=i + 1, value=DOZEN, anchor=i)
    return None


def read_a_unit(doc: Doc, i: int) -> Claim | None:
    """ "an hour of discussions", "need a week", "more than a year", "a year and a half".

    One unit of time. Rates and frequencies are not durations and are left alone: "£1bn a
    year", "25% a year", "80,000 barrels a day", "twice a week".
    """
    if lower(doc, i - 1) not in ("a", "an") or i < 1:
        return None
    if doc[i - 1].whitespace_ == "" or (
        i + 1 < len(doc) and doc[i + 1].text in DASHES and glued(doc, i)
    ):
        return None  # "a year-long", glued forms are compounds handled elsewhere
    if bound_before(doc, i - 1) is None and i >= 2:
        # A rate: "a year" right after a quantity ("£1bn a year", "25% a year", "twice a
        # week") or after its counted noun ("80,000 barrels a day").
        before = doc[i - 2]
        if is_quantity_token(before) or (
            before.pos_ == "NOUN" and i >= 3 and is_quantity_token(doc[i - 3])
        ):
            return None
    unit = DURATION_UNITS[doc[i].lower_]
    claim = Claim(start=i - 1, end=i + 1, value=1.0, kind="duration", unit=unit, anchor=i)
    claim.original_unit = unit
    if matches(doc, i + 1, ("and", "a", "half")):
        claim.value, claim.end = 1.5, i + 4
    return claim


def is_quantity_token(tok: Token) -> bool:
    """Does the token write a quantity or a rate marker ("£1bn", "25", "%", "twice")?"""
    return (
        tok.text[:1].isdigit()
        or tok.lower_ in RATE_MARKERS
        or tok.lower_ in SUFFIX_MULTIPLIERS
        or (tok.like_num and tok.lower_ not in ORDINAL_WORDS)
    )


def read_fraction_word(doc: Doc, i: int) -> Claim | None:
    """ "half of", "a third of", "a quarter of" (with "a"/"one" before or "of" after)."""
    low = doc[i].lower_
    den = FRACTION_WORDS[low]
    prev = lower(doc, i - 1)
    nxt = lower(doc, i + 1)
    if low in ("half", "halves"):
        return _read_half(doc, i, prev, nxt)
    if prev in ("a", "one") and nxt == "of" and not is_name_word(doc[i]):
        claim = Claim(start=i - 1, end=i + 1, value=1 / den, kind="fraction", anchor=i)
        claim.original_value, claim.original_unit = 1, low.rstrip("s")
        return claim
    return None


def _read_half(doc: Doc, i: int, prev: str, nxt: str) -> Claim | None:
    """ "half of the children", "at least half", "half a million people" (a count)."""
    if prev in ORDINAL_WORDS or (i + 1 < len(doc) and doc[i + 1].text in DASHES):
        return None  # "second half", "half-time"
    if nxt in ("a", "an") and lower(doc, i + 2) in SCALE_WORDS:
        scale = SCALE_WORDS[lower(doc, i + 2)]  # "half a million people": a count
        return Claim(start=i, end=i + 3, value=0.5 * scale, scale=scale, anchor=i + 2)
    followers = ("of", "the", "its", "their", "his", "her", "our", "a", "an")
    if (
        nxt in followers
        or bound_before(doc, i) is not None
        or (prev in ("a", "one") and nxt == "of")
    ):
        start = i - 1 if prev in ("a", "one") and nxt == "of" else i
        claim = Claim(start=start, end=i + 1, value=0.5, kind="fraction", anchor=i)
        claim.original_value, claim.original_unit = 1, "half"
        return claim
    return None


def read_ordinal_word(doc: Doc, i: int) -> Claim | None:
    """ "second round", "the first direct talks", "the second struck a road"."""
    tok = doc[i]
    if is_name_word(tok) or lower(doc, i - 1) == "at":
        return None
    value = float(ORDINAL_WORDS[tok.lower_])
    # "the world's fifth largest carmaker", "Japan's third-largest bank": a checkable rank.
    k = i + 2 if lower(doc, i + 1) in DASHES and glued(doc, i) else i + 1
    if k < len(doc) and doc[k].lower_.endswith(SUPERLATIVE_SUFFIXES) and doc[k].tag_ == "JJS":
        end = k + 1 if k == i + 2 else i + 1
        return Claim(start=i, end=end, value=value, kind="ordinal", anchor=k)
    if tok.dep_ in ("advmod", "npadvmod"):
        return None  # "first proposed"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.text in DASHES:
        # "fourth-quarter earnings", "second-round match": a rank of the glued noun; but
        # "first-ever", "first-hand", "second-rate" are plain adjectives.
        if k < len(doc) and doc[k].lower_ in RANKED_NOUNS and glued(doc, i + 1):
            claim = Claim(start=i, end=k + 1, value=value, kind="ordinal", anchor=k)
            claim.subject = doc[k].lower_
            return claim
        return None
    start = i
    # "twenty-first": a tens word glued before.
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in UNITS_WORDS and value < 10:
        value += UNITS_WORDS[doc[i - 2].lower_]
        start = i - 2
    return Claim(start=start, end=i + 1, value=value, kind="ordinal", anchor=i)
