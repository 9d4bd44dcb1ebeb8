"""Scope of a count or a sum of money: per side, total, or unknown.

per_side when the wording says so ("6,000 bodies each", "from/for/on each side", "on both
sides", "each side freeing 1,000"); total when it says "in total"/"combined" or when the same
sentence restates it per side ("12,000 dead soldiers, or 6,000 for each side": the 12,000 row
is total with per_side_value 6,000, the 6,000 row per_side with 6,000, so both readings of one
claim carry the same per_side_value); unknown otherwise.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import PER_SIDE_AFTER, TOTAL_AFTER, TOTAL_BEFORE
from transforms.claims.record import Claim

# First words of the scope phrases: most numbers are followed by none of them, so the phrase
# tables are only matched when the next word could start one.
_SCOPE_FIRST_WORDS = frozenset(p[0] for p in (*PER_SIDE_AFTER, *TOTAL_AFTER))


def apply_scope(doc: Doc, claim: Claim, noun: Token | None) -> None:
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


def restate_total(claim: Claim, earlier: list[Claim]) -> None:
    """A per-side count restating an earlier total of twice its value makes that one total.

    "12,000 dead soldiers, or 6,000 for each side": one claim said twice. `earlier` are the
    counts before `claim` in its sentence, in body order; the nearest matching one is taken.
    """
    for total in reversed(earlier):
        if total.scope != "per_side" and total.value == 2 * claim.value:
            total.scope, total.per_side_value = "total", claim.value
            if claim.subject is None:
                claim.subject = total.subject
            break
