"""The local parse pool (issue 14): worker processes that parse and read their own batches give
the rows one process gives, in article order, and a failure in a worker names its file."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from flows.parse_pool import parse_in_processes
from transforms.bodies import ArticleFailed, BodyRows, parse_rows
from transforms.nlp.pipeline import DEFAULT_MODEL

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_articles() -> pl.DataFrame:
    paths = sorted(SEEDS.glob("*.txt"))
    return pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(paths))],
            "body": [p.read_text(encoding="utf-8") for p in paths],
            "path": [p.name for p in paths],
        }
    )


def test_two_workers_give_the_rows_of_one_process_in_order(seed_articles):
    here = parse_rows(seed_articles, DEFAULT_MODEL)
    batches: list[BodyRows] = []
    progress: list[int] = []

    def on_batch(rows: BodyRows, done: int) -> None:
        batches.append(rows)
        progress.append(done)

    parse_in_processes(seed_articles, DEFAULT_MODEL, workers=2, batch_size=2, on_batch=on_batch)
    assert progress == [2, 4, 5]  # three batches, handed on in article order
    for name in ("sentences", "mentions", "claims"):
        expected = getattr(here, name)
        got = pl.concat([getattr(rows, name) for rows in batches])
        assert got.height == expected.height > 0, name
        assert got.equals(expected), name


def test_a_text_that_fails_in_a_worker_names_its_file(seed_articles):
    # spaCy refuses a null text (E1041): the worker re-parses its batch text by text and the
    # error that reaches the flow names the file, not just "a process failed".
    broken = seed_articles.with_columns(
        pl.when(pl.col("article_id") == "a3").then(None).otherwise(pl.col("body")).alias("body")
    )
    with pytest.raises(ArticleFailed, match=r"^" + seed_articles["path"][3] + ": spaCy parse"):
        parse_in_processes(
            broken, DEFAULT_MODEL, workers=2, batch_size=2, on_batch=lambda rows, done: None
        )
