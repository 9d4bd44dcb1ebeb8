"""HTML input: recognise a saved web page and extract its article text and metadata.

Pure: decoded text in, article text and the metadata the page states out. The extraction is
trafilatura's (main-content detection that drops navigation, cookie banners, scripts and
sidebars such as "Most read"); the article text it returns goes through the normal split, so
the body is the extracted text and every offset indexes it exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath

import trafilatura

from transforms.normalize.metadata import outlet_from_source, split_names

HTML_SUFFIXES = (".html", ".htm")
# The text of the article_parts row that records the extraction; the ingest rules read it to
# tell "HTML page with no article text" from a plain file without prose.
EXTRACTION_NOTE = f"extracted from HTML by trafilatura {trafilatura.__version__}"
NO_ARTICLE_TEXT = "HTML page with no article text"

_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Markup in a .txt that does not start like a page (a fragment from <header> or <div>): measured
# here, not one of the 3,212 seed, BBC and ECB+ files holds a single tag, so either rule keeps
# a wide margin: 10 tags, or tags making a tenth of the non-space characters.
_MIN_TAGS = 10
_MIN_TAG_SHARE = 0.10
_MIN_TAGS_FOR_SHARE = 2
_SCAN_CHARS = 100_000
# The date only from the page's own markup (meta tags, <time>, JSON-LD), never guessed from
# the text, and with a fixed upper bound: trafilatura's default bound is today, which would
# make one file's date depend on the day it is run.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}


@dataclass(frozen=True)
class HtmlArticle:
    """What a page states: `text` is the extracted article text ("" when it has none)."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_date: dt.date | None = None
    outlet: str | None = None


def is_html(text: str, path: str | None = None) -> bool:
    """Whether a decoded file is a web page: a .html/.htm name, a document that starts like
    one (`<!DOCTYPE html`, `<html`), or text with a high share of tags."""
    if path is not None and PurePath(path).suffix.casefold() in HTML_SUFFIXES:
        return True
    head = text[:_SCAN_CHARS]
    if _START.match(head):
        return True
    tags = _TAG.findall(head)
    if len(tags) >= _MIN_TAGS:
        return True
    if len(tags) < _MIN_TAGS_FOR_SHARE:
        return False
    tag_chars = sum(len("".join(tag.split())) for tag in tags)
    return tag_chars >= _MIN_TAG_SHARE * len("".join(head.split()))


def extract_html(text: str) -> HtmlArticle:
    """The article text and metadata of a page (empty text when it has no article)."""
    document = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        # Precision over recall: a cookie banner or a nav bar alone is no article.
        favor_precision=True,
        include_comments=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is None or not (document.text or "").strip():
        return HtmlArticle(text="")
    site = document.sitename or document.hostname
    return HtmlArticle(
        text=document.text,
        title=_clean(document.title),
        authors=split_names(document.author) if _clean(document.author) else [],
        published_date=_date(document.date),
        outlet=outlet_from_source(site) if _clean(site) else None,
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
