"""A bare surname with no full name in its article joins the one person of that surname
its event names (transforms/entities/event_surnames.py), on made-up names and events the
rule was not written for."""

from __future__ import annotations

import json

import polars as pl

from tests.transforms.entities.helpers import canonical_stage, entity_name_of
from transforms.entities.event_surnames import resolve_event_surnames

# article -> event
EVENTS = {"a1": "e1", "a2": "e1", "a3": "e2", "b1": "e3", "b2": "e3", "c1": "e4", "c2": "e4"}


def _run(
    rows: list[tuple[str, str, str]],
    titles: dict[int, str] | None = None,
    split: set[frozenset[str]] | None = None,
):
    entities, canonical = canonical_stage(rows, titles)
    membership = pl.DataFrame({"article_id": list(EVENTS), "event_id": list(EVENTS.values())})
    after, moved = resolve_event_surnames(entities, canonical, membership, split)
    return (entities, canonical), (after, moved)


def test_surname_joins_the_one_full_name_of_its_event() -> None:
    rows = [
        ("a1", "Serena Okafor", "PERSON"),
        ("a1", "Okafor", "PERSON"),
        ("a2", "Okafor", "PERSON"),  # same event, no full name in the article
        ("a3", "Okafor", "PERSON"),  # another event: stays where the entity stage left it
        ("a3", "Okafor", "PERSON"),
    ]
    (before, before_m), (after, moved) = _run(rows)
    assert entity_name_of(before, before_m, "a2", "Okafor") == "Okafor"  # entity stage alone
    assert entity_name_of(after, moved, "a2", "Okafor") == "Serena Okafor"
    assert entity_name_of(after, moved, "a3", "Okafor") == "Okafor"
    serena = after.filter(pl.col("name") == "Serena Okafor").row(0, named=True)
    assert (serena["mention_count"], serena["article_count"]) == (3, 2)
    assert json.loads(serena["label_votes"])["votes"] == {"PERSON": 3}
    bare = after.filter(pl.col("name") == "Okafor").row(0, named=True)
    assert (bare["mention_count"], bare["article_count"]) == (2, 1)
    # Ids are kept: every id after is one the entity stage made; counts add up.
    assert set(after["entity_id"]) <= set(before["entity_id"])
    assert after["mention_count"].sum() == moved.height == before_m.height
    assert moved["mention_id"].to_list() == before_m["mention_id"].to_list()


def test_entity_left_without_mentions_is_dropped() -> None:
    rows = [("b1", "Ilse Varga", "PERSON"), ("b2", "Varga", "PERSON")]
    (before, _), (after, moved) = _run(rows)
    assert sorted(before["name"]) == ["Ilse Varga", "Varga"]
    assert after["name"].to_list() == ["Ilse Varga"]
    assert moved["entity_id"].n_unique() == 1
    assert after["aliases"][0].to_list() == ["Ilse Varga", "Varga"]


def test_two_people_of_the_surname_in_the_event_stay_apart() -> None:
    rows = [
        ("b1", "Tomas Lindqvist", "PERSON"),
        ("b1", "Maja Lindqvist", "PERSON"),
        ("b2", "Lindqvist", "PERSON"),
    ]
    _, (after, moved) = _run(rows)
    assert entity_name_of(after, moved, "b2", "Lindqvist") == "Lindqvist"


def test_first_name_and_lower_case_word_stay_apart() -> None:
    rows = [
        ("c1", "Graham Souter", "PERSON"),
        ("c1", "Graham Ives", "PERSON"),
        ("c1", "Alan Graham", "PERSON"),
        ("c2", "Graham", "PERSON"),  # starts two full names, ends one: a first name
        ("c1", "Pia Heath", "PERSON"),
        ("c2", "heath", "PERSON"),  # the moor, printed in lower case
    ]
    _, (after, moved) = _run(rows)
    assert entity_name_of(after, moved, "c2", "Graham") == "Graham"
    assert entity_name_of(after, moved, "c2", "heath") == "heath"


def test_honorific_of_the_other_gender_stays_apart() -> None:
    rows = [
        ("a1", "Rafael Mendoza", "PERSON"),
        ("a1", "Mendoza", "PERSON"),  # "Mr" Mendoza: Rafael is a man
        ("a2", "Mendoza", "PERSON"),  # "Mrs" Mendoza in the same event: not him
        ("b1", "Nadia Osei", "PERSON"),
        ("b2", "Osei", "PERSON"),  # "Ms" Osei, her gender unknown from the corpus: joins
    ]
    _, (after, moved) = _run(rows, titles={1: "Mr", 2: "Mrs", 4: "Ms"})
    assert entity_name_of(after, moved, "a2", "Mendoza") == "Mendoza"
    assert entity_name_of(after, moved, "b2", "Osei") == "Nadia Osei"


def test_nothing_to_resolve_returns_the_frames_unchanged() -> None:
    rows = [("a1", "Serena Okafor", "PERSON"), ("a3", "Lagos", "GPE")]
    (before, before_m), (after, moved) = _run(rows)
    assert after is before and moved is before_m


def test_a_split_pin_keeps_the_surname_apart() -> None:
    rows = [("b1", "Ilse Varga", "PERSON"), ("b2", "Varga", "PERSON")]
    _, (after, moved) = _run(rows, split={frozenset(["varga", "ilse varga"])})
    assert entity_name_of(after, moved, "b2", "Varga") == "Varga"
