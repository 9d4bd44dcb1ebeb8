"""Claim groups: the same quantity as several articles of one event report it.

Rules (also in the README):
- Only quantities are compared: count, percent, fraction, money, duration, distance, age.
  Dates and ordinals get no group. Percent and fraction compare as one family, "share".
- A bucket is (event, family, unit, scope class, modality, change or level); money shares
  one across modality (an offered and a paid sum link only on one printed figure). Claims
  are then linked by their subject key (`_same_quantity`), which merges
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
  killed or injured" share nothing and stay apart. Compatible within the tolerance means one
  figure rounds the other; an open bound reaches a figure at most twice its printed end; a
  count below 10 needs the strong overlap; a conflict needs one anchor (clusters.anchored).
- One article's claims in a group are one claim said several times: their intervals
  intersect. When an article's own claims in a group cannot intersect, the group holds several
  quantities ("52 out of 80 drones"), and it is split into value clusters; so is a group whose
  articles disagree only along a chain of links, with no two claims in it that could disagree
  as one anchored quantity (reconcile.clusters).
- Figures that two different bodies measured (a survey's, an index's, an agency's figures:
  "according to figures from the ODPM" / "the Halifax has said") are two quantities, never
  linked (quantities.measured_apart); counts are exempt, one fact whoever counts them.
- A group's consensus is the intersection across its articles; empty means conflict. One
  outlet alone is single_source. n_independent counts outlets, joining outlets whose claims
  sit in copies of one wire sentence.
"""

from __future__ import annotations

import itertools
import math

import polars as pl

from transforms.contract.schema import columns
from transforms.contract.vocabularies import COMPARABLE_KINDS
from transforms.reconcile import claim_batches, restatements
from transforms.reconcile.clusters import (
    apart,
    may_disagree,
    split_if_inconsistent,
    split_unwitnessed,
)
from transforms.reconcile.lexicon import FAMILY
from transforms.reconcile.quantities import (
    comparison_interval,
    context_words,
    is_conversion,
    link_interval,
    owner_key,
    rounds_to,
    subject_key,
)
from transforms.reconcile.summary import summarize_group
from transforms.text.clusters import DisjointSet

STRONG_CONTEXT = 0.2
WEAK_CONTEXT = 0.1
SMALL_COUNT = 10
# The words either side of a number that make its own phrase ("withdraw from four occupied
# regions"), and how many of them two small counts must share (one is a coincidence: "three
# missed penalties" of two kickers share "missed").
PHRASE_WORDS = 5
PHRASE_SHARED = 2
# Kinds whose subject is read from the clause, not counted: two articles may name the same
# figure's subject differently ("pay $2bn" / "a $2bn settlement"; "59-year-old woman" / "Raj
# Chohan, 59"), so the same figure may link across subjects; counts of two nouns never do.
CROSS_SUBJECT_KINDS = frozenset({"money", "percent", "fraction", "duration", "age", "distance"})
# The columns grouping sets on each numeric claim.
PER_CLAIM_COLUMNS = ("claim_id", "group_id", "subject_key", "compare_low", "compare_high")


def _same_figure(a: dict, b: dict) -> bool:
    """Both print one value, as compared ("nearly one-fifth" and "about 20 percent"; "12,000,
    or 6,000 for each side" and "6,000 each" per side); the bounds are checked apart."""
    return a["_figure"] == b["_figure"]


def _telling_figure(a: dict, b: dict) -> bool:
    """One printed figure that says the two are one quantity: the same figure, unless it is a
    count below 10. Small counts of one noun coincide all the time in a story ("three missed
    penalties" of one kicker and of another, "two finals" of two players), so they need the
    shared context of a merely compatible value (STRONG_CONTEXT), or their own phrases must
    share PHRASE_SHARED words: "withdraw from its four partly occupied regions" / "withdraw
    from four occupied regions" is one quantity even when one sentence is long enough to drown
    the shared words in a sentence-wide overlap."""
    if not _same_figure(a, b):
        return False
    small = a["kind"] == "count" and a["_figure"] is not None and abs(a["_figure"]) < SMALL_COUNT
    return not small or len(a["_phrase"] & b["_phrase"]) >= PHRASE_SHARED


def _rounding(a: dict, b: dict) -> bool:
    """Two exact figures in one printed unit agree within the tolerance only when one rounds
    the other: the tolerance is for rounding and conversion ("10 km" / "six miles"), and
    "£180,126" / "£180,226" (two months' averages) are two figures, not one read twice."""
    if a["bound"] != "exact" or b["bound"] != "exact" or a["_figure"] is None:
        return True
    if b["_figure"] is None or (a.get("original_unit"), a.get("currency")) != (
        b.get("original_unit"),
        b.get("currency"),
    ):
        return True
    return rounds_to(abs(a["_figure"]), abs(b["_figure"]))


def _may_link(a: dict, b: dict, compatible: bool) -> bool:
    """Whether two claims whose other terms fit may be one quantity at all.

    A different figure links to an open bound only within a factor of 2 of its printed end
    (quantities.OPEN_BOUND_FACTOR): "more than 800,000" says nothing of 2.8 million, and
    beyond that the two are neither one quantity nor a disagreement.
    """
    if a["_modality"] != b["_modality"] and not (compatible and _same_figure(a, b)):
        return False  # an offered and a paid sum: only one printed figure, never a conflict
    if compatible and not _same_figure(a, b):
        return max(a["_link_low"], b["_link_low"]) <= min(a["_link_high"], b["_link_high"])
    return True


def _same_quantity(a: dict, b: dict) -> bool:
    """Whether two claims of one bucket, in different articles, state one quantity."""
    if apart(a, b):
        return False
    union = a["_context"] | b["_context"]
    if not union:
        return False
    overlap = len(a["_context"] & b["_context"]) / len(union)
    compatible = max(a["_low"], b["_low"]) <= min(a["_high"], b["_high"]) and _rounding(a, b)
    if not _may_link(a, b, compatible):
        return False
    if a["_key"] != b["_key"]:
        # Subjects differ: only the same figure, when a subject is a weak guess (what a sum,
        # share, duration or age measures), or a count's noun is missing and much is shared.
        if a["kind"] in CROSS_SUBJECT_KINDS and b["kind"] in CROSS_SUBJECT_KINDS:
            need = WEAK_CONTEXT
        elif a["_key"] is None or b["_key"] is None:
            need = STRONG_CONTEXT
        else:
            return False
        return compatible and _same_figure(a, b) and overlap >= need
    if a["_key"] is None:
        # No subject noun: only the same figure, in sentences that share a content word.
        return compatible and overlap > 0 and _same_figure(a, b)
    if compatible:
        # One shared word is enough for the same figure; a merely compatible value (a vague
        # "hundreds" holds 339, "more than 800,000 units" holds 2.8 million) needs as much
        # shared context as a conflict (STRONG_CONTEXT).
        # A count given per side keeps the one-word rule it always had, so
        # "more than 6,000 bodies each" still joins "9,000 ... from each side" and the
        # disagreement shows (tests/test_flow.py, the contradicting outlet).
        per_side = "per_side" in (a["scope"], b["scope"])
        return overlap > 0 and (per_side or _telling_figure(a, b) or overlap >= STRONG_CONTEXT)
    # A conflict needs evidence that both sides measure one thing: the same named owner
    # ("Germany's economy grew 1.6%" / "Germany's economy expanded by 1.7%"; an age's person),
    # or both per-side counts of one exchange; and no currency conversion (exchange rates
    # differ, not the reports). Shared words alone cannot tell: on the gold's conflict sets,
    # pairs of different quantities share as many words as real disagreements (Jaccard 0.25
    # to 0.62 for both; benchmarks/bench_claims_gold.py, benchmarks/results/claims.md).
    return may_disagree(a, b) and overlap >= STRONG_CONTEXT


def _figure(claim: dict) -> float | None:
    """The printed value as compared: a total that gives its per-side value is that value."""
    value, per_side = claim["value"], claim["per_side_value"]
    if claim["scope"] == "total" and per_side is not None and value:
        return per_side
    return value


def _own_words(claim: dict) -> frozenset[str]:
    """The claim's own words: its unit ("hour", "mile") and its quote ("hundreds"), which any
    claim of that unit or wording shares, so they say nothing about the context."""
    words = {claim.get("unit"), claim.get("original_unit")}
    words |= set(context_words(claim.get("quote") or "", None))
    return frozenset(w.removesuffix("s") for w in words if w)


def _candidate_pairs(members: list[dict]):
    """Pairs of claims of different articles that may be linked: one subject key, or one
    value (the only case in which two subject keys may link), so no bucket is all pairs."""
    by_key: dict[str | None, list[dict]] = {}
    by_value: dict[float, list[dict]] = {}
    for claim in members:
        by_key.setdefault(claim["_key"], []).append(claim)
        by_value.setdefault(claim["_figure"], []).append(claim)
    for group in by_key.values():
        yield from itertools.combinations(group, 2)
    for group in by_value.values():
        for a, b in itertools.combinations(group, 2):
            if a["_key"] != b["_key"]:
                yield a, b


def _link_by_context(members: list[dict]) -> list[list[dict]]:
    """Connected components of claims about the same quantity (see the module rules)."""
    index = {c["claim_id"]: c for c in members}
    links = DisjointSet(index)
    for a, b in _candidate_pairs(members):
        if a["article_id"] != b["article_id"] and _same_quantity(a, b):
            links.union(a["claim_id"], b["claim_id"])
    for named, again in restatements.restatement_pairs(members, SMALL_COUNT):
        links.union(named["claim_id"], again["claim_id"])
    return [[index[m] for m in component] for component in links.components()]


def _phrase_words(claim: dict, text: str, before: str) -> frozenset[str]:
    """Context words among the PHRASE_WORDS words either side of the claim's quote."""
    after = text[len(before) + len(claim.get("quote") or "") :]
    near = " ".join([*before.split()[-PHRASE_WORDS:], *after.split()[:PHRASE_WORDS]])
    return context_words(near, claim["subject"]) - _own_words(claim)


def _owner_names_kind(claim: dict, after: str) -> bool:
    """Is the count's owner printed between the number and its noun ("62 Labour rebels")?"""
    owner = claim.get("owner")
    if claim["kind"] != "count" or not owner:
        return False
    rest = after[len(claim.get("quote") or "") :].lstrip().lower()
    return rest.startswith(owner)


def _comparable(
    claim: dict, row: dict, text: str, before: str, tolerance: float
) -> tuple[str, str | None, dict]:
    """The claim's scope class, unit family and working record; fills its compare columns."""
    args = (
        claim["value_low"],
        claim["value_high"],
        claim["value"],
        claim["per_side_value"],
        claim["scope"],
    )
    way = claim.get("direction")
    raw_low, raw_high, _ = comparison_interval(*args, 0.0, way)
    low, high, scope_class = comparison_interval(
        *args, 0.0 if claim["bound"] == "approx" else tolerance, way
    )
    row["compare_low"] = low if math.isfinite(low) else None
    row["compare_high"] = high if math.isfinite(high) else None
    link_low, link_high = link_interval(low, high, claim["bound"])
    after = text[len(before) :]
    record = {
        **claim,
        "_low": low,
        "_high": high,
        "_link_low": link_low,
        "_link_high": link_high,
        "_raw_low": raw_low,
        "_raw_high": raw_high,
        "_row": row,
        "_context": context_words(text, claim["subject"]) - _own_words(claim),
        "_phrase": _phrase_words(claim, text, before),
        "_key": row["subject_key"],
        "_figure": _figure(claim),
        "_owner": owner_key(claim.get("owner")),
        "_time": claim.get("time_ref"),
        "_source": claim.get("attributed_to"),
        "_conversion": is_conversion(claim["kind"], before),
        "_kind_of": _owner_names_kind(claim, after),
        "_modality": claim.get("modality") or "stated",
        "_quoted": restatements.is_quoted_phrase(after, before),
    }
    return scope_class, FAMILY.get(claim["kind"], claim["kind"]), record


def _bucket_claims(
    claims: pl.DataFrame, event_of: dict, sentence_of: dict, tolerance: float
) -> tuple[dict[tuple, list[dict]], list[dict]]:
    """Per-claim rows for every claim, and the comparable claims by bucket (see the rules)."""
    buckets: dict[tuple, list[dict]] = {}
    per_claim: list[dict] = []
    for claim in claims.iter_rows(named=True):
        start, text = sentence_of.get(_context_id(claim), (claim["start_char"], ""))
        key = subject_key(claim["subject"], text[: max(0, claim["start_char"] - start)])
        row = dict.fromkeys(PER_CLAIM_COLUMNS) | {"claim_id": claim["claim_id"], "subject_key": key}
        per_claim.append(row)
        if claim["kind"] not in COMPARABLE_KINDS or claim["value"] is None:
            continue
        before = text[: max(0, claim["start_char"] - start)]
        scope_class, family, record = _comparable(claim, row, text, before, tolerance)
        # A proposal is not an outcome ("could return up to 1,200" vs "freed 1,000"), even on
        # one figure (the proposed "1,000-for-1,000" format vs the completed swap of 1,000),
        # and the size of a change is not a level ("grew 2%" vs "rose to 2%"). A sum of money
        # is the exception: one printed sum offered and paid is one deal's price ("is thought
        # to be offering about $2bn" / "agreed to pay $2bn"), so money shares a bucket across
        # modality and links across it only on one figure (_may_link).
        modality = claim.get("modality") or "stated"
        signature = (
            "any" if claim["kind"] == "money" else modality,
            claim.get("direction") is not None,
        )
        bucket = (event_of.get(claim["article_id"]), family, claim["unit"], scope_class, *signature)
        buckets.setdefault(bucket, []).append(record)
    return buckets, per_claim


def _context_id(claim: dict) -> str | None:
    """The key of the text a claim is read in: its sentence, or for a headline or caption
    claim (no sentence) its part, whose text then serves as the sentence."""
    return claim["sentence_id"] or claim.get("part_id")


def _widen_keyless_context(buckets: dict[tuple, list[dict]], previous: dict[str, str]) -> None:
    """A claim with no subject noun takes the sentence before it as context too: "The talks
    ended on Monday." + "The gathering broke up in just more than an hour" is about talks."""
    for members in buckets.values():
        for claim in members:
            if claim["_key"] is not None:
                continue
            before = previous.get(claim["sentence_id"], "")
            claim["_context"] = claim["_context"] | (
                context_words(before, None) - _own_words(claim)
            )


def _groups_of(linked: list[dict]) -> list[list[dict]]:
    """The groups a linked component becomes (reconcile.clusters: where a chain splits)."""
    return [
        group for cluster in split_if_inconsistent(linked) for group in split_unwitnessed(cluster)
    ]


def group_claims(
    claims: pl.DataFrame,
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    *,
    tolerance: float = 0.01,
    parts: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (claim_groups, per-claim columns: claim_id, group_id, subject_key, compare_low,
    compare_high).

    `claims` carries the numeric_claims columns plus sentence_id; `articles` article_id,
    event_id, outlet_key; `sentences` sentence_id, start_char, text, wire_group; `parts`
    (part_id, text), the text of the parts that claims with a part_id (a headline claim,
    no sentence) are read in.
    """
    event_of = dict(zip(articles["article_id"], articles["event_id"], strict=True))
    outlet_of = dict(zip(articles["article_id"], articles["outlet_key"], strict=True))
    # Only the sentences that hold a claim become Python objects (each one's previous sentence
    # is found on the whole table first): dicts over every sentence held each body's text
    # twice, most of this stage's memory on a large warehouse (BBC rows x10: +640 MB at peak).
    held = claims.select("sentence_id").drop_nulls().unique()
    previous = claim_batches.previous_sentences(sentences, held)
    sentences = sentences.join(held, on="sentence_id", how="semi")
    wire_of = dict(zip(sentences["sentence_id"], sentences["wire_group"], strict=True))
    context_of = claim_batches.contexts(sentences, parts)
    per_claim: list[dict] = [{}] * claims.height
    ranked = []  # (a bucket's smallest claim_id, its groups): the groups' order
    # A batch of whole events at a time (a bucket is within one event): the records of every
    # claim at once were this stage's peak memory (claim_batches).
    batch = claim_batches.event_batches(claims, event_of)
    for number in batch.unique().sort().to_list():
        at = (batch == number).arg_true()
        buckets, rows = _bucket_claims(claims[at], event_of, context_of, tolerance)
        for index, row in zip(at.to_list(), rows, strict=True):
            per_claim[index] = row
        _widen_keyless_context(buckets, previous)
        restatements.move_unmarked_restatements(buckets, SMALL_COUNT)
        ranked += [
            (min(c["claim_id"] for c in members), _bucket_groups(key, members, outlet_of, wire_of))
            for key, members in buckets.items()
        ]
        del buckets, rows
    groups = [group for _, found in sorted(ranked, key=lambda r: r[0]) for group in found]
    group_schema = columns("claim_groups")
    claim_schema = {name: columns("numeric_claims")[name] for name in PER_CLAIM_COLUMNS}
    return (
        pl.DataFrame(groups, schema=group_schema),
        pl.DataFrame(per_claim, schema=claim_schema),
    )


def _bucket_groups(bucket: tuple, members: list[dict], outlet_of: dict, wire_of: dict) -> list:
    """The claim_groups rows of one bucket's claims, in the order they are found."""
    groups = []
    for linked in _link_by_context(members):
        for cluster in _groups_of(linked):
            event_id, family, unit, scope_class = bucket[:4]
            named = [c["_key"] for c in cluster if c["_key"] is not None]
            key = max(sorted(set(named)), key=named.count) if named else None
            group = (event_id, key, family, unit, scope_class)
            groups.append(summarize_group(cluster, group, outlet_of, wire_of))
    return groups
