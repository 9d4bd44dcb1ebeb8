"""Names found again from the corpus's confident names, with the guards against common
words, on text the rule was not written from."""

from __future__ import annotations

import polars as pl

from tests.transforms.entities.helpers import frame
from transforms.entities.refind import confident_names, refound_mentions

BODIES = {
    "a": "Floods hit Mymensingh on Monday. Officials there said the Digital unit helped.",
    "b": "Relief reached Mymensingh and Sylhet, and the Brahmaputra rose. It was digital.",
    "c": "Ghazipur was spared.",
}


def _mentions() -> pl.DataFrame:
    rows = frame(
        [
            ("a", "Mymensingh", "GPE"),
            ("a", "Digital", "ORG"),
            ("b", "Sylhet", "GPE"),
            ("b", "Brahmaputra", "LOC"),
            ("c", "Ghazipur", "GPE"),
        ]
    )
    # Real offsets: the first occurrence of each text in its article.
    starts = [BODIES[a].index(t) for a, t in rows.select("article_id", "text").rows()]
    return rows.with_columns(
        start_char=pl.Series(starts, dtype=pl.Int64),
        end_char=pl.Series(starts, dtype=pl.Int64) + pl.col("text").str.len_chars(),
    )


def _bodies() -> pl.DataFrame:
    return pl.DataFrame({"article_id": list(BODIES), "body": list(BODIES.values())})


def test_a_missed_name_is_found_again_with_its_label_and_exact_offsets() -> None:
    found = refound_mentions(_bodies(), _mentions())
    rows = found.select("article_id", "text", "label", "start_char", "end_char").rows()
    # "Mymensingh" is tagged in a and printed untagged in b.
    assert [(a, t, lab) for a, t, lab, _, _ in rows] == [("b", "Mymensingh", "GPE")]
    for article_id, text, _, start, end in rows:
        assert BODIES[article_id][start:end] == text
    assert set(found["part_role"]) == {"body"}


def test_common_words_and_mixed_labels_are_not_confident() -> None:
    mentions = pl.concat([_mentions(), frame([("c", "Sylhet", "PERSON")])])
    names = confident_names(mentions)
    assert "Sylhet" not in names  # two labels
    found = refound_mentions(_bodies(), _mentions())
    assert "Digital" not in set(found["text"])  # printed "digital" in b: a common word


def test_a_name_missed_more_often_than_tagged_is_not_found_again() -> None:
    bodies = pl.DataFrame(
        {"article_id": ["a"], "body": ["Ghazipur. " + "Ghazipur and " * 3 + "rain."]}
    )
    mentions = frame([("a", "Ghazipur", "GPE")]).with_columns(
        start_char=pl.lit(0, pl.Int64), end_char=pl.lit(8, pl.Int64)
    )
    assert refound_mentions(bodies, mentions).height == 0


def test_offsets_count_code_points_after_non_ascii_text_and_repeated_names() -> None:
    # The offsets are read back from the matches in order: a body with accents and a euro
    # sign before the names, and a name printed twice, still gets code-point offsets.
    bodies = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "body": [
                "Mymensingh flooded, Mymensingh dried.",
                "Müller paid €5 in Çatalca; Mymensingh, Sylhet and again Mymensingh.",
            ],
        }
    )
    tagged = [("a", "Mymensingh", "GPE"), ("a", "Mymensingh", "GPE"), ("b", "Sylhet", "GPE")]
    mentions = frame(tagged).with_columns(
        start_char=pl.Series([0, 20, 39], dtype=pl.Int64),
        end_char=pl.Series([10, 30, 45], dtype=pl.Int64),
    )
    body_b = bodies["body"][1]
    found = refound_mentions(bodies, mentions)
    rows = found.select("article_id", "text", "start_char", "end_char").rows()
    first = body_b.index("Mymensingh")
    assert rows == [
        ("b", "Mymensingh", first, first + 10),
        ("b", "Mymensingh", body_b.rindex("Mymensingh"), body_b.rindex("Mymensingh") + 10),
    ]
