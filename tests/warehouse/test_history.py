"""warehouse/history.py: every publishing run appends the state of every claim group."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.warehouse.rows import insert, new_build
from warehouse import history, store

# Run 1 has the seeds but these two; runs 2 and 3 add one each. 002 (The Hill) holds the
# smallest claim_id of the bodies-per-side group and the smallest article_id of the event:
# its joining would re-key both under content ids, so it is the hard case for stable ids.
LATER = ("001_f59cfadeb53b325b.txt", "002_873f81f42ea5c4c8.txt")


def test_record_appends_one_row_per_group_and_replaces_a_retried_run(tmp_path):
    build = new_build(tmp_path)
    group = {"group_id": "g1", "event_id": "e1", "subject": "body", "n_outlets": 2}
    at = datetime(2026, 1, 1)
    with store.connect(build) as con:
        insert(con, "claim_groups", [group, {**group, "group_id": "g2"}])
        assert history.record_claim_groups(con, "r1", at) == 2
        assert history.record_claim_groups(con, "r2", at) == 2
        assert history.record_claim_groups(con, "r2", at) == 2  # a retry counts once
        rows = con.execute(
            "SELECT run_id, group_id, n_outlets FROM claim_group_history ORDER BY ALL"
        ).fetchall()
    assert rows == [("r1", "g1", 2), ("r1", "g2", 2), ("r2", "g1", 2), ("r2", "g2", 2)]


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory, prefect_harness) -> Path:
    """One warehouse fed three times, one more seed article each time."""
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    root = tmp_path_factory.mktemp("history")
    source, warehouse = root / "source", root / "warehouse"
    source.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        if seed.name not in LATER:
            shutil.copy(seed, source / seed.name)
    for added in (None, *LATER):
        if added:
            shutil.copy(SEEDS / added, source / added)
        summary = newsclaims_flow(source=str(source), warehouse=str(warehouse), settings=Settings())
        assert summary.status == "published", summary.render()
    return warehouse / "newsclaims.duckdb"


def test_three_runs_leave_three_states_of_every_group(three_runs):
    with duckdb.connect(str(three_runs), read_only=True) as con:
        runs = con.execute(
            "SELECT run_id FROM runs WHERE published ORDER BY finished_at"
        ).fetchall()
        recorded = con.execute(
            "SELECT run_id, count(*) FROM claim_group_history GROUP BY run_id ORDER BY run_id"
        ).fetchall()
        latest = con.execute("SELECT count(*) FROM claim_groups").fetchall()[0][0]
    assert len(runs) == 3
    assert [r for r, _ in recorded] == sorted(r for (r,) in runs)
    assert recorded[-1][1] == latest  # the last run recorded the groups it published


def test_the_bodies_group_keeps_its_id_while_outlets_join(three_runs):
    with duckdb.connect(str(three_runs), read_only=True) as con:
        rows = con.execute(
            """SELECT h.group_id, h.event_id, h.n_outlets, h.status, h.consensus_low
               FROM claim_group_history h JOIN runs r USING (run_id)
               WHERE h.subject = 'body' AND h.scope = 'per_side'
               ORDER BY r.finished_at"""
        ).fetchall()
        current = con.execute(
            "SELECT group_id FROM claim_groups WHERE subject = 'body' AND scope = 'per_side'"
        ).fetchall()
    assert len(rows) == 3
    assert {r[0] for r in rows} == {current[0][0]}  # one id across the three runs
    assert len({r[1] for r in rows}) == 1
    assert [r[2] for r in rows] == [2, 3, 4]
    assert {(r[3], r[4]) for r in rows} == {("consistent", 6000.0)}


def test_the_event_keeps_its_id_and_lineage_records_only_its_birth(three_runs):
    with duckdb.connect(str(three_runs), read_only=True) as con:
        events = con.execute("SELECT event_id, n_articles FROM events").fetchall()
        lineage = con.execute(
            """SELECT l.id, l.change, r.finished_at
               FROM id_lineage l JOIN runs r USING (run_id)
               WHERE l.kind = 'event' ORDER BY r.finished_at"""
        ).fetchall()
        first_run = con.execute(
            "SELECT run_id FROM runs WHERE published ORDER BY finished_at LIMIT 1"
        ).fetchall()[0][0]
        born = con.execute("SELECT DISTINCT run_id FROM id_lineage WHERE kind = 'event'").fetchall()
    assert len(events) == 1 and events[0][1] == 5
    # The event was new in run 1 and kept its id as two articles (one with a smaller id) joined.
    assert [(i, c) for i, c, _ in lineage] == [(events[0][0], "new")]
    assert born == [(first_run,)]


def test_the_report_shows_how_the_bodies_group_moved(three_runs, tmp_path):
    import re

    from warehouse.pages.build import build_report

    index = build_report(three_runs, tmp_path / "report")
    (event_page,) = (index.parent / "events").glob("*.html")
    html = event_page.read_text(encoding="utf-8")
    sections = re.findall(
        r'<section class="group[^"]*"[^>]*data-subject="body".*?</section>', html, re.S
    )
    moved = [s for s in sections if "How it moved" in s]
    assert len(moved) == 1  # the per-side bodies group; the others did not change
    rows = re.findall(r"<table class=history>.*?</table>", moved[0], re.S)[0].split("<tr>")[2:]
    outlets = [re.findall(r"<td class=num>(\d+)</td>", row)[0] for row in rows]
    assert outlets == ["2", "3", "4"]  # one row per publishing run, oldest first
