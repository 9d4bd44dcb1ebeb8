"""Suite for `sentences`: ids, order and exact offsets."""

import great_expectations.expectations as gxe

from expectations.checks import CRITICAL, Check
from expectations.common import key_checks, not_null, slice_checks

CHECKS = [
    *key_checks("sentences", "sentence_id"),
    not_null("sentences", "article_id"),
    Check(
        "sentences",
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end_char", column_B="start_char"),
        CRITICAL,
        "a sentence spans at least one character",
    ),
    *slice_checks("sentence_slices"),
]
