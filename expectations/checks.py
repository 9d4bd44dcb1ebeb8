"""What an expectation is here: a Great Expectations expectation on a named frame, a severity,
and a sentence saying what it protects. Table modules declare lists of these."""

from __future__ import annotations

from dataclasses import dataclass

from great_expectations.expectations import Expectation

CRITICAL = "critical"  # blocks publishing
WARNING = "warning"  # recorded and reported, never blocks


@dataclass(frozen=True)
class Check:
    """One expectation on the frame `frame` (a table or an audit query of that name)."""

    frame: str
    expectation: Expectation
    severity: str
    protects: str
