"""Token questions: glued tokens, name words, months, currency leads."""

from __future__ import annotations

from tests.transforms.claims.support import token_at
from transforms.claims.record import Claim
from transforms.claims.tokens import glued, is_name_word, lead, lower, matches, month_at
from transforms.nlp.pipeline import parse


def test_capitalised_number_word_inside_a_sentence_is_a_name(seed_docs):
    doc = seed_docs["001"]  # "We need to work on joint sanctions at the (Group of Seven) level"
    assert is_name_word(doc[token_at(doc, "(Group of Seven)", "Seven")])
    doc = seed_docs["004"]  # "Two ballistic missiles struck ...": sentence start
    assert not is_name_word(doc[token_at(doc, "Two ballistic missiles", "Two")])


def test_glued_month_and_edges(seed_docs):
    doc = seed_docs["003"]  # "along the 620-mile front line"
    i = token_at(doc, "620-mile", "620")
    assert glued(doc, i) and glued(doc, i + 1) and not glued(doc, i + 2)
    assert lower(doc, -1) == "" and lower(doc, len(doc)) == ""
    may = token_at(doc, "The May 16 talks", "May")
    assert month_at(doc, may) == 5 and month_at(doc, may + 1) is None
    assert matches(doc, may, ("may", "16", "talks")) and not matches(doc, len(doc) - 1, ("a", "b"))


def test_lead_takes_the_currency_symbol():
    doc = next(iter(parse(["The fine was £1,400."])))
    i = next(t.i for t in doc if t.text == "1,400")
    assert lead(doc, Claim(start=i, end=i + 1, value=1400)) == i - 1
    assert lead(doc, Claim(start=i - 1, end=i, value=0)) == i - 1
