"""Split one decoded file into role-tagged parts and the metadata they state.

A raw file is split into pieces (one per non-blank line, since both blank-line and single-
newline paragraphs occur; a prefix glued to a line, such as "date 2025-06-02 " or "Shafaq
News/ ", becomes its own piece). Each piece gets a role; the body is the `body` pieces that are
not repeats, joined with "\\n\\n". Every non-blank character of the raw file lands in exactly one
part, so the parts table loses nothing but whitespace.

Roles: url (a first line that is only the page's address), title, masthead, header, dateline,
byline, caption, credit, subheading, footer (also page furniture inside the text:
"Advertisement"), body.
"""

from __future__ import annotations

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
from transforms.normalize.parts import Article, Part, lines_of, paragraph_key, split_prefix
from transforms.normalize.roles import (
    block_is_masthead,
    boilerplate_role,
    is_subheading,
    is_title,
)
from transforms.normalize.urls import outlet_from_url, url_of_line

# A repeat shorter than this is more likely a refrain ("Yes.") than a paragraph printed twice.
_MIN_REPEAT_WORDS = 6


class _Splitter:
    """One pass over a file's lines: header lines first, then title/kicker, then the body."""

    def __init__(self, text: str) -> None:
        self.lines = lines_of(text)
        self.parts: list[Part] = []
        self.article = Article(parts=self.parts)
        self.in_body = False

    def run(self) -> Article:
        self._url_line()
        index = 0
        pending: Part | None = None
        while index < len(self.lines) or pending is not None:
            line = pending if pending is not None else self.lines[index]
            first_piece = pending is None
            pending = None
            if not self.in_body:
                handled, pending = self._header(line)
                if handled:
                    if pending is None:
                        index += 1
                    continue
            self._place(line, index, first_piece)
            index += 1
        _mark_repeats(self.parts)
        _fill_metadata(self.article)
        return self.article

    def _url_line(self) -> None:
        """A first line that is only a URL is the page's address: a `url` part, and the outlet
        it names. It leaves the lines, so the title and date below it read as a file's first
        lines do."""
        url = url_of_line(self.lines[0].text) if self.lines else None
        if url is None:
            return
        line = self.lines.pop(0)
        line.role = "url"
        self.parts.append(line)
        self.article.url = url
        self.article.url_outlet = outlet_from_url(url)

    def _header(self, line: Part) -> tuple[bool, Part | None]:
        """A date header or a "key: value" field: (handled, the rest of the line if any)."""
        header = match_header(line.text)
        if header is not None:
            head, rest = split_prefix(line, header[0], "header")
            self.parts.append(head)
            if self.article.published_date is None:
                self.article.published_date = header[1]
            return True, rest
        field_match = match_field(line.text)
        if field_match is not None:
            line.role = "header"
            self.parts.append(line)
            _apply_field(self.article, *field_match)
            return True, None
        return False, None

    def _role(self, line: Part, index: int, first_piece: bool) -> tuple[str, Part | None]:
        """The role of `line`, and the line left to place (None: a dateline consumed it)."""
        article = self.article
        if (
            not self.in_body
            and first_piece
            and article.title is None
            and block_is_masthead(self.lines, line.block)
        ):
            # Site chrome ("Arrow-right Camera") printed with the masthead is part of it.
            return "masthead", line
        role = boilerplate_role(line.text)
        if role is not None:
            return role, line
        if self.in_body:
            return ("subheading" if is_subheading(self.parts, self.lines, index) else "body"), line
        if first_piece and article.title is None and is_title(self.lines, index, line.text):
            article.title = line.text
            return "title", line
        if bp.is_heading_shape(line.text) and not bp.is_prose(line.text):
            return "subheading", line  # a kicker or deck above the first paragraph
        self.in_body = True
        return "body", self._dateline(line)

    def _dateline(self, line: Part) -> Part | None:
        """Cut a dateline off the first body line; the rest of the line (None if nothing)."""
        dateline = match_dateline(line.text)
        if dateline is None:
            return line
        head, rest = split_prefix(line, dateline.prefix, "dateline")
        self.parts.append(head)
        self.article.dateline = dateline.place
        # "Shafaq News/ " is the publisher's own house style; "ISTANBUL (AP) —" names the
        # agency the story came from.
        if "/" in dateline.prefix:
            self.article.publisher = self.article.publisher or dateline.source
        else:
            self.article.origin = self.article.origin or dateline.source
        return rest

    def _place(self, line: Part, index: int, first_piece: bool) -> None:
        role, piece = self._role(line, index, first_piece)
        if piece is None:
            return
        tag = bp.agency_tag_start(piece.text) if role in ("body", "caption") else None
        if tag is None:
            piece.role = role
            self.parts.append(piece)
            return
        # "... the talks, Umerov said. (AP)": the prose is body, the agency tag a credit.
        prose, credit = split_prefix(piece, piece.text[:tag], "body")
        self.parts.append(prose)
        self.in_body = True
        if credit is not None:
            credit.role = "credit"
            self.parts.append(credit)


def split_article(text: str) -> Article:
    """Split one decoded file into role-tagged parts and the metadata they state."""
    return _Splitter(text).run()


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
    # The address the page was fetched from names its publisher more surely than a masthead or
    # footer in the text (a syndicating site's URL names that site, the byline the origin).
    publisher = article.url_outlet or publisher
    if publisher is None:
        article.outlet, article.original_outlet = origin, None
    else:
        article.outlet = publisher
        same = origin is not None and paragraph_key(origin) == paragraph_key(publisher)
        article.original_outlet = None if same else origin
