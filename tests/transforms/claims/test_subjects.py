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
