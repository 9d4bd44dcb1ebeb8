"""Grouping rules of issue 12's second pass, each on sentences they were not written for.

Every test builds a small event from one-sentence articles (one outlet each), extracts and
groups its claims with the transforms alone, and asks which claims share a group.
"""

from __future__ import annotations

import polars as pl

from tests.transforms.reconcile.support import group_event


def grouped(*bodies: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(claims with group_id, groups) of one event whose article i has body i."""
    articles = pl.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "body": bodies})
    return group_event(articles)


def group_id(claims: pl.DataFrame, article: str, quote: str) -> str | None:
    rows = claims.filter((pl.col("article_id") == article) & (pl.col("quote") == quote))
    assert rows.height == 1, f"{quote!r} not read once in {article}"
    return rows["group_id"][0]


def together(claims: pl.DataFrame, *wanted: tuple[str, str]) -> bool:
    ids = {group_id(claims, a, q) for a, q in wanted}
    return len(ids) == 1 and None not in ids


def test_an_open_bound_does_not_reach_a_figure_twice_its_size():
    # "more than 900,000" rounds down to a leading digit; 3.1 million is another quantity.
    claims, groups = grouped(
        "The console has sold more than 900,000 units across Europe since its launch.",
        "Its rival has sold 3.1 million units across Europe since its launch.",
        "The console has sold 950,000 units across Europe since its launch.",
    )
    assert not together(claims, ("a0", "more than 900,000"), ("a1", "3.1 million"))
    assert together(claims, ("a0", "more than 900,000"), ("a2", "950,000"))
    assert "conflict" not in groups["status"].to_list()


def test_ages_a_birthday_apart_are_no_conflict():
    claims, groups = grouped(
        "Prosecutors said the 41-year-old nurse Anna Holt had stolen the drugs from the ward.",
        "A jury found the 42-year-old nurse Anna Holt guilty of stealing the drugs from the ward.",
    )
    assert "conflict" not in groups["status"].to_list()
    assert not together(claims, ("a0", "41-year-old"), ("a1", "42-year-old"))


def test_one_country_under_two_names_is_one_owner():
    claims, _ = grouped(
        "The United Kingdom's £4bn contribution to the climate fund was criticised by donors.",
        "Britain's £4bn contribution to the climate fund was defended by ministers.",
    )
    assert together(claims, ("a0", "£4bn"), ("a1", "£4bn"))


def test_two_precise_figures_that_differ_are_two_figures():
    # Within the 1 % tolerance, but neither rounds the other: two months' averages.
    claims, groups = grouped(
        "The average flat in the city now costs £240,315, the registry said on Friday.",
        "The average flat in the city cost £241,020 in March, the registry said on Friday.",
    )
    assert not together(claims, ("a0", "£240,315"), ("a1", "£241,020"))
    assert "conflict" not in groups["status"].to_list()
    claims, _ = grouped(
        "The average flat in the city now costs £240,315, the registry said on Friday.",
        "The average flat in the city now costs £240,000, the registry said on Friday.",
    )
    assert together(claims, ("a0", "£240,315"), ("a1", "£240,000"))


def test_a_small_count_of_one_noun_needs_more_than_one_shared_word():
    # Two strikers' goals: the same small figure of one noun, one word ("season") in common.
    claims, _ = grouped(
        "Rooney scored two goals this season before his injury in October.",
        "Defoe has added two goals for Spurs, taking his season total to nine.",
    )
    assert not together(claims, ("a0", "two"), ("a1", "two"))
    # a larger figure still joins on one shared word
    claims, _ = grouped(
        "The ferry carried 340 passengers when it sank off the coast.",
        "Rescuers said the ferry had 340 passengers aboard.",
    )
    assert together(claims, ("a0", "340"), ("a1", "340"))


def test_a_name_between_a_count_and_its_noun_anchors_no_conflict():
    # Rebels of one party on two votes: "Conservative" says which rebels, not whose figure.
    _, groups = grouped(
        "The bill passed despite 45 Conservative rebels voting against the government.",
        "The bill passed despite 28 Conservative rebels voting against the government.",
    )
    assert "conflict" not in groups["status"].to_list()
    # a possessor still anchors one: the same person's figure, told two ways
    _, groups = grouped(
        "Smith's 14 goals this season lead the league, the club said on Sunday.",
        "Smith's 17 goals this season lead the league, the club said on Sunday.",
    )
    assert "conflict" in groups["status"].to_list()


def test_acronyms_are_context_however_short():
    # The two sentences share only "AMD": a name, the best context a sentence has.
    claims, _ = grouped(
        "AMD agreed to buy the chip designer for $4.2bn in cash.",
        "The deal sees AMD paying $4.2bn for ATI.",
    )
    assert together(claims, ("a0", "$4.2bn"), ("a1", "$4.2bn"))


def test_an_offered_and_a_paid_sum_join_on_one_printed_figure():
    claims, _ = grouped(
        "The insurer is expected to pay $3bn to settle the flood claims, lawyers said.",
        "The insurer paid $3bn to settle the flood claims, lawyers said.",
    )
    assert together(claims, ("a0", "$3bn"), ("a1", "$3bn"))
    # another figure proposed is another quantity, and never a conflict
    claims, groups = grouped(
        "The insurer paid $3bn to settle the flood claims, lawyers said.",
        "The insurer could pay up to $5bn to settle the flood claims, lawyers said.",
    )
    assert not together(claims, ("a0", "$3bn"), ("a1", "up to $5bn"))
    assert "conflict" not in groups["status"].to_list()
