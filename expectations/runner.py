"""Run every suite on the audit frames with Great Expectations; return one row per expectation.

Suites are grouped per frame (one ValidationDefinition each, as frames differ per definition),
and the Data Docs site is built under the warehouse folder from the stored results.
"""

from __future__ import annotations

import copy
import functools
import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import polars as pl

from expectations import articles, claims, cross_source, entities, sentences
from expectations.checks import CRITICAL, Check
from expectations.report import write_offline_index
from transforms.contract.schema import columns

SUITES: dict[str, list[Check]] = {
    "articles": articles.CHECKS,
    "sentences": sentences.CHECKS,
    "entities": entities.CHECKS,
    "claims": claims.CHECKS,
    "cross_source": cross_source.CHECKS,
}
# The fields by which an expectation names the columns it reads (besides column_list and a
# row condition), and the expectations that read no column at all (a row count).
_COLUMN_FIELDS = ("column", "column_A", "column_B")
_READS_NO_COLUMN = frozenset({"ExpectTableRowCountToBeBetween", "ExpectTableRowCountToEqual"})
# Reads a frame by name with only the given columns (None: all of them).
FrameReader = Callable[[str, list[str] | None], pl.DataFrame]
# The columns of the `check_results` table (schema.sql), which each publish fills.
RESULT_SCHEMA = columns("check_results")


def _describe(config: Any) -> str:
    kwargs = {k: v for k, v in config.kwargs.items() if k not in ("batch_id",)}
    args = ", ".join(f"{k}={v!r}" for k, v in sorted(kwargs.items()))
    return f"{config.type}({args})"


def _observed(result: dict) -> str:
    keep = ("observed_value", "unexpected_count", "element_count", "partial_unexpected_list")
    shown = {k: result[k] for k in keep if k in result and result[k] not in (None, [])}
    return json.dumps(shown, default=str)


def _context(data_docs_dir: Path | None) -> Any:
    """An ephemeral GX context, with the Data Docs site under `data_docs_dir` if given.

    Typed Any: great_expectations is imported lazily, so its types are not at hand.
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # imported here: ~3 s, paid only by runs that validate

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    if data_docs_dir is not None:
        context.add_data_docs_site(
            site_name="newsclaims",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(data_docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def _definitions(
    context: Any, suites: dict[str, Iterable[Check]]
) -> list[tuple[str, str, list[str] | None, Any]]:
    """One ValidationDefinition per suite and frame: (suite name, frame name, the columns its
    expectations read (`columns_read`), definition)."""
    import great_expectations as gx

    source = context.data_sources.add_pandas("newsclaims")
    definitions = []
    for suite_name, checks in suites.items():
        by_frame: dict[str, list[Check]] = {}
        for check in checks:
            by_frame.setdefault(check.frame, []).append(check)
        for frame_name, frame_checks in by_frame.items():
            name = f"{suite_name}.{frame_name}"
            suite = context.suites.add(gx.ExpectationSuite(name=name))
            for check in frame_checks:
                expectation = copy.deepcopy(check.expectation)
                expectation.meta = {"severity": check.severity, "protects": check.protects}
                suite.add_expectation(expectation)
            batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
            definition = context.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch, suite=suite)
            )
            definitions.append((suite_name, frame_name, columns_read(frame_checks), definition))
    return definitions


def columns_read(checks: Iterable[Check]) -> list[str] | None:
    """The columns the expectations of `checks` read (their column fields and row conditions),
    in first-use order; None (every column) when one may read a column not named that way, or
    when none names a column."""
    names: list[str] = []
    for check in checks:
        fields = check.expectation.dict()
        found = [fields[key] for key in _COLUMN_FIELDS if fields.get(key)]
        found += list(fields.get("column_list") or [])
        condition = fields.get("row_condition")
        if condition is not None:
            compared = _condition_columns(condition)
            if not compared:
                return None  # a condition as a query string: its columns are not parsed here
            found += compared
        if not found and type(check.expectation).__name__ not in _READS_NO_COLUMN:
            return None
        names += [name for name in found if name not in names]
    return names or None


def _condition_columns(condition: Any) -> list[str]:
    """Every column a row condition (as dumped: nested dicts and lists) compares."""
    if isinstance(condition, list):
        return [name for item in condition for name in _condition_columns(item)]
    if not isinstance(condition, dict):
        return []
    column = condition.get("column")
    if isinstance(column, dict):
        column = column.get("name")
    own = [column] if isinstance(column, str) else []
    return own + [n for k, v in condition.items() if k != "column" for n in _condition_columns(v)]


def _subset(
    frames: Mapping[str, pl.DataFrame], name: str, wanted: list[str] | None
) -> pl.DataFrame:
    """The frame `name` with only `wanted` (all its columns unless it holds every one)."""
    frame = frames[name]
    if not wanted or not set(wanted) <= set(frame.columns):
        return frame
    return frame.select([c for c in frame.columns if c in wanted])


def _result_row(item: Any, run_id: str, suite_name: str, frame_name: str) -> dict:
    """One check_results row from a GX ExpectationValidationResult."""
    config = item.expectation_config
    success = item.success
    return {
        "run_id": run_id,
        "suite": suite_name,
        "expectation": _describe(config),
        "table_name": frame_name,
        "success": bool(success),
        "observed": _observed(item.result or {})
        if success is not None
        else json.dumps(item.exception_info, default=str),
        "severity": config.meta.get("severity", CRITICAL),
        "protects": config.meta.get("protects"),
    }


def run_checks(
    frames: Mapping[str, pl.DataFrame] | FrameReader,
    *,
    run_id: str,
    data_docs_dir: Path | None = None,
    suites: dict[str, Iterable[Check]] | None = None,
) -> pl.DataFrame:
    """Validate `frames` against `suites` (default: all); rows follow RESULT_SCHEMA.

    `frames` holds the frames by name, or reads one when called with its name and the columns
    wanted (None: all; `warehouse.audit.audit_frame`), so that one frame at a time is held."""
    read = frames if callable(frames) else functools.partial(_subset, frames)
    context = _context(data_docs_dir)
    rows = []
    for suite_name, frame_name, wanted, definition in _definitions(context, suites or SUITES):
        # Only the columns the suite reads become pandas, and each copy is dropped before the
        # next is made: every frame whole, as polars and pandas at once, was the peak memory.
        frame = read(frame_name, wanted).to_pandas()
        result = definition.run(batch_parameters={"dataframe": frame})
        del frame
        rows.extend(_result_row(item, run_id, suite_name, frame_name) for item in result.results)
    frame = pl.DataFrame(rows, schema=RESULT_SCHEMA)
    if data_docs_dir is not None:
        # Each ValidationDefinition.run stored its result in the context, which the site renders;
        # then our offline index replaces GX's script-drawn one.
        context.build_data_docs(site_names=["newsclaims"])
        write_offline_index(data_docs_dir, frame, run_id)
    return frame
