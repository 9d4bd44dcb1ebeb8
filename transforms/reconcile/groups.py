"""Claim groups: the same quantity as several articles of one event report it.

Rules (also in the README):
- Only quantities are compared: count, percent, fraction, money, duration, distance, age.
  Dates and ordinals get no group. Percent and fraction compare as one family, "share".
- A bucket is (event, subject key, family, unit, scope class). The subject key merges
  synonyms ("troops" ~ "soldiers", "warplanes" ~ "planes"), and "the bodies of N soldiers"
  counts bodies. The scope class separates totals from per-side figures: a per-side claim,
  a total that also gives its per-side value ("12,000 ..., or 6,000 for each side") and a
  claim of unknown scope are compared per side; a bare total is compared as a total.
- Each claim allows a closed interval [value_low, value_high] (the claims stage sets it from
  the bound); exact ends are widened by a relative `tolerance` (rounding, unit conversion).
- Context: within a bucket, two claims of different articles are about the same quantity when
  their sentences share content words beyond the subject: any shared word if their values are
  compatible, a strong overlap (Jaccard >= STRONG_CONTEXT) if they are not; the second is how
  a conflict is found. "More than a dozen people attended" and "more than 1.2 million people
  killed or injured" share nothing and stay apart.
- One article's claims in a group are one claim said several times: their intervals
  intersect. When an article's own claims in a group cannot intersect, the group holds several
  quantities ("52 out of 80 drones"), and it is split into value clusters.
- A group's consensus is the intersection across its articles; empty means conflict. One
  outlet alone is single_source. n_independent counts outlets, joining outlets whose claims
  sit in copies of one wire sentence.
"""

from __future__ import annotations

import math
import re

import polars as pl

from transforms.text.clusters import DisjointSet
from transforms.text.folding import fold
from transforms.text.ids import stable_id

COMPARABLE_KINDS = ("count", "percent", "fraction", "money", "duration", "distance", "age")
FAMILY = {"percent": "share", "fraction": "share"}
SUBJECT_SYNONYMS = {
    "troop": "soldier",
    "serviceman": "soldier",
    "fighter": "soldier",
    "warplane": "plane",
    "aircraft": "plane",
    "airplane": "plane",
    "jet": "plane",
    "pow": "prisoner",
    "prisoner of war": "prisoner",
    "captive": "prisoner",
    "prisoners": "prisoner",
    "children": "child",
    "kid": "child",
    "people": "person",
    "civilian": "person",
    "corpse": "body",
    "remains": "body",
    "front line": "front line",
    "frontline": "front line",
    "line": "front line",
}
# "the bodies of 6,000 killed soldiers", "the bodies of 12,000 dead soldiers, or 6,000 for each
# side": the thing exchanged is bodies, whatever noun follows, up to the end of the clause.
_BODIES_OF = re.compile(r"\bbod(?:y|ies) of\b[^.;:!?]*$", re.I)
_BODY_NOUNS = {
    None,
    "soldier",
    "troop",
    "person",
    "people",
    "civilian",
    "serviceman",
    "pow",
    "prisoner",
    "prisoner of war",
    "fighter",
    "side",
}
_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    "that this these those their them they have were been from with which what when where while"
    " after before since than then into over under more most less least also said says told"
    " according each both other another some such only about just very would could should will"
    " there here being does done".split()
)
STRONG_CONTEXT = 0.2
PER_SIDE_CLASS, TOTAL_CLASS = "per_side", "total"

GROUP_SCHEMA = {
    "group_id": pl.String,
    "event_id": pl.String,
    "subject": pl.String,
    "kind": pl.String,
    "unit": pl.String,
    "scope": pl.String,
    "n_claims": pl.Int64,
    "n_articles": pl.Int64,
    "n_outlets": pl.Int64,
    "n_independent": pl.Int64,
    "consensus_low": pl.Float64,
    "consensus_high": pl.Float64,
    "status": pl.String,
}


def subject_key(subject: str | None, text_before: str) -> str | None:
    """Canonical subject of a claim given its sentence's text before the quote."""
    normalized = None if subject is None else subject.lower().strip()
    if normalized in _BODY_NOUNS and _BODIES_OF.search(text_before[-80:]):
        return "body"
    if normalized is None:
        return None
    return SUBJECT_SYNONYMS.get(normalized, normalized)


def context_words(sentence: str, subject: str | None) -> frozenset[str]:
    """Content words of a claim's sentence (folded, singular-ish), without its subject."""
    words = {w.removesuffix("s") for w in _WORD.findall(fold(sentence)) if w not in _STOP}
    return frozenset(words - {(subject or "").removesuffix("s"), "bodie", "body"})


def _same_quantity(a: dict, b: dict) -> bool:
    union = a["_context"] | b["_context"]
    if not union:
        return False
    overlap = len(a["_context"] & b["_context"]) / len(union)
    compatible = max(a["_low"], b["_low"]) <= min(a["_high"], b["_high"])
    return overlap >= STRONG_CONTEXT or (compatible and overlap > 0)


def comparison_interval(
    value_low: float | None,
    value_high: float | None,
    value: float | None,
    per_side_value: float | None,
    scope: str | None,
    tolerance: float,
) -> tuple[float, float, str]:
    """(low, high, scope class) the claim is compared on; None bounds become infinities."""
    low = -math.inf if value_low is None else value_low
    high = math.inf if value_high is None else value_high
    scope_class = PER_SIDE_CLASS
    if scope == "total" and per_side_value is not None and value:
        factor = per_side_value / value
        low, high = low * factor, high * factor
    elif scope == "total":
        scope_class = TOTAL_CLASS
    if math.isfinite(low):
        low -= abs(low) * tolerance
    if math.isfinite(high):
        high += abs(high) * tolerance
    return low, high, scope_class


def _intersect(intervals: list[tuple[float, float]]) -> tuple[float, float]:
    return max(lo for lo, _ in intervals), min(hi for _, hi in intervals)


def _value_clusters(claims: list[dict]) -> list[list[dict]]:
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


def _link_by_context(members: list[dict]) -> list[list[dict]]:
    """Connected components of claims about the same quantity (see the module rules)."""
    if not members:
        return []
    index = {c["claim_id"]: c for c in members}
    links = DisjointSet(index)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a["article_id"] != b["article_id"] and _same_quantity(a, b):
                links.union(a["claim_id"], b["claim_id"])
    return [[index[m] for m in component] for component in links.components()]


def _split_if_inconsistent(claims: list[dict]) -> list[list[dict]]:
    """One group, unless an article's own claims in it cannot all hold at once."""
    by_article: dict[str, list[tuple[float, float]]] = {}
    for claim in claims:
        by_article.setdefault(claim["article_id"], []).append((claim["_low"], claim["_high"]))
    if all(lo <= hi for lo, hi in map(_intersect, by_article.values())):
        return [claims]
    return _value_clusters(claims)


def group_claims(
    claims: pl.DataFrame,
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    *,
    tolerance: float = 0.01,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (claim_groups, per-claim columns: claim_id, group_id, subject_key, compare_low,
    compare_high).

    `claims` carries the numeric_claims columns plus sentence_id; `articles` article_id,
    event_id, source (outlet key); `sentences` sentence_id, start_char, text, wire_group.
    """
    event_of = dict(zip(articles["article_id"], articles["event_id"], strict=True))
    source_of = dict(zip(articles["article_id"], articles["source"], strict=True))
    wire_of = dict(zip(sentences["sentence_id"], sentences["wire_group"], strict=True))
    sentence_of = {
        row[0]: (row[1], row[2])
        for row in sentences.select("sentence_id", "start_char", "text").iter_rows()
    }

    buckets: dict[tuple, list[dict]] = {}
    per_claim: list[dict] = []
    for claim in claims.iter_rows(named=True):
        start, text = sentence_of.get(claim["sentence_id"], (claim["start_char"], ""))
        key = subject_key(claim["subject"], text[: max(0, claim["start_char"] - start)])
        row = {
            "claim_id": claim["claim_id"],
            "group_id": None,
            "subject_key": key,
            "compare_low": None,
            "compare_high": None,
        }
        per_claim.append(row)
        if claim["kind"] not in COMPARABLE_KINDS or claim["value"] is None:
            continue
        args = (
            claim["value_low"],
            claim["value_high"],
            claim["value"],
            claim["per_side_value"],
            claim["scope"],
        )
        raw_low, raw_high, _ = comparison_interval(*args, 0.0)
        low, high, scope_class = comparison_interval(
            *args, 0.0 if claim["bound"] == "approx" else tolerance
        )
        row["compare_low"] = low if math.isfinite(low) else None
        row["compare_high"] = high if math.isfinite(high) else None
        family = FAMILY.get(claim["kind"], claim["kind"])
        bucket = (event_of.get(claim["article_id"]), key, family, claim["unit"], scope_class)
        buckets.setdefault(bucket, []).append(
            {
                **claim,
                "_low": low,
                "_high": high,
                "_raw_low": raw_low,
                "_raw_high": raw_high,
                "_row": row,
                "_context": context_words(text, claim["subject"]),
            }
        )

    groups = []
    for (event_id, key, family, unit, scope_class), members in sorted(
        buckets.items(), key=lambda kv: min(c["claim_id"] for c in kv[1])
    ):
        for linked in _link_by_context(members if key is not None else []) or [
            [c] for c in members
        ]:
            for cluster in _split_if_inconsistent(linked):
                groups.append(
                    _summarize(
                        cluster, event_id, key, family, unit, scope_class, source_of, wire_of
                    )
                )
    frame = (
        pl.DataFrame(groups, schema=GROUP_SCHEMA) if groups else pl.DataFrame(schema=GROUP_SCHEMA)
    )
    return frame, pl.DataFrame(
        per_claim,
        schema={
            "claim_id": pl.String,
            "group_id": pl.String,
            "subject_key": pl.String,
            "compare_low": pl.Float64,
            "compare_high": pl.Float64,
        },
    )


def _summarize(
    cluster: list[dict],
    event_id: str | None,
    key: str | None,
    family: str,
    unit: str | None,
    scope_class: str,
    source_of: dict,
    wire_of: dict,
) -> dict:
    group_id = stable_id("grp", min(c["claim_id"] for c in cluster))
    for claim in cluster:
        claim["_row"]["group_id"] = group_id
    per_article: dict[str, list[tuple[float, float]]] = {}
    raw_per_article: dict[str, list[tuple[float, float]]] = {}
    for claim in cluster:
        per_article.setdefault(claim["article_id"], []).append((claim["_low"], claim["_high"]))
        raw_per_article.setdefault(claim["article_id"], []).append(
            (claim["_raw_low"], claim["_raw_high"])
        )
    article_intervals = [_intersect(iv) for iv in per_article.values()]
    low, high = _intersect(article_intervals)
    sources = {source_of[a] for a in per_article}
    independent = DisjointSet(sources)
    by_wire: dict[str, str] = {}
    for claim in cluster:
        wire = wire_of.get(claim["sentence_id"])
        if wire is None:
            continue
        source = source_of[claim["article_id"]]
        if wire in by_wire:
            independent.union(by_wire[wire], source)
        by_wire.setdefault(wire, source)
    status = "single_source" if len(sources) < 2 else "consistent" if low <= high else "conflict"
    if low <= high:
        # Report the consensus on the stated intervals when they meet without the tolerance.
        raw_low, raw_high = _intersect([_intersect(iv) for iv in raw_per_article.values()])
        if raw_low <= raw_high:
            low, high = raw_low, raw_high
    scopes = {c["scope"] for c in cluster}
    if scope_class == TOTAL_CLASS:
        scope = "total"
    else:
        scope = "per_side" if scopes & {"per_side", "total"} else "unknown"
    kinds = sorted({c["kind"] for c in cluster})
    return {
        "group_id": group_id,
        "event_id": event_id,
        "subject": key,
        "kind": kinds[0] if len(kinds) == 1 else family,
        "unit": unit,
        "scope": scope,
        "n_claims": len(cluster),
        "n_articles": len(per_article),
        "n_outlets": len(sources),
        "n_independent": len(independent.components()),
        "consensus_low": low if (low <= high and math.isfinite(low)) else None,
        "consensus_high": high if (low <= high and math.isfinite(high)) else None,
        "status": status,
    }
