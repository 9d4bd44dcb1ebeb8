"""Fixtures shared by the entities tests: the five seed articles parsed once per session."""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.entities.helpers import PIN_FILE, SEEDS
from transforms.entities.canonicalize import canonicalize_entities
from transforms.entities.mentions import extract_mentions
from transforms.entities.pins import read_pinned_aliases
from transforms.nlp.pipeline import parse


@pytest.fixture(scope="session")
def seeds() -> tuple[list[str], list[str]]:
    return [p.stem for p in SEEDS], [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture(scope="session")
def mentions(seeds: tuple[list[str], list[str]]) -> pl.DataFrame:
    ids, texts = seeds
    return extract_mentions(ids, list(parse(texts)))


@pytest.fixture(scope="session")
def pins() -> pl.DataFrame:
    return read_pinned_aliases(PIN_FILE.read_text("utf-8"))


@pytest.fixture(scope="session")
def canon(mentions: pl.DataFrame, pins: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    return canonicalize_entities(mentions, pins)
