"""Read article metadata from the pieces that state it: headers, datelines, bylines, footers.

Nothing is guessed: a value comes from a piece whose shape says what it is ("date 2025-06-02",
"By A, B and C Outlet", "Read the full report at TheHill.com"), never from body prose or a
photo caption.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms.normalize.boilerplate import OUTLET_WORDS, has_outlet_word
from transforms.normalize.dates import parse_date

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DATE = (
    rf"(?P<date>{_WEEKDAY}(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}))"
)
_TIME = r"(?:[T ,]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
# "date 2025-06-02 Delegations from ..." (a header glued to the first sentence), or a line that
# is only "Published: June 2, 2025 10:15 BST".
HEADER = re.compile(
    rf"^(?P<label>(?:date|dated|published|updated|posted|last updated)(?: on)?)\s*[:\-]?\s*"
    rf"{_DATE}{_TIME}(?=\s|$)",
    re.IGNORECASE,
)
DATE_LINE = re.compile(rf"^{_DATE}{_TIME}$", re.IGNORECASE)
# "Title: ...", "Source: Reuters", "URL: https://..." lines some scrapers put above the text.
_FIELD = re.compile(
    r"^(?P<key>title|headline|authors?|byline|writer|source|publisher|publication|outlet|url|"
    r"link|dateline|location|date|published|updated)\s*:\s*(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
_FIELD_KEYS = {
    "title": "title",
    "headline": "title",
    "author": "authors",
    "authors": "authors",
    "byline": "authors",
    "writer": "authors",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "outlet": "outlet",
    "url": "outlet",
    "link": "outlet",
    "dateline": "dateline",
    "location": "dateline",
    "date": "date",
    "published": "date",
    "updated": "date",
}

# "Shafaq News/ Peace talks ..." or "Baghdad/ ..." : a source or place, then a slash.
_SLASH_DATELINE = re.compile(r"^(?P<head>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4}) ?/ +(?=\S)")
# "ISTANBUL (AP) — ", "KYIV, Ukraine, June 2 (Reuters) - ", "LONDON — ".
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*)?)"
    rf"(?:, (?P<date>{_MONTH} \d{{1,2}}))?"
    r"(?: \((?P<src>[^()]{1,40})\))? ?(?P<dash>[—–-]{1,2}|:) +(?=\S)"
)
# "Kyiv (Reuters) - ": a place in title case needs the source in brackets to count.
_TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+)?) \((?P<src>[^()]{1,40})\)"
    r" ?(?:[—–-]{1,2}|:) +(?=\S)"
)
_ACRONYMS = frozenset({"NATO", "UN", "EU", "US", "UK", "USA", "BBC", "CNN", "IMF", "WHO", "G7"})

_BYLINE = re.compile(r"^By:?\s+(?P<rest>\S.*)$")
_NAME_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# Name particles a byline name may hold. Narrower than transforms.text.lexicon.NAME_PARTICLES:
# kept as measured on the seeds and BBC bylines; widening it changes how a byline splits
# into names, which has not been measured.
_BYLINE_PARTICLES = frozenset(
    {"de", "da", "van", "von", "der", "del", "al", "el", "bin", "la", "le"}
)
# Domains whose names do not split cleanly from CamelCase or need their usual form.
_KNOWN_DOMAINS = {
    "nytimes": "The New York Times",
    "washingtonpost": "Washington Post",
    "wsj": "The Wall Street Journal",
    "bbc": "BBC",
    "cnn": "CNN",
    "apnews": "Associated Press",
    "reuters": "Reuters",
    "npr": "NPR",
    "ft": "Financial Times",
}
# Agency names too short or unusual for the outlet-word test.
_AGENCIES = frozenset({"AP", "AFP", "PA", "DPA", "ANSA", "EFE", "UPI"})
# Bylines that name a desk, not a person.
_DESKS = frozenset(
    {
        "staff",
        "staff writer",
        "staff reporter",
        "our correspondent",
        "correspondent",
        "reporter",
        "editorial board",
        "the editorial board",
        "news desk",
        "wire services",
    }
)
_SPECIAL_TO = re.compile(
    r"^(?:special|correspondent|contributor|reporting)\s+(?:to|for|at)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class Dateline:
    """A dateline prefix: `prefix` is the matched text; place and source as stated."""

    prefix: str
    place: str | None
    source: str | None


@dataclass(frozen=True)
class Byline:
    authors: list[str]
    outlet: str | None


def match_header(text: str) -> tuple[str, dt.date | None] | None:
    """The header at the start of `text` ("date 2025-06-02") and its date, or None. A line
    that is only a date with its label, weekday, time and zone in any order ("Published:
    10:15 AM, 5 May 2013", transforms.normalize.dates) is a header as a whole."""
    match = HEADER.match(text) or DATE_LINE.match(text)
    if match:
        return match.group(0), parse_date(match.group("date"))
    date = parse_date(text)
    return None if date is None else (text, date)


def match_field(text: str) -> tuple[str, str] | None:
    """("title" | "authors" | "outlet" | "dateline" | "date", value) of a "Key: value" line."""
    match = _FIELD.match(text)
    if not match:
        return None
    return _FIELD_KEYS[match.group("key").casefold()], match.group("value")


def split_names(text: str) -> list[str]:
    """ "Jane Doe, John Roe and Ann Lee" (or a byline "By ...") as a list of names."""
    byline = parse_byline(text if text.startswith("By ") else f"By {text}")
    if byline is not None:
        return byline.authors
    return [c.strip() for c in re.split(r"\s*(?:[,;&]|\band\b)\s*", text) if c.strip()]


def match_dateline(text: str) -> Dateline | None:
    """A dateline prefix on the first paragraph, or None."""
    match = _SLASH_DATELINE.match(text)
    if match:
        head = match.group("head")
        is_source = has_outlet_word(head)
        return Dateline(
            prefix=match.group(0).rstrip(),
            place=None if is_source else head,
            source=head if is_source else None,
        )
    match = _CAPS_DATELINE.match(text)
    if match:
        place = match.group("place")
        first = place.split(",")[0]
        plain = not match.group("src") and not match.group("date") and "," not in place
        # "NATO - the alliance ..." is a sentence, not a dateline; so is "US: ...".
        if first in _ACRONYMS or len(first.replace(" ", "")) < 3:
            return None
        if plain and match.group("dash") == ":":
            return None
        source = match.group("src")
        return Dateline(match.group(0).rstrip(), place, source.strip() if source else None)
    match = _TITLE_DATELINE.match(text)
    if match and _is_source_name(match.group("src")):
        return Dateline(match.group(0).rstrip(), match.group("place"), match.group("src"))
    return None


def _is_source_name(text: str) -> bool:
    return has_outlet_word(text) or text.strip() in _AGENCIES


def parse_byline(text: str) -> Byline | None:
    """Authors and outlet of "By Beril Eski, Mary Ilyushina and Serhiy Morgunov Washington Post".

    The outlet is what follows a "|", " - ", " for " or a last comma when that names an outlet
    ("By Jane Doe, Associated Press"), or else the tail of the last name made of outlet words
    ("Serhiy Morgunov Washington Post"). A byline naming only an outlet ("By Reuters") or a
    desk ("By Staff") has no authors. A sentence ("By Monday, the talks had collapsed.") is
    no byline: it ends with a full stop, or its chunks are not names.
    """
    match = _BYLINE.match(text.strip())
    if not match or len(text.split()) > 30:
        return None
    rest = match.group("rest").strip()
    if not rest[0].isupper():  # "By then, ..." ("Çağlar Yılmaz" is upper case too)
        return None
    if re.search(r"(?<![A-Z])(?<!Jr)(?<!Sr)[.!?]$", rest):  # "J." or "Jr." may end a byline
        return None
    outlet = None
    split = re.split(r"\s+(?:\||-|–|—|for)\s+", rest, maxsplit=1)
    if len(split) == 2:
        rest, outlet = split[0].strip(), _SPECIAL_TO.sub("", split[1].strip())
    elif "," in rest:
        head, tail = rest.rsplit(",", 1)
        tail = _SPECIAL_TO.sub("", tail.strip())
        if _is_outlet_name(tail):
            rest, outlet = head.strip(), tail
    chunks = [c for c in _NAME_SPLIT.split(rest) if c]
    if not chunks:
        return None
    if outlet is None:
        last, tail = _split_outlet_tail(chunks[-1], chunks[:-1])
        chunks[-1] = last
        outlet = tail
        if not last:
            chunks.pop()
    if not all(_looks_like_name(c) for c in chunks):
        return None
    desk = chunks and re.fullmatch(r"(?P<outlet>.+?)\s+(?:Staff|Reporters?|Wire)", chunks[-1])
    if desk and outlet is None and _all_outlet_words(desk.group("outlet")):
        outlet = desk.group("outlet")  # "By AP Staff"
        chunks.pop()
    authors = [c for c in chunks if c.casefold() not in _DESKS]
    return Byline(authors=authors, outlet=outlet)


def _is_outlet_name(chunk: str) -> bool:
    """ "Associated Press", "Reuters", "The Kyiv Independent" (not "Mary Ilyushina and Serhiy
    Morgunov Washington Post", whose outlet is split off the last name instead)."""
    words = chunk.split()
    if not words or re.search(r"\s(?:and|&)\s", chunk):
        return False
    return _all_outlet_words(chunk) or (
        words[0] == "The" and len(words) >= 2 and words[-1].casefold() in OUTLET_WORDS
    )


def _all_outlet_words(chunk: str) -> bool:
    words = chunk.casefold().split()
    return chunk in _AGENCIES or all(w in OUTLET_WORDS or w == "the" for w in words)


def _split_outlet_tail(chunk: str, others: list[str]) -> tuple[str, str | None]:
    """Split "Serhiy Morgunov Washington Post" into the name and the outlet after it.

    The words after the name are the run of outlet words at the end ("Associated Press"),
    plus any capitalised words that make the name longer than the byline's other names
    ("Washington" Post); particles ("de", "la") lengthen a name.
    """
    if _all_outlet_words(chunk):
        return "", chunk
    words = chunk.split()
    if len(words) < 3 or words[-1].casefold() not in OUTLET_WORDS:
        return chunk, None
    cut = len(words)
    while cut > 1 and (words[cut - 1].casefold() in OUTLET_WORDS or words[cut - 1] == "The"):
        cut -= 1
    lengths = sorted(len(o.split()) for o in others) or [2]
    typical = lengths[len(lengths) // 2]
    particles = sum(1 for w in words[:cut] if w.casefold() in _BYLINE_PARTICLES)
    cut = max(2, min(cut, typical + particles))
    if cut >= len(words):
        return chunk, None
    return " ".join(words[:cut]), " ".join(words[cut:])


def _looks_like_name(chunk: str) -> bool:
    """1-5 capitalised words, allowing particles ("de la") and prefixes ("al-Assad")."""
    words = chunk.split()
    return 1 <= len(words) <= 5 and all(
        w[0].isupper() or w.casefold() in _BYLINE_PARTICLES or w.split("-")[-1][:1].isupper()
        for w in words
    )


def outlet_from_source(text: str) -> str:
    """A readable outlet name from "TheHill.com", "www.nytimes.com" or "the Washington Post"."""
    text = text.strip().rstrip(".")
    domain = re.fullmatch(r"(?:https?://)?(?:www\.)?([\w-]+)(?:\.[a-z]{2,6})+/?\S*", text)
    if domain:
        stem = domain.group(1)
        if stem.casefold() in _KNOWN_DOMAINS:
            return _KNOWN_DOMAINS[stem.casefold()]
        if any(c.isupper() for c in stem[1:]):
            return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
        return stem.upper() if len(stem) <= 4 else stem.capitalize()
    return re.sub(r"^the\s+(?=[A-Z])", "", text)


def outlet_from_masthead(line: str) -> str:
    """The paper's name from a masthead line: "The Spokesman-Review Newspaper" -> without the
    generic trailing word."""
    return re.sub(
        r"\s+(?:Newspaper|Online|e-Edition|Digital Edition)$", "", line.strip(), flags=re.I
    )
