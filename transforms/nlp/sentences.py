"""Sentences of each article body with exact offsets and a wire-copy matching hash.

Segmentation reads `doc.sents` from the run's one spaCy parse (nlp.pipeline: parser plus the
`paragraph_boundaries` component, so a line break always starts a sentence), then repairs the
parser's three measured slips (see `sentence_spans`). Chosen over pysbd by measurement
(benchmarks/results/normalize.md): on 45 hand-audited articles spaCy with the repairs was wrong
at 1 of the 79 boundaries where the two disagree, pysbd at 78 (it keeps multi-sentence quotes
whole and misplaces closing quotes); and the parse is already paid for by the entity and claim
stages, while pysbd would be a second pass over every body (about 68 BBC articles/s).

Offsets index `articles.body`; a sentence's text is its span trimmed of surrounding
whitespace, and `body[start_char:end_char] == text` always holds. Splitting a quotation into
its sentences is the convention here (as in most treebanks): "“This is crucial ... process."
and "We’ve been telling Russia ...,” Umerov said." are two sentences.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import polars as pl

from transforms.contract.schema import columns
from transforms.text.folding import ascii_fold
from transforms.text.ids import stable_id

if TYPE_CHECKING:  # normalize imports this module; it should not pay for importing spaCy
    from spacy.tokens import Doc

# The columns reconcile fills later (wire copies) are left out.
SENTENCE_COLUMNS = columns("sentences", without=("is_wire_copy", "wire_group"))
# Apostrophes and the dots of abbreviations vanish ("U.S." -> "us", "Russia's" -> "russias");
# any other punctuation separates words ("three-year" -> "three year", "162,000" -> "162 000",
# and "1.2" -> "1 2", so "1.2 million" never meets "12 million").
_JOINING = re.compile(r"'|(?<=[^\W\d_])\.")
_SEPARATING = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
_WORDLIKE = re.compile(r"\w")
_MISSED_BOUNDARY = re.compile(
    r"(?P<word>[\w.]*[a-z0-9%)\]])(?P<stop>(?:[!?]\.?|\.)[\"”’]?)\s+(?=[\"“‘]?[A-Z])"
)
# Words that take a full stop without ending a sentence ("Gen. Metin Gurak", "Mrs. May").
_ABBREVIATIONS_TEXT = (
    "mr mrs ms dr gen st jr sr no nos co inc ltd vs prof rev gov sen rep col lt sgt capt maj "
    "cmdr adm corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft etc "
    "approx al pp vol ch ed eds op"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]", re.IGNORECASE)


def text_key(text: str) -> str:
    """The matching key of a sentence: folded, punctuation removed, single spaces.

    HTML entities left in scraped text ("&#233;", measured in 22 BBC files) are read as the
    characters they stand for, so an escaped and a plain copy of a sentence share a key.
    """
    if "&" in text:
        text = html.unescape(text)
    key = _SEPARATING.sub(" ", _JOINING.sub("", ascii_fold(text)))
    return _SPACE.sub(" ", key).strip()


def text_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _raw_spans(body: str, doc: Doc) -> list[tuple[int, int]]:
    """spaCy's sentences trimmed of whitespace, also cut at any line break left inside one
    (so no sentence crosses a paragraph even without the paragraph_boundaries component)."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", body[sent.start_char : sent.end_char]):
            stripped = piece.strip()
            if stripped:
                lead = start + piece.index(stripped[0])
                spans.append((lead, lead + len(stripped)))
            start += len(piece)
    return spans


def sentence_spans(body: str, doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `doc` in `body`, trimmed of whitespace, never empty.

    Three repairs of the parser's boundaries, each measured on BBC samples: a closing quote
    split off as its own "sentence" at a paragraph end ('... road.' + '"') joins the sentence
    before it, and an opening quote split off joins the one after; a "sentence" starting in
    lower case inside a paragraph ("... coastal areas... so many communities") continues the
    one before it; and a boundary the parser missed after a unit ("£250m. Turnover") is
    restored (`_split_missed`).
    """
    spans = _raw_spans(body, doc)
    merged: list[tuple[int, int]] = []
    carry: int | None = None  # start of a lone opening quote waiting for its sentence
    for index, (start, end) in enumerate(spans):
        text = body[start:end]
        same_paragraph = bool(merged) and "\n" not in body[merged[-1][1] : start]
        if carry is not None:
            start, carry = carry, None
        if not _WORDLIKE.search(text):
            next_start = spans[index + 1][0] if index + 1 < len(spans) else len(body)
            if index + 1 < len(spans) and "\n" not in body[end:next_start]:
                carry = start
                continue
            if same_paragraph:
                merged[-1] = (merged[-1][0], end)
                continue
        elif same_paragraph and _continues(text):
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    if carry is not None:
        merged.append((carry, spans[-1][1]))
    return [piece for start, end in merged for piece in _split_missed(body, start, end)]


def _split_missed(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split `body[start:end]` where the parser missed a plain boundary.

    Measured on 207 BBC articles: en_core_web_sm reads a number with a unit before a full stop
    as an abbreviation ("... a predicted extra £250m. Turnover for the quarter ...") and runs
    two sentences together (7 cases, all genuine). A boundary is a lower-case letter, digit or
    "%" / ")" with ".", "!", "?" or "?." (and maybe a closing quote), then space and a capital,
    unless the word is a known abbreviation or dotted letters ("p.m.", "e.g."). An ellipsis
    never counts: "such as... Maldives" continues the sentence as often as it ends it.
    """
    pieces: list[tuple[int, int]] = []
    text = body[start:end]
    cut = 0
    for match in _MISSED_BOUNDARY.finditer(text):
        word = match.group("word")
        if word.casefold() in _ABBREVIATIONS or _DOTTED.fullmatch(word):
            continue
        pieces.append((start + cut, start + match.end("stop")))
        cut = match.end()
    pieces.append((start + cut, end))
    return pieces


def _continues(text: str) -> bool:
    """A lower-case start that is not a brand written that way ("eBay", "iPhone")."""
    first = text.split(maxsplit=1)[0]
    return first[0].islower() and not any(c.isupper() for c in first[1:])


def _doc_matches(body: str, doc: Doc) -> bool:
    """Whether `doc` is the parse of `body`: same length, and its first, middle and last
    tokens sit at their offsets. (Comparing `doc.text` builds every token again: it was half
    of this stage's time.)"""
    if len(doc) == 0:
        return body == ""
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(body):
        return False
    return all(body.startswith(t.text, t.idx) for t in (doc[0], doc[len(doc) // 2], last))


def split_sentences(articles: pl.DataFrame, docs: Sequence[Doc]) -> pl.DataFrame:
    """One row per sentence of every article body, in body order (columns SENTENCE_COLUMNS).

    `docs[i]` must be the parse of `articles["body"][i]`; a mismatch raises ValueError naming
    the article, because offsets into the wrong text would silently corrupt every quote.
    """
    ids = articles["article_id"].to_list()
    bodies = articles["body"].to_list()
    if len(docs) != len(bodies):
        raise ValueError(f"{len(docs)} docs for {len(bodies)} articles")
    rows: list[dict[str, object]] = []
    for article_id, body, doc in zip(ids, bodies, docs, strict=True):
        body = body or ""
        if not _doc_matches(body, doc):
            raise ValueError(f"article {article_id}: doc text does not match its body")
        try:
            spans = sentence_spans(body, doc)
        except ValueError as error:  # spaCy's E030: a pipeline without parser or senter
            raise ValueError(f"article {article_id}: {error}") from error
        for position, (start, end) in enumerate(spans):
            text = body[start:end]
            key = text_key(text)
            rows.append(
                {
                    "sentence_id": stable_id("sen", article_id, start),
                    "article_id": article_id,
                    "position": position,
                    "start_char": start,
                    "end_char": end,
                    "text": text,
                    "text_key": key,
                    "text_hash": text_hash(key),
                }
            )
    return pl.DataFrame(rows, schema=SENTENCE_COLUMNS)
