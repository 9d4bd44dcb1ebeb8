"""One claim group's row: consensus interval, status, outlets and independent sources."""

from __future__ import annotations

import math

from transforms.reconcile.quantities import TOTAL_CLASS, intersect
from transforms.text.clusters import DisjointSet
from transforms.text.ids import stable_id


def _independent_sources(
    cluster: list[dict], outlets: set[str], outlet_of: dict, wire_of: dict
) -> int:
    """Outlets, counting as one those whose claims sit in copies of one wire sentence."""
    independent = DisjointSet(outlets)
    by_wire: dict[str, str] = {}
    for claim in cluster:
        wire = wire_of.get(claim["sentence_id"])
        if wire is None:
            continue
        outlet = outlet_of[claim["article_id"]]
        if wire in by_wire:
            independent.union(by_wire[wire], outlet)
        by_wire.setdefault(wire, outlet)
    return len(independent.components())


def _consensus(cluster: list[dict]) -> tuple[float, float, list[str]]:
    """(low, high, articles): the intersection across articles of each article's intersection.

    When the intervals meet, the consensus is reported on the stated intervals if they meet
    without the tolerance too, so a BI user sees the outlets' own numbers.
    """
    per_article: dict[str, list[tuple[float, float]]] = {}
    raw_per_article: dict[str, list[tuple[float, float]]] = {}
    for claim in cluster:
        per_article.setdefault(claim["article_id"], []).append((claim["_low"], claim["_high"]))
        raw_per_article.setdefault(claim["article_id"], []).append(
            (claim["_raw_low"], claim["_raw_high"])
        )
    low, high = intersect([intersect(iv) for iv in per_article.values()])
    if low <= high:
        raw_low, raw_high = intersect([intersect(iv) for iv in raw_per_article.values()])
        if raw_low <= raw_high:
            low, high = raw_low, raw_high
    return low, high, list(per_article)


def _group_scope(cluster: list[dict], scope_class: str) -> str:
    if scope_class == TOTAL_CLASS:
        return "total"
    scopes = {c["scope"] for c in cluster}
    return "per_side" if scopes & {"per_side", "total"} else "unknown"


def summarize_group(cluster: list[dict], bucket: tuple, outlet_of: dict, wire_of: dict) -> dict:
    """The claim_groups row of `cluster`; sets each member's
    group_id. `bucket` is (event_id, subject key, family, unit, scope class)."""
    event_id, key, family, unit, scope_class = bucket
    group_id = stable_id("grp", min(c["claim_id"] for c in cluster))
    for claim in cluster:
        claim["_row"]["group_id"] = group_id
    low, high, articles = _consensus(cluster)
    outlets = {outlet_of[a] for a in articles}
    status = "single_source" if len(outlets) < 2 else "consistent" if low <= high else "conflict"
    kinds = sorted({c["kind"] for c in cluster})
    agreed = low <= high
    return {
        "group_id": group_id,
        "event_id": event_id,
        "subject": key,
        "kind": kinds[0] if len(kinds) == 1 else family,
        "unit": unit,
        "scope": _group_scope(cluster, scope_class),
        "n_claims": len(cluster),
        "n_articles": len(articles),
        "n_outlets": len(outlets),
        "n_independent": _independent_sources(cluster, outlets, outlet_of, wire_of),
        "consensus_low": low if (agreed and math.isfinite(low)) else None,
        "consensus_high": high if (agreed and math.isfinite(high)) else None,
        "status": status,
    }
