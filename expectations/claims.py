"""Suite for `numeric_claims`: ids, offsets, vocabularies and value bounds."""

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.checks import CRITICAL, WARNING, Check
from expectations.common import in_set, key_checks, slice_checks

BOUNDS = ["exact", "approx", "at_least", "more_than", "at_most", "up_to", "range"]
KINDS = [
    "count",
    "percent",
    "fraction",
    "money",
    "duration",
    "distance",
    "date",
    "ordinal",
    "age",
    "other",
]
SCOPES = ["total", "per_side", "unknown"]

CHECKS = [
    *key_checks("numeric_claims", "claim_id"),
    in_set("numeric_claims", "bound", BOUNDS),
    in_set("numeric_claims", "kind", KINDS),
    in_set("numeric_claims", "scope", SCOPES),
    Check(
        "claim_bounds",
        gxe.ExpectColumnValuesToBeInSet(column="value_within_bounds", value_set=[True]),
        CRITICAL,
        "a claim's value lies inside the interval its wording allows",
    ),
    Check(
        "numeric_claims",
        gxe.ExpectColumnValuesToBeBetween(
            column="value", min_value=0, max_value=1, row_condition=Column("kind") == "percent"
        ),
        WARNING,
        "percentages are stored as shares between 0 and 1",
    ),
    Check(
        "numeric_claims",
        gxe.ExpectColumnValuesToNotBeNull(column="sentence_id"),
        WARNING,
        "every claim is linked to its sentence",
    ),
    *slice_checks("claim_slices"),
]
