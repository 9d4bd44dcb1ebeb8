"""Which role a line of a raw file plays: masthead, title, subheading, boilerplate or body."""

from __future__ import annotations

import re

from transforms.normalize import boilerplate as bp
from transforms.normalize.metadata import match_header, parse_byline
from transforms.normalize.parts import Part

_MAX_SUBHEADING_WORDS = 10
_TITLE_END_BAD = re.compile(r"(?<!\.\.)[.,;:][\"'”’]*$")


def block_is_masthead(lines: list[Part], block: int) -> bool:
    """A paragraph of short lines with a newspaper name, founding date or site chrome."""
    members = [line.text for line in lines if line.block == block]
    return any(bp.is_masthead_signal(t) for t in members) and all(
        bp.is_masthead_line(t) or bp.is_chrome(t) for t in members
    )


def _alone_in_block(lines: list[Part], index: int) -> bool:
    """No other line in its paragraph, a date line aside: a headline printed over its date
    ("Lindsay Lohan checks into Betty Ford Center" then "May 03, 2013", as scraped pages put
    them) is still a paragraph of its own."""
    block = lines[index].block

    def prose_neighbour(other: int) -> bool:
        return (
            0 <= other < len(lines)
            and lines[other].block == block
            and match_header(lines[other].text) is None
        )

    return not prose_neighbour(index - 1) and not prose_neighbour(index + 1)


def is_title(lines: list[Part], index: int, text: str) -> bool:
    words = bp.word_count(text)
    return (
        0 < words <= 20
        and not _TITLE_END_BAD.search(text)
        and bp.starts_like_heading(text)
        and index + 1 < len(lines)
        # Own paragraph, or (in files paragraphed by single newlines) followed by prose.
        and (_alone_in_block(lines, index) or bp.is_prose(lines[index + 1].text))
    )


def boilerplate_role(text: str) -> str | None:
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


def is_subheading(parts: list[Part], lines: list[Part], index: int) -> bool:
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
