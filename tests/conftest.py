"""Shared fixtures: the seeds, a Prefect test harness, and a helper to run the flow."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SHARED = PROJECT.parent / "shared"


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (~10 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seeds that a test may add files to."""
    target = tmp_path / "source"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture()
def run_flow(prefect_harness):
    """Run the flow with a source and a warehouse folder; returns the RunSummary."""
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    def run(source: Path, warehouse: Path, **overrides):
        settings = Settings().with_overrides(
            source=str(source), warehouse_dir=warehouse, **overrides
        )
        return newsclaims_flow(settings=settings)

    return run
