"""The one spaCy pass: long texts parsed in pieces with exact offsets, process counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.nlp.pipeline import load_pipeline, parse, process_count, split_for_parse

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def test_pieces_concatenate_to_the_text_and_cut_at_paragraphs():
    text = "First paragraph here.\n\nSecond paragraph, longer than the first.\n\nThird."
    pieces = split_for_parse(text, 40)
    assert "".join(pieces) == text
    assert all(len(p) <= 40 for p in pieces)
    assert pieces[0] == "First paragraph here.\n\n"


def test_a_text_without_breaks_is_cut_at_spaces_then_at_the_limit():
    assert split_for_parse("aaa bbb ccc", 5) == ["aaa ", "bbb ", "ccc"]
    assert split_for_parse("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert split_for_parse("short", 100) == ["short"]


@pytest.fixture()
def small_limit():
    nlp = load_pipeline()
    saved = nlp.max_length
    nlp.max_length = 3000  # stands for spaCy's 1,000,000 (E088), without parsing 1 MB here
    yield
    nlp.max_length = saved


def test_a_text_over_max_length_parses_with_exact_offsets(small_limit):
    seed = (SEEDS / "000_7fe958b42b5138ad.txt").read_text(encoding="utf-8")
    text = "\n\n".join([seed] * 3)
    assert len(split_for_parse(text, load_pipeline().max_length)) > 1  # really parsed in pieces
    (doc,) = list(parse([text]))
    assert doc.text == text
    # Every sentence and entity points into the whole text, not into its piece.
    umerov = [e for e in doc.ents if e.text.startswith("Umerov") or e.text == "Rustem Umerov"]
    assert len(umerov) >= 3
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert all(text[s.start_char : s.end_char] == s.text for s in doc.sents)


def test_texts_keep_their_order_around_a_long_one(small_limit):
    long_text = "Talks went on for hours in Istanbul. " * 120
    docs = list(parse(["One.", long_text, "Three."]))
    assert [d.text for d in docs] == ["One.", long_text, "Three."]


@pytest.mark.parametrize(
    ("bodies", "workers", "expected"), [(5, 2, 1), (63, 2, 1), (200, 2, 2), (10_000, 2, 2)]
)
def test_process_count_starts_workers_only_for_enough_bodies(bodies, workers, expected):
    assert process_count(bodies, workers) == expected
