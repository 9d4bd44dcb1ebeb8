"""Suite for `numeric_claims`: ids, offsets, vocabularies and value bounds."""

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.checks import WARNING, Check
from expectations.common import all_true, in_set, key_checks, slice_checks
from transforms.contract.vocabularies import BOUNDS, CLAIM_KINDS, SCOPES

CHECKS = [
    *key_checks("numeric_claims", "claim_id"),
    in_set("numeric_claims", "bound", BOUNDS),
    in_set("numeric_claims", "kind", CLAIM_KINDS),
    in_set("numeric_claims", "scope", SCOPES),
    all_true("claim_bounds", "value_within_bounds"),
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
