"""A first line that is a URL: a `url` part, the outlet it names, and the title and date below."""

from __future__ import annotations

import datetime as dt

import polars as pl

from transforms.normalize.articles import normalize_articles
from transforms.normalize.split import split_article
from transforms.normalize.urls import outlet_from_url, registered_domain, url_of_line

# Written for this test in the shape of an ECB+ `*ecbplus.txt` file: URL, title, date, body.
SCRAPED = """\
http://news.bbc.co.uk/2/hi/asia-pacific/7000001.stm
Strong earthquake shakes eastern Indonesia
Tuesday, 16 December 2008 13:45

A strong earthquake struck off the coast of eastern Indonesia on Tuesday, the country's \
meteorology agency said, but there were no immediate reports of damage.

The quake had a magnitude of 6.1 and struck at a depth of 35 kilometres, officials said.
"""


def test_url_line_is_a_part_and_names_the_outlet():
    article = split_article(SCRAPED)
    assert [(p.role, p.text[:22]) for p in article.parts] == [
        ("url", "http://news.bbc.co.uk/"),
        ("title", "Strong earthquake shak"),
        ("header", "Tuesday, 16 December 2"),
        ("body", "A strong earthquake st"),
        ("body", "The quake had a magnit"),
    ]
    assert article.url == "http://news.bbc.co.uk/2/hi/asia-pacific/7000001.stm"
    assert article.outlet == "BBC News"
    assert article.title == "Strong earthquake shakes eastern Indonesia"
    assert article.published_date == dt.date(2008, 12, 16)
    assert "http" not in article.body


def test_url_outlet_column_and_provenance():
    files = pl.DataFrame({"file_id": ["f1"], "path": ["1/x.txt"], "text": [SCRAPED]})
    articles, _ = normalize_articles(files)
    row = articles.row(0, named=True)
    assert (row["outlet"], row["outlet_key"], row["url"]) == (
        "BBC News",
        "BBC News",
        "http://news.bbc.co.uk/2/hi/asia-pacific/7000001.stm",
    )
    sources = row["metadata_sources"]
    assert (sources["outlet"], sources["url"], sources["title"], sources["authors"]) == (
        "url",
        "text",
        "text",
        None,
    )


def test_registered_domain_comes_from_the_bundled_public_suffix_list():
    assert registered_domain("http://articles.latimes.com/2013/may/03/x") == "latimes.com"
    assert registered_domain("http://www.stuff.co.nz/world/1") == "stuff.co.nz"
    assert registered_domain("http://localhost/x") is None


def test_outlet_names_most_specific_host_first_else_the_domain():
    assert outlet_from_url("http://sports.espn.go.com/nba/news") == "ESPN"  # not go.com
    assert outlet_from_url("http://usatoday30.usatoday.com/news/x") == "USA Today"
    assert outlet_from_url("http://www.mybroadband.co.za/news/x") == "mybroadband.co.za"
    assert outlet_from_url("http://localhost/x") is None
    # Each blog on a blog host is an outlet of its own.
    assert outlet_from_url("http://joyofsox.blogspot.nl/2013/x") == "joyofsox.blogspot.nl"
    assert outlet_from_url("http://www.blogspot.com/") == "blogspot.com"


def test_a_spaced_out_url_is_read_and_prose_is_not_a_url():
    spaced = "https: / / www. commondreams. org / newswire / 2009 / 04 / 27-1"
    assert url_of_line(spaced) == "https://www.commondreams.org/newswire/2009/04/27-1"
    assert url_of_line("Read more at http://www.bbc.co.uk/news") is None
    assert url_of_line("www.thehill.com") == "www.thehill.com"
    assert url_of_line("Mr.Smith went to Washington") is None


def test_a_url_below_the_first_line_stays_where_it_is():
    text = "Quake hits Indonesia\n\nhttp://www.bbc.co.uk/news/1\n\nA quake struck on Tuesday."
    article = split_article(text)
    assert "url" not in [p.role for p in article.parts]
    assert article.url is None
