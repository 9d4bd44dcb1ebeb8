"""What a claim measures: subjects of sums and shares, owner, time, direction, modality.

Sentences here are not the ones the rules were written from (those were BBC economy and
seed sentences); each asserts the columns a grouping decision reads.
"""

from __future__ import annotations

from tests.transforms.claims.support import only


def test_sums_of_money_name_what_they_pay_for():
    row = only("Congress approved $1.4 billion for border security on Friday.", "$1.4 billion")
    assert row["subject"] == "border security"
    assert only("The club posted losses of £12m.", "£12m")["subject"] == "loss"
    assert only("Revenue climbed to $3bn.", "$3bn")["subject"] == "revenue"
    assert only("A £40m deal was signed.", "£40m")["subject"] == "deal"
    assert only("The insurer paid €20m.", "€20m")["subject"] == "pay"


def test_shares_name_what_changed():
    assert only("Exports jumped 8% in March.", "8%")["subject"] == "export"
    assert only("There was a 4% drop in sales.", "4%")["subject"] == "sale"


def test_owner_is_the_possessor_or_the_named_holder():
    assert only("France's deficit widened by 3.1%.", "3.1%")["owner"] == "france"
    assert only("Toyota sold 9 million cars.", "9 million")["owner"] == "toyota"
    assert only("Some 40 Tory MPs rebelled.", "Some 40")["owner"] == "tory"
    assert only("Prices fell 2%.", "2%")["owner"] is None


def test_time_reference_of_the_clause():
    assert only("Inflation was 3% in 1998, officials said.", "3%")["time_ref"] == "1998"
    row = only("On 3 March the plant shipped 400 tonnes.", "400")
    assert row["time_ref"] == "3 march"
    assert only("The plant shipped 400 tonnes on March 3.", "400")["time_ref"] == "3 march"
    assert only("Output rose 5% last month.", "5%")["time_ref"] == "last month"


def test_direction_of_a_change_and_none_for_a_level():
    assert only("Output contracted 1.1% in the spring.", "1.1%")["direction"] == "down"
    assert only("Output expanded by 1.1%.", "1.1%")["direction"] == "up"
    assert only("Unemployment rose to 5.5%.", "5.5%")["direction"] is None
    assert only("A 6% cut in fares was announced.", "6%")["direction"] == "down"


def test_modality_separates_proposals_from_outcomes():
    assert only("Ministers proposed a 20-day truce.", "20-day")["modality"] == "prospective"
    assert only("The union might accept 3%.", "3%")["modality"] == "prospective"
    assert only("The union accepted 3%.", "3%")["modality"] == "stated"
