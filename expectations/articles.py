"""Suite for `articles` and `article_parts`."""

import great_expectations.expectations as gxe

from expectations.checks import CRITICAL, WARNING, Check, audit_check
from expectations.common import at_least_rows, in_set, key_checks, not_null
from transforms.contract.vocabularies import PART_ROLES

CHECKS = [
    *key_checks("articles", "article_id"),
    not_null("articles", "file_id"),
    not_null("articles", "body"),
    # Every count of outlets (n_outlets, wire copies, the views) groups by it.
    not_null("articles", "outlet_key"),
    Check(
        "articles",
        gxe.ExpectColumnValuesToBeBetween(column="word_count", min_value=1),
        CRITICAL,
        "every published article has prose in its body",
    ),
    # An empty or unmounted source would otherwise publish an empty warehouse under "drop".
    at_least_rows("articles", 1, severity=CRITICAL),
    *key_checks("article_parts", "part_id"),
    in_set("article_parts", "role", PART_ROLES),
    Check(
        "article_parts",
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        WARNING,
        "every part of a raw file is kept with its text",
    ),
    # Each row names one problem, so a failure lists them (partial_unexpected_list).
    audit_check("manifest_rows", gxe.ExpectColumnValuesToBeNull(column="issue")),
]
