"""Candidates: only tokens that can start a number are read further."""

from __future__ import annotations

from transforms.claims.candidates import candidates, is_candidate_text


def test_candidates_of_a_seed_are_its_number_tokens(seed_docs):
    doc = seed_docs["000"]
    found = candidates(doc)
    assert found == sorted(found)
    texts = {doc[i].lower_ for i in found}
    # "more than 6,000 bodies each", "two to three days", "18th sanctions package",
    # "more than 1.2 million people since 2022"
    assert {"6,000", "two", "three", "18th", "1.2", "million", "2022"} <= texts
    assert not texts & {"medinsky", "ceasefire", "bodies", "each", "more", "than"}


def test_candidate_texts():
    assert is_candidate_text("6,000") and is_candidate_text("Dozens")
    assert is_candidate_text("hour")  # "barely an hour": a unit of time after "an"
    assert is_candidate_text("fifth") and is_candidate_text("second")
    assert not is_candidate_text("bodies") and not is_candidate_text("Istanbul")
