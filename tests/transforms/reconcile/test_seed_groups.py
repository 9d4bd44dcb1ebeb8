"""Claim groups of the five seed articles, built from their text by the transforms alone.

The seeds are one event; each file is its own outlet. These are the cases issue #12 names:
the talks' length is one quantity, the completed 16 May swap is not the new proposal, the
list of 339 children is not "hundreds ... forcibly removed", and the 6,000 bodies per side
stay one consistent group across four outlets.
"""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.claims.support import SEEDS
from tests.transforms.reconcile.support import group_event


@pytest.fixture(scope="module")
def grouped() -> pl.DataFrame:
    paths = sorted(SEEDS.glob("*.txt"))
    articles = pl.DataFrame(
        {"article_id": [p.name[:3] for p in paths], "body": [p.read_text() for p in paths]}
    )
    claims, groups = group_event(articles)
    return claims.join(groups.select("group_id", "status", "n_outlets"), on="group_id", how="left")


def group_of(grouped: pl.DataFrame, article: str, quote: str, kind: str | None = None) -> dict:
    rows = grouped.filter((pl.col("article_id") == article) & (pl.col("quote") == quote))
    if kind is not None:
        rows = rows.filter(pl.col("kind") == kind)
    assert rows.height >= 1, f"no claim {quote!r} in {article}"
    return rows.row(0, named=True)


def test_the_talks_length_is_one_group(grouped):
    ids = {
        group_of(grouped, "000", "an hour")["group_id"],
        group_of(grouped, "002", "just more than an hour")["group_id"],
        group_of(grouped, "003", "barely an hour")["group_id"],
    }
    assert len(ids) == 1 and None not in ids
    late = {
        group_of(grouped, a, q, "duration")["group_id"]
        for a, q in (("000", "two"), ("004", "nearly two"))
    }
    assert len(late) == 1 and None not in late  # "two hours later than scheduled"


def test_the_may_swap_is_not_the_new_proposal(grouped):
    done = {group_of(grouped, a, "1,000")["group_id"] for a in ("003", "004")}
    assert len(done) == 1
    assert group_of(grouped, "002", "up to 1,200")["group_id"] not in done
    assert group_of(grouped, "003", "1,000")["modality"] == "stated"
    assert group_of(grouped, "002", "up to 1,200")["modality"] == "prospective"


def test_the_list_of_339_is_not_all_children_removed(grouped):
    listed = group_of(grouped, "003", "339")["group_id"]
    assert group_of(grouped, "004", "hundreds")["group_id"] != listed


def test_bodies_per_side_stay_consistent_across_four_outlets(grouped):
    body = grouped.filter(pl.col("subject_key") == "body")
    assert body["group_id"].n_unique() == 1
    assert body.row(0, named=True)["status"] == "consistent"
    assert body["article_id"].n_unique() == 4


def test_a_quoted_figure_joins_its_articles_own_mention(grouped):
    # seeds 001 names "a short-term ceasefire – lasting two to three days" and quotes it back:
    # "This whole ‘two or three days’ game". The quote has no subject and no modal word, so it
    # joins the named, proposed ceasefire's group, and with it seed 000's "two to three days".
    proposed = group_of(grouped, "001", "two to three")["group_id"]
    assert group_of(grouped, "001", "two or three")["group_id"] == proposed
    assert group_of(grouped, "000", "two to three")["group_id"] == proposed


def test_a_quoted_figure_in_text_the_rule_was_not_written_for():
    # A figure printed once with its noun, then quoted back as a phrase (the general case of
    # the seeds' "two or three days" game), and a figure merely printed twice, which is two
    # quantities (BBC: "a 26% rise in profits" / "the dividend by 26%") and stays apart.
    body = (
        "The new government launched a 100-day programme of reform on Monday. "
        "Opposition leaders called the “100 days” a publicity stunt. "
        "Profits rose 26% last year. The board raised the dividend by 26% as well."
    )
    claims, _ = group_event(pl.DataFrame({"article_id": ["a"], "body": [body]}))
    hundred = claims.filter(pl.col("value") == 100)
    assert hundred.height == 2 and hundred["group_id"].n_unique() == 1
    shares = claims.filter(pl.col("kind") == "percent")
    assert shares.height == 2 and shares["group_id"].n_unique() == 2
