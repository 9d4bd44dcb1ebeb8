"""Fixtures of the claims tests: the five seed articles parsed once, and their claims."""

from __future__ import annotations

import polars as pl
import pytest
from spacy.tokens import Doc

from tests.transforms.claims.support import SEEDS
from transforms.claims.extract import extract_claims
from transforms.nlp.pipeline import parse


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Doc]:
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return {p.name[:3]: doc for p, doc in zip(paths, parse(texts), strict=True)}


@pytest.fixture(scope="module")
def claims(seed_docs: dict[str, Doc]) -> pl.DataFrame:
    return extract_claims(list(seed_docs), list(seed_docs.values()))
