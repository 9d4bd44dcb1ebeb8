"""Reading one numeral token or one run of cardinal words, on the seed articles' own tokens."""

from __future__ import annotations

from spacy.tokens import Doc

from tests.transforms.claims.support import token_at
from transforms.claims.numerals import (
    EXTRA_NUMBER_WORDS,
    is_ordinal_suffix,
    parse_numeral,
    words_to_number,
)


def test_numeral_tokens_of_the_seeds(seed_docs: dict[str, Doc]):
    doc = seed_docs["001"]
    six_thousand = doc[token_at(doc, "bodies of 6,000 killed", "6,000")]
    assert parse_numeral(six_thousand.text) == (6000.0, "")
    doc = seed_docs["000"]
    eighteenth = doc[token_at(doc, "its 18th sanctions", "18th")]
    value, suffix = parse_numeral(eighteenth.text)
    assert (value, suffix) == (18.0, "th") and is_ordinal_suffix(suffix)
    decimal = doc[token_at(doc, "more than 1.2 million", "1.2")]
    assert parse_numeral(decimal.text) == (1.2, "")
    assert parse_numeral(doc[decimal.i + 1].text) is None  # "million" is a word, not a numeral


def test_glued_multipliers_and_odd_tokens():
    assert parse_numeral("3bn") == (3.0, "bn") and not is_ordinal_suffix("bn")
    assert parse_numeral(".5") == (0.5, "")
    # spaCy keeps "1,000-for-1,000" (seed 002) as "1,000", "-", "for-1,000": no numeral.
    assert parse_numeral("for-1,000") is None
    assert parse_numeral("6,00") is None


def test_cardinal_word_runs():
    assert words_to_number(["six", "thousand"]) == 6000
    assert words_to_number(["one", "hundred", "and", "twenty"]) == 120
    # text2num rejects a bare product of scales; it is read as one.
    assert words_to_number(["hundred", "thousand"]) == 1e5
    assert words_to_number(["five", "two"]) is None
    assert words_to_number([]) is None


def test_number_words_spacy_does_not_call_numbers(seed_docs: dict[str, Doc]):
    # "dozens" (seed 001), "a dozen" (002), "half" (001): not like_num, yet numbers.
    for article, snippet, word in (
        ("001", "about dozens of children", "dozens"),
        ("002", "More than a dozen people", "dozen"),
        ("001", "at least half of the children", "half"),
    ):
        tok = seed_docs[article][token_at(seed_docs[article], snippet, word)]
        assert not tok.like_num and tok.lower_ in EXTRA_NUMBER_WORDS
