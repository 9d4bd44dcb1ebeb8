"""The whole-build stages and the report in child processes (flows/isolation.py): the same
warehouse, row for row, and the same report pages as in the flow's process; the child's result
and errors come back."""

from __future__ import annotations

import os

import pytest

from flows import isolation
from flows.settings import Settings, SettingsError
from tests.conftest import SEEDS
from warehouse.store import comparable_tables


def test_isolated_work_runs_in_another_process_and_returns_its_result():
    assert isolation.run(os.getpid, isolate=True) != os.getpid()
    assert isolation.run(os.getpid, isolate=False) == os.getpid()
    assert isolation.run(divmod, 17, 5, isolate=True) == (3, 2)


def test_an_isolated_error_is_raised_here_as_it_was_there():
    with pytest.raises(ValueError, match="invalid literal for int"):
        isolation.run(int, "seven", isolate=True)


def test_isolated_stages_build_the_same_warehouse(tmp_path, run_flow, monkeypatch):
    # The seeds (5 articles) stay in the flow's process by default; 0 isolates every build.
    calls: list[tuple[str, bool]] = []
    run = isolation.run

    def recorded(work, *args, isolate):
        calls.append((work.__name__, isolate))
        return run(work, *args, isolate=isolate)

    monkeypatch.setattr(isolation, "run", recorded)
    stages = [
        "withhold_faulty_articles",
        "canonicalize_entities",
        "reconcile_build",
        "validate_build",
        "build_report",
    ]
    here = run_flow(SEEDS, tmp_path / "here")
    assert calls == [(name, False) for name in stages]
    calls.clear()
    isolated = run_flow(SEEDS, tmp_path / "isolated", isolate_articles=0)
    assert calls == [(name, True) for name in stages]
    assert (here.status, isolated.status) == ("published", "published")
    assert here.row_counts == isolated.row_counts and here.row_counts["entities"] == 75
    expected = comparable_tables(tmp_path / "here" / "newsclaims.duckdb")
    got = comparable_tables(tmp_path / "isolated" / "newsclaims.duckdb")
    assert sorted(got) == sorted(expected)
    for name, frame in expected.items():
        assert got[name].equals(frame), name
    # The report, drawn in a child too, has the pages of the one drawn here, the same but
    # for the run id each page's footer names.
    pages = []
    for summary in (here, isolated):
        folder = summary.report.parent
        pages.append(
            {
                str(p.relative_to(folder)): p.read_text(encoding="utf-8").replace(
                    summary.run_id, "<run>"
                )
                for p in sorted(folder.rglob("*.html"))
            }
        )
    assert pages[0] == pages[1] and sum(p.startswith("articles/") for p in pages[1]) == 5


def test_builds_from_the_threshold_up_are_isolated(monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_ISOLATE_ARTICLES", "2_000")
    settings = Settings()
    assert (settings.isolates(1_999), settings.isolates(2_000)) == (False, True)
    monkeypatch.delenv("NEWSCLAIMS_ISOLATE_ARTICLES")
    assert Settings().isolate_articles == 5_000 and Settings().with_overrides(
        isolate_articles=0
    ).isolates(0)


@pytest.mark.parametrize("value", ["-1", "many", "1.5"])
def test_a_bad_isolate_threshold_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("NEWSCLAIMS_ISOLATE_ARTICLES", value)
    with pytest.raises(SettingsError, match="NEWSCLAIMS_ISOLATE_ARTICLES must be a whole number"):
        Settings()
