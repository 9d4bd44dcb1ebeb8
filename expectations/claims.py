"""Suite for `numeric_claims`: ids, offsets, vocabularies and value bounds."""

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.checks import WARNING, Check
from expectations.common import all_true, in_set, key_checks, slice_checks
from transforms.contract.vocabularies import BOUNDS, CLAIM_KINDS, CLAIM_PARTS, SCOPES

CHECKS = [
    *key_checks("numeric_claims", "claim_id"),
    in_set("numeric_claims", "bound", BOUNDS),
    in_set("numeric_claims", "kind", CLAIM_KINDS),
    in_set("numeric_claims", "scope", SCOPES),
    in_set("numeric_claims", "part_role", CLAIM_PARTS),
    all_true("claim_bounds", "value_within_bounds"),
    Check(
        "numeric_claims",
        # A percent is a share (20 % -> 0.2), but also a change: growth of 222 % is 2.22 and
        # -0.1 % is negative (24 such values on the BBC corpus, all legitimate). Below -1 (a
        # fall of more than everything) or above 100 (a rise of 10,000 %) is a misreading.
        gxe.ExpectColumnValuesToBeBetween(
            column="value", min_value=-1, max_value=100, row_condition=Column("kind") == "percent"
        ),
        WARNING,
        "percentages are stored as shares: from -1 (a fall of 100 %) to 100 (a rise of 10,000 %)",
    ),
    Check(
        "numeric_claims",
        gxe.ExpectColumnValuesToNotBeNull(
            column="sentence_id", row_condition=Column("part_role") == "body"
        ),
        WARNING,
        "every body claim is linked to its sentence",
    ),
    *slice_checks("claim_slices"),
]
