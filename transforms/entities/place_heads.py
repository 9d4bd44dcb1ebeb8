"""Places named by the word before an administrative head noun: "the Irkutsk region",
"Ukraine's eastern Donetsk region", "Helmand province", "the Kursk oblast".

spaCy's small model leaves many such names untagged (seeds: "Donetsk" and, in a caption,
"Irkutsk"; issue #13): a name it has rarely seen gets no label, yet "region" after a
capitalized word says it is a place. The head noun must be lower case (a capitalized "Region"
is part of a name spaCy tags itself, "Kurdistan Region"), and the words before it must be
capitalized and untagged: anything spaCy already tagged keeps its own mention and label.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.entities.labels import COMPASS_WORDS
from transforms.entities.lexicon import FUNCTION_WORDS
from transforms.entities.names import is_title_word

# Administrative units, lower case: the place is the name printed before them.
PLACE_HEADS = (
    "region", "regions", "province", "provinces", "oblast", "district", "county",
    "prefecture", "governorate", "canton", "municipality",
)  # fmt: skip
# One to three capitalized words (hyphens and apostrophes inside) before a head noun.
_NAME = r"[^\W\d_][\w'’-]*"
_BEFORE_HEAD = re.compile(rf"\b({_NAME}(?: {_NAME}){{0,2}}) (?:{'|'.join(PLACE_HEADS)})\b(?!['’]s)")


def head_places(text: str) -> list[tuple[int, int, str]]:
    """(start_char, end_char, "GPE") of each name printed just before a place head noun.

    The name is the run of name words right before the head: capitalized, not a stop word
    (spaCy's English list: a sentence-initial "In"), a direction ("eastern") or a title, and
    no possessive ("Ukraine's" is the country the region is in). So "Ukraine's eastern
    Donetsk region" gives "Donetsk" and "the Irkutsk region" gives "Irkutsk"."""
    out: list[tuple[int, int, str]] = []
    for match in _BEFORE_HEAD.finditer(text):
        start, end = match.span(1)
        words = match.group(1).split(" ")
        keep = 0
        while keep < len(words) and _name_word(words[len(words) - 1 - keep]):
            keep += 1
        if keep:
            start = end - len(" ".join(words[len(words) - keep :]))
            out.append((start, end, "GPE"))
    return out


def _name_word(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].isupper()
        and not word.endswith(("'s", "’s"))
        and low not in STOP_WORDS
        and low not in FUNCTION_WORDS
        and low not in COMPASS_WORDS
        and not is_title_word(word)
    )


def with_head_places(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`found` mentions plus the head-noun places that overlap none of them (spaCy's own
    span and label win where it tagged anything)."""
    places = [p for p in head_places(text) if not any(p[0] < m[1] and m[0] < p[1] for m in found)]
    return found + places if places else found
