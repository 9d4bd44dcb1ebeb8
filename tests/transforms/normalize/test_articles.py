"""normalize_articles on the five seeds: the metadata a careful reader fills in, a body of prose
only, and every other piece of the raw file kept as a part with its role."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from transforms.normalize.articles import (
    ARTICLE_COLUMNS,
    PART_COLUMNS,
    normalize_articles,
)
from transforms.normalize.metadata import parse_byline
from transforms.text.ids import stable_id

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def normalized() -> tuple[pl.DataFrame, pl.DataFrame]:
    files = pl.DataFrame(
        {
            "file_id": [p.name[:3] for p in SEED_FILES],
            "path": [str(p) for p in SEED_FILES],
            "text": [p.read_text(encoding="utf-8") for p in SEED_FILES],
        }
    )
    return normalize_articles(files)


def article(normalized: tuple[pl.DataFrame, pl.DataFrame], file_id: str) -> dict:
    return normalized[0].filter(pl.col("file_id") == file_id).row(0, named=True)


def parts_of(normalized: tuple[pl.DataFrame, pl.DataFrame], file_id: str) -> pl.DataFrame:
    return normalized[1].filter(pl.col("article_id") == stable_id("art", file_id))


def test_schemas_and_ids(normalized: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    articles, parts = normalized
    assert dict(articles.schema) == ARTICLE_COLUMNS
    assert dict(parts.schema) == PART_COLUMNS
    assert articles["article_id"].to_list() == [stable_id("art", f"00{i}") for i in range(5)]
    first = parts.row(0, named=True)
    assert first["part_id"] == stable_id("prt", first["article_id"], 0)
    assert parts["part_id"].n_unique() == parts.height


def test_000_shafaq_news_dateline(normalized: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    row = article(normalized, "000")
    assert row["outlet"] == "Shafaq News"
    assert row["original_outlet"] is None and row["title"] is None
    assert row["authors"] == [] and row["published_date"] is None
    assert row["dateline"] is None  # "Shafaq News/" names the outlet, not a place
    assert row["body"].startswith("Peace talks between Ukraine and Russia ended on Monday")
    first = parts_of(normalized, "000").row(0, named=True)
    assert (first["role"], first["text"]) == ("dateline", "Shafaq News/")


def test_001_masthead_caption_byline(normalized: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    row = article(normalized, "001")
    assert row["outlet"] == "The Spokesman-Review"
    assert row["original_outlet"] == "Washington Post"
    assert row["title"] == "Russia and Ukraine conclude talks after Kyiv hits bombers"
    assert row["authors"] == ["Beril Eski", "Mary Ilyushina", "Serhiy Morgunov"]
    # The caption's "June 2, 2025" dates the photo, not the article.
    assert row["published_date"] is None
    parts = parts_of(normalized, "001")
    assert parts["role"].head(6).to_list() == [
        "masthead",
        "masthead",
        "masthead",
        "title",
        "caption",
        "byline",
    ]
    caption = parts.filter(pl.col("role") == "caption")["text"].item()
    assert caption.endswith("(Adem Altan/Getty Images North America/TNS)")
    body = row["body"]
    assert body.startswith("Russia and Ukraine met for a brief second round of direct talks")
    for gone in ("Arrow-right", "Spokesman-Review", "Est. May 19", "Getty", "By Beril Eski"):
        assert gone not in body


def test_002_footer_names_the_hill(normalized: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    row = article(normalized, "002")
    assert row["outlet"] == "The Hill" and row["title"] is None
    assert row["body"].endswith("according to Kyiv.")
    footer = parts_of(normalized, "002").filter(pl.col("role") == "footer")["text"].to_list()
    assert footer == ["Read the full report at TheHill.com."]
    # Single-newline paragraphs still become paragraphs of the body.
    assert row["body"].count("\n\n") == 9


def test_003_header_date_and_agency_captions(
    normalized: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    row = article(normalized, "003")
    assert row["published_date"] == dt.date(2025, 6, 2)
    assert row["outlet"] is None  # the text does not say
    assert row["body"].startswith("Delegations from Russia and Ukraine have met")
    parts = parts_of(normalized, "003")
    assert parts.filter(pl.col("role") == "header")["text"].to_list() == ["date 2025-06-02"]
    assert parts.filter(pl.col("role") == "caption")["text"].to_list() == [
        "Russian and Ukrainian delegations at the Ciragan Palace in Istanbul"
        " (Ukrainian Ministry of Defence/AP)",
        "Vladimir Putin (Alexander Kazakov, Sputnik, Kremlin Pool Photo/AP)",
        "A truck burning in the Irkutsk region, more than 2,500 miles from Ukraine"
        " (Igor Kobzev/AP)",
    ]
    assert "/AP)" not in row["body"] and "date 2025" not in row["body"]


def test_004_repeated_paragraph_and_subheading(
    normalized: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    row = article(normalized, "004")
    assert row["published_date"] == dt.date(2025, 6, 2) and row["outlet"] is None
    repeated = (
        "The talks were intended to discuss ways out of Russia's three-year war against "
        "Ukraine, but the two sides were apparently far apart going into the negotiations."
    )
    assert row["body"].count(repeated) == 1
    copies = parts_of(normalized, "004").filter(pl.col("text") == repeated)
    assert copies["is_repeat"].to_list() == [False, True]
    assert copies["role"].to_list() == ["body", "body"]
    subheading = parts_of(normalized, "004").filter(pl.col("text") == "Strain on peace")
    assert subheading["role"].to_list() == ["subheading"]
    assert "Strain on peace" not in row["body"]
    # The stored text is the original: the Turkish spelling stays in the body.
    assert "sumptuous Çırağan Palace by the Bosphorus" in row["body"]


def test_body_keeps_each_paragraph_verbatim(
    normalized: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    articles, parts = normalized
    for row in articles.iter_rows(named=True):
        paragraphs = row["body"].split("\n\n")
        expected = parts.filter(
            (pl.col("article_id") == row["article_id"])
            & (pl.col("role") == "body")
            & ~pl.col("is_repeat")
        )["text"].to_list()
        assert paragraphs == expected
        assert row["word_count"] == len(row["body"].split())


def test_word_counts(normalized: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    assert normalized[0]["word_count"].to_list() == [499, 1125, 392, 911, 679]


def test_empty_text_gives_an_empty_body() -> None:
    articles, parts = normalize_articles(
        pl.DataFrame({"file_id": ["x"], "path": ["x.txt"], "text": ["   \n"]})
    )
    assert articles["body"].to_list() == [""] and articles["word_count"].to_list() == [0]
    assert parts.height == 0


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        (
            "By Beril Eski, Mary Ilyushina and Serhiy Morgunov Washington Post",
            ["Beril Eski", "Mary Ilyushina", "Serhiy Morgunov"],
            "Washington Post",
        ),
        (
            "By Jane Doe and John Roe, Associated Press",
            ["Jane Doe", "John Roe"],
            "Associated Press",
        ),
        ("By Maria de la Cruz Associated Press", ["Maria de la Cruz"], "Associated Press"),
        ("By Jane Doe, Special to The Washington Post", ["Jane Doe"], "The Washington Post"),
        ("By AP Staff", [], "AP"),
        ("By Reuters", [], "Reuters"),
        ("By J.R. Smith Jr.", ["J.R. Smith Jr."], None),
    ],
)
def test_byline_shapes(line: str, authors: list[str], outlet: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None and (byline.authors, byline.outlet) == (authors, outlet)


@pytest.mark.parametrize(
    "line", ["By Monday, the talks had collapsed.", "By Sunday Kyiv had lost 40 planes"]
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_prepare_articles_adds_paths_and_quarantines_files_without_prose():
    from transforms.normalize.articles import prepare_articles

    seed = sorted(SEEDS.glob("*.txt"))[0]
    new_files = pl.DataFrame(
        {
            "file_id": ["f-seed", "f-title"],
            "path": [seed.name, "only-a-title.txt"],
            "text": [seed.read_text(encoding="utf-8"), "Prisoner swap agreed\n"],
        }
    )
    raw_files = pl.DataFrame(
        {
            "file_id": ["f-seed", "f-title"],
            "path": [seed.name, "only-a-title.txt"],
            "status": ["loaded", "loaded"],
            "reason": [None, None],
        },
        schema_overrides={"reason": pl.String},
    )
    raw, articles, parts = prepare_articles(raw_files, new_files)
    assert articles.select("file_id", "path").rows() == [("f-seed", seed.name)]
    assert raw.filter(pl.col("path") == "only-a-title.txt").select("status", "reason").rows() == [
        ("quarantined", "no article prose (only title, captions or boilerplate)")
    ]
    assert set(parts["article_id"]) == set(articles["article_id"])
