"""A bare surname resolved by the company it keeps: "Pozzebon" in a match report that names
no Pozzebon in full, and whose event names none either, is the corpus's one "Walter
Pozzebon" when the report shares other, uncommon entities (his club, the opposing side,
team-mates) with the articles that print him in full.

The entity stage sends a surname alone to the corpus's only full name with it just when
that full name recurs in 2+ articles (`entities.surnames._corpus_full_name`): a one-article
"Richard Nicholls" is weak evidence for a "Nicholls" of another story. Most people a corpus
names in full once are named in full once, though, and their later surnames stand alone.
Two articles that share CONTEXT_MIN entities which are not everywhere in the corpus are
about the same people, so there the one full name is trusted; a "Bez" of a reality-show
story shares nothing with the one article on a car maker's chief "Ulrich Bez" and stays.
The office printed with the surname is company too: "shadow attorney general Mr Grieve" is
the corpus's one "Shadow attorney general Dominic Grieve" (an office of 2+ words besides
honorifics, `titles.office_of`: "coach" or "Dr" name many people).

This runs inside the event-level pass (`entities.event_surnames`), on the finished tables,
for the (entity, article) pairs that pass left alone, with its candidates (one-word PERSON
entities that are not first names, lower-case words or pinned) and its gender check. The
surname must have exactly one full-name entity in the whole corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import polars as pl

from transforms.entities.genders import GENDER_SHARE
from transforms.entities.lexicon import NOBLE
from transforms.entities.names import word_key
from transforms.entities.titles import gender_of, office_of

# Shared entities needed: one shared name is chance (a city both stories mention); two
# uncommon ones are the same story's cast. Measured on the BBC: the 2+ cases are team-mates
# and opponents (Zidane, Saha, Hamann, Jarosik), the 0-1 cases other people (Bez, Welch).
CONTEXT_MIN = 2
# An entity named in more than this share of the corpus's articles ("UK", "BBC", "London")
# says nothing about which story an article belongs to, so it is not counted as shared; in a
# small corpus (the seeds, tests) the share is below the two articles being compared, and
# an entity in just those two is never common.
COMMON_SHARE = 0.01

# (bare entity_id, article_id) -> full-name entity_id
ArticleMoves = dict[tuple[str, str], str]


def context_moves(
    entities: pl.DataFrame,
    mentions: pl.DataFrame,
    full_of: dict[str, str],
    bare_of: dict[str, str],
    settled: set[tuple[str, str]],
) -> ArticleMoves:
    """The moves for bare surnames by shared entities (see the module docstring).

    `full_of`/`bare_of`: full-name PERSON entity_id -> surname, one-word candidate
    entity_id -> word (`event_surnames._names`); `settled`: (bare entity_id, article_id)
    pairs the event level moved already.
    """
    by_surname: dict[str, list[str]] = defaultdict(list)
    for eid, surname in full_of.items():
        by_surname[surname].append(eid)
    only = {e: by_surname[w][0] for e, w in bare_of.items() if len(by_surname.get(w, ())) == 1}
    if not only:
        return {}
    n_articles = mentions["article_id"].n_unique()
    cap = max(2, COMMON_SHARE * n_articles)
    common = set(entities.filter(pl.col("article_count") > cap)["entity_id"])
    # Only the articles of the candidates and their full names are read (a few percent).
    involved = pl.col("entity_id").is_in([*only, *only.values()])
    articles = mentions.filter(involved)["article_id"].unique().to_list()
    rows = (
        mentions.filter(pl.col("article_id").is_in(articles))
        .select("entity_id", "article_id", "title", "text")
        .rows()
    )
    in_article: dict[str, set[str]] = defaultdict(set)
    articles_of: dict[str, set[str]] = defaultdict(set)
    genders: dict[str, Counter[str]] = defaultdict(Counter)
    said: dict[tuple[str, str], set[str]] = defaultdict(set)  # (bare, article) -> gender, noble
    offices: dict[str | tuple[str, str], set[str]] = defaultdict(set)  # target or (bare, article)
    targets = set(only.values())
    for eid, article_id, title, text in rows:
        if eid not in common:
            in_article[article_id].add(eid)
        articles_of[eid].add(article_id)
        if eid in targets:
            genders[eid][gender_of(title, text) or "?"] += 1
            offices[eid].add(office_of(title))
        elif eid in only:
            said[(eid, article_id)] |= {gender_of(title, text)} | _noble(title, text)
            offices[(eid, article_id)].add(office_of(title))
    names = dict(entities.select("entity_id", "aliases").rows())
    moves: ArticleMoves = {}
    for (eid, article_id), words in sorted(said.items()):
        target = only[eid]
        if (eid, article_id) in settled or not _consistent(words, genders[target], names[target]):
            continue
        company = set().union(*(in_article[a] for a in articles_of[target] - {article_id}))
        same_office = (offices[(eid, article_id)] & offices[target]) - {""}
        if same_office or len((in_article[article_id] & company) - {eid, target}) >= CONTEXT_MIN:
            moves[(eid, article_id)] = target
    return moves


def _noble(title: str | None, text: str) -> set[str]:
    """The titles of nobility printed with a mention ("Lord", "Baroness"); the mention's own
    last word is its surname ("King" of Mervyn King), not a title."""
    return {word_key(w) for w in (title or "").split() + text.split()[:-1]} & NOBLE


def _consistent(words: set[str], votes: Counter[str], aliases: list[str] | None) -> bool:
    """Whether a bare surname's honorifics fit the full name: one gender at most, the full
    name's own when it has one; and a title of nobility only onto a full name printed with
    it ("Lord Nicholls" is never a plain "Richard Nicholls": a peer is named by his title)."""
    gendered = words & {"m", "f"}
    if len(gendered) > 1 or (gendered and full_gender(votes) not in ("", *gendered)):
        return False
    printed = {word_key(a.split()[0]) for a in aliases or () if a.split()}
    return (words - {"m", "f", ""}) <= printed


def full_gender(votes: Counter[str]) -> str:
    """A full name's gender from the honorifics of its mentions (its in-article surnames
    carry them: "Mr Brown" of Gordon Brown), known at genders.GENDER_SHARE of those that
    say one."""
    total = votes["m"] + votes["f"]
    for g in ("m", "f"):
        if total and votes[g] >= GENDER_SHARE * total:
            return g
    return ""
