"""Ids that outlive a run: an event or a claim group keeps its id when members join or leave.

The clustering stages name each cluster by a content id over its smallest member, which is
deterministic but re-keys a cluster whenever a member with a smaller id joins it; a BI
bookmark or a history row would then point at nothing. Here each new cluster inherits the
id of the previous cluster it shares the most members with (each previous id goes to one
cluster at most: in a split, the piece holding most of its members keeps it). Clusters
with no predecessor keep their content id. Every inheritance that is not one-to-one is
written down as lineage (merged, split, new), so a consumer can follow a cluster across runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.text.ids import stable_id

LINEAGE_SCHEMA = {
    "id": pl.String,
    "previous_id": pl.String,
    "n_shared": pl.Int64,
    "change": pl.String,
}


@dataclass(frozen=True)
class CarriedIds:
    """`renamed` maps each fresh cluster id to the id it is published under (fresh_id, id);
    `lineage` holds one row per change (id, previous_id, n_shared, change)."""

    renamed: pl.DataFrame
    lineage: pl.DataFrame

    def apply(self, frame: pl.DataFrame, column: str) -> pl.DataFrame:
        """`frame` with `column` (fresh ids) replaced by the carried ids, in place."""
        mapping = dict(zip(self.renamed["fresh_id"], self.renamed["id"], strict=True))
        return frame.with_columns(pl.col(column).replace_strict(mapping, default=None))


def _overlaps(current: pl.DataFrame, previous: pl.DataFrame, member: str) -> pl.DataFrame:
    """(fresh_id, previous_id, n_shared) for every pair of clusters that share members,
    most shared first (ties broken by the ids, so the order is deterministic)."""
    return (
        current.join(previous.rename({"id": "previous_id"}), on=member)
        .group_by("id", "previous_id")
        .agg(pl.len().cast(pl.Int64).alias("n_shared"))
        .rename({"id": "fresh_id"})
        .sort(["n_shared", "previous_id", "fresh_id"], descending=[True, False, False])
    )


def _inherit(overlaps: pl.DataFrame) -> dict[str, str]:
    """fresh_id -> previous_id, greedily by shared members: each side used once."""
    inherited: dict[str, str] = {}
    taken: set[str] = set()
    for fresh, previous, _ in overlaps.iter_rows():
        if fresh in inherited or previous in taken:
            continue
        inherited[fresh] = previous
        taken.add(previous)
    return inherited


def _unused(fresh: str, reserved: set[str]) -> str:
    """`fresh`, or a deterministic variant of it when that id is (or was) another cluster's:
    a retired id never comes back for a different cluster."""
    candidate = fresh
    while candidate in reserved:
        candidate = stable_id(fresh.split("_", 1)[0], candidate, "reissued")
    return candidate


def carry_ids(current: pl.DataFrame, previous: pl.DataFrame, *, member: str) -> CarriedIds:
    """Carry the ids of `previous` (member, id: the last published clusters) over to
    `current` (member, id: this run's clusters under their fresh content ids)."""
    previous = previous.select(member, "id").drop_nulls()
    overlaps = _overlaps(current.select(member, "id"), previous, member)
    inherited = _inherit(overlaps)
    reserved = set(previous["id"].to_list()) | set(inherited.values())
    renamed: dict[str, str] = {}
    for fresh in sorted(set(current["id"].to_list())):
        if fresh in inherited:
            renamed[fresh] = inherited[fresh]
        else:
            renamed[fresh] = _unused(fresh, reserved)
            reserved.add(renamed[fresh])
    mapping = pl.DataFrame(
        {"fresh_id": list(renamed), "id": list(renamed.values())},
        schema={"fresh_id": pl.String, "id": pl.String},
    )
    return CarriedIds(mapping, _lineage(mapping, overlaps, set(inherited.values())))


def _lineage(mapping: pl.DataFrame, overlaps: pl.DataFrame, carried: set[str]) -> pl.DataFrame:
    """merged: a previous cluster whose id was retired went (partly) into this one; split: part
    of a previous cluster that lives on under its own id came here; new: no predecessor."""
    moved = (
        overlaps.join(mapping, on="fresh_id")
        .filter(pl.col("id") != pl.col("previous_id"))
        .with_columns(
            pl.when(pl.col("previous_id").is_in(list(carried)))
            .then(pl.lit("split"))
            .otherwise(pl.lit("merged"))
            .alias("change")
        )
        .select(list(LINEAGE_SCHEMA))
    )
    new = mapping.join(overlaps.select("fresh_id").unique(), on="fresh_id", how="anti").select(
        "id",
        pl.lit(None, pl.String).alias("previous_id"),
        pl.lit(None, pl.Int64).alias("n_shared"),
        pl.lit("new").alias("change"),
    )
    return pl.concat([moved.cast(LINEAGE_SCHEMA), new.cast(LINEAGE_SCHEMA)]).sort(
        ["change", "id", "previous_id"], nulls_last=True
    )
