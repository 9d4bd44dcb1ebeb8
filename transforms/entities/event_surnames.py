"""A bare surname resolved within its event: "Murphy" in an article that names no Murphy in
full is the one Murphy its event names ("Geordan Murphy" in the match report next to it).

The entity stage resolves a surname within its article, then within the corpus when one
full name dominates there (`entities.surnames`). The event level sits between them but can
only run later: events are grouped (reconcile stage) from the entity stage's own ids. So
this pass runs on the finished tables, after the events, and moves the mentions of a
one-word PERSON entity, per event, to the single PERSON with a full name of that surname
that the event's articles mention. It rewrites entity_mentions.entity_id and the entities
rows it touches; no id is made or renamed: a moved mention takes its target's existing id,
and an entity left with no mention is dropped.

Kept apart, as in the earlier rules: a word that starts at least as many full names as it
ends (a first name: "David"); a name printed in lower case (a common noun: "bush"); an event
naming two people with the surname; a pinned entity or a pair a split pin keeps apart; a
mention whose honorific's gender (Mr/Mrs/Ms) differs from the known gender of the full
name, or an (entity, event) whose honorifics disagree among themselves.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import polars as pl

from transforms.contract.schema import conform
from transforms.entities.context_surnames import context_moves, full_gender
from transforms.entities.labels import votes_json
from transforms.entities.names import name_key
from transforms.entities.titles import gender_of


def resolve_event_surnames(
    entities: pl.DataFrame,
    mentions: pl.DataFrame,
    membership: pl.DataFrame,
    split: set[frozenset[str]] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entities, entity_mentions) with bare surnames resolved within their event.

    `entities` and `mentions` are the warehouse tables; `membership` has article_id and
    event_id; `split`: the split pins' pairs of name keys (`pins.Pins.split`), which keep
    two entities apart here too when any alias of one and any of the other make a pair.
    Row order of the mentions is kept; both frames keep their table's columns.
    """
    moves = _article_moves(entities, mentions, membership)
    if split and moves:
        keys = {
            eid: {name_key(a) for a in aliases}
            for eid, aliases in entities.select("entity_id", "aliases").rows()
            if eid in {e for e, _ in moves} | set(moves.values())
        }
        moves = {
            (e, a): t
            for (e, a), t in moves.items()
            if not any(frozenset([x, y]) in split for x in keys[e] for y in keys[t])
        }
    if not moves:
        return entities, mentions
    targets = pl.DataFrame(
        [(e, a, t) for (e, a), t in sorted(moves.items())],
        schema=["entity_id", "article_id", "_target"],
        orient="row",
    )
    moved = mentions.join(
        targets, on=["entity_id", "article_id"], how="left", maintain_order="left"
    ).with_columns(_source=pl.col("entity_id"), entity_id=pl.coalesce("_target", "entity_id"))
    return _recount(entities, moved), conform(moved, "entity_mentions")


def _article_moves(
    entities: pl.DataFrame, mentions: pl.DataFrame, membership: pl.DataFrame
) -> dict[tuple[str, str], str]:
    """(bare entity_id, article_id) -> target: the event level's moves for each article of
    the event, then, for the articles it left, the moves by shared entities
    (`entities.context_surnames`)."""
    by_event = surname_moves(entities, mentions, membership)
    moves: dict[tuple[str, str], str] = {}
    if by_event:
        pairs = (
            mentions.select("entity_id", "article_id")
            .unique()
            .join(membership.select("article_id", "event_id"), on="article_id", how="inner")
        )
        for eid, article_id, event in pairs.rows():
            if (eid, event) in by_event:
                moves[(eid, article_id)] = by_event[(eid, event)]
    full_of, bare_of = _names(entities)
    if bare_of:
        moves |= context_moves(entities, mentions, full_of, bare_of, set(moves))
    return moves


def surname_moves(
    entities: pl.DataFrame, mentions: pl.DataFrame, membership: pl.DataFrame
) -> dict[tuple[str, str], str]:
    """(bare entity_id, event_id) -> the full-name entity_id its mentions there move to."""
    full_of, bare_of = _names(entities)
    if not bare_of:
        return {}
    rows = (
        mentions.select("entity_id", "article_id", "title", "text")
        .filter(pl.col("entity_id").is_in(list(full_of) + list(bare_of)))
        .join(membership.select("article_id", "event_id"), on="article_id", how="inner")
        .rows()
    )
    named: dict[tuple[str, str], set[str]] = defaultdict(set)  # (event, surname) -> full ids
    genders: dict[str, Counter[str]] = defaultdict(Counter)  # entity -> honorific genders
    bare_genders: dict[tuple[str, str], set[str]] = defaultdict(set)  # (bare, event)
    for eid, _, title, text, event in rows:
        gender = gender_of(title, text)
        if eid in full_of:
            named[(event, full_of[eid])].add(eid)
            genders[eid][gender or "?"] += 1
            continue
        bare_genders[(eid, event)].add(gender)
    moves: dict[tuple[str, str], str] = {}
    for (eid, event), seen in sorted(bare_genders.items()):
        candidates = named.get((event, bare_of[eid]), set())
        if len(candidates) != 1:
            continue
        target = next(iter(candidates))
        said = seen - {""}
        if len(said) > 1 or (said and full_gender(genders[target]) not in ("", *said)):
            continue
        moves[(eid, event)] = target
    return moves


def _names(entities: pl.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """(full-name PERSON entity_id -> surname, one-word PERSON entity_id -> word).

    A full name is one whose words all start with a letter (as merges.person_full_names:
    spaCy's PERSON "3:30 a. m. Tuesday" has no surname). A one-word entity is a candidate
    when its word ends more full names than it starts (not a first name), it is printed with
    a capital and it is not pinned. Only entities the corpus vote made PERSON: on ECB+,
    letting in ORG words tagged PERSON in their event sent "Pro" to "Final Cut Pro",
    "Herald" to "Timaru Herald" and "FIRE" to "Somerset Fire" (names spaCy calls PERSON).
    """
    full_of: dict[str, str] = {}
    bare_of: dict[str, str] = {}
    starts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    rows = entities.select("entity_id", "name", "label", "label_votes").rows()
    for eid, name, label, label_votes in rows:
        words = name_key(name).split()
        pinned = '"rule":"pin"' in (label_votes or "")
        if label == "PERSON" and len(words) > 1 and all(w[:1].isalpha() for w in words):
            full_of[eid] = words[-1]
            starts[words[0]] += 1
            ends[words[-1]] += 1
        elif label == "PERSON" and len(words) == 1 and not name.islower() and not pinned:
            bare_of[eid] = words[0]
    return full_of, {e: w for e, w in bare_of.items() if ends[w] > starts[w]}


def _recount(entities: pl.DataFrame, moved: pl.DataFrame) -> pl.DataFrame:
    """The entities rows after the moves: counts and aliases from the mentions, the moved
    mentions' votes carried from source to target as PERSON (a mention resolved as a
    person's surname votes PERSON, as in the entity stage), emptied entities dropped."""
    shifted = moved.filter(pl.col("_target").is_not_null())
    delta: dict[str, Counter[str]] = defaultdict(Counter)
    for source, target, label in shifted.select("_source", "_target", "label").rows():
        delta[target]["PERSON"] += 1
        delta[source][label or "PERSON"] -= 1
    votes = [
        _shift_votes(lv, delta[eid]) if eid in delta else lv
        for eid, lv in entities.select("entity_id", "label_votes").rows()
    ]
    stats = moved.group_by("entity_id").agg(
        pl.col("text").unique().sort().alias("_aliases"),
        pl.len().cast(pl.Int64).alias("_mentions"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("_articles"),
    )
    out = (
        entities.with_columns(pl.Series("label_votes", votes, dtype=pl.String))
        .join(stats, on="entity_id", how="inner", maintain_order="left")
        .with_columns(
            aliases=pl.concat_list("_aliases", "name").list.unique().list.sort(),
            mention_count=pl.col("_mentions"),
            article_count=pl.col("_articles"),
        )
        .sort(["mention_count", "entity_id"], descending=[True, False])
    )
    return conform(out, "entities")


def _shift_votes(label_votes: str | None, delta: Counter[str]) -> str | None:
    """entities.label_votes with `delta` added (negative counts taken from PERSON when the
    label had none left: the source's mentions may have voted PERSON as resolved surnames)."""
    if not label_votes:
        return label_votes
    decided = json.loads(label_votes)
    votes = Counter(decided["votes"])
    for label, n in delta.items():
        if n < 0 and votes[label] < -n:
            votes["PERSON"] += n + votes[label]
            votes[label] = 0
        else:
            votes[label] += n
    return votes_json(+votes, decided["rule"])
