"""Reading one number: the bare number that starts at a token, before any context is read.

`read_number(doc, i)` returns a `Claim` spanning the number as written (numeral with its glued
suffix and a scale word after it, "1.2 million", "£5.3 m"; a cardinal-word run, "twenty-five";
a written fraction, "one-fifth"; a vague quantity, "several hundred"; number words, ordinals)
with its value, or None when the token starts no number. What the surrounding words say
(dates, units, ranges, bounds) is read afterwards by the other modules.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import (
    A_UNIT_WORDS,
    AGE_DECADE_PREFIXES,
    CLOCK_WORDS,
    DASHES,
    DISTANCE_UNITS,
    GLUED_UNITS,
    NOT_COUNTED_COMPOUNDS,
    TIME_SUFFIXES,
)
from transforms.claims.number_words import (
    read_a_unit,
    read_dozen,
    read_fraction_word,
    read_ordinal_word,
    read_vague,
)
from transforms.claims.numerals import (
    CARDINAL_WORDS,
    DOZEN,
    FRACTION_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SUFFIX_MULTIPLIERS,
    UNITS_WORDS,
    VAGUE_PLURALS,
    VAGUE_PREFIXES,
    is_ordinal_suffix,
    parse_numeral,
    words_to_number,
)
from transforms.claims.odd_numerals import read_odd_numeral
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, is_name_word, lower


def read_number(doc: Doc, i: int) -> Claim | None:
    """Read the bare number starting at token i: value, end, and what the token itself says."""
    tok = doc[i]
    text = tok.text
    low = tok.lower_
    if (
        text[:1].isdigit()
        or (text[:1] in ".-−" and text[1:2].isdigit())
        or (text[:1].isalpha() and "-" in text and text[-1:].isdigit())
    ):
        return _read_numeral(doc, i, text)
    if low in CARDINAL_WORDS:
        return _read_written(doc, i, tok)
    if low in VAGUE_PLURALS or low == "tens":
        return read_vague(doc, i)
    if low in A_UNIT_WORDS:
        return read_a_unit(doc, i)
    if low == "dozen":
        return read_dozen(doc, i)
    if low in FRACTION_WORDS:
        claim = read_fraction_word(doc, i)
        if claim is not None:
            return claim
    if low in ORDINAL_WORDS:
        return read_ordinal_word(doc, i)
    return None


# --- numerals -------------------------------------------------------------------------------


def _read_numeral(doc: Doc, i: int, text: str) -> Claim | None:
    """Token i, `text`, written with digits: "6,000", "3bn", "18th", "1990s", "1.2" + "million"."""
    spaced = read_spaced_numeral(doc, i)
    if spaced is not None:
        text, last = spaced
    else:
        last = i
    parsed = parse_numeral(text)
    if parsed is None:
        return read_odd_numeral(doc, i)
    value, suffix = parsed
    claim = Claim(start=i, end=last + 1, value=value, anchor=last)
    if suffix:
        return _apply_suffix(doc, claim, suffix)
    _scale_after(doc, claim)
    return claim


def read_spaced_numeral(doc: Doc, i: int) -> tuple[str, int] | None:
    """A numeral whose separator was followed by a stray space: "230, 000", "5. 9", "0. 71".

    Text extracted with a space after every comma and full stop (all of ECB+: "killed 230, 000
    people", "a 5. 9-magnitude quake") splits one number into tokens. Read as one numeral when
    the first part has at most three digits, the separator is glued to it and followed by one
    space, the next part is digits in the same sentence, and (for a comma) exactly three
    digits that do not continue a list ("5, 100 and 200" keeps two numbers only when a list
    comma precedes). Returns the numeral's text without the spaces and its last token.
    """
    n = len(doc)
    tok = doc[i]
    if not (tok.text.isdigit() and len(tok.text) <= 3) or i + 2 >= n:
        return None
    sep, part = doc[i + 1], doc[i + 2]
    if tok.whitespace_ or sep.text not in (",", ".") or sep.whitespace_ != " ":
        return None
    digits = part.text.split("-")[0] if sep.text == "." else part.text
    if not digits.isdigit() or part.is_sent_start:
        return None
    if sep.text == ".":
        return f"{tok.text}.{part.text}", i + 2
    if len(digits) != 3 or (i > 0 and doc[i - 1].text == ","):
        return None
    if i + 4 < n and doc[i + 3].lower_ in ("and", "or") and doc[i + 4].like_num:
        return None  # "5, 100 and 200": a list of three numbers
    text, last = f"{tok.text},{digits}", i + 2
    while last + 2 < n and doc[last + 1].text == "," and doc[last + 2].text.isdigit():
        if len(doc[last + 2].text) != 3 or doc[last].whitespace_:
            break
        text, last = f"{text},{doc[last + 2].text}", last + 2
    return text, last


def _apply_suffix(doc: Doc, claim: Claim, suffix: str) -> Claim | None:
    """What a glued suffix says: a multiplier, ordinal, decade, unit, clock time or pence."""
    value = claim.value
    if suffix in SUFFIX_MULTIPLIERS:
        claim.scale = SUFFIX_MULTIPLIERS[suffix]
        claim.value = value * claim.scale
    elif is_ordinal_suffix(suffix):
        claim.kind = "ordinal"
    elif suffix == "s" and value % 10 == 0 and (value >= 1000 or 10 <= value <= 90):
        _decade(doc, claim)
    elif suffix == "%":
        claim.kind = "percent"
    elif suffix in DISTANCE_UNITS:
        claim.kind = "distance"
        claim.original_unit = DISTANCE_UNITS[suffix][0]
    elif suffix in GLUED_UNITS:
        claim.kind, claim.unit = "other", GLUED_UNITS[suffix]  # "2.9Mbps", "64MB"
    elif suffix in TIME_SUFFIXES or suffix in CLOCK_WORDS:  # "6pm", "2100GMT"
        claim.kind, claim.unit = "other", "time_of_day"
    elif suffix == "p":
        claim.kind, claim.currency = "money", "GBP"
        claim.original_value, claim.original_unit = value, "pence"
        claim.value = value * 0.01
    else:
        return None  # "4G", "3D", "mp3"-like tokens are not quantities
    return claim


def _decade(doc: Doc, claim: Claim) -> None:
    """ "1990s", "the 70s" (the 1970s): a range of years; "in their 30s": a range of ages."""
    value = claim.value
    claim.low, claim.high, claim.bound = value, value + 9, "range"
    if value >= 1000:
        claim.kind, claim.unit = "date", "year"  # "1990s"
    elif lower(doc, claim.start - 1) in AGE_DECADE_PREFIXES:
        claim.kind, claim.unit = "age", "year"  # "in their 30s"
    else:  # "the 70s": the 1970s
        claim.kind, claim.unit = "date", "year"
        claim.low, claim.high = 1900 + value, 1909 + value


def _scale_after(doc: Doc, claim: Claim) -> None:
    """ "1.2 million", "5 billion", "£5.3 m": a scale word or a glued multiplier after."""
    i = claim.end - 1
    value = claim.value
    nxt = lower(doc, i + 1)
    if nxt in SCALE_WORDS:
        claim.scale = SCALE_WORDS[nxt]
        claim.value = value * claim.scale
        claim.end = claim.anchor = i + 1
        claim.end += 1
        if lower(doc, i + 2) in SCALE_WORDS:  # "1.5 hundred thousand"
            claim.scale *= SCALE_WORDS[lower(doc, i + 2)]
            claim.value *= SCALE_WORDS[lower(doc, i + 2)]
            claim.end = i + 3
            claim.anchor = i + 2
    elif nxt.rstrip(".") in SUFFIX_MULTIPLIERS and glued(doc, i):
        claim.scale = SUFFIX_MULTIPLIERS[nxt.rstrip(".")]
        claim.value = value * claim.scale
        claim.end = i + 2
        claim.anchor = i + 1
        # "£400m." at a sentence end is one token "m."; the full stop stays out of the quote
        claim.trim = len(nxt) - len(nxt.rstrip("."))
    elif (
        nxt in DASHES and glued(doc, i) and glued(doc, i + 1) and lower(doc, i + 2) in SCALE_WORDS
    ):  # "the 17-million population"
        claim.scale = SCALE_WORDS[lower(doc, i + 2)]
        claim.value = value * claim.scale
        claim.end = i + 3
        claim.anchor = i + 2
    elif nxt == "dozen":
        claim.value = value * DOZEN
        claim.end = claim.anchor = i + 1
        claim.end += 1


# --- cardinal words -------------------------------------------------------------------------


def read_cardinal_words(doc: Doc, i: int) -> tuple[float, int] | None:
    """A run of cardinal words from i ("twenty - five", "one hundred and twenty")."""
    words: list[str] = []
    j = i
    n = len(doc)
    while j < n:
        low = doc[j].lower_
        if low in CARDINAL_WORDS:
            words.append(low)
            j += 1
        elif (
            low == "-"
            and words
            and j + 1 < n
            and doc[j + 1].lower_ in CARDINAL_WORDS
            and doc[j - 1].whitespace_ == ""
            and doc[j].whitespace_ == ""
        ):
            # "twenty-five"; and a hyphenated multiplier ("a two-million-euro haul", "a
            # five-thousand-strong crowd") is one number, never a range from two to a million.
            j += 1
        elif (
            low == "and"
            and words
            and words[-1] in SCALE_WORDS
            and j + 1 < n
            and doc[j + 1].lower_ in UNITS_WORDS
        ):
            words.append("and")
            j += 1
        else:
            break
    value = words_to_number(words)
    return None if value is None else (value, j)


def _read_written(doc: Doc, i: int, tok: Token) -> Claim | None:
    """Token i (`tok`) starts a number in words: a count, "one-fifth", "several hundred"."""
    if is_name_word(tok):
        return None
    if lower(doc, i - 1) in DASHES and lower(doc, i - 2) == "multi":
        return None  # "multi-million sellers": an order of magnitude, no figure to check
    read = read_cardinal_words(doc, i)
    if read is None:
        return None
    value, j = read
    if lower(doc, j) in DASHES and glued(doc, j - 1) and lower(doc, j + 1) in NOT_COUNTED_COMPOUNDS:
        return None  # "one-off", "one-time"
    frac = _written_fraction(doc, i, j, value)
    if frac is not None:
        return frac
    claim = Claim(start=i, end=j, value=value, anchor=j - 1)
    if doc[j - 1].lower_ in SCALE_WORDS and j - 1 > i:
        # "three million" keeps its multiplier, as "3 million" does, so a range whose first
        # end has none ("between two and three million") shares it instead of reading 2..3e6.
        claim.scale = SCALE_WORDS[doc[j - 1].lower_]
    if lower(doc, j) == "dozen":
        claim.value = value * DOZEN
        claim.end = j + 1
        claim.anchor = j
    # "several hundred", "a few thousand": a vague range of the scale word.
    prev = lower(doc, i - 1)
    if _scale_only(doc, i, j) and prev in VAGUE_PREFIXES:
        lo, hi = VAGUE_PREFIXES[prev]
        claim.low, claim.high, claim.bound = lo * value, hi * value, "range"
        claim.start = i - 1
        if prev == "few" and lower(doc, i - 2) == "a":
            claim.start = i - 2
    elif _scale_only(doc, i, j) and prev in ("a", "an"):
        claim.start = i - 1  # "a hundred", "a million"
    elif value == 1 and j == i + 1 and tok.dep_ != "nummod":
        return None  # pronoun "one" ("including one that hit", "no one", "one of them")
    return claim


def _written_fraction(doc: Doc, i: int, j: int, value: float) -> Claim | None:
    """ "one-fifth", "two thirds", "three quarters", "one-in-three": a fraction, not a count."""
    n = len(doc)
    words = [lower(doc, k) for k in range(j, j + 4)]
    if value == 1 and words[0] == "in" and j + 1 < n and doc[j + 1].lower_ in CARDINAL_WORDS:
        words = ["-", "in", "-"]  # "one in five pensioners": the same share, unhyphenated
        j -= 2
    if words[0] in DASHES and words[1] == "in" and words[2] in DASHES:
        # odds: "a one-in-three chance" is the share 1/3, not the counts 1 and 3
        den = read_cardinal_words(doc, j + 3)
        if den is not None and den[0] > value:
            odds = Claim(
                start=i, end=den[1], value=value / den[0], kind="fraction", anchor=den[1] - 1
            )
            odds.original_value, odds.original_unit = value, f"in {den[0]:g}"
            return odds
    k = j + 1 if (j < n and doc[j].text in DASHES and glued(doc, j - 1)) else j
    if k < n and doc[k].lower_ in FRACTION_WORDS and value < FRACTION_WORDS[doc[k].lower_]:
        den = FRACTION_WORDS[doc[k].lower_]
        frac = Claim(start=i, end=k + 1, value=value / den, kind="fraction", anchor=k)
        frac.original_value, frac.original_unit = value, doc[k].lower_.rstrip("s")
        if frac.original_unit == "halve":
            frac.original_unit = "half"
        return frac
    return None


def _scale_only(doc: Doc, i: int, j: int) -> bool:
    """True when tokens [i, j) are only scale words ("hundred", "thousand")."""
    return all(doc[k].lower_ in SCALE_WORDS for k in range(i, j))
