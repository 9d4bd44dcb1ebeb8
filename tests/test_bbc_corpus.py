"""Robustness on the BBC corpus in ../shared (2,225 files; skipped where it is absent).

Decode and normalize run on every file (about 2 s). Sentence offsets are checked on a fixed
sample of every 7th file (318 files) because the spaCy parse is the expensive part: about 12 s
for the sample with the parser alone, over 90 s for the whole corpus on the 2 shared cores.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from transforms.ingest.decode import decode_bytes
from transforms.nlp.pipeline import load_pipeline
from transforms.nlp.sentences import split_sentences
from transforms.normalize.articles import normalize_articles

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "bbc"
NON_UTF8 = "sport/199.txt"
LIMIT = 5_000_000

pytestmark = pytest.mark.skipif(not BBC.is_dir(), reason=f"{BBC} is absent")


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Path], list, pl.DataFrame, pl.DataFrame]:
    paths = sorted(BBC.glob("*/*.txt"))
    decoded = [decode_bytes(p.read_bytes(), max_bytes=LIMIT) for p in paths]
    files = pl.DataFrame(
        {
            "file_id": [p.relative_to(BBC).as_posix() for p in paths],
            "path": [str(p) for p in paths],
            "text": [d.text for d in decoded],
        }
    )
    articles, parts = normalize_articles(files)
    return paths, decoded, articles, parts


def test_every_file_loads(corpus: tuple) -> None:
    paths, decoded, articles, _ = corpus
    assert len(paths) == 2225
    assert [d.reason for d in decoded if d.reason] == []
    assert articles.height == 2225 and articles["word_count"].min() > 0


def test_the_non_utf8_file_decodes_as_cp1252(corpus: tuple) -> None:
    paths, decoded, articles, _ = corpus
    by_name = {p.relative_to(BBC).as_posix(): d for p, d in zip(paths, decoded, strict=True)}
    assert [n for n, d in by_name.items() if d.encoding != "utf-8"] == [NON_UTF8]
    assert by_name[NON_UTF8].encoding == "cp1252"
    body = articles.filter(pl.col("file_id") == NON_UTF8)["body"].item()
    assert "a £15.8m signing from Parma last season" in body


def test_no_mojibake_in_any_body(corpus: tuple) -> None:
    bodies = corpus[2]["body"]
    for marker in ("\ufffd", "Â£", "â€", "Ã©"):
        assert not bodies.str.contains(marker, literal=True).any(), marker
    assert bodies.str.contains("£", literal=True).sum() > 300  # pound signs survive


def test_title_is_the_first_line_and_not_in_the_body(corpus: tuple) -> None:
    _, decoded, articles, parts = corpus
    first_lines = [d.text.strip().splitlines()[0].strip() for d in decoded]
    assert articles["title"].to_list() == first_lines
    titles = parts.filter(pl.col("role") == "title")
    assert titles.height == 2225 and titles["position"].unique().to_list() == [0]
    for title, body in zip(articles["title"], articles["body"], strict=True):
        assert not body.startswith(title + "\n")


def test_sentence_offsets_on_a_sample(corpus: tuple) -> None:
    articles = corpus[2][::7]
    nlp = load_pipeline()
    # Sentence boundaries come from tok2vec + parser (the parser listens to tok2vec only), so
    # skipping tagger, lemmatizer and NER gives the same sentences in a quarter of the time.
    with nlp.select_pipes(enable=["tok2vec", "paragraph_boundaries", "parser"]):
        docs = list(nlp.pipe(articles["body"].to_list(), batch_size=64))
    sentences = split_sentences(articles, docs)
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    assert articles.height >= 300 and sentences.height > 5000
    for row in sentences.iter_rows(named=True):
        assert bodies[row["article_id"]][row["start_char"] : row["end_char"]] == row["text"]
        assert row["text"] and row["text"] == row["text"].strip()
