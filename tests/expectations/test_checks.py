"""The suites and the audit files agree: every audit file is checked, every check's frame
exists, and the value sets are the contract's."""

from __future__ import annotations

from expectations.runner import SUITES
from transforms.contract import vocabularies
from warehouse.audit import TABLE_FRAMES, audits

CHECKS = [check for checks in SUITES.values() for check in checks]


def test_every_check_reads_a_table_or_an_audit_file():
    unknown = {c.frame for c in CHECKS} - set(TABLE_FRAMES) - set(audits())
    assert not unknown, f"checks name frames that are neither a table nor an audit: {unknown}"


def test_every_audit_file_has_a_check():
    unchecked = set(audits()) - {c.frame for c in CHECKS}
    assert not unchecked, f"audit files no check reads: {unchecked}"


def test_audit_checks_take_severity_and_purpose_from_the_file():
    for check in CHECKS:
        if check.frame in audits():
            item = audits()[check.frame]
            column = getattr(check.expectation, "column", None)
            assert check.severity == item.severity
            assert check.protects == item.protects_for(column)


def test_every_per_column_purpose_is_used():
    for name, item in audits().items():
        used = {getattr(c.expectation, "column", None) for c in CHECKS if c.frame == name}
        unused = set(item.protects) - used - {""}
        assert not unused, f"{name}.sql names a purpose for unchecked column(s) {unused}"


def value_set(frame: str, column: str) -> list:
    (check,) = [
        c
        for c in CHECKS
        if c.frame == frame
        and getattr(c.expectation, "column", None) == column
        and type(c.expectation).__name__ == "ExpectColumnValuesToBeInSet"
    ]
    return check.expectation.value_set


def test_value_sets_are_the_contract_vocabularies_in_order():
    assert value_set("article_parts", "role") == list(vocabularies.PART_ROLES)
    assert value_set("numeric_claims", "bound") == list(vocabularies.BOUNDS)
    assert value_set("numeric_claims", "kind") == list(vocabularies.CLAIM_KINDS)
    assert value_set("numeric_claims", "scope") == list(vocabularies.SCOPES)
    assert value_set("claim_groups", "status") == list(vocabularies.GROUP_STATUSES)
