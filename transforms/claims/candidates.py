"""Candidates: the tokens that may start a number, found in one pass over a doc.

Only tokens holding a digit, a cardinal word or one of the few other number words
("dozen", "hundreds", "half", "third", ordinals, a unit of time after "a") are read further;
every other token is decided from its neighbours.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

from transforms.claims.lexicon import A_UNIT_WORDS
from transforms.claims.numerals import CARDINAL_WORDS, EXTRA_NUMBER_WORDS

# orth id -> is this token text a possible number start? Cached across docs: the vocabulary is
# shared, so after a few articles almost every token is a dict hit.
_CANDIDATE_CACHE: dict[int, bool] = {}


def is_candidate_text(text: str) -> bool:
    """Can a token with this text start a number?"""
    lower = text.lower()
    if lower in CARDINAL_WORDS or lower in EXTRA_NUMBER_WORDS or lower in A_UNIT_WORDS:
        return True
    return any(c.isdigit() for c in text)


def candidates(doc: Doc) -> list[int]:
    """Indices of tokens that may start a number, from one pass over the orth ids."""
    cache = _CANDIDATE_CACHE
    strings = doc.vocab.strings
    out = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        flag = cache.get(orth)
        if flag is None:
            flag = cache[orth] = is_candidate_text(strings[orth])
        if flag:
            out.append(i)
    return out
