"""Draw the claims gold sample from published warehouses, before any label is written.

    .venv/bin/python benchmarks/gold/claims_sample.py CORPUS WAREHOUSE OUT_DIR [--seed 12]

CORPUS names the rows (ecbplus, bbc, seeds). Writes four unlabelled CSVs into OUT_DIR, keyed
by article path (from the corpus root), sentence text and the printed number, never by ids:
- random_<corpus>.csv: random claims (ECB+: half from odd topics, half from even);
- groups_<corpus>.csv: the claims of random multi-article groups (at most 8 per group);
- conflicts_<corpus>.csv: the claims of every group in conflict;
- figures_<corpus>.csv: random sets of one printed value (same kind, unit, event) stated in
  two or more articles, grouped or not, at most 6 claims per set.
The labels are then written by hand into benchmarks/gold/claims_*.csv (see the README there).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import duckdb
import polars as pl

SIZES = {"ecbplus": (30, 20, 16), "bbc": (26, 14, 10), "seeds": (8, 8, 6)}
_QUERY = """
select a.path, a.event_id, c.claim_id, c.group_id, s.text as sentence, c.quote, c.kind,
       c.start_char - s.start_char as at,
       c.value, c.unit, c.subject, c.bound, c.scope, c.attributed_to
from numeric_claims c join articles a using (article_id) join sentences s using (sentence_id)
"""


def corpus_path(path: str) -> str:
    """The path from the corpus root: 'ecbplus/articles/1/1_10ecb.txt', 'seeds/000_x.txt'."""
    match = re.search(r"(?:corpora/)(.*)$", path) or re.search(r"(seeds/.*)$", path)
    return match.group(1) if match else path


def topic(path: str) -> int | None:
    match = re.search(r"ecbplus/articles/(\d+)/", path)
    return int(match.group(1)) if match else None


def _sample(rng: random.Random, items: list, n: int) -> list:
    return rng.sample(items, min(n, len(items)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    con = duckdb.connect(str(args.warehouse), read_only=True)
    claims = (
        con.sql(_QUERY)
        .pl()
        .with_columns(pl.col("path").map_elements(corpus_path, return_dtype=pl.String))
    )
    claims = claims.sort("claim_id")
    # Which occurrence of the quote in its sentence the claim is ("five" twice in a sentence).
    claims = claims.with_columns(
        pl.struct("sentence", "quote", "at")
        .map_elements(lambda r: r["sentence"][: r["at"]].count(r["quote"]), return_dtype=pl.Int64)
        .alias("occurrence")
    )
    groups = con.sql("select * from claim_groups").pl()
    n_random, n_groups, n_figures = SIZES[args.corpus]
    args.out.mkdir(parents=True, exist_ok=True)
    keep = [
        "path",
        "sentence",
        "quote",
        "occurrence",
        "kind",
        "value",
        "unit",
        "subject",
        "bound",
        "scope",
    ]

    rows = claims.to_dicts()
    if args.corpus == "ecbplus":
        odd = [r for r in rows if topic(r["path"]) % 2 == 1]
        even = [r for r in rows if topic(r["path"]) % 2 == 0]
        picked = _sample(rng, odd, n_random // 2) + _sample(rng, even, n_random - n_random // 2)
    else:
        picked = _sample(rng, rows, n_random)
    pl.DataFrame(picked).select(keep).write_csv(args.out / f"random_{args.corpus}.csv")

    multi = groups.filter(pl.col("n_articles") > 1).sort("group_id")["group_id"].to_list()
    conflicts = groups.filter(pl.col("status") == "conflict").sort("group_id")
    for name, ids in (
        ("groups", _sample(rng, multi, n_groups)),
        ("conflicts", conflicts["group_id"].to_list()),
    ):
        out = []
        for k, gid in enumerate(ids):
            members = [r for r in rows if r["group_id"] == gid]
            for r in _sample(rng, members, 8) if len(members) > 8 else members:
                out.append({"set": f"{args.corpus}-{name[0]}{k:02d}", **r})
        if out:
            pl.DataFrame(out).select(["set", *keep]).write_csv(
                args.out / f"{name}_{args.corpus}.csv"
            )

    figures: dict[tuple, list[dict]] = {}
    for r in rows:
        if r["kind"] in ("date", "ordinal", "other") or r["value"] is None:
            continue
        figures.setdefault((r["event_id"], r["kind"], r["unit"], r["value"]), []).append(r)
    shared = sorted((k for k, v in figures.items() if len({r["path"] for r in v}) > 1), key=str)
    out = []
    for k, key in enumerate(_sample(rng, shared, n_figures)):
        members = figures[key]
        for r in _sample(rng, members, 6) if len(members) > 6 else members:
            out.append({"set": f"{args.corpus}-f{k:02d}", **r})
    pl.DataFrame(out).select(["set", *keep]).write_csv(args.out / f"figures_{args.corpus}.csv")


if __name__ == "__main__":
    main()
