"""Wire-copy marking and event grouping on small frames."""

from __future__ import annotations

from datetime import date

import polars as pl

from transforms.reconcile.events import group_events
from transforms.reconcile.wire import mark_wire_copies
from transforms.text.folding import fold

AP_003 = (
    "Russian air defences downed 162 Ukrainian drones over eight Russian regions overnight, "
    "as well as over the Crimean peninsula, Russia’s Defence Ministry said."
)
AP_004 = (
    "Russian air defenses downed 162 Ukrainian drones over eight Russian regions overnight, "
    "as well as over the annexed Ukrainian peninsula of Crimea, Russia's Defense Ministry "
    "said Monday."
)
OWN = (
    "Despite the brief meeting and low expectations, both sides agreed on the largest "
    "prisoner exchange of the conflict so far."
)


def sentences(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "sentence_id": [r[0] for r in rows],
            "article_id": [r[1] for r in rows],
            "text_key": [fold(r[2]) for r in rows],
        }
    )


def sources(mapping: dict[str, str], event: str = "e1") -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": list(mapping),
            "event_id": [event] * len(mapping),
            "outlet_key": list(mapping.values()),
        }
    )


def test_seed_ap_sentences_are_wire_copies():
    marked = mark_wire_copies(
        sentences([("s1", "a3", AP_003), ("s2", "a4", AP_004), ("s3", "a0", OWN)]),
        sources({"a3": "unnamed:a3", "a4": "unnamed:a4", "a0": "Shafaq News"}),
    )
    flags = dict(marked.select("sentence_id", "is_wire_copy").rows())
    assert flags == {"s1": True, "s2": True, "s3": False}
    groups = dict(marked.select("sentence_id", "wire_group").rows())
    assert groups["s1"] == groups["s2"] is not None


def test_same_outlet_repeating_itself_is_not_wire_copy():
    marked = mark_wire_copies(
        sentences([("s1", "a1", AP_003), ("s2", "a2", AP_003)]),
        sources({"a1": "AP", "a2": "AP"}),
    )
    assert marked["is_wire_copy"].to_list() == [False, False]


def test_copies_in_different_events_are_not_linked():
    frame = sentences([("s1", "a1", AP_003), ("s2", "a2", AP_003)])
    src = pl.concat([sources({"a1": "X"}, "e1"), sources({"a2": "Y"}, "e2")])
    assert mark_wire_copies(frame, src)["is_wire_copy"].to_list() == [False, False]


def mentions(rows: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "entity_id": [r[1] for r in rows],
            "label": ["PERSON"] * len(rows),
        }
    )


def test_articles_sharing_rare_entities_form_one_event():
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet_key": ["X", "Y", "Z"],
            "published_date": [date(2025, 6, 2), None, date(2025, 6, 2)],
            "title": [""] * 3,
            "body": [""] * 3,
        }
    )
    shared = [(a, e) for a in "ab" for e in ("umerov", "medinsky", "fidan", "ukraine")]
    ment = mentions([*shared, ("c", "ukraine"), ("c", "claxton"), ("c", "madrid")])
    entities = pl.DataFrame(
        {
            "entity_id": ["umerov", "medinsky", "fidan", "ukraine", "claxton", "madrid"],
            "name": [
                "Rustem Umerov",
                "Vladimir Medinsky",
                "Hakan Fidan",
                "Ukraine",
                "Sarah Claxton",
                "Madrid",
            ],
        }
    )
    events, membership = group_events(articles, ment, entities)
    event_of = dict(membership.rows())
    assert event_of["a"] == event_of["b"] != event_of["c"]
    assert sorted(events["n_articles"]) == [1, 2]


def test_names_alone_do_not_link_across_a_date_gap():
    # Issue 11: prominent names linked the Weiner photos of 2011 with Trump's attack on Abedin
    # in 2018. Two texts sharing only names, 48 days apart, stay two events.
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet_key": ["X", "Y"],
            "published_date": [date(2025, 6, 2), date(2025, 7, 20)],
            "title": [""] * 2,
            "body": [""] * 2,
        }
    )
    ment = mentions([(a, e) for a in "ab" for e in ("umerov", "medinsky")])
    entities = pl.DataFrame({"entity_id": ["umerov", "medinsky"], "name": ["U", "M"]})
    _, membership = group_events(articles, ment, entities)
    assert membership["event_id"].n_unique() == 2
