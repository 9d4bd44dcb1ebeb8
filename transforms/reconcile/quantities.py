"""What a claim is compared on: its subject key, its context words and its interval."""

from __future__ import annotations

import math
import re

from transforms.reconcile.lexicon import (
    BODY_NOUNS,
    CONTEXT_STOP_WORDS,
    IRREGULAR_PLURALS,
    SUBJECT_SYNONYMS,
)
from transforms.text.folding import fold

PER_SIDE_CLASS, TOTAL_CLASS = "per_side", "total"

# "the bodies of 6,000 killed soldiers", "the bodies of 12,000 dead soldiers, or 6,000 for each
# side": the thing exchanged is bodies, whatever noun follows, up to the end of the clause.
_BODIES_OF = re.compile(r"\bbod(?:y|ies) of\b[^.;:!?]*$", re.I)
_WORD = re.compile(r"[^\W\d_]{4,}")


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
    own = (subject or "").split()[-1:] or [""]
    plural = IRREGULAR_PLURALS.get(own[0], "")
    return frozenset(words - {own[0].removesuffix("s"), plural, "bodie", "body"})


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
