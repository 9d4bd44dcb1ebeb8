"""read_bodies: one parsed batch into rows; a rule that raises names the file it failed on."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import transforms.bodies
from transforms.bodies import ArticleFailed, read_bodies
from transforms.nlp.pipeline import parse

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def batch() -> tuple[pl.DataFrame, list]:
    paths = sorted(SEEDS.glob("*.txt"))[:2]
    bodies = [p.read_text(encoding="utf-8") for p in paths]
    articles = pl.DataFrame(
        {"article_id": ["a0", "a1"], "body": bodies, "path": [p.name for p in paths]}
    )
    return articles, list(parse(bodies))


def test_a_batch_gives_rows_linked_to_sentences(batch):
    articles, docs = batch
    rows = read_bodies(articles, docs)
    assert set(rows.sentences["article_id"]) == {"a0", "a1"}
    assert rows.claims["sentence_id"].null_count() == 0
    assert rows.mentions.height > 0


def test_a_rule_that_raises_names_the_file(batch, monkeypatch):
    articles, docs = batch
    real = transforms.bodies.extract_claims

    def fails_on_second(ids, docs_):
        if "a1" in ids:
            raise ValueError("unexpected token")
        return real(ids, docs_)

    monkeypatch.setattr(transforms.bodies, "extract_claims", fails_on_second)
    second = articles["path"][1]
    with pytest.raises(ArticleFailed, match=rf"^{second}: ValueError: unexpected token$"):
        read_bodies(articles, docs)
