"""transforms/reconcile/identity.py: cluster ids that outlive a run."""

from __future__ import annotations

import polars as pl

from transforms.reconcile.identity import carry_ids


def _clusters(**members: list[str]) -> pl.DataFrame:
    rows = [(m, cid) for cid, ms in members.items() for m in ms]
    return pl.DataFrame(rows, schema={"article_id": pl.String, "id": pl.String}, orient="row")


def _lineage(carried) -> list[tuple]:
    return sorted(carried.lineage.iter_rows(), key=str)


def test_a_member_joining_keeps_the_id_even_when_its_content_id_would_change():
    # "a" joins, and is smaller than every old member: the fresh content id is evt_a.
    carried = carry_ids(
        _clusters(evt_a=["a", "b", "c"]), _clusters(evt_b=["b", "c"]), member="article_id"
    )
    assert carried.renamed.rows() == [("evt_a", "evt_b")]
    assert carried.lineage.height == 0  # growth is not a change of identity


def test_first_run_every_cluster_is_new_under_its_content_id():
    carried = carry_ids(_clusters(evt_a=["a"], evt_b=["b", "c"]), _clusters(), member="article_id")
    assert sorted(carried.renamed.rows()) == [("evt_a", "evt_a"), ("evt_b", "evt_b")]
    assert _lineage(carried) == [("evt_a", None, None, "new"), ("evt_b", None, None, "new")]


def test_a_merge_keeps_the_id_of_the_bigger_part_and_records_the_retired_one():
    carried = carry_ids(
        _clusters(evt_a=["a", "b", "c", "d", "e"]),
        _clusters(evt_x=["a", "b"], evt_y=["c", "d", "e"]),
        member="article_id",
    )
    assert carried.renamed.rows() == [("evt_a", "evt_y")]
    assert _lineage(carried) == [("evt_y", "evt_x", 2, "merged")]


def test_a_split_keeps_the_id_on_the_bigger_piece_and_the_other_gets_a_fresh_one():
    carried = carry_ids(
        _clusters(evt_a=["a", "b"], evt_c=["c", "d", "e"]),
        _clusters(evt_x=["a", "b", "c", "d", "e"]),
        member="article_id",
    )
    renamed = dict(carried.renamed.rows())
    assert renamed == {"evt_c": "evt_x", "evt_a": "evt_a"}
    assert _lineage(carried) == [("evt_a", "evt_x", 2, "split")]


def test_a_retired_id_is_never_handed_to_another_cluster():
    # The old evt_a (members a, b) merged into evt_x; a new, unrelated cluster whose smallest
    # member is "a2" cannot collide, but one whose fresh id is the retired evt_a must not
    # reuse it: here "a" itself left its old cluster for a new one alone.
    previous = _clusters(evt_a=["a", "b", "c"], evt_q=["q"])
    current = _clusters(evt_b=["b", "c"], evt_a=["a"], evt_q=["q"])
    carried = carry_ids(current, previous, member="article_id")
    renamed = dict(carried.renamed.rows())
    assert renamed["evt_b"] == "evt_a"  # the bigger piece keeps the old id
    assert renamed["evt_a"] not in {"evt_a", "evt_b", "evt_q"}
    assert renamed["evt_a"].startswith("evt_")
    assert renamed["evt_q"] == "evt_q"
    assert "split" in carried.lineage["change"].to_list()


def test_apply_renames_a_column_and_leaves_nulls():
    carried = carry_ids(_clusters(evt_a=["a", "b"]), _clusters(evt_b=["b"]), member="article_id")
    frame = pl.DataFrame({"article_id": ["a", "z"], "event_id": ["evt_a", None]})
    assert carried.apply(frame, "event_id")["event_id"].to_list() == ["evt_b", None]
