"""The pin file: parsing and checking, and what merge, split and drop do to the entities."""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.entities.helpers import PIN_FILE, entity, frame, names_of
from transforms.contract.vocabularies import PIN_ACTIONS
from transforms.entities.canonicalize import canonicalize_entities
from transforms.entities.names import name_key
from transforms.entities.pins import PIN_COLUMNS, Pins, read_pinned_aliases


def test_pins_merge_split_drop() -> None:
    pins = read_pinned_aliases(
        "# comment\naction,alias,label,canonical\n"
        "merge,Bojo,PERSON,Boris Johnson\n"
        "split,Clarke,PERSON,Charles Clarke\n"
        "drop,Fierce,,\n"
    )
    assert pins.columns == ["action", "alias", "label", "canonical"]
    assert pins.height == 3
    rows = frame(
        [
            ("a", "Boris Johnson", "PERSON"),
            ("b", "Bojo", "ORG"),
            ("c", "Charles Clarke", "PERSON"),
            ("c", "Clarke", "PERSON"),
            ("d", "Fierce", "ORG"),
        ]
    )
    entities, out = canonicalize_entities(rows, pins)
    got = names_of(entities)
    assert got["Boris Johnson"] == ["Bojo", "Boris Johnson"]
    assert got["Clarke"] == ["Clarke"] and got["Charles Clarke"] == ["Charles Clarke"]
    assert "Fierce" not in set(out["text"])
    # Without the pins the surname rule merges Clarke.
    assert names_of(canonicalize_entities(rows)[0])["Charles Clarke"] == [
        "Charles Clarke", "Clarke"
    ]  # fmt: skip


def test_pin_file_errors_name_the_row() -> None:
    with pytest.raises(ValueError, match="line 3: unknown action 'merg'"):
        read_pinned_aliases("# pins\naction,alias,label,canonical\nmerg,A,PERSON,B\n")
    with pytest.raises(ValueError, match="line 2: unknown label 'PERS'"):
        read_pinned_aliases("action,alias,label,canonical\nmerge,A,PERS,B\n")
    with pytest.raises(ValueError, match="line 3: 'a' is already merged"):
        read_pinned_aliases("action,alias,label,canonical\nmerge,A,,B\nmerge,a,,C\n")
    with pytest.raises(ValueError, match="header"):
        read_pinned_aliases("alias,canonical\nA,B\n")
    assert read_pinned_aliases("").height == 0


def test_pin_needs_alias_and_canonical() -> None:
    with pytest.raises(ValueError, match="line 2: merge needs alias and canonical"):
        read_pinned_aliases("action,alias,label,canonical\nmerge,Kyiv,GPE,\n")
    # A drop needs no canonical; missing trailing fields are empty.
    pins = read_pinned_aliases("action,alias,label,canonical\nDROP,Fierce\n")
    assert pins.row(0) == ("drop", "Fierce", None, None)


def test_repo_pin_file_loads() -> None:
    pins = read_pinned_aliases(PIN_FILE.read_text("utf-8"))
    assert set(pins["action"]) <= {"merge", "split", "drop"}
    assert "Kyiv" in set(pins["alias"])
    assert set(pins["action"]) <= set(PIN_ACTIONS)
    assert tuple(pins.columns) == PIN_COLUMNS
    lines = [ln for ln in PIN_FILE.read_text("utf-8").splitlines() if not ln.startswith("#")]
    assert lines[0] == ",".join(PIN_COLUMNS)


def test_pins_by_key(pins: pl.DataFrame) -> None:
    got = Pins.from_frame(pins)
    kyiv = name_key("Kyiv")
    assert got.merge[kyiv] == (kyiv, "GPE", "Kyiv")
    assert Pins.from_frame(None) == Pins()
    assert all(len(pair) == 2 for pair in got.split)


def test_pins_fix_labels(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    entities, _ = canon
    kyiv = entity(entities, "Kyiv")
    # spaCy: 8x PERSON, 2x ORG, 1x GPE; the pin file says GPE.
    assert (kyiv["label"], kyiv["mention_count"], kyiv["article_count"]) == ("GPE", 11, 5)
    assert entity(entities, "U.S.")["aliases"] == ["U.S.", "US"]
