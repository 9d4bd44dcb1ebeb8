"""The reconcile stage: events, wire copies, attributions and claim groups.

It works on whole tables (every article of the build, new and carried over), because an event
or a claim group spans articles of many runs. It runs in two phases, so that a caller holds
the articles' bodies (events) and the sentences' texts (wire copies, claim groups) one after
the other rather than at once (issue 14: memory at 10x): `reconcile_events`, then
`reconcile_claims`; `reconcile` is the two in one call.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.entities.event_surnames import resolve_event_surnames
from transforms.entities.resolve import link_attributions
from transforms.reconcile.events import describe_events, group_events
from transforms.reconcile.groups import PER_CLAIM_COLUMNS, group_claims
from transforms.reconcile.identity import carry_ids
from transforms.reconcile.wire import mark_wire_copies


@dataclass(frozen=True)
class PublishedIds:
    """The last published run's clusters: events (article_id, id) and groups (claim_id, id)."""

    events: pl.DataFrame
    groups: pl.DataFrame

    @classmethod
    def none(cls) -> PublishedIds:
        """No published run yet: every cluster is new."""
        return cls(
            pl.DataFrame(schema={"article_id": pl.String, "id": pl.String}),
            pl.DataFrame(schema={"claim_id": pl.String, "id": pl.String}),
        )


# The columns reconcile sets in the tables it is given (key first); every other column of
# articles, sentences and numeric_claims comes back as it went in, so a caller may write back
# only these, and may pass articles with only ARTICLE_COLUMNS.
SET_COLUMNS = {
    "articles": ("article_id", "event_id"),
    "sentences": ("sentence_id", "is_wire_copy", "wire_group"),
    "numeric_claims": ("claim_id", "attributed_entity_id", *PER_CLAIM_COLUMNS[1:]),
}
ARTICLE_COLUMNS = ("article_id", "event_id", "outlet_key", "published_date", "title", "body")


def _set_columns(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return {table: frame.select(SET_COLUMNS[table]) for table, frame in frames.items()}


@dataclass(frozen=True)
class ReconciledEvents:
    """The first phase: events, and the entities as resolved within them."""

    articles: pl.DataFrame  # article_id, event_id, outlet_key: one row per article, in order
    entities: pl.DataFrame  # bare surnames resolved within their event
    mentions: pl.DataFrame  # entity_id of those surnames moved to their full name
    events: pl.DataFrame
    lineage: pl.DataFrame  # the events' id_lineage rows (kind "event", without run_id)

    def set_columns(self) -> dict[str, pl.DataFrame]:
        """Per table, the key and the columns this phase set (SET_COLUMNS), key first."""
        return _set_columns({"articles": self.articles})


@dataclass(frozen=True)
class ReconciledClaims:
    """The second phase: wire copies, attributions, claim groups."""

    sentences: pl.DataFrame  # is_wire_copy and wire_group set
    claims: pl.DataFrame  # attributed_entity_id, group_id, subject_key, compare_* set
    claim_groups: pl.DataFrame
    lineage: pl.DataFrame  # the groups' id_lineage rows (kind "claim_group", without run_id)

    def set_columns(self) -> dict[str, pl.DataFrame]:
        """Per table, the key and the columns this phase set (SET_COLUMNS), key first."""
        return _set_columns({"sentences": self.sentences, "numeric_claims": self.claims})


@dataclass(frozen=True)
class Reconciled:
    """The tables reconcile rewrites, each with exactly the columns it was given."""

    articles: pl.DataFrame  # event_id set
    entities: pl.DataFrame
    mentions: pl.DataFrame
    sentences: pl.DataFrame  # is_wire_copy and wire_group set
    claims: pl.DataFrame  # attributed_entity_id, group_id, subject_key, compare_* set
    events: pl.DataFrame
    claim_groups: pl.DataFrame
    lineage: pl.DataFrame  # kind, id, previous_id, n_shared, change (id_lineage without run_id)


def _replace_columns(frame: pl.DataFrame, values: pl.DataFrame, key: str) -> pl.DataFrame:
    """`frame` with the columns of `values` (joined on `key`) replacing its own, in place."""
    order = frame.columns
    replaced = [c for c in values.columns if c != key]
    return (
        frame.drop(replaced).join(values, on=key, how="left", maintain_order="left").select(order)
    )


def _lineage(kind: str, lineage: pl.DataFrame) -> pl.DataFrame:
    return lineage.select(pl.lit(kind).alias("kind"), pl.all())


def reconcile_events(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    entities: pl.DataFrame,
    *,
    previous: PublishedIds | None = None,
    split: set[frozenset[str]] | None = None,
) -> ReconciledEvents:
    """Group the articles into events (`articles` needs ARTICLE_COLUMNS; outlet_key: the
    outlet each article counts as), then resolve bare surnames within them; `previous` holds
    the last published run's event membership, whose ids carry over; `split` the entity
    pins' split pairs (`Pins.split`)."""
    previous = previous or PublishedIds.none()
    events, membership = group_events(articles, mentions, entities)
    # Surnames resolved within their event: this needs the events, which need the entities
    # (transforms/entities/event_surnames.py). The events keep their members; their labels
    # are recounted when a mention moved.
    resolved, mentions = resolve_event_surnames(entities, mentions, membership, split)
    if resolved is not entities:
        entities = resolved
        # Without the stored articles.event_id (a stale one would shadow membership's).
        stated = articles.select("article_id", "outlet_key", "published_date")
        events = describe_events(stated, membership, mentions, entities)
    event_ids = carry_ids(
        membership.rename({"event_id": "id"}), previous.events, member="article_id"
    )
    membership = event_ids.apply(membership, "event_id")
    keyed = _replace_columns(
        articles.select("article_id", "event_id", "outlet_key"), membership, "article_id"
    )
    events = event_ids.apply(events, "event_id").sort("event_id")
    return ReconciledEvents(keyed, entities, mentions, events, _lineage("event", event_ids.lineage))


def reconcile_claims(
    articles: pl.DataFrame,
    entities: pl.DataFrame,
    sentences: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    tolerance: float,
    parts: pl.DataFrame | None = None,
    previous: PublishedIds | None = None,
) -> ReconciledClaims:
    """Wire copies, attributions and claim groups within the events: `articles` and
    `entities` as the first phase gave them (ReconciledEvents); `parts` (article_parts rows)
    gives a headline or caption claim its part's text as context, and the groups of
    `previous` carry their ids over. Row order of the tables is kept."""
    previous = previous or PublishedIds.none()
    sentences = _replace_columns(sentences, mark_wire_copies(sentences, articles), "sentence_id")
    claims = link_attributions(claims, entities)
    groups, per_claim = group_claims(claims, articles, sentences, tolerance=tolerance, parts=parts)
    group_ids = carry_ids(
        per_claim.select("claim_id", id="group_id").drop_nulls(), previous.groups, member="claim_id"
    )
    groups = group_ids.apply(groups, "group_id").sort("group_id")
    per_claim = group_ids.apply(per_claim, "group_id")
    claims = _replace_columns(claims, per_claim.select(PER_CLAIM_COLUMNS), "claim_id")
    return ReconciledClaims(sentences, claims, groups, _lineage("claim_group", group_ids.lineage))


def reconcile(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    entities: pl.DataFrame,
    sentences: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    tolerance: float,
    parts: pl.DataFrame | None = None,
    previous: PublishedIds | None = None,
    split: set[frozenset[str]] | None = None,
) -> Reconciled:
    """Both phases in one call, on the warehouse tables as stored: the tables come back with
    their own columns (articles with event_id set). Row order of the tables is kept."""
    events = reconcile_events(articles, mentions, entities, previous=previous, split=split)
    found = reconcile_claims(
        events.articles,
        events.entities,
        sentences,
        claims,
        tolerance=tolerance,
        parts=parts,
        previous=previous,
    )
    return Reconciled(
        _replace_columns(articles, events.articles, "article_id"),
        events.entities,
        events.mentions,
        found.sentences,
        found.claims,
        events.events,
        found.claim_groups,
        pl.concat([events.lineage, found.lineage]),
    )
