"""The parse on a Dask cluster (issue 14): a LocalCluster of two worker processes yields the
same warehouse, row for row, as a local run, and the staged batches are cleaned up."""

from __future__ import annotations

import pytest

from flows.cli import main
from flows.settings import Settings, SettingsError
from tests.conftest import SEEDS
from warehouse.store import comparable_tables


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        yield local_cluster


def test_dask_run_equals_local_run(tmp_path, run_flow, cluster):
    # Two bodies a batch: the five seeds make three batch tasks, spread over both workers.
    local = run_flow(SEEDS, tmp_path / "local", batch_size=2)
    on_dask = run_flow(
        SEEDS, tmp_path / "dask", batch_size=2, dask_address=cluster.scheduler_address
    )
    assert (local.status, on_dask.status) == ("published", "published")
    expected, got = (
        comparable_tables(tmp_path / "local" / "newsclaims.duckdb"),
        comparable_tables(tmp_path / "dask" / "newsclaims.duckdb"),
    )
    assert sorted(got) == sorted(expected)
    for name, frame in expected.items():
        assert got[name].equals(frame), name
    assert not (tmp_path / "dask" / "staging").exists()


def test_staged_batches_are_removed_when_the_run_fails(tmp_path, run_flow, cluster, monkeypatch):
    from flows import tasks

    def broken_build(*args, **kwargs):
        staged = list((tmp_path / "warehouse" / "staging").rglob("*.parquet"))
        assert len(staged) == 3 * 3  # three batches of three frames, written by the workers
        raise RuntimeError("disk full")

    monkeypatch.setattr(tasks, "write_build", broken_build)
    with pytest.raises(RuntimeError, match="disk full"):
        run_flow(
            SEEDS, tmp_path / "warehouse", batch_size=2, dask_address=cluster.scheduler_address
        )
    assert not (tmp_path / "warehouse" / "staging").exists()
    assert not (tmp_path / "warehouse" / "newsclaims.duckdb").exists()


@pytest.mark.parametrize("address", ["tcp://10.0.0.5:8786", "scheduler:8786", "localhost:1"])
def test_dask_address_accepts_scheduler_addresses(monkeypatch, address):
    monkeypatch.setenv("NEWSCLAIMS_DASK_ADDRESS", address)
    assert Settings().dask_address == address


@pytest.mark.parametrize("address", ["", "scheduler", "http://host:8786", "host:port", "a b:1"])
def test_a_bad_dask_address_names_the_variable(monkeypatch, address):
    monkeypatch.setenv("NEWSCLAIMS_DASK_ADDRESS", address)
    with pytest.raises(SettingsError, match="NEWSCLAIMS_DASK_ADDRESS"):
        Settings()


def test_a_bad_dask_flag_stops_the_run_before_it_starts(capsys):
    assert main(["run", "--dask", "not an address"]) == 4
    assert "NEWSCLAIMS_DASK_ADDRESS / --dask" in capsys.readouterr().err
