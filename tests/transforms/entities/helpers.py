"""Helpers of the entities tests: seed paths, synthetic mention frames, lookups."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms.contract.schema import conform
from transforms.entities.canonicalize import canonicalize_mentions

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PIN_FILE = ROOT / "warehouse" / "entity_aliases.csv"
# The columns extract_mentions fills.
EXTRACTED = ("mention_id", "entity_id", "sentence_id")


def entity(entities: pl.DataFrame, alias: str) -> dict:
    rows = entities.filter(pl.col("aliases").list.contains(alias))
    assert rows.height == 1, f"{alias!r} is in {rows.height} entities: {rows['name'].to_list()}"
    return rows.row(0, named=True)


def mention_at(mentions: pl.DataFrame, article: str, start: int) -> dict | None:
    rows = mentions.filter(
        pl.col("article_id").str.starts_with(article)
        & (pl.col("start_char") <= start)
        & (pl.col("end_char") > start)
    )
    return rows.row(0, named=True) if rows.height else None


def frame(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    """Mentions from (article_id, text, label); offsets are fake but unique."""
    built = pl.DataFrame(
        [(a, i * 100, i * 100 + len(t), t, lab) for i, (a, t, lab) in enumerate(rows)],
        schema=["article_id", "start_char", "end_char", "text", "label"],
        orient="row",
    )
    built = built.with_columns(
        pl.lit(None, pl.String).alias("title"),
        part_role=pl.lit("body"),
        part_id=pl.lit(None, pl.String),
    )
    return conform(built, "entity_mentions", without=EXTRACTED)


def names_of(entities: pl.DataFrame) -> dict[str, list[str]]:
    return {r["name"]: r["aliases"] for r in entities.iter_rows(named=True)}


def canonical_stage(
    rows: list[tuple[str, str, str]], titles: dict[int, str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entities, mentions) of the entity stage on `frame(rows)`, as stored (no ids yet);
    `titles` gives the title of the mention at each row index."""
    mentions = frame(rows)
    if titles:
        mentions = mentions.with_columns(
            pl.Series("title", [titles.get(i) for i in range(mentions.height)], dtype=pl.String)
        )
    stored = mentions.with_columns([pl.lit(None, pl.String).alias(c) for c in EXTRACTED])
    return canonicalize_mentions(stored, None)


def entity_name_of(entities: pl.DataFrame, mentions: pl.DataFrame, article: str, text: str) -> str:
    """The canonical name of the entity holding `article`'s mention printed `text`."""
    row = mentions.filter((pl.col("article_id") == article) & (pl.col("text") == text))
    return entities.filter(pl.col("entity_id") == row["entity_id"][0])["name"][0]
