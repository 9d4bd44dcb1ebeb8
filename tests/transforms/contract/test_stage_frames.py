"""Every stage's output frame has exactly its warehouse table's columns and types.

The stages run on the five seeds end to end without Prefect or DuckDB (the pure transforms
alone), and each output is compared with the schema derived from warehouse/schema.sql, minus
the columns a later stage fills. A column added to schema.sql and not to a stage (or the
reverse) fails here, naming the table.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.claims.extract import extract_claims
from transforms.contract.schema import columns
from transforms.entities.canonicalize import canonicalize_mentions
from transforms.entities.mentions import extract_mentions
from transforms.ingest.files import FoundFile, classify_files
from transforms.nlp.pipeline import parse
from transforms.nlp.sentences import split_sentences
from transforms.nlp.spans import assign_sentences
from transforms.normalize.articles import prepare_articles
from transforms.reconcile import reconciliation
from transforms.reconcile.reconciliation import reconcile

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def stages() -> dict[str, pl.DataFrame]:
    import hashlib

    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        found.append(FoundFile(path=path.name, data=data, size=len(data), sha256=sha, error=None))
    raw_files, new_files = classify_files(
        found, set(), run_id="run", max_bytes=5_000_000, seen_at=datetime(2026, 12, 2)
    )
    raw_files, articles, parts = prepare_articles(raw_files, new_files)
    docs = list(parse(articles["body"].to_list()))
    sentences = split_sentences(articles, docs)
    ids = articles["article_id"].to_list()
    mentions = assign_sentences(extract_mentions(ids, docs), sentences)
    claims = assign_sentences(extract_claims(ids, docs), sentences)
    stored_mentions = mentions.with_columns(
        pl.lit(None, pl.String).alias("mention_id"), pl.lit(None, pl.String).alias("entity_id")
    )
    entities, canonical = canonicalize_mentions(stored_mentions, None)
    stored = lambda frame, table: frame.with_columns(  # noqa: E731
        [
            pl.lit(None, dtype).alias(c)
            for c, dtype in columns(table).items()
            if c not in frame.columns
        ]
    )
    inputs = {
        "in articles": stored(articles, "articles"),
        "in entity_mentions": canonical,
        "in entities": entities,
        "in sentences": stored(sentences, "sentences"),
        "in numeric_claims": stored(claims, "numeric_claims"),
    }
    result = reconcile(*inputs.values(), tolerance=0.01)
    return {
        **inputs,
        "raw_files": raw_files,
        "articles (normalize)": articles,
        "article_parts": parts,
        "sentences (parse)": sentences,
        "entity_mentions (ner)": mentions,
        "numeric_claims (extract)": claims,
        "entities": entities,
        "entity_mentions": canonical,
        "articles": result.articles,
        "sentences": result.sentences,
        "numeric_claims": result.claims,
        "events": result.events,
        "claim_groups": result.claim_groups,
    }


# (stage output, table, columns a later stage fills)
CASES = [
    ("raw_files", "raw_files", ()),
    ("articles (normalize)", "articles", ("event_id",)),
    ("article_parts", "article_parts", ()),
    ("sentences (parse)", "sentences", ("is_wire_copy", "wire_group")),
    ("entity_mentions (ner)", "entity_mentions", ("mention_id", "entity_id")),
    (
        "numeric_claims (extract)",
        "numeric_claims",
        ("attributed_entity_id", "subject_key", "compare_low", "compare_high", "group_id"),
    ),
    ("entities", "entities", ()),
    ("entity_mentions", "entity_mentions", ()),
    ("articles", "articles", ()),
    ("sentences", "sentences", ()),
    ("numeric_claims", "numeric_claims", ()),
    ("events", "events", ()),
    ("claim_groups", "claim_groups", ()),
]


@pytest.mark.parametrize(("stage", "table", "later"), CASES, ids=[c[0] for c in CASES])
def test_stage_output_matches_its_table(stages, stage, table, later):
    frame = stages[stage]
    assert frame.height > 0, f"{stage} produced no rows on the seeds"
    expected = columns(table, without=later)
    # dict equality ignores column order: builds insert BY NAME, so order is free.
    assert dict(frame.schema) == expected, f"{stage} does not match table {table}"


def test_the_two_phases_on_the_columns_the_flow_reads_set_what_reconcile_sets(stages):
    # The flow reads only ARTICLE_COLUMNS of articles, runs the phases one after the other
    # and writes back only SET_COLUMNS: that must be what reconcile gives on whole tables.
    narrow = stages["in articles"].select(reconciliation.ARTICLE_COLUMNS)
    events = reconciliation.reconcile_events(
        narrow, stages["in entity_mentions"], stages["in entities"]
    )
    found = reconciliation.reconcile_claims(
        events.articles,
        events.entities,
        stages["in sentences"],
        stages["in numeric_claims"],
        tolerance=0.01,
    )
    written = {**events.set_columns(), **found.set_columns()}
    assert sorted(written) == sorted(reconciliation.SET_COLUMNS)
    for table, frame in written.items():  # the stage outputs are keyed by their table
        expected = stages[table].select(reconciliation.SET_COLUMNS[table])
        assert frame.equals(expected), table
    assert stages["articles"]["event_id"].null_count() == 0
    assert found.claims["group_id"].drop_nulls().len() > 0
