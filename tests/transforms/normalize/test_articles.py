"""normalize_articles on the five seeds: the metadata a careful reader fills in, a body of prose
only, and every other piece of the raw file kept as a part with its role."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import polars as pl
import pytest

from transforms.normalize.articles import (
    ARTICLE_SCHEMA,
    PART_SCHEMA,
    normalize_articles,
    split_article,
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
    assert dict(articles.schema) == ARTICLE_SCHEMA
    assert dict(parts.schema) == PART_SCHEMA
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
        "masthead", "masthead", "masthead", "title", "caption", "byline",
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


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_parts_lose_nothing_but_whitespace(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    parts = split_article(raw).parts
    assert re.sub(r"\s+", "", "".join(p.text for p in parts)) == re.sub(r"\s+", "", raw)
    for part in parts:  # each part is the raw text at its offsets
        assert raw[part.start : part.end] == part.text


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


def test_byline_and_dateline_rules_are_general() -> None:
    text = (
        "KYIV, Ukraine (AP) — Russia launched 472 drones overnight, officials said.\n\n"
        "By Jane Doe and John van der Berg | Reuters\n\n"
        "Photo: Efrem Lukatsky/AP\n\n"
        "Originally published by the Kyiv Independent.\n"
    )
    result = split_article(text)
    assert [p.role for p in result.parts] == ["dateline", "body", "byline", "credit", "footer"]
    assert result.dateline == "KYIV, Ukraine"
    assert result.authors == ["Jane Doe", "John van der Berg"]
    # No masthead names the publisher, so the stated source is the outlet.
    assert result.outlet == "AP" and result.original_outlet is None


def test_title_first_line_and_no_guessing() -> None:
    result = split_article("Ad sales boost Time Warner profit\n\nQuarterly profits rose 76%.\n")
    assert result.title == "Ad sales boost Time Warner profit"
    assert result.body == "Quarterly profits rose 76%."
    assert (result.outlet, result.published_date, result.authors) == (None, None, [])


def test_empty_text_gives_an_empty_body() -> None:
    articles, parts = normalize_articles(
        pl.DataFrame({"file_id": ["x"], "path": ["x.txt"], "text": ["   \n"]})
    )
    assert articles["body"].to_list() == [""] and articles["word_count"].to_list() == [0]
    assert parts.height == 0


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("By Beril Eski, Mary Ilyushina and Serhiy Morgunov Washington Post",
         ["Beril Eski", "Mary Ilyushina", "Serhiy Morgunov"], "Washington Post"),
        ("By Jane Doe and John Roe, Associated Press", ["Jane Doe", "John Roe"],
         "Associated Press"),
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


def test_key_value_header_block() -> None:
    text = (
        "Title: Russia and Ukraine end talks\r\n"
        "Author: Jane Doe; John Roe\r\n"
        "Source: https://www.nytimes.com/2025/06/02/world/europe/talks.html\r\n"
        "Published: June 2, 2025 10:15 BST\r\n\r\n"
        "ISTANBUL — The talks ended after an hour, officials said.\r\n"
    )
    result = split_article(text)
    assert [p.role for p in result.parts] == ["header"] * 4 + ["dateline", "body"]
    assert result.title == "Russia and Ukraine end talks"
    assert result.authors == ["Jane Doe", "John Roe"]
    assert result.outlet == "The New York Times"
    assert result.published_date == dt.date(2025, 6, 2) and result.dateline == "ISTANBUL"
    assert result.body == "The talks ended after an hour, officials said."


def test_lists_and_fragments_stay_in_the_body() -> None:
    # BBC-style fixture lists repeat a label, and stripped links leave short fragments:
    # neither is a subheading or a repeated paragraph.
    text = (
        "Cup draw made\n\nThe draw for the next round was made on Monday, officials said.\n\n"
        "Mauritius v Madagascar\n\nWinners meet in final match\n\nLesotho v Malawi\n\n"
        "Winners meet in final match\n\nDouble Olympic champion\n\n"
        "marked her first appearance on home soil with a victory.\n"
    )
    result = split_article(text)
    body_parts = [p for p in result.parts if p.role == "body"]
    assert not any(p.is_repeat for p in result.parts)
    assert [p.text for p in body_parts][1:] == [
        "Mauritius v Madagascar", "Winners meet in final match", "Lesotho v Malawi",
        "Winners meet in final match", "Double Olympic champion",
        "marked her first appearance on home soil with a victory.",
    ]


def test_title_in_a_single_newline_file() -> None:
    result = split_article("Talks end in Istanbul\nThe talks ended after an hour, officials said.")
    assert result.title == "Talks end in Istanbul"
    assert result.body == "The talks ended after an hour, officials said."


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_crlf_and_stray_whitespace_change_nothing(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    messy = "\r\n \r\n" + raw.replace("\n", " \r\n") + "\r\n\r\n"
    clean, dirty = split_article(raw), split_article(messy)
    assert dirty.body == clean.body
    assert [(p.role, p.text) for p in dirty.parts] == [(p.role, p.text) for p in clean.parts]
    assert (dirty.outlet, dirty.title, dirty.authors, dirty.published_date) == (
        clean.outlet, clean.title, clean.authors, clean.published_date,
    )


def test_republished_story_with_agency_captions() -> None:
    text = (
        "The Kyiv Gazette\nEst. 1991\n\nTalks end without a deal\n\n"
        "Delegates leave the palace. (AP Photo/Efrem Lukatsky)\n\n"
        "The talks ended after an hour, officials said.\n\n"
        "Originally published by the Washington Post.\n"
    )
    result = split_article(text)
    assert [p.role for p in result.parts] == [
        "masthead", "masthead", "title", "caption", "body", "footer",
    ]
    assert (result.outlet, result.original_outlet) == ("The Kyiv Gazette", "Washington Post")
    assert result.title == "Talks end without a deal"


def test_web_page_furniture_and_agency_dateline() -> None:
    text = (
        "Talks end in Istanbul\n\nMedia playback is unsupported on your device\n\n"
        "Image source, Getty Images\n\n"
        "Image caption, Delegates left the Ciragan Palace after an hour\n\n"
        "MOSCOW, June 2 (Reuters) - Russia said the talks were useful.\n\n"
        "Photograph: Efrem Lukatsky/AP\n\n"
        "Copyright infringement cases rose sharply last year, the ministry said.\n\n"
        "Copyright 2025 The Associated Press. All rights reserved.\n\nRelated Topics\n"
    )
    result = split_article(text)
    assert [p.role for p in result.parts] == [
        "title", "footer", "credit", "caption", "dateline", "body", "credit", "body", "footer",
        "footer",
    ]
    assert result.body == (
        "Russia said the talks were useful.\n\n"
        "Copyright infringement cases rose sharply last year, the ministry said."
    )
    # The dateline's "June 2" has no year: published_date stays NULL rather than guessed.
    assert (result.dateline, result.outlet, result.published_date) == ("MOSCOW", "Reuters", None)


def test_agency_tag_after_prose_is_a_credit_not_a_caption() -> None:
    result = split_article(
        "The talks ended after an hour, officials said. (AP)\n\n"
        "Delegates leave the Ciragan Palace (AP)\n\nMore talks are planned.\n"
    )
    assert [(p.role, p.text) for p in result.parts] == [
        ("body", "The talks ended after an hour, officials said."),
        ("credit", "(AP)"),
        ("caption", "Delegates leave the Ciragan Palace (AP)"),
        ("body", "More talks are planned."),
    ]
