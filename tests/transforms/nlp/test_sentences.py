"""split_sentences on the seed bodies, parsed once with the project's spaCy pass."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from transforms.nlp.pipeline import parse
from transforms.nlp.sentences import SENTENCE_COLUMNS, split_sentences, text_hash, text_key
from transforms.normalize.articles import normalize_articles
from transforms.text.ids import stable_id

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    paths = sorted(SEEDS.glob("*.txt"))
    files = pl.DataFrame(
        {
            "file_id": [p.name[:3] for p in paths],
            "path": [str(p) for p in paths],
            "text": [p.read_text(encoding="utf-8") for p in paths],
        }
    )
    articles, parts = normalize_articles(files)
    docs = list(parse(articles["body"].to_list()))
    return articles, parts, split_sentences(articles, docs)


def texts_of(seeds: tuple, file_id: str) -> list[str]:
    sentences = seeds[2]
    return sentences.filter(pl.col("article_id") == stable_id("art", file_id))["text"].to_list()


def test_schema_ids_positions(seeds: tuple) -> None:
    sentences = seeds[2]
    assert dict(sentences.schema) == SENTENCE_COLUMNS
    for _, group in sentences.group_by("article_id"):
        assert group["position"].to_list() == list(range(group.height))
    row = sentences.row(0, named=True)
    assert row["sentence_id"] == stable_id("sen", row["article_id"], row["start_char"])
    assert sentences["sentence_id"].n_unique() == sentences.height


def test_offsets_are_exact_and_trimmed(seeds: tuple) -> None:
    articles, _, sentences = seeds
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    for row in sentences.iter_rows(named=True):
        assert bodies[row["article_id"]][row["start_char"] : row["end_char"]] == row["text"]
        assert row["text"] == row["text"].strip() and "\n" not in row["text"]
    # Nothing of a body falls between sentences but whitespace.
    for article_id, body in bodies.items():
        rows = sentences.filter(pl.col("article_id") == article_id).sort("position")
        gaps = (
            [body[: rows["start_char"][0]]]
            + [
                body[end:start]
                for end, start in zip(rows["end_char"][:-1], rows["start_char"][1:], strict=True)
            ]
            + [body[rows["end_char"][-1] :]]
        )
        assert all(not gap.strip() for gap in gaps)


def test_abbreviations_stay_inside_sentences(seeds: tuple) -> None:
    assert (
        "Mr Zelensky said a new release of prisoners of war was being prepared after the meeting."
        in texts_of(seeds, "003")
    )
    assert (
        "Monday’s meeting, held in Istanbul’s lavish Ciragan Palace, kicked off with remarks from "
        "Turkish Foreign Minister Hakan Fidan, who thanked the U.S. for facilitating the contact "
        "between Russia and Ukraine." in texts_of(seeds, "001")
    )


def test_em_dash_does_not_split(seeds: tuple) -> None:
    assert (
        "Trump, speaking last week, called Putin “crazy” but said peace was still possible—if "
        "Moscow shows intent to end the war." in texts_of(seeds, "000")
    )


def test_closing_quote_stays_with_its_sentence(seeds: tuple) -> None:
    # The parser ends the sentence at "road." and leaves the quote mark alone; it is re-joined.
    texts = texts_of(seeds, "004")
    assert 'A few more minutes – and cars, buses would have been on the road."' in texts
    assert all(any(c.isalnum() for c in t) for t in seeds[2]["text"])


def test_no_boilerplate_in_any_sentence(seeds: tuple) -> None:
    for text in seeds[2]["text"]:
        for marker in (
            "/AP)",
            "/TNS)",
            "Getty",
            "Est. May",
            "Arrow-right",
            "TheHill.com",
            "Shafaq News/",
            "date 2025-06-02",
            "By Beril",
            "Strain on peace",
        ):
            assert marker not in text


def test_repeated_paragraph_gives_one_sentence(seeds: tuple) -> None:
    texts = texts_of(seeds, "004")
    assert (
        texts.count(
            "The talks were intended to discuss ways out of Russia's three-year war against "
            "Ukraine, but the two sides were apparently far apart going into the negotiations."
        )
        == 1
    )


def test_wire_copy_sentences_share_a_hash(seeds: tuple) -> None:
    sentence = (
        "Recent comments by senior officials in both countries indicate they remain far apart "
        "on the key conditions for stopping the war."
    )
    rows = seeds[2].filter(pl.col("text") == sentence)
    assert rows["article_id"].to_list() == [stable_id("art", "003"), stable_id("art", "004")]
    assert rows["text_hash"].n_unique() == 1
    assert rows["text_hash"][0] == text_hash(text_key(sentence)) and len(rows["text_hash"][0]) == 16


def test_text_key_folds_spelling_marks_not_words() -> None:
    assert text_key("the sumptuous Çırağan Palace") == text_key("the sumptuous Ciragan Palace")
    assert text_key("Russia’s “brilliant operation”") == "russias brilliant operation"
    assert text_key("the U.S. proposed a 30-day ceasefire.") == "the us proposed a 30 day ceasefire"
    assert text_key("more than 1.2 million people") != text_key("more than 12 million people")
    # Spelling variants stay apart; reconcile does the near-duplicate matching.
    assert text_key("air defences") != text_key("air defenses")


def test_gen_and_quotes_in_a_fresh_body() -> None:
    body = (
        "Gen. Metin Gurak met Mr Zelensky in the U.S. on Monday. “We will return,” he said.\n\n"
        "The talks – the second since 2022 – ended early."
    )
    articles = pl.DataFrame({"article_id": ["a"], "body": [body]})
    texts = split_sentences(articles, list(parse([body])))["text"].to_list()
    assert texts == [
        "Gen. Metin Gurak met Mr Zelensky in the U.S. on Monday.",
        "“We will return,” he said.",
        "The talks – the second since 2022 – ended early.",
    ]


def test_boundary_after_money_unit_is_restored() -> None:
    # en_core_web_sm reads "£250m." as an abbreviation (seen 7 times in 207 BBC articles).
    body = (
        "Fuel cost BA a predicted extra £250m. Turnover for the quarter was up 4.3%. "
        "It met at 3 p.m. Monday in St. Albans."
    )
    articles = pl.DataFrame({"article_id": ["a"], "body": [body]})
    texts = split_sentences(articles, list(parse([body])))["text"].to_list()
    assert texts == [
        "Fuel cost BA a predicted extra £250m.",
        "Turnover for the quarter was up 4.3%.",
        "It met at 3 p.m. Monday in St. Albans.",
    ]


def test_doc_must_match_body() -> None:
    articles = pl.DataFrame({"article_id": ["a"], "body": ["One."]})
    with pytest.raises(ValueError, match="article a"):
        split_sentences(articles, list(parse(["Two."])))
