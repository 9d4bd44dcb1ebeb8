"""The pieces a raw file is cut into: role-tagged parts with offsets into the raw text."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

from transforms.text.folding import ascii_fold

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


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
    # The address a first line states (role `url`), and the outlet it names.
    url: str | None = None
    url_outlet: str | None = None
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


def lines_of(text: str) -> list[Part]:
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


def split_prefix(line: Part, prefix: str, role: str) -> tuple[Part, Part | None]:
    """Cut `prefix` off `line`: the prefix part, and the rest (None if nothing is left)."""
    head = Part(role, prefix.strip(), line.start, line.start + len(prefix.rstrip()), line.block)
    rest_text = line.text[len(prefix) :]
    rest = rest_text.strip()
    if not rest:
        return head, None
    start = line.start + len(prefix) + rest_text.index(rest[0])
    return head, Part("", rest, start, start + len(rest), line.block)
