"""Cross-source expectations: do the outlets of one event agree?

They run on audit frames (warehouse/audit.py) that compare claims across articles. The
per-side body count is the mission's named check and is critical; other conflicts are
findings a fact-checker wants published, so they warn.
"""

import great_expectations.expectations as gxe

from expectations.checks import CRITICAL, WARNING, Check
from expectations.common import in_set, key_checks

STATUSES = ["consistent", "conflict", "single_source"]

CHECKS = [
    Check(
        "body_count_agreement",
        gxe.ExpectColumnValuesToBeInSet(column="agree", value_set=[True]),
        CRITICAL,
        "the outlets of an event that report the bodies returned per side agree on the number",
    ),
    Check(
        "body_count_per_side_reports",
        gxe.ExpectColumnValuesToBeInSet(column="agree", value_set=[True]),
        CRITICAL,
        "one per-side body count satisfies every outlet that states one, however claims group",
    ),
    Check(
        "independent_conflicts",
        gxe.ExpectTableRowCountToEqual(value=0),
        WARNING,
        "no quantity is reported differently by two or more independent outlets",
    ),
    *key_checks("claim_groups", "group_id"),
    in_set("claim_groups", "status", STATUSES),
    Check(
        "claim_groups",
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="n_outlets", column_B="n_independent", or_equal=True
        ),
        CRITICAL,
        "independent sources never outnumber the outlets",
    ),
    *key_checks("events", "event_id"),
    Check(
        "events",
        gxe.ExpectColumnValuesToBeBetween(column="n_articles", min_value=1),
        CRITICAL,
        "every event holds at least one article",
    ),
]
