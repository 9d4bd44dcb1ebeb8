"""Choosing one spaCy label from several votes, the same way everywhere in the stage.

A name spaCy tags inconsistently ("Kyiv" as PERSON, ORG and GPE) gets the majority label;
ties go by LABEL_PRIORITY, so the choice never depends on row order.
"""

from __future__ import annotations

from collections import Counter

from transforms.entities.lexicon import LABEL_PRIORITY, PLACE_ORG_LABELS


def vote(votes: Counter[str]) -> str:
    """Majority label; ties broken by LABEL_PRIORITY."""
    if len(votes) == 1:  # most keys have one label; the stage votes tens of thousands
        return next(iter(votes))
    return min(votes, key=lambda lab: (-votes[lab], _priority(lab)))


def label_family(label: str) -> str:
    """Label family for merges: places and organizations mix in spaCy's output."""
    return "PLACE_ORG" if label in PLACE_ORG_LABELS else label


_RANK = {lab: i for i, lab in reversed(list(enumerate(LABEL_PRIORITY)))}  # first index wins


def _priority(label: str) -> int:
    return _RANK.get(label, len(LABEL_PRIORITY))


# A single word that is the surname of a full person name in the corpus (and no first name
# there) is a PERSON when spaCy calls it PERSON in at least this share of its mentions.
# Measured by `python benchmarks/bench_entity_gold.py evidence` (the person_share and
# not_person rows): every such word at or above it is a person on the BBC (Keane 0.95,
# Foster 0.93, Edwards 0.90, Brown 0.87, Jackson 0.83) but Blackburn (0.77: the DJ and the
# club mixed), and ECB+ "Felt" is 62 of 63. Any other word or unresolved multi-word name
# loses spaCy's PERSON guess to the other labels it gave: on the BBC spaCy calls "Yukos"
# PERSON 169 times of 179, "Oscar" 116 of 118, "Dems" 69 of 70, so no share tells them
# apart; only the corpus's own person names do.
PERSON_SHARE = 0.75


def entity_label(
    votes: Counter[str], has_full_person: bool, person_surname: bool = False
) -> tuple[str, str]:
    """(label, rule) of one entity from its votes over the whole corpus.

    An entity with a full person name (`merges.person_full_names`) is a PERSON when PERSON
    has half its votes: its surname mentions resolved to it vote PERSON already, and a full
    name spaCy sometimes calls ORG stays a person (rule person_full_name). Else, one label
    is the majority (majority); a person's surname (`person_surname`) goes by PERSON_SHARE
    (person_share); anything else loses spaCy's PERSON guess to its other labels
    (not_person).
    """
    if has_full_person and votes["PERSON"] * 2 >= sum(votes.values()):
        return "PERSON", "person_full_name"
    if has_full_person or len(votes) == 1:
        return vote(votes), "majority"
    if person_surname and votes["PERSON"] >= PERSON_SHARE * sum(votes.values()):
        return "PERSON", "person_share"
    others = Counter({lab: n for lab, n in votes.items() if lab != "PERSON"})
    return vote(others), "not_person" if votes["PERSON"] else "majority"


def votes_json(votes: Counter[str], rule: str) -> str:
    """The decision as stored in entities.label_votes: votes by label (most first) and rule,
    as compact JSON (labels and rules are plain identifiers, so no escaping is needed;
    written by hand because it runs once per entity)."""
    ordered = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    body = ",".join(f'"{lab}":{n}' for lab, n in ordered)
    return f'{{"votes":{{{body}}},"rule":"{rule}"}}'


# Words that name a part of a place by its direction ("South Sudan", "North Korea").
COMPASS_WORDS = frozenset("north south east west northern southern eastern western central".split())
# spaCy splits a country named after a direction from its neighbour between LOC and GPE
# (ECB+ "South Sudan": LOC 55, GPE 36). When the rest of the name is a GPE in the corpus
# and GPE has at least this share of the name's place votes, the name is a GPE; a region
# spaCy keeps LOC ("South America": LOC 5 of 5, "Central Aceh" GPE 3 of 11) stays LOC.
COMPASS_GPE_SHARE = 1 / 3


def compass_gpe_keys(votes: dict[str, Counter[str]]) -> set[str]:
    """The keys that are a direction word plus a name the corpus votes GPE, and hold
    COMPASS_GPE_SHARE of their LOC and GPE votes as GPE: their entity is a GPE when its
    vote says LOC. `votes`: key -> label votes over the corpus."""
    out: set[str] = set()
    for key, own in votes.items():
        first, _, rest = key.partition(" ")
        if first in COMPASS_WORDS and rest in votes and vote(votes[rest]) == "GPE":
            places = own["GPE"] + own["LOC"]
            if places and own["GPE"] >= COMPASS_GPE_SHARE * places:
                out.add(key)
    return out


def award_ceremony_keys(votes: dict[str, Counter[str]]) -> set[str]:
    """Plural words whose singular's votes, spaCy's PERSON guess aside, are mostly
    WORK_OF_ART: the plural of an award is its ceremony, an EVENT ("the Oscars" for "an
    Oscar", "the Grammys"; spaCy calls them ORG or GPE). `votes`: key -> label votes."""
    out: set[str] = set()
    for key in votes:
        if key.endswith("s") and " " not in key and key[:-1] in votes:
            others = Counter({lab: n for lab, n in votes[key[:-1]].items() if lab != "PERSON"})
            if others and vote(others) == "WORK_OF_ART":
                out.add(key)
    return out
