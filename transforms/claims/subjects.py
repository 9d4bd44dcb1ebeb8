"""Subject of a numeric claim: what a number counts or measures.

`counted_noun` finds the noun a number counts or measures from the dependency parse
("6,000 bodies" -> bodies, "20 percent of territory" -> territory, "Shares sank 14.87%" ->
shares), and `noun_text` turns it into the `subject` column (the lemma, "prisoner of war",
"front line"). `fallback_subject` covers bare counts with no parse link ("with 1,000 on both
sides"). These functions read `Claim` records and return tokens or text; scope is
`transforms.claims.scope`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.claims.lexicon import (
    CHANGE_LEMMAS,
    CLOSING_QUOTES,
    CONTAINER_NOUNS,
    DISTANCE_UNITS,
    DURATION_UNITS,
    NOUN_POS,
    OPENING_QUOTES,
    PERCENT_WORDS,
    PRONOUNS,
)
from transforms.claims.numerals import CARDINAL_WORDS
from transforms.claims.record import Claim

_SUBJECT_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "det", "npadvmod"})
_FIXED_SUBJECTS = {"pow": "prisoner of war", "pows": "prisoner of war"}


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


def counted_noun(doc: Doc, claim: Claim) -> Token | None:
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
    if (
        noun is not None
        and noun.pos_ == "PROPN"
        and noun.dep_ == "compound"
        and noun.head.pos_ == "NOUN"
        and noun.head.i > noun.i
    ):
        # "Two Percy Montgomery penalties", "three Ferrari wins": the name says whose; the
        # noun it is compounded into is what is counted.
        noun = noun.head
    if noun is not None and (noun.lower_ in DURATION_UNITS or noun.lower_ in PERCENT_WORDS):
        return None
    if noun is not None and _quoted_label(doc, claim, noun):
        return None
    return noun


def _quoted_label(doc: Doc, claim: Claim, noun: Token) -> bool:
    """Is the figure a quoted phrase that the noun after it labels ("this whole 'two or three
    days' game", a "three strikes" law)? The general case: words in quotation marks are
    someone's phrase, mentioned rather than used, and the noun outside the closing mark names
    that phrase (the game, the law), not what the figure counts or measures. The quoted words
    must be a noun phrase of their own, with its noun inside the marks: a quoted modifier
    ("a “30-day” ceasefire") still measures the noun it is put before. A possessive's bare
    apostrophe ("two years' jail") opens no quotation, so an opening mark must stand right
    before the figure."""
    if noun.i < claim.end or claim.start == 0 or doc[claim.start - 1].text not in OPENING_QUOTES:
        return False
    for k in range(claim.end, noun.i):
        if doc[k].text in CLOSING_QUOTES:
            return any(doc[j].pos_ in NOUN_POS for j in range(claim.end, k))
    return False


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


def fallback_subject(doc: Doc, claim: Claim, sent: Span) -> str | None:
    """A bare count ("with 1,000 on both sides"): the plural noun just before it, if close."""
    for k in range(claim.start - 1, max(sent.start, claim.start - 6) - 1, -1):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.tag_ == "NNS":
            return noun_text(tok)
    return None
