"""US states in party tags become places, on prose the rule was not written from."""

from __future__ import annotations

import polars as pl

from transforms.entities.canonicalize import canonicalize_entities
from transforms.entities.mentions import extract_mentions
from transforms.entities.party_tags import party_tag_states, state_key
from transforms.nlp.pipeline import parse

TEXT = (
    "Sen. Dianne Feinstein (D-Calif.) and Rep. Peter King, R-N.Y., disagreed on Tuesday. "
    "Sen. Joe Manchin (D-W.Va.) sided with Sen. Bernie Sanders (I-VT). "
    "Wildfires spread across California, officials said. The D-Day landings were recalled."
)


def test_party_tag_states_are_found_with_exact_offsets() -> None:
    found = [TEXT[a:b] for a, b, _ in party_tag_states(TEXT)]
    assert found == ["Calif.", "N.Y.", "W.Va.", "VT"]
    assert state_key("Calif.") == "california" and state_key("Cal.") is None
    assert state_key("LA") is None  # Los Angeles as often as Louisiana


def test_party_tag_states_are_places_of_one_entity_with_the_state() -> None:
    mentions = extract_mentions(["a"], list(parse([TEXT])))
    places = mentions.filter(pl.col("label") == "GPE")
    for printed in ("Calif.", "N.Y.", "W.Va.", "VT"):
        row = places.filter(pl.col("text") == printed)
        assert row.height == 1, printed
        start = row["start_char"].item()
        assert TEXT[start : row["end_char"].item()] == printed
    entities, out = canonicalize_entities(mentions)
    calif = out.filter(pl.col("text") == "Calif.")["entity_id"].item()
    california = out.filter(pl.col("text") == "California")["entity_id"]
    assert california.to_list() == [calif]
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    assert names[calif] == "California"
