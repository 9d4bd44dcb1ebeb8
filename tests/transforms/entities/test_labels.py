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


def test_a_direction_word_before_a_gpe_is_a_gpe_when_spacy_splits() -> None:
    from tests.transforms.entities.helpers import entity, frame
    from transforms.entities.canonicalize import canonicalize_entities

    rows = [("a", "Korea", "GPE"), ("b", "Korea", "GPE"), ("c", "America", "GPE")]
    rows += [(f"n{i}", "North Korea", "LOC" if i < 3 else "GPE") for i in range(5)]
    rows += [(f"s{i}", "South America", "LOC") for i in range(4)]
    entities, _ = canonicalize_entities(frame(rows))
    assert entity(entities, "North Korea")["label"] == "GPE"
    assert entity(entities, "South America")["label"] == "LOC"  # spaCy never says GPE


def test_compass_gpe_needs_a_gpe_rest_and_a_gpe_share() -> None:
    from transforms.entities.labels import compass_gpe_keys

    timor = {"timor": Counter({"GPE": 3})}
    assert compass_gpe_keys(timor | {"west timor": Counter({"LOC": 4, "GPE": 2})})
    assert not compass_gpe_keys(timor | {"west timor": Counter({"LOC": 5, "GPE": 1})})
    assert not compass_gpe_keys({"west timor": Counter({"LOC": 4, "GPE": 2})})
    assert not compass_gpe_keys(timor | {"great timor": Counter({"LOC": 4, "GPE": 2})})


def test_the_plural_of_an_award_is_its_ceremony() -> None:
    from tests.transforms.entities.helpers import entity, frame
    from transforms.entities.canonicalize import canonicalize_entities

    rows = [("a", "Emmy", "WORK_OF_ART"), ("b", "Emmy", "PERSON"), ("c", "Emmy", "WORK_OF_ART")]
    rows += [("d", "Emmys", "ORG"), ("e", "Emmys", "GPE"), ("f", "Emmys", "ORG")]
    rows += [("g", "Rangers", "ORG"), ("h", "Ranger", "PERSON")]  # a person: no award
    entities, _ = canonicalize_entities(frame(rows))
    assert entity(entities, "Emmys")["label"] == "EVENT"
    assert entity(entities, "Rangers")["label"] == "ORG"
