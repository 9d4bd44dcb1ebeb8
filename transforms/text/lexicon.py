"""Word lists more than one stage reads: months, name particles, news agencies.

A list used by one stage lives in that stage's own lexicon module; only lists that two stages
must agree on live here, so a month or an agency added once is seen everywhere.
"""

from __future__ import annotations

# Month names and abbreviations, lower case, to month number ("sept" as printed in the US).
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Lower-case words inside personal names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi"):
# they neither end a name nor start a new one.
NAME_PARTICLES = frozenset(
    ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al",
     "el", "bin", "ibn", "ben", "dos", "das", "ter", "y"]
)  # fmt: skip

# News agencies by their usual short names: a byline, a credit or a trailing "(AP)" that is
# one of these names a wire service, not a person.
NEWS_AGENCIES = frozenset(
    ["AP", "AFP", "Reuters", "PA", "UPI", "DPA", "EFE", "ANSA", "Xinhua", "TASS", "Interfax"]
)
