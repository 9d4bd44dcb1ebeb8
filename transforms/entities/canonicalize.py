"""One canonical entity per real person, place and organization across all articles.

`canonicalize_entities` clusters mentions over the whole corpus: exact name keys (folded:
"Çırağan" == "Ciragan", "U.S." == "US") across spaCy labels; spelling variants of full
person names (rapidfuzz ratio, blocked by the surname's first letter); other names of 2+
words differing in one word (Defence/Defense Ministry); NORP plurals (all in
`entities.merges`); a surname alone resolved to the full name in the same article, else to
the only full name in the corpus with that surname (`entities.surnames`); hand pins from
`warehouse/entity_aliases.csv` (merge, split, drop: `entities.pins`).

Everything is deterministic: clusters are built from sorted keys, names and labels are chosen
by counts with lexicographic tie-breaks, ids are `stable_id` over (label, key of name).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import polars as pl

from transforms.contract.schema import columns, conform
from transforms.entities.bracketed import GIVEN, given_keys, with_given_names
from transforms.entities.genders import apply_genders
from transforms.entities.labels import (
    award_ceremony_keys,
    compass_gpe_keys,
    entity_label,
    vote,
    votes_json,
)
from transforms.entities.mentions import FILLED_LATER
from transforms.entities.merges import (
    Decision,
    KeyClusters,
    merge_all,
    person_full_names,
    place_led_names,
)
from transforms.entities.names import display_name, name_key, pick_name
from transforms.entities.party_tags import state_key, state_name
from transforms.entities.pins import Pins
from transforms.entities.surnames import (
    SurnameRules,
    first_name_words,
    one_story_surnames,
    persons_by_surname,
    resolve_surnames,
    surname_decisions,
)
from transforms.entities.titles import FEMALE, MALE, gender_of

# A mention text that still starts with a gendered honorific (cut before the title was
# stripped): the words of titles.MALE and titles.FEMALE.
_HONORIFIC_START = r"^(?i:" + "|".join(sorted(MALE | FEMALE)) + r")\b"

# cluster root key -> (label, name, entity_id, label_votes)
_EntityOf = dict[str, tuple[str, str, str, str]]


@dataclass
class Canonicalization:
    """Internal result with the merge log; `canonicalize_entities` returns the frames."""

    entities: pl.DataFrame
    mentions: pl.DataFrame
    decisions: list[Decision]


def canonicalize_mentions(
    mentions: pl.DataFrame, pinned: pl.DataFrame | None, bodies: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entities, entity_mentions) of the entity_mentions table as stored.

    `mentions` has every entity_mentions column; its mention_id and entity_id (from an earlier
    run, possibly stale) are recomputed, and each mention keeps its sentence_id. Both frames
    come back with exactly their table's columns. `bodies` (article_id, body): the articles'
    bodies, read for given names printed in brackets (`entities.bracketed`).
    """
    mentions = _with_new_columns(mentions.drop("mention_id", "entity_id"))
    if bodies is not None:
        mentions = with_given_names(mentions, bodies)
    # A caption mention may start at the offset of a body mention: the part is in the key.
    where = ["article_id", "start_char", "_part"]
    sentence_of = mentions.select(
        "article_id", "start_char", pl.col("part_id").fill_null("").alias("_part"), "sentence_id"
    )
    entities, canonical = canonicalize_entities(mentions.drop("sentence_id"), pinned)
    canonical = canonical.with_columns(_part=pl.col("part_id").fill_null("")).join(
        sentence_of, on=where, how="left", maintain_order="left"
    )
    return entities, conform(canonical, "entity_mentions")


def _with_new_columns(mentions: pl.DataFrame) -> pl.DataFrame:
    """`mentions` with the columns a table written before them lacks: no title, and every
    mention in the body."""
    if "title" not in mentions.columns:
        mentions = mentions.with_columns(pl.lit(None, pl.String).alias("title"))
    if "part_role" not in mentions.columns:
        mentions = mentions.with_columns(part_role=pl.lit("body"), part_id=pl.lit(None, pl.String))
    return mentions


def canonicalize_entities(
    mentions: pl.DataFrame, pinned: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster mentions into canonical entities; return (entities, mentions).

    entities: the entities columns (entity_id, name, label, aliases: sorted distinct
    spellings, mention_count, article_count). mentions: the `extract_mentions` columns plus
    mention_id and entity_id, i.e. entity_mentions but sentence_id (pin-dropped mentions are
    removed). Same input in any row order gives the same ids and names.
    """
    result = canonicalize_with_log(mentions, pinned)
    return result.entities, result.mentions


def canonicalize_with_log(
    mentions: pl.DataFrame, pinned: pl.DataFrame | None = None
) -> Canonicalization:
    """`canonicalize_entities` plus the list of merge decisions (for measurement)."""
    pins = Pins.from_frame(pinned)
    frame = _keyed(_with_new_columns(mentions), pins)
    rows = frame.select("article_id", "_key", "label").rows()
    votes = _label_votes(frame)
    clusters = KeyClusters(sorted(votes), pins.split)
    led = place_led_names(votes)
    full_names = sorted({*person_full_names(votes, led), *persons_by_surname(rows, votes, led)})
    decisions = merge_all(clusters, votes, pins, full_names)
    first_names = first_name_words(rows, full_names)
    surname_rules = resolve_surnames(rows, votes, full_names, clusters, pins, first_names)
    decisions += surname_decisions(surname_rules, clusters)
    resolved, as_person = _surname_clusters(frame, surname_rules, clusters)
    gender_decisions = apply_genders(
        rows, frame["_gender"].to_list(), resolved, as_person, clusters, full_names
    )
    decisions += gender_decisions
    # A mention resolved as a person's surname votes PERSON, whatever spaCy called it
    # ("Bellamy" tagged ORG 20 times next to "Craig Bellamy").
    frame = frame.with_columns(
        pl.Series("_cluster", resolved, dtype=pl.String),
        pl.Series("_as_person", as_person, dtype=pl.Boolean),
    )
    pin_roots = {
        clusters.find(canon_key): (label, canonical)
        for canon_key, label, canonical in sorted(pins.merge.values(), key=str)
        if canon_key in clusters
    }
    people = _People(set(full_names), first_names, led)
    people.one_story = one_story_surnames(rows, votes, full_names)
    people.compass_gpe = compass_gpe_keys(votes)
    people.awards = award_ceremony_keys(votes)
    return _build_tables(frame, _entity_of_cluster(frame, pin_roots, people), decisions)


def _surname_clusters(
    frame: pl.DataFrame, rules: SurnameRules, clusters: KeyClusters
) -> tuple[list[str], list[bool]]:
    """Per mention of `frame`, its cluster after the surname rule (the root of the full name
    its (article, key) resolved to, else its key's root) and whether a rule resolved it.
    Joined by polars: one root per distinct key and per rule, not a lookup per mention."""
    keys = frame["_key"].unique().to_list()
    roots = pl.DataFrame(
        {"_key": keys, "_root": [clusters.find(k) for k in keys]},
        schema={"_key": pl.String, "_root": pl.String},
    )
    ruled = pl.DataFrame(
        [(a, k, clusters.find(root)) for (a, k), (_, root) in rules.items()],
        schema={"article_id": pl.String, "_key": pl.String, "_rule_root": pl.String},
        orient="row",
    )
    out = (
        frame.select("article_id", "_key")
        .join(ruled, on=["article_id", "_key"], how="left", maintain_order="left")
        .join(roots, on="_key", how="left", maintain_order="left")
    )
    resolved = out.select(pl.coalesce("_rule_root", "_root")).to_series().to_list()
    return resolved, out["_rule_root"].is_not_null().to_list()


@dataclass
class _People:
    """What the label vote needs to know of the corpus's person names."""

    full_names: set[str]  # merges.person_full_names
    first_names: set[str]  # surnames.first_name_words
    place_led: set[str]  # merges.place_led_names
    surnames: set[str] = field(init=False)
    compass_gpe: set[str] = field(default_factory=set)  # labels.compass_gpe_keys
    awards: set[str] = field(default_factory=set)  # labels.award_ceremony_keys
    one_story: set[str] = field(default_factory=set)  # surnames.one_story_surnames

    def __post_init__(self) -> None:
        self.surnames = {f.rsplit(" ", 1)[1] for f in self.full_names} - self.first_names

    def surname(self, keys: Counter[str]) -> bool:
        """A single-word entity whose word is the surname of a full person name in the
        corpus ("Felt" of W. Mark Felt) and not a first name there."""
        return any(k in self.surnames and k not in self.one_story for k in keys)


def _keyed(mentions: pl.DataFrame, pins: Pins) -> pl.DataFrame:
    """The mention columns in offset order with their name key `_key` and honorific gender
    `_gender`; mentions with an empty or pin-dropped key removed.

    A mention printed all in lower case whose key is otherwise a person's name ("bush" the
    shrub next to "Bush", "felt" next to "Mark Felt") gets a key of its own (`#lc`): a common
    noun never joins a name.
    """
    given = [GIVEN] if GIVEN in mentions.columns else []
    frame = mentions.select([*columns("entity_mentions", without=FILLED_LATER), *given]).sort(
        ["article_id", "part_id", "start_char", "end_char"], nulls_last=False
    )
    texts = frame["text"].to_list()
    labels = frame["label"].to_list()
    # A state in a party tag ("Calif.") has its state's key: one entity with "California".
    keys = [
        (label == "GPE" and state_key(t)) or name_key(t)
        for t, label in zip(texts, labels, strict=True)
    ]
    if given:
        keys = given_keys(keys, texts, frame[GIVEN].to_list())
        frame = frame.drop(GIVEN)
    lower = frame.select(~pl.col("text").str.contains(r"\p{Lu}")).to_series().to_list()
    lower_keys = {k for k, is_lower in zip(keys, lower, strict=True) if is_lower and k}
    if lower_keys:
        person: dict[str, Counter[str]] = defaultdict(Counter)
        for key, is_lower, label in zip(keys, lower, labels, strict=True):
            if is_lower:
                continue
            if key in lower_keys:
                person[key][label] += 1
            if label == "PERSON" and " " in key and key.rsplit(" ", 1)[1] in lower_keys:
                person[key.rsplit(" ", 1)[1]]["PERSON"] += 1
        keys = [
            f"{k}#lc" if is_lower and k in person and vote(person[k]) == "PERSON" else k
            for k, is_lower in zip(keys, lower, strict=True)
        ]
    # Only a title or a text starting with an honorific can give a gender.
    may_gender = frame.select(
        pl.col("title").is_not_null() | pl.col("text").str.contains(_HONORIFIC_START)
    ).to_series()
    titles = frame["title"].to_list()
    genders = [
        gender_of(titles[i], texts[i]) if maybe else ""
        for i, maybe in enumerate(may_gender.to_list())
    ]
    frame = frame.with_columns(
        pl.Series("_key", keys, dtype=pl.String), pl.Series("_gender", genders, dtype=pl.String)
    )
    return frame.filter(~pl.col("_key").is_in(sorted(pins.drop)) & (pl.col("_key") != ""))


def _label_votes(frame: pl.DataFrame) -> dict[str, Counter[str]]:
    """Label votes per key, over the whole corpus (counted by polars per key and label)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, label, n in frame.group_by("_key", "label").len().rows():
        votes[key][label] += n
    return votes


def _entity_of_cluster(
    frame: pl.DataFrame, pin_roots: dict[str, tuple[str | None, str]], people: _People
) -> _EntityOf:
    """Pick name and label per cluster and its entity id; a pin's name and label win.

    The label is one vote over every mention of the cluster in the corpus
    (`labels.entity_label`); the votes are kept for the entities table."""
    # Counted by polars per (cluster, value) and gathered per cluster as two lists: one
    # Counter built from a dict per cluster and field, not one update per counted row.
    counted = frame.select(
        "_cluster",
        "text",
        "_key",
        pl.when(pl.col("_as_person")).then(pl.lit("PERSON")).otherwise("label").alias("label"),
    )
    per_field = [
        counted.group_by("_cluster", column)
        .len()
        .group_by("_cluster")
        .agg(pl.col(column).alias(f"{column}_v"), pl.col("len").alias(f"{column}_n"))
        for column in ("text", "label", "_key")
    ]
    gathered = per_field[0].join(per_field[1], on="_cluster").join(per_field[2], on="_cluster")
    clusters = {
        # Only the label votes are read as a Counter (a missing label counts 0).
        cluster: {
            "text": dict(zip(tv, tn, strict=True)),
            "label": _counter(lv, ln),
            "key": dict(zip(kv, kn, strict=True)),
        }
        for cluster, tv, tn, lv, ln, kv, kn in gathered.rows()
    }

    entity_of: _EntityOf = {}
    for cluster, c in clusters.items():
        has_full_person = any(k in people.full_names for k in c["key"])
        label, rule = entity_label(c["label"], has_full_person, people.surname(c["key"]))
        if rule == "not_person" and any(k in people.place_led for k in c["key"]):
            label, rule = "ORG", "place_led_org"  # "Manchester United": see place_led_names
        elif label == "LOC" and not people.compass_gpe.isdisjoint(c["key"]):
            label, rule = "GPE", "compass_gpe"  # "South Sudan": see labels.compass_gpe_keys
        elif people.awards and not people.awards.isdisjoint(c["key"]):
            label, rule = "EVENT", "award_ceremony"  # "Oscars": labels.award_ceremony_keys
        name = display_name(pick_name(c["text"]))
        if label == "GPE":
            name = state_name(name)
        pinned = pin_roots.get(cluster)
        if pinned is not None:
            pin_label, pin_name = pinned
            label, rule = (pin_label, "pin") if pin_label else (label, rule)
            name = pin_name
        # A gendered or lower-case cluster ("clinton#f", "bush#lc") keeps its marker in the
        # id, so it never lands on the id of the name it was kept apart from.
        marker = cluster[cluster.index("#") :] if "#" in cluster else ""
        entity_id = _entity_id(label, name_key(name) + marker)
        entity_of[cluster] = (label, name, entity_id, votes_json(c["label"], rule))
    return entity_of


def _counter(values: list[str], counts: list[int]) -> Counter[str]:
    """Counter(dict(zip(values, counts))) without Counter.update's per-call Mapping check
    (42,000 Counters on the BBC)."""
    counter: Counter[str] = Counter.__new__(Counter)  # an empty Counter; no state to init
    dict.update(counter, zip(values, counts, strict=True))
    return counter


def _entity_id(label: str, key: str) -> str:
    """`stable_id("ent", label, key)` with the hash inlined (once per cluster; checked equal
    in tests/transforms/entities/test_identity.py)."""
    return "ent_" + hashlib.sha256(f"{label}\x1f{key}".encode()).hexdigest()[:16]


def _build_tables(
    frame: pl.DataFrame, entity_of: _EntityOf, decisions: list[Decision]
) -> Canonicalization:
    """Ids and counts: the entities table and the mentions with mention_id and entity_id."""
    ids = frame["_cluster"].replace_strict(
        list(entity_of), [e[2] for e in entity_of.values()], return_dtype=pl.String
    )
    mention_ids = _mention_ids(frame)
    frame = frame.with_columns(
        ids.alias("entity_id"),
        pl.Series("mention_id", mention_ids, dtype=pl.String),
    )
    # Two clusters can land on one (label, name key) id, e.g. after a pin; they are one
    # entity by definition, so counts are aggregated by entity_id, and the name/label of
    # the entity with the smallest cluster key wins.
    meta = (
        pl.DataFrame(
            sorted((cl, eid, name, label, lv) for cl, (label, name, eid, lv) in entity_of.items()),
            schema=dict.fromkeys(
                ["cluster", "entity_id", "name", "label", "label_votes"], pl.String
            ),
            orient="row",
        )
        .unique("entity_id", keep="first", maintain_order=True)
        .drop("cluster")
    )
    stats = frame.group_by("entity_id").agg(
        pl.col("text").unique().sort().alias("aliases"),
        pl.len().cast(pl.Int64).alias("mention_count"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("article_count"),
    )
    entities = (
        meta.join(stats, on="entity_id", how="inner")
        .with_columns(pl.concat_list("aliases", "name").list.unique().list.sort().alias("aliases"))
        .sort(["mention_count", "entity_id"], descending=[True, False])
    )
    return Canonicalization(
        conform(entities, "entities"),
        conform(frame, "entity_mentions", without=("sentence_id",)),
        decisions,
    )


def _mention_ids(frame: pl.DataFrame) -> list[str]:
    """`stable_id("men", article_id, start_char)` per body mention and `stable_id("men",
    article_id, part_id, start_char)` per caption mention (`frame`: article_id, start_char,
    part_id), with the hash inlined and the hashed text joined by polars: one call per
    mention was a fifth of the stage on the BBC (72,000 calls). Checked equal to stable_id
    in tests/transforms/entities/test_identity.py."""
    sep = pl.lit("\x1f")  # stable_id's separator
    start = pl.col("start_char").cast(pl.String)
    texts = frame.select(
        pl.when(pl.col("part_id").is_null())
        .then(pl.concat_str("article_id", sep, start))
        .otherwise(pl.concat_str("article_id", sep, "part_id", sep, start))
    ).to_series()
    sha = hashlib.sha256
    return ["men_" + sha(t.encode()).hexdigest()[:16] for t in texts.to_list()]
