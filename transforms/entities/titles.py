"""The title printed before a mention ("Mrs.", "Defense Minister", "Special Agent") and the
gender an honorific gives.

Mention offsets leave titles out (`entities.mentions`), so the words are read back from the
body just before the mention: the run of title words (`names.is_strippable`) that ends at
the mention, kept as `entity_mentions.title`. The one place it matters for identity is the
honorific's gender: "Mrs. Clinton" and "Mr. Clinton" are two people even when the article
or the corpus names only one Clinton in full (`entities.genders`).
"""

from __future__ import annotations

import re

from transforms.entities.lexicon import HONORIFICS, TITLE_HEADS
from transforms.entities.names import is_strippable, word_key

# Honorifics that say a gender. "Dr", "Prof" and offices do not; "Lady" and "Lord" are
# part of the name (lexicon.NOBLE) and never stripped, so they are not read here.
MALE = frozenset(["mr", "sir", "messrs"])
FEMALE = frozenset(["mrs", "ms", "miss", "dame", "mme", "madam"])

# One word before the mention on the same line: "Mrs. ", "Minister ", "of ".
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.’'\-]*)[ \t]+$")
# Title runs are short ("Deputy Assistant Secretary of State"); the scan stops after this
# many words, so a long run of capitalized words costs nothing.
_MAX_WORDS = 6


def title_before(body: str, start: int) -> str | None:
    """The title run printed right before `body[start:]`, or None.

    "... said Mrs. Clinton" -> "Mrs."; "Secretary of State Marco Rubio" (mention "Marco
    Rubio") -> "Secretary of State"; "Labour MP Boris Johnson" -> "Labour MP". A run must hold
    an office or honorific (lexicon.TITLE_HEADS): "Defence Ministry" or a party name alone
    before a name is not a title. Only words on the same line count.
    """
    words: list[str] = []
    end = start
    while len(words) < _MAX_WORDS:
        m = _WORD_BEFORE.search(body, max(0, end - 40), end)
        if m is None or m.end() != end:
            break
        word = m.group(1)
        if not (is_strippable(word) or (word == "of" and words and is_strippable(words[0]))):
            break
        words.insert(0, word)
        end = m.start()
    while words and words[0] == "of":
        words.pop(0)
    if not any(word_key(w) in TITLE_HEADS for w in words):
        return None
    return " ".join(words)


def gender_of(title: str | None, text: str = "") -> str:
    """ "m", "f" or "" from the honorific in `title`, else a leading one left in `text`
    (a mention cut before the title was stripped: "Mrs Clinton")."""
    words = (title or "").split() + text.split()[:1]
    for word in words:
        key = word_key(word)
        if key in MALE:
            return "m"
        if key in FEMALE:
            return "f"
    return ""


# An office names one person when it has this many words besides honorifics: "shadow attorney
# general" does, "coach" or "Dr" (many people hold them) does not.
OFFICE_MIN_WORDS = 2


def office_of(title: str | None) -> str:
    """The office a title names, lower case and without honorifics ("shadow attorney general
    Mr" -> "shadow attorney general"), or "" when it has under OFFICE_MIN_WORDS words."""
    words = [word_key(w) for w in (title or "").split()]
    words = [w for w in words if w and w not in HONORIFICS]
    return " ".join(words) if len(words) >= OFFICE_MIN_WORDS else ""
