"""Prefect tasks: thin wrappers, one per stage, over transforms/ (pure) and warehouse/ (SQL).

Caching is off (NO_CACHE): stage inputs are large frames and spaCy docs, whose hashing costs
more than the work it would save; incrementality comes from content hashes in ingest instead.
Each task logs its counts and duration.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from expectations.runner import run_checks
from flows import sources
from flows.settings import Settings
from transforms.claims import extract as claim_transforms
from transforms.entities import canonicalize as entity_transforms
from transforms.ingest.files import (
    articles_to_drop,
    classify_files,
    paths_changed,
    quarantine_articles_without_prose,
)
from transforms.nlp.pipeline import parse
from transforms.nlp.sentences import split_sentences
from transforms.nlp.spans import assign_sentences
from transforms.normalize.articles import normalize_articles
from transforms.reconcile.events import group_events, outlet_key
from transforms.reconcile.groups import group_claims
from transforms.reconcile.wire import mark_wire_copies
from warehouse import audit, publish, runlog, store

stage = task(cache_policy=NO_CACHE)


class Intake(NamedTuple):
    """What ingest found and decided."""

    raw_files: pl.DataFrame  # one row per file seen, with its status
    new_files: pl.DataFrame  # decoded files to parse: file_id, path, text
    drop: list[str]  # published article ids to delete
    rebuild: bool  # the fingerprint changed: every file is parsed again
    moved: bool  # an unchanged file is found under a new path

    @property
    def nothing_to_do(self) -> bool:
        return self.new_files.height == 0 and not self.drop and not self.moved


@contextmanager
def _timed(what: str):
    logger = get_run_logger()
    started = time.perf_counter()
    counts: dict[str, int] = {}
    yield counts
    shown = ", ".join(f"{k}={v}" for k, v in counts.items())
    logger.info("%s: %s in %.2f s", what, shown, time.perf_counter() - started)


@stage
def ingest(settings: Settings, run_id: str, fingerprint: str) -> Intake:
    """Find and read the raw files and decide what this run must parse, drop or move.

    Files whose content the published warehouse holds are skipped, unless the pipeline's
    fingerprint changed since that publish: then everything is processed again.
    """
    with _timed("ingest") as counts:
        root, paths = sources.discover(settings.source)
        found = [sources.read_file(path, root, settings.max_bytes) for path in paths]
        published = store.loaded_articles(settings.published)
        rebuild = store.published_fingerprint(settings.published) != fingerprint
        raw_files, new_files = classify_files(
            found,
            set() if rebuild else set(published["file_id"]),
            run_id=run_id,
            max_bytes=settings.max_bytes,
            seen_at=datetime.now(UTC).replace(tzinfo=None),
        )
        drop = (
            sorted(published["article_id"])
            if rebuild
            else articles_to_drop(published, raw_files, removed_files=settings.removed_files)
        )
        counts["rebuild"] = int(rebuild and published.height > 0)
        for status in ("loaded", "unchanged", "quarantined"):
            counts[status] = raw_files.filter(pl.col("status") == status).height
        counts["dropped_articles"] = len(drop)
    return Intake(raw_files, new_files, drop, rebuild, paths_changed(published, raw_files))


@stage
def normalize(intake: Intake) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Split metadata and boilerplate from each new file's body; return (raw_files updated,
    articles, parts). A file with no prose left is quarantined, not published empty."""
    with _timed("normalize") as counts:
        articles, parts = normalize_articles(intake.new_files)
        articles = articles.join(
            intake.new_files.select("file_id", "path"), on="file_id", how="left"
        )
        raw_files, articles, parts = quarantine_articles_without_prose(
            intake.raw_files, articles, parts
        )
        counts.update(articles=articles.height, parts=parts.height,
                      no_prose=intake.new_files.height - articles.height)
    return raw_files, articles, parts


@stage
def sentences(articles: pl.DataFrame, model: str) -> tuple[pl.DataFrame, list]:
    """The one spaCy pass over the new bodies, then sentence segmentation with exact offsets."""
    with _timed("sentences") as counts:
        docs = list(parse(articles["body"].to_list(), model=model))
        frame = split_sentences(articles, docs)
        counts.update(articles=len(docs), sentences=frame.height)
    return frame, docs


@stage
def entities(articles: pl.DataFrame, docs: list, sentence_rows: pl.DataFrame) -> pl.DataFrame:
    """Named-entity mentions of the new articles, linked to their sentences."""
    with _timed("entities") as counts:
        mentions = entity_transforms.extract_mentions(articles["article_id"].to_list(), docs)
        mentions = assign_sentences(mentions, sentence_rows)
        counts["mentions"] = mentions.height
    return mentions


@stage
def claims(articles: pl.DataFrame, docs: list, sentence_rows: pl.DataFrame) -> pl.DataFrame:
    """Numeric claims of the new articles, linked to their sentences."""
    with _timed("claims") as counts:
        frame = claim_transforms.extract_claims(articles["article_id"].to_list(), docs)
        frame = assign_sentences(frame, sentence_rows)
        counts["claims"] = frame.height
    return frame


@stage
def write_build(
    settings: Settings,
    build: Path,
    intake: Intake,
    raw_files: pl.DataFrame,
    new_rows: dict[str, pl.DataFrame],
) -> None:
    """Copy the published warehouse to `build` (or start afresh on a rebuild, keeping only the
    file history), drop replaced articles, add the new rows."""
    with _timed("stage") as counts:
        store.start_build(settings.published, build, fresh=intake.rebuild)
        with store.connect(build) as con:
            store.delete_articles(con, intake.drop)
            store.refresh_paths(con, raw_files)
            store.insert_rows(con, "raw_files", raw_files)
            for table, frame in new_rows.items():
                counts[table] = store.insert_rows(con, table, frame)


@stage
def canonicalize(build: Path, aliases_file: Path) -> None:
    """Canonical entities across every article in the build (new and carried over)."""
    with _timed("canonicalize") as counts, store.connect(build) as con:
        mentions = store.read_table(con, "entity_mentions").drop("mention_id", "entity_id")
        sentence_of = mentions.select("article_id", "start_char", "sentence_id")
        pinned = (
            entity_transforms.read_pinned_aliases(aliases_file.read_text(encoding="utf-8"))
            if aliases_file.exists()
            else None
        )
        entity_rows, mention_rows = entity_transforms.canonicalize_entities(
            mentions.drop("sentence_id"), pinned
        )
        mention_rows = mention_rows.join(sentence_of, on=["article_id", "start_char"], how="left")
        counts.update(
            entities=store.replace_table(con, "entities", entity_rows),
            mentions=store.replace_table(con, "entity_mentions", mention_rows),
        )


@stage
def reconcile(build: Path, tolerance: float) -> None:
    """Events, wire copies and claim groups across every article in the build."""
    with _timed("reconcile") as counts, store.connect(build) as con:
        articles = store.read_table(con, "articles")
        mentions = store.read_table(con, "entity_mentions")
        entity_rows = store.read_table(con, "entities")
        events, membership = group_events(articles, mentions, entity_rows)
        articles = articles.drop("event_id").join(membership, on="article_id", how="left")
        sources_frame = articles.with_columns(
            outlet_key(pl.col("outlet"), pl.col("article_id")).alias("source")
        )
        sentence_rows = store.read_table(con, "sentences").drop("is_wire_copy", "wire_group")
        wire = mark_wire_copies(sentence_rows, sources_frame)
        sentence_rows = sentence_rows.join(wire, on="sentence_id", how="left")
        claim_rows = store.read_table(con, "numeric_claims")
        claim_rows = claim_rows.with_columns(
            pl.Series(
                "attributed_entity_id",
                entity_transforms.resolve_names(claim_rows["attributed_to"].to_list(), entity_rows),
                dtype=pl.String,
            )
        )
        groups, per_claim = group_claims(
            claim_rows, sources_frame, sentence_rows, tolerance=tolerance
        )
        claim_rows = claim_rows.drop("group_id", "subject_key", "compare_low", "compare_high").join(
            per_claim, on="claim_id", how="left"
        )
        store.replace_table(con, "articles", articles)
        store.replace_table(con, "sentences", sentence_rows)
        store.replace_table(con, "numeric_claims", claim_rows)
        counts.update(
            events=store.replace_table(con, "events", events),
            wire_copies=int(wire["is_wire_copy"].sum()),
            groups=store.replace_table(con, "claim_groups", groups),
        )


@stage
def validate(build: Path, run_id: str, data_docs_dir: Path) -> pl.DataFrame:
    """Run every expectation suite on the build; results go to check_results and Data Docs."""
    with _timed("validate") as counts:
        with store.connect(build, read_only=True) as con:
            frames = audit.audit_frames(con)
        results = run_checks(frames, run_id=run_id, data_docs_dir=data_docs_dir)
        counts.update(passed=int(results["success"].sum()), failed=int((~results["success"]).sum()))
    return results


@stage
def publish_build(build: Path, settings: Settings, run_record: dict, results: pl.DataFrame) -> dict:
    """Record the run in the build and swap it into place (the last write of a good run)."""
    with _timed("publish") as counts:
        runlog.write_checks(settings.checks_dir, run_record["run_id"], results)
        runs = runlog.with_run(runlog.read_runs(settings.run_log), run_record)
        with store.connect(build) as con:
            store.replace_table(con, "runs", runs)
            store.replace_table(con, "check_results", runlog.read_checks(settings.checks_dir))
            row_counts = store.row_counts(con)
        publish.publish(build, settings.published)
        # Logged only once the file is in place, so the log never claims an unpublished run.
        runlog.append_run(settings.run_log, run_record)
        counts["tables"] = len(row_counts)
    return row_counts


@stage
def explain_disagreements(build: Path) -> list[str]:
    """Readable lines naming each conflicting group and what each outlet reported."""
    with store.connect(build, read_only=True) as con:
        return audit.disagreements(con)


@stage
def reject_build(build: Path, settings: Settings, run_id: str) -> Path:
    """Set a build that failed its critical checks aside; the published file is untouched."""
    return publish.reject(build, settings.warehouse_dir / "rejected", run_id)
