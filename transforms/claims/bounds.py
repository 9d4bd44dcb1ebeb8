"""Bounds: the words written before a number, which say how the value is to be read.

`bound_before` finds a bound phrase ("more than", "nearly", "up to") ending before a token;
`apply_prefix` reads everything before a number once its end is known: a currency symbol,
the "between" of a range, age and rank markers ("aged", "number one"), then the bound.
A bound on a vague or explicit range keeps the side it speaks about ("more than dozens" is
at least 24, with no upper end).
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.claims.lexicon import (
    AMBIGUOUS_BOUND_WORDS,
    BOUND_MAX_LEN,
    BOUND_PHRASES,
    CURRENCY_SYMBOLS,
    NUMERIC_ENTS,
)
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, lower


def bound_before(doc: Doc, start: int) -> tuple[str, int] | None:
    """The bound phrase ending just before token `start`: (bound, first token), longest wins."""
    best: tuple[str, int] | None = None
    for length in range(1, BOUND_MAX_LEN + 1):
        first = start - length
        if first < 0:
            break
        words = tuple(doc[k].lower_ for k in range(first, start))
        bound = BOUND_PHRASES.get(words)
        if bound is None:
            continue
        if (
            length == 1
            and words[0] in AMBIGUOUS_BOUND_WORDS
            and doc[first].dep_ in ("prep", "prt")
            and not _same_numeric_entity(doc, first, start)
        ):
            continue  # "over eight regions", "talking about dozens": a preposition
        best = (bound, first)
    return best


def _same_numeric_entity(doc: Doc, word: int, number: int) -> bool:
    """ "took over a year": NER puts the bound word inside the number's entity."""
    ent = doc[word].ent_type_
    return ent in NUMERIC_ENTS and doc[number].ent_type_ == ent and doc[number].ent_iob_ == "I"


def apply_prefix(doc: Doc, claim: Claim) -> None:
    """Currency symbols, bound words and age markers written before the number."""
    # The word right before the number as first read: the later steps test it even after
    # the currency symbol or "between" joined the quote.
    sym = lower(doc, claim.start - 1)
    _currency_before(doc, claim, sym)
    if claim.between and lower(doc, claim.start - 1) == "between":
        claim.start -= 1  # the range's "between" is part of its quote
    _age_or_rank_before(doc, claim, sym)
    if claim.kind in ("date", "ordinal"):
        return
    _bound_words_before(doc, claim)


def _currency_before(doc: Doc, claim: Claim, sym: str) -> None:
    """ "£5m", "US $3bn": a currency symbol before the number makes it money."""
    if sym in CURRENCY_SYMBOLS and claim.kind in ("count", "other") and claim.low is None:
        claim.kind = "money"
        claim.currency = CURRENCY_SYMBOLS[sym]
        s = claim.start = claim.start - 1
        if lower(doc, s - 1) in ("us", "a", "c") and sym == "$" and glued(doc, s - 1):
            claim.start = s - 1  # "US $" written with a gap of no space
    elif sym in CURRENCY_SYMBOLS and claim.kind == "count":
        claim.kind, claim.currency = "money", CURRENCY_SYMBOLS[sym]
        claim.start -= 1


def _age_or_rank_before(doc: Doc, claim: Claim, sym: str) -> None:
    """ "aged 25", "under the age of 25", "Aguilera, 23,": ages; "world number one": a rank."""
    s = claim.start
    if claim.kind == "count" and (sym == "aged" or (sym == "of" and lower(doc, s - 2) == "age")):
        claim.kind, claim.unit = "age", "year"
    tok = doc[claim.anchor]
    if claim.kind == "count" and claim.value < 120 and claim.end - claim.start == 1:
        if tok.dep_ == "appos" and _bare_apposition(doc, claim):
            claim.kind, claim.unit = "age", "year"  # "Aguilera, 23, ..."
        elif sym == "number" and doc[s - 1].text == "number":
            claim.kind = "ordinal"  # "world number one": a rank
            claim.start = s - 1


def _bare_apposition(doc: Doc, claim: Claim) -> bool:
    """ "Aguilera, 23, ...": the number stands alone between a comma after the name and a
    comma, bracket or the sentence end. A tally after a name is no age: "Stephen Breyer, 87
    to 9" and "Breyer, 87-9" are the votes of his confirmation, and the "9" of "87 to 9" is not
    next to the name at all."""
    s, e = claim.start, claim.end
    if s < 2 or doc[s - 1].text not in (",", "("):
        return False
    name = doc[s - 2]
    # A person's name; the small model often tags an unfamiliar surname ORG ("Thanou, 30,"),
    # so a proper noun of no place or date type counts too.
    if name.ent_type_ != "PERSON" and not (
        name.pos_ == "PROPN" and name.ent_type_ in ("", "ORG", "NORP") and name.text[:1].isupper()
    ):
        return False
    after = doc[e].text if e < len(doc) else "."
    return after in (",", ")", ".", ";", "and", "who", "from", "of")


def _bound_words_before(doc: Doc, claim: Claim) -> None:
    """The bound phrase before the number ("more than", "nearly") sets `claim.bound`."""
    found = bound_before(doc, claim.start)
    if found is None:
        return
    bound, first = found
    claim.start = first
    if claim.bound == "range":
        lo, hi = claim.low, claim.high
        # "more than dozens": the bound keeps the side it speaks about, the other opens.
        if bound in ("more_than", "at_least"):
            claim.bound, claim.high = bound, None
            claim.value = lo if lo is not None else claim.value
        elif bound in ("at_most", "up_to"):
            claim.bound, claim.low = bound, None
            claim.value = hi if hi is not None else claim.value
        return
    claim.bound = bound
