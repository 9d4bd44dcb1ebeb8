"""Number words and numerals: the vocabulary the claims stage reads numbers with.

Only single tokens (or short token runs the claims stage has already delimited) reach these
functions, so the regexes here run on a few characters at a time, never over a whole text.
Written cardinal runs ("six thousand", "twenty-five") go to text2num, which does them well; the
forms text2num mangles or rejects ("a dozen", "one-fifth", "several hundred", "1.2 million")
are read from the tables below instead.
"""

from __future__ import annotations

import re

from text_to_num import text2num

# Cardinal words text2num understands; a run of these (plus "and" and hyphens) is one number.
UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
CARDINAL_WORDS: frozenset[str] = frozenset(UNITS_WORDS) | frozenset(SCALE_WORDS)

# Abbreviated multipliers glued to a numeral ("$3bn", "£5.3m", "10k"). "m" is million, as in
# British news style; metres are only read from "metre"/"meter" words.
SUFFIX_MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip

# Vague plurals: the closed interval we read them as (a convention, written down so the
# reconcile stage can rely on it): "dozens" is 24..99, "hundreds" 200..999, and so on.
VAGUE_PLURALS: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
}
# "several hundred" = 3..9 hundred, "a few thousand" = 2..5 thousand, "tens of thousands".
VAGUE_PREFIXES: dict[str, tuple[float, float]] = {
    "several": (3, 9),
    "few": (2, 5),
    "tens": (20, 99),
}
DOZEN = 12

# Denominators of written fractions; "half" also stands alone ("half of the children").
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}  # fmt: skip

# Words that can start or be a number expression without being `like_num` in spaCy.
EXTRA_NUMBER_WORDS: frozenset[str] = (
    frozenset(VAGUE_PLURALS)
    | frozenset(FRACTION_WORDS)
    | frozenset(ORDINAL_WORDS)
    | frozenset({"dozen"})
)

# One numeral token: digits with optional thousands commas and decimals, then an optional
# glued suffix ("3bn", "1990s", "18th", "10km", "90%"). Applied to one token's text only.
_NUMERAL = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-zA-Z%]*)$")
_DECIMAL_ONLY = re.compile(r"^\.\d+$")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def parse_numeral(text: str) -> tuple[float, str] | None:
    """Read a numeral token: "6,000" -> (6000.0, ""), "3bn" -> (3.0, "bn"), else None."""
    match = _NUMERAL.match(text)
    if match is None:
        if _DECIMAL_ONLY.match(text):  # ".5" in "0.5" is never split, but "£.5m" may be
            return float(text), ""
        return None
    whole, frac, suffix = match.groups()
    return float(whole.replace(",", "") + (frac or "")), suffix.lower()


def is_ordinal_suffix(suffix: str) -> bool:
    """True for "st", "nd", "rd", "th" (as in "2nd", "18th")."""
    return suffix in _ORDINAL_SUFFIXES


def words_to_number(words: list[str]) -> float | None:
    """Value of a run of cardinal words ("six", "thousand"), or None when it is not one.

    text2num does the grammar (it rejects "five two", accepts "one hundred and twenty");
    a run it rejects is tried as a product of scales ("hundred thousand"), which text2num
    leaves to the caller.
    """
    if not words:
        return None
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        pass
    value = 1.0
    for word in words:
        if word in SCALE_WORDS:
            value *= SCALE_WORDS[word]
        elif word in UNITS_WORDS and value == 1.0:
            value = float(UNITS_WORDS[word])
        else:
            return None
    return value
