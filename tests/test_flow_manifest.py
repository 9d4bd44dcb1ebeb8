"""The flow with a manifest beside the seeds: outlets from the manifest, counted as outlets in
claim groups; the manifest's problems warn and never stop the run; an edited row reloads."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

SEED_OUTLETS = {  # what the seeds' texts name (tests/test_flow.py)
    "000_7fe958b42b5138ad.txt": "Shafaq News",
    "001_f59cfadeb53b325b.txt": "The Spokesman-Review",
    "002_873f81f42ea5c4c8.txt": "The Hill",
}
# Two outlets for four files: 003 and 004 (unnamed in their text) become one outlet, and 000
# (Shafaq News in its text) is overridden. Then bad rows: a missing file, a bad date, a
# duplicate path and a malformed line.
MANIFEST = """\
path,outlet,published_date,authors
000_7fe958b42b5138ad.txt,Kyiv Independent,2025-06-02,Olena Petrenko; Ivan Shevchenko
003_d8c5d29484ad8bfa.txt,Kyiv Independent,,
004_ad8bc4a68c4da5d8.txt,Ukrinform,2 June 2025,
missing.txt,Nobody,,
003_d8c5d29484ad8bfa.txt,Ukrinform,,
"a line, "broken
"""


def fetch(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def manifest_run(tmp_path_factory, prefect_harness):
    import shutil

    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings
    from tests.conftest import SEEDS

    source = tmp_path_factory.mktemp("source")
    shutil.copytree(SEEDS, source, dirs_exist_ok=True)
    (source / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    warehouse = tmp_path_factory.mktemp("warehouse")
    settings = Settings().with_overrides(source=str(source), warehouse_dir=warehouse)
    return source, warehouse, settings, newsclaims_flow(settings=settings)


def test_the_manifest_is_not_an_article_and_its_problems_only_warn(manifest_run):
    _, warehouse, _, summary = manifest_run
    assert summary.status == "published", summary.render()
    assert (summary.files_seen, summary.files_loaded) == (5, 5)
    assert fetch(warehouse, "SELECT count(*) FROM articles WHERE path LIKE '%manifest%'") == [(0,)]
    issues = fetch(warehouse, "SELECT line, path, issue FROM manifest_issues ORDER BY line")
    assert [(line, path) for line, path, _ in issues] == [
        (4, "004_ad8bc4a68c4da5d8.txt"),  # the bad date (its outlet is still used)
        (5, "missing.txt"),
        (6, "003_d8c5d29484ad8bfa.txt"),  # duplicate
        (7, None),  # malformed
    ]
    failed = [(c["severity"], c["table_name"]) for c in summary.failed_checks]
    assert ("warning", "manifest_rows") in failed
    rendered = summary.render()
    assert "manifest: 4 issue(s)" in rendered and "line 5 (missing.txt)" in rendered


def test_every_article_gets_its_outlet_and_the_source_is_recorded(manifest_run):
    _, warehouse, _, _ = manifest_run
    rows = fetch(
        warehouse,
        """SELECT regexp_extract(path, '[^/]+$'), outlet, outlet_key, metadata_sources.outlet,
                  published_date::VARCHAR, authors
           FROM articles ORDER BY path""",
    )
    assert rows == [
        (
            "000_7fe958b42b5138ad.txt",
            "Kyiv Independent",
            "Kyiv Independent",
            "manifest",
            "2025-06-02",
            ["Olena Petrenko", "Ivan Shevchenko"],
        ),
        ("001_f59cfadeb53b325b.txt", "The Spokesman-Review", "The Spokesman-Review", "text")
        + rows[1][4:],
        ("002_873f81f42ea5c4c8.txt", "The Hill", "The Hill", "text") + rows[2][4:],
        ("003_d8c5d29484ad8bfa.txt", "Kyiv Independent", "Kyiv Independent", "manifest")
        + rows[3][4:],
        ("004_ad8bc4a68c4da5d8.txt", "Ukrinform", "Ukrinform", "manifest", "2025-06-02")
        + rows[4][5:],  # the bad manifest date is ignored: the text's date stays
    ]


def test_claim_groups_count_outlets_not_articles(manifest_run):
    _, warehouse, _, _ = manifest_run
    groups = fetch(
        warehouse,
        """SELECT g.n_outlets, g.n_independent, count(DISTINCT c.article_id),
                  count(DISTINCT a.outlet_key)
           FROM claim_groups g JOIN numeric_claims c USING (group_id)
           JOIN articles a USING (article_id)
           WHERE g.subject = 'body' AND g.scope = 'per_side' GROUP BY ALL""",
    )
    # Four articles report the per-side count (tests/test_flow.py); 000 and 003 are one outlet.
    assert groups == [(3, 3, 4, 3)]


def test_an_edited_manifest_row_reloads_its_unchanged_file(manifest_run):
    from flows.pipeline import newsclaims_flow

    source, warehouse, settings, _ = manifest_run
    (source / "manifest.csv").write_text(
        "path,outlet\n003_d8c5d29484ad8bfa.txt,Ukrinform\n", encoding="utf-8"
    )
    summary = newsclaims_flow(settings=settings)
    assert summary.status == "published", summary.render()
    outlets = dict(
        fetch(warehouse, "SELECT regexp_extract(path, '[^/]+$'), outlet_key FROM articles")
    )
    assert outlets["003_d8c5d29484ad8bfa.txt"] == "Ukrinform"
    assert outlets["000_7fe958b42b5138ad.txt"] == SEED_OUTLETS["000_7fe958b42b5138ad.txt"]
    assert fetch(warehouse, "SELECT count(*) FROM manifest_issues") == [(0,)]
