"""How the claims linked as one quantity become groups, and what a disagreement needs.

A linked component is a chain of pairwise links, and a chain proves less than its links: each
link says that two claims state one quantity, not that the ends of the chain do. Two cases
split a component into value clusters (claims whose intervals share a common point):
- one article's own claims in it cannot all hold ("52 out of 80 drones"): it holds several
  quantities (`split_if_inconsistent`);
- its consensus is empty but no two of its claims that disagree could be one quantity on
  their own terms: one subject, anchored to one thing (`anchored`: one named owner, or
  per-side counts of one exchange, of which one stated per side is enough here), nothing
  setting them apart (`split_unwitnessed`).
  "Sentences of between six and 75 years" (the range of several men's sentences) is
  compatible with a 20-year sentence and with a 75-year one, but nothing ties the 20 and the
  75 to one thing, so their disjoint values are two quantities, not a disagreement. The
  chain supplies the shared context: "more than 6,000 bodies each" links both "6,000 ... from
  each side" and "9,000 ... from each side", and the two per-side counts of one exchange do
  disagree (tests/test_flow.py, the contradicting outlet).
"""

from __future__ import annotations

import itertools
import math

from transforms.reconcile.quantities import intersect, measured_apart, owners_differ, times_differ


def apart(a: dict, b: dict) -> bool:
    """Two claims that cannot be one quantity: two named owners, two dates, or two bodies'
    measurements (ODPM's and Halifax's house price indices: quantities.measured_apart)."""
    return (
        owners_differ(a["_owner"], b["_owner"])
        or times_differ(a["_time"], b["_time"])
        or measured_apart(a["kind"], a["_source"], b["_source"])
    )


def anchored(a: dict, b: dict) -> bool:
    """Both claims are tied to one thing: one named owner, or per-side counts of an exchange."""
    # "62 Labour rebels" / "32 Labour rebels": a name between a count and its noun says which
    # kind of thing is counted (on two votes here), not one thing with one value.
    owner_a = None if a["_kind_of"] else a["_owner"]
    owner_b = None if b["_kind_of"] else b["_owner"]
    owner_a = owner_a or (a["_key"] if a["kind"] == "age" else None)
    owner_b = owner_b or (b["_key"] if b["kind"] == "age" else None)
    if owner_a is not None and owner_a == owner_b:
        return True
    # "6,000 ... from each side" / "9,000 ... from each side": the exchange's own per-side count
    return a["scope"] == b["scope"] == "per_side"


def may_disagree(a: dict, b: dict) -> bool:
    """Whether two claims whose values differ may be a disagreement about one thing: anchored
    (above), and no currency conversion (exchange rates differ, not the reports)."""
    if not anchored(a, b) or a["_conversion"] or b["_conversion"]:
        return False
    # A person's age moves by one between reports a birthday apart ("26-year-old" at the
    # trial date, "27-year-old" at the verdict): two ages at two times, no disagreement.
    return not (a["kind"] == b["kind"] == "age" and abs(a["_figure"] - b["_figure"]) <= 1)


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


def _witness(a: dict, b: dict) -> bool:
    """Two claims of two articles whose values disagree as one quantity (module docstring)."""
    if a["article_id"] == b["article_id"] or a["_key"] != b["_key"] or not disagree(a, b):
        return False
    if apart(a, b):
        return False
    # One exchange's per-side count against a count compared per side whose own scope went
    # unread ("the bodies of 9,000 killed soldiers from each side" parsed as unknown): the
    # chain already ties the two to that exchange, so they are one quantity.
    return "per_side" in (a["scope"], b["scope"]) or may_disagree(a, b)


def split_unwitnessed(claims: list[dict]) -> list[list[dict]]:
    """One group, unless its articles disagree only along a chain: no two of its claims
    witness the disagreement (see the module docstring)."""
    low, high = intersect(_per_article(claims))
    if low <= high or any(_witness(a, b) for a, b in itertools.combinations(claims, 2)):
        return [claims]
    return value_clusters(claims)
