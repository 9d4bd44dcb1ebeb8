"""The work of the stages that read the whole build, as plain functions (no Prefect), so the
flow can run each in a child process (flows/isolation.py). Each opens the build itself, makes
its calls into transforms/ (pure) and warehouse/ (SQL), writes its tables and returns its
counts for the task to log; the tasks in flows/tasks.py wrap them."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms.contract import faults
from transforms.entities import pins
from transforms.nlp import spans
from transforms.reconcile import reconciliation
from warehouse import audit, quarantine, store

Counts = dict[str, int]


def withhold_faulty_articles(build: Path, run_id: str) -> tuple[pl.DataFrame, Counts]:
    """Quarantine every article whose rows break a row-level invariant; this run's raw_files
    rows (the withheld files with the failed checks as reason) and the count withheld."""
    with store.connect(build) as con:
        names = ("numeric_claims", "article_parts", "articles")
        tables = {t: store.read_table(con, t, faults.columns_read(t)) for t in names}
        density = faults.density_faults(tables.pop("articles"), tables["numeric_claims"])
        broken = pl.concat([audit.row_faults(con), faults.vocabulary_faults(tables), density])
        raw_files = quarantine.withhold_articles(con, broken, run_id)
    return raw_files, {"withheld": broken["article_id"].n_unique()}


def canonicalize_entities(build: Path, pinned: pl.DataFrame | None) -> Counts:
    """Canonical entities across every article in the build, after refind."""
    # Here, not at the top: refind and canonicalize import spaCy (about 4 s), which the
    # flow's process does not otherwise need when nothing is new.
    from transforms.entities import canonicalize, refind

    with store.connect(build) as con:
        mentions = store.read_table(con, "entity_mentions")
        bodies = con.sql("SELECT article_id, body FROM articles").pl()
        found = refind.refound_mentions(bodies, mentions)
        bounds = store.read_table(con, "sentences", list(spans.SENTENCE_BOUNDS))  # no texts
        found = spans.assign_sentences(found, bounds).with_columns(
            mention_id=pl.lit(None, pl.String), entity_id=pl.lit(None, pl.String)
        )
        entity_rows, mention_rows = canonicalize.canonicalize_mentions(
            pl.concat([mentions, found.select(mentions.columns)]), pinned, bodies
        )
        return {
            "refound": found.height,
            "entities": store.replace_table(con, "entities", entity_rows),
            "mentions": store.replace_table(con, "entity_mentions", mention_rows),
        }


def reconcile_build(
    build: Path, tolerance: float, published: Path, run_id: str, pinned: pl.DataFrame | None
) -> Counts:
    """Events, wire copies, attributions and claim groups over every article in the build."""
    with store.connect(build) as con:
        previous = reconciliation.PublishedIds(*store.published_ids(published))
        # Two phases: bodies (events) and sentence texts (claims) are never held at once.
        mentions = store.read_table(con, "entity_mentions")
        articles = store.read_table(con, "articles", list(reconciliation.ARTICLE_COLUMNS))
        split = pins.Pins.from_frame(pinned).split
        events = reconciliation.reconcile_events(
            articles, mentions, store.read_table(con, "entities"), previous=previous, split=split
        )
        if events.mentions is not mentions:  # surnames resolved within their event
            store.replace_table(con, "entities", events.entities)
            store.replace_table(con, "entity_mentions", events.mentions)
        store.update_tables(con, events.set_columns())  # only the columns reconcile sets
        counts = {"events": store.replace_table(con, "events", events.events)}
        keyed, entities, event_lineage = events.articles, events.entities, events.lineage
        del mentions, articles, events
        sentences, claims = (store.read_table(con, t) for t in ("sentences", "numeric_claims"))
        parts = store.claim_parts(con)
        found = reconciliation.reconcile_claims(
            keyed, entities, sentences, claims, tolerance=tolerance, parts=parts, previous=previous
        )
        store.update_tables(con, found.set_columns())
        counts.update(
            wire_copies=int(found.sentences["is_wire_copy"].sum()),
            groups=store.replace_table(con, "claim_groups", found.claim_groups),
            id_changes=store.record_lineage(con, run_id, pl.concat([event_lineage, found.lineage])),
        )
        return counts


def validate_build(build: Path, run_id: str, data_docs_dir: Path) -> tuple[pl.DataFrame, Counts]:
    """Every expectation suite on the build: its results (for check_results) and counts."""
    with store.connect(build, read_only=True) as con:
        # Imported here: Great Expectations takes about 6 s to import (measured here), and an
        # unchanged run never validates. Each suite reads its frame when it runs, and only the
        # columns it checks: all the tables at once, and their pandas copies, were its peak.
        from expectations.runner import run_checks

        results = run_checks(audit.frame_reader(con), run_id=run_id, data_docs_dir=data_docs_dir)
    counts = {"passed": int(results["success"].sum()), "failed": int((~results["success"]).sum())}
    return results, counts
