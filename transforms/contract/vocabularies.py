"""The closed value sets of the warehouse, declared once.

The transforms emit only these values and expectations/ checks every row against them (a
value outside its set is a critical failure), so adding a value here is the one change that
both sides see.
"""

from __future__ import annotations

# article_parts.role: every piece of a raw file is one of these.
PART_ROLES = (
    "body", "title", "subheading", "masthead", "byline", "caption", "credit", "footer",
    "header", "dateline", "url",
)  # fmt: skip

# entity_mentions.part_role: the part of an article a mention is printed in (its offsets
# index the body, or the caption's article_parts.text).
MENTION_PARTS = ("body", "caption")

# numeric_claims.part_role: the part of an article a claim is printed in (its offsets index
# the body, or the part's article_parts.text): the parts a reader reads as text.
CLAIM_PARTS = ("body", "title", "subheading", "caption")

# numeric_claims.bound: how the wording bounds the number (README, "Numeric claims").
BOUNDS = ("exact", "approx", "at_least", "more_than", "at_most", "up_to", "range")

# numeric_claims.kind: what sort of quantity the number is.
CLAIM_KINDS = (
    "count", "percent", "fraction", "money", "duration", "distance", "date", "ordinal", "age",
    "other",
)  # fmt: skip

# Kinds that are quantities outlets can agree or disagree on; dates, ordinals and other
# numbers are never grouped.
COMPARABLE_KINDS = ("count", "percent", "fraction", "money", "duration", "distance", "age")

# numeric_claims.scope / claim_groups.scope.
SCOPES = ("total", "per_side", "unknown")

# claim_groups.status.
GROUP_STATUSES = ("consistent", "conflict", "single_source")

# raw_files.status.
FILE_STATUSES = ("loaded", "unchanged", "quarantined")

# The actions of warehouse/entity_aliases.csv.
PIN_ACTIONS = ("merge", "split", "drop")
