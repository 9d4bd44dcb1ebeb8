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

from transforms.entities.context_surnames import COMMON_SHARE, CONTEXT_MIN
from transforms.entities.labels import vote
from transforms.entities.lexicon import PLACE_LABELS
from transforms.entities.merges import Decision, KeyClusters
from transforms.entities.pins import Pins

# A surname alone, with no full name in its article, goes to the corpus's full name with
# that surname if it is the only one or has this many times the others' article count.
CORPUS_DOMINANCE = 10

# (article_id, key) -> (rule, root key of the full name's cluster)
SurnameRules = dict[tuple[str, str], tuple[str, str]]


# A surname alone with no full name in its article also goes to the full name it is
# resolved to in its own articles, whatever spaCy's label, when that record is at least
# IN_ARTICLE_MIN articles and IN_ARTICLE_SHARE of the articles where it stands alone, and
# dominates the other full names it was resolved to CORPUS_DOMINANCE to 1. Measured with
# the decisions of both corpora (the surname_in_corpus_resolved rows of
# `python benchmarks/bench_entity_gold.py evidence`): ECB+ Klitschko 18 articles of record
# for 2 alone, Lohan 13/3, Palin 14/2; BBC Howard 48 (Michael) to 2 (Tim) for 5 alone,
# Souness 7/2. At a minimum of 2 the BBC also sent "Nielsen" (the ratings firm, 4 alone)
# to Brigitte Nielsen and "QC" to "Philippe Sands QC"; at 3 they stay apart.
IN_ARTICLE_MIN = 3
IN_ARTICLE_SHARE = 0.5
# A single word the corpus votes a place (lexicon.PLACE_LABELS) joins no full name unless
# its article tags it PERSON: "Ireland" stays out of "James Ireland", "Washington" out of
# "Denzel Washington", "Aceh" out of "Banda Aceh" (ECB+, tagged PERSON). ORG and NORP do
# not keep a word out: spaCy calls surnames ORG ("Teixeira", "Thompson") and NORP
# ("Klitschko") far more often than an organization is named like a person.


@dataclass
class _SurnameIndex:
    """Where the full names and PERSON tags of the corpus stand."""

    in_article: dict[tuple[str, str], set[str]]  # (article, surname) -> full-name keys
    in_corpus: dict[str, set[str]]  # surname -> full-name keys
    person_in_article: set[tuple[str, str]]  # (article, key) tagged PERSON there
    cluster_articles: dict[str, set[str]]  # root -> articles naming it in full
    first_names: set[str]  # see first_name_words

    @classmethod
    def build(
        cls,
        rows: list[tuple[str, str, str]],
        full_names: list[str],
        clusters: KeyClusters,
        first_names: set[str],
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
            first_names=first_names,
        )


# A name of 2+ words spaCy votes ORG or another non-person label is a person's full name
# when, in the articles printing it, its last word printed alone is tagged PERSON in most of
# its mentions, at least SURNAME_EVIDENCE_MIN times, and spaCy called the name itself PERSON
# at least once (a name it never doubts stays what it said).
SURNAME_EVIDENCE_MIN = 3


def persons_by_surname(
    rows: list[tuple[str, str, str]], votes: dict[str, Counter[str]], excluded: set[str]
) -> set[str]:
    """Keys of 2+ words that `merges.person_full_names` leaves out (their vote is not
    PERSON) but whose surname speaks for a person: "Bettie Page" (ECB+: ORG 27, PERSON 7)
    in articles where "Page" alone is PERSON 38 times of 60. `rows` are (article_id, key,
    label) per mention; `excluded` (place-led names) never qualify."""
    candidates = {
        k
        for k, v in votes.items()
        if " " in k
        and k not in excluded
        and v["PERSON"]
        and vote(v) != "PERSON"
        and all(w[:1].isalpha() for w in k.split())
    }
    if not candidates:
        return set()
    by_surname: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, last) -> keys
    for article_id, key, _ in rows:
        if key in candidates:
            by_surname[(article_id, key.rsplit(" ", 1)[1])].add(key)
    last_words = {last for _, last in by_surname}
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, key, label in rows:
        if key in last_words:
            for full in by_surname.get((article_id, key), ()):
                tags[full][label == "PERSON"] += 1
    return {
        k
        for k, c in tags.items()
        if c[True] >= SURNAME_EVIDENCE_MIN and c[True] * 2 > c[True] + c[False]
    }


def first_name_words(rows: list[tuple[str, str, str]], full_names: list[str]) -> set[str]:
    """Words that start full person names in at least as many articles as they end them:
    "Arnold" (Schwarzenegger) is a first name, "Obama" (also in the headline "Obama
    Overturns", one article, against 24 naming Barack Obama) is not. `rows` are (article_id,
    key, label) per mention."""
    full_set = set(full_names)
    first: set[tuple[str, str]] = set()
    last: set[tuple[str, str]] = set()
    for article_id, key, _ in rows:
        if key in full_set:
            words = key.split()
            first.add((article_id, words[0]))
            last.add((article_id, words[-1]))
    starts = Counter(w for _, w in first)
    ends = Counter(w for _, w in last)
    return {w for w, n in starts.items() if n >= ends[w]}


def resolve_surnames(
    rows: list[tuple[str, str, str]],
    votes: dict[str, Counter[str]],
    full_names: list[str],
    clusters: KeyClusters,
    pins: Pins,
    first_names: set[str] | None = None,
) -> SurnameRules:
    """The full name each (article, single-word key) stands for, with the rule that said so.

    `rows` are (article_id, key, label) per mention. In its article a surname goes to the one
    full name with it, unless the corpus calls the word a place and the article does not tag
    it PERSON (a GPE "Ireland" never joins "James Ireland"). With no full name in its
    article, see `_corpus_full_name`. Pinned aliases are left to their pin. `first_names`:
    `first_name_words(rows, full_names)` when the caller has it already.
    """
    if first_names is None:
        first_names = first_name_words(rows, full_names)
    index = _SurnameIndex.build(rows, full_names, clusters, first_names)
    rules: SurnameRules = {}
    alone: dict[str, set[str]] = defaultdict(set)  # key -> articles with no full name
    shared: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)  # 2+ full names
    pairs = sorted({(a, k) for a, k, _ in rows if " " not in k})  # places: one vote a word
    places = {k for k in {k for _, k in pairs} if k in votes and vote(votes[k]) in PLACE_LABELS}
    for article_id, key in pairs:
        if key in pins.merge or key not in votes:
            continue
        if key in places and (article_id, key) not in index.person_in_article:
            continue
        local = {clusters.find(k) for k in index.in_article.get((article_id, key), ())}
        local = {r for r in local if not clusters.apart(r, key)}
        if len(local) == 1:
            rules[(article_id, key)] = ("surname_in_article", next(iter(local)))
        elif len(local) > 1:
            shared[key].append((article_id, local))
        elif key not in index.first_names:
            alone[key].add(article_id)
    resolved_to: dict[str, Counter[str]] = defaultdict(Counter)
    for (_, key), (_, root) in rules.items():
        resolved_to[key][root] += 1
    # An article naming two people with the surname ("Mark Felt" and his daughter "Joan
    # Felt") gives a bare "Felt" to the one the corpus resolves it to elsewhere, by the
    # same record as below; a gendered "Ms Felt" is sorted out by entities.genders.
    for key, places in sorted(shared.items()):
        top = _resolved_in_articles(resolved_to[key], 0)
        for article_id, local in places:
            if top in local:
                rules[(article_id, key)] = ("surname_in_article_dominant", top)
    for key, articles in sorted(alone.items()):
        mostly_person = votes[key]["PERSON"] * 2 >= sum(votes[key].values())
        found = _corpus_full_name(key, index, clusters) if mostly_person else None
        if found is not None:
            for article_id in sorted(articles):
                if (article_id, key) in index.person_in_article:
                    rules[(article_id, key)] = found
        evidence = _resolved_in_articles(resolved_to[key], len(articles))
        if evidence is not None:
            for article_id in sorted(articles):
                rules.setdefault((article_id, key), ("surname_in_corpus_resolved", evidence))
    return rules


def _resolved_in_articles(resolved: Counter[str], alone: int) -> str | None:
    """The root a surname was resolved to in its own articles, when that record makes it
    this person's surname corpus-wide (IN_ARTICLE_MIN, IN_ARTICLE_SHARE), dominating the
    other full names it was resolved to CORPUS_DOMINANCE to 1."""
    if not resolved:
        return None
    (top, n), *rest = sorted(resolved.items(), key=lambda kv: (-kv[1], kv[0]))
    others = sum(c for _, c in rest)
    if n >= IN_ARTICLE_MIN and n >= IN_ARTICLE_SHARE * alone and n >= CORPUS_DOMINANCE * others:
        return top
    return None


def _corpus_full_name(
    key: str, index: _SurnameIndex, clusters: KeyClusters
) -> tuple[str, str] | None:
    """(rule, root) of the corpus's full name for a surname with none in its article.

    The caller checks that the word is person-like (tagged PERSON there and mostly PERSON
    overall, or resolved in-article often enough) and not a first name ("Arnold" alone may
    be Arnold Schwarzenegger). Here: only a full name that recurs in 2+ articles (a
    one-article "Richard Nicholls" is weak evidence for "Lord Nicholls" elsewhere, "Qrio
    Robot" for "I, Robot") and that is the only one with this surname, or dominates the
    others CORPUS_DOMINANCE to 1 in articles (Tony Blair, 154 articles, against Cherie and
    Lionel Blair).
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


def one_story_surnames(
    rows: list[tuple[str, str, str]], votes: dict[str, Counter[str]], full_names: list[str]
) -> set[str]:
    """Surnames that are more likely an organization's name than a person's for the label
    vote: the word's full person names all stand in one article, the word alone stands in
    IN_ARTICLE_MIN other articles, and spaCy calls it ORG in some of them. A football club
    named after its town ("Blackburn", 15 articles, ORG 5 of 22) is not the DJ "Tony
    Blackburn" of one celebrity story; a person spaCy mistags ORG is either named in full in
    more than one article or is resolved in-article (and then votes PERSON anyway).
    `rows` are (article_id, key, label) per mention."""
    surname_of = {k: k.rsplit(" ", 1)[1] for k in full_names}
    full_articles: dict[str, set[str]] = defaultdict(set)
    for article_id, key, _ in rows:
        if key in surname_of:
            full_articles[surname_of[key]].add(article_id)
    # Cheap tests first: the stage runs this over every mention.
    candidates = {
        word: articles
        for word, articles in full_articles.items()
        if len(articles) == 1 and word in votes and votes[word]["ORG"]
    }
    alone: dict[str, set[str]] = defaultdict(set)
    for article_id, key, _ in rows:
        if key in candidates:
            alone[key].add(article_id)
    found = {w: alone[w] - a for w, a in candidates.items() if len(alone[w] - a) >= IN_ARTICLE_MIN}
    if not found:
        return set()
    same = _same_story(rows, found, candidates)
    return {w for w in found if not same[w]}


def _same_story(
    rows: list[tuple[str, str, str]], lone: dict[str, set[str]], story: dict[str, set[str]]
) -> dict[str, bool]:
    """Per word, whether half its articles `lone[word]` (where it stands alone) share
    CONTEXT_MIN keys, none in over COMMON_SHARE of the corpus's articles, with the articles
    `story[word]` of its full name (as `entities.context_surnames` judges articles): then
    the word alone is the person of that story, named by surname in its follow-ups (a rugby
    player "Foley" in the reports around the one naming "Anthony Foley"), not a club."""
    wanted = set().union(*lone.values(), *(story[w] for w in lone))
    keys: dict[str, set[str]] = defaultdict(set)
    all_articles: set[str] = set()
    for article_id, key, _ in rows:
        all_articles.add(article_id)
        if article_id in wanted:
            keys[article_id].add(key)
    cast = {
        w: {k for a in story[w] for k in keys[a] if k != w and not k.endswith(" " + w)}
        for w in lone
    }
    spread: dict[str, set[str]] = defaultdict(set)
    every = set().union(*cast.values())
    for article_id, key, _ in rows:
        if key in every:
            spread[key].add(article_id)
    out: dict[str, bool] = {}
    for w, articles in lone.items():
        # In a small corpus a key in just the compared articles is not common.
        cap = max(len(articles | story[w]), COMMON_SHARE * len(all_articles))
        uncommon = {k for k in cast[w] if len(spread[k]) <= cap}
        shared = [len(keys[a] & uncommon) >= CONTEXT_MIN for a in articles]
        out[w] = sum(shared) * 2 >= len(shared)
    return out
