"""Building blocks shared by the per-table suites: keys, offsets, accepted values."""

from __future__ import annotations

import great_expectations.expectations as gxe

from expectations.checks import CRITICAL, WARNING, Check


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


def in_set(frame: str, column: str, values: list, severity: str = CRITICAL) -> Check:
    return Check(
        frame,
        gxe.ExpectColumnValuesToBeInSet(column=column, value_set=values),
        severity,
        f"{frame}.{column} keeps to its documented vocabulary",
    )


def slice_checks(frame: str) -> list[Check]:
    """An audit frame with `in_body` and `matches_body` booleans per span."""
    return [
        Check(
            frame,
            gxe.ExpectColumnValuesToBeInSet(column="in_body", value_set=[True]),
            CRITICAL,
            "offsets lie inside the article body",
        ),
        Check(
            frame,
            gxe.ExpectColumnValuesToBeInSet(column="matches_body", value_set=[True]),
            CRITICAL,
            "the stored text is exactly the body slice, so every quote is verifiable",
        ),
    ]


def at_least_rows(frame: str, minimum: int, severity: str = WARNING) -> Check:
    return Check(
        frame,
        gxe.ExpectTableRowCountToBeBetween(min_value=minimum),
        severity,
        f"{frame} is not unexpectedly empty",
    )
