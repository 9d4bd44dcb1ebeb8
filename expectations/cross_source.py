"""Cross-source expectations: do the outlets of one event agree?

They run on audits (warehouse/audits/*.sql) that compare claims across articles; each audit's
file declares its severity and what it protects. The per-side body count is the mission's
named check and is critical; other conflicts are findings a fact-checker wants published, so
they warn.
"""

import great_expectations.expectations as gxe

from expectations.checks import CRITICAL, Check, audit_check
from expectations.common import all_true, in_set, key_checks
from transforms.contract.vocabularies import GROUP_STATUSES

CHECKS = [
    all_true("body_count_agreement", "agree"),
    all_true("body_count_per_side_reports", "agree"),
    audit_check("independent_conflicts", gxe.ExpectTableRowCountToEqual(value=0)),
    *key_checks("claim_groups", "group_id"),
    in_set("claim_groups", "status", GROUP_STATUSES),
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
