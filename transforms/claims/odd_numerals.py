"""Digit tokens that are not plain numerals: signs, glued bounds, slashes, clock times, and
ranges spaCy keeps in one token ("24-$26", "£40m-£50m", "8%-10%").

Everything else with digits in it ("10.5.2004", "9/11") is no claim.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.claims.lexicon import GLUED_PREFIXES, GLUED_UNITS, SYMBOL_CHARS
from transforms.claims.numerals import SUFFIX_MULTIPLIERS, parse_numeral
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, lower


def read_odd_numeral(doc: Doc, i: int) -> Claim | None:
    """Digit tokens that are not plain numerals: times ("10:30"), "2004/05", "3/4 of", signed
    numbers ("-0.1%"), "near-400,000"; everything else ("10.5.2004", "9/11") is skipped."""
    text = doc[i].text
    for prefix, bound in GLUED_PREFIXES.items():
        if text.lower().startswith(prefix) and text[len(prefix) : len(prefix) + 1].isdigit():
            parsed = parse_numeral(text[len(prefix) :])
            if parsed is None or parsed[1]:
                return None
            value = -parsed[0] if bound == "minus" else parsed[0]
            claim = Claim(start=i, end=i + 1, value=value, anchor=i)
            claim.bound = "exact" if bound == "minus" else bound
            return claim
    if text.count("/") == 1:
        return _read_slash(doc, i)
    if text.count("-") == 1:
        return read_glued_range(doc, i)
    if len(text) <= 5 and text.count(":") == 1:
        hh, _, mm = text.partition(":")
        if hh.isdigit() and mm.isdigit() and len(mm) == 2 and int(hh) < 24 and int(mm) < 60:
            value = int(hh) + int(mm) / 60
            return Claim(
                start=i, end=i + 1, value=value, kind="other", unit="time_of_day", anchor=i
            )
    return None


def _read_slash(doc: Doc, i: int) -> Claim | None:
    """ "2004/05", "1998/9": a range of years; "3/4 of them": a fraction; else nothing."""
    a, _, b = doc[i].text.partition("/")
    if a.isdigit() and b.isdigit():
        x, y = int(a), int(b)
        if len(a) == 4 and len(b) in (1, 2, 4):  # "2004/05", "1998/9": a range of years
            end = y if len(b) == 4 else (x // 10 ** len(b)) * 10 ** len(b) + y
            if x < end <= x + 20:
                return Claim(
                    start=i,
                    end=i + 1,
                    value=x,
                    low=x,
                    high=end,
                    bound="range",
                    kind="date",
                    unit="year",
                    anchor=i,
                )
        if 0 < x < y <= 10 and lower(doc, i + 1) == "of":  # "3/4 of them"
            claim = Claim(start=i, end=i + 1, value=x / y, kind="fraction", anchor=i)
            claim.original_value, claim.original_unit = x, f"1/{y}"
            return claim
    return None


def read_glued_range(doc: Doc, i: int) -> Claim | None:
    """One token holding a range: "24-$26", "40m-£50" + "m", "8%-10" + "%", "6.0-$6.5";
    or a share glued to a word, "46%-owned". A multiplier or "%" after the token applies to
    both ends (and a currency symbol before it to both, see `bounds.apply_prefix`)."""
    left, _, right = doc[i].text.partition("-")
    lo = parse_numeral(left)
    if lo is None:
        return None
    if right.isalpha():
        if lo[1] != "%":
            return None
        return Claim(start=i, end=i + 1, value=lo[0], kind="percent", anchor=i)  # "46%-owned"
    hi = parse_numeral(right.lstrip(SYMBOL_CHARS))
    if hi is None:
        return None
    claim = Claim(start=i, end=i + 1, value=0, anchor=i, bound="range")
    after = lower(doc, i + 1).rstrip(".") if glued(doc, i) else ""
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
