"""Subjects: what a number counts or measures.

End to end through `extract_claims` on the seed articles and one-sentence texts.
"""

from __future__ import annotations

from tests.transforms.claims.support import only


def test_percent_subject_is_what_changed():
    row = only("Shares in Krispy Kreme sank 14.87% on Friday.", "14.87%")
    assert row["subject"] == "share"
    row = only("Pre-tax profits rose 15% to £546m.", "15%")
    assert row["subject"] == "profit"
