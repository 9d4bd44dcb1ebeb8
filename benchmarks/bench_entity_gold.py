"""Entity accuracy against the hand-labelled gold in benchmarks/gold/ (see its README).

    uv run python benchmarks/bench_entity_gold.py draft --corpus bbc     # rows to judge
    uv run python benchmarks/bench_entity_gold.py score --write          # before and after

`draft` lists, from a published warehouse, the 100 most mentioned entities and 40 random
merges (one mention whose name key differs from its entity's name, paired with a mention of
the name itself), each with the sentence it stands in, for judging by hand. `score`
re-runs the entity stage of the current code on the same warehouse's `entity_mentions`
("after") and compares both outputs with the gold: label accuracy, canonical name accuracy
and merge precision (of the gold merges the output still makes, the share judged right).
Rows are keyed by mentions (article_id, start_char, end_char), matched after a change by
overlap, so the gold does not depend on entity ids or names.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.entities.canonicalize import canonicalize_mentions  # noqa: E402
from transforms.entities.names import name_key  # noqa: E402
from transforms.entities.pins import read_pinned_aliases  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
RESULTS = ROOT / "benchmarks" / "results" / "entities.md"
# Published warehouses of the current main code (read-only); see benchmarks/gold/README.md.
WAREHOUSES = {
    "bbc": ROOT.parent / "cache" / "bbc" / "newsclaims.duckdb",
    "ecbplus": ROOT.parent / "cache" / "ecbplus" / "newsclaims.duckdb",
}
TOP = 100
MERGES = 40
SEED = 13


def _tables(path: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(entities, entity_mentions, sentences, articles) of a warehouse, opened read-only."""
    with duckdb.connect(str(path), read_only=True) as con:
        entities = con.sql("select * from entities").pl()
        mentions = con.sql("select * from entity_mentions").pl()
        sentences = con.sql("select sentence_id, text as sentence from sentences").pl()
        articles = con.sql("select article_id, path from articles").pl()
    return entities, mentions, sentences, articles


def _context(row: dict, sentence: str | None) -> str:
    text = " ".join((sentence or "").split())
    return text.replace(row["text"], f"[{row['text']}]", 1)[:300]


def draft(corpus: str, out_dir: Path) -> None:
    """Write the draft gold files of `corpus`: system values, to be corrected by hand."""
    entities, mentions, sentences, articles = _tables(WAREHOUSES[corpus])
    mentions = (
        mentions.join(sentences, on="sentence_id", how="left")
        .join(articles, on="article_id", how="left")
        .with_columns(pl.col("path").str.replace(r"^.*/corpora/[^/]+/", ""))
        .sort("article_id", "start_char")
    )
    top = entities.sort(["mention_count", "entity_id"], descending=[True, False]).head(TOP)
    rows = []
    for ent in top.iter_rows(named=True):
        own = mentions.filter(pl.col("entity_id") == ent["entity_id"])
        texts = own["text"].value_counts(sort=True)
        key_text = texts.row(0)[0]
        rep = own.filter(pl.col("text") == key_text).row(0, named=True)
        other = own.filter(pl.col("article_id") != rep["article_id"])
        other_ctx = (
            _context(other.row(0, named=True), other.row(0, named=True)["sentence"])
            if other.height
            else ""
        )
        labels = own["label"].value_counts(sort=True).rows()
        rows.append(
            {
                "file": rep["path"], "article_id": rep["article_id"],
                "start_char": rep["start_char"], "end_char": rep["end_char"],
                "mention": key_text, "system_name": ent["name"], "system_label": ent["label"],
                "gold_name": ent["name"], "gold_label": ent["label"],
                "mention_count": ent["mention_count"],
                "spacy_labels": " ".join(f"{lab}:{n}" for lab, n in labels),
                "aliases": " | ".join(f"{t}:{n}" for t, n in texts.rows()[:8]),
                "context": _context(rep, rep["sentence"]), "context2": other_ctx,
            }
        )  # fmt: skip
    _write(out_dir / f"entities_{corpus}.draft.csv", rows)
    _write(out_dir / f"merges_{corpus}.draft.csv", _merge_rows(entities, mentions))


def _merge_rows(entities: pl.DataFrame, mentions: pl.DataFrame) -> list[dict]:
    """40 random (entity, spelling) pairs whose spelling's key differs from the name's."""
    name_of = dict(zip(entities["entity_id"], entities["name"], strict=True))
    keyed = mentions.with_columns(
        pl.col("text").map_elements(name_key, pl.String).alias("k"),
        pl.col("entity_id").replace_strict(name_of).alias("entity_name"),
    )
    keyed = keyed.with_columns(
        pl.col("entity_name").map_elements(name_key, pl.String).alias("name_k")
    )
    named = keyed.filter(pl.col("k") == pl.col("name_k")).unique("entity_id", keep="first")
    anchor = {r["entity_id"]: r for r in named.iter_rows(named=True)}
    pairs = sorted(
        {(e, k) for e, k, nk in keyed.select("entity_id", "k", "name_k").rows() if k != nk and e in anchor}
    )  # fmt: skip
    rows = []
    for eid, key in sorted(random.Random(SEED).sample(pairs, min(MERGES, len(pairs)))):
        m = keyed.filter((pl.col("entity_id") == eid) & (pl.col("k") == key)).row(0, named=True)
        b = anchor[eid]
        rows.append(
            {
                "file": m["path"], "article_id": m["article_id"], "start_char": m["start_char"],
                "end_char": m["end_char"], "mention": m["text"],
                "into_file": b["path"], "into_article_id": b["article_id"],
                "into_start_char": b["start_char"], "into_end_char": b["end_char"],
                "into_mention": b["text"], "gold_same": "",
                "context": _context(m, m["sentence"]), "into_context": _context(b, b["sentence"]),
            }
        )  # fmt: skip
    return rows


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("--corpus", default="ecbplus")
    ap.add_argument("--warehouse", type=Path)
    a = ap.parse_args()
    if a.warehouse:
        WAREHOUSES[a.corpus] = a.warehouse
    draft(a.corpus, Path("/tmp/ent"))
