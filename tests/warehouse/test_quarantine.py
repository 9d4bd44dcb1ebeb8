"""Row-level faults withhold one article, never the build (issue 14): audit.row_faults finds
the articles whose rows break an invariant, quarantine.withhold_articles removes them and marks
their files, and the other articles stay."""

from __future__ import annotations

import polars as pl
import pytest

from tests.warehouse.rows import article, claim, insert, new_build
from warehouse import store
from warehouse.audit import audits, row_faults
from warehouse.quarantine import withhold_articles

GOOD = "Russia and Ukraine each handed over 6,000 bodies on Monday."
BAD = "Talks ran between 12 January and 10 February, officials said."


@pytest.fixture()
def con(tmp_path):
    with store.connect(new_build(tmp_path)) as con:
        insert(con, "articles", [article("good", GOOD), article("bad", BAD)])
        insert(
            con,
            "raw_files",
            [
                {"run_id": "r1", "file_id": f"f-{a}", "path": f"{a}.txt", "status": "loaded"}
                for a in ("good", "bad")
            ],
        )
        yield con


def test_row_level_audits_are_the_per_row_invariants():
    assert sorted(n for n, a in audits().items() if a.quarantines) == [
        "claim_bounds",
        "claim_slices",
        "mention_slices",
        "sentence_slices",
    ]


def test_a_clean_build_has_no_faults(con):
    insert(con, "numeric_claims", [claim("c1", "good", GOOD, "6,000", value=6000)])
    assert row_faults(con).height == 0


def test_value_outside_its_bounds_is_a_fault_of_its_article(con):
    # The BBC misreading: "between 12 January and 10" as the mmdd range 112..110.
    bad = claim("c2", "bad", BAD, "12 January and 10", value=112, low=112, high=110)
    insert(con, "numeric_claims", [claim("c1", "good", GOOD, "6,000", value=6000), bad])
    assert row_faults(con).rows() == [("bad", "claim_bounds")]


def test_quote_that_is_not_the_body_slice_is_a_fault(con):
    shifted = claim("c3", "bad", BAD, "12 January", value=112, start=3)
    insert(con, "numeric_claims", [shifted])
    assert row_faults(con).rows() == [("bad", "claim_slices")]


def test_withheld_article_leaves_the_build_and_its_file_is_quarantined(con):
    bad = claim("c2", "bad", BAD, "12 January and 10", value=112, low=112, high=110)
    insert(con, "numeric_claims", [claim("c1", "good", GOOD, "6,000", value=6000), bad])
    raw = withhold_articles(con, row_faults(con), "r1")
    assert con.execute("SELECT article_id FROM articles").fetchall() == [("good",)]
    assert con.execute("SELECT claim_id FROM numeric_claims").fetchall() == [("c1",)]
    by_path = {r["path"]: (r["status"], r["reason"]) for r in raw.iter_rows(named=True)}
    assert by_path == {
        "good.txt": ("loaded", None),
        "bad.txt": ("quarantined", "failed row check: claim_bounds"),
    }


def test_no_faults_changes_nothing(con):
    empty = pl.DataFrame(schema={"article_id": pl.String, "failed_check": pl.String})
    raw = withhold_articles(con, empty, "r1")
    assert sorted(raw["status"]) == ["loaded", "loaded"]
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
