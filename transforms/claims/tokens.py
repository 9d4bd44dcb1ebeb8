"""Token-level questions every rule of the claims stage asks about its neighbours.

All of them are safe at the doc's edges: an index outside the doc reads as no token.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import CURRENCY_SYMBOLS
from transforms.claims.record import Claim
from transforms.text.lexicon import MONTHS


def glued(doc: Doc, i: int) -> bool:
    """True when token i is written against token i+1 with no space ("620-", "5m")."""
    return i + 1 < len(doc) and doc[i].whitespace_ == ""


def lower(doc: Doc, i: int) -> str:
    """Lower-case text of token i, "" outside the doc."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def matches(doc: Doc, at: int, phrase: tuple[str, ...]) -> bool:
    """Do the tokens from `at` spell `phrase` (lower case)?"""
    if at < 0 or at + len(phrase) > len(doc):
        return False
    return all(doc[at + k].lower_ == w for k, w in enumerate(phrase))


def is_name_word(tok: Token) -> bool:
    """A capitalised number word inside a sentence is a name ("Bucharest Nine")."""
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    return not (prev is not None and (prev.is_punct or prev.is_space) and prev.text in '"“‘(\n—–-')


def lead(doc: Doc, claim: Claim) -> int:
    """First token of the number with a currency symbol written before it ("£5m" -> "£")."""
    s = claim.start
    return s - 1 if s > 0 and doc[s - 1].lower_ in CURRENCY_SYMBOLS else s


def month_at(doc: Doc, k: int) -> int | None:
    """The month a capitalised token k names ("June", "Sept."), else None."""
    if 0 <= k < len(doc):
        tok = doc[k]
        if tok.text[:1].isupper():
            return MONTHS.get(tok.lower_.rstrip("."))
    return None
