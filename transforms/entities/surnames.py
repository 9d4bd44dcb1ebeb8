"""(b) A surname alone resolved to a full name: the full name with that surname in the same
article, else the one full name in the corpus with it.

Never a first name alone: the index is by last token. A surname is resolved once per
(article, key), so all its mentions in an article go the same way. Unlike the key rules in
`entities.merges`, this links mentions, not keys: "Blair" in one article may be Tony, in
another Cherie, so nothing is unioned.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from transforms.entities.merges import Decision, KeyClusters
from transforms.entities.pins import Pins

# A surname alone, with no full name in its article, goes to the corpus's full name with
# that surname if it is the only one or has this many times the others' article count.
CORPUS_DOMINANCE = 10

# (article_id, key) -> (rule, root key of the full name's cluster)
SurnameRules = dict[tuple[str, str], tuple[str, str]]


@dataclass
class _SurnameIndex:
    """Where the full names and PERSON tags of the corpus stand."""

    in_article: dict[tuple[str, str], set[str]]  # (article, surname) -> full-name keys
    in_corpus: dict[str, set[str]]  # surname -> full-name keys
    person_in_article: set[tuple[str, str]]  # (article, key) tagged PERSON there
    cluster_articles: dict[str, set[str]]  # root -> articles naming it in full
    first_names: set[str]

    @classmethod
    def build(
        cls, rows: list[tuple[str, str, str]], full_names: list[str], clusters: KeyClusters
    ) -> _SurnameIndex:
        full_set = set(full_names)
        in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
        in_corpus: dict[str, set[str]] = defaultdict(set)
        cluster_articles: dict[str, set[str]] = defaultdict(set)
        for article_id, key, _ in rows:
            if key in full_set:
                in_article[(article_id, key.rsplit(" ", 1)[1])].add(key)
                cluster_articles[clusters.find(key)].add(article_id)
        for key in full_names:
            in_corpus[key.rsplit(" ", 1)[1]].add(key)
        return cls(
            in_article=in_article,
            in_corpus=in_corpus,
            person_in_article={(a, k) for a, k, lab in rows if lab == "PERSON"},
            cluster_articles=cluster_articles,
            first_names={k.split(" ", 1)[0] for k in full_names},
        )


def resolve_surnames(
    rows: list[tuple[str, str, str]],
    votes: dict[str, Counter[str]],
    full_names: list[str],
    clusters: KeyClusters,
    pins: Pins,
) -> SurnameRules:
    """The full name each (article, single-word key) stands for, with the rule that said so.

    `rows` are (article_id, key, label) per mention. A surname is person-like if the corpus
    mostly tags it PERSON or the article tags it PERSON at least once; otherwise a GPE
    "Ireland" would join "James Ireland". Pinned aliases are left to their pin.
    """
    index = _SurnameIndex.build(rows, full_names, clusters)
    rules: SurnameRules = {}
    for article_id, key in sorted({(a, k) for a, k, _ in rows}):
        if " " in key or key in pins.merge:
            continue
        tagged_here = (article_id, key) in index.person_in_article
        mostly_person = votes[key]["PERSON"] * 2 >= sum(votes[key].values())
        if not (tagged_here or mostly_person):
            continue
        local = {clusters.find(k) for k in index.in_article.get((article_id, key), ())}
        local = {r for r in local if not clusters.apart(r, key)}
        if len(local) == 1:
            rules[(article_id, key)] = ("surname_in_article", next(iter(local)))
        elif not local and tagged_here and mostly_person and key not in index.first_names:
            found = _corpus_full_name(key, index, clusters)
            if found is not None:
                rules[(article_id, key)] = found
    return rules


def _corpus_full_name(
    key: str, index: _SurnameIndex, clusters: KeyClusters
) -> tuple[str, str] | None:
    """(rule, root) of the corpus's full name for a surname with none in its article.

    Only for a word tagged PERSON there and mostly PERSON overall, never for a word that
    starts a full name ("Arnold" alone may be Arnold Schwarzenegger): the caller checks
    that. Here: only a full name that recurs in 2+ articles (a one-article "Richard
    Nicholls" is weak evidence for "Lord Nicholls" elsewhere, "Qrio Robot" for "I, Robot")
    and that is the only one with this surname, or dominates the others CORPUS_DOMINANCE to
    1 in articles (Tony Blair, 154 articles, against Cherie and Lionel Blair).
    """
    articles = index.cluster_articles
    ranked = sorted(
        {clusters.find(k) for k in index.in_corpus.get(key, ())},
        key=lambda r: (-len(articles[r]), r),
    )
    ranked = [r for r in ranked if not clusters.apart(r, key)]
    if not ranked:
        return None
    top = ranked[0]
    others = sum(len(articles[r]) for r in ranked[1:])
    if len(articles[top]) >= 2 and len(articles[top]) >= CORPUS_DOMINANCE * others:
        return ("surname_in_corpus" if others == 0 else "surname_in_corpus_dominant", top)
    return None


def surname_decisions(rules: SurnameRules, clusters: KeyClusters) -> list[Decision]:
    """(c) The surname merges for the log, once per (article, surname)."""
    return [
        Decision(rule, key, clusters.find(root), article_id)
        for (article_id, key), (rule, root) in sorted(rules.items())
    ]
