"""The key merge rules (pins, full-name variants, initials, other names, NORP plurals) and
the pin-aware clusters they build."""

from __future__ import annotations

from collections import Counter

import polars as pl

from tests.transforms.entities.helpers import entity, frame, names_of
from transforms.entities.canonicalize import canonicalize_entities, canonicalize_with_log
from transforms.entities.merges import (
    Decision,
    KeyClusters,
    merge_initials,
    merge_other_names,
    merge_plural_norp,
    person_full_names,
)


def test_key_clusters_root_is_smallest_and_split_refuses() -> None:
    clusters = KeyClusters(["zelensky", "volodymyr zelensky", "medvedev", "medinsky"],
                           {frozenset(["medvedev", "medinsky"])})  # fmt: skip
    assert clusters.union("zelensky", "volodymyr zelensky")
    assert clusters.find("zelensky") == clusters.find("volodymyr zelensky") == "volodymyr zelensky"
    assert not clusters.union("medvedev", "medinsky")
    assert clusters.find("medvedev") != clusters.find("medinsky")
    assert clusters.apart("medinsky", "medvedev") and not clusters.apart("zelensky", "medinsky")
    assert "zelensky" in clusters and "putin" not in clusters
    clusters.add("putin")
    assert "putin" in clusters and clusters.find("putin") == "putin"


def test_split_blocks_a_whole_cluster() -> None:
    # Once "vladimir medinsky" holds "medinsky", nothing in it may join "medvedev".
    clusters = KeyClusters(["medinsky", "vladimir medinsky", "medvedev"],
                           {frozenset(["medvedev", "medinsky"])})  # fmt: skip
    assert clusters.union("vladimir medinsky", "medinsky")
    assert not clusters.union("medvedev", "vladimir medinsky")


def test_seed_merge_log(mentions: pl.DataFrame, pins: pl.DataFrame) -> None:
    log = canonicalize_with_log(mentions, pins).decisions
    by_rule = Counter(d.rule for d in log)
    assert by_rule["pin"] >= 1 and by_rule["surname_in_article"] >= 1
    # Seeds 000-004: two spellings of Zelenskyy, of the Defence Ministry, and Europeans.
    assert Decision("fuzzy_full_name", "volodymyr zelenskyy", "volodymyr zelensky") in log
    assert Decision("fuzzy_other_name", "defense ministry", "defence ministry") in log
    assert Decision("plural_norp", "europeans", "european") in log
    # Pins come first, then the key rules, then the surnames.
    order = [d.rule for d in log]
    assert order.index("fuzzy_full_name") > max(i for i, r in enumerate(order) if r == "pin")
    assert order.index("surname_in_article") > order.index("plural_norp")


def test_person_full_names() -> None:
    votes = {
        "vladimir putin": Counter({"PERSON": 3}),
        "putin": Counter({"PERSON": 9}),
        "defence ministry": Counter({"ORG": 2}),
        "ciragan palace": Counter({"FAC": 5, "PERSON": 1}),
    }
    assert person_full_names(votes) == ["vladimir putin"]


def test_rules_one_by_one() -> None:
    clusters = KeyClusters(["g dempsey", "girvan dempsey"], set())
    assert merge_initials(clusters, ["g dempsey", "girvan dempsey"]) == [
        Decision("initial", "g dempsey", "girvan dempsey")
    ]
    votes = {"defence ministry": Counter({"ORG": 1}), "defense ministry": Counter({"ORG": 1})}
    clusters = KeyClusters(votes, set())
    assert merge_other_names(clusters, votes) == [
        Decision("fuzzy_other_name", "defense ministry", "defence ministry")
    ]
    votes = {"european": Counter({"NORP": 2}), "europeans": Counter({"NORP": 1})}
    clusters = KeyClusters(votes, set())
    assert merge_plural_norp(clusters, votes) == [Decision("plural_norp", "europeans", "european")]


def test_diacritics_fold_and_fuzzy_variants() -> None:
    entities, _ = canonicalize_entities(
        frame(
            [
                ("a", "Recep Tayyip Erdoğan", "PERSON"),
                ("b", "Recep Tayyip Erdogan", "PERSON"),
                ("b", "Erdogan", "PERSON"),
                ("c", "Erdoğan", "PERSON"),
                ("c", "Tayyip Erdogan", "PERSON"),
            ]
        )
    )
    assert names_of(entities) == {
        "Recep Tayyip Erdogan": [
            "Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Tayyip Erdogan"
        ]
    }  # fmt: skip


def test_medinsky_medvedev_and_first_names_stay_apart() -> None:
    entities, _ = canonicalize_entities(
        frame(
            [
                ("a", "Vladimir Medinsky", "PERSON"),
                ("a", "Vladimir", "PERSON"),
                ("b", "Dmitry Medvedev", "PERSON"),
                ("b", "Medvedev", "PERSON"),
                ("c", "Vladimir Putin", "PERSON"),
            ]
        )
    )
    assert sorted(entities["name"]) == [
        "Dmitry Medvedev", "Vladimir", "Vladimir Medinsky", "Vladimir Putin"
    ]  # fmt: skip


def test_other_names_fuzzy_only_with_two_words() -> None:
    entities, _ = canonicalize_entities(
        frame(
            [
                ("a", "Defence Ministry", "ORG"),
                ("b", "Defense Ministry", "ORG"),
                ("a", "Australia", "GPE"),
                ("b", "Austria", "GPE"),
                ("a", "Americans", "NORP"),
                ("b", "American", "NORP"),
                ("c", "American", "NORP"),
                ("a", "North Korea", "GPE"),
                ("b", "South Korea", "GPE"),
            ]
        )
    )
    assert names_of(entities) == {
        "Defence Ministry": ["Defence Ministry", "Defense Ministry"],
        "Australia": ["Australia"],
        "Austria": ["Austria"],
        "American": ["American", "Americans"],
        "North Korea": ["North Korea"],
        "South Korea": ["South Korea"],
    }


def test_seed_defence_ministry_spellings_merge(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    # Seed 003 "Russia’s Defence Ministry", seed 004 "Russia's Defense Ministry".
    entities, _ = canon
    ministry = entity(entities, "Defense Ministry")
    assert ministry["aliases"] == ["Defence Ministry", "Defense Ministry"]
    assert (ministry["label"], ministry["article_count"]) == ("ORG", 2)


def test_short_surnames_need_exact_match() -> None:
    # BBC: David Davis (Tory MP) and David Davies (FA) are two people, ratio 90.9;
    # Khodorkovsky ~ Khordokovsky (91.7) is one.
    entities, _ = canonicalize_entities(
        frame(
            [
                ("a", "David Davis", "PERSON"),
                ("b", "David Davies", "PERSON"),
                ("a", "Mikhail Khodorkovsky", "PERSON"),
                ("b", "Mikhail Khordokovsky", "PERSON"),
                ("c", "Girvan Dempsey", "PERSON"),
                ("d", "G Dempsey", "PERSON"),
                ("e", "G Dempsey", "PERSON"),
                ("f", "Matt Williams", "PERSON"),
                ("g", "Martyn Williams", "PERSON"),
                ("h", "M Williams", "PERSON"),  # Matt or Martyn: left alone
            ]
        )
    )
    assert names_of(entities) == {
        "David Davis": ["David Davis"],
        "David Davies": ["David Davies"],
        "Mikhail Khodorkovsky": ["Mikhail Khodorkovsky", "Mikhail Khordokovsky"],
        "Girvan Dempsey": ["G Dempsey", "Girvan Dempsey"],  # fullest: no initials
        "Matt Williams": ["Matt Williams"],
        "Martyn Williams": ["Martyn Williams"],
        "M Williams": ["M Williams"],
    }


def _people(first: str, n: int) -> list[tuple[str, str, str]]:
    """n different people with one given name (so the corpus knows it as a name)."""
    return [(f"p{first}{i}", f"{first} Surname{chr(97 + i)}", "PERSON") for i in range(n)]


def test_two_established_given_names_stay_two_people() -> None:
    # Nicholas and Nicola (ratio 85.7, two edits) each start names of three people: two
    # names, not a typo, so Nicholas Osterberg and Nicola Osterberg stay apart;
    # "Stephen"/"Stephan" (one edit) and "Chris"/"Christopher" (a short form) stay one.
    rows = _people("Nicholas", 3) + _people("Nicola", 3) + _people("Stephen", 3)
    rows += _people("Stephan", 3) + _people("Chris", 3) + _people("Christopher", 3)
    rows += [
        ("x", "Nicholas Osterberg", "PERSON"),
        ("y", "Nicola Osterberg", "PERSON"),
        ("x", "Stephen Hallowell", "PERSON"),
        ("y", "Stephan Hallowell", "PERSON"),
    ]
    entities, _ = canonicalize_entities(frame(rows))
    names = set(entities["name"])
    assert {"Nicholas Osterberg", "Nicola Osterberg"} <= names
    assert len({"Stephen Hallowell", "Stephan Hallowell"} & names) == 1


def test_a_rare_given_name_is_still_a_spelling_variant() -> None:
    # "Nicola" printed once is a typo as far as the corpus knows: the ratio rule holds.
    rows = _people("Nicholas", 3) + [
        ("x", "Nicholas Osterberg", "PERSON"),
        ("y", "Nicola Osterberg", "PERSON"),
    ]
    entities, _ = canonicalize_entities(frame(rows))
    assert len({"Nicholas Osterberg", "Nicola Osterberg"} & set(entities["name"])) == 1
