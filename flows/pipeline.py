"""The newsclaims flow: raw article files in, a checked and published DuckDB warehouse out.

Run it with `newsclaims run` (or `make run` on the seeds). Each line of `newsclaims_flow` is
one stage (README, "What a run does"); the stages are the tasks of flows/tasks.py, which call
transforms/ and warehouse/.
Write, audit, publish: everything is written to a build copy; the published file is replaced
only when no critical expectation failed, so a failed or blocked run leaves it as it was.
"""

from __future__ import annotations

import secrets
import shutil
import time
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run

from flows import tasks
from flows.progress import Progress
from flows.settings import Settings
from flows.summary import RunSummary, failed_checks, manifest_issue_lines
from warehouse import runlog, store
from warehouse.lock import run_lock


def new_run_id() -> str:
    """Sortable and unique: UTC time to the second plus a random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


@flow(name="newsclaims", log_prints=True, flow_run_name=new_run_id)
def newsclaims_flow(
    source: str | None = None, warehouse: str | None = None, settings: Settings | None = None
) -> RunSummary:
    """Ingest, normalize, parse, extract, reconcile, validate and publish one run.

    `source` and `warehouse` override the settings (they are the deployment's parameters);
    `settings` carries everything else for callers in Python.
    """
    settings = (settings or Settings()).with_overrides(source=source, warehouse_dir=warehouse)
    # The flow run is named after the run id (flow_run_name above), so the Prefect UI and
    # runs.jsonl speak of one id; outside a named run (a test calling .fn) a new one is made.
    run_id = flow_run.get_name() or new_run_id()
    started, clock = datetime.now(UTC).replace(tzinfo=None), time.time()
    build = settings.warehouse_dir / f"newsclaims-{run_id}.build"
    summary = RunSummary(run_id=run_id, status="failed", warehouse=settings.published)
    results: pl.DataFrame | None = None
    with run_lock(settings.warehouse_dir):
        try:
            store.remove_stale_builds(settings.warehouse_dir)
            fingerprint = settings.fingerprint()
            pinned = tasks.read_pins(settings.aliases_file)
            intake = _ingest(summary, settings, run_id, fingerprint)
            if intake.nothing_to_do and settings.published.exists():
                return _unchanged(summary, intake.raw_files, settings)
            isolate = settings.isolates(_load_build(settings, build, intake, run_id))
            raw_files = tasks.withhold_faulty_articles(build, run_id, isolate)
            tasks.canonicalize_entities(build, pinned, isolate)
            tasks.reconcile_build(
                build, settings.tolerance, settings.published, run_id, pinned, isolate
            )
            results = tasks.validate_build(build, run_id, settings.data_docs_dir, isolate)
            _fill_summary(summary, raw_files, results)
            if summary.blocking_failures:
                _block(summary, build, settings, results)
            else:
                _publish(summary, build, settings, results, started, fingerprint, isolate)
        except Exception as exc:
            summary.status, summary.message = "failed", f"run failed: {exc}"
            build.unlink(missing_ok=True)
            raise
        finally:
            _clean_staging(settings, run_id)
            summary.seconds = time.time() - clock
            if summary.status != "published":
                runlog.append_run(settings.run_log, _run_record(summary, started, published=False))
            _publish_artifacts(summary, results)
    return summary


def _ingest(summary: RunSummary, settings: Settings, run_id: str, fingerprint: str) -> tasks.Intake:
    """The ingest stage; the manifest's problems go to the summary whatever the run does next."""
    intake = tasks.ingest_files(settings, run_id, fingerprint)
    summary.manifest_issues = manifest_issue_lines(intake.manifest.issues_frame())
    return intake


def _parse(articles: pl.DataFrame, settings: Settings, run_id: str) -> list[Path]:
    """The parse stage: here (one task, spaCy's processes), or on the Dask cluster named by
    the settings, one task per batch. Either way each batch's rows are staged as Parquet in
    the run's staging folder; the batch folders are returned in article order.

    The cluster's runner is opened here rather than given to the flow (`with_options`): a
    served run loads the flow from its entrypoint in a child process, where only settings
    read from the environment reach it, so the flow itself must pick the runner.
    """
    staging = _staging_dir(settings, run_id)
    if not (settings.dask_address and articles.height):
        return tasks.parse_and_extract(
            articles, settings.model, settings.workers, settings.batch_size, staging
        )
    # Imported only here: dask and distributed cost a second of every run that does not use them.
    from prefect.futures import as_completed
    from prefect_dask import DaskTaskRunner

    progress = Progress("parse on dask", articles.height, get_run_logger())
    with DaskTaskRunner(address=settings.dask_address) as runner:
        futures, sizes = [], {}
        for batch, start in enumerate(range(0, articles.height, settings.batch_size)):
            chunk = articles.slice(start, settings.batch_size).select("article_id", "body")
            parameters = {"article_rows": chunk, "model": settings.model}
            parameters["out_dir"] = staging / f"{batch:06d}"
            futures.append(runner.submit(tasks.parse_batch, parameters))
            sizes[futures[-1].task_run_id] = chunk.height
        done = 0
        for future in as_completed(futures):
            future.result()  # raises the batch's error, failing the run
            done += sizes[future.task_run_id]
            progress.update(done)
        return [future.result() for future in futures]  # batch order, not completion order


def _load_build(settings: Settings, build: Path, intake: tasks.Intake, run_id: str) -> int:
    """Normalize, parse and write the new rows into the build. The bodies' rows reach the
    build from the staged batches, never all at once in this process; the parts' rows (short
    texts) are parsed here. Of the parts a reader reads as text, the photo captions give
    mentions (issue 13: a name printed only in a caption is an entity too) and headlines,
    subheadings and captions give claims (issue 12); their offsets index the part."""
    raw_files, articles, parts = tasks.normalize_files(intake)
    staged = _parse(articles, settings, run_id)
    part_mentions, part_claims = tasks.parse_parts(parts, settings.model)
    in_build = tasks.write_build(
        settings,
        build,
        intake,
        raw_files,
        {"articles": articles, "article_parts": parts},
        staged,
        {"entity_mentions": part_mentions, "numeric_claims": part_claims},
    )
    _clean_staging(settings, run_id)
    return in_build


def _staging_dir(settings: Settings, run_id: str) -> Path:
    """Where the Dask workers stage this run's batches: beside the build, so a cluster whose
    workers share the warehouse folder's file system can write there."""
    return settings.warehouse_dir / "staging" / run_id


def _clean_staging(settings: Settings, run_id: str) -> None:
    """Remove this run's staged batches (loaded into the build, or of a failed run)."""
    staging = _staging_dir(settings, run_id)
    shutil.rmtree(staging, ignore_errors=True)
    with suppress(OSError):
        staging.parent.rmdir()  # only when no other run's batches are left in it


def _unchanged(summary: RunSummary, raw_files: pl.DataFrame, settings: Settings) -> RunSummary:
    """Nothing to load or drop: the published warehouse is current and is left untouched."""
    _fill_summary(summary, raw_files, None)
    summary.status = "unchanged"
    summary.message = "nothing changed since the published run; nothing rebuilt"
    summary.row_counts = store.published_row_counts(settings.published)
    return summary


def _block(summary: RunSummary, build: Path, settings: Settings, results: pl.DataFrame) -> None:
    """A critical check failed: set the build aside, say which check and which outlets."""
    summary.status = "blocked"
    disagreements = tasks.explain_disagreements(build)
    rejected = tasks.reject_build(build, settings, summary.run_id)
    summary.message = _blocked_message(summary, disagreements, rejected)
    runlog.write_checks(settings.checks_dir, summary.run_id, results)


def _publish(
    summary: RunSummary,
    build: Path,
    settings: Settings,
    results: pl.DataFrame,
    started: datetime,
    fingerprint: str,
    isolate: bool,
) -> None:
    summary.status = "published"
    summary.message = f"published {settings.published}"
    record = _run_record(summary, started, published=True, fingerprint=fingerprint)
    summary.row_counts = tasks.publish_build(build, settings, record, results)
    summary.report = tasks.render_report(settings.published, settings.report_dir, isolate)


def _fill_summary(
    summary: RunSummary, raw_files: pl.DataFrame, results: pl.DataFrame | None
) -> None:
    status = raw_files["status"]
    summary.files_seen = raw_files.height
    summary.files_loaded = int((status == "loaded").sum())
    summary.files_unchanged = int((status == "unchanged").sum())
    summary.quarantined = [
        (row["path"], row["reason"])
        for row in raw_files.filter(status == "quarantined").iter_rows(named=True)
    ]
    if results is not None:
        summary.failed_checks = failed_checks(results)
        summary.checks_passed = int(results["success"].sum())


def _blocked_message(summary: RunSummary, disagreements: list[str], rejected: object) -> str:
    names = "; ".join(f"{c['suite']}.{c['table_name']}" for c in summary.blocking_failures)
    lines = [f"publish blocked by critical check(s): {names}"]
    lines += [f"  {line}" for line in disagreements]
    lines.append(f"the published warehouse is unchanged; the rejected build is at {rejected}")
    return "\n".join(lines)


def _run_record(
    summary: RunSummary, started: datetime, *, published: bool, fingerprint: str | None = None
) -> dict:
    return {
        "run_id": summary.run_id,
        "started_at": started,
        "finished_at": datetime.now(UTC).replace(tzinfo=None),
        "status": summary.status,
        "files_seen": summary.files_seen,
        "files_loaded": summary.files_loaded,
        "files_unchanged": summary.files_unchanged,
        "files_quarantined": len(summary.quarantined),
        "checks_failed": len(summary.failed_checks),
        "published": published,
        "message": summary.message,
        "fingerprint": fingerprint,
    }


def _publish_artifacts(summary: RunSummary, results: pl.DataFrame | None) -> None:
    """A markdown summary and the check results, visible on the flow run in the Prefect UI.

    Best effort: the run's outcome (a publish that happened) must not turn into a failure
    because the Prefect API could not store an artifact.
    """
    try:
        _create_artifacts(summary, results)
    except Exception as exc:  # noqa: BLE001
        get_run_logger().warning("could not store the run artifacts: %s", exc)


def _create_artifacts(summary: RunSummary, results: pl.DataFrame | None) -> None:
    create_markdown_artifact(
        markdown=summary.markdown(), key="newsclaims-summary", description="newsclaims run summary"
    )
    if results is not None and results.height:
        create_table_artifact(
            table=results.select(
                "suite", "expectation", "table_name", "success", "severity", "observed"
            ).to_dicts(),
            key="newsclaims-checks",
            description="Great Expectations results of this run",
        )
