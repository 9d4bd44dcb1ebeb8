"""What a claim is compared on: its subject key, its context words and its interval."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from transforms.claims.lexicon import MEASUREMENT_NOUNS
from transforms.reconcile.lexicon import (
    BODY_NOUNS,
    CONTEXT_STOP_WORDS,
    IRREGULAR_PLURALS,
    OWNER_ALIASES,
    SUBJECT_SYNONYMS,
)
from transforms.text.folding import fold

PER_SIDE_CLASS, TOTAL_CLASS = "per_side", "total"

# "the bodies of 6,000 killed soldiers", "the bodies of 12,000 dead soldiers, or 6,000 for each
# side": the thing exchanged is bodies, whatever noun follows, up to the end of the clause.
_BODIES_OF = re.compile(r"\bbod(?:y|ies) of\b[^.;:!?]*$", re.I)
_WORD = re.compile(r"[^\W\d_]{4,}")
# Acronyms are the most telling names a sentence has ("AMD", "ATI", "IAAF"), however short:
# two or three capitals standing alone count as context words too.
_ACRONYM = re.compile(r"\b[A-Z]{2,3}\b")


def subject_key(subject: str | None, text_before: str) -> str | None:
    """Canonical subject of a claim given its sentence's text before the quote."""
    normalized = None if subject is None else subject.lower().strip()
    if normalized in BODY_NOUNS and _BODIES_OF.search(text_before[-80:]):
        return "body"
    if normalized is None:
        return None
    return SUBJECT_SYNONYMS.get(normalized, normalized)


def context_words(sentence: str, subject: str | None) -> frozenset[str]:
    """Content words of a claim's sentence (folded, singular-ish), without its subject."""
    words = {
        w.removesuffix("s") for w in _WORD.findall(fold(sentence)) if w not in CONTEXT_STOP_WORDS
    }
    words |= {a.lower() for a in _ACRONYM.findall(sentence)}
    own = (subject or "").split()[-1:] or [""]
    plural = IRREGULAR_PLURALS.get(own[0], "")
    # "penalties" reads as "penaltie" above: a subject in -y is its own plural's stem too.
    ies = own[0][:-1] + "ie" if own[0].endswith("y") else ""
    return frozenset(words - {own[0].removesuffix("s"), plural, ies, "bodie", "body"})


# "$2bn (1.55bn euros; £1.1bn)": a figure in brackets right after another figure restates it
# in another currency at some day's exchange rate, so two articles' conversions of one sum
# differ without disagreeing ("4bn euros ($5.2bn" vs "4 billion euros (£2.8bn; $4.8bn").
_CONVERSION_BEFORE = re.compile(r"\d[^()]*\((?:[^()]*;\s*)?$")
_HAS_DIGIT = re.compile(r"\d")


def is_conversion(kind: str, text_before: str) -> bool:
    """A sum of money written in brackets as the conversion of the figure before it."""
    return kind == "money" and bool(_CONVERSION_BEFORE.search(text_before[-60:]))


def times_differ(a: str | None, b: str | None) -> bool:
    """Two explicit times that name different dates ("2004" vs "2003", "16 may" vs "2 june").

    A relative time ("last year", "overnight") resolves against an article's own date, which
    two articles need not share, so it never separates two claims on its own.
    """
    if a is None or b is None or a == b:
        return False
    return bool(_HAS_DIGIT.search(a)) and bool(_HAS_DIGIT.search(b))


def owner_key(owner: str | None) -> str | None:
    """A claim's owner as compared: one name per country ("britain" and "uk" are one)."""
    if owner is None:
        return None
    owner = owner.removeprefix("the ")
    return OWNER_ALIASES.get(owner, owner)


# "more than 800,000" is how news rounds a figure down to its leading digit(s), so the figure
# is below twice the printed one (else "more than 1.6 million" would be printed); "under 3" is
# above half of it. Linking a different figure to an open bound stops there: "more than
# 800,000 units" (Sony's) is no statement about "2.8 million units" (Nintendo's).
OPEN_BOUND_FACTOR = 2.0


def link_interval(low: float, high: float, bound: str | None) -> tuple[float, float]:
    """The interval a claim may link a different figure on: open ends closed at a factor 2."""
    if bound in ("more_than", "at_least") and math.isinf(high) and math.isfinite(low) and low > 0:
        return low, low * OPEN_BOUND_FACTOR
    if bound in ("at_most", "up_to") and math.isfinite(high) and high > 0:
        return max(low, high / OPEN_BOUND_FACTOR), high
    return low, high


def _step(value: float) -> float:
    """The place of a printed figure's last significant digit: 180,000 -> 10,000 (any of its
    zeros may be rounding), 180,126 -> 1, 0.016 -> 0.001, 1.2e9 ("£1.2bn") -> 1e8."""
    exponent = Decimal(f"{value:.12g}").normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def rounds_to(a: float, b: float) -> bool:
    """Is one of two printed figures the other rounded ("£180,000" of "£180,126"; "1.6%" of
    "1.61%")? Two figures printed to the same precision that differ ("£180,126" and
    "£180,226", "1.6%" and "1.7%") are two readings, whatever the tolerance allows."""
    if a == b:
        return True
    fine, coarse = (a, b) if _step(a) <= _step(b) else (b, a)
    return abs(fine - coarse) <= _step(coarse) / 2 * (1 + 1e-9)


def owners_differ(a: str | None, b: str | None) -> bool:
    """Two named owners that are not one ("japan" vs "china"); an unnamed one never differs."""
    return a is not None and b is not None and a != b and a not in b and b not in a


def comparison_interval(
    value_low: float | None,
    value_high: float | None,
    value: float | None,
    per_side_value: float | None,
    scope: str | None,
    tolerance: float,
    direction: str | None = None,
) -> tuple[float, float, str]:
    """(low, high, scope class) the claim is compared on; None bounds become infinities.

    A change downwards ("shrank 0.2%", direction "down") is compared as a negative change, so
    it conflicts with "grew 0.2%" instead of agreeing with it."""
    low = -math.inf if value_low is None else value_low
    high = math.inf if value_high is None else value_high
    scope_class = PER_SIDE_CLASS
    if scope == "total" and per_side_value is not None and value:
        factor = per_side_value / value
        low, high = low * factor, high * factor
    elif scope == "total":
        scope_class = TOTAL_CLASS
    if direction == "down":
        low, high = -high, -low
    if math.isfinite(low):
        low -= abs(low) * tolerance
    if math.isfinite(high):
        high += abs(high) * tolerance
    return low, high, scope_class


def intersect(intervals: list[tuple[float, float]]) -> tuple[float, float]:
    """The common part of closed intervals; empty when low > high."""
    return max(lo for lo, _ in intervals), min(hi for _, hi in intervals)


# Words of an attribution that name no one: "figures from the Office ..." is named by "office".
_SOURCE_FILLER = frozenset({"the", "of", "from", "by", "new", "latest", "official"})
_NAME_WORD = re.compile(r"\w\w+")


def _source(attributed: str) -> tuple[frozenset[str], str, bool]:
    """(name words, initials, names a measurement) of an attribution: "figures from the Office
    of the Deputy Prime Minister" -> {office, deputy, prime, minister}, "odpm", True."""
    words = _NAME_WORD.findall(fold(attributed))
    nouns = {w for w in words if w in MEASUREMENT_NOUNS or w.removesuffix("s") in MEASUREMENT_NOUNS}
    name = frozenset(w for w in words if w not in nouns and w not in _SOURCE_FILLER)
    initials = "".join(w[0] for w in attributed.split() if w[:1].isupper() and w.isalpha())
    return name, initials.lower(), bool(nouns)


def measured_apart(kind: str, a: str | None, b: str | None) -> bool:
    """Two figures that different bodies measured ("UK house prices fell 0.7%, according to
    figures from the ODPM" / "rose 1.1%, the Halifax has said"): two measurements, not one
    quantity and never a disagreement.

    The general case: a share, a rate, an average, an index or a sum that a survey, a poll or
    an agency's figures report is defined by the method of whoever measured it, so two
    surveys' readings of one thing differ without contradicting each other. One of the two
    attributions must name a measurement (figures, a survey, a poll, an index); two speakers
    who merely say a figure can disagree. A count of things is one fact whoever counts it (a
    ministry's and a hospital's death tolls, police's and organisers' crowds disagree), so
    counts are never set apart this way. Names are one body when they share a word or one is
    the other's initials ("ODPM").
    """
    if kind == "count" or a is None or b is None:
        return False
    (name_a, initials_a, measured_a), (name_b, initials_b, measured_b) = _source(a), _source(b)
    if not (measured_a or measured_b) or not name_a or not name_b:
        return False
    return not (name_a & name_b or initials_a in name_b or initials_b in name_a)
