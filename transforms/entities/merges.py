"""The corpus-wide merge rules over name keys, and the clusters they build.

Each rule links keys of one real entity and records a `Decision` per link: hand pins first,
then (a) spelling variants of full person names, (a1) a first initial, (a2) other names of
2+ words differing in one word, (a3) NORP plurals. The surname rule, which resolves
mentions rather than keys, is in `entities.surnames`. Rules read sorted keys, so the
clusters and the log do not depend on row order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from transforms.entities.labels import label_family, vote
from transforms.entities.lexicon import PLACE_LABELS
from transforms.entities.names import SURNAME_RATIO, same_person
from transforms.entities.pins import Pins
from transforms.text.clusters import DisjointSet

# Names of 2+ words other than people (ORG, FAC, ...) merge when exactly one word differs
# and that word's ratio reaches this: Defence~Defense 85.7, Appeals~Appeal 92.3,
# Disasters~Disaster 94.1. Known cost: Labour~Labor (90.9) would merge "Labour Party" with
# Australia's "Labor Party"; a split pin keeps them apart.
OTHER_WORD_RATIO = 85.0

# A given name the corpus prints before this many different surnames is an established
# name, not a typo of another: two such names that differ by more than one edit and are not
# a short form of one another (Steve/Steven) are two people. BBC "Michael Collins" (the
# film; "Michael" before 59 surnames) and "Michelle Collins" (the sprinter; "Michelle" 5)
# score 80.0, at FIRST_NAME_RATIO; Viktor/Victor (one edit), Damien/Damian and Matthew/
# Mathew (one edit, "Mathew" once) stay one person. Known cost: a feminine form that
# extends the masculine one (Daniel/Danielle) counts as a short form and still merges.
ESTABLISHED_FIRST_NAME = 3


@dataclass
class Decision:
    """One merge taken by a rule, kept for the benchmark report."""

    rule: str
    alias: str  # name key that was merged
    into: str  # cluster root key it was merged into
    article_id: str | None = None  # for surname rules: where the surname stood


class KeyClusters:
    """Clusters of name keys. The root is the smallest key (DisjointSet's rule), so results
    do not depend on order; a union that would join two keys pinned apart is refused."""

    def __init__(self, keys: Iterable[str], split: set[frozenset[str]]) -> None:
        self._sets = DisjointSet()
        self._keys: set[str] = set()
        self._members: dict[str, set[str]] = {}  # root -> every key of its cluster
        self._long: dict[str, set[str]] = {}  # root -> its keys of 3+ words
        self._split = split
        # key -> root, valid until the next union: the stage asks for roots ~90,000 times
        # and unions only a few thousand, all before the surname rule's many lookups.
        self._root: dict[str, str] = {}
        for key in keys:
            self.add(key)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def add(self, key: str) -> None:
        if key not in self._keys:
            self._keys.add(key)
            self._sets.add(key)
            self._members[key] = {key}
            if key.count(" ") >= 2:
                self._long[key] = {key}

    def find(self, key: str) -> str:
        """The root of an added key's cluster."""
        root = self._root.get(key)
        if root is None:
            root = self._root[key] = self._sets.find(key)
        return root

    def long_members(self, key: str) -> set[str]:
        """The keys of 3+ words (with a middle name or initial) of `key`'s cluster."""
        return self._long.get(self.find(key), set())

    def apart(self, a: str, b: str) -> bool:
        """True if some pin keeps a member of a's cluster apart from one of b's."""
        if not self._split:
            return False
        ma, mb = self._members[self.find(a)], self._members[self.find(b)]
        return any(frozenset([x, y]) in self._split for x in ma for y in mb)

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of a and b; False if a split pin forbids it."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.apart(ra, rb):
            return False
        self._sets.union(ra, rb)
        self._root = {}
        root, child = (ra, rb) if ra < rb else (rb, ra)
        self._members[root] |= self._members.pop(child)
        if child in self._long:
            self._long.setdefault(root, set()).update(self._long.pop(child))
        return True


def person_full_names(votes: dict[str, Counter[str]], led: set[str] | None = None) -> list[str]:
    """Sorted keys of 2+ words whose label vote is PERSON, unless a word starts with no
    letter (spaCy's PERSON "3:30 a. m. Tuesday" is no full name that "Tuesday" could be the
    surname of) or the name is `place_led` (`led`: place_led_names(votes), if known)."""
    if led is None:
        led = place_led_names(votes)
    return sorted(
        k
        for k, v in votes.items()
        if " " in k
        and k not in led
        and vote(v) == "PERSON"
        and all(w[:1].isalpha() for w in k.split())
    )


def place_led_names(votes: dict[str, Counter[str]]) -> set[str]:
    """Names of 2+ words spaCy calls PERSON whose first word the corpus alone votes a place
    and whose last word it alone never votes PERSON: an organization named after a place,
    "Manchester United" (BBC: PERSON 71 times; "Manchester" alone GPE, "United" alone ORG 63
    to PERSON 23), "Leeds United". Known cost: "Paris Hilton" where "Hilton" alone is the
    hotel."""
    led: set[str] = set()
    for k, v in votes.items():
        if " " not in k:
            continue
        first, last = k.split(" ", 1)[0], k.rsplit(" ", 1)[1]
        if (
            first in votes
            and last in votes
            and vote(votes[first]) in PLACE_LABELS
            and vote(votes[last]) != "PERSON"
            and vote(v) == "PERSON"
        ):
            led.add(k)
    return led


def merge_all(
    clusters: KeyClusters,
    votes: dict[str, Counter[str]],
    pins: Pins,
    full_names: list[str] | None = None,
) -> list[Decision]:
    """Every key rule, in order: pins, then (a), (a1), (a2), (a3). `full_names`: the
    `person_full_names(votes)` when the caller has them already."""
    if full_names is None:
        full_names = person_full_names(votes)
    return [
        *merge_pins(clusters, votes, pins),
        *merge_full_names(clusters, full_names),
        *merge_initials(clusters, full_names),
        *merge_other_names(clusters, votes),
        *merge_plural_norp(clusters, votes),
    ]


def merge_pins(clusters: KeyClusters, votes: dict[str, Counter[str]], pins: Pins) -> list[Decision]:
    """Pins first, so the rules below build on them."""
    decisions: list[Decision] = []
    for alias_key, (canon_key, _, _) in sorted(pins.merge.items()):
        if alias_key in votes:
            clusters.add(canon_key)
            clusters.union(alias_key, canon_key)
            decisions.append(Decision("pin", alias_key, canon_key))
    return decisions


def _by_last(full_names: list[str]) -> dict[str, list[str]]:
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in full_names:
        by_last[key.rsplit(" ", 1)[1]].append(key)
    return by_last


def merge_full_names(clusters: KeyClusters, full_names: list[str]) -> list[Decision]:
    """(a) Full person names: spelling variants and missing middle names. Blocked by the
    surname's first letter, and inside a block rapidfuzz's cdist (C++) finds the surname
    pairs above SURNAME_RATIO, so the Python check runs only on candidate pairs."""
    by_last = _by_last(full_names)
    letter_blocks: dict[str, list[str]] = defaultdict(list)
    for last in sorted(by_last):
        letter_blocks[last[:1]].append(last)
    pairs: list[tuple[str, str]] = []
    for lasts in letter_blocks.values():
        scores = process.cdist(lasts, lasts, scorer=fuzz.ratio, score_cutoff=SURNAME_RATIO)
        for i, j in zip(*scores.nonzero(), strict=True):
            if j < i:
                continue
            pairs += [
                (a, b)
                for a in by_last[lasts[i]]
                for b in by_last[lasts[j]]
                if a < b and same_person(a.split(), b.split())
            ]
    ambiguous = _ambiguous_short_names(pairs)
    established = _established_first_names(full_names)
    decisions: list[Decision] = []
    for a, b in pairs:
        if (
            (a, b) not in ambiguous
            and not two_given_names(a.split(), b.split(), established)
            and clusters.find(a) != clusters.find(b)
            and _compatible(clusters, a, b)
            and clusters.union(a, b)
        ):
            decisions.append(Decision("fuzzy_full_name", b, a))
    return decisions


def _established_first_names(full_names: list[str]) -> set[str]:
    """Given names (2+ letters) starting full names with ESTABLISHED_FIRST_NAME or more
    different surnames in the corpus."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in full_names:
        words = key.split()
        if len(words[0]) > 1:
            surnames[words[0]].add(words[-1])
    return {w for w, lasts in surnames.items() if len(lasts) >= ESTABLISHED_FIRST_NAME}


def two_given_names(a: list[str], b: list[str], established: set[str]) -> bool:
    """True when two full names (key tokens) of equal length start with two different
    established given names (`_established_first_names`) that are neither one edit apart
    nor a short form of one another: "Michael" and "Michelle" are two names, so two people,
    however close the spelling; "Steve"/"Steven" and "Viktor"/"Victor" are one name."""
    x, y = a[0], b[0]
    if len(a) != len(b) or x == y or x not in established or y not in established:
        return False
    return not (x.startswith(y) or y.startswith(x) or Levenshtein.distance(x, y) <= 1)


def _ambiguous_short_names(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The pairs joining a shorter name to one of two longer names that are different
    people: ECB+ "George Bush" matches both "George W. Bush" and "George H.W. Bush", so it
    joins neither (as an initial with two candidates joins neither, merge_initials)."""
    longer: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        short, long_ = (a, b) if a.count(" ") < b.count(" ") else (b, a)
        if short.count(" ") < long_.count(" "):
            longer[short].add(long_)
    out: set[tuple[str, str]] = set()
    for short, partners in longer.items():
        ordered = sorted(partners)
        if any(
            not same_person(x.split(), y.split())
            for i, x in enumerate(ordered)
            for y in ordered[i + 1 :]
        ):
            out |= {(min(short, p), max(short, p)) for p in partners}
    return out


def _compatible(clusters: KeyClusters, a: str, b: str) -> bool:
    """No two full names with given names on both sides of a union are different people:
    "George Bush" matches both "George W Bush" and "George H W Bush", but the son and the
    father must not meet through it. Only names of 3+ words (a middle name or initial) are
    compared, so the check stays small."""
    long_a, long_b = clusters.long_members(a), clusters.long_members(b)
    return all(same_person(x.split(), y.split()) for x in long_a for y in long_b)


def merge_initials(clusters: KeyClusters, full_names: list[str]) -> list[Decision]:
    """(a1) A first initial ("G Dempsey" in a team sheet) joins the one full name with that
    surname and initial. Two candidates (BBC: "M Williams" may be Martyn or Matt Williams)
    leave it alone."""
    by_last = _by_last(full_names)
    decisions: list[Decision] = []
    for key in full_names:
        words = key.split()
        if len(words[0]) != 1:
            continue
        roots = {
            clusters.find(k) for k in by_last[words[-1]] if len(k.split()[0]) > 1 and k[0] == key[0]
        }
        roots = {r for r in roots if not clusters.apart(r, key)}
        if len(roots) == 1:
            root = next(iter(roots))
            if clusters.find(key) != root and clusters.union(key, root):
                decisions.append(Decision("initial", key, root))
    return decisions


def merge_other_names(clusters: KeyClusters, votes: dict[str, Counter[str]]) -> list[Decision]:
    """(a2) Other names of 2+ words that differ in one word by spelling: "Defence Ministry" ~
    "Defense Ministry" (85.7), "Court of Appeals" ~ "Court of Appeal". Single words are
    never fuzzy-merged: Australia ~ Austria is 87.5, Union ~ Unison 90.9 on the BBC.
    Blocking by "all words but one" signatures finds the candidates without all pairs."""
    signatures: dict[tuple[int, int, tuple[str, ...]], list[str]] = defaultdict(list)
    for key in sorted(votes):
        if " " not in key or vote(votes[key]) == "PERSON":
            continue
        words = key.split()
        for p in range(len(words)):
            signatures[(len(words), p, tuple(words[:p] + words[p + 1 :]))].append(key)
    decisions: list[Decision] = []
    for (_, p, _), keys in sorted(signatures.items()):
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                wa, wb = a.split()[p], b.split()[p]
                if (
                    min(len(wa), len(wb)) >= 4
                    and fuzz.ratio(wa, wb) >= OTHER_WORD_RATIO
                    and label_family(vote(votes[a])) == label_family(vote(votes[b]))
                    and clusters.find(a) != clusters.find(b)
                    and clusters.union(a, b)
                ):
                    decisions.append(Decision("fuzzy_other_name", b, a))
    return decisions


def merge_plural_norp(clusters: KeyClusters, votes: dict[str, Counter[str]]) -> list[Decision]:
    """(a3) Plural group names: "Americans" -> "American", "Conservatives" -> "Conservative"."""
    decisions: list[Decision] = []
    for key in sorted(votes):
        singular = key[:-1]
        if (
            key.endswith("s")
            and singular in votes
            and vote(votes[key]) == vote(votes[singular]) == "NORP"
            and clusters.find(key) != clusters.find(singular)
            and clusters.union(singular, key)
        ):
            decisions.append(Decision("plural_norp", key, singular))
    return decisions
