"""Free text to canonical entities: the names in claim attributions ("Umerov", "Russia's
Defence Ministry") linked to an entity_id, or to nothing rather than a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import polars as pl

from transforms.entities.names import is_title_only, name_key, strip_possessive, strip_titles

_WORDS = re.compile(r"[\w][\w.’'\-]*")


def link_attributions(claims: pl.DataFrame, entities: pl.DataFrame) -> pl.DataFrame:
    """`claims` with `attributed_entity_id` (String) resolved from `attributed_to`; the
    column replaces any existing one in place, else it is appended."""
    linked = resolve_names(claims["attributed_to"].to_list(), entities)
    return claims.with_columns(pl.Series("attributed_entity_id", linked, dtype=pl.String))


def resolve_names(names: Sequence[str | None], entities: pl.DataFrame) -> list[str | None]:
    """Map free text ("Umerov", "Russia's Defence Ministry", "Kyiv", "Ukraine's air force")
    to an entity_id, else None.

    First the whole text (titles stripped) against the keys of every name and alias, and a
    lone surname against the last word of exactly one PERSON. Then the longest run of words
    inside the text that starts and ends with a capital and matches: "Russia's Defence
    Ministry" -> "Defence Ministry", "Kharkiv Mayor Ihor Terekhov" -> "Ihor Terekhov",
    "Ukraine's air force" -> "Ukraine". Two different entities at that length ("Russian and
    Ukrainian officials") give None rather than a guess. A key shared by several entities
    goes to the one with the most mentions.
    """
    index = _NameIndex.of(entities)
    out: list[str | None] = []
    for raw in names:
        if raw is None or not raw.strip():
            out.append(None)
            continue
        text = strip_titles(raw.strip())
        found = index.lookup(text)
        if found is None:
            found = _inner_run(text, index)
        out.append(found)
    return out


def _inner_run(text: str, index: _NameIndex) -> str | None:
    """The entity of the longest capitalized run of words inside `text` that matches one;
    None when nothing matches or two entities match at that length."""
    words = [strip_possessive(w) for w in _WORDS.findall(text)]
    for n in range(len(words) - 1, 0, -1):
        hits = {
            hit
            for i in range(len(words) - n + 1)
            if words[i][:1].isupper() and words[i + n - 1][:1].isupper()
            and (hit := index.lookup(" ".join(words[i : i + n]))) is not None
        }  # fmt: skip
        if len(hits) > 1:
            return None  # "Russian and Ukrainian officials": two sources, no single entity
        if hits:
            return next(iter(hits))
    return None


class _NameIndex:
    """Name keys of every entity name and alias, and the surnames of full PERSON names."""

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[int, str]] = {}  # key -> (mention_count, entity_id)
        self.surnames: dict[str, set[str]] = defaultdict(set)  # surname key -> entity ids

    @classmethod
    def of(cls, entities: pl.DataFrame) -> _NameIndex:
        index = cls()
        for eid, name, label, aliases, count in entities.select(
            "entity_id", "name", "label", "aliases", "mention_count"
        ).rows():
            for text in {name, *(aliases or [])}:
                key = name_key(text)
                if key and (key not in index.by_key or (count, eid) > index.by_key[key]):
                    index.by_key[key] = (count, eid)
                if label == "PERSON" and " " in key:
                    index.surnames[key.rsplit(" ", 1)[1]].add(eid)
        return index

    def lookup(self, text: str) -> str | None:
        """The entity whose name key is `text`'s, or the one full PERSON name it is the
        surname of."""
        key = name_key(text)
        if not key or is_title_only(text):
            return None
        if key in self.by_key:
            return self.by_key[key][1]
        if " " not in key and len(self.surnames.get(key, ())) == 1:
            return next(iter(self.surnames[key]))
        return None
