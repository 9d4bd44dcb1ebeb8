"""Choosing one spaCy label from several votes, the same way everywhere in the stage.

A name spaCy tags inconsistently ("Kyiv" as PERSON, ORG and GPE) gets the majority label;
ties go by LABEL_PRIORITY, so the choice never depends on row order.
"""

from __future__ import annotations

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
