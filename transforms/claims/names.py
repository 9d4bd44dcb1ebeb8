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

# Fixed phrases whose number counts or ranks nothing ("at one point" is a moment, "the first
# lady" a title, "the 800-pound gorilla" a figure of speech): lower-case tokens, the number
# token among them; a number is skipped when its tokens and neighbours spell one of them.
IDIOMS: tuple[tuple[str, ...], ...] = (
    ("at", "one", "point"), ("at", "one", "stage"), ("at", "one", "time"),
    ("in", "the", "first", "place"), ("in", "the", "first", "instance"),
    ("first", "lady"), ("at", "first", "glance"), ("at", "first", "sight"),
    ("on", "the", "one", "hand"), ("second", "to", "none"), ("one", "of", "a", "kind"),
    ("800", "-", "pound", "gorilla"), ("second", "nature"), ("first", "-", "hand"),
)  # fmt: skip


def idiom_end(doc: Doc, claim: Claim) -> int | None:
    """When the number is inside a fixed phrase (IDIOMS), the token after it; else None."""
    words = [t.lower_ for t in doc[max(0, claim.start - 2) : min(len(doc), claim.end + 3)]]
    offset = claim.start - max(0, claim.start - 2)
    for idiom in IDIOMS:
        for k in range(len(words) - len(idiom) + 1):
            covers = k <= offset < k + len(idiom)
            if covers and tuple(words[k : k + len(idiom)]) == idiom:
                return max(claim.end, max(0, claim.start - 2) + k + len(idiom))
    return None


# "the two sides", "the two men", "between the two countries": a pair the story has already
# named, referred back to; the number tells a reader nothing to check.
PAIR_NOUNS = frozenset(
    "sides men women countries leaders nations parties teams companies firms governments"
    " delegations presidents camps clubs rivals".split()
)


def _pair_reference(doc: Doc, claim: Claim) -> bool:
    """ "the two sides": the definite article, "two", then a plural noun of PAIR_NOUNS."""
    if claim.end - claim.start != 1 or doc[claim.start].lower_ != "two" or claim.start == 0:
        return False
    nxt = doc[claim.end] if claim.end < len(doc) else None
    return (
        doc[claim.start - 1].lower_ == "the"
        and nxt is not None
        and nxt.lower_ in PAIR_NOUNS
        and not (claim.end + 1 < len(doc) and doc[claim.end + 1].text in ("'", "’", "'s"))
    )


def code_end(doc: Doc, claim: Claim) -> int | None:
    """ "0800 555 111", "0845 125 2222": digit groups after a leading zero are a phone number
    or a code, not quantities; returns the token after the run."""
    k = claim.start
    if not (doc[k].text.isdigit() and doc[k].text.startswith("0") and len(doc[k].text) >= 3):
        return None
    end = k + 1
    while end < len(doc) and doc[end].text.isdigit() and doc[end - 1].whitespace_ == " ":
        end += 1
    return end if end - k >= 2 else None


def name_end(doc: Doc, claim: Claim) -> int | None:
    """When the number just read is part of a name, the next token to read; else None."""
    idiom = idiom_end(doc, claim)
    if idiom is not None:
        return idiom
    code = code_end(doc, claim)
    if code is not None:
        return code
    if _pair_reference(doc, claim):
        return claim.end
    if claim.kind == "ordinal" and claim.end < len(doc):
        nxt = doc[claim.end]
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.is_sent_start:
            # "the 14th Amendment", "the 2nd Congressional District": an ordinal inside a name.
            return claim.end
    # Names: "No 10", "Channel 4", "Radio 4" (a number inside a name entity counting nothing).
    prev = lower(doc, claim.start - 1)
    if prev in ("no", "no.", "number") and claim.start > 0 and doc[claim.start - 1].text[0] == "N":
        return claim.end
    if inside_name(doc, claim) or _model_suffix(doc, claim):
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
    if claim.start == 0:
        return False
    prev = doc[claim.start - 1]
    if tok.dep_ == "nummod" and tok.head.i > tok.i:
        # "4 channels" counts; but a number above one before a singular noun, right after a
        # capitalised word, names a version or a list: "BlackBerry 10 platform", "Windows 95
        # release", "Top 500 list" (no plural follows, so nothing is counted).
        return (
            prev.text[:1].isupper()
            and not prev.is_sent_start
            and prev.pos_ in ("PROPN", "ADJ")
            and prev.lower_.rstrip(".") not in MONTHS
            and tok.head.tag_ == "NN"
            and claim.value > 1
            and tok.text.isdigit()
        )
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
        and prev.lower_.rstrip(".") not in MONTHS  # "Jan. 25", "Sept. 14" are dates
        and prev.lower_.rstrip(".") not in WEEKDAYS
        and tok.text.isdigit()
        and len(tok.text) <= 2
        and month_at(doc, e) is None
        and not (nxt is not None and nxt.tag_ == "NNS")
    )


def _model_suffix(doc: Doc, claim: Claim) -> bool:
    """ "an Nvidia 9600M GT", "the Radeon 4850M card": a capital letter glued to a numeral right
    after a brand name is a model name, not a multiplier ("9.6 billion" of nothing); a sum
    has its currency ("$5M") and is money, not a count."""
    if claim.kind != "count" or claim.currency is not None or claim.start == 0:
        return False
    last, prev = doc[claim.end - 1], doc[claim.start - 1]
    return (
        last.text.isupper()
        and last.text.isalpha()
        and claim.scale != 1.0
        and prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and not prev.is_sent_start
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


_LIST_SEPARATORS = frozenset({",", "and", "or", "/", "&"})


def listed_after_name(doc: Doc, claim: Claim, named: set[int]) -> bool:
    """A bare numeral later in a list whose first numeral was part of a name: "Windows 95, 98,
    ME, NT, 2000 and XP", "phones running Android 9, 10 and 11". The list continues the
    name (versions, models, editions), so its numerals count nothing either.

    `named` holds the token indices of the numerals of this doc already skipped as names; the
    walk back crosses separators and one-token items (numerals or capitalised words).
    """
    if claim.kind not in ("count", "date") or claim.end - claim.start != 1:
        return False
    if not doc[claim.start].text.isdigit():
        return False
    if claim.end < len(doc) and doc[claim.end].pos_ == "NOUN":
        return False  # "Channel 4 and 30 staff": a noun after it is counted
    k = claim.start - 1
    for _ in range(12):
        if k < 1 or doc[k].text not in _LIST_SEPARATORS:
            return False
        k -= 1
        while k > 0 and doc[k].text in _LIST_SEPARATORS:
            k -= 1
        if k in named:
            return True
        item = doc[k]
        if not (item.text.isdigit() or (item.text[:1].isupper() and item.text.isalpha())):
            return False
        k -= 1
    return False
