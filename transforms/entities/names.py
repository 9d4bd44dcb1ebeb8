"""Name keys, title/honorific stripping and person-name comparison for entities.

Pure string functions, no spaCy: `entities.mentions` uses them on spaCy tokens when it repairs
mention spans, `entities.canonicalize` on mention text when it builds matching keys, and
`resolve_names` on free text ("Russia's Defence Ministry", "Mr Zelensky"). The title word
lists they read are in `entities.lexicon`.

A *name key* is `fold()` (NFKC, casefold, no diacritics) plus the punctuation differences that
outlets disagree on: "U.S." and "US" meet, curly and straight apostrophes meet. Hyphens stay
("Stafford-Smith" is not "Smith"). Keys are for matching only; stored text stays original.

`same_person` and `pick_name` hold the measured thresholds for spelling variants of a
person's name and the choice of the canonical spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from transforms.entities.lexicon import STRIPPABLE, TITLE_HEADS, TITLE_WORDS
from transforms.text.folding import fold

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:'s|s'|')$", re.IGNORECASE)
# Hyphens stay: "Stafford-Smith" is one surname, not the "Smith" of "Clive Smith".
_NON_WORD = re.compile(r"[^\w\s-]")
_LOOSE_HYPHEN = re.compile(r"(?:^|\s)-+|-+(?:\s|$)")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # called per token; the vocabulary is small
def word_key(word: str) -> str:
    """Fold one token for title lookup: "Gen." -> "gen", "Mr" -> "mr"."""
    return fold(word.translate(_APOSTROPHES)).strip(".,;:")


def is_title_word(word: str) -> bool:
    """True if `word` is a title, honorific, office or portfolio word (case-insensitive)."""
    return word_key(word) in TITLE_WORDS


def is_strippable(word: str) -> bool:
    """True if `word` may be stripped from the front of a name (titles, offices, parties)."""
    return word_key(word) in STRIPPABLE


def is_title_only(text: str) -> bool:
    """True if every word of `text` is a title word ("Defense", "Foreign Minister", "State")."""
    words = [w for w in _SPACES.split(text.strip()) if w and w.lower() != "of"]
    return bool(words) and all(is_title_word(w) for w in words)


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive: "Zelenskyy’s" -> "Zelenskyy", "Reuters'" stays "Reuters"."""
    plain = text.translate(_APOSTROPHES)
    if plain.endswith("'s") or plain.endswith("'S"):
        return text[:-2]
    # A bare trailing apostrophe is only a possessive after an s ("the Jones' house");
    # keep "Reuters" whole rather than guess.
    if plain.endswith("s'"):
        return text[:-1]
    return text


def _title_run_end(words: list[str], start: int) -> int:
    """Index just past the run of title words starting at `start` ("Secretary of State")."""
    i = start
    while i < len(words):
        if is_strippable(words[i]):
            i += 1
        elif words[i] == "of" and i > start and i + 1 < len(words) and is_strippable(words[i + 1]):
            i += 1  # "Secretary of State Marco Rubio"
        else:
            break
    return i


@lru_cache(maxsize=1 << 16)  # name_key and display_name both call it per distinct text
def strip_titles(text: str) -> str:
    """Remove leading titles/honorifics, a leading lower-case "the" and a trailing possessive.

    "Mr Zelensky" -> "Zelensky"; "Defense Minister Rustem Umerov" -> "Rustem Umerov";
    "Ukraine’s President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"; "Russia's Defence
    Ministry" keeps its words (it is an organization, not a title) -> "Russia's Defence Ministry".
    A text made only of title words is returned unchanged, so "President" stays "President"
    (callers drop those with `is_title_only`).
    """
    words = _SPACES.split(strip_possessive(text.strip()))
    # "Ukraine's President X": a possessor directly before an office belongs to the title.
    if (
        len(words) > 2
        and _POSSESSIVE.search(words[0].translate(_APOSTROPHES))
        and _title_run_end(words, 1) < len(words)
        and {word_key(w) for w in words[1 : _title_run_end(words, 1)]} & TITLE_HEADS
    ):
        words = words[1:]
    start = 0
    # Only a lower-case "the" is an article here: a capital "The" that survived mention
    # extraction stood inside a sentence and belongs to the name ("The Hague" is not the
    # surname "Hague" of William Hague).
    if words and words[0] == "the":
        start = 1
    i = _title_run_end(words, start)
    if i > start and i < len(words) and words[i] == "of":
        return text.strip()  # "President of Russia" is a title phrase, not a name
    # Strip the title run only when a name remains and the run holds a real office or
    # honorific: "Defence Ministry" and "Home Office" keep their first word.
    run = {word_key(w) for w in words[start:i]}
    if i < len(words) and run & TITLE_HEADS:
        start = i
    return " ".join(words[start:]) or text.strip()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The matching key of a name: titles stripped, folded, punctuation-insensitive.

    "Mr Zelensky" -> "zelensky"; "Çırağan Palace" -> "ciragan palace"; "U.S." -> "us";
    "Lvova-Belova" -> "lvova-belova"; "Zelenskyy’s" -> "zelenskyy".
    """
    stripped = strip_titles(text)
    key = fold(stripped.translate(_APOSTROPHES))
    key = key.replace(".", "")  # "U.S." == "US", "J.D. Vance" == "JD Vance"
    key = _LOOSE_HYPHEN.sub(" ", _NON_WORD.sub(" ", key))
    return _SPACES.sub(" ", key).strip()


# ---------------------------------------------------------------- person names

# Measured thresholds (benchmarks/results/entities.md, full BBC corpus): rapidfuzz ratio of
# two surnames whose first names agree. Zelensky~Zelenskyy 94.1 must merge, Medinsky~
# Medvedev 37.5 must not. On the BBC, pairs of 7+ letter surnames at 90+ were variants
# (Khodorkovsky~Khordokovsky 91.7, Yanukovich~Yanukovych 90.0, Waggoner~Wagoner 93.3);
# among shorter surnames a one-letter difference is as often another person (David Davis ~
# David Davies 90.9, Kelly~Kelley, Smith~Smit, Preston~Peston) as a typo (Clark~Clarke,
# Reagan~Regan), so short surnames only merge when equal after folding.
SURNAME_RATIO = 90.0
FUZZY_SURNAME_MIN_LEN = 7
# First names must agree exactly, by initial ("J Smith"), or by this ratio ("Volodymyr" ~
# "Volodimir"); Vladimir Putin and Vladimir Medinsky share a first name, and the surname
# check keeps them apart.
FIRST_NAME_RATIO = 80.0
# Like surnames, short first names differ by a letter or two as often between two people
# as by a typo: "Josh" ~ "Joseph" is 80.0 (ECB+ merged the basketball player Josh Smith
# with Joseph Smith the Mormon founder), "Jon" ~ "John" 85.7. Below 5 letters they must be
# equal (or an initial).
FUZZY_FIRST_NAME_MIN_LEN = 5


def pick_name(spellings: Counter[str]) -> str:
    """The fullest spelling (most words, then fewest initials: "Girvan Dempsey" over the
    team sheets' "G Dempsey"), then the most frequent, then alphabetical.

    A spelling padded by leading words is skipped when the spelling without them (2+ words)
    is in the cluster and at least twice as frequent: spaCy keeps headline and
    sentence-initial words in PERSON spans ("Nevertheless Franz Ferdinand", "Holders
    Manchester United", "Krafts Food Shooter Yvonne Hiller", "Colts QB Andrew Luck") and no
    word list is complete; a real first name ("Recep Tayyip Erdogan") is kept unless the
    shorter form dominates.
    """

    if len(spellings) == 1:  # most clusters: no other spelling can pad or beat it
        return next(iter(spellings))

    def padded(text: str) -> bool:
        words = text.split()
        return any(
            spellings.get(" ".join(words[cut:]), 0) >= 2 * spellings[text]
            for cut in range(1, len(words) - 1)
        )

    candidates = [t for t in spellings if not padded(t)] or list(spellings)
    return min(candidates, key=lambda t: (-len(t.split()), initials(t), -spellings[t], t))


def display_name(text: str) -> str:
    """A canonical name without the titles a mention may still carry ("CEO Tim Cook" ->
    "Tim Cook", "Special Agent Peter Strzok" -> "Peter Strzok"): the words `strip_titles`
    removes from the front, when a name of 2+ words or a capitalized word remains."""
    stripped = strip_titles(text)
    if stripped != text.strip() and stripped[:1].isupper() and not is_title_only(stripped):
        return stripped
    return text


def initials(text: str) -> int:
    """Words of `text` that are initials ("G", "J.D.")."""
    return sum(1 for w in text.split() if len(w.replace(".", "")) <= 2 and w[:1].isupper())


def _first_names_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]  # an initial: "G Bush" ~ "George Bush"
    if min(len(a), len(b)) < FUZZY_FIRST_NAME_MIN_LEN:
        return False
    return fuzz.ratio(a, b) >= FIRST_NAME_RATIO


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names (key tokens, 2+ each) are spelling variants of one person.

    The surnames must be near-identical and the first names must agree; middle names may be
    missing on one side ("Tayyip Erdogan" ~ "Recep Tayyip Erdogan", "George Bush" ~
    "George W Bush"), but every token of the shorter name must be found in the longer one.
    """
    if a[-1] != b[-1] and (
        min(len(a[-1]), len(b[-1])) < FUZZY_SURNAME_MIN_LEN
        or fuzz.ratio(a[-1], b[-1]) < SURNAME_RATIO
    ):
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(long_) > len(short) and len(long_[0]) == 1 and len(long_[1]) > 1 < len(short[0]):
        long_ = long_[1:]  # a leading initial before a given name: "W. Mark Felt" ~ "Mark Felt"
    if (len(short[0]) == 1 and len(short) == 2) or (len(long_[0]) == 1 and len(long_) == 2):
        return False  # an initial alone ("M Williams"): merge_initials, only when unique
    if len(short) == len(long_):
        return all(_first_names_agree(x, y) for x, y in zip(short[:-1], long_[:-1], strict=True))
    if len(long_[0]) == 1 and not _first_names_agree(short[0], long_[0]):
        return False  # "A. J. Smith" is not "Joseph Smith": an initial is never skipped
    # Shorter name: its given names must appear, in order, among the longer one's.
    rest = iter(long_[:-1])
    return all(any(_first_names_agree(x, y) for y in rest) for x in short[:-1])
