"""Hand pins from `warehouse/entity_aliases.csv`: merge, split and drop decisions that
override the canonicalization rules.

`read_pinned_aliases` parses and checks the file's text (a typo fails the run instead of
being ignored); `Pins` is the form the rules read, keyed by name key.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

import polars as pl

from transforms.contract.vocabularies import PIN_ACTIONS
from transforms.entities.lexicon import NAME_LABELS
from transforms.entities.names import name_key

# The pin file's header: a file format, not a warehouse table.
PIN_COLUMNS = ("action", "alias", "label", "canonical")


def read_pinned_aliases(csv_text: str) -> pl.DataFrame:
    """Parse `warehouse/entity_aliases.csv`: action,alias,label,canonical.

    - merge: every mention whose name key equals key(alias), under any spaCy label, belongs
      to the entity named `canonical` with label `label` (an empty label keeps the vote).
      `merge,Kyiv,GPE,Kyiv` also fixes the label of a name spaCy mislabels.
    - split: never put key(alias) and key(canonical) in one entity (fuzzy and surname rules
      both respect it), e.g. `split,Medvedev,PERSON,Medinsky`.
    - drop: mentions whose key equals key(alias) are not entities (`drop,Fierce,,`).
    Lines starting with "#" and blank lines are comments. An unknown action or label, or one
    alias merged into two entities, raises ValueError naming the line: a typo in the pin
    file fails the run instead of being ignored.
    """
    rows: list[dict[str, str | None]] = []
    header: list[str] | None = None
    merged_into: dict[str, str] = {}
    for lineno, line in enumerate(csv_text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rec = [c.strip() for c in next(csv.reader([line]))]
        if header is None:
            header = [h.lower() for h in rec]
            if header[:4] != list(PIN_COLUMNS):
                raise ValueError(f"entity aliases: header must be {','.join(PIN_COLUMNS)}")
            continue
        rows.append(_pin_row(rec, f"entity aliases line {lineno}", merged_into))
    return pl.DataFrame(rows, schema=dict.fromkeys(PIN_COLUMNS, pl.String))


def _pin_row(rec: list[str], where: str, merged_into: dict[str, str]) -> dict[str, str | None]:
    """One checked pin; `merged_into` (alias key -> canonical key) collects the merges."""
    rec += [""] * (4 - len(rec))
    action, alias, label, canonical = (rec[0].lower(), rec[1], rec[2].upper(), rec[3])
    if action not in PIN_ACTIONS:
        raise ValueError(f"{where}: unknown action {rec[0]!r}")
    if not alias or (action != "drop" and not canonical):
        raise ValueError(f"{where}: {action} needs alias and canonical")
    if label and label not in NAME_LABELS:
        raise ValueError(f"{where}: unknown label {rec[2]!r}")
    if action == "merge":
        # One alias, one target: two merges of the same alias would depend on file order.
        previous = merged_into.setdefault(name_key(alias), name_key(canonical))
        if previous != name_key(canonical):
            raise ValueError(f"{where}: {alias!r} is already merged into another entity")
    return {
        "action": action,
        "alias": alias,
        "label": label or None,
        "canonical": canonical or None,
    }


@dataclass
class Pins:
    """The pins by name key: keys dropped, alias key -> (canonical key, label or None,
    canonical name), and pairs of keys kept apart."""

    drop: set[str] = field(default_factory=set)
    merge: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    split: set[frozenset[str]] = field(default_factory=set)

    @classmethod
    def from_frame(cls, pinned: pl.DataFrame | None) -> Pins:
        """The pins of a `read_pinned_aliases` frame (None: no pins)."""
        pins = cls()
        if pinned is None:
            return pins
        for row in pinned.sort(["action", "alias", "canonical"], nulls_last=True).iter_rows(
            named=True
        ):
            alias_key = name_key(row["alias"])
            if row["action"] == "drop":
                pins.drop.add(alias_key)
            elif row["action"] == "merge":
                canonical = row["canonical"]
                pins.merge[alias_key] = (name_key(canonical), row["label"], canonical)
            elif row["action"] == "split":
                pins.split.add(frozenset([alias_key, name_key(row["canonical"])]))
        return pins
