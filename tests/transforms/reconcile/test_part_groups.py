"""A headline figure is grouped with the same figure in another article's body (issue 12): its
part's text is its context, as a sentence is a body claim's."""

from __future__ import annotations

import polars as pl

from transforms.claims.extract import extract_claims
from transforms.claims.parts import part_claims, read_parts
from transforms.nlp.pipeline import parse
from transforms.nlp.sentences import split_sentences
from transforms.nlp.spans import assign_sentences
from transforms.reconcile.groups import group_claims

BODIES = pl.DataFrame(
    {
        "article_id": ["a", "b"],
        "body": [
            "Divers searched the wreck through the night. The ferry had left Baubau at dawn.",
            "The ferry capsized off Sulawesi on Tuesday and 43 passengers drowned, officials said.",
        ],
    }
)
PARTS = pl.DataFrame(
    {
        "part_id": ["a-title", "b-title"],
        "article_id": ["a", "b"],
        "position": [0, 0],
        "role": ["title", "title"],
        "text": ["Ferry capsizes off Sulawesi, 43 passengers drown", "Ferry disaster in Indonesia"],
        "is_repeat": [False, False],
    }
)


def _grouped(parts: pl.DataFrame | None) -> pl.DataFrame:
    docs = list(parse(BODIES["body"].to_list()))
    sentences = split_sentences(BODIES, docs).with_columns(wire_group=pl.lit(None, pl.String))
    claims = assign_sentences(extract_claims(BODIES["article_id"].to_list(), docs), sentences)
    read = read_parts(PARTS)
    found = part_claims(read, list(parse(read["text"].to_list())))
    claims = pl.concat([claims, found], how="diagonal")
    keyed = BODIES.select(
        "article_id", pl.lit("evt").alias("event_id"), pl.col("article_id").alias("outlet_key")
    )
    groups, per_claim = group_claims(claims, keyed, sentences, tolerance=0.01, parts=parts)
    claims = claims.drop("group_id", "subject_key", "compare_low", "compare_high", strict=False)
    return claims.join(per_claim, on="claim_id").filter(pl.col("value") == 43)


def test_a_headline_figure_groups_with_a_body_figure_of_another_article():
    claims = _grouped(read_parts(PARTS))
    assert claims.sort("article_id")["part_role"].to_list() == ["title", "body"]
    assert claims["group_id"].n_unique() == 1 and claims["group_id"][0] is not None


def test_without_its_part_text_a_headline_claim_has_no_context_to_link_by():
    claims = _grouped(None)
    assert claims["group_id"].n_unique() == 2
