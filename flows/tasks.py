"""Prefect tasks: one per stage, each reads its inputs, makes one call into transforms/ (pure)
or warehouse/ (SQL), and writes or returns the result. Rules live in transforms/, never here.

Caching is off (NO_CACHE): stage inputs are large frames and spaCy docs, whose hashing costs
more than the work it would save; incrementality comes from content hashes in ingest instead.
Each task logs its counts and duration.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import polars as pl
from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows import build_stages, isolation, sources
from flows.progress import Progress
from flows.settings import Settings, SettingsError
from transforms.entities import pins
from transforms.ingest import files
from transforms.ingest.manifest import Manifest
from transforms.normalize import articles
from warehouse import audit, history, pages, publish, query, runlog, staging, store

if TYPE_CHECKING:
    from transforms import bodies

# The parse's modules (spaCy, about 4 s to import here, and the readers) are imported in the
# parse stages, not above: a run whose source is unchanged never reaches those stages, so it
# never imports them. (A run that only drops or moves files does reach them, with no rows.)

stage = task(cache_policy=NO_CACHE)


class Intake(NamedTuple):
    """What ingest found and decided."""

    raw_files: pl.DataFrame  # one row per file seen, with its status
    new_files: pl.DataFrame  # decoded files to parse: file_id, path, text
    drop: list[str]  # published article ids to delete
    rebuild: bool  # the fingerprint changed: every file is parsed again
    moved: bool  # an unchanged file is found under a new path
    manifest: Manifest  # metadata rows keyed by path as found, and the manifest's problems
    manifest_file: Path | None  # the manifest read (None: the source has none)

    def manifest_issues(self) -> pl.DataFrame:
        """The manifest's problems as rows of the `manifest_issues` table."""
        name = str(self.manifest_file) if self.manifest_file else ""
        return self.manifest.issues_frame().select(pl.lit(name).alias("manifest"), pl.all())

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
def ingest_files(settings: Settings, run_id: str, fingerprint: str) -> Intake:
    """Find and read the raw files and decide what this run must parse, drop or move.

    Files whose content the published warehouse holds are skipped, unless the pipeline's
    fingerprint changed since that publish: then everything is processed again. The metadata
    manifest (which the fingerprint hashes) is read here and never ingested as an article.
    """
    with _timed("ingest") as counts:
        manifest_file = settings.manifest_file
        root, paths = sources.discover(settings.source, manifest_file)
        manifest = sources.read_manifest(manifest_file, root, paths)
        found = [sources.read_file(path, root, settings.max_bytes) for path in paths]
        published = store.loaded_articles(settings.published)
        rebuild = store.published_fingerprint(settings.published) != fingerprint
        raw_files, new_files = files.classify_files(
            found,
            set() if rebuild else set(published["file_id"]),
            run_id=run_id,
            max_bytes=settings.max_bytes,
            seen_at=datetime.now(UTC).replace(tzinfo=None),
        )
        drop = files.plan_drops(
            published, raw_files, rebuild=rebuild, removed_files=settings.removed_files
        )
        counts["rebuild"] = int(rebuild and published.height > 0)
        for status in ("loaded", "unchanged", "quarantined"):
            counts[status] = raw_files.filter(pl.col("status") == status).height
        counts["dropped_articles"] = len(drop)
        counts["manifest_rows"] = manifest.entries.height
        counts["manifest_issues"] = len(manifest.issues)
    moved = files.paths_changed(published, raw_files)
    return Intake(raw_files, new_files, drop, rebuild, moved, manifest, manifest_file)


@stage
def normalize_files(intake: Intake) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Split metadata and boilerplate from each new file's body; return (raw_files updated,
    articles, parts). A file with no prose left is quarantined, not published empty."""
    with _timed("normalize") as counts:
        raw_files, article_rows, parts = articles.prepare_articles(
            intake.raw_files, intake.new_files, intake.manifest.entries
        )
        no_prose = intake.new_files.height - article_rows.height
        counts.update(articles=article_rows.height, parts=parts.height, no_prose=no_prose)
    return raw_files, article_rows, parts


@stage
def parse_and_extract(
    article_rows: pl.DataFrame, model: str, workers: int, batch_size: int, out_dir: Path
) -> list[Path]:
    """The one spaCy pass over the new bodies, streamed in batches: each batch becomes
    sentences, mentions and claims at once, is staged as Parquet under `out_dir` (one folder
    a batch, returned in article order) and its Docs and rows are released. With several
    workers, each worker process parses and reads its own batches (flows/parse_pool.py)."""
    from flows import parse_pool
    from transforms.nlp import pipeline

    logger = get_run_logger()
    with _timed("parse") as counts:
        workers = pipeline.process_count(article_rows.height, workers)
        progress = Progress("parse", article_rows.height, logger)
        staged: list[Path] = []

        def stage_batch(rows: bodies.BodyRows, done: int) -> None:
            staged.append(out_dir / f"{len(staged):06d}")
            for table, n in staging.write_batch(rows, staged[-1]).items():
                counts[table] = counts.get(table, 0) + n
            progress.update(done)

        if workers > 1:
            parse_pool.parse_in_processes(article_rows, model, workers, batch_size, stage_batch)
        else:
            _parse_here(article_rows, model, batch_size, stage_batch)
        counts.update(articles=article_rows.height, workers=workers)
    return staged


def _parse_here(
    article_rows: pl.DataFrame,
    model: str,
    batch_size: int,
    on_batch: Callable[[bodies.BodyRows, int], None],
) -> None:
    """The parse in this process: one `nlp.pipe` stream, cut into batches of rows."""
    from transforms import bodies
    from transforms.nlp import pipeline

    docs = pipeline.parse(article_rows["body"].to_list(), model=model)
    for start in range(0, article_rows.height, batch_size):
        chunk = article_rows.slice(start, batch_size)
        try:
            parsed = list(itertools.islice(docs, chunk.height))
        except Exception as error:
            raise bodies.locate_parse_failure(article_rows.slice(start), model, error) from error
        on_batch(bodies.read_bodies(chunk, parsed), start + chunk.height)


@stage
def parse_parts(parts: pl.DataFrame, model: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entity mentions of the photo captions, numeric claims of the headlines, subheadings
    and captions) of the new articles, offsets into article_parts.text: short texts, parsed
    here in one process, apart from the bodies, each once for both readers."""
    from transforms.claims import parts as claim_parts

    with _timed("parse parts") as counts:
        rows = claim_parts.read_parts(parts)
        starts = range(0, max(rows.height, 1), PART_BATCH)  # one batch when there are none
        found = [_part_rows(rows.slice(at, PART_BATCH), model) for at in starts]
        mentions, claims = (pl.concat(frames) for frames in zip(*found, strict=True))
        counts.update(parts=rows.height, mentions=mentions.height, claims=claims.height)
    return mentions, claims


# Parts parsed at a time, so only one batch's Docs are held (not 22,000 headlines' at 10x).
PART_BATCH = 1000


def _part_rows(rows: pl.DataFrame, model: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    from transforms.claims import parts as claim_parts
    from transforms.entities import captions
    from transforms.nlp import pipeline

    # No parts, no model: loading it costs seconds and parses nothing.
    docs = list(pipeline.parse(rows["text"].to_list(), model=model)) if rows.height else []
    is_caption = (rows["role"] == "caption").to_list()
    mentions = captions.caption_mentions(
        rows.filter(pl.col("role") == "caption"), list(itertools.compress(docs, is_caption))
    )
    return mentions, claim_parts.part_claims(rows, docs)


@task(cache_policy=NO_CACHE, task_run_name="parse batch {out_dir.name}")
def parse_batch(article_rows: pl.DataFrame, model: str, out_dir: Path) -> Path:
    """One parse batch on a Dask worker: parse the bodies there (the pipeline loads once per
    worker process, load_pipeline is cached), extract the rows and stage them as Parquet in
    `out_dir`, which is returned. The Docs never leave the worker: they are large and do not
    pickle back faithfully, the frames do."""
    from transforms import bodies

    with _timed(f"parse batch {out_dir.name}") as counts:
        counts.update(staging.write_batch(bodies.parse_rows(article_rows, model), out_dir))
        counts["articles"] = article_rows.height
    return out_dir


@stage
def write_build(
    settings: Settings,
    build: Path,
    intake: Intake,
    raw_files: pl.DataFrame,
    new_rows: dict[str, pl.DataFrame],
    staged: list[Path],
    part_rows: dict[str, pl.DataFrame],
) -> int:
    """Copy the published warehouse to `build` (or start afresh on a rebuild, keeping only the
    file history), drop replaced articles, add the new rows and this run's manifest issues.
    The new rows go in as one run's in-memory parse gave them: `new_rows` (articles, their
    parts), the bodies' `staged` batches, then the mentions and claims read in the parts.
    Returns the number of articles in the build (new and carried over)."""
    with _timed("stage") as counts:
        store.start_build(settings.published, build, fresh=intake.rebuild)
        with store.connect(build) as con:
            store.delete_articles(con, intake.drop)
            store.refresh_paths(con, raw_files)
            store.insert_rows(con, "raw_files", raw_files)
            counts["manifest_issues"] = store.replace_table(
                con, "manifest_issues", intake.manifest_issues()
            )
            for table, frame in new_rows.items():
                counts[table] = store.insert_rows(con, table, frame)
            counts.update(staging.load_batches(con, staged))
            for table, frame in part_rows.items():
                counts[table] += store.insert_rows(con, table, frame)
            counts["in_build"] = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    return counts["in_build"]


@stage
def withhold_faulty_articles(build: Path, run_id: str, isolate: bool = False) -> pl.DataFrame:
    """Withhold every article whose rows break a row-level invariant (offsets, quotes equal to
    slices, values within bounds, vocabularies, claims per word); return this run's raw_files
    rows, with those files quarantined and the failed checks as the reason. `isolate`: the
    work runs in a child process (flows/isolation.py), as do the next three stages'."""
    logger = get_run_logger()
    with _timed("row checks") as counts:
        raw_files, found = isolation.run(
            build_stages.withhold_faulty_articles, build, run_id, isolate=isolate
        )
        counts.update(found)
    withheld = raw_files.filter(pl.col("reason").str.starts_with("failed row check"))
    for path, reason in withheld.select("path", "reason").iter_rows():
        logger.warning("withheld %r: %s", path, reason)
    return raw_files


@stage
def read_pins(aliases_file: Path) -> pl.DataFrame | None:
    """The hand pins (None when the file is absent), read and checked before any parse, so a
    malformed file stops the run at once with its name, not after minutes of parsing."""
    if not aliases_file.exists():
        return None
    try:
        return pins.read_pinned_aliases(aliases_file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(f"{aliases_file}: the entity pin file is not UTF-8 text") from None
    except ValueError as exc:
        raise SettingsError(f"{aliases_file}: {exc}") from None


@stage
def canonicalize_entities(build: Path, pinned: pl.DataFrame | None, isolate: bool = False) -> None:
    """Canonical entities across every article in the build (new and carried over), after
    the names spaCy missed are found again from the corpus's confident ones (refind)."""
    with _timed("canonicalize") as counts:
        work = build_stages.canonicalize_entities
        counts.update(isolation.run(work, build, pinned, isolate=isolate))


@stage
def reconcile_build(
    build: Path,
    tolerance: float,
    published: Path,
    run_id: str,
    pinned: pl.DataFrame | None,
    isolate: bool = False,
) -> None:
    """Events (then surnames resolved in them, split pins kept), wire copies, attributions and
    claim groups over every article in the build; ids carry over (id_lineage: changes)."""
    with _timed("reconcile") as counts:
        args = (build, tolerance, published, run_id, pinned)
        counts.update(isolation.run(build_stages.reconcile_build, *args, isolate=isolate))


@stage
def validate_build(
    build: Path, run_id: str, data_docs_dir: Path, isolate: bool = False
) -> pl.DataFrame:
    """Run every expectation suite on the build; results go to check_results and Data Docs."""
    with _timed("validate") as counts:
        work = build_stages.validate_build
        results, found = isolation.run(work, build, run_id, data_docs_dir, isolate=isolate)
        counts.update(found)
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
            counts["history"] = history.record_claim_groups(
                con, run_record["run_id"], datetime.now(UTC).replace(tzinfo=None)
            )
            row_counts = store.row_counts(con)
        publish.publish(build, settings.published)
        # Logged only once the file is in place, so the log never claims an unpublished run.
        runlog.append_run(settings.run_log, run_record)
        counts["tables"] = len(row_counts)
        # For tools without DuckDB 2, after the publish so it mirrors the published file; best
        # effort like the report: the warehouse is published and logged, so no failed run.
        parquet_dir = settings.warehouse_dir / query.PARQUET_DIR
        try:
            counts["parquet"] = len(query.refresh_parquet(settings.published, parquet_dir))
        except Exception as exc:  # noqa: BLE001
            get_run_logger().warning("could not refresh %s: %s", parquet_dir, exc)
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


@stage
def render_report(published: Path, report_dir: Path, isolate: bool = False) -> Path | None:
    """The offline report of agreement and conflict, and a conflicts artifact linking to it;
    `isolate`: drawn in a child process, as the whole-build stages are (it reads the whole
    warehouse too).

    Best effort, after the publish: a report that cannot be built is logged, never turned
    into a failed run (the warehouse is already published and correct).
    """
    logger = get_run_logger()
    try:
        with _timed("report") as counts:
            index = isolation.run(pages.build_report, published, report_dir, isolate=isolate)
            counts["pages"] = sum(1 for _ in report_dir.rglob("*.html"))
        create_markdown_artifact(
            markdown=pages.conflicts_markdown(published, index),
            key="newsclaims-conflicts",
            description="claim groups where outlets disagree, with a link to the report",
        )
    except Exception as exc:  # noqa: BLE001
        logger.warning("could not build the report in %s: %s", report_dir, exc)
        return None
    logger.info("report: %s", index.as_uri())
    return index
