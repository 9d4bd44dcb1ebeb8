"""split_article on real and hand-made files: roles, titles, datelines, repeats, agency tags."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from transforms.normalize.split import split_article

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_parts_lose_nothing_but_whitespace(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    parts = split_article(raw).parts
    assert re.sub(r"\s+", "", "".join(p.text for p in parts)) == re.sub(r"\s+", "", raw)
    for part in parts:  # each part is the raw text at its offsets
        assert raw[part.start : part.end] == part.text


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
        "Mauritius v Madagascar",
        "Winners meet in final match",
        "Lesotho v Malawi",
        "Winners meet in final match",
        "Double Olympic champion",
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
        clean.outlet,
        clean.title,
        clean.authors,
        clean.published_date,
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
        "masthead",
        "masthead",
        "title",
        "caption",
        "body",
        "footer",
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
        "title",
        "footer",
        "credit",
        "caption",
        "dateline",
        "body",
        "credit",
        "body",
        "footer",
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
