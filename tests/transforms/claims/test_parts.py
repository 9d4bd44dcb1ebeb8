"""Claims of the parts a reader reads beside the body (issue 12): a headline figure is a claim,
with offsets into its part's text and no sentence."""

from __future__ import annotations

import polars as pl

from transforms.claims.extract import CLAIM_COLUMNS
from transforms.claims.parts import part_claims, read_parts
from transforms.nlp.pipeline import parse
from transforms.text.ids import stable_id

PARTS = pl.DataFrame(
    {
        "part_id": ["p-url", "p-title", "p-head", "p-body", "p-cap", "p-cap2"],
        "article_id": ["art"] * 6,
        "position": [0, 1, 2, 3, 4, 5],
        "role": ["url", "title", "header", "body", "caption", "caption"],
        "text": [
            "http://example.com/2019/05/storm-kills-14",
            "Storm kills 14, leaves 30,000 homes without power",
            "May 12, 2019",
            "The storm struck on Sunday.",
            "Linemen at work near Dover, where 200 poles fell.",
            "Linemen at work near Dover, where 200 poles fell.",
        ],
        "is_repeat": [False, False, False, False, False, True],
    }
)


def _claims() -> pl.DataFrame:
    rows = read_parts(PARTS)
    return part_claims(rows, list(parse(rows["text"].to_list())))


def test_only_headline_like_parts_are_read_and_a_repeat_once():
    assert read_parts(PARTS)["part_id"].to_list() == ["p-title", "p-cap"]


def test_a_headline_figure_is_a_claim_with_offsets_into_its_part():
    claims = _claims()
    assert dict(claims.schema) == CLAIM_COLUMNS
    title = claims.filter(pl.col("part_id") == "p-title")
    assert title["quote"].to_list() == ["14", "30,000"]
    assert title["value"].to_list() == [14.0, 30000.0]
    assert set(title["part_role"]) == {"title"}
    assert title.filter(pl.col("quote") == "30,000")["subject"].to_list() == ["home"]
    text = PARTS.filter(pl.col("part_id") == "p-title")["text"][0]
    for row in claims.iter_rows(named=True):
        part = PARTS.filter(pl.col("part_id") == row["part_id"])["text"][0]
        assert part[row["start_char"] : row["end_char"]] == row["quote"]
        assert row["article_id"] == "art"
        # Keyed by the part: never the id a body claim at the same offsets would get.
        assert row["claim_id"] != stable_id("clm", "art", row["start_char"], row["end_char"])
    assert text.index("14") == title["start_char"][0]
    caption = claims.filter(pl.col("part_role") == "caption")
    assert caption["quote"].to_list() == ["200"] and caption["part_id"].to_list() == ["p-cap"]


def test_no_part_claims_gives_the_empty_frame_with_the_schema():
    rows = read_parts(PARTS.filter(pl.col("role") == "body"))
    assert dict(part_claims(rows, []).schema) == CLAIM_COLUMNS
