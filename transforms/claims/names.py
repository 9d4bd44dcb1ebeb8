"""Names: numbers that are part of a name and count nothing.

"No 10", "Channel 4", "PlayStation 2", "Xbox 2", model numbers ("777-200LR", "RA-104") and
numerals glued to a capital ("3G", "4Kids") are skipped; "4 channels" counts and
"Chelsea 2-1" is a score after a name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.claims.lexicon import (
    DASHES,
    DISTANCE_UNITS,
    GLUED_UNITS,
    NAME_ENTITY_TYPES,
    WEEKDAYS,
)
from transforms.claims.numerals import SUFFIX_MULTIPLIERS, parse_numeral
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, lower, month_at
from transforms.text.lexicon import MONTHS


def name_end(doc: Doc, claim: Claim) -> int | None:
    """When the number just read is part of a name, the next token to read; else None."""
    # Names: "No 10", "Channel 4", "Radio 4" (a number inside a name entity counting nothing).
    prev = lower(doc, claim.start - 1)
    if prev in ("no", "no.", "number") and claim.start > 0 and doc[claim.start - 1].text[0] == "N":
        return claim.end
    if inside_name(doc, claim):
        return claim.end
    if (
        claim.kind == "count"
        and claim.end < len(doc)
        and glued(doc, claim.end - 1)
        and doc[claim.end].text.isalpha()
        and doc[claim.end].text[:1].isupper()
        and doc[claim.end].lower_ not in SUFFIX_MULTIPLIERS
    ):
        return claim.end + 1  # "3G", "3D", "4Kids": a name, not a quantity
    return None


def inside_name(doc: Doc, claim: Claim) -> bool:
    """ "Channel 4", "PlayStation 2", "777-200LR": a numeral that is part of a proper name."""
    if claim.kind != "count" or claim.low is not None or claim.end - claim.start != 1:
        return False
    tok = doc[claim.start]
    if not tok.text[:1].isdigit():
        return False
    e = claim.end
    if (
        e + 1 < len(doc)
        and doc[e].text == "-"
        and glued(doc, e - 1)
        and glued(doc, e)
        and _model_number(doc[e + 1].text)
    ):
        return True  # "777-200LR", "RA-104"
    if claim.start == 0 or (tok.dep_ == "nummod" and tok.head.i > tok.i):
        return False  # "4 channels" counts; "Channel 4" names
    prev = doc[claim.start - 1]
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and nxt.text in DASHES and glued(doc, e - 1):
        return False  # "Chelsea 2-1": a score follows the name
    if (
        prev.pos_ == "PROPN"
        and prev.ent_type_ in NAME_ENTITY_TYPES
        and tok.ent_type_ == prev.ent_type_
        and tok.ent_iob_ == "I"
    ):
        return True
    # "Xbox 2", "BBC 3", "Chapter 11", "Apollo 11": a small integer right after a capitalised
    # proper noun (not a month: "June 2" is a date) that counts no noun after it.
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.lower_ not in MONTHS
        and prev.lower_ not in WEEKDAYS
        and tok.text.isdigit()
        and len(tok.text) <= 2
        and month_at(doc, e) is None
        and not (nxt is not None and nxt.tag_ == "NNS")
    )


def _model_number(nxt: str) -> bool:
    """The text after "777-" in a model number ("200LR"): letters and digits, no known unit."""
    alnum = any(c.isdigit() for c in nxt) and any(c.isalpha() for c in nxt)
    # but "1,000-for-1,000" is a format and "$3-4bn" a range
    parsed = parse_numeral(nxt)
    known = parsed is not None and (
        parsed[1] in SUFFIX_MULTIPLIERS
        or parsed[1] in GLUED_UNITS
        or parsed[1] == "%"
        or parsed[1] in DISTANCE_UNITS
    )
    return alnum and not nxt.lower().startswith("for") and not known
