"""A given name an editor printed in brackets before a surname makes the full name
(transforms/entities/bracketed.py). Text the rule was not written for: a cricket report and
a results list; the BBC cases it was written for are "(Zinedine) Zidane" and "(Dietmar)
Hamann"."""

from __future__ import annotations

import polars as pl

from transforms.entities.bracketed import bracketed_given_names
from transforms.entities.canonicalize import canonicalize_mentions

FULL = "Kevin Pietersen hit 158 at the Oval."
QUOTE = '"I thought (Kevin) Pietersen was superb," the captain said.'
RESULTS = "3. (Poland) Doris Kowalczyk 2:31"


def _mentions(rows: list[tuple[str, str, int, str]]) -> pl.DataFrame:
    """Body mentions from (article_id, body, start, label); the text is the word at start."""
    out = []
    for article_id, body, start, label in rows:
        end = start + len(body[start:].split()[0].strip(',."'))
        out.append((article_id, start, end, body[start:end], label))
    frame = pl.DataFrame(
        out, schema=["article_id", "start_char", "end_char", "text", "label"], orient="row"
    )
    return frame.with_columns(
        mention_id=pl.lit(None, pl.String),
        entity_id=pl.lit(None, pl.String),
        sentence_id=pl.lit(None, pl.String),
        title=pl.lit(None, pl.String),
        part_role=pl.lit("body"),
        part_id=pl.lit(None, pl.String),
    )


def _stage(bodies: dict[str, str], rows: list[tuple[str, str, int, str]]):
    frame = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
    return canonicalize_mentions(_mentions(rows), None, frame)


def test_a_bracketed_given_name_joins_the_full_name_printed_elsewhere() -> None:
    bodies = {"a1": FULL, "a2": QUOTE}
    rows = [("a1", FULL, 0, "PERSON"), ("a2", QUOTE, QUOTE.index("Pietersen"), "ORG")]
    # The first mention is the two words "Kevin Pietersen".
    two_words = pl.col("article_id") == "a1"
    mentions = _mentions(rows).with_columns(
        end_char=pl.when(two_words).then(15).otherwise(pl.col("end_char")),
        text=pl.when(two_words).then(pl.lit("Kevin Pietersen")).otherwise(pl.col("text")),
    )
    frame = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
    entities, out = canonicalize_mentions(mentions, None, frame)
    names = dict(entities.select("entity_id", "name").rows())
    got = {(r["article_id"], r["text"]): names[r["entity_id"]] for r in out.iter_rows(named=True)}
    assert got[("a2", "Pietersen")] == "Kevin Pietersen"
    # The mention keeps its own offsets and text: the surname as printed.
    assert out.filter(pl.col("article_id") == "a2")["text"].to_list() == ["Pietersen"]
    assert entities.height == 1
    # Without the bodies the bracket is not read, and the surname is an entity of its own.
    assert canonicalize_mentions(mentions, None)[0].height == 2


def test_a_bracket_that_makes_no_printed_name_changes_nothing() -> None:
    # "(Poland) Doris": no mention "Poland Doris" anywhere, so "Doris" stays as it was.
    start = RESULTS.index("Doris")
    entities, out = _stage({"r1": RESULTS}, [("r1", RESULTS, start, "PERSON")])
    assert entities["name"].to_list() == ["Doris"]
    assert bracketed_given_names(
        pl.DataFrame({"article_id": ["r1"], "body": [RESULTS]})
    ).rows() == [("r1", start, "Poland", "body")]
