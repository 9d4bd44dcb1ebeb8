"""An honorific's gender keeps two people apart: "Mrs. Clinton" is not "Mr. Clinton".

Mention offsets leave the honorific out, so both are the key "clinton"; without this rule
they would be one entity whenever no single full name in the article or the corpus
resolves them. The corpus says which gender a full name has: from honorifics printed
before the full name ("Mrs Hillary Clinton") or before its surname in an article that
names only that person with it, each article counted once, and, for a full name with no
such evidence, from its first name's evidence over other full names ("Hillary").

A gendered surname mention then keeps the full name it was resolved to only when that
person's gender is the same or unknown; an article using the surname with both honorifics
and naming one person of unknown gender resolves neither. Between two full names in its
article it goes to the one of its gender. Otherwise it stays an entity of its own per
gender: cluster key + "#f" / "#m".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from transforms.entities.merges import Decision, KeyClusters

# A full name's gender is known when one gender has at least this share of its evidence
# (articles): 3 to 1. One stray "Mr" before a woman's surname (a cut or a typo) must not
# flip her; a 50/50 split stays unknown.
GENDER_SHARE = 0.75


@dataclass
class GenderedMention:
    """What the rule reads of one mention."""

    article_id: str
    key: str
    gender: str  # "m", "f" or ""
    cluster: str  # after the surname rule
    resolved: bool  # True if the surname rule sent it to a full name


def _known(votes: Counter[str]) -> str:
    total = sum(votes.values())
    for g in ("f", "m"):
        if total and votes[g] >= GENDER_SHARE * total:
            return g
    return ""


def full_name_genders(
    mentions: list[GenderedMention], clusters: KeyClusters, full_names: list[str]
) -> dict[str, str]:
    """Root of each full-name cluster -> "m", "f" (only the known ones)."""
    evidence: dict[str, set[tuple[str, str]]] = defaultdict(set)  # root -> (article, g)
    genders_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        if m.gender and " " not in m.key:
            genders_of[(m.article_id, m.key)].add(m.gender)
    for m in mentions:
        if not m.gender:
            continue
        if " " in m.key or (m.resolved and len(genders_of[(m.article_id, m.key)]) == 1):
            evidence[m.cluster].add((m.article_id, m.gender))
    own = {root: Counter(g for _, g in ev) for root, ev in evidence.items()}
    by_first: dict[str, Counter[str]] = defaultdict(Counter)
    for key in full_names:
        first = key.split()[0]
        if len(first) > 1:
            by_first[first] += own.get(clusters.find(key), Counter())
    out: dict[str, str] = {}
    for key in full_names:
        root = clusters.find(key)
        gender = _known(own.get(root, Counter())) or _known(by_first[key.split()[0]])
        if gender and out.setdefault(root, gender) != gender:
            out[root] = ""  # two first names that disagree: unknown
    return {root: g for root, g in out.items() if g}


def apply_genders(
    rows: list[tuple[str, str, str]],
    genders: list[str],
    cluster_of: list[str],
    resolved: list[bool],
    clusters: KeyClusters,
    full_names: list[str],
) -> list[Decision]:
    """Apply the gender rule to the mentions' clusters in place; return its decisions.

    `rows` are (article_id, key, label) per mention, `genders` its honorific's gender,
    `cluster_of` and `resolved` the cluster and resolved-as-person flag the surname rule
    gave it (changed here). Only articles with a gendered mention are read: every piece of
    evidence and every mention the rule can move is in one of them.
    """
    gendered = [i for i, g in enumerate(genders) if g]
    if not gendered:
        return []
    # The rule moves gendered single words and reads gendered mentions and, where a gendered
    # single word stands, the full names of its article; nothing else.
    articles = {rows[i][0] for i in gendered if " " not in rows[i][1]}
    full_set = set(full_names)
    picked = sorted(
        set(gendered) | {i for i, (a, k, _) in enumerate(rows) if k in full_set and a in articles}
    )
    mentions = [
        GenderedMention(rows[i][0], rows[i][1], genders[i], cluster_of[i], resolved[i])
        for i in picked
    ]
    new_clusters, new_resolved, decisions = _apply(mentions, clusters, full_names)
    for j, i in enumerate(picked):
        cluster_of[i], resolved[i] = new_clusters[j], new_resolved[j]
    return decisions


def _apply(
    mentions: list[GenderedMention], clusters: KeyClusters, full_names: list[str]
) -> tuple[list[str], list[bool], list[Decision]]:
    """(cluster, resolved-as-person) per mention after the gender rule, and its decisions."""
    gender_of = full_name_genders(mentions, clusters, full_names)
    candidates: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, surname)
    full_set = set(full_names)
    both: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        if m.key in full_set:
            candidates[(m.article_id, m.key.rsplit(" ", 1)[1])].add(clusters.find(m.key))
        if m.gender and " " not in m.key:
            both[(m.article_id, m.key)].add(m.gender)
    out_clusters: list[str] = []
    out_resolved: list[bool] = []
    decisions: dict[tuple[str, str, str], Decision] = {}
    for m in mentions:
        cluster, resolved = m.cluster, m.resolved
        if m.gender and " " not in m.key:
            target = _gendered_target(m, gender_of, candidates, both)
            if target is None:
                cluster, resolved = f"{clusters.find(m.key)}#{m.gender}", False
            elif target != m.cluster:
                cluster, resolved = target, True
                decisions[(m.article_id, m.key, m.gender)] = Decision(
                    "surname_gender", m.key, target, m.article_id
                )
        out_clusters.append(cluster)
        out_resolved.append(resolved)
    return out_clusters, out_resolved, [decisions[k] for k in sorted(decisions)]


def _gendered_target(
    m: GenderedMention,
    gender_of: dict[str, str],
    candidates: dict[tuple[str, str], set[str]],
    both: dict[tuple[str, str], set[str]],
) -> str | None:
    """The full-name root a gendered surname mention belongs to, else None."""
    if m.resolved:
        known = gender_of.get(m.cluster, "")
        if known == m.gender or (not known and len(both[(m.article_id, m.key)]) == 1):
            return m.cluster
    # Unresolved, or resolved to the other gender (or to one person of unknown gender while
    # the article uses both honorifics): the one full name of this gender in the article.
    local = candidates.get((m.article_id, m.key), set())
    same = sorted(r for r in local if gender_of.get(r) == m.gender)
    return same[0] if len(same) == 1 else None
