"""What an expectation is here: a Great Expectations expectation on a named frame, a severity,
and a sentence saying what it protects. Table modules declare lists of these.

A check on an audit (a query in warehouse/audits/) is made with `audit_check`: its frame,
severity and purpose come from the audit file's header, so they are never written twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from great_expectations.expectations import Expectation

from warehouse.audit import audit

CRITICAL = "critical"  # blocks publishing
WARNING = "warning"  # recorded and reported, never blocks


@dataclass(frozen=True)
class Check:
    """One expectation on the frame `frame` (a table or an audit query of that name)."""

    frame: str
    expectation: Expectation
    severity: str
    protects: str


def audit_check(name: str, expectation: Expectation) -> Check:
    """`expectation` on the audit `name`, with the severity and purpose its file declares.

    A column expectation takes the sentence the header gives that column, else the audit's.
    """
    item = audit(name)
    column = getattr(expectation, "column", None)
    return Check(name, expectation, item.severity, item.protects_for(column))
