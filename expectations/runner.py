"""Run every suite on the audit frames with Great Expectations; return one row per expectation.

Suites are grouped per frame (one ValidationDefinition each, as frames differ per definition),
and the Data Docs site is built under the warehouse folder from the stored results.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterable
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


def _definitions(context: Any, suites: dict[str, Iterable[Check]]) -> list[tuple[str, str, Any]]:
    """One ValidationDefinition per suite and frame: (suite name, frame name, definition)."""
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
            definitions.append((suite_name, frame_name, definition))
    return definitions


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
    frames: dict[str, pl.DataFrame],
    *,
    run_id: str,
    data_docs_dir: Path | None = None,
    suites: dict[str, Iterable[Check]] | None = None,
) -> pl.DataFrame:
    """Validate `frames` against `suites` (default: all); rows follow RESULT_SCHEMA."""
    context = _context(data_docs_dir)
    rows = []
    for suite_name, frame_name, definition in _definitions(context, suites or SUITES):
        frame = frames[frame_name].to_pandas()
        result = definition.run(batch_parameters={"dataframe": frame})
        rows.extend(_result_row(item, run_id, suite_name, frame_name) for item in result.results)
    frame = pl.DataFrame(rows, schema=RESULT_SCHEMA)
    if data_docs_dir is not None:
        # Each ValidationDefinition.run stored its result in the context, which the site renders;
        # then our offline index replaces GX's script-drawn one.
        context.build_data_docs(site_names=["newsclaims"])
        write_offline_index(data_docs_dir, frame, run_id)
    return frame
