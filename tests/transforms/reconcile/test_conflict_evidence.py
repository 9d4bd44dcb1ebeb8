"""What a conflict needs and what one small count needs, on sentences written for these tests
(issue 12's third pass): two bodies' measurements are two quantities, a chain through a wide
range is no disagreement, and a small count's own phrase can say it is one quantity.
"""

from __future__ import annotations

from tests.transforms.reconcile.test_group_precision import grouped, together


def test_two_surveys_of_one_thing_are_no_conflict():
    # One rate of one country and month, measured by two bodies: two surveys' readings.
    claims, groups = grouped(
        "Spain's jobless rate rose 0.4% in March, according to figures from the National "
        "Statistics Institute.",
        "Spain's jobless rate fell 0.3% in March, the Bank of Spain has said.",
    )
    assert "conflict" not in groups["status"].to_list()
    assert not together(claims, ("a0", "0.4%"), ("a1", "0.3%"))
    # The source is the body that made the figures, not "figures".
    assert claims.filter(claims["quote"] == "0.4%")["attributed_to"].to_list() == [
        "figures from the National Statistics Institute"
    ]


def test_two_speakers_who_only_say_a_figure_still_disagree():
    # The same pair of figures said by two speakers, neither naming a measurement: one
    # quantity told two ways, which is what a fact-checker wants to see.
    claims, groups = grouped(
        "Spain's jobless rate rose 0.4% in March, the labour minister said.",
        "Spain's jobless rate fell 0.3% in March, the union leader said.",
    )
    assert together(claims, ("a0", "0.4%"), ("a1", "0.3%"))
    assert groups.filter(groups["n_articles"] == 2)["status"].to_list() == ["conflict"]


def test_one_body_named_in_full_and_by_its_initials_is_one_source():
    claims, groups = grouped(
        "Spain's jobless rate rose 0.4% in March, according to figures from the National "
        "Statistics Institute.",
        "Spain's jobless rate fell 0.3% in March, the NSI has said.",
    )
    assert together(claims, ("a0", "0.4%"), ("a1", "0.3%"))
    assert groups.filter(groups["n_articles"] == 2)["status"].to_list() == ["conflict"]


def test_a_range_that_holds_two_figures_does_not_make_them_disagree():
    # The range of several fines holds both one protester's fine and the largest one; the
    # two fines never meet as one quantity, so the group they share through it is no conflict.
    claims, groups = grouped(
        "The protesters were given fines of between £50 and £900 for blocking the bridge.",
        "A student was given a fine of £60 for blocking the bridge.",
        "Their organiser was given the largest fine of £900 for blocking the bridge.",
    )
    assert "conflict" not in groups["status"].to_list()
    assert not together(claims, ("a1", "£60"), ("a2", "£900"))


def test_a_small_count_in_one_phrase_is_one_quantity_in_a_long_sentence():
    # Four shared words among some 35 content words: too little overlap sentence-wide,
    # but the count's own phrase ("leave ... three captured border towns") is the same.
    claims, _ = grouped(
        "The rebels, who have fought the army for a decade across the northern mountains, "
        "agreed late on Thursday after mediation by church leaders, foreign diplomats and "
        "several aid agencies to leave the three captured border towns by Sunday, handing "
        "control to police units trained abroad and paid from a fund run by donors.",
        "Officials in the capital expect the rebels to leave three captured border towns.",
    )
    assert together(claims, ("a0", "three"), ("a1", "three"))
    # One shared word of the phrase is still a coincidence.
    claims, _ = grouped(
        "The visitors, who have struggled on the road for a decade across the league, missed "
        "three penalties late on Saturday before a crowd of fans, families and local officials "
        "during a cold evening that ended with a draw.",
        "Our own striker missed three penalties in the cup.",
    )
    assert not together(claims, ("a0", "three"), ("a1", "three"))
