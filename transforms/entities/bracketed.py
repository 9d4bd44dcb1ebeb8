"""A given name an editor put in brackets before a surname: "(Zinedine) Zidane", "(Dietmar)
Hamann and (Igor) Biscan" (BBC sport, inside quotes where the speaker said the surname alone).

spaCy tags the surname alone, so the mention's key is the bare surname and, in an article that
prints the full name nowhere else, it stays an entity of its own. The reader sees the full
name, though. So a one-word body mention printed right after "(Given) " takes the key of
"Given Surname" when the corpus prints that full name as a mention of its own: the bracket is
then certainly a given name ("(Poland) Doris" in a results list gives "poland doris", which
no mention has, and stays as it was). The mention's offsets and text are unchanged: they stay
the surname's, as printed.

Written by hand: it reads one bracket before a mention, which no name library does.
"""

from __future__ import annotations

import re

import polars as pl

from transforms.entities.names import name_key

# "(Zinedine) " right before a word: a capitalized word of letters in brackets, one space.
_BRACKETED = re.compile(r"\(([^\W\d_][^\W\d_'’-]*)\) (?=[^\W\d_])")

GIVEN = "_given"


def bracketed_given_names(bodies: pl.DataFrame) -> pl.DataFrame:
    """(article_id, start_char, part_role, _given): each "(Given) " printed in a body, keyed by
    the code-point offset of the word after it (where a mention of that word starts)."""
    rows = [
        (article_id, match.end(), match.group(1))
        for article_id, body in bodies.select("article_id", "body").iter_rows()
        if body and ") " in body
        for match in _BRACKETED.finditer(body)
        if match.group(1)[0].isupper()
    ]
    return pl.DataFrame(
        rows,
        schema={"article_id": pl.String, "start_char": pl.Int64, GIVEN: pl.String},
        orient="row",
    ).with_columns(part_role=pl.lit("body"))


def with_given_names(mentions: pl.DataFrame, bodies: pl.DataFrame) -> pl.DataFrame:
    """`mentions` with a `_given` column: the bracketed given name printed before the mention,
    or null (caption mentions' offsets point into their part, never into the body)."""
    found = bracketed_given_names(bodies)
    cast = found.with_columns(pl.col("start_char").cast(mentions.schema["start_char"]))
    return mentions.join(
        cast, on=["article_id", "start_char", "part_role"], how="left", maintain_order="left"
    )


def given_keys(keys: list[str], texts: list[str], givens: list[str | None]) -> list[str]:
    """Per mention, the full name's key where a bracketed given name and a one-word mention
    make a name the corpus prints as a mention of its own (`keys` are all mentions' keys)."""
    printed = set(keys)
    out = []
    for key, text, given in zip(keys, texts, givens, strict=True):
        full = name_key(f"{given} {text}") if given and " " not in text.strip() else ""
        out.append(full if full and full in printed else key)
    return out
