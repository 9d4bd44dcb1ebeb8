"""Subject and scope of a numeric claim: what a number counts, and whether it is per side.

`counted_noun` finds the noun a number counts or measures from the dependency parse
("6,000 bodies" -> bodies, "20 percent of territory" -> territory, "Shares sank 14.87%" ->
shares), and `noun_text` turns it into the `subject` column (the lemma, "prisoner of war",
"front line"). `fallback_subject` covers bare counts with no parse link ("with 1,000 on both
sides"). `apply_scope` reads the scope words around a count ("each", "on both sides",
"in total"). Claims are the mutable `_Claim` records of `transforms.claims.extract`; these functions
set fields on them or return tokens, and never emit rows themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from transforms.claims.numerals import CARDINAL_WORDS
from transforms.claims.units import (
    CHANGE_LEMMAS,
    CONTAINER_NOUNS,
    DISTANCE_UNITS,
    DURATION_UNITS,
    PER_SIDE_AFTER,
    PERCENT_WORDS,
    TOTAL_AFTER,
    TOTAL_BEFORE,
)

if TYPE_CHECKING:
    # Annotations only: transforms.claims.extract imports this module at run time.
    from transforms.claims.extract import _Claim

NOUN_POS = frozenset({"NOUN", "PROPN"})
# Pronouns are no subject, and no speaker a "he said" can resolve to (claims.attribution).
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "this", "that"})
_SUBJECT_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "det", "npadvmod"})
_FIXED_SUBJECTS = {"pow": "prisoner of war", "pows": "prisoner of war"}
# First words of the scope phrases: most numbers are followed by none of them, so the phrase
# tables are only matched when the next word could start one.
_SCOPE_FIRST_WORDS = frozenset(p[0] for p in (*PER_SIDE_AFTER, *TOTAL_AFTER))


def _of_object(tok: Token) -> Token | None:
    """The noun after "of" under `tok` ("number of drones" -> drones)."""
    for child in tok.rights:
        if child.lower_ == "of" and child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUN_POS:
                    return obj
    return None


def noun_text(noun: Token) -> str | None:
    """The `subject` text of a counted noun: its lower-cased lemma, or a fixed multiword name."""
    lemma = noun.lemma_.lower()
    if lemma in _FIXED_SUBJECTS:
        return _FIXED_SUBJECTS[lemma]
    if lemma in PRONOUNS or not noun.is_alpha:
        return None
    if lemma == "prisoner":
        of = _of_object(noun)
        if of is not None and of.lower_ == "war":
            return "prisoner of war"
    if lemma == "line" and noun.i > 0 and noun.nbor(-1).lower_ == "front":
        return "front line"
    return lemma


def counted_noun(doc: Doc, claim: _Claim) -> Token | None:
    """The noun the number counts or measures, from the parse."""
    tok = doc[claim.anchor]
    # Climb number-internal links: "1.2" -compound-> "million" -nummod-> "people".
    for _ in range(3):
        head = tok.head
        if head is tok or not (head.pos_ == "NUM" or head.lower_ in CARDINAL_WORDS):
            break
        if head.i < claim.start or head.i >= claim.end:
            break
        tok = head
    low = tok.lower_
    noun: Token | None = None
    if claim.kind == "percent" and tok.head.lower_ in PERCENT_WORDS and tok.head is not tok:
        tok = tok.head  # "20 percent of territory": the "of" hangs on "percent"
        low = tok.lower_
    if low in CONTAINER_NOUNS or claim.kind in ("percent", "fraction"):
        noun = _of_object(tok)
        if noun is None and tok.head.pos_ in NOUN_POS and tok.dep_ in _SUBJECT_DEPS:
            noun = tok.head  # "a 20% stake"
    elif claim.kind in ("duration", "distance") and doc[claim.anchor].lower_ in (
        *DURATION_UNITS,
        *DISTANCE_UNITS,
        "old",
    ):
        noun = _measured_noun(doc[claim.anchor])
    elif tok.head.pos_ in NOUN_POS and (
        (tok.dep_ in _SUBJECT_DEPS and tok.head.i > tok.i)  # "6,000 bodies"
        or tok.dep_ in ("appos", "conj", "nummod")  # "12,000 soldiers, or 6,000"; "number — 472"
    ):
        noun = tok.head
    if noun is None and claim.kind == "count":
        noun = _of_object(tok)  # "two of the busiest months"
    if claim.kind == "percent" and (noun is None or noun.lower_ in PERCENT_WORDS):
        noun = _changed_noun(tok)  # "Sales rose 2.8%": what changed by that share
    if noun is not None and noun.lower_ in CONTAINER_NOUNS:
        noun = _of_object(noun) or noun
    if noun is not None and (noun.lower_ in DURATION_UNITS or noun.lower_ in PERCENT_WORDS):
        return None
    return noun


def _changed_noun(tok: Token) -> Token | None:
    """The subject of the change verb a percentage measures ("Shares sank 14.87%" -> shares)."""
    for _ in range(3):
        head = tok.head
        if head is tok:
            return None
        if head.pos_ == "VERB":
            if head.lemma_.lower() not in CHANGE_LEMMAS:
                return None
            for child in head.children:
                if child.dep_ == "nsubj" and child.pos_ in NOUN_POS:
                    return child
            return None
        tok = head
    return None


def _measured_noun(unit: Token) -> Token | None:
    """ "30-day ceasefire" -> ceasefire; "a ceasefire for two to three days" -> ceasefire."""
    tok = unit
    for _ in range(3):
        head = tok.head
        if head is tok:
            return None
        if head.pos_ in NOUN_POS and head.i != unit.i:
            return head
        if head.pos_ not in ("ADP", "ADJ", "VERB") or (head.pos_ == "VERB" and tok.dep_ == "dobj"):
            return None
        if head.pos_ == "VERB" and head.dep_ not in ("acl", "relcl"):
            return None
        tok = head
    return None


def fallback_subject(doc: Doc, claim: _Claim, sent: Span) -> str | None:
    """A bare count ("with 1,000 on both sides"): the plural noun just before it, if close."""
    for k in range(claim.start - 1, max(sent.start, claim.start - 6) - 1, -1):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.tag_ == "NNS":
            return noun_text(tok)
    return None


def apply_scope(doc: Doc, claim: _Claim, noun: Token | None) -> None:
    """Set `claim.scope` (and `per_side_value`) from the words around a count or sum of money.

    `noun` is the claim's counted noun: "6,000 bodies each" puts the scope word after the noun.
    """
    if claim.scope != "unknown" or claim.kind not in ("count", "money"):
        return
    after = claim.end
    if noun is not None and claim.end <= noun.i <= claim.end + 4:
        after = noun.i + 1
    n = len(doc)
    for at in {claim.end, after}:
        # Read the next three words once; the phrase tables are matched as prefixes of them.
        words = tuple(doc[k].lower_ for k in range(at, min(n, at + 3)))
        if words and words[0] in _SCOPE_FIRST_WORDS:
            if any(words[: len(p)] == p for p in PER_SIDE_AFTER):
                claim.scope = "per_side"
                claim.per_side_value = claim.value
                return
            if any(words[: len(p)] == p for p in TOTAL_AFTER):
                claim.scope = "total"
                return
    # "each side freeing 1,000 prisoners"
    before = [doc[k] for k in range(max(0, claim.start - 4), claim.start)]
    for k, tok in enumerate(before[:-1]):
        if (
            tok.lower_ == "each"
            and before[k + 1].lower_ == "side"
            and any(t.pos_ == "VERB" for t in before[k + 2 :])
        ):
            claim.scope = "per_side"
            claim.per_side_value = claim.value
            return
    words = tuple(t.lower_ for t in before[-3:])
    if "total" in words and any(words[-len(p) :] == p for p in TOTAL_BEFORE):
        claim.scope = "total"
