"""Bare surnames left as entities of their own although their event, or the corpus, names
exactly one person with that surname (issue #13's done-when statement), on the entity
stage of this code re-run over a published warehouse's stored mentions.

    uv run python benchmarks/bench_surname_violations.py [--corpus bbc] [--show 15]

A *bare surname entity* is a one-word entity labelled PERSON whose word is the last word of
the name of some PERSON entity with a name of 2+ words, and not a first name there (a word
that starts at least as many such names as it ends: "David" of Craig David and of 40
Davids is a first name, as the stage's own `first_name_words` decides). It is a violation
- in the corpus, when exactly one such full-name entity has that surname;
- in an event, for each (entity, event) where the event's articles (articles.event_id of
  the warehouse) name exactly one such full-name entity with that surname.
Gendered surnames kept apart on purpose (a "Mrs Clinton" with only Mr Clinton named) are
counted too: the count is an upper bound of what the rules leave undone.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_entity_gold import WAREHOUSES, after_tables  # noqa: E402

from transforms.entities.names import name_key  # noqa: E402


def violations(entities: pl.DataFrame, mentions: pl.DataFrame, event_of: dict[str, str]):
    """(corpus-level rows, event-level rows): (surname entity name, its mentions, the one
    full name) per violation."""
    people = entities.filter(pl.col("label") == "PERSON").select("entity_id", "name").rows()
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, tuple[str, str]] = {}  # entity_id -> (key, name)
    for eid, name in people:
        key = name_key(name)
        if " " in key:
            full_by_surname[key.rsplit(" ", 1)[1]].add(eid)
        elif key:
            bare[eid] = (key, name)
    starts: dict[str, int] = defaultdict(int)
    for _, name in people:
        key = name_key(name)
        if " " in key:
            starts[key.split()[0]] += 1
    bare = {
        e: kn
        for e, kn in bare.items()
        if kn[0] in full_by_surname and starts[kn[0]] < len(full_by_surname[kn[0]])
    }
    name_of = dict(entities.select("entity_id", "name").rows())
    count = dict(entities.select("entity_id", "mention_count").rows())
    corpus = [
        (name, count[e], name_of[next(iter(full_by_surname[key]))])
        for e, (key, name) in bare.items()
        if len(full_by_surname[key]) == 1
    ]
    # Event-level: the full-name entities each event names.
    in_event: dict[str, set[str]] = defaultdict(set)
    bare_events: dict[tuple[str, str], int] = defaultdict(int)
    for article_id, eid in mentions.select("article_id", "entity_id").rows():
        event = event_of.get(article_id)
        if event is None:
            continue
        in_event[event].add(eid)
        if eid in bare:
            bare_events[(eid, event)] += 1
    event_rows = []
    for (eid, event), n in sorted(bare_events.items()):
        key, name = bare[eid]
        named = full_by_surname[key] & in_event[event]
        if len(named) == 1:
            event_rows.append((name, n, name_of[next(iter(named))]))
    return corpus, event_rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="bbc", choices=sorted(WAREHOUSES))
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    path = WAREHOUSES[args.corpus]
    entities, mentions, _ = after_tables(path)
    with duckdb.connect(str(path), read_only=True) as con:
        event_of = dict(con.sql("select article_id, event_id from articles").fetchall())
    corpus, events = violations(entities, mentions, event_of)
    print(
        f"{args.corpus}: corpus-level violations {len(corpus)} entities "
        f"({sum(n for _, n, _ in corpus)} mentions); event-level {len(events)} "
        f"(entity, event) pairs ({sum(n for _, n, _ in events)} mentions)"
    )
    for title, rows in (("corpus", corpus), ("event", events)):
        print(f"  {title}: " + "; ".join(
            f"{s} ({n}) -> {f}" for s, n, f in sorted(rows, key=lambda r: -r[1])[: args.show]
        ))  # fmt: skip


if __name__ == "__main__":
    main()
