"""The outlet a URL names: its registered domain, shown as the outlet's usual name when known.

A scraped file often starts with the address it was fetched from (every ECB+ `*ecbplus.txt`
file does). The registered domain comes from tldextract with its bundled public suffix
snapshot (no network at run time: `suffix_list_urls=()`, no disk cache), so "news.bbc.co.uk"
and "www.bbc.co.uk" are both "bbc.co.uk", and "articles.latimes.com" is "latimes.com".
"""

from __future__ import annotations

import re

import tldextract

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# A URL alone on a line, the scheme optional when the host starts with "www.".
_URL = re.compile(r"(?:https?://|www\.)[^\s/]+\.[^\s/]+(?:/\S*)?", re.IGNORECASE)
# Detokenized corpora space out the punctuation of a URL ("https: / / www. commondreams.
# org / newswire"; 2 of the 502 ECB+ URL lines): a line that starts with a scheme so spaced is
# read with its spaces removed.
_SPACED_SCHEME = re.compile(r"^https?\s*:\s*/\s*/\s*\S", re.IGNORECASE)

# Readable names of news sites, keyed by host or registered domain. A key may be a host below
# the registered domain when that host is an outlet of its own ("espn.go.com" is ESPN, not
# Disney's go.com). Chosen from the hosts of the 502 ECB+ URL lines: every domain there with
# two or more articles whose name is not its domain spelled out, plus the usual agencies and
# papers (command in the README, "Outlets from URLs").
OUTLET_NAMES = {
    "ap.org": "Associated Press",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "cbc.ca": "CBC News",
    "cbslocal.com": "CBS Local",
    "cnet.com": "CNET",
    "cnn.com": "CNN",
    "dailymail.co.uk": "Daily Mail",
    "deseretnews.com": "Deseret News",
    "eonline.com": "E! Online",
    "espn.go.com": "ESPN",
    "examiner.com": "Examiner.com",
    "foxnews.com": "Fox News",
    "ft.com": "Financial Times",
    "hindustantimes.com": "Hindustan Times",
    "hollywoodreporter.com": "The Hollywood Reporter",
    "huffingtonpost.com": "HuffPost",
    "ibtimes.com": "International Business Times",
    "indianexpress.com": "The Indian Express",
    "inquirer.net": "Philippine Daily Inquirer",
    "itv.com": "ITV News",
    "latimes.com": "Los Angeles Times",
    "metro.co.uk": "Metro",
    "mirror.co.uk": "Daily Mirror",
    "nbcnews.com": "NBC News",
    "nbcphiladelphia.com": "NBC Philadelphia",
    "nbcsports.com": "NBC Sports",
    "ndtv.com": "NDTV",
    "news.com.au": "news.com.au",
    "npr.org": "NPR",
    "nydailynews.com": "New York Daily News",
    "nypost.com": "New York Post",
    "nytimes.com": "The New York Times",
    "pcworld.com": "PCWorld",
    "reuters.com": "Reuters",
    "sky.com": "Sky News",
    "sports.yahoo.com": "Yahoo Sports",
    "stuff.co.nz": "Stuff",
    "telegraph.co.uk": "The Telegraph",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "thehindu.com": "The Hindu",
    "time.com": "Time",
    "upi.com": "UPI",
    "usatoday.com": "USA Today",
    "utsandiego.com": "U-T San Diego",
    "voices.yahoo.com": "Yahoo Voices",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "zdnet.com": "ZDNet",
}

# Hosts of many independent blogs, one per subdomain: the blog is the outlet, not the host
# (in the 502 ECB+ URL lines, 11 different blogs on blogspot.nl and one on wordpress.com;
# the bundled public suffix list does not list blogspot.nl as a private suffix).
BLOG_HOSTS = frozenset({"blogspot", "wordpress", "tumblr", "typepad", "livejournal"})


def url_of_line(line: str) -> str | None:
    """The URL a line consists of ("http://www.bbc.co.uk/news/...", or spaced out by a
    detokenizer), or None when the line is anything else."""
    text = line.strip()
    if _SPACED_SCHEME.match(text):
        text = re.sub(r"\s+", "", text)
    return text if _URL.fullmatch(text) else None


def registered_domain(url: str) -> str | None:
    """ "latimes.com" for "http://articles.latimes.com/2013/may/03/..."; None without one."""
    return _EXTRACT(url).top_domain_under_public_suffix or None


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL names: the name OUTLET_NAMES gives its host (most specific host part
    first), else its registered domain, or the blog's own host on a blog platform; None when
    the URL has no registered domain."""
    parts = _EXTRACT(url)
    domain = parts.top_domain_under_public_suffix
    if not domain:
        return None
    if parts.domain.casefold() in BLOG_HOSTS and parts.subdomain not in ("", "www"):
        return f"{parts.subdomain.rsplit('.', 1)[-1]}.{domain}".casefold()
    host = parts.fqdn.casefold()
    labels = host.split(".")
    for start in range(len(labels) - domain.count(".")):
        name = OUTLET_NAMES.get(".".join(labels[start:]))
        if name is not None:
            return name
    return domain.casefold()
