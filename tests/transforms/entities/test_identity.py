"""Entity identity rules of issue #13, each on text it was not written for: the corpus-wide
label vote, surnames resolved by the corpus's own record, the honorific's gender, lower-case
common nouns, titles out of canonical names."""

from __future__ import annotations

import json
from collections import Counter

import polars as pl

from tests.transforms.entities.helpers import frame
from transforms.entities.canonicalize import canonicalize_entities
from transforms.entities.labels import entity_label
from transforms.entities.merges import person_full_names
from transforms.entities.names import display_name, pick_name, same_person
from transforms.entities.titles import gender_of, title_before


def _titled(rows: list[tuple[str, str, str, str | None]]) -> pl.DataFrame:
    """Mentions from (article_id, text, label, title)."""
    base = frame([(a, t, lab) for a, t, lab, _ in rows])
    return base.with_columns(pl.Series("title", [ti for *_, ti in rows], dtype=pl.String))


def _entity_of(entities: pl.DataFrame, mentions: pl.DataFrame, article: str, text: str) -> dict:
    eid = mentions.filter((pl.col("article_id") == article) & (pl.col("text") == text))[
        "entity_id"
    ].to_list()
    assert len(set(eid)) == 1, (article, text, eid)
    return entities.filter(pl.col("entity_id") == eid[0]).row(0, named=True)


def test_title_before_reads_the_run_printed_before_a_mention() -> None:
    body = (
        "Talks resumed, said Mrs. Merkel. Later Secretary of State Antony Blinken and "
        "Labour MP Diane Abbott spoke; Defence Ministry spokesman Igor Konashenkov did not. "
        "The Defence Ministry Building"
    )
    assert title_before(body, body.index("Merkel")) == "Mrs."
    assert title_before(body, body.index("Antony")) == "Secretary of State"
    assert title_before(body, body.index("Diane")) == "Labour MP"
    assert title_before(body, body.index("Igor")) == "spokesman"
    assert title_before(body, body.index("Building")) is None  # no office in the run
    assert title_before(body, 0) is None
    assert (gender_of("Mrs."), gender_of("Sir"), gender_of("Dr"), gender_of(None, "Ms Ardern")) == (
        "f",
        "m",
        "",
        "f",
    )


def test_honorific_gender_keeps_two_people_with_one_surname_apart() -> None:
    rows = [
        # Each spouse named alone in an article: the corpus learns their genders.
        ("a1", "Cherie Blair", "PERSON", None), ("a1", "Blair", "PERSON", "Mrs"),
        ("a2", "Tony Blair", "PERSON", None), ("a2", "Blair", "PERSON", "Mr"),
        ("a3", "Tony Blair", "PERSON", None), ("a3", "Blair", "PERSON", "Mr"),
        # Both named: each honorific goes to the person of its gender.
        ("b", "Tony Blair", "PERSON", None), ("b", "Cherie Blair", "PERSON", None),
        ("b", "Blair", "PERSON", "Mrs"),
        # No full name: two people, not one "Blair".
        ("c", "Obiang", "PERSON", "Mr"), ("c", "Obiang", "PERSON", "Mrs"),
    ]  # fmt: skip
    entities, mentions = canonicalize_entities(_titled(rows))
    assert _entity_of(entities, mentions, "b", "Blair")["name"] == "Cherie Blair"
    assert _entity_of(entities, mentions, "a3", "Blair")["name"] == "Tony Blair"
    mr = mentions.filter(pl.col("article_id") == "c")["entity_id"].to_list()
    assert len(set(mr)) == 2


def test_lower_case_noun_never_joins_a_name() -> None:
    rows = [
        ("a", "George Bush", "PERSON"), ("a", "Bush", "PERSON"),
        ("b", "George Bush", "PERSON"), ("b", "bush", "PERSON"), ("b", "Bush", "PERSON"),
        ("c", "navy", "ORG"), ("c", "Navy", "ORG"),
    ]  # fmt: skip
    entities, mentions = canonicalize_entities(frame(rows))
    assert _entity_of(entities, mentions, "b", "Bush")["name"] == "George Bush"
    assert _entity_of(entities, mentions, "b", "bush")["name"] == "bush"
    # Not a person's name: the lower-case form is the same organization.
    assert _entity_of(entities, mentions, "c", "navy")["name"] == "Navy"


def test_surname_resolved_corpus_wide_on_its_in_article_record() -> None:
    # spaCy calls the bare surname ORG or NORP; the corpus resolves it in three articles that
    # name Angela Merkel, so the articles that only say "Merkel" get her too.
    rows = [
        ("a", "Angela Merkel", "PERSON"), ("a", "Merkel", "NORP"),
        ("b", "Angela Merkel", "PERSON"), ("b", "Merkel", "ORG"),
        ("e", "Angela Merkel", "PERSON"), ("e", "Merkel", "ORG"),
        ("c", "Merkel", "ORG"), ("c", "Merkel", "ORG"),
        ("d", "Merkel", "NORP"),
    ]  # fmt: skip
    entities, mentions = canonicalize_entities(frame(rows))
    merkel = _entity_of(entities, mentions, "c", "Merkel")
    assert (merkel["name"], merkel["label"], merkel["mention_count"]) == (
        "Angela Merkel",
        "PERSON",
        9,
    )
    assert json.loads(merkel["label_votes"]) == {"votes": {"PERSON": 9}, "rule": "person_full_name"}
    # Two articles of record are not enough: "Merkel" elsewhere stays itself.
    entities, mentions = canonicalize_entities(frame([r for r in rows if r[0] != "b"]))
    assert _entity_of(entities, mentions, "c", "Merkel")["name"] == "Merkel"


def test_place_surname_stays_a_place_unless_tagged_person_in_its_article() -> None:
    rows = [
        ("a", "Denzel Washington", "PERSON"), ("a", "Washington", "GPE"),
        ("b", "Washington", "GPE"), ("c", "Washington", "GPE"), ("d", "Washington", "ORG"),
    ]  # fmt: skip
    entities, mentions = canonicalize_entities(frame(rows))
    assert _entity_of(entities, mentions, "a", "Washington")["label"] == "GPE"


def test_single_word_label_by_corpus_vote() -> None:
    # A corpus person's surname spaCy mostly calls PERSON is a PERSON ...
    assert entity_label(Counter(PERSON=71, GPE=1), False, True) == ("PERSON", "person_share")
    assert entity_label(Counter(PERSON=3, GPE=10), False, True) == ("GPE", "not_person")
    # ... any other word loses spaCy's PERSON guess: a company tagged PERSON 9 times in 10.
    assert entity_label(Counter(PERSON=90, ORG=10), False) == ("ORG", "not_person")
    assert entity_label(Counter(PERSON=12), False) == ("PERSON", "majority")
    assert entity_label(Counter(PERSON=4, ORG=5), True) == ("ORG", "majority")
    assert entity_label(Counter(PERSON=5, ORG=4), True) == ("PERSON", "person_full_name")


def test_place_led_person_name_is_an_organization() -> None:
    rows = [("a", "Leeds United", "PERSON"), ("a", "Leeds", "GPE"), ("b", "Leeds", "GPE")]
    rows += [("b", "United", "ORG"), ("c", "United", "ORG"), ("c", "Leeds United", "GPE")]
    rows += [("d", "Leeds United", "PERSON")]
    entities, mentions = canonicalize_entities(frame(rows))
    club = _entity_of(entities, mentions, "a", "Leeds United")
    assert (club["label"], json.loads(club["label_votes"])["rule"]) == ("ORG", "place_led_org")


def test_titles_out_of_canonical_names() -> None:
    assert display_name("CFO Ruth Porat") == "Ruth Porat"
    assert display_name("Majority Leader Chuck Schumer") == "Chuck Schumer"
    assert display_name("Special Agent Dale Cooper") == "Dale Cooper"
    assert display_name("Lord Goldsmith") == "Lord Goldsmith"  # peerage stays
    assert display_name("Home Office") == "Home Office"
    spellings = Counter({"Gunman Omar Mateen": 1, "Omar Mateen": 5, "Mateen": 9})
    assert pick_name(spellings) == "Omar Mateen"
    assert pick_name(Counter({"Recep Tayyip Erdogan": 3, "Tayyip Erdogan": 4})) == (
        "Recep Tayyip Erdogan"
    )


def test_full_name_variants_with_initials_and_short_first_names() -> None:
    assert same_person("h ross perot".split(), "ross perot".split())
    assert same_person("h ross perot".split(), "henry ross perot".split())
    # An initial is never skipped: "A J Smith" may be Joseph only if A stands for him.
    assert same_person("a j foyt".split(), "anthony foyt".split())
    assert not same_person("b j thomas".split(), "joseph thomas".split())
    assert not same_person("josh groban".split(), "joseph groban".split())
    assert same_person("oleksandr syrskyi".split(), "olexandr syrskyi".split())


def test_no_union_joins_two_middle_names() -> None:
    rows = [
        ("a", "John Adams", "PERSON"),
        ("b", "John Quincy Adams", "PERSON"),
        ("c", "John Q Adams", "PERSON"),
        ("d", "John B Adams", "PERSON"),
    ]
    entities, mentions = canonicalize_entities(frame(rows))
    assert (
        _entity_of(entities, mentions, "b", "John Quincy Adams")["entity_id"]
        == (_entity_of(entities, mentions, "c", "John Q Adams")["entity_id"])
    )
    assert (
        _entity_of(entities, mentions, "d", "John B Adams")["entity_id"]
        != (_entity_of(entities, mentions, "b", "John Quincy Adams")["entity_id"])
    )
    # "John Adams" fits both, so it joins neither.
    assert _entity_of(entities, mentions, "a", "John Adams")["name"] == "John Adams"


def test_digits_are_no_full_name() -> None:
    votes = {"4 30 pm friday": Counter(PERSON=1), "jane doe": Counter(PERSON=2)}
    assert person_full_names(votes) == ["jane doe"]


def test_inlined_mention_ids_are_stable_ids() -> None:
    from transforms.entities.canonicalize import _mention_ids
    from transforms.text.ids import stable_id

    rows = [("art_0123", 0, None), ("art_x", 12345, None), ("art_x", 12345, "part_c")]
    mentions = pl.DataFrame(
        rows,
        schema={"article_id": pl.String, "start_char": pl.Int64, "part_id": pl.String},
        orient="row",
    )
    assert _mention_ids(mentions) == [
        stable_id("men", a, s) if p is None else stable_id("men", a, p, s) for a, s, p in rows
    ]
    assert len(set(_mention_ids(mentions))) == 3  # a caption mention never takes a body id


def test_inlined_entity_ids_are_stable_ids() -> None:
    from transforms.entities.canonicalize import _entity_id
    from transforms.text.ids import stable_id

    for label, key in [("PERSON", "tony blair"), ("GPE", "çırağan"), ("PERSON", "clinton#f")]:
        assert _entity_id(label, key) == stable_id("ent", label, key)
