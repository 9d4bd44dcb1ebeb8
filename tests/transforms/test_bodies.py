"""read_bodies: one parsed batch into rows; a rule that raises names the file it failed on."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from spacy.language import Language

import transforms.bodies
from transforms.bodies import ArticleFailed, locate_parse_failure, read_bodies
from transforms.nlp.pipeline import DEFAULT_MODEL, load_pipeline, parse

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


@Language.component("fails_on_marker")
def _fails_on_marker(doc):
    # Stands for any spaCy-internal failure on one text (a component raising inside nlp.pipe).
    if "XYZZY" in doc.text:
        raise RuntimeError("[E999] component failed")
    return doc


@pytest.fixture
def failing_pipeline():
    nlp = load_pipeline()
    nlp.add_pipe("fails_on_marker", last=True)
    yield nlp
    nlp.remove_pipe("fails_on_marker")


def test_a_spacy_failure_inside_the_batched_parse_names_the_file(failing_pipeline):
    articles = pl.DataFrame(
        {
            "article_id": ["a0", "a1", "a2"],
            "body": ["A quiet day in Leeds.", "The XYZZY file breaks.", "Rain in York."],
            "path": ["ok.txt", "breaks.txt", "after.txt"],
        }
    )
    with pytest.raises(RuntimeError, match="E999") as raised:
        list(parse(articles["body"].to_list()))
    failure = locate_parse_failure(articles, DEFAULT_MODEL, raised.value)
    assert isinstance(failure, ArticleFailed)
    assert str(failure) == "breaks.txt: spaCy parse: RuntimeError: [E999] component failed"


def test_a_batch_failure_no_file_repeats_names_the_batch(batch):
    articles, _ = batch
    failure = locate_parse_failure(articles, DEFAULT_MODEL, MemoryError("out of memory"))
    first, last = articles["path"][0], articles["path"][1]
    assert str(failure) == (
        f"spaCy parse failed in the batch from {first} to {last} (no file fails alone): "
        "MemoryError: out of memory"
    )
