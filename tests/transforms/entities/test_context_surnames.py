"""A bare surname whose event names no one of that surname joins the corpus's one full name
with it when its article shares uncommon entities with that full name's articles
(transforms/entities/context_surnames.py); and a club named like a person of one story is
not a person's surname for the label vote (surnames.one_story_surnames). Made-up names."""

from __future__ import annotations

import polars as pl

from tests.transforms.entities.helpers import canonical_stage, entity_name_of
from transforms.entities.event_surnames import resolve_event_surnames


def _run(rows: list[tuple[str, str, str]], titles: dict[int, str] | None = None):
    """The entity stage, then the event-level pass with every article its own event."""
    entities, canonical = canonical_stage(rows, titles)
    articles = sorted({a for a, _, _ in rows})
    membership = pl.DataFrame({"article_id": articles, "event_id": [f"e_{a}" for a in articles]})
    return resolve_event_surnames(entities, canonical, membership)


# The one article printing the full name, with its cast.
STORY = [
    ("a1", "Walda Quenneville", "PERSON"),
    ("a1", "Brisport Athletic", "ORG"),
    ("a1", "Tomsk Rovers", "ORG"),
]


def test_surname_in_an_article_sharing_the_cast_joins_the_full_name() -> None:
    rows = [
        *STORY,
        ("a2", "Quenneville", "PERSON"),
        ("a2", "Brisport Athletic", "ORG"),
        ("a2", "Tomsk Rovers", "ORG"),
        ("a3", "Quenneville", "PERSON"),  # another story: nothing shared
        ("a3", "Quenneville", "PERSON"),
        ("a3", "Ferrowick Motors", "ORG"),
    ]
    entities, mentions = _run(rows)
    assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Walda Quenneville"
    assert entity_name_of(entities, mentions, "a3", "Quenneville") == "Quenneville"


def test_one_shared_entity_is_not_enough() -> None:
    rows = [*STORY, ("a2", "Quenneville", "PERSON"), ("a2", "Tomsk Rovers", "ORG")]
    entities, mentions = _run(rows)
    assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Quenneville"


def test_a_peer_never_joins_a_plain_full_name() -> None:
    shared = [("a2", "Brisport Athletic", "ORG"), ("a2", "Tomsk Rovers", "ORG")]
    rows = [*STORY, ("a2", "Quenneville", "PERSON"), *shared]
    entities, mentions = _run(rows, titles={3: "Lord"})
    assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Quenneville"
    # The same surname under "Mr" (no title of nobility) joins.
    entities, mentions = _run(rows, titles={3: "Mr"})
    assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Walda Quenneville"


def test_two_full_names_of_the_surname_in_the_corpus_stay_apart() -> None:
    rows = [
        *STORY,
        ("a4", "Pieter Quenneville", "PERSON"),
        ("a2", "Quenneville", "PERSON"),
        ("a2", "Brisport Athletic", "ORG"),
        ("a2", "Tomsk Rovers", "ORG"),
    ]
    entities, mentions = _run(rows)
    assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Quenneville"


def test_a_club_named_like_a_person_of_one_story_is_not_a_person() -> None:
    # "Harrowgate" the club stands alone in four articles, spaCy calling it PERSON most
    # often (4 of 5: above labels.PERSON_SHARE) and ORG once; the one "Lionel Harrowgate"
    # is a singer in a story of his own.
    club = [(f"c{i}", "Harrowgate", "PERSON") for i in range(4)] + [("c4", "Harrowgate", "ORG")]
    rows = [("s1", "Lionel Harrowgate", "PERSON"), *club]
    entities, _ = _run(rows)
    assert entities.filter(pl.col("name") == "Harrowgate")["label"].to_list() == ["ORG"]
    assert entities.filter(pl.col("name") == "Lionel Harrowgate")["article_count"][0] == 1
    # Named in full in a second article, the word is his surname again (the entity
    # stage's corpus rule sends the PERSON-tagged ones to him; the ORG one stays ORG).
    entities, _ = _run([*rows, ("s2", "Lionel Harrowgate", "PERSON")])
    assert entities.filter(pl.col("name") == "Lionel Harrowgate")["article_count"][0] == 6


def test_a_player_named_once_in_full_and_then_by_surname_stays_a_person() -> None:
    # "Ostrander" stands alone in four match reports, ORG once, and its one full name
    # "Kieran Ostrander" is in a report with the same cast (his club and two team-mates).
    cast = [("Munford Wolves", "ORG"), ("Dale Pickering", "PERSON"), ("Ross Almeda", "PERSON")]
    story = [("s1", "Kieran Ostrander", "PERSON"), *(("s1", t, lab) for t, lab in cast)]
    reports = [
        row
        for i in range(4)
        for row in [(f"r{i}", "Ostrander", "ORG" if i == 0 else "PERSON")]
        + [(f"r{i}", t, lab) for t, lab in cast]
    ]
    entities, _ = _run([*story, *reports])
    labels = entities.filter(pl.col("name") == "Ostrander")["label"].to_list()
    assert labels == ["PERSON"] or "Ostrander" not in entities["name"].to_list()
    # The same reports without the cast: a club of one name, apart from the player.
    bare = [(a, t, lab) for a, t, lab in reports if t == "Ostrander"]
    entities, _ = _run([*story, *bare, ("r0", "Ostrander", "ORG")])
    assert entities.filter(pl.col("name") == "Ostrander")["label"].to_list() == ["ORG"]


def test_the_same_office_of_two_plus_words_joins_the_full_name() -> None:
    # Nothing else shared: the office printed with both is the company that names him.
    rows = [*STORY, ("a2", "Quenneville", "PERSON"), ("a2", "Ferrowick Motors", "ORG")]
    titles = {0: "Shadow home secretary", 3: "shadow home secretary Mr"}
    entities, mentions = _run(rows, titles=titles)
    assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Walda Quenneville"


def test_a_one_word_office_or_another_office_is_not_enough() -> None:
    rows = [*STORY, ("a2", "Quenneville", "PERSON"), ("a2", "Ferrowick Motors", "ORG")]
    for titles in ({0: "Coach", 3: "coach"}, {0: "Shadow home secretary", 3: "Shadow chancellor"}):
        entities, mentions = _run(rows, titles=titles)
        assert entity_name_of(entities, mentions, "a2", "Quenneville") == "Quenneville", titles
