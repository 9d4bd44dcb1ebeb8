"""tasks.parse_parts parses the parts a batch at a time (issue 14: at 10x BBC the headlines'
Docs were held all at once): cut into batches, it gives the rows of one pass, in order."""

from __future__ import annotations

import polars as pl
import pytest
from prefect.logging import disable_run_logger

from flows import tasks
from transforms.nlp.pipeline import DEFAULT_MODEL

# Titles and captions with figures and names, written for this test, not taken from a seed.
PARTS = pl.DataFrame(
    {
        "part_id": ["p1", "p2", "p3", "p4", "p5"],
        "article_id": ["a1", "a1", "a2", "a2", "a3"],
        "role": ["title", "caption", "title", "caption", "title"],
        "text": [
            "Floods force 3,000 from their homes",
            "Mayor Anna Kowalski visits the shelter in Gdansk",
            "Prices up 4% in March",
            "Trader John Smith on the floor of the exchange",
            "Two killed as storm hits coast",
        ],
        "is_repeat": [False] * 5,
    }
)


@pytest.fixture(autouse=True)
def _no_run_context():
    with disable_run_logger():  # the task's log lines need a flow run; called here by .fn
        yield


def test_parts_parsed_in_batches_give_the_rows_of_one_batch(monkeypatch):
    whole_mentions, whole_claims = tasks.parse_parts.fn(PARTS, DEFAULT_MODEL)
    monkeypatch.setattr(tasks, "PART_BATCH", 2)
    mentions, claims = tasks.parse_parts.fn(PARTS, DEFAULT_MODEL)
    assert whole_claims.height >= 3 and whole_mentions.height >= 2
    assert mentions.equals(whole_mentions) and claims.equals(whole_claims)
    assert set(claims["part_id"]) >= {"p1", "p3"}


def test_no_parts_give_empty_frames_with_their_columns():
    mentions, claims = tasks.parse_parts.fn(PARTS.head(0), DEFAULT_MODEL)
    assert mentions.height == claims.height == 0
    assert "part_id" in mentions.columns and "part_id" in claims.columns
