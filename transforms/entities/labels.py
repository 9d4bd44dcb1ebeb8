"""Choosing one spaCy label from several votes, the same way everywhere in the stage.

A name spaCy tags inconsistently ("Kyiv" as PERSON, ORG and GPE) gets the majority label;
ties go by LABEL_PRIORITY, so the choice never depends on row order.
"""

from __future__ import annotations

import json
from collections import Counter

from transforms.entities.lexicon import LABEL_PRIORITY, PLACE_ORG_LABELS


def vote(votes: Counter[str]) -> str:
    """Majority label; ties broken by LABEL_PRIORITY."""
    return min(votes, key=lambda lab: (-votes[lab], _priority(lab)))


def label_family(label: str) -> str:
    """Label family for merges: places and organizations mix in spaCy's output."""
    return "PLACE_ORG" if label in PLACE_ORG_LABELS else label


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


# A single word (no full person name in its entity) is a PERSON only when spaCy calls it
# PERSON in at least this share of its mentions; below it, PERSON loses to the other labels
# spaCy gave ("Kyiv", "Luhansk" tagged PERSON now and then). Measured on the single-word
# entities with PERSON and another label in the BBC and ECB+ odd topics
# (python benchmarks/bench_entity_gold.py evidence): see benchmarks/results/entities.md.
PERSON_SHARE = 0.75


def entity_label(
    votes: Counter[str], has_full_person: bool, first_name: bool = False
) -> tuple[str, str]:
    """(label, rule) of one entity from its votes over the whole corpus.

    An entity with a full person name and PERSON votes is a PERSON: its surname mentions
    resolved to it vote PERSON already, and a full name spaCy once calls ORG stays a person
    (rule person_full_name). A single word goes by PERSON_SHARE (person_share, not_person),
    unless the corpus uses it as a first name (`first_name`: "Oscar" the award, tagged
    PERSON 35 times in ECB+): a first name alone is never taken for a person on spaCy's word
    when spaCy also gave it another label. Anything else is the majority (majority).
    """
    if has_full_person and votes["PERSON"] * 2 >= sum(votes.values()):
        return "PERSON", "person_full_name"
    if has_full_person or len(votes) == 1:
        return vote(votes), "majority"
    if not first_name and votes["PERSON"] >= PERSON_SHARE * sum(votes.values()):
        return "PERSON", "person_share"
    others = Counter({lab: n for lab, n in votes.items() if lab != "PERSON"})
    return vote(others), "not_person" if votes["PERSON"] else "majority"


def votes_json(votes: Counter[str], rule: str) -> str:
    """The decision as stored in entities.label_votes: votes by label (most first) and rule."""
    ordered = {lab: votes[lab] for lab in sorted(votes, key=lambda lab: (-votes[lab], lab))}
    return json.dumps({"votes": ordered, "rule": rule}, separators=(",", ":"))
