"""The flow end to end on the seeds, under Prefect's test harness, into temporary folders."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from warehouse.audit import TABLE_FRAMES

# A sixth outlet that reports 9,000 bodies per side: it contradicts the four seed outlets.
CONTRADICTING_ARTICLE = """\
Prisoner swap agreed in Istanbul talks

Russia and Ukraine agreed in Istanbul on Monday to hand over the bodies of 9,000 killed \
soldiers from each side, Defense Minister Rustem Umerov said after the talks at the Ciragan \
Palace with Vladimir Medinsky.

Both sides also agreed to exchange wounded prisoners of war, Umerov said.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory, prefect_harness) -> tuple[Path, object]:
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    warehouse = tmp_path_factory.mktemp("warehouse")
    summary = newsclaims_flow(source=str(SEEDS), warehouse=str(warehouse), settings=Settings())
    return warehouse, summary


def test_seeds_publish_five_articles(seeds_warehouse):
    warehouse, summary = seeds_warehouse
    assert summary.status == "published", summary.render()
    assert (summary.files_seen, summary.files_loaded, len(summary.quarantined)) == (5, 5, 0)
    assert fetch(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    assert summary.blocking_failures == []


def test_bodies_per_side_is_6000_and_consistent(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    rows = fetch(
        warehouse,
        """SELECT consensus_low, consensus_high, status, n_outlets, n_independent
           FROM claim_groups WHERE subject = 'body' AND scope = 'per_side'""",
    )
    assert rows == [(6000.0, 6000.0, "consistent", 4, 4)]


def test_rustem_umerov_is_a_person(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    rows = fetch(
        warehouse, "SELECT label, article_count FROM entities WHERE name = 'Rustem Umerov'"
    )
    assert rows == [("PERSON", 5)]


def test_every_quote_is_its_body_slice(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        bodies = dict(con.execute("SELECT article_id, body FROM articles").fetchall())
        parts = dict(con.execute("SELECT part_id, text FROM article_parts").fetchall())
        for table, text, where in (
            ("sentences", "text", ""),
            ("numeric_claims", "quote", "WHERE part_role = 'body'"),
            ("entity_mentions", "text", "WHERE part_role = 'body'"),
        ):
            rows = con.execute(
                f"SELECT article_id, start_char, end_char, {text} FROM {table} {where}"
            ).fetchall()
            assert rows, table
            for article_id, start, end, value in rows:
                assert bodies[article_id][start:end] == value, (table, value)
        captions = con.execute(
            "SELECT part_id, start_char, end_char, text FROM entity_mentions "
            "WHERE part_role = 'caption'"
        ).fetchall()
        assert captions
        # Claims of captions (and headlines, none of which in the seeds holds a number).
        part_claims = con.execute(
            "SELECT part_id, start_char, end_char, quote FROM numeric_claims "
            "WHERE part_role <> 'body' AND sentence_id IS NULL"
        ).fetchall()
        assert part_claims
        for part_id, start, end, value in captions + part_claims:
            assert parts[part_id][start:end] == value, value


def test_caption_names_and_donetsk_in_the_seeds(seeds_warehouse):
    # Issue 13: Ibrahim Kalin and Irkutsk are printed only in photo captions; Donetsk is a
    # place in both articles that mention it.
    warehouse, _ = seeds_warehouse
    rows = fetch(
        warehouse,
        """SELECT m.text, m.part_role, p.role, e.label
           FROM entity_mentions m JOIN entities e USING (entity_id)
           LEFT JOIN article_parts p ON p.part_id = m.part_id
           WHERE m.text IN ('Ibrahim Kalin', 'Irkutsk') ORDER BY 1""",
    )
    assert [r[:3] for r in rows] == [
        ("Ibrahim Kalin", "caption", "caption"), ("Irkutsk", "caption", "caption")
    ]  # fmt: skip
    assert [r[3] for r in rows] == ["PERSON", "GPE"]
    donetsk = fetch(
        warehouse,
        """SELECT count(DISTINCT m.article_id), any_value(e.label)
           FROM entity_mentions m JOIN entities e USING (entity_id)
           WHERE m.text = 'Donetsk' AND m.part_role = 'body'""",
    )
    assert donetsk == [(2, "GPE")]


def test_checks_recorded_for_the_run(seeds_warehouse):
    warehouse, summary = seeds_warehouse
    rows = fetch(
        warehouse,
        f"SELECT count(*), count(*) FILTER (WHERE severity = 'critical') FROM check_results "
        f"WHERE run_id = '{summary.run_id}'",
    )
    total, critical = rows[0]
    assert total == summary.checks_passed + len(summary.failed_checks)
    assert critical >= 10
    assert fetch(warehouse, "SELECT status, published FROM runs") == [("published", True)]


# The curated tables: the ones the audit validates as whole frames.
CURATED = TABLE_FRAMES


def table_snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in CURATED}


def test_second_run_changes_nothing(run_flow, tmp_path):
    warehouse = tmp_path / "wh"
    first = run_flow(SEEDS, warehouse)
    before = table_snapshot(warehouse)
    second = run_flow(SEEDS, warehouse)
    assert (first.status, second.status) == ("published", "unchanged")
    assert (second.files_loaded, second.files_unchanged) == (0, 5)
    assert table_snapshot(warehouse) == before


def test_fresh_runs_give_identical_ids(run_flow, tmp_path):
    run_flow(SEEDS, tmp_path / "a")
    run_flow(SEEDS, tmp_path / "b")
    assert table_snapshot(tmp_path / "a") == table_snapshot(tmp_path / "b")


def test_contradicting_outlet_blocks_publish(run_flow, seed_copy, tmp_path):
    warehouse = tmp_path / "wh"
    assert run_flow(SEEDS, warehouse).status == "published"
    published = warehouse / "newsclaims.duckdb"
    digest = sha256(published)

    (seed_copy / "005_contradicting.txt").write_text(CONTRADICTING_ARTICLE, encoding="utf-8")
    summary = run_flow(seed_copy, warehouse)

    assert summary.status == "blocked"
    assert any(c["table_name"] == "body_count_agreement" for c in summary.blocking_failures)
    assert "body_count_agreement" in summary.message
    assert "(body) conflicts" in summary.message
    assert "9,000" in summary.message and "6,000" in summary.message
    assert "Shafaq News" in summary.message and "The Hill" in summary.message
    assert sha256(published) == digest
    assert fetch(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    # The blocked run is recorded in the run log and the rejected build kept for inspection.
    assert "blocked" in (warehouse / "runs.jsonl").read_text(encoding="utf-8")
    assert list((warehouse / "rejected").glob("*.duckdb"))


def test_blocked_run_is_listed_after_next_publish(run_flow, seed_copy, tmp_path):
    warehouse = tmp_path / "wh"
    (seed_copy / "005_contradicting.txt").write_text(CONTRADICTING_ARTICLE, encoding="utf-8")
    assert run_flow(seed_copy, warehouse).status == "blocked"
    assert not (warehouse / "newsclaims.duckdb").exists()
    (seed_copy / "005_contradicting.txt").unlink()
    assert run_flow(seed_copy, warehouse).status == "published"
    assert fetch(warehouse, "SELECT status FROM runs ORDER BY started_at") == [
        ("blocked",),
        ("published",),
    ]


def test_query_is_read_only(seeds_warehouse):
    from warehouse.query import ReadOnlyViolation, query

    warehouse, _ = seeds_warehouse
    frame = query(
        warehouse / "newsclaims.duckdb",
        "select outlet, count(*) n from articles group by 1 order by 1",
    )
    assert frame.height == 4
    with pytest.raises(ReadOnlyViolation):
        query(warehouse / "newsclaims.duckdb", "delete from articles")


def test_copy_of_seed_under_new_name_is_quarantined(run_flow, seed_copy, tmp_path):
    shutil.copy(seed_copy / "000_7fe958b42b5138ad.txt", seed_copy / "zz_copy.txt")
    summary = run_flow(seed_copy, tmp_path / "wh")
    assert summary.status == "published"
    assert [(Path(p).name, r) for p, r in summary.quarantined] == [
        ("zz_copy.txt", f"duplicate of {seed_copy / '000_7fe958b42b5138ad.txt'}")
    ]


def test_the_flow_run_is_named_after_the_run_id(seeds_warehouse):
    warehouse, summary = seeds_warehouse
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    async def names() -> list[str]:
        async with get_client() as client:
            runs = await client.read_flow_runs(
                flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[summary.run_id]))
            )
            return [run.name for run in runs]

    import asyncio

    assert asyncio.run(names()) == [summary.run_id]
    assert fetch(warehouse, "SELECT run_id FROM runs") == [(summary.run_id,)]
