"""A figure in quotation marks is someone's figure mentioned again: it joins its article's own.

A story states a figure with what it measures ("Russia proposed a short-term ceasefire –
lasting two to three days") and later quotes it back as a phrase ("this whole 'two or three
days' game", "the '100 days' plan"). The quoted mention has no subject noun (the noun outside
the marks names the phrase: claims.subjects), no modal word ("proposed") and often no words
in common with other outlets' sentences, so by its own sentence it stays apart from the
quantity its article already named. Grouping links it to its article's named mention when
that is unambiguous:
- the mention is a short quoted phrase: an opening mark right before the figure, the closing
  one a few words after it;
- the two print one figure with one interval (the same value and the same printed ends) in
  one kind, unit and scope class, and the quoted mention has no subject;
- every mention of the figure in the article that has a subject has the same one;
- the figure is not a small count: "two" or "three" of a story are many things;
- a quoted mention with no modal word of its own ("stated", the default) takes the modality
  of the named one (it is moved to that bucket) when that is the only bucket naming it.

Why only quoted phrases: a figure merely printed twice in one article is often two
quantities. On the BBC corpus, 9 of 25 sampled repeats were ("61 lifts" / "61km/h", "a 26%
rise in profits" / "the dividend by 26%", "3000 died over 30 years" / "3000 people died in
one morning").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.claims.lexicon import CLOSING_QUOTES, OPENING_QUOTES

_OPENING = re.compile(f"[{re.escape(''.join(sorted(OPENING_QUOTES)))}]$")
# The closing mark within a few words after the figure's quote ("two or three days’"), not
# an apostrophe ("50's beef").
_CLOSING = re.compile(
    rf"^[^\W_]*(?:[\s-]+[^\W_]+){{0,3}}[{re.escape(''.join(sorted(CLOSING_QUOTES)))}](?![^\W_])"
)

# Where a bucket key (groups._bucket_claims) holds the claim's modality.
_MODALITY = 4


def is_quoted_phrase(from_quote: str, before: str) -> bool:
    """Is the figure a short quoted phrase? `before` is its sentence up to the figure's quote,
    `from_quote` the rest, from the quote on."""
    return bool(_OPENING.search(before)) and bool(_CLOSING.match(from_quote))


def _telling(claim: dict, small_count: float) -> bool:
    figure = claim["_figure"]
    return figure is not None and not (claim["kind"] == "count" and abs(figure) < small_count)


def _printed(claim: dict) -> tuple:
    """The figure as printed in its article: article, value and printed ends."""
    return claim["article_id"], claim["_figure"], claim["_raw_low"], claim["_raw_high"]


def _spot(claim: dict, bucket: tuple) -> tuple:
    """The figure as printed in its article, and its bucket but for the modality."""
    return *_printed(claim), *bucket[:_MODALITY], *bucket[_MODALITY + 1 :]


def move_unmarked_restatements(buckets: dict[tuple, list[dict]], small_count: float) -> None:
    """Put each keyless, unmarked ("stated") mention of a figure in the one other bucket
    where its article names that figure with a subject; in place."""
    named_in: dict[tuple, set[tuple]] = {}
    for bucket, members in buckets.items():
        for claim in members:
            if claim["_key"] is not None and _telling(claim, small_count):
                named_in.setdefault(_spot(claim, bucket), set()).add(bucket)
    moves = []
    for bucket, members in buckets.items():
        for claim in members:
            if claim["_key"] is not None or claim["_modality"] != "stated" or not claim["_quoted"]:
                continue
            if not _telling(claim, small_count):
                continue
            targets = named_in.get(_spot(claim, bucket), set())
            if len(targets) == 1 and bucket not in targets:
                moves.append((claim, bucket, next(iter(targets))))
    for claim, source, target in moves:
        buckets[source].remove(claim)
        buckets[target].append(claim)
    for bucket in [b for b, members in buckets.items() if not members]:
        del buckets[bucket]


def restatement_pairs(members: list[dict], small_count: float) -> Iterator[tuple[dict, dict]]:
    """(claim with a subject, the same article's claim with none that restates its figure)
    pairs among one bucket's working records (groups._comparable)."""
    by_figure: dict[tuple, list[dict]] = {}
    for claim in members:
        if _telling(claim, small_count):
            by_figure.setdefault(_printed(claim), []).append(claim)
    for same in by_figure.values():
        named = [claim for claim in same if claim["_key"] is not None]
        if len({claim["_key"] for claim in named}) != 1:
            continue
        for claim in same:
            if claim["_key"] is None and claim["_quoted"]:
                yield named[0], claim
