"""The reconcile stage in one call: events, wire copies, attributions and claim groups.

It works on whole tables (every article of the build, new and carried over), because an event
or a claim group spans articles of many runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.entities.resolve import link_attributions
from transforms.reconcile.events import group_events
from transforms.reconcile.groups import PER_CLAIM_COLUMNS, group_claims
from transforms.reconcile.wire import mark_wire_copies


@dataclass(frozen=True)
class Reconciled:
    """The tables reconcile rewrites, each with exactly its warehouse columns."""

    articles: pl.DataFrame  # event_id set
    sentences: pl.DataFrame  # is_wire_copy and wire_group set
    claims: pl.DataFrame  # attributed_entity_id, group_id, subject_key, compare_* set
    events: pl.DataFrame
    claim_groups: pl.DataFrame


def _replace_columns(frame: pl.DataFrame, values: pl.DataFrame, key: str) -> pl.DataFrame:
    """`frame` with the columns of `values` (joined on `key`) replacing its own, in place."""
    order = frame.columns
    replaced = [c for c in values.columns if c != key]
    return (
        frame.drop(replaced).join(values, on=key, how="left", maintain_order="left").select(order)
    )


def reconcile(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    entities: pl.DataFrame,
    sentences: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    tolerance: float,
) -> Reconciled:
    """Reconcile every article: `articles`, `mentions`, `entities`, `sentences` and `claims`
    are the warehouse tables as stored (articles.outlet_key: the outlet each article counts
    as, set by the normalize stage). Row order of the tables is kept."""
    events, membership = group_events(articles, mentions, entities)
    articles = _replace_columns(articles, membership, "article_id")
    keyed = articles.select("article_id", "event_id", "outlet_key")
    sentences = _replace_columns(sentences, mark_wire_copies(sentences, keyed), "sentence_id")
    claims = link_attributions(claims, entities)
    groups, per_claim = group_claims(claims, keyed, sentences, tolerance=tolerance)
    claims = _replace_columns(claims, per_claim.select(PER_CLAIM_COLUMNS), "claim_id")
    return Reconciled(articles, sentences, claims, events, groups)
