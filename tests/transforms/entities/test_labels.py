"""The label vote: majority, then LABEL_PRIORITY (as for "Kyiv" and "Vilnius" in the seeds)."""

from __future__ import annotations

from collections import Counter

import polars as pl

from transforms.entities.labels import label_family, vote


def test_majority_wins() -> None:
    # Seeds: spaCy tags "Kyiv" 8x PERSON, 2x ORG, 1x GPE (the pin file corrects it).
    assert vote(Counter({"PERSON": 8, "ORG": 2, "GPE": 1})) == "PERSON"


def test_ties_prefer_places_over_org_and_person_last() -> None:
    assert vote(Counter({"ORG": 1, "GPE": 1})) == "GPE"  # "Vilnius"
    assert vote(Counter({"PERSON": 2, "NORP": 2})) == "NORP"
    assert vote(Counter({"PERSON": 1, "EVENT": 1})) == "EVENT"
    # A label outside LABEL_PRIORITY loses every tie.
    assert vote(Counter({"XYZ": 1, "PERSON": 1})) == "PERSON"


def test_seed_votes_are_order_free(mentions: pl.DataFrame) -> None:
    for _, labels in mentions.group_by("text").agg("label").rows():
        assert vote(Counter(labels)) == vote(Counter(reversed(labels)))


def test_label_family() -> None:
    assert {label_family(lab) for lab in ("GPE", "LOC", "FAC", "ORG")} == {"PLACE_ORG"}
    assert label_family("PERSON") == "PERSON" and label_family("NORP") == "NORP"
