"""Text to safe HTML: escaping, span markup from character offsets, and number display.

Promise: every character of source text passes through `html.escape` exactly once; markup is
only ever the tags built here. Spans come from offsets into the original string (Python string
indices, as the warehouse stores them), so a highlight is exactly the stored slice, never a
search for the text.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass

esc = html.escape


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of a text to wrap in `open_tag` ... `close_tag`.

    `rank` breaks ties between spans with the same range: the lower rank is the outer tag.
    """

    start: int
    end: int
    open_tag: str
    close_tag: str
    rank: int = 0


def mark_spans(text: str, spans: Iterable[Span]) -> tuple[str, int]:
    """`text` escaped, with each span wrapped in its tags; returns (html, spans left out).

    HTML elements must nest, so a span that crosses one already open (overlaps it without
    lying inside it), or whose offsets fall outside the text, is left out and counted: the
    page can say so instead of silently producing broken markup.
    """
    out: list[str] = []
    stack: list[Span] = []
    pos = 0
    skipped = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(esc(text[pos : top.end]))
            out.append(top.close_tag)
            pos = top.end

    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.rank)):
        if not (0 <= span.start < span.end <= len(text)):
            skipped += 1
            continue
        close_until(span.start)
        if stack and span.end > stack[-1].end:
            skipped += 1
            continue
        out.append(esc(text[pos : span.start]))
        out.append(span.open_tag)
        pos = span.start
        stack.append(span)
    close_until(len(text))
    out.append(esc(text[pos:]))
    return "".join(out), skipped


def highlight(sentence: str | None, sentence_start: int | None, start: int, end: int) -> str:
    """The sentence escaped with the claim's characters in <mark>.

    The claim's offsets index the article body; the sentence starts at `sentence_start` in the
    same body, so the quote sits at start - sentence_start inside the sentence.
    """
    if sentence is None or sentence_start is None:
        return ""
    span = Span(start - sentence_start, end - sentence_start, "<mark>", "</mark>")
    marked, _ = mark_spans(sentence, [span])
    return marked


def _number(value: float) -> str:
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    # Enough digits to tell 997.79 km from 1,000 km, no float noise (0.18000000000000002).
    digits = 2 if abs(value) >= 1 else 4
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def fmt_value(value: float | None, unit: str | None) -> str:
    """A normalized value for display: shares as percent, counts with thousands separators."""
    if value is None:
        return "—"
    if unit == "share":
        return f"{_number(value * 100)} %"
    return f"{_number(value)} {unit}" if unit else _number(value)


def fmt_interval(low: float | None, high: float | None, unit: str | None) -> str:
    """An interval where NULL means unbounded on that side, as the warehouse stores it."""
    if low is None and high is None:
        return "any value"
    if high is None:
        return f"≥ {fmt_value(low, unit)}"
    if low is None:
        return f"≤ {fmt_value(high, unit)}"
    if math.isclose(low, high, rel_tol=1e-12, abs_tol=1e-12):
        return fmt_value(low, unit)
    return f"{fmt_value(low, unit)} – {fmt_value(high, unit)}"
