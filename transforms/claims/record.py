"""The record every rule of the claims stage reads and sets: one number being read.

A `Claim` is mutable on purpose: a number is read in passes (the bare number, then what
follows it, then a range, then what precedes it), and each pass refines the same record. The
stage turns finished claims into rows; nothing else leaves the package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Claim:
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
    owner: str | None = None  # whose quantity: "japan" of "Japan's economy"
    time_ref: str | None = None  # the clause's date or time phrase, sorted words
    direction: str | None = None  # "up"/"down" when the number is the size of a change
    modality: str = "stated"  # or "prospective": proposed, expected, allowed


def int_value(claim: Claim) -> int | None:
    """The integer a one-token claim holds ("20" -> 20), or None (decimals, several tokens)."""
    v = claim.value
    return int(v) if v == int(v) and claim.end - claim.start == 1 else None
