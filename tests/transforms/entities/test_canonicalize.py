"""Canonical entities on the five seed articles: one entity per real person/place, variants
as aliases; and `canonicalize_mentions` on the entity_mentions table as stored."""

from __future__ import annotations

import random
import re

import polars as pl

from tests.transforms.entities.helpers import entity, frame
from transforms.contract.schema import columns
from transforms.entities.canonicalize import canonicalize_entities, canonicalize_mentions
from transforms.entities.mentions import extract_mentions
from transforms.entities.names import is_title_only
from transforms.entities.resolve import resolve_names
from transforms.text.ids import stable_id


def test_entities_schema(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    entities, out = canon
    assert entities.schema == pl.Schema(columns("entities"))
    assert out.schema == pl.Schema(columns("entity_mentions", without=("sentence_id",)))
    assert entities["entity_id"].is_unique().all()
    assert out["mention_id"].is_unique().all()
    assert set(out["entity_id"]) == set(entities["entity_id"])
    counts = out.group_by("entity_id").len()
    joined = entities.join(counts, on="entity_id")
    assert (joined["mention_count"] == joined["len"]).all()
    assert not entities.filter(pl.col("name").map_elements(is_title_only, pl.Boolean)).height
    for bad in ["Defense", "Defence", "President", "Minister", "State", "Mr Zelensky"]:
        assert bad not in set(entities["name"]), bad


def test_zelensky_is_one_person(
    seeds: tuple[list[str], list[str]], canon: tuple[pl.DataFrame, pl.DataFrame]
) -> None:
    entities, out = canon
    z = entity(entities, "Zelensky")
    assert z["label"] == "PERSON"
    assert z["name"] == "Volodymyr Zelenskyy"  # 3 articles spell it so, 2 "Zelensky"
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelensky", "Zelenskyy"} <= set(
        z["aliases"]
    )
    assert z["article_count"] == 5
    assert z["entity_id"] == stable_id("ent", "PERSON", "volodymyr zelenskyy")
    # Every occurrence of the surname in the seeds is a mention of that one entity, whatever
    # spaCy labelled it (seed 000 has "Zelenskyy" as GPE and ORG).
    occurrences = sum(len(re.findall(r"Zelensky", t)) for t in seeds[1])
    assert occurrences == 17
    assert (
        out.filter(pl.col("entity_id") == z["entity_id"]).height
        == occurrences
        == z["mention_count"]
    )


def test_people_kept_apart(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    entities, _ = canon
    assert (
        entity(entities, "Vladimir Putin")["entity_id"]
        != entity(entities, "Vladimir Medinsky")["entity_id"]
    )
    assert entities.filter(pl.col("name") == "Vladimir").height == 0


def test_other_seed_people(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    entities, _ = canon
    erdogan = entity(entities, "Recep Tayyip Erdogan")
    assert (erdogan["label"], erdogan["mention_count"], erdogan["article_count"]) == (
        "PERSON", 2, 2
    )  # fmt: skip
    yermak = entity(entities, "Andriy Yermak")
    assert (yermak["label"], yermak["article_count"]) == ("PERSON", 3)
    lvova = entity(entities, "Maria Lvova-Belova")
    assert lvova["article_count"] == 2


def test_ciragan_is_one_place(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    entities, _ = canon
    palace = entity(entities, "Çırağan Palace")
    assert palace["aliases"] == ["Ciragan Palace", "Çırağan Palace"]
    assert palace["name"] == "Ciragan Palace"  # 5 of 6 mentions spell it so
    assert palace["label"] == "FAC"
    assert (palace["mention_count"], palace["article_count"]) == (6, 5)


def test_deterministic_regardless_of_order(mentions: pl.DataFrame, pins: pl.DataFrame) -> None:
    e1, m1 = canonicalize_entities(mentions, pins)
    idx = list(range(mentions.height))
    random.Random(7).shuffle(idx)
    e2, m2 = canonicalize_entities(mentions[idx], pins)
    assert e1.sort("entity_id").equals(e2.sort("entity_id"))
    assert m1.sort("mention_id").equals(m2.sort("mention_id"))


def test_name_and_label_choice() -> None:
    entities, _ = canonicalize_entities(
        frame(
            [
                ("a", "Nevertheless Franz Ferdinand", "PERSON"),  # padded by spaCy
                ("b", "Franz Ferdinand", "PERSON"),
                ("c", "Franz Ferdinand", "PERSON"),
                ("d", "Craig Bellamy", "PERSON"),
                ("d", "Bellamy", "ORG"),  # spaCy: ORG; resolved as his surname: PERSON vote
                ("d", "Bellamy", "PERSON"),
                ("d", "Bellamy", "ORG"),
            ]
        )
    )
    rows = {r["name"]: r for r in entities.iter_rows(named=True)}
    assert set(rows) == {"Franz Ferdinand", "Craig Bellamy"}
    assert rows["Craig Bellamy"]["label"] == "PERSON"
    assert rows["Craig Bellamy"]["mention_count"] == 4


def test_empty_input() -> None:
    mentions = extract_mentions([], [])
    entities, out = canonicalize_entities(mentions, None)
    assert entities.height == 0 and entities.schema == pl.Schema(columns("entities"))
    assert out.height == 0
    assert out.columns == list(columns("entity_mentions", without=("sentence_id",)))
    assert resolve_names(["Kyiv", None], entities) == [None, None]


# ------------------------------------------------------------------ canonicalize_mentions


def stored(mentions: pl.DataFrame) -> pl.DataFrame:
    """The seed mentions as the entity_mentions table holds them: a sentence_id each, and
    stale mention_id / entity_id from an earlier run."""
    return mentions.with_columns(
        pl.lit("stale-men").alias("mention_id"),
        pl.lit("stale-ent").alias("entity_id"),
        pl.format("{}:{}", "article_id", pl.col("start_char") // 400).alias("sentence_id"),
    ).select(list(columns("entity_mentions")))


def test_canonicalize_mentions_keeps_sentences(
    mentions: pl.DataFrame, pins: pl.DataFrame, canon: tuple[pl.DataFrame, pl.DataFrame]
) -> None:
    table = stored(mentions)
    entities, out = canonicalize_mentions(table, pins)
    assert entities.columns == list(columns("entities"))
    assert out.schema == pl.Schema(columns("entity_mentions"))
    # Ids recomputed, exactly those of canonicalize_entities on the bare mentions.
    assert entities.equals(canon[0])
    assert out.drop("sentence_id").equals(canon[1])
    assert "stale-men" not in set(out["mention_id"]) and "stale-ent" not in set(out["entity_id"])
    # Every mention keeps its sentence.
    before = table.select("article_id", "start_char", "sentence_id").sort(pl.all())
    after = out.select("article_id", "start_char", "sentence_id").sort(pl.all())
    assert before.equals(after)


def test_canonicalize_mentions_drops_pinned_and_empty(mentions: pl.DataFrame) -> None:
    fierce = pl.DataFrame(
        {"article_id": ["x"], "text": ["Fierce"], "label": ["ORG"], "title": [None],
         "start_char": [0], "end_char": [6], "part_role": ["body"], "part_id": [None]}
    )  # fmt: skip
    table = stored(pl.concat([mentions, fierce.cast(mentions.schema)]))
    pins = pl.DataFrame(
        {"action": ["drop"], "alias": ["Fierce"], "label": [None], "canonical": [None]},
        schema=dict.fromkeys(["action", "alias", "label", "canonical"], pl.String),
    )
    _, out = canonicalize_mentions(table, pins)
    assert "Fierce" not in set(out["text"]) and out.height == mentions.height
    entities, out = canonicalize_mentions(table.head(0), None)
    assert entities.height == 0 and out.height == 0
    assert out.columns == list(columns("entity_mentions"))
