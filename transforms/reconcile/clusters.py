"""How the claims linked as one quantity become groups: split where they cannot all hold.

A linked component is a chain of pairwise links, and a chain proves less than its links: each
link says that two claims state one quantity, not that the ends of the chain do. Two cases
split a component into value clusters (claims whose intervals share a common point):
- one article's own claims in it cannot all hold ("52 out of 80 drones"): it holds several
  quantities (`split_if_inconsistent`);
- its consensus is empty but no two of its claims that were linked directly disagree
  (`split_unwitnessed`). "Sentences of between six and 75 years" (the range of several men's
  sentences) is compatible with a 20-year sentence and with a 75-year one; the 20 and the 75
  never met, so their disjoint values are two quantities, not a disagreement. A conflict is
  only ever between two claims judged to be one quantity (groups._same_quantity's anchored
  rule), so a group is in conflict only when such a pair is in it.
"""

from __future__ import annotations

import math

from transforms.reconcile.quantities import intersect


def disagree(a: dict, b: dict) -> bool:
    """The two claims' compared intervals are disjoint."""
    return max(a["_low"], b["_low"]) > min(a["_high"], b["_high"])


def value_clusters(claims: list[dict]) -> list[list[dict]]:
    """Split claims into clusters whose intervals share a common point (sorted sweep)."""
    clusters: list[list[dict]] = []
    current: list[dict] = []
    lo, hi = -math.inf, math.inf
    for claim in sorted(claims, key=lambda c: (c["_high"], c["_low"], c["claim_id"])):
        new_lo, new_hi = max(lo, claim["_low"]), min(hi, claim["_high"])
        if current and new_lo > new_hi:
            clusters.append(current)
            current, (lo, hi) = [claim], (claim["_low"], claim["_high"])
        else:
            current.append(claim)
            lo, hi = new_lo, new_hi
    if current:
        clusters.append(current)
    return clusters


def _per_article(claims: list[dict]) -> list[tuple[float, float]]:
    by_article: dict[str, list[tuple[float, float]]] = {}
    for claim in claims:
        by_article.setdefault(claim["article_id"], []).append((claim["_low"], claim["_high"]))
    return [intersect(intervals) for intervals in by_article.values()]


def split_if_inconsistent(claims: list[dict]) -> list[list[dict]]:
    """One group, unless an article's own claims in it cannot all hold at once."""
    if all(lo <= hi for lo, hi in _per_article(claims)):
        return [claims]
    return value_clusters(claims)


def split_unwitnessed(claims: list[dict], conflict_links: set[frozenset[str]]) -> list[list[dict]]:
    """One group, unless its articles disagree only along a chain: no directly linked pair of
    its claims disagrees (see the module docstring)."""
    low, high = intersect(_per_article(claims))
    if low <= high:
        return [claims]
    ids = {c["claim_id"] for c in claims}
    if any(link <= ids for link in conflict_links):
        return [claims]
    return value_clusters(claims)
