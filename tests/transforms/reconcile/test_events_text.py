"""Events from the text: the seeds stay one story, look-alike stories stay apart, a bridging
article does not chain two stories, and relative dates resolve against the stated date."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tests.conftest import SEEDS
from transforms.ingest.decode import decode_bytes
from transforms.normalize.articles import normalize_articles
from transforms.reconcile.event_dates import event_date, relative_dates, resolve_relative
from transforms.reconcile.events import SCALE_FLOOR, THRESHOLD, group_events, scored_pairs
from transforms.reconcile.linkage import average_linkage

NO_MENTIONS = pl.DataFrame(
    schema={"article_id": pl.String, "entity_id": pl.String, "label": pl.String}
)
NO_ENTITIES = pl.DataFrame(schema={"entity_id": pl.String, "name": pl.String})

FESTIVAL = """\
Harbour festival draws record crowds

More than 40,000 visitors came to the Bristol harbour festival over the weekend, organisers \
said, with 300 boats on the water and three stages of music.

Mayor Marvin Rees said the festival would return next July for its 50th edition.
"""


def articles(rows: list[tuple[str, str, str]], dates: list[date | None] | None = None):
    """An articles frame (article_id, outlet_key, published_date, title, body)."""
    return pl.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "outlet_key": [f"outlet-{r[0]}" for r in rows],
            "published_date": dates or [None] * len(rows),
            "title": [r[1] for r in rows],
            "body": [r[2] for r in rows],
        },
        schema={
            "article_id": pl.String,
            "outlet_key": pl.String,
            "published_date": pl.Date,
            "title": pl.String,
            "body": pl.String,
        },
    )


def events_of(frame: pl.DataFrame) -> dict[str, str]:
    _, membership = group_events(frame, NO_MENTIONS, NO_ENTITIES)
    return dict(membership.rows())


def seed_articles(extra: dict[str, str]) -> pl.DataFrame:
    texts = {
        p.name: decode_bytes(p.read_bytes(), max_bytes=5_000_000).text for p in SEEDS.iterdir()
    }
    texts.update(extra)
    files = pl.DataFrame(
        {"file_id": list(texts), "path": list(texts), "text": list(texts.values())}
    )
    normalized = normalize_articles(files)[0]
    return normalized.with_columns(
        article_id=pl.col("file_id"), outlet_key=pl.col("file_id")
    ).select("article_id", "outlet_key", "published_date", "title", "body")


def test_the_five_seeds_are_one_event_by_their_text_alone():
    event = events_of(seed_articles({"900_festival.txt": FESTIVAL}))
    seeds = {event[p.name] for p in SEEDS.iterdir()}
    assert len(seeds) == 1
    assert event["900_festival.txt"] not in seeds


# Two earthquakes: the same kind of story, different places, months and numbers. Written here,
# not taken from a corpus, and undated, so only the words can keep them apart.
QUAKES = [
    ("q1", "Strong earthquake shakes central Chile",
     "A magnitude 7.1 earthquake struck central Chile near Valparaiso in March, killing at least "
     "12 people and toppling adobe homes in the port city. Chile's emergency office Onemi said "
     "aftershocks rattled Valparaiso and Vina del Mar through the night. President Gabriel "
     "Boric flew to Valparaiso to inspect the damage to the old hillside neighbourhoods."),
    ("q2", "Chile counts the dead after Valparaiso quake",
     "Rescuers in Valparaiso searched collapsed adobe homes on Tuesday after the magnitude 7.1 "
     "earthquake that hit central Chile. Onemi said 12 people were killed. Boric visited the "
     "hillside neighbourhoods of Valparaiso and Vina del Mar and promised aid to the port city."),
    ("q3", "Earthquake hits western Nepal",
     "A magnitude 6.4 earthquake struck western Nepal in October, killing at least 150 people in "
     "the Jajarkot and Rukum districts. Nepal's army flew rescuers by helicopter to remote "
     "villages where mud-brick houses collapsed. Prime Minister Pushpa Kamal Dahal travelled to "
     "Jajarkot with a medical team."),
    ("q4", "Nepal quake toll rises in Jajarkot",
     "Soldiers dug through collapsed mud-brick houses in Jajarkot and Rukum after the magnitude "
     "6.4 earthquake in western Nepal. The army said 150 people were killed and helicopters "
     "reached remote villages. Dahal visited Jajarkot with a medical team."),
]  # fmt: skip


# A corpus of other stories around them, as in any warehouse (the seeds and the festival):
# with only four articles every earthquake word would be in every article.
BACKGROUND = {"900_festival.txt": FESTIVAL}


def test_two_earthquakes_in_different_places_and_months_stay_apart():
    event = events_of(pl.concat([articles(QUAKES), seed_articles(BACKGROUND)]))
    assert event["q1"] == event["q2"]
    assert event["q3"] == event["q4"]
    assert event["q1"] != event["q3"]


def test_a_bridging_pair_does_not_merge_two_unrelated_clusters():
    # A~B strong, B~C strong, A and C share nothing: single link would make one cluster.
    label = average_linkage(3, [(0, 1, 0.9), (1, 2, 0.8)], threshold=0.5)
    assert label == [0, 0, 2]  # {A, B} against C averages (0.8 + 0) / 2 = 0.4 < 0.5
    assert average_linkage(3, [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.3)], 0.5) == [0, 0, 0]


# B names both earthquakes, one sentence each, in a story of its own: it is similar enough to
# each quake report to link to it on its own (the old rule joined links transitively).
REINSURERS = (
    "b", "Reinsurers brace for a costly year",
    "Reinsurers in Zurich and Munich warned on Tuesday that claims would rise this year. Swiss "
    "Re said the earthquake in central Chile near Valparaiso had damaged ports and adobe homes. "
    "Munich Re said the earthquake in western Nepal around Jajarkot had destroyed mud-brick "
    "houses. Both firms expect premiums for catastrophe cover to climb by a tenth at the "
    "January renewals, when brokers and underwriters renegotiate most property contracts.",
)  # fmt: skip


def test_an_article_naming_two_stories_does_not_chain_them_into_one_event():
    frame = pl.concat([articles([*QUAKES, REINSURERS]), seed_articles(BACKGROUND)])
    frame = frame.sort("article_id")
    pairs = scored_pairs(frame, NO_MENTIONS)
    row = {a: i for i, a in enumerate(frame["article_id"])}
    # Each link of the chain alone is above what an article without neighbours needs ...
    linked = pairs.filter(pl.col("i") == row["b"], pl.col("j").is_in([row["q1"], row["q3"]]))
    assert linked.height == 2
    assert (linked["similarity"] >= THRESHOLD * SCALE_FLOOR).all()
    # ... and yet the two earthquakes stay two events.
    event = events_of(frame)
    assert event["q1"] == event["q2"] != event["q3"] == event["q4"]


def test_stated_dates_far_apart_leave_words_to_decide():
    # A report that looks back at an event months later is still that event's (ECB+ counts
    # them so): the same story's words link across the gap ...
    same_story = events_of(articles(QUAKES[:2], [date(2024, 3, 2), date(2024, 5, 20)]))
    assert same_story["q1"] == same_story["q2"]
    # ... but stories of one kind in two places do not: here Chile's and Nepal's quakes,
    # weakened further by their dates.
    apart = events_of(articles([QUAKES[0], QUAKES[2]], [date(2024, 3, 2), date(2024, 3, 30)]))
    assert apart["q1"] != apart["q3"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Monday", date(2025, 6, 2)),  # stated Thursday 5 June 2025: the Monday before
        ("on Thursday", None),  # not a phrase on its own (the helper takes the day words)
        ("Thursday", date(2025, 6, 5)),  # the day itself
        ("last Thursday", date(2025, 5, 29)),
        ("next Monday", date(2025, 6, 9)),
        ("yesterday", date(2025, 6, 4)),
        ("tonight", date(2025, 6, 5)),
    ],
)
def test_relative_day_resolves_against_the_stated_date(phrase, expected):
    assert resolve_relative(phrase, date(2025, 6, 5)) == expected


def test_relative_dates_in_a_body():
    body = (
        "Russia and Ukraine met in Istanbul on Monday. Talks resume on Fridays, and "
        "Black Friday sales were not discussed; a monday meeting is a typo."
    )
    assert relative_dates(body, date(2025, 6, 4)) == [date(2025, 6, 2)]
    assert relative_dates(body, None) == []
    assert event_date(body, date(2025, 6, 4)) == date(2025, 6, 2)
    assert event_date("No day named here.", date(2025, 6, 4)) == date(2025, 6, 4)
