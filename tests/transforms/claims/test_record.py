"""The Claim record: the integer a one-token claim holds."""

from __future__ import annotations

from transforms.claims.record import Claim, int_value


def test_int_value_only_for_one_token_integers():
    assert int_value(Claim(start=3, end=4, value=16.0)) == 16  # "May 16"
    assert int_value(Claim(start=3, end=4, value=1.2)) is None
    assert int_value(Claim(start=3, end=5, value=2.0)) is None  # "two to three" spans tokens


def test_defaults_are_an_exact_count_of_unknown_scope():
    claim = Claim(start=0, end=1, value=6000.0)
    assert (claim.bound, claim.kind, claim.scope, claim.scale) == ("exact", "count", "unknown", 1)
    assert claim.low is claim.high is claim.subject is claim.speaker is None
