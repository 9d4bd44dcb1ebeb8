"""A person's name glued to the organization they head in one ORG span: "head of Turkish
Intelligence Ibrahim Kalin" (seeds, a caption) is one ORG for spaCy, as "Russian Defence
Sergei Shoigu" would be. The span has the shape nationality + portfolio word + a name of two
or three capitalized proper nouns, none a title word: the name after the portfolio is a
PERSON and the two words before it stay the ORG. Any other shape is left as spaCy cut it
("Defence Intelligence Staff", "Home Office Minister Tony McNulty": a title word).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from transforms.entities.lexicon import PORTFOLIOS
from transforms.entities.names import is_title_word, word_key


def split_glued_names(
    doc: Doc, spans: Iterable[tuple[int, int, str]], is_nationality: Callable[[Token], bool]
) -> Iterable[tuple[int, int, str]]:
    """`spans` (token start, end, label), each glued ORG + person split in two.
    `is_nationality(token)`: the article tags the word NORP on its own ("Turkish")."""
    for start, end, label in spans:
        name = doc[start + 2 : end]
        if (
            label == "ORG"
            and 2 <= len(name) <= 3
            and is_nationality(doc[start])
            and word_key(doc[start + 1].text) in PORTFOLIOS
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)
            and not any(is_title_word(t.text) for t in name)
        ):
            yield start, start + 2, "ORG"
            yield start + 2, end, "PERSON"
        else:
            yield start, end, label
