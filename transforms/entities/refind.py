"""Mentions found again from the corpus's own confident names (issue #13).

spaCy's small model misses a name in one sentence that it tags in another: seeds "Donetsk"
is tagged (as a place before "region") in one article and untagged in a list of regions in
another. After extraction, every name the corpus prints is matched again in every body
(polars' Aho-Corasick `str.extract_many`, leftmost-longest), and each occurrence that no
mention covers becomes a mention with the name's label.

Only confident names are matched, with a guard against common words:
- the printed text had one label in each of its mentions, a name label (CONFIDENT_LABELS);
- it starts with a capital, has MIN_LETTERS letters, no digit, and its first and last words
  are neither stop words (spaCy's English list) nor titles;
- a single word is never printed in lower case anywhere in the corpus ("Digital" and
  "digital", "Page" and "page", "Bush" and "bush": a word the corpus uses as a common noun
  is not matched), and is not all capitals under four letters (an acronym like "DUI" may
  be a word);
- spaCy missed it at most MAX_MISSED_SHARE times per time it tagged it: a name it leaves
  untagged far more often than it tags it is not one it is sure of ("Sunday", tagged ORG
  once in a masthead, printed on 227 other days);
- an occurrence must stand as a whole word (no letter or digit on either side).
"""

from __future__ import annotations

import re

import polars as pl
from spacy.lang.en.stop_words import STOP_WORDS

from transforms.contract.schema import conform
from transforms.entities.lexicon import TITLE_WORDS
from transforms.entities.mentions import FILLED_LATER
from transforms.entities.titles import title_before

CONFIDENT_LABELS = ("PERSON", "GPE", "LOC", "ORG", "FAC")
MIN_LETTERS = 4
# A name is found again only where spaCy missed it at most this many times per time it
# tagged it (seeds "Donetsk": tagged once, missed once).
MAX_MISSED_SHARE = 1
_NAME_TEXT = re.compile(r"[^\W\d_][^\W\d_'’ -]*(?:[ -][^\W\d_][^\W\d_'’-]*)*")
# What follows a word printed in lower case in prose.
_WORD_ENDS = " ,.;:)!?'’\n"


def confident_names(mentions: pl.DataFrame) -> dict[str, tuple[str, int]]:
    """Printed name -> (label, mentions) for the names of `mentions` that had one name label
    in each mention and pass the guards of a name (module docstring), run in polars."""
    unwanted = sorted(STOP_WORDS | TITLE_WORDS)
    edge = [r"^(\S+)", r"(\S+)$"]  # the first and the last word
    texts = mentions.group_by("text").agg(
        pl.col("label").n_unique().alias("n_labels"), pl.col("label").first(), pl.len()
    )
    texts = texts.filter(
        (pl.col("n_labels") == 1)
        & pl.col("label").is_in(CONFIDENT_LABELS)
        & pl.col("text").str.contains(f"^{_NAME_TEXT.pattern}$")
        & (pl.col("text").str.count_matches(r"\p{L}") >= MIN_LETTERS)
        & pl.col("text").str.contains(r"^\p{Lu}")
        & ~(pl.col("text").str.contains(r"^\p{Lu}+$") & (pl.col("text").str.len_chars() < 4))
        & ~pl.any_horizontal(
            pl.col("text").str.extract(e).str.to_lowercase().str.strip_chars(".,;:").is_in(unwanted)
            for e in edge
        )
    )
    return {t: (lab, n) for t, lab, n in texts.select("text", "label", "len").rows()}


def _occurrences(
    bodies: pl.DataFrame, names: dict[str, tuple[str, int]], mentions: pl.DataFrame
) -> pl.DataFrame:
    """(article_id, name, start_char) of each name printed in a body, leftmost-longest, for
    the names spaCy missed somewhere but tagged at least as often as it missed them
    (MAX_MISSED_SHARE): a name printed untagged far more often than tagged ("Sunday",
    tagged ORG in a masthead, printed 227 times more) is no confident name there."""
    patterns = sorted(names, key=lambda t: (-len(t), t))  # the longest name wins a tie
    # One Aho-Corasick pass (extract_many); `nth` numbers the matches of each body, so the
    # offsets of the few kept ones are found afterwards (_char_starts).
    listed = bodies.select(
        "article_id",
        "body",
        pl.col("body").str.extract_many(patterns, overlapping=False).alias("matches"),
    )
    found = (
        listed.select(
            "article_id",
            pl.col("matches").alias("name"),
            pl.int_ranges(pl.col("matches").list.len()).alias("nth"),
        )
        .explode("name", "nth")
        .drop_nulls("name")
    )
    tagged = pl.DataFrame(
        {"name": list(names), "tagged": [n for _, n in names.values()]},
        schema={"name": pl.String, "tagged": pl.Int64},
    )
    counts = found.group_by("name").len().join(tagged, on="name")
    kept = counts.filter(
        (pl.col("len") > pl.col("tagged"))
        & (pl.col("len") - pl.col("tagged") <= MAX_MISSED_SHARE * pl.col("tagged"))
    )["name"].to_list()
    common = _lower_case_words(bodies, [n for n in kept if " " not in n])
    kept = [n for n in kept if n.lower() not in common]
    found = found.filter(pl.col("name").is_in(kept))
    # Where an article prints a name no more often than it has mentions of it, every
    # occurrence is a mention already: only the other (article, name) pairs are read on.
    per_article = mentions.group_by("article_id", pl.col("text").alias("name")).len("tagged")
    printed = found.group_by("article_id", "name").len("printed")
    short = printed.join(per_article, on=["article_id", "name"], how="left").filter(
        pl.col("printed") > pl.col("tagged").fill_null(0)
    )
    found = found.join(short.select("article_id", "name"), on=["article_id", "name"], how="semi")
    starts = _char_starts(listed, found)
    return found.select("article_id", "name", pl.Series("start_char", starts, dtype=pl.Int64))


def _char_starts(listed: pl.DataFrame, found: pl.DataFrame) -> list[int]:
    """The code-point offset of each match of `found` (article_id, nth), read from its
    body's matches in order (`listed`: article_id, body, its matches as a list). A match is
    the first occurrence of its name after the previous match ends: a non-overlapping scan
    starts the next match at the leftmost place any name matches, and its own name
    matches there. Only the articles of `found` are walked (str.find_many would give
    UTF-8 byte offsets of every match, converted back per match)."""
    # Each article's matches up to the last one `found` keeps.
    last = found.group_by("article_id").agg(pl.col("nth").max().alias("last"))
    wanted = listed.join(last, on="article_id", how="inner").select(
        "article_id", "body", pl.col("matches").list.head(pl.col("last") + 1)
    )
    at: dict[str, list[int]] = {}
    for article_id, body, matches in wanted.rows():
        starts, end = [], 0
        for name in matches:
            start = body.find(name, end)
            starts.append(start)
            end = start + len(name)
        at[article_id] = starts
    return [at[a][nth] for a, nth in found.select("article_id", "nth").rows()]


def _lower_case_words(bodies: pl.DataFrame, words: list[str]) -> set[str]:
    """The words of `words`, lower-cased, that some body prints in lower case after a space
    and before a space or punctuation (one Aho-Corasick pass: a regex over every body cost
    a tenth of the entity stage on the BBC)."""
    if not words:
        return set()
    lower = {w.lower() for w in words}
    patterns = sorted(f" {w}{end}" for w in lower for end in _WORD_ENDS)
    hits = bodies.select(
        pl.col("body").str.extract_many(patterns, overlapping=False).alias("w")
    ).explode("w")
    return {w[1:-1] for w in hits["w"].drop_nulls().unique().to_list()}


def refound_mentions(bodies: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """New body mentions (the entity_mentions columns but mention_id, entity_id and
    sentence_id) of the confident names of `mentions`, where `bodies` (article_id, body)
    prints them and no body mention of that article overlaps."""
    names = confident_names(mentions)
    rows: list[tuple[str, int, int, str, str, str | None]] = []
    if names and bodies.height:
        found = _occurrences(bodies, names, mentions).with_columns(
            end_char=pl.col("start_char") + pl.col("name").str.len_chars()
        )
        articles = found["article_id"].unique().implode()
        body_of = dict(bodies.filter(pl.col("article_id").is_in(articles)).rows())
        # Occurrences that a body mention overlaps (most: the tagged mentions themselves).
        body = mentions.filter(pl.col("part_role") == "body").select(
            "article_id", pl.col("start_char").alias("s"), pl.col("end_char").alias("e")
        )
        covered = (
            found.join(body, on="article_id")
            .filter((pl.col("s") < pl.col("end_char")) & (pl.col("e") > pl.col("start_char")))
            .select("article_id", "start_char")
        )
        found = found.join(covered, on=["article_id", "start_char"], how="anti")
        for article_id, start, end, name in found.select(
            "article_id", "start_char", "end_char", "name"
        ).rows():
            body = body_of[article_id]
            if _whole_word(body, start, end):
                rows.append(
                    (article_id, start, end, name, names[name][0], title_before(body, start))
                )
    frame = pl.DataFrame(
        rows,
        schema={
            "article_id": pl.String, "start_char": pl.Int64, "end_char": pl.Int64,
            "text": pl.String, "label": pl.String, "title": pl.String,
        },
        orient="row",
    ).with_columns(part_role=pl.lit("body"), part_id=pl.lit(None, pl.String))  # fmt: skip
    return conform(frame, "entity_mentions", without=FILLED_LATER)


def _whole_word(body: str, start: int, end: int) -> bool:
    before = body[start - 1] if start > 0 else " "
    after = body[end] if end < len(body) else " "
    return not (before.isalnum() or after.isalnum())
