"""Normalize decoded files into articles (metadata + prose body) and the parts they came from.

A raw file is split into pieces (one per non-blank line, since both blank-line and single-
newline paragraphs occur; a prefix glued to a line, such as "date 2025-06-02 " or "Shafaq
News/ ", becomes its own piece). Each piece gets a role; the body is the `body` pieces that are
not repeats, joined with "\\n\\n". Every non-blank character of the raw file lands in exactly one
part, so the parts table loses nothing but whitespace.

Roles: title, masthead, header, dateline, byline, caption, credit, subheading, footer (also
page furniture inside the text: "Advertisement"), body.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

import polars as pl

from transforms.normalize import boilerplate as bp
from transforms.normalize.boilerplate import FOOTER_SOURCE, ORIGINAL_SOURCE
from transforms.normalize.metadata import (
    match_dateline,
    match_field,
    match_header,
    outlet_from_masthead,
    outlet_from_source,
    parse_byline,
    parse_date,
    split_names,
)
from transforms.text.folding import ascii_fold
from transforms.text.ids import stable_id

ROLES = (
    "body", "title", "masthead", "byline", "caption", "credit", "footer", "header",
    "dateline", "subheading",
)
ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "file_id": pl.String,
    "outlet": pl.String,
    "original_outlet": pl.String,
    "title": pl.String,
    "authors": pl.List(pl.String),
    "published_date": pl.Date,
    "dateline": pl.String,
    "body": pl.String,
    "word_count": pl.Int64,
}
PART_SCHEMA = {
    "part_id": pl.String,
    "article_id": pl.String,
    "position": pl.Int64,
    "role": pl.String,
    "text": pl.String,
    "is_repeat": pl.Boolean,
}
# A repeat shorter than this is more likely a refrain ("Yes.") than a paragraph printed twice.
_MIN_REPEAT_WORDS = 6
_MAX_SUBHEADING_WORDS = 10
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_TITLE_END_BAD = re.compile(r"(?<!\.\.)[.,;:][\"'”’]*$")


@dataclass
class Part:
    """One piece of the raw file with its role; `start`/`end` index the raw text."""

    role: str
    text: str
    start: int
    end: int
    block: int
    is_repeat: bool = False


@dataclass
class Article:
    """What `split_article` reads from one file's text."""

    parts: list[Part]
    outlet: str | None = None
    original_outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_date: dt.date | None = None
    dateline: str | None = None
    # Outlet evidence before it is resolved into outlet / original_outlet.
    publisher: str | None = None
    origin: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.parts if p.role == "body" and not p.is_repeat)


def paragraph_key(text: str) -> str:
    """Fold and drop punctuation: "Russia's" and "Russia’s" give the same key. HTML entities
    left in scraped text ("&#233;") are read as the characters they stand for."""
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", _NON_WORD.sub(" ", ascii_fold(text))).strip()


def _lines(text: str) -> list[Part]:
    """Non-blank lines as untyped parts, with offsets of the stripped text and a block number
    that grows at every blank line."""
    lines: list[Part] = []
    block, offset = 0, 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(Part("", stripped, start, start + len(stripped), block))
        else:
            block += 1
        offset += len(raw)
    return lines


def _split_prefix(line: Part, prefix: str, role: str) -> tuple[Part, Part | None]:
    """Cut `prefix` off `line`: the prefix part, and the rest (None if nothing is left)."""
    head = Part(role, prefix.strip(), line.start, line.start + len(prefix.rstrip()), line.block)
    rest_text = line.text[len(prefix) :]
    rest = rest_text.strip()
    if not rest:
        return head, None
    start = line.start + len(prefix) + rest_text.index(rest[0])
    return head, Part("", rest, start, start + len(rest), line.block)


def _block_is_masthead(lines: list[Part], block: int) -> bool:
    """A paragraph of short lines with a newspaper name, founding date or site chrome."""
    members = [line.text for line in lines if line.block == block]
    return any(bp.is_masthead_signal(t) for t in members) and all(
        bp.is_masthead_line(t) or bp.is_chrome(t) for t in members
    )


def _alone_in_block(lines: list[Part], index: int) -> bool:
    block = lines[index].block
    before = index > 0 and lines[index - 1].block == block
    after = index + 1 < len(lines) and lines[index + 1].block == block
    return not before and not after


def _is_title(lines: list[Part], index: int, text: str) -> bool:
    words = bp.word_count(text)
    return (
        0 < words <= 20
        and not _TITLE_END_BAD.search(text)
        and bp.starts_like_heading(text)
        and index + 1 < len(lines)
        # Own paragraph, or (in files paragraphed by single newlines) followed by prose.
        and (_alone_in_block(lines, index) or bp.is_prose(lines[index + 1].text))
    )


def _boilerplate_role(text: str) -> str | None:
    """Roles that can occur anywhere in the file."""
    if bp.is_footer(text):
        return "footer"
    if bp.is_caption(text):
        return "caption"
    if bp.is_standalone_credit(text):
        return "credit"
    if parse_byline(text) is not None:
        return "byline"
    if bp.is_chrome(text):
        # Page furniture ("Advertisement", "Share") inside the text: the warehouse's role
        # list has no better name for it than footer.
        return "footer"
    return None


def _is_subheading(parts: list[Part], lines: list[Part], index: int) -> bool:
    """A short heading line between two prose paragraphs ("Strain on peace").

    Lists (fixtures, bullet points) and fragments left by stripped links ("Double Olympic
    champion" then "marked her first appearance ...") are body: a subheading's neighbours are
    prose and the next paragraph starts with a capital.
    """
    text = lines[index].text
    if not bp.is_heading_shape(text) or bp.word_count(text) > _MAX_SUBHEADING_WORDS:
        return False
    previous = parts[-1] if parts else None
    if previous is None or previous.role != "body" or not bp.is_prose(previous.text):
        return False
    if index + 1 >= len(lines) or not text[0].isupper():
        return False
    following = lines[index + 1].text
    return bp.is_prose(following) and (following[0].isupper() or following[0] in "\"'“‘")


def split_article(text: str) -> Article:
    """Split one decoded file into role-tagged parts and the metadata they state."""
    lines = _lines(text)
    parts: list[Part] = []
    article = Article(parts=parts)
    in_body = False
    index = 0
    pending: Part | None = None
    while index < len(lines) or pending is not None:
        line = pending if pending is not None else lines[index]
        first_piece = pending is None
        pending = None
        if not in_body:
            header = match_header(line.text)
            if header is not None:
                head, rest = _split_prefix(line, header[0], "header")
                parts.append(head)
                if article.published_date is None:
                    article.published_date = header[1]
                if rest is not None:
                    pending = rest
                    continue
                index += 1
                continue
            field_match = match_field(line.text)
            if field_match is not None:
                line.role = "header"
                parts.append(line)
                _apply_field(article, *field_match)
                index += 1
                continue
        if not in_body and first_piece and article.title is None and (
            _block_is_masthead(lines, line.block)
        ):
            # Site chrome ("Arrow-right Camera") printed with the masthead is part of it.
            role = "masthead"
        else:
            role = _boilerplate_role(line.text)
        if role is None and not in_body:
            if first_piece and article.title is None and _is_title(lines, index, line.text):
                role = "title"
                article.title = line.text
            elif bp.is_heading_shape(line.text) and not bp.is_prose(line.text):
                role = "subheading"  # a kicker or deck above the first paragraph
            else:
                in_body = True
                dateline = match_dateline(line.text)
                if dateline is not None:
                    head, rest = _split_prefix(line, dateline.prefix, "dateline")
                    parts.append(head)
                    article.dateline = dateline.place
                    # "Shafaq News/ " is the publisher's own house style; "ISTANBUL (AP) —"
                    # names the agency the story came from.
                    if "/" in dateline.prefix:
                        article.publisher = article.publisher or dateline.source
                    else:
                        article.origin = article.origin or dateline.source
                    if rest is None:
                        index += 1
                        continue
                    line = rest
                role = "body"
        elif role is None:
            role = "subheading" if _is_subheading(parts, lines, index) else "body"
        tag = bp.agency_tag_start(line.text) if role in ("body", "caption") else None
        if tag is not None:
            prose, credit = _split_prefix(line, line.text[:tag], "body")
            parts.append(prose)
            in_body = True
            if credit is not None:
                credit.role = "credit"
                parts.append(credit)
            index += 1
            continue
        line.role = role
        parts.append(line)
        index += 1
    _mark_repeats(parts)
    _fill_metadata(article)
    return article


def _apply_field(article: Article, key: str, value: str) -> None:
    """Metadata stated by a "key: value" header line; the first statement of each wins."""
    if key == "title":
        article.title = article.title or value
    elif key == "authors":
        article.authors = article.authors or split_names(value)
    elif key == "outlet":
        article.publisher = article.publisher or outlet_from_source(value)
    elif key == "dateline":
        article.dateline = article.dateline or value
    elif key == "date" and article.published_date is None:
        article.published_date = parse_date(value)


def _mark_repeats(parts: list[Part]) -> None:
    seen: set[tuple[str, str]] = set()
    for part in parts:
        if part.role not in ("body", "caption", "subheading"):
            continue
        # Lists repeat their labels ("Winners meet in final match" under each tie); only a
        # prose paragraph printed twice is a repeat.
        if part.role == "body" and (
            bp.word_count(part.text) < _MIN_REPEAT_WORDS or not bp.is_prose(part.text)
        ):
            continue
        key = (part.role, paragraph_key(part.text))
        part.is_repeat = key in seen
        seen.add(key)


def _fill_metadata(article: Article) -> None:
    publisher, origin = article.publisher, article.origin
    for part in article.parts:
        if part.role == "masthead" and publisher is None:
            if bp.is_masthead_name(part.text):
                publisher = outlet_from_masthead(part.text)
        elif part.role == "byline":
            byline = parse_byline(part.text)
            if byline is not None:
                if not article.authors:
                    article.authors = byline.authors
                origin = origin or byline.outlet
        elif part.role == "footer":
            full = FOOTER_SOURCE.match(part.text)
            if full and publisher is None:
                publisher = outlet_from_source(full.group("src"))
            original = ORIGINAL_SOURCE.match(part.text)
            if original and origin is None:
                origin = outlet_from_source(original.group("src"))
    if publisher is None:
        article.outlet, article.original_outlet = origin, None
    else:
        article.outlet = publisher
        same = origin is not None and paragraph_key(origin) == paragraph_key(publisher)
        article.original_outlet = None if same else origin


def normalize_articles(files: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Articles and their parts from decoded files (columns file_id, path, text).

    Returns (articles, article_parts) with the columns of ARTICLE_SCHEMA and PART_SCHEMA; one
    article per input row, in input order. Never drops a row: a file with no prose gets an
    empty body (word_count 0) so the validation stage can flag it.
    """
    article_rows: dict[str, list[object]] = {name: [] for name in ARTICLE_SCHEMA}
    part_rows: dict[str, list[object]] = {name: [] for name in PART_SCHEMA}
    for file_id, text in zip(files["file_id"].to_list(), files["text"].to_list(), strict=True):
        article = split_article(text or "")
        article_id = stable_id("art", file_id)
        body = article.body
        values = (
            article_id, file_id, article.outlet, article.original_outlet, article.title,
            article.authors, article.published_date, article.dateline, body, len(body.split()),
        )
        for name, value in zip(ARTICLE_SCHEMA, values, strict=True):
            article_rows[name].append(value)
        for position, part in enumerate(article.parts):
            row = (
                stable_id("prt", article_id, position), article_id, position, part.role,
                part.text, part.is_repeat,
            )
            for name, value in zip(PART_SCHEMA, row, strict=True):
                part_rows[name].append(value)
    return (
        pl.DataFrame(article_rows, schema=ARTICLE_SCHEMA),
        pl.DataFrame(part_rows, schema=PART_SCHEMA),
    )
