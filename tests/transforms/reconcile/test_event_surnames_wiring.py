"""The reconcile stage resolves a bare surname within its event and hands back the rewritten
entity tables, with the events described from them (transforms/reconcile/reconciliation.py)."""

from __future__ import annotations

from datetime import date

import polars as pl

from tests.transforms.entities.helpers import frame
from transforms.contract.schema import columns, empty
from transforms.entities.canonicalize import canonicalize_mentions
from transforms.reconcile.reconciliation import reconcile

BODY = (
    "Flood defences along the Severn were raised overnight after heavy rain, and engineer "
    "Serena Okafor said the barrier at Upton would hold through the weekend. "
)


def _stored(rows: pl.DataFrame, table: str) -> pl.DataFrame:
    return rows.with_columns(
        [pl.lit(None, t).alias(c) for c, t in columns(table).items() if c not in rows.columns]
    ).select(list(columns(table)))


def test_surname_moves_to_the_full_name_of_its_event_in_reconcile() -> None:
    articles = _stored(
        pl.DataFrame(
            {
                "article_id": ["a1", "a2"],
                "title": ["Severn barrier holds", "Severn barrier holds, engineer says"],
                "body": [BODY, BODY.replace("engineer Serena Okafor", "engineer Okafor")],
                "outlet_key": ["x", "y"],
                "published_date": [date(2026, 3, 1), date(2026, 3, 1)],
                # A stale event id from an earlier run must not shadow this run's events.
                "event_id": ["evt_old", "evt_old"],
            }
        ),
        "articles",
    )
    mentions = frame([("a1", "Serena Okafor", "PERSON"), ("a2", "Okafor", "PERSON")])
    stored = mentions.with_columns(
        [pl.lit(None, pl.String).alias(c) for c in ("mention_id", "entity_id", "sentence_id")]
    )
    entities, canonical = canonicalize_mentions(stored, None)
    assert entities.height == 2  # the entity stage alone leaves "Okafor" apart
    result = reconcile(
        articles,
        canonical,
        entities,
        empty("sentences"),
        empty("numeric_claims"),
        tolerance=0.01,
    )
    assert result.articles["event_id"].n_unique() == 1
    assert result.entities["name"].to_list() == ["Serena Okafor"]
    assert result.mentions["entity_id"].n_unique() == 1
    assert result.events["event_id"].null_count() == 0
    assert result.events.row(0, named=True)["label"] == "Serena Okafor"
