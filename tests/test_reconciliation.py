"""Cross-source reconciliation on the seeds: events, wire copies, claim groups."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, SHARED

BBC = SHARED / "corpora" / "bbc"
# A story of another time and place that still names Ukraine and Russia: the hard case for
# event grouping (2004-05 BBC business story about Ukrainian privatisations).
BBC_UKRAINE = BBC / "business" / "136.txt"
OTHER_EVENT = """\
Harbour festival draws record crowds

More than 40,000 visitors came to the Bristol harbour festival over the weekend, organisers \
said, with 300 boats on the water and three stages of music.

Mayor Marvin Rees said the festival would return next July for its 50th edition.
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_harness) -> Path:
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    root = tmp_path_factory.mktemp("reconcile")
    source = root / "source"
    shutil.copytree(SEEDS, source)
    (source / "900_other_event.txt").write_text(OTHER_EVENT, encoding="utf-8")
    if BBC_UKRAINE.exists():
        shutil.copy(BBC_UKRAINE, source / "901_bbc_business_136.txt")
    summary = newsclaims_flow(
        settings=Settings().with_overrides(source=str(source), warehouse_dir=root / "wh")
    )
    assert summary.status == "published", summary.render()
    return root / "wh"


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def seed_event(warehouse: Path) -> str:
    return query(warehouse, "SELECT event_id FROM articles WHERE outlet = 'Shafaq News'")[0][0]


def test_seeds_form_one_event_and_other_stories_their_own(warehouse):
    event = seed_event(warehouse)
    members = query(warehouse, f"SELECT count(*) FROM articles WHERE event_id = '{event}'")
    assert members == [(5,)]
    others = query(warehouse, "SELECT path, event_id FROM articles WHERE path LIKE '%/90%'")
    assert len(others) == (2 if BBC_UKRAINE.exists() else 1)
    assert all(event_id != event for _, event_id in others)
    assert query(
        warehouse,
        f"SELECT n_articles, n_outlets, first_date FROM events WHERE event_id = '{event}'",
    )[0][:2] == (5, 5)


def test_other_events_join_no_seed_group(warehouse):
    event = seed_event(warehouse)
    rows = query(
        warehouse,
        f"""
        SELECT count(*) FROM numeric_claims c JOIN articles a USING (article_id)
        JOIN claim_groups g USING (group_id)
        WHERE a.path LIKE '%/90%' AND g.event_id = '{event}'""",
    )
    assert rows == [(0,)]
    festival = query(
        warehouse,
        """
        SELECT g.status FROM numeric_claims c JOIN articles a USING (article_id)
        JOIN claim_groups g USING (group_id)
        WHERE a.path LIKE '%900_other_event.txt' AND c.quote LIKE '%40,000%'""",
    )
    assert festival == [("single_source",)]


def test_bodies_group_is_consistent_across_four_outlets(warehouse):
    rows = query(
        warehouse,
        """
        SELECT status, n_outlets, n_independent, consensus_low, consensus_high
        FROM claim_groups WHERE subject = 'body'""",
    )
    assert rows == [("consistent", 4, 4, 6000.0, 6000.0)]
    quotes = query(
        warehouse,
        """
        SELECT c.quote FROM numeric_claims c JOIN claim_groups g USING (group_id)
        WHERE g.subject = 'body' ORDER BY c.quote""",
    )
    assert {q for (q,) in quotes} == {"more than 6,000", "6,000", "12,000"}


def test_territory_share_agrees_across_fraction_and_percent(warehouse):
    rows = query(
        warehouse,
        """
        SELECT g.status, g.n_outlets, string_agg(c.quote, ' / ' ORDER BY c.quote)
        FROM claim_groups g JOIN numeric_claims c USING (group_id)
        WHERE g.subject = 'territory' GROUP BY ALL""",
    )
    assert rows == [("consistent", 2, "about 20 percent / nearly one-fifth")]


def test_front_line_miles_and_kilometres_agree(warehouse):
    rows = query(
        warehouse,
        """
        SELECT g.status, g.unit, g.n_outlets, g.n_independent, round(g.consensus_low),
               string_agg(c.quote, ' / ' ORDER BY c.quote)
        FROM claim_groups g JOIN numeric_claims c USING (group_id)
        WHERE g.subject = 'front line' GROUP BY ALL""",
    )
    # 003 and 004 print the same AP paragraph: two outlets, one independent source.
    assert rows == [
        ("consistent", "km", 2, 1, 998.0, "620-mile / 620-mile / roughly 1,000-kilometer")
    ]


def test_162_drones_is_wire_copy_with_one_independent_source(warehouse):
    sentences = query(
        warehouse,
        """
        SELECT is_wire_copy, wire_group FROM sentences
        WHERE text LIKE 'Russian air defen%downed 162 Ukrainian drones%'""",
    )
    assert len(sentences) == 2
    assert all(is_copy for is_copy, _ in sentences)
    assert sentences[0][1] == sentences[1][1]
    group = query(
        warehouse,
        """
        SELECT g.status, g.n_outlets, g.n_independent FROM claim_groups g
        JOIN numeric_claims c USING (group_id) WHERE c.quote = '162'""",
    )
    assert set(group) == {("consistent", 2, 1)}


def test_own_reporting_is_not_wire_copy(warehouse):
    rows = query(
        warehouse,
        """
        SELECT is_wire_copy FROM sentences
        WHERE text LIKE 'Despite the brief meeting and low expectations%'""",
    )
    assert rows == [(False,)]


def test_52_out_of_80_drones_stay_two_quantities(warehouse):
    rows = query(
        warehouse,
        """
        SELECT c.quote, g.n_articles, g.consensus_low FROM numeric_claims c
        JOIN claim_groups g USING (group_id) WHERE c.quote IN ('52', '80') ORDER BY 1""",
    )
    assert rows == [("52", 2, 52.0), ("52", 2, 52.0), ("80", 2, 80.0), ("80", 2, 80.0)]


def test_comparison_view_puts_outlets_side_by_side(warehouse):
    rows = query(
        warehouse,
        """
        SELECT outlet_key, per_side_value, bounds FROM claim_comparison
        WHERE subject = 'body' ORDER BY outlet_key""",
    )
    assert len(rows) == 4
    assert {r[0] for r in rows} >= {"Shafaq News", "The Hill", "The Spokesman-Review"}
    assert all(r[1] == 6000.0 for r in rows)
    assert any("more_than" in r[2] for r in rows)


def test_data_docs_are_written_and_readable_offline(warehouse):
    index = warehouse / "data_docs" / "index.html"
    page = index.read_text(encoding="utf-8")
    assert "body_count_agreement" in page and "<script" not in page
    assert "http" not in page.split("<body>")[1].split("validations/")[0]
    assert list((warehouse / "data_docs" / "validations").rglob("*.html"))


def test_a_split_group_cannot_hide_a_body_count_disagreement(run_flow, seed_copy, tmp_path):
    # One outlet gives two incompatible per-side figures in one article; grouping splits such
    # a bucket into value clusters, so the claim-level check must still see 9,000 vs 6,000.
    (seed_copy / "005_two_figures.txt").write_text(
        "Istanbul talks end with swap deal\n\n"
        "Russia and Ukraine agreed in Istanbul to hand over the bodies of 9,000 killed soldiers "
        "from each side, Rustem Umerov said after meeting Vladimir Medinsky.\n\n"
        "Earlier drafts had named the bodies of 900 soldiers from each side, Umerov said.\n",
        encoding="utf-8",
    )
    summary = run_flow(seed_copy, tmp_path / "wh")
    assert summary.status == "blocked"
    failed = {c["table_name"] for c in summary.blocking_failures}
    assert "body_count_per_side_reports" in failed
    assert "bodies per side disagree" in summary.message
