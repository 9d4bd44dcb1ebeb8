"""Building blocks shared by the per-table suites: keys, offsets, accepted values."""

from __future__ import annotations

from collections.abc import Iterable

import great_expectations.expectations as gxe

from expectations.checks import CRITICAL, WARNING, Check, audit_check


def key_checks(frame: str, column: str) -> list[Check]:
    """The primary key is present and unique."""
    return [
        Check(
            frame,
            gxe.ExpectColumnValuesToNotBeNull(column=column),
            CRITICAL,
            f"every {frame} row has an id that joins can rely on",
        ),
        Check(
            frame,
            gxe.ExpectColumnValuesToBeUnique(column=column),
            CRITICAL,
            f"{column} identifies one {frame} row; a duplicate would double counts in BI",
        ),
    ]


def not_null(frame: str, column: str, severity: str = CRITICAL) -> Check:
    return Check(
        frame,
        gxe.ExpectColumnValuesToNotBeNull(column=column),
        severity,
        f"{frame}.{column} is always filled",
    )


def in_set(frame: str, column: str, values: Iterable[str], severity: str = CRITICAL) -> Check:
    # A list, as the expectation was always given one: its description in check_results
    # (`value_set=[...]`) stays the same across runs.
    return Check(
        frame,
        gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(values)),
        severity,
        f"{frame}.{column} keeps to its documented vocabulary",
    )


def all_true(audit: str, column: str) -> Check:
    """Every row of the audit `audit` has `column` true (severity and purpose: its file's)."""
    return audit_check(audit, gxe.ExpectColumnValuesToBeInSet(column=column, value_set=[True]))


def slice_checks(audit: str) -> list[Check]:
    """A slice audit (one row per span, with `in_body` and `matches_body` booleans)."""
    return [all_true(audit, "in_body"), all_true(audit, "matches_body")]


def at_least_rows(frame: str, minimum: int, severity: str = WARNING) -> Check:
    return Check(
        frame,
        gxe.ExpectTableRowCountToBeBetween(min_value=minimum),
        severity,
        f"{frame} is not unexpectedly empty",
    )
