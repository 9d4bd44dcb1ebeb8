"""What a claim measures, beyond its counted noun: the thing a sum or share is of, whose it is,
when, which way it changed and whether it happened or is only proposed.

These fill the numeric_claims columns that let grouping compare one quantity only:
- `measured_noun`: the subject of a sum of money or a share that has no counted noun
  ("$5.7 billion for wall funding" -> funding, "a £1bn deal" -> deal, "profits of £75m" ->
  profit, "Sales rose by 2%" -> sale; a transaction verb names it when no noun does: "paid
  £5m" -> pay).
- `owner`: whose quantity it is when the sentence says so: a possessor or a name on the
  subject ("Japan's economy", "62 Labour rebels"), or the named subject of the verb that has
  the counted noun as its object ("Blackmore has 20 wives").
- `time_ref`: the date or time phrase of the claim's own clause ("in 2004", "last year", "on
  16 May", "overnight"), as sorted lower-case words so "16 May" and "May 16" are one.
- `direction`: "up" or "down" when the number is the size of a change ("grew 2.6%", "shrank
  0.2%", "a 3% fall"), None for a level ("rose to 5%").
- `modality`: "prospective" when the clause proposes, expects or allows the number ("could
  return up to 1,200", "proposed a 30-day ceasefire", "an expected 1,000-for-1,000 format"),
  else "stated".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.claims.lexicon import CHANGE_LEMMAS, CURRENCY_WORDS, NOUN_POS, PRONOUNS
from transforms.claims.record import Claim

UP_LEMMAS = frozenset(
    "rise grow increase climb jump gain raise soar surge rally advance boost expand rebound"
    " leap add widen up".split()
)
DOWN_LEMMAS = frozenset(
    "fall decrease drop slip slide lose cut lower plunge tumble dip decline ease reduce shrink"
    " sink slump shed narrow contract down".split()
)
# Verbs whose object is a sum that names no thing: the act is what the sum measures.
TRANSACTION_LEMMAS = frozenset(
    "pay spend demand seek raise invest offer receive earn cost owe borrow lend fine award"
    " donate pledge charge save bid sell buy".split()
)
PROSPECTIVE_LEMMAS = frozenset(
    "propose expect plan offer want seek demand aim hope intend threaten suggest forecast"
    " predict project insist".split()
)
# Modals that make a number hypothetical; "will" and "must" state a commitment.
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would", "should"})
# Verbs whose named subject holds the counted thing ("Blackmore has 20 wives", "Sony has sold
# 800,000 units"); the subject of "proposed" or "said" is a speaker, not an owner.
HOLDING_LEMMAS = frozenset("have hold own sell win score earn lead get receive take".split())
PROSPECTIVE_MODIFIERS = frozenset({"expected", "proposed", "planned", "possible", "potential"})
_OWNER_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "WORK_OF_ART", "PRODUCT", "FAC"})
_LEVEL_PREPS = frozenset({"to", "from", "at"})
_RELATIVE_TIMES = frozenset({"overnight", "yesterday", "today", "tonight", "previously"})
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# Words that make a DATE entity a time; spaCy also tags ages ("LaSalle, 36,", "36-year-old")
# and bare numbers as DATE, which name no time.
_TIME_WORDS = frozenset(
    "year years month months week weeks day days quarter season ago last next this previous"
    " earlier later morning evening night afternoon decade century spring summer autumn winter"
    " monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december jan feb mar apr jun jul aug sep"
    " sept oct nov dec".split()
)


def _clause_chain(tok: Token, limit: int = 6) -> list[Token]:
    """`tok` and its heads up to the root of its clause (a verb), nearest first."""
    chain = [tok]
    while tok.head is not tok and len(chain) < limit:
        tok = tok.head
        chain.append(tok)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl"):
            break
    return chain


def top_token(doc: Doc, claim: Claim) -> Token:
    """The claim's token whose head is outside its span ("%" of "2.6 %", "million" of "1.2m")."""
    tok = doc[claim.anchor]
    for _ in range(4):
        if tok.head is tok or not (claim.start <= tok.head.i < claim.end):
            break
        tok = tok.head
    return tok


def _noun(tok: Token | None) -> Token | None:
    return tok if tok is not None and tok.pos_ in NOUN_POS and tok.lower_ not in PRONOUNS else None


def _pobj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and _noun(obj) is not None and obj.ent_type_ != "DATE":
                    return obj
    return None


def measured_noun(doc: Doc, claim: Claim) -> tuple[Token | None, str | None]:
    """(noun, verb lemma): what a sum of money or a share with no counted noun measures."""
    tok = top_token(doc, claim)
    if tok.head.lower_ in CURRENCY_WORDS and tok.head is not tok:
        tok = tok.head  # "4bn euros": the currency word is part of the sum
    head = tok.head
    modifies = tok.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod")
    if head is not tok and _noun(head) is not None and head.i > tok.i and modifies:
        return _pobj(head, ("in", "of")) or head, None  # "a £1bn deal", "a 2% rise in sales"
    if head is not tok and head.lower_ in CURRENCY_WORDS:
        return None, None
    if tok.dep_ == "pobj" and head.lower_ == "of" and _noun(head.head) is not None:
        return head.head, None  # "profits of £75m"
    own = _pobj(tok, ("for", "on"))
    if own is not None:
        return own, None  # "$5.7 billion for wall funding"
    for link in _clause_chain(tok)[1:]:
        if link.pos_ not in ("VERB", "AUX"):
            continue
        transaction = link.lemma_.lower() in TRANSACTION_LEMMAS
        if link.lemma_.lower() in CHANGE_LEMMAS and claim.kind == "money":
            # "reduced its losses from £20.6m to £1.2m", "cut the deficit to £2bn": the sum
            # is the level or change of the verb's object.
            changed = next((c for c in link.children if c.dep_ == "dobj" and _noun(c)), None)
            if changed is not None and not (claim.start <= changed.i < claim.end):
                return changed, None
        target = _pobj(link, ("for", "on") if transaction else ("for",))
        if target is not None and not (claim.start <= target.i < claim.end):
            return target, None  # "spent £2bn on defence", "approved $1bn for security"
        for child in link.children:
            named = child.dep_ in ("nsubj", "nsubjpass") and _noun(child) is not None
            if named and not transaction:
                return child, None  # "Profits rose to £75m", "The wall would cost ..."
        if transaction:
            return None, link.lemma_.lower()  # "paid £5m": the payment
        break
    return None, None


def change_target(noun: Token) -> Token | None:
    """ "a 2% rise in prices" -> prices: what a change noun says changed."""
    if _way(noun) is None:
        return None
    return _pobj(noun, ("in", "of"))


def compound_text(noun: Token) -> str:
    """The noun's lemma with the nouns compounded before it ("wall funding", "oil price")."""
    parts = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*parts[-1:], noun.lemma_.lower()])


def owner(doc: Doc, claim: Claim, noun: Token | None) -> str | None:
    """Whose quantity it is, when the sentence names it (lower-case text), else None."""
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in PRONOUNS | _POSSESSIVES:
                return _name_text(child)  # "Japan's economy"
            if child.dep_ in ("compound", "amod") and child.ent_type_ in _OWNER_ENTS:
                return _name_text(child)  # "62 Labour rebels", "Chinese exports"
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "with":
            head = head.head  # "The Aviator is leading the field with 11 nominations"
        elif noun.dep_ not in ("dobj", "attr"):
            return None
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in HOLDING_LEMMAS:
            for child in head.children:
                if child.dep_ == "nsubj" and child.ent_type_ in _OWNER_ENTS:
                    return _name_text(child)  # "Blackmore has 20 wives"
    return None


def _name_text(tok: Token) -> str:
    words = [c.text for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([*words, tok.text]).lower().removesuffix("'s").removesuffix("’s")


def time_ref(doc: Doc, claim: Claim, sent: Span) -> str | None:
    """The DATE or TIME phrase attached to the claim's clause, as sorted lower-case words."""
    chain = {t.i for t in _clause_chain(top_token(doc, claim))}
    best: tuple[int, str] | None = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or claim.start <= ent.start < claim.end:
            continue
        if claim.start <= ent.end - 1 < claim.end:
            continue
        attach = ent.root.head
        if attach.dep_ == "prep":
            attach = attach.head
        # on the clause's chain, or on its subject ("The May 16 talks led to ... 1,000")
        if attach.i in chain or ent.root.i in chain or attach.head.i in chain:
            distance = min(abs(ent.start - claim.start), abs(ent.end - claim.end))
            words = sorted(w.lower_ for w in ent if w.is_alpha or w.like_num)
            words = [w for w in words if w not in ("the", "on", "in", "of")]
            is_time = any(
                w.rstrip(".") in _TIME_WORDS or len(w) == 4 and w.isdigit() for w in words
            )
            if words and is_time and "old" not in words and (best is None or distance < best[0]):
                best = (distance, " ".join(words))
    if best is None:
        for t in _clause_chain(top_token(doc, claim)):
            for child in t.children:
                if child.lower_ in _RELATIVE_TIMES and child.dep_ in ("advmod", "npadvmod"):
                    return child.lower_
    return None if best is None else best[1]


def direction(doc: Doc, claim: Claim) -> str | None:
    """ "up"/"down" when the number is the size of a change, None for a level or no change."""
    tok = top_token(doc, claim)
    head = tok.head
    if head is not tok and head.i > tok.i and tok.dep_ in ("amod", "compound", "nummod", "nmod"):
        return _way(head)  # "a 3% fall"
    via = None
    for link in _clause_chain(tok)[1:]:
        if link.pos_ == "ADP":
            via = link.lower_
            continue
        if link.pos_ in ("VERB", "NOUN"):
            if via in _LEVEL_PREPS:
                return None  # "rose to 5%": a level
            return _way(link)
        break
    return None


def _way(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in UP_LEMMAS:
        return "up"
    if lemma in DOWN_LEMMAS:
        return "down"
    return None


def modality(doc: Doc, claim: Claim, noun: Token | None) -> str:
    """ "prospective" when the clause proposes, expects or allows the number, else "stated"."""
    if noun is not None and any(c.lower_ in PROSPECTIVE_MODIFIERS for c in noun.children):
        return "prospective"  # "an expected 1,000-for-1,000 format"
    for link in _clause_chain(top_token(doc, claim)):
        if link.lemma_.lower() in PROSPECTIVE_LEMMAS and link.pos_ == "VERB":
            return "prospective"  # "proposed a 30-day ceasefire"
        if link.pos_ in ("VERB", "AUX") and any(
            c.tag_ == "MD" and c.lower_ in HYPOTHETICAL_MODALS for c in link.children
        ):
            return "prospective"  # "could return up to 1,200"; "GM will pay $2bn" is stated
    return "stated"
