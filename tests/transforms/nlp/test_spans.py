"""assign_sentences links a span to the sentence holding its start, by offsets."""

from __future__ import annotations

import polars as pl

from transforms.nlp.spans import assign_sentences

SENTENCES = pl.DataFrame(
    {
        "article_id": ["a", "a", "b"],
        "sentence_id": ["a0", "a1", "b0"],
        "start_char": [0, 30, 0],
        "end_char": [28, 60, 40],
    }
)


def test_each_span_gets_the_sentence_of_its_article_that_holds_it():
    spans = pl.DataFrame(
        {"article_id": ["a", "a", "b", "a"], "start_char": [5, 31, 5, 29], "quote": list("wxyz")}
    )
    linked = assign_sentences(spans, SENTENCES)
    # Row order is kept; a span in the gap between two sentences (29) has none.
    assert linked.select("quote", "sentence_id").rows() == [
        ("w", "a0"),
        ("x", "a1"),
        ("y", "b0"),
        ("z", None),
    ]


def test_empty_spans_get_an_empty_sentence_column():
    empty = pl.DataFrame(schema={"article_id": pl.String, "start_char": pl.Int64})
    assert assign_sentences(empty, SENTENCES).columns == ["article_id", "start_char", "sentence_id"]
