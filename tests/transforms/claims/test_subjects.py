"""Subjects: what a number counts or measures.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

from tests.transforms.claims.support import only, token_at
from transforms.claims.reader import read_number
from transforms.claims.subjects import counted_noun, fallback_subject, noun_text


def test_percent_subject_is_what_changed():
    row = only("Shares in Krispy Kreme sank 14.87% on Friday.", "14.87%")
    assert row["subject"] == "share"
    row = only("Pre-tax profits rose 15% to £546m.", "15%")
    assert row["subject"] == "profit"


# --- counted_noun and noun_text on their own ------------------------------------------------


def test_counted_noun_and_its_lemma(seed_docs):
    doc = seed_docs["001"]  # "the bodies of 6,000 killed soldiers from each side"
    claim = read_number(doc, token_at(doc, "6,000 killed soldiers"))
    noun = counted_noun(doc, claim)
    assert noun is not None and noun.text == "soldiers" and noun_text(noun) == "soldier"


def test_fixed_subjects_and_fallback(seed_docs):
    doc = seed_docs["002"]  # "return up to 1,200 POWs"
    pows = doc[token_at(doc, "1,200 POWs", "POWs")]
    assert noun_text(pows) == "prisoner of war"
    doc = seed_docs["003"]  # "a swap of prisoners, with 1,000 on both sides being exchanged"
    claim = read_number(doc, token_at(doc, "1,000 on both sides"))
    assert fallback_subject(doc, claim, doc[claim.start].sent) == "prisoner"


# --- a figure quoted as a phrase -------------------------------------------------------------


def test_the_noun_outside_a_quoted_figure_names_the_phrase():
    # seeds 001: "This whole ‘two or three days’ game": the game is the phrase, not what lasts.
    row = only("“This whole ‘two or three days’ game – it’s just rhetoric.”", "two or three")
    assert row["subject"] is None and row["unit"] == "day"
    # The same case in text the rule was not written for: the plan is the phrase's name.
    row = only('Critics mocked the "100 days" plan as a stunt.', "100")
    assert row["subject"] is None


def test_a_quoted_modifier_or_a_possessive_keeps_its_noun():
    # A quoted modifier still measures its noun; a possessive's apostrophe opens no quotation.
    assert only("They agreed a “30-day” ceasefire on Monday.", "30-day")["subject"] == "ceasefire"
    assert only("He was given two years' jail for the assault.", "two")["subject"] == "jail"
