"""Numeric claims: every number a reader would check in a body, normalized into one row each.

`extract_claims(article_ids, docs)` reads the spaCy `Doc`s of article bodies (parsed once by
`transforms.nlp.pipeline.parse`) and returns a polars frame with `CLAIM_SCHEMA`. The stage walks
doc's tokens once, and only tokens that can be part of a number (spaCy's `like_num`, a digit, or
a small set of number words: "dozen", "hundreds", "half", "third", ordinals) are looked at;
everything else is decided from the neighbouring tokens and the dependency parse.

Offsets and quote
    `start_char`/`end_char` index the body; `quote == body[start_char:end_char]` always. The
    quote is the number as a reader sees it: bound words, currency symbol, number words,
    multiplier, "percent" and hyphen-glued units are inside ("more than 6,000", "£1,400",
    "1.2 million", "about 20 percent", "620-mile", "one-fifth", "two to three",
    "between June 20 and 30"); a separate counted noun or unit noun is not ("6,000" of
    "6,000 bodies", "two to three" of "two to three days": the noun goes to `subject` / `unit`).

Bound semantics (value_low/value_high is the closed interval the wording allows)
    exact      "6,000"                      [v, v]
    approx     "about/roughly/around/some"  [v*(1-APPROX_TOLERANCE), v*(1+APPROX_TOLERANCE)]
    approx     "nearly/almost/close to"     [v*(1-APPROX_TOLERANCE), v]  (from below only)
    at_least   "at least", "no fewer than"  [v, null]
    more_than  "more than/over/just over"   [v, null]; closed at v on purpose: "more than 6,000"
               is how news rounds 6,000-and-some, so it must stay compatible with "6,000"
    at_most    "at most/fewer than/under"   [0, v]
    up_to      "up to/as many as"           [0, v]
    range      "two to three", "between June 20 and 30", "2004-05"  [low, high], value =
               midpoint (for dates value = low: the midpoint of two yyyymmdd codes is no date)
    Vague quantities are ranges by a fixed convention (numbers.VAGUE_PLURALS/VAGUE_PREFIXES):
    "dozens" 24..99, "hundreds" 200..999, "thousands" 2,000..9,999, "several hundred" 300..900,
    "a few thousand" 2,000..5,000. "a dozen" is exactly 12. null means unbounded. Dates and
    ordinals are never widened. A parenthesised conversion ("roughly 1,000-kilometer
    (620-mile)") inherits the bound of the number it converts.

Kinds and units
    count     unit null; `subject` is the lemma of the counted noun ("soldier", "drone").
    percent   value is a share in 0..1 (20 percent -> 0.2), unit "share", original_value 20,
              original_unit "percent"; subject is the noun after "of" ("20 percent of
              territory") or what a change verb says changed ("Shares sank 14.87%" -> share).
    fraction  share in 0..1 ("one-fifth" -> 0.2), unit "share", original_value is the numerator,
              original_unit the denominator word ("fifth").
    money     value in units of the currency, unit = currency = "GBP"/"USD"/"EUR"/...;
              "$3bn" -> 3e9 USD; pence -> GBP * 0.01 (original kept).
    distance  canonical km (620-mile -> 997.79 km), original_value 620, original_unit "mile".
    duration  unit "day"/"hour"/"week"/"month"/"year"/... as written, no conversion.
    date      value encodes the date, unit names the encoding: "yyyymmdd" (June 2, 2025 ->
              20250602), "mmdd" (May 16 -> 516), "yyyymm" (March 2022 -> 202203),
              "year" (2022). Dates and years are never counts.
    ordinal   "second round", "18th package", "2nd": value 2, 18, 2; subject the noun. Ranks
              count too: "Japan's third-largest bank", "fourth-quarter", "world number one".
    age       "aged 25", "under the age of 25", "25-year-old man", "Aguilera, 23," (unit
              "year"); "in their 30s" is the range 30..39.
    other     scores ("2-1", unit "score"), times of day ("6pm", "1300 GMT", unit
              "time_of_day"), glued technical units ("2.9Mbps", "2kW", unit as written),
              formats with unequal sides.

Scope
    per_side when the wording says so ("6,000 bodies each", "from/for/on each side", "on both
    sides", "each side freeing 1,000"); total when it says "in total"/"combined" or when the
    same sentence restates it per side ("12,000 dead soldiers, or 6,000 for each side": the
    12,000 row is total with per_side_value 6,000, the 6,000 row per_side with 6,000, so both
    readings of one claim carry the same per_side_value); unknown otherwise.

Choices written down
    "52 out of 80 drones" gives two count claims (52 and 80), both with subject "drone".
    A range shares its multiplier and unit: "between 200 and 250 million" is 2e8..2.5e8,
    "$3-4bn" 3e9..4e9 USD, "two to three days" 2..3 day, also inside one spaCy token
    ("£40m-£50m", "8%-10%", "$24-$26"). Small integers joined by a hyphen with nothing measured
    after them are scores ("2-1", "lost 1-2"), not ranges. A change is not a range: "rose from
    5% to 7%" and "rose 2.8% to 14.96bn" are two claims each. "a/an" + a time unit is one
    unit ("after an hour of discussions", "more than a year", "a year and a half" = 1.5),
    except in rates and frequencies ("£1bn a year", "80,000 barrels a day", "twice a week"),
    whose number is the claim.
    "1,000-for-1,000" is one claim: value 1,000, kind count, scope per_side, subject taken from
    the nearest earlier count in the sentence ("POWs"). "one missile", "one step closer" are
    emitted as counts (a nummod "one"); a pronoun "one" ("including one that hit") is not.
    Capitalised number words inside a sentence are names ("Group of Seven", "Bucharest Nine")
    and are skipped, as are numerals inside a name entity after a proper noun ("Channel 4",
    "PlayStation 2"), model numbers ("777-200LR") and numerals glued to a capital ("3G").
    Ordinal words count only when they modify a noun or stand for one ("the second struck a
    road"), not as adverbs ("first proposed", "at first").
    attributed_to is the text of the sentence's source: the subject of a speech verb that
    reports a clause and governs the number (or of the sentence's own speech verb), else
    "according to X"; "he"/"she" resolve to the latest earlier singular speaker of the article
    (a heuristic, not coreference); a sentence inside a quotation with no speech verb takes the
    nearest speaker of its paragraph. Reported speech that continues in the next unquoted
    sentence is not followed (attributed_to stays null there).

Modules
    This module reads the number spans (value, bounds, kind, unit) and builds the rows; the
    counted noun and scope are `transforms.claims.subjects`, `attributed_to` is
    `transforms.claims.attribution`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from transforms.claims.attribution import Speakers
from transforms.claims.numerals import (
    CARDINAL_WORDS,
    DOZEN,
    EXTRA_NUMBER_WORDS,
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
from transforms.claims.subjects import (
    NOUN_POS,
    apply_scope,
    counted_noun,
    fallback_subject,
    noun_text,
)
from transforms.claims.units import (
    AGELESS_HEADS,
    AMBIGUOUS_BOUND_WORDS,
    BOUND_MAX_LEN,
    BOUND_PHRASES,
    CHANGE_LEMMAS,
    CURRENCY_ADJECTIVES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DISTANCE_UNITS,
    DURATION_UNITS,
    GLUED_UNITS,
    MONTHS,
    NAME_ENTITY_TYPES,
    NOT_COUNTED_COMPOUNDS,
    PERCENT_WORDS,
    RACE_METRES,
    RANKED_NOUNS,
    SUPERLATIVE_SUFFIXES,
)
from transforms.text.ids import stable_id

APPROX_TOLERANCE = 0.1

CLAIM_SCHEMA: dict[str, pl.DataType] = {
    "claim_id": pl.String(),
    "article_id": pl.String(),
    "quote": pl.String(),
    "start_char": pl.Int64(),
    "end_char": pl.Int64(),
    "value": pl.Float64(),
    "value_low": pl.Float64(),
    "value_high": pl.Float64(),
    "bound": pl.String(),
    "unit": pl.String(),
    "kind": pl.String(),
    "subject": pl.String(),
    "scope": pl.String(),
    "per_side_value": pl.Float64(),
    "attributed_to": pl.String(),
    "original_value": pl.Float64(),
    "original_unit": pl.String(),
    "currency": pl.String(),
}

# Kinds whose quantity cannot be negative: an upper bound alone still means "from 0".
_NON_NEGATIVE = frozenset({"count", "percent", "fraction", "money", "distance", "duration", "age"})
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "or"})
_DASHES = frozenset({"-", "–"})
_TIME_SUFFIXES = frozenset({"am", "pm"})
# "more than a year", "barely an hour": one unit, read only after "a"/"an" and a bound phrase.
_A_UNIT_WORDS = frozenset(
    {"tens", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
)
# Signs and bound words glued to a numeral in one token ("-0.1%", "near-400,000").
_GLUED_PREFIXES = {"-": "minus", "−": "minus", "near-": "approx", "over-": "more_than"}
_RANGE_LEADS = frozenset({"aged", "ages", "between", "from", "of", "for", "about", "around"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_CLOCK_WORDS = frozenset({"gmt", "bst", "cet", "et", "est", "pm", "am", "p.m.", "a.m.", "hrs"})
_RATE_MARKERS = frozenset({"%", "percent", "once", "twice", "times", "cent", "per"})
_AGE_DECADE_PREFIXES = frozenset({"their", "his", "her", "my", "our", "your", "early", "late"})


@dataclass(slots=True)
class _Claim:
    """One number being read: token span [start, end) and its normalized reading."""

    start: int
    end: int
    value: float
    low: float | None = None  # set for ranges (explicit or vague)
    high: float | None = None
    bound: str = "exact"
    kind: str = "count"
    unit: str | None = None
    original_value: float | None = None
    original_unit: str | None = None
    currency: str | None = None
    anchor: int = -1  # token whose syntax gives the subject (last number token or unit token)
    scale: float = 1.0  # multiplier written with the number ("million", "bn"), for ranges
    trim: int = 0  # characters of the last token outside the quote ("m." -> "m")
    between: bool = False  # "between X and Y": the word joins the quote once prefixes are read
    subject: str | None = None
    subject_from: int = -1  # ratio "52 out of 80 drones": take the subject of the claim here
    inherit_subject: bool = False  # formats: take the subject of an earlier count
    scope: str = "unknown"
    per_side_value: float | None = None
    speaker: str | None = None


# --- candidates -----------------------------------------------------------------------------

# orth id -> is this token text a possible number start? Cached across docs: the vocabulary is
# shared, so after a few articles almost every token is a dict hit.
_CANDIDATE_CACHE: dict[int, bool] = {}


def _is_candidate_text(text: str) -> bool:
    lower = text.lower()
    if lower in CARDINAL_WORDS or lower in EXTRA_NUMBER_WORDS or lower in _A_UNIT_WORDS:
        return True
    return any(c.isdigit() for c in text)


def _candidates(doc: Doc) -> list[int]:
    """Indices of tokens that may start a number, from one pass over the orth ids."""
    cache = _CANDIDATE_CACHE
    strings = doc.vocab.strings
    out = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        flag = cache.get(orth)
        if flag is None:
            flag = cache[orth] = _is_candidate_text(strings[orth])
        if flag:
            out.append(i)
    return out


# --- reading one number ---------------------------------------------------------------------


def _glued(doc: Doc, i: int) -> bool:
    """True when token i is written against token i+1 with no space ("620-", "5m")."""
    return i + 1 < len(doc) and doc[i].whitespace_ == ""


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _is_name_word(tok: Token) -> bool:
    """A capitalised number word inside a sentence is a name ("Bucharest Nine")."""
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    return not (prev is not None and (prev.is_punct or prev.is_space) and prev.text in '"“‘(\n—–-')


def _read_cardinal_words(doc: Doc, i: int) -> tuple[float, int] | None:
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
            low == "-" and words and j + 1 < n and doc[j + 1].lower_ in UNITS_WORDS
            and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == ""
        ):
            j += 1  # "twenty-five"
        elif (
            low == "and" and words and words[-1] in SCALE_WORDS and j + 1 < n
            and doc[j + 1].lower_ in UNITS_WORDS
        ):
            words.append("and")
            j += 1
        else:
            break
    value = words_to_number(words)
    return None if value is None else (value, j)


def _read_number(doc: Doc, i: int) -> _Claim | None:
    """Read the bare number starting at token i: value, end, and what the token itself says."""
    tok = doc[i]
    text = tok.text
    low = tok.lower_
    n = len(doc)
    if text[:1].isdigit() or (text[:1] in ".-−" and text[1:2].isdigit()) or (
        text[:1].isalpha() and "-" in text and text[-1:].isdigit()
    ):
        parsed = parse_numeral(text)
        if parsed is None:
            return _read_odd_numeral(doc, i)
        value, suffix = parsed
        claim = _Claim(start=i, end=i + 1, value=value, anchor=i)
        if suffix:
            if suffix in SUFFIX_MULTIPLIERS:
                claim.scale = SUFFIX_MULTIPLIERS[suffix]
                claim.value = value * claim.scale
            elif is_ordinal_suffix(suffix):
                claim.kind = "ordinal"
            elif suffix == "s" and value % 10 == 0 and (value >= 1000 or 10 <= value <= 90):
                claim.low, claim.high, claim.bound = value, value + 9, "range"
                if value >= 1000:
                    claim.kind, claim.unit = "date", "year"  # "1990s"
                elif _lower(doc, i - 1) in _AGE_DECADE_PREFIXES:
                    claim.kind, claim.unit = "age", "year"  # "in their 30s"
                else:  # "the 70s": the 1970s
                    claim.kind, claim.unit = "date", "year"
                    claim.low, claim.high = 1900 + value, 1909 + value
            elif suffix == "%":
                claim.kind = "percent"
            elif suffix in DISTANCE_UNITS:
                claim.kind = "distance"
                claim.original_unit = DISTANCE_UNITS[suffix][0]
            elif suffix in GLUED_UNITS:
                claim.kind, claim.unit = "other", GLUED_UNITS[suffix]  # "2.9Mbps", "64MB"
            elif suffix in _TIME_SUFFIXES or suffix in _CLOCK_WORDS:  # "6pm", "2100GMT"
                claim.kind, claim.unit = "other", "time_of_day"
            elif suffix == "p":
                claim.kind, claim.currency = "money", "GBP"
                claim.original_value, claim.original_unit = value, "pence"
                claim.value = value * 0.01
            else:
                return None  # "4G", "3D", "mp3"-like tokens are not quantities
            return claim
        # "1.2 million", "5 billion", "£5.3 m": a scale word or a glued multiplier after.
        nxt = _lower(doc, i + 1)
        if nxt in SCALE_WORDS:
            claim.scale = SCALE_WORDS[nxt]
            claim.value = value * claim.scale
            claim.end = claim.anchor = i + 1
            claim.end += 1
            if _lower(doc, i + 2) in SCALE_WORDS:  # "1.5 hundred thousand"
                claim.scale *= SCALE_WORDS[_lower(doc, i + 2)]
                claim.value *= SCALE_WORDS[_lower(doc, i + 2)]
                claim.end = i + 3
                claim.anchor = i + 2
        elif nxt.rstrip(".") in SUFFIX_MULTIPLIERS and _glued(doc, i):
            claim.scale = SUFFIX_MULTIPLIERS[nxt.rstrip(".")]
            claim.value = value * claim.scale
            claim.end = i + 2
            claim.anchor = i + 1
            # "£400m." at a sentence end is one token "m."; the full stop stays out of the quote
            claim.trim = len(nxt) - len(nxt.rstrip("."))
        elif (
            nxt in _DASHES and _glued(doc, i) and _glued(doc, i + 1)
            and _lower(doc, i + 2) in SCALE_WORDS
        ):  # "the 17-million population"
            claim.scale = SCALE_WORDS[_lower(doc, i + 2)]
            claim.value = value * claim.scale
            claim.end = i + 3
            claim.anchor = i + 2
        elif nxt == "dozen":
            claim.value = value * DOZEN
            claim.end = claim.anchor = i + 1
            claim.end += 1
        return claim
    if low in CARDINAL_WORDS:
        if _is_name_word(tok):
            return None
        read = _read_cardinal_words(doc, i)
        if read is None:
            return None
        value, j = read
        if (
            _lower(doc, j) in _DASHES and _glued(doc, j - 1)
            and _lower(doc, j + 1) in NOT_COUNTED_COMPOUNDS
        ):
            return None  # "one-off", "one-time"
        claim = _Claim(start=i, end=j, value=value, anchor=j - 1)
        # "one-fifth", "two thirds", "three quarters": a fraction, not a count.
        k = j + 1 if (j < n and doc[j].text in _DASHES and _glued(doc, j - 1)) else j
        if k < n and doc[k].lower_ in FRACTION_WORDS and value < FRACTION_WORDS[doc[k].lower_]:
            den = FRACTION_WORDS[doc[k].lower_]
            frac = _Claim(start=i, end=k + 1, value=value / den, kind="fraction", anchor=k)
            frac.original_value, frac.original_unit = value, doc[k].lower_.rstrip("s")
            if frac.original_unit == "halve":
                frac.original_unit = "half"
            return frac
        if _lower(doc, j) == "dozen":
            claim.value = value * DOZEN
            claim.end = j + 1
            claim.anchor = j
        # "several hundred", "a few thousand": a vague range of the scale word.
        prev = _lower(doc, i - 1)
        if _scale_only(doc, i, j) and prev in VAGUE_PREFIXES:
            lo, hi = VAGUE_PREFIXES[prev]
            claim.low, claim.high, claim.bound = lo * value, hi * value, "range"
            claim.start = i - 1
            if prev == "few" and _lower(doc, i - 2) == "a":
                claim.start = i - 2
        elif _scale_only(doc, i, j) and prev in ("a", "an"):
            claim.start = i - 1  # "a hundred", "a million"
        elif value == 1 and j == i + 1 and tok.dep_ != "nummod":
            return None  # pronoun "one" ("including one that hit", "no one", "one of them")
        return claim
    if low in VAGUE_PLURALS or low == "tens":
        return _read_vague(doc, i)
    if low in _A_UNIT_WORDS:
        return _read_a_unit(doc, i)
    if low == "dozen":
        if _lower(doc, i - 1) in ("a", "an"):
            start = i - 1
            if _lower(doc, i - 2) == "half":
                return _Claim(start=i - 2, end=i + 1, value=6, anchor=i)
            return _Claim(start=start, end=i + 1, value=DOZEN, anchor=i)
        return None
    if low in FRACTION_WORDS:
        claim = _read_fraction_word(doc, i)
        if claim is not None:
            return claim
    if low in ORDINAL_WORDS:
        return _read_ordinal_word(doc, i)
    return None


def _scale_only(doc: Doc, i: int, j: int) -> bool:
    """True when tokens [i, j) are only scale words ("hundred", "thousand")."""
    return all(doc[k].lower_ in SCALE_WORDS for k in range(i, j))


def _read_odd_numeral(doc: Doc, i: int) -> _Claim | None:
    """Digit tokens that are not plain numerals: times ("10:30"), "2004/05", "3/4 of", signed
    numbers ("-0.1%"), "near-400,000"; everything else ("10.5.2004", "9/11") is skipped."""
    text = doc[i].text
    for prefix, bound in _GLUED_PREFIXES.items():
        if text.lower().startswith(prefix) and text[len(prefix) : len(prefix) + 1].isdigit():
            parsed = parse_numeral(text[len(prefix) :])
            if parsed is None or parsed[1]:
                return None
            value = -parsed[0] if bound == "minus" else parsed[0]
            claim = _Claim(start=i, end=i + 1, value=value, anchor=i)
            claim.bound = "exact" if bound == "minus" else bound
            return claim
    if text.count("/") == 1:
        a, _, b = text.partition("/")
        if a.isdigit() and b.isdigit():
            x, y = int(a), int(b)
            if len(a) == 4 and len(b) in (1, 2, 4):  # "2004/05", "1998/9": a range of years
                end = y if len(b) == 4 else (x // 10 ** len(b)) * 10 ** len(b) + y
                if x < end <= x + 20:
                    return _Claim(start=i, end=i + 1, value=x, low=x, high=end, bound="range",
                                  kind="date", unit="year", anchor=i)
            if 0 < x < y <= 10 and _lower(doc, i + 1) == "of":  # "3/4 of them"
                claim = _Claim(start=i, end=i + 1, value=x / y, kind="fraction", anchor=i)
                claim.original_value, claim.original_unit = x, f"1/{y}"
                return claim
        return None
    if text.count("-") == 1:
        return _read_glued_range(doc, i)
    if len(text) <= 5 and text.count(":") == 1:
        hh, _, mm = text.partition(":")
        if hh.isdigit() and mm.isdigit() and len(mm) == 2 and int(hh) < 24 and int(mm) < 60:
            value = int(hh) + int(mm) / 60
            return _Claim(start=i, end=i + 1, value=value, kind="other", unit="time_of_day",
                          anchor=i)
    return None


def _read_a_unit(doc: Doc, i: int) -> _Claim | None:
    """"an hour of discussions", "need a week", "more than a year", "a year and a half".

    One unit of time. Rates and frequencies are not durations and are left alone: "£1bn a
    year", "25% a year", "80,000 barrels a day", "twice a week".
    """
    if _lower(doc, i - 1) not in ("a", "an") or i < 1:
        return None
    if doc[i - 1].whitespace_ == "" or (
        i + 1 < len(doc) and doc[i + 1].text in _DASHES and _glued(doc, i)
    ):
        return None  # "a year-long", glued forms are compounds handled elsewhere
    if _bound_before(doc, i - 1) is None and i >= 2:
        # A rate: "a year" right after a quantity ("£1bn a year", "25% a year", "twice a
        # week") or after its counted noun ("80,000 barrels a day").
        before = doc[i - 2]
        if _is_quantity_token(before) or (
            before.pos_ == "NOUN" and i >= 3 and _is_quantity_token(doc[i - 3])
        ):
            return None
    unit = DURATION_UNITS[doc[i].lower_]
    claim = _Claim(start=i - 1, end=i + 1, value=1.0, kind="duration", unit=unit, anchor=i)
    claim.original_unit = unit
    if _matches(doc, i + 1, ("and", "a", "half")):
        claim.value, claim.end = 1.5, i + 4
    return claim


def _matches(doc: Doc, at: int, phrase: tuple[str, ...]) -> bool:
    if at < 0 or at + len(phrase) > len(doc):
        return False
    return all(doc[at + k].lower_ == w for k, w in enumerate(phrase))


def _is_quantity_token(tok: Token) -> bool:
    return (
        tok.text[:1].isdigit() or tok.lower_ in _RATE_MARKERS or tok.lower_ in SUFFIX_MULTIPLIERS
        or (tok.like_num and tok.lower_ not in ORDINAL_WORDS)
    )


_SYMBOL_CHARS = "£$€¥"


def _read_glued_range(doc: Doc, i: int) -> _Claim | None:
    """One token holding a range: "24-$26", "40m-£50" + "m", "8%-10" + "%", "6.0-$6.5";
    or a share glued to a word, "46%-owned". A multiplier or "%" after the token applies to
    both ends (and a currency symbol before it to both, see `_apply_prefix`)."""
    left, _, right = doc[i].text.partition("-")
    lo = parse_numeral(left)
    if lo is None:
        return None
    if right.isalpha():
        if lo[1] != "%":
            return None
        return _Claim(start=i, end=i + 1, value=lo[0], kind="percent", anchor=i)  # "46%-owned"
    hi = parse_numeral(right.lstrip(_SYMBOL_CHARS))
    if hi is None:
        return None
    claim = _Claim(start=i, end=i + 1, value=0, anchor=i, bound="range")
    after = _lower(doc, i + 1).rstrip(".") if _glued(doc, i) else ""
    if after not in SUFFIX_MULTIPLIERS and after != "%":
        after = ""
    suffix = hi[1] or after
    if suffix not in SUFFIX_MULTIPLIERS and suffix != "%" and suffix not in ("", *GLUED_UNITS):
        return None
    if not hi[1] and after:
        claim.end = claim.anchor = i + 2
        claim.anchor -= 1
        nxt = doc[i + 1].text
        claim.trim = len(nxt) - len(nxt.rstrip("."))
    scale = SUFFIX_MULTIPLIERS.get(suffix, 1.0)
    low = lo[0] * SUFFIX_MULTIPLIERS.get(lo[1] or suffix, 1.0)
    high = hi[0] * scale
    if not low < high:
        return None
    claim.low, claim.high, claim.value, claim.scale = low, high, (low + high) / 2, scale
    if suffix == "%" or lo[1] == "%":
        claim.kind = "percent"
    elif suffix in GLUED_UNITS:
        claim.kind, claim.unit = "other", GLUED_UNITS[suffix]
    return claim


def _read_vague(doc: Doc, i: int) -> _Claim | None:
    """"dozens", "hundreds", "thousands", "hundreds of thousands", "tens of thousands"."""
    low = doc[i].lower_
    j = i + 1
    if low == "tens":
        if _lower(doc, i + 1) == "of" and _lower(doc, i + 2) in VAGUE_PLURALS:
            base = VAGUE_PLURALS[_lower(doc, i + 2)][0] / 2  # "thousands" -> 1,000
            lo, hi = VAGUE_PREFIXES["tens"]
            return _Claim(start=i, end=i + 3, value=0, low=lo * base, high=hi * base,
                          bound="range", anchor=i + 2)
        return None
    lo, hi = VAGUE_PLURALS[low]
    if _lower(doc, i + 1) == "of" and _lower(doc, i + 2) in VAGUE_PLURALS:
        base = VAGUE_PLURALS[_lower(doc, i + 2)][0] / 2
        lo, hi = lo * base, hi * base
        j = i + 3
    return _Claim(start=i, end=j, value=0, low=lo, high=hi, bound="range", anchor=j - 1)


def _read_fraction_word(doc: Doc, i: int) -> _Claim | None:
    """"half of", "a third of", "a quarter of" (with "a"/"one" before or "of" after)."""
    low = doc[i].lower_
    den = FRACTION_WORDS[low]
    prev = _lower(doc, i - 1)
    nxt = _lower(doc, i + 1)
    if low in ("half", "halves"):
        if prev in ORDINAL_WORDS or (i + 1 < len(doc) and doc[i + 1].text in _DASHES):
            return None  # "second half", "half-time"
        if nxt in ("a", "an") and _lower(doc, i + 2) in SCALE_WORDS:
            scale = SCALE_WORDS[_lower(doc, i + 2)]  # "half a million people": a count
            return _Claim(start=i, end=i + 3, value=0.5 * scale, scale=scale, anchor=i + 2)
        followers = ("of", "the", "its", "their", "his", "her", "our", "a", "an")
        if nxt in followers or _bound_before(doc, i) is not None or (
            prev in ("a", "one") and nxt == "of"
        ):
            start = i - 1 if prev in ("a", "one") and nxt == "of" else i
            claim = _Claim(start=start, end=i + 1, value=0.5, kind="fraction", anchor=i)
            claim.original_value, claim.original_unit = 1, "half"
            return claim
        return None
    if prev in ("a", "one") and nxt == "of" and not _is_name_word(doc[i]):
        claim = _Claim(start=i - 1, end=i + 1, value=1 / den, kind="fraction", anchor=i)
        claim.original_value, claim.original_unit = 1, low.rstrip("s")
        return claim
    return None


def _read_ordinal_word(doc: Doc, i: int) -> _Claim | None:
    """"second round", "the first direct talks", "the second struck a road"."""
    tok = doc[i]
    if _is_name_word(tok) or _lower(doc, i - 1) == "at":
        return None
    value = float(ORDINAL_WORDS[tok.lower_])
    # "the world's fifth largest carmaker", "Japan's third-largest bank": a checkable rank.
    k = i + 2 if _lower(doc, i + 1) in _DASHES and _glued(doc, i) else i + 1
    if k < len(doc) and doc[k].lower_.endswith(SUPERLATIVE_SUFFIXES) and doc[k].tag_ == "JJS":
        end = k + 1 if k == i + 2 else i + 1
        return _Claim(start=i, end=end, value=value, kind="ordinal", anchor=k)
    if tok.dep_ in ("advmod", "npadvmod"):
        return None  # "first proposed"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.text in _DASHES:
        # "fourth-quarter earnings", "second-round match": a rank of the glued noun; but
        # "first-ever", "first-hand", "second-rate" are plain adjectives.
        if k < len(doc) and doc[k].lower_ in RANKED_NOUNS and _glued(doc, i + 1):
            claim = _Claim(start=i, end=k + 1, value=value, kind="ordinal", anchor=k)
            claim.subject = doc[k].lower_
            return claim
        return None
    start = i
    # "twenty-first": a tens word glued before.
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in UNITS_WORDS and value < 10:
        value += UNITS_WORDS[doc[i - 2].lower_]
        start = i - 2
    return _Claim(start=start, end=i + 1, value=value, kind="ordinal", anchor=i)


# --- context: bounds, dates, units, ranges --------------------------------------------------


def _bound_before(doc: Doc, start: int) -> tuple[str, int] | None:
    """The bound phrase ending just before token `start`: (bound, first token), longest wins."""
    best: tuple[str, int] | None = None
    for length in range(1, BOUND_MAX_LEN + 1):
        first = start - length
        if first < 0:
            break
        words = tuple(doc[k].lower_ for k in range(first, start))
        bound = BOUND_PHRASES.get(words)
        if bound is None:
            continue
        if (
            length == 1 and words[0] in AMBIGUOUS_BOUND_WORDS
            and doc[first].dep_ in ("prep", "prt") and not _same_numeric_entity(doc, first, start)
        ):
            continue  # "over eight regions", "talking about dozens": a preposition
        best = (bound, first)
    return best


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "QUANTITY", "MONEY", "CARDINAL", "PERCENT"})


def _same_numeric_entity(doc: Doc, word: int, number: int) -> bool:
    """"took over a year": NER puts the bound word inside the number's entity."""
    ent = doc[word].ent_type_
    return ent in _NUMERIC_ENTS and doc[number].ent_type_ == ent and doc[number].ent_iob_ == "I"


def _month_at(doc: Doc, k: int) -> int | None:
    if 0 <= k < len(doc):
        tok = doc[k]
        if tok.text[:1].isupper():
            return MONTHS.get(tok.lower_.rstrip("."))
    return None


def _int_value(claim: _Claim) -> int | None:
    v = claim.value
    return int(v) if v == int(v) and claim.end - claim.start == 1 else None


def _as_date(doc: Doc, claim: _Claim) -> bool:
    """Turn `claim` into a date when the wording makes it one; True if it did."""
    i = claim.start
    tok = doc[i]
    if not tok.text[:1].isdigit() or claim.kind not in ("count", "ordinal"):
        return False
    value = _int_value(claim)
    if value is None or "," in tok.text:
        return False
    month_before = _month_at(doc, i - 1)
    month_after = _month_at(doc, claim.end)
    if month_before is not None and 1 <= value <= 31:
        claim.start = i - 1
        _finish_day(doc, claim, month_before, value, claim.end)
        return True
    if month_after is not None and 1 <= value <= 31:
        claim.end += 1
        _finish_day(doc, claim, month_after, value, claim.end)
        return True
    if claim.kind == "ordinal":
        return False
    if 1000 <= value <= 2100 and "." not in tok.text and _lower(doc, claim.end) not in _CLOCK_WORDS:
        if month_before is not None:  # "March 2022"
            claim.start = i - 1
            _set_date(claim, value * 100 + month_before, "yyyymm")
            return True
        if _iso_date(doc, claim, value):
            return True
        is_date_ent = tok.ent_type_ in ("DATE", "EVENT")
        counts_noun = tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and not is_date_ent
        if (is_date_ent or 1900 <= value <= 2099) and not counts_noun:
            _set_date(claim, value, "year")
            _year_range(doc, claim, value)
            return True
    return False


def _finish_day(doc: Doc, claim: _Claim, month: int, day: int, after: int) -> None:
    """Month and day known; take a year from ", 2025" or " 2025" right after if there is one."""
    k = after + 1 if _lower(doc, after) == "," else after
    if k < len(doc) and doc[k].text.isdigit() and len(doc[k].text) == 4:
        year = int(doc[k].text)
        claim.end = k + 1
        _set_date(claim, year * 10000 + month * 100 + day, "yyyymmdd")
    else:
        _set_date(claim, month * 100 + day, "mmdd")


def _set_date(claim: _Claim, value: float, unit: str) -> None:
    claim.value, claim.kind, claim.unit = value, "date", unit
    claim.low = claim.high = None
    claim.bound = "exact"


def _iso_date(doc: Doc, claim: _Claim, year: int) -> bool:
    """"2025-06-02" (spaCy splits it into five tokens)."""
    i = claim.start
    if i + 4 >= len(doc) or not (_glued(doc, i) and _glued(doc, i + 1) and _glued(doc, i + 2)):
        return False
    if doc[i + 1].text != "-" or doc[i + 3].text != "-":
        return False
    mm, dd = doc[i + 2].text, doc[i + 4].text
    if not (mm.isdigit() and dd.isdigit() and len(mm) == 2 and len(dd) == 2):
        return False
    if not (1 <= int(mm) <= 12 and 1 <= int(dd) <= 31):
        return False
    claim.end = i + 5
    _set_date(claim, year * 10000 + int(mm) * 100 + int(dd), "yyyymmdd")
    return True


def _year_range(doc: Doc, claim: _Claim, year: int) -> None:
    """"2004-05", "2004-2005", "2004/05": a range of years."""
    e = claim.end
    if e + 1 >= len(doc) or doc[e].text not in ("-", "/", "–") or not _glued(doc, e - 1):
        return
    nxt = doc[e + 1].text
    if not nxt.isdigit() or len(nxt) not in (2, 4):
        return
    end_year = int(nxt) if len(nxt) == 4 else (year // 100) * 100 + int(nxt)
    if year < end_year <= year + 20:
        claim.end = e + 2
        claim.low, claim.high, claim.bound = float(year), float(end_year), "range"


def _apply_units(doc: Doc, claim: _Claim) -> None:
    """Read what follows the number: percent, hyphen-glued units, unit and currency words."""
    e = claim.end
    n = len(doc)
    nxt = _lower(doc, e)
    if claim.kind == "percent":
        return
    if nxt in PERCENT_WORDS:
        claim.kind = "percent"
        claim.end = e + 1
        return
    if nxt == "per" and _lower(doc, e + 1) == "cent":
        claim.kind = "percent"
        claim.end = e + 2
        return
    if nxt == "percentage" and _lower(doc, e + 1) in ("point", "points"):
        claim.kind = "percent"
        claim.end = e + 2
        claim.original_unit = "percentage point"
        return
    if claim.kind != "count":
        return
    hyphen = nxt in _DASHES and _glued(doc, e - 1) and e + 1 < n and _glued(doc, e)
    k = e + 1 if hyphen else e
    unit_word = _lower(doc, k)
    if unit_word in DURATION_UNITS:
        if not hyphen and unit_word in ("seconds",) and claim.value < 1:
            return
        claim.kind, claim.unit = "duration", DURATION_UNITS[unit_word]
        claim.original_unit = claim.unit
        claim.anchor = k
        if hyphen:
            claim.end = k + 1
        # "25-year-old man", "eleven year-old girl", "25 years old": an age, unless what is
        # that old is a thing ("three-year-old war" is how long the war has lasted).
        old = None
        if _lower(doc, k + 1) in _DASHES and _lower(doc, k + 2) == "old":
            old = k + 2
        elif _lower(doc, k + 1) == "old":
            old = k + 1
        if old is not None and claim.unit == "year":
            if hyphen or old == k + 2:
                claim.end = old + 1 if hyphen else claim.end
            claim.anchor = old
            head = doc[old].head
            if not (head.pos_ in NOUN_POS and head.lemma_.lower() in AGELESS_HEADS):
                claim.kind = "age"
        return
    if unit_word in _CLOCK_WORDS and claim.value < 2400:
        claim.kind, claim.unit = "other", "time_of_day"  # "1300 GMT", "6 pm"
        claim.end = k + 1
        return
    if unit_word in DISTANCE_UNITS:
        claim.kind = "distance"
        claim.original_unit = DISTANCE_UNITS[unit_word][0]
        claim.anchor = k
        if hyphen:
            claim.end = k + 1
        return
    if (
        not hyphen and unit_word in CURRENCY_ADJECTIVES
        and _lower(doc, k + 1) in ("dollar", "dollars")
    ):
        claim.kind = "money"  # "1.2bn Australian dollars"
        claim.currency = CURRENCY_ADJECTIVES[unit_word]
        claim.anchor = k + 1
        return
    if not hyphen and unit_word in CURRENCY_WORDS and unit_word != "p":
        currency, factor = CURRENCY_WORDS[unit_word]
        claim.kind, claim.currency = "money", currency
        if factor != 1.0:
            claim.original_value, claim.original_unit = claim.value, unit_word
            claim.value *= factor
        claim.anchor = k
        return
    if (
        hyphen and k < n and doc[k].pos_ in NOUN_POS and doc[k].text.isalpha()
        and doc[k].lower_ not in NOT_COUNTED_COMPOUNDS
    ):
        # "four-party meeting", "three-match ban": the glued noun is what is counted.
        claim.end = k + 1
        claim.anchor = k
        claim.subject = doc[k].lemma_.lower()


def _finish_kind(claim: _Claim) -> None:
    """Canonical units and originals once the kind is known."""
    if claim.kind in ("percent",):
        claim.original_value = claim.value
        claim.original_unit = claim.original_unit or "percent"
        claim.value /= 100
        if claim.low is not None:
            claim.low /= 100
        if claim.high is not None:
            claim.high /= 100
        claim.unit = "share"
    elif claim.kind == "fraction":
        claim.unit = "share"
    elif claim.kind == "distance":
        factor = DISTANCE_UNITS.get(claim.original_unit or "km", ("km", 1.0))[1]
        claim.original_value = claim.value
        claim.value *= factor
        if claim.low is not None:
            claim.low *= factor
        if claim.high is not None:
            claim.high *= factor
        claim.unit = "km"
    elif claim.kind == "money":
        claim.unit = claim.currency
    if claim.original_value is None:
        claim.original_value = claim.value
    if claim.original_unit is None:
        claim.original_unit = claim.unit


def _read_claims(doc: Doc, i: int) -> tuple[list[_Claim], int]:
    """All claims of the number expression starting at token i, and the next token to read."""
    claim = _read_number(doc, i)
    if claim is None:
        return [], i + 1
    # Names: "No 10", "Channel 4", "Radio 4" (a number inside a name entity counting nothing).
    prev = _lower(doc, claim.start - 1)
    if prev in ("no", "no.", "number") and claim.start > 0 and doc[claim.start - 1].text[0] == "N":
        return [], claim.end
    if _inside_name(doc, claim):
        return [], claim.end
    if (
        claim.kind == "count" and claim.end < len(doc) and _glued(doc, claim.end - 1)
        and doc[claim.end].text.isalpha() and doc[claim.end].text[:1].isupper()
        and doc[claim.end].lower_ not in SUFFIX_MULTIPLIERS
    ):
        return [], claim.end + 1  # "3G", "3D", "4Kids": a name, not a quantity
    claims = [claim]
    _race_metres(doc, claim)
    if not _as_date(doc, claim):
        _apply_units(doc, claim)
    second = _read_range(doc, claim)
    if second is not None:
        claims.extend(second)
    _apply_prefix(doc, claim)
    if claim.bound == "range" and claim.low is not None and claim.high is not None:
        # Midpoint of a range; a date range keeps its first day (a midpoint of codes is no date).
        claim.value = claim.low if claim.kind == "date" else (claim.low + claim.high) / 2
    for c in claims:
        _finish_kind(c)
    return claims, max(c.end for c in claims)


def _race_metres(doc: Doc, claim: _Claim) -> None:
    """"the 800m and 1000m", "100m champion": athletics distances, not millions.

    A glued "m" is million ("5m people", "£5m") except on a race distance with no currency
    before it and no plural noun after it.
    """
    if claim.scale != 1e6 or claim.kind != "count" or _lead(doc, claim) != claim.start:
        return
    tok = doc[claim.anchor]
    if not (tok.lower_ == "m" or tok.lower_.endswith("m")) or "," in doc[claim.start].text:
        return
    metres = claim.value / claim.scale
    after = doc[claim.end] if claim.end < len(doc) else None
    if metres in RACE_METRES and not (after is not None and after.tag_ == "NNS"):
        claim.kind, claim.scale = "distance", 1.0
        claim.value = metres
        claim.original_unit = "metre"


def _inside_name(doc: Doc, claim: _Claim) -> bool:
    """"Channel 4", "PlayStation 2", "777-200LR": a numeral that is part of a proper name."""
    if claim.kind != "count" or claim.low is not None or claim.end - claim.start != 1:
        return False
    tok = doc[claim.start]
    if not tok.text[:1].isdigit():
        return False
    e = claim.end
    if e + 1 < len(doc) and doc[e].text == "-" and _glued(doc, e - 1) and _glued(doc, e):
        nxt = doc[e + 1].text
        alnum = any(c.isdigit() for c in nxt) and any(c.isalpha() for c in nxt)
        # but "1,000-for-1,000" is a format and "$3-4bn" a range
        parsed = parse_numeral(nxt)
        known = parsed is not None and (
            parsed[1] in SUFFIX_MULTIPLIERS or parsed[1] in GLUED_UNITS or parsed[1] == "%"
            or parsed[1] in DISTANCE_UNITS
        )
        if alnum and not nxt.lower().startswith("for") and not known:
            return True  # "777-200LR", "RA-104"
    if claim.start == 0 or (tok.dep_ == "nummod" and tok.head.i > tok.i):
        return False  # "4 channels" counts; "Channel 4" names
    prev = doc[claim.start - 1]
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and nxt.text in _DASHES and _glued(doc, e - 1):
        return False  # "Chelsea 2-1": a score follows the name
    if (
        prev.pos_ == "PROPN" and prev.ent_type_ in NAME_ENTITY_TYPES
        and tok.ent_type_ == prev.ent_type_ and tok.ent_iob_ == "I"
    ):
        return True
    # "Xbox 2", "BBC 3", "Chapter 11", "Apollo 11": a small integer right after a capitalised
    # proper noun (not a month: "June 2" is a date) that counts no noun after it.
    return (
        prev.pos_ == "PROPN" and prev.text[:1].isupper()
        and prev.lower_ not in MONTHS and prev.lower_ not in _WEEKDAYS
        and tok.text.isdigit() and len(tok.text) <= 2 and _month_at(doc, e) is None
        and not (nxt is not None and nxt.tag_ == "NNS")
    )


def _read_range(doc: Doc, claim: _Claim) -> list[_Claim] | None:
    """Ranges ("two to three", "June 20 and 30"), ratios ("52 out of 80"), formats, scores.

    Returns extra claims to emit (ratios: the second number), [] when `claim` absorbed the
    second number, or None when nothing follows.
    """
    e = claim.end
    n = len(doc)
    if e >= n:
        return None
    word = doc[e].lower_
    # "1,000-for-1,000": one format token pair.
    if word in _DASHES and _glued(doc, e - 1) and e + 1 < n:
        nxt = doc[e + 1].text
        if nxt.lower().startswith("for-"):
            other = parse_numeral(nxt[4:])
            if other is not None:
                return _format(claim, other[0], e + 2)
        if nxt.lower() == "for" and e + 3 < n and doc[e + 2].text == "-":
            other = parse_numeral(doc[e + 3].text)
            if other is not None:
                return _format(claim, other[0], e + 4)
    if word == "out" and _lower(doc, e + 1) == "of" and e + 2 < n:
        second = _read_number(doc, e + 2)
        if second is not None and second.kind == "count":
            claim.subject_from = e + 2  # the subject comes from the whole, "80 drones"
        return None
    lead = _lead(doc, claim)
    between = _lower(doc, lead - 1) == "between"
    if word == "and" and not between:
        return None
    if word not in _RANGE_WORDS and word != "and":
        return None
    if claim.kind == "count" and word in ("to", "-", "–", "and") and _day_range(doc, claim):
        return []  # "from 6 to 9 January", "between 20 and 30 June"
    if _lower(doc, lead - 1) == "from":
        return None  # "rose from 5% to 7%": two values, not a range
    if word in _DASHES and not (_glued(doc, e - 1) and _glued(doc, e)) and word != "–":
        return None
    if e + 1 >= n:
        return None
    at = e + 1
    if (
        doc[at].lower_ in CURRENCY_SYMBOLS and at + 1 < n and claim.start > 0
        and doc[claim.start - 1].lower_ == doc[at].lower_
    ):
        at += 1  # "between £5m and £6m", "$10 to $12": the symbol is written twice
    second = _read_number(doc, at)
    if second is None:
        return None
    if claim.kind == "date":
        if claim.unit == "mmdd" and second.kind == "count" and second.end == second.start + 1:
            day = _int_value(second)
            if day is not None and 1 <= day <= 31:
                month = int(claim.value) // 100
                claim.low, claim.high = claim.value, float(month * 100 + day)
                claim.bound, claim.end = "range", second.end
                claim.between = between
                return []
        return None
    if _is_score(doc, claim, second, word):  # "2-1", "28-17", "lost 1-2", "6-7 (4-7)"
        claim.kind = second.kind = "other"
        claim.unit = second.unit = "score"
        return [second]
    if _changes(doc, claim):
        return None  # "rose 2.8% to 14.96bn", "cut rates 0.25% to 5.5%": a change, then a level
    _apply_units(doc, second)
    if second.kind != claim.kind and claim.kind != "count":
        return None  # "2.8% to 14.96bn": two quantities
    if claim.scale == 1.0 and second.scale != 1.0 and claim.value < second.value / second.scale:
        claim.value *= second.scale  # "between 200 and 250 million", "$3-4bn"
    lo, hi = claim.value, second.value
    if lo >= hi or claim.low is not None:
        return None
    # The unit of the second number ("two to three days", "5-10%") belongs to the range.
    kind = second.kind if second.kind != "count" else claim.kind
    if claim.kind == "count" and kind != "count":
        claim.kind, claim.unit = kind, second.unit
        claim.original_unit, claim.currency = second.original_unit, second.currency
    claim.low, claim.high, claim.bound = lo, hi, "range"
    claim.value = (lo + hi) / 2
    claim.end = second.end
    claim.anchor = second.anchor
    claim.trim = second.trim
    if second.subject:
        claim.subject = second.subject
    claim.between = between
    return []


def _is_score(doc: Doc, claim: _Claim, second: _Claim, word: str) -> bool:
    """Two small integers joined by a glued hyphen with nothing measured after them.

    In news text "2-1", "1-2 defeat", "6-7 (4-7)" are scores; ranges of small numbers carry a
    unit or a counted noun ("3-4 days", "20-30 people", "5-10%") or a lead word ("aged 18-24").
    """
    if word != "-" or claim.kind != "count" or second.kind != "count":
        return False
    if second.end != second.start + 1 or claim.end != claim.start + 1:
        return False
    lo, hi = _int_value(claim), _int_value(second)
    if lo is None or hi is None or lo >= 100 or hi >= 100:
        return False
    if lo >= hi:
        return True
    after = doc[second.end] if second.end < len(doc) else None
    if after is not None and (
        after.tag_ == "NNS" or after.lower_ in DURATION_UNITS or after.lower_ in DISTANCE_UNITS
        or after.lower_ in PERCENT_WORDS or after.lower_ in CURRENCY_WORDS
        or after.lower_ in SCALE_WORDS or after.text in _DASHES
    ):
        return False
    lead = _lead(doc, claim)
    return lead == claim.start and _lower(doc, lead - 1) not in _RANGE_LEADS


def _day_range(doc: Doc, claim: _Claim) -> bool:
    """"6 to 9 January": two days of one month written after the second; a date range."""
    e = claim.end
    first, second = _int_value(claim), doc[e + 1].text if e + 1 < len(doc) else ""
    if first is None or not second.isdigit() or not 1 <= first < int(second) <= 31:
        return False
    month = _month_at(doc, e + 2)
    if month is None or "," in doc[claim.start].text:
        return False
    low, high = month * 100 + first, month * 100 + int(second)
    claim.end = e + 3
    _set_date(claim, low, "mmdd")
    _finish_day(doc, claim, month, first, claim.end)
    if claim.unit == "yyyymmdd":  # a year after the month applies to both days
        year = int(claim.value) // 10000
        low, high = year * 10000 + low, year * 10000 + high
    claim.low, claim.high, claim.bound = float(low), float(high), "range"
    claim.between = _lower(doc, claim.start - 1) == "between"
    return True


def _lead(doc: Doc, claim: _Claim) -> int:
    """First token of the number with a currency symbol written before it ("£5m" -> "£")."""
    s = claim.start
    return s - 1 if s > 0 and doc[s - 1].lower_ in CURRENCY_SYMBOLS else s


def _changes(doc: Doc, claim: _Claim) -> bool:
    """Is the number the size of a change ("rose 5%", "up by 3", "fell 2.8%")?"""
    if _lower(doc, _lead(doc, claim) - 1) in ("by", "up", "down"):
        return True
    tok = doc[claim.start]
    for _ in range(3):
        head = tok.head
        if head is tok:
            return False
        if head.pos_ == "VERB":
            return head.lemma_.lower() in CHANGE_LEMMAS
        if head.pos_ not in ("NUM", "NOUN", "SYM") or head.i > claim.end + 1:
            return False
        tok = head
    return False


def _format(claim: _Claim, other: float, end: int) -> list[_Claim]:
    """"1,000-for-1,000": an exchange of `value` from each side (when both sides match)."""
    claim.end = end
    claim.anchor = end - 1
    if other == claim.value:
        claim.scope, claim.per_side_value = "per_side", claim.value
        claim.inherit_subject = True
    else:
        claim.kind = "other"
    return []


def _apply_prefix(doc: Doc, claim: _Claim) -> None:
    """Currency symbols, bound words and age markers written before the number."""
    s = claim.start
    sym = _lower(doc, s - 1)
    if sym in CURRENCY_SYMBOLS and claim.kind in ("count", "other") and claim.low is None:
        claim.kind = "money"
        claim.currency = CURRENCY_SYMBOLS[sym]
        s = claim.start = s - 1
        if _lower(doc, s - 1) in ("us", "a", "c") and sym == "$" and _glued(doc, s - 1):
            s = claim.start = s - 1  # "US $" written with a gap of no space
    elif sym in CURRENCY_SYMBOLS and claim.kind == "count":
        claim.kind, claim.currency = "money", CURRENCY_SYMBOLS[sym]
        s = claim.start = s - 1
    if claim.between and _lower(doc, s - 1) == "between":
        s = claim.start = s - 1  # the range's "between" is part of its quote
    if claim.kind == "count" and (
        sym == "aged" or (sym == "of" and _lower(doc, s - 2) == "age")
    ):
        claim.kind, claim.unit = "age", "year"
    tok = doc[claim.anchor]
    if claim.kind == "count" and claim.value < 120 and claim.end - claim.start == 1:
        if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
            claim.kind, claim.unit = "age", "year"  # "Aguilera, 23, ..."
        elif sym == "number" and doc[s - 1].text == "number":
            claim.kind = "ordinal"  # "world number one": a rank
            claim.start = s - 1
    if claim.kind in ("date", "ordinal"):
        return
    found = _bound_before(doc, s)
    if found is None:
        return
    bound, first = found
    claim.start = first
    if claim.bound == "range":
        lo, hi = claim.low, claim.high
        # "more than dozens": the bound keeps the side it speaks about, the other opens.
        if bound in ("more_than", "at_least"):
            claim.bound, claim.high = bound, None
            claim.value = lo if lo is not None else claim.value
        elif bound in ("at_most", "up_to"):
            claim.bound, claim.low = bound, None
            claim.value = hi if hi is not None else claim.value
        return
    claim.bound = bound


# --- the stage ------------------------------------------------------------------------------


def _doc_claims(doc: Doc, text: str) -> list[_Claim]:
    claims: list[_Claim] = []
    next_free = 0
    for i in _candidates(doc):
        if i < next_free:
            continue
        found, next_free = _read_claims(doc, i)
        claims.extend(found)
    if not claims:
        return claims
    speakers = Speakers(doc, text)
    sent_cache: dict[int, Span] = {}
    sentence_speaker: dict[tuple[int, int], str | None] = {}
    for claim in claims:
        tok = doc[claim.anchor]
        sent = tok.sent
        sent_cache[claim.start] = sent
        if claim.kind not in ("date",):
            noun = counted_noun(doc, claim)
            if claim.subject is None and noun is not None:
                claim.subject = noun_text(noun)
            apply_scope(doc, claim, noun)
        key = (sent.start, claim.anchor)
        if key not in sentence_speaker:
            sentence_speaker[key] = speakers.speaker(tok, sent)
        claim.speaker = sentence_speaker[key]
    _link_within_sentences(doc, claims, sent_cache)
    return claims


def _link_within_sentences(doc: Doc, claims: list[_Claim], sents: dict[int, Span]) -> None:
    """Ratios, formats, per-side restatements and bare counts, which need their neighbours."""
    for k, claim in enumerate(claims):
        sent = sents[claim.start]
        if k > 0 and claim.start >= 2 and doc[claim.start - 1].text == "(":
            # "roughly 1,000-kilometer (620-mile)": the conversion carries the same bound.
            prev = claims[k - 1]
            if prev.end == claim.start - 1 and prev.kind == claim.kind and claim.bound == "exact":
                claim.bound = prev.bound
        if claim.subject_from >= 0:
            whole = next((c for c in claims if c.start <= claim.subject_from < c.end), None)
            if whole is not None and whole.subject:
                claim.subject = whole.subject
        if claim.kind != "count":
            continue
        earlier = []  # the counts before this one in its sentence, walking back only that far
        for j in range(k - 1, -1, -1):
            c = claims[j]
            if c.start < sent.start:
                break
            if c.kind == "count":
                earlier.append(c)
        earlier.reverse()
        if claim.inherit_subject:
            claim.subject = next((c.subject for c in reversed(earlier) if c.subject), None)
        if claim.scope == "per_side":
            # "12,000 dead soldiers, or 6,000 for each side": one claim said twice.
            for total in reversed(earlier):
                if total.scope != "per_side" and total.value == 2 * claim.value:
                    total.scope, total.per_side_value = "total", claim.value
                    if claim.subject is None:
                        claim.subject = total.subject
                    break
        if claim.subject is None:
            claim.subject = fallback_subject(doc, claim, sent)


def _interval(claim: _Claim) -> tuple[float | None, float | None]:
    v = claim.value
    if claim.bound == "range":
        return claim.low, claim.high
    if claim.kind in ("date", "ordinal"):
        return v, v
    floor = 0.0 if claim.kind in _NON_NEGATIVE else None
    match claim.bound:
        case "approx":
            return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
        case "approx_below":
            return v * (1 - APPROX_TOLERANCE), v
        case "at_least" | "more_than":
            return v, None
        case "at_most" | "up_to":
            return floor, v
    return v, v


def extract_claims(article_ids: Sequence[str], docs: Sequence[Doc]) -> pl.DataFrame:
    """Numeric claims of each article body: one row per number, columns `CLAIM_SCHEMA`.

    `docs[i]` is the spaCy parse of the body of `article_ids[i]` (`transforms.nlp.pipeline.parse`);
    offsets index that body and `quote == body[start_char:end_char]`.
    """
    if len(article_ids) != len(docs):
        raise ValueError(f"{len(article_ids)} article ids but {len(docs)} docs")
    rows: list[tuple] = []
    for article_id, doc in zip(article_ids, docs, strict=True):
        text = doc.text
        for c in _doc_claims(doc, text):
            start_char = doc[c.start].idx
            last = doc[c.end - 1]
            end_char = last.idx + len(last.text) - (c.trim if c.end - 1 == c.anchor else 0)
            low, high = _interval(c)
            bound = "approx" if c.bound == "approx_below" else c.bound
            rows.append((
                stable_id("clm", article_id, start_char, end_char), article_id,
                text[start_char:end_char], start_char, end_char, c.value, low, high, bound,
                c.unit, c.kind, c.subject, c.scope, c.per_side_value, c.speaker,
                c.original_value, c.original_unit, c.currency,
            ))  # fmt: skip
    if not rows:
        return pl.DataFrame(schema=CLAIM_SCHEMA)
    frame = pl.DataFrame(rows, schema=CLAIM_SCHEMA, orient="row")
    # Two readings never share a span; keep the first should a corner case produce one twice.
    return frame.unique(subset="claim_id", keep="first", maintain_order=True)
