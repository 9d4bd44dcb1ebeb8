"""List every claim group in conflict that the current code forms on a whole corpus.

    .venv/bin/python benchmarks/claims_conflicts.py [--warehouse /work/cache/bbc/newsclaims.duckdb]
        [--corpus bbc] [--doc-cache /tmp/claims-docs] [--draft OUT.csv]

The issue asks the claims gold to hold every conflict that the full BBC corpus produces. This
re-runs the current claims and grouping transforms on every article of the warehouse (the
"after" run of benchmarks/bench_claims_gold.py, over all events instead of the gold's), prints
each conflict group with its claims and says whether the gold already labels it (a gold set
row matches one of its claims). `--draft` writes the unlabelled groups' claims in the layout
of benchmarks/gold/claims_sets.csv, with empty labels, for a reader to label by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import duckdb  # noqa: E402
import polars as pl  # noqa: E402
from bench_claims_gold import GOLD, after, match  # noqa: E402


def _occurrence(row: dict) -> int:
    return row["sentence"][: row["rel"]].count(row["quote"])


def conflict_claims(output, gold_sets: pl.DataFrame) -> pl.DataFrame:
    """The claims of every conflict group, with the gold set (if any) each one matches."""
    conflicts = output.groups.filter(pl.col("status") == "conflict")["group_id"]
    claims = output.claims.filter(pl.col("group_id").is_in(conflicts.to_list()))
    claims = claims.with_columns(
        pl.struct("sentence", "quote", "rel")
        .map_elements(_occurrence, return_dtype=pl.Int64)
        .alias("occurrence")
    )
    # Which claim each gold row matches, so a group with any matched claim counts as labelled.
    matched = match(gold_sets, output)
    labelled = {
        m["claim_id"]: g["set"]
        for g, m in zip(gold_sets.iter_rows(named=True), matched, strict=True)
        if m is not None
    }
    return claims.with_columns(
        pl.col("claim_id").replace_strict(labelled, default=None).alias("gold_set")
    ).sort("group_id", "path", "rel")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse", type=Path, default=ROOT / "../cache/bbc/newsclaims.duckdb")
    parser.add_argument("--corpus", default="bbc")
    parser.add_argument("--doc-cache", type=Path, help="DocBin file of all bodies (reused)")
    parser.add_argument("--draft", type=Path, help="write unlabelled conflicts here (CSV)")
    args = parser.parse_args()
    con = duckdb.connect(str(args.warehouse), read_only=True)
    from claims_sample import corpus_path

    paths = {corpus_path(p) for (p,) in con.sql("select path from articles").fetchall()}
    output = after(con, paths, args.doc_cache)
    gold_sets = pl.read_csv(GOLD / "claims_sets.csv").filter(pl.col("corpus") == args.corpus)
    claims = conflict_claims(output, gold_sets)
    groups = claims.group_by("group_id", maintain_order=True).agg(
        pl.col("gold_set").drop_nulls().unique().alias("sets")
    )
    unlabelled = [g for g, sets in groups.iter_rows() if not sets]
    print(f"{groups.height} conflict groups; {groups.height - len(unlabelled)} already labelled")
    for gid, sets in groups.iter_rows():
        print(f"\n== {gid} gold={','.join(sets) or '-'}")
        for r in claims.filter(pl.col("group_id") == gid).iter_rows(named=True):
            print(f"  {r['path']} {r['quote']!r}={r['value']} "
                  f"[{r['compare_low']}, {r['compare_high']}] {r['subject_key']} :: "
                  f"{r['sentence'][:160]}")  # fmt: skip
    if args.draft:
        rows = claims.filter(pl.col("group_id").is_in(unlabelled))
        rows.select(
            pl.col("group_id").alias("set"), pl.lit("conflict-after").alias("source"),
            pl.lit(args.corpus).alias("corpus"), "path", "sentence", "quote", "occurrence",
            pl.col("value").alias("value_before"), pl.col("value").alias("gold_value"),
            pl.lit("").alias("label"), pl.lit("").alias("note"),
        ).write_csv(args.draft)  # fmt: skip


if __name__ == "__main__":
    main()
