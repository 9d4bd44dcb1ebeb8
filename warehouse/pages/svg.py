"""Draw the report's one chart form as inline SVG: labelled rows of intervals on a linear axis.

Written by hand, not with a plotting library: the report drew this chart with Altair and
vl-convert, which runs all of Vega in an embedded JavaScript engine for every chart: 73 ms a
chart here (`vl_convert.vegalite_to_svg` over 30 small charts, quiet 2-core machine), about
62 s of the 88 s report of a one-process 1x BBC run (about 850 charts), which kept that run
from the 1.2x wall target of issue 14. This form needs only a linear scale with round ticks,
rectangles, circles, a triangle and text, which SVG gives directly, so drawing it here takes
well under a millisecond (`benchmarks/bench_charts.py`).

The one thing a browser knows and this module guesses is how wide a label is: `text_width`
estimates it from per-character widths on the wide side of common sans-serif fonts (DejaVu
Sans, the widest of them), so labels are cut (with "…", the full text kept in the row's
tooltip) before they could leave the chart's left edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from warehouse.pages.markup import esc

ROW_HEIGHT = 26
PLOT_WIDTH = 560
LABEL_LIMIT = 300  # px: longer row labels are cut
FONT = 11
TITLE_FONT = 13
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
OWN_TEXT, WIRE_COPY, CONSENSUS = "#2b6cb0", "#dd8a2a", "#38a169"
INK, GRID, MUTED = "#1a202c", "#e2e8f0", "#4a5568"


@dataclass(frozen=True)
class Interval:
    """One row: a claim's compared interval, its value (a dot), whether its upper end is open
    (an arrowhead at the axis' end), whether it is a wire copy (its colour)."""

    label: str
    low: float
    high: float
    value: float | None
    open_high: bool
    wire: bool
    tooltip: str
    suffix: str = ""  # kept whole after `label` when the label is cut (" (2)": the second row)


@dataclass(frozen=True)
class Band:
    """The consensus: a shaded span across every row."""

    low: float
    high: float
    tooltip: str


# Widths in em, at or above DejaVu Sans' (wider than Arial or Segoe UI): a label estimated
# too wide is only cut a little early; one estimated too narrow would leave the chart.
_NARROW = frozenset("iljI.,:;'|!()[]ft ·“”‘’")
_WIDE = frozenset("mwMW@%—")
BOLD = 1.1  # bold text is about a tenth wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in px of `text` at font size `size`."""
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.42
        elif char in _WIDE:
            em += 1.0
        elif char.isupper():
            em += 0.8
        else:
            em += 0.65
    return em * size * (BOLD if bold else 1.0)


def fit(text: str, limit: float, size: float, bold: bool = False, suffix: str = "") -> str:
    """`text` + `suffix`, `text` cut with "…" so the whole is at most `limit` px wide."""
    if text_width(text + suffix, size, bold) <= limit:
        return text + suffix
    while text and text_width(text + "…" + suffix, size, bold) > limit:
        text = text[:-1]
    return text.rstrip() + "…" + suffix


def nice_ticks(low: float, high: float, count: int) -> tuple[list[float], int]:
    """About `count` round tick values (steps of 1, 2 or 5 times a power of ten) within
    [low, high], and the decimals their labels need."""
    raw = (high - low) / max(count, 1)
    if not (raw > 0 and math.isfinite(raw)):
        return [low], 0
    power = math.floor(math.log10(raw))
    step = next(m * 10.0**power for m in (1, 2, 5, 10) if m * 10.0**power >= raw * 0.999)
    first = math.ceil(low / step - 1e-9)
    ticks = []
    for index in range(first, first + count * 3):
        tick = index * step
        if tick > high + step * 1e-9:
            break
        ticks.append(round(tick, 12) + 0.0)  # + 0.0: no "-0"
    return ticks, max(0, -math.floor(math.log10(step) + 1e-9))


def _tick_label(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return "0" if float(value) == 0 else text


def tick_spacing(ticks: list[float], domain: tuple[float, float]) -> float:
    """Pixels between neighbouring ticks (the plot's width for a single tick)."""
    if len(ticks) < 2 or domain[1] <= domain[0]:
        return float(PLOT_WIDTH)
    return (ticks[1] - ticks[0]) * PLOT_WIDTH / (domain[1] - domain[0])


def axis_ticks(domain: tuple[float, float]) -> list[tuple[float, str]]:
    """Ticks whose labels do not crowd: fewer, wider steps until every label has room
    between its neighbours' ticks."""
    for count in (7, 6, 5, 4, 3, 2, 1):
        ticks, decimals = nice_ticks(*domain, count)
        labels = [_tick_label(t, decimals) for t in ticks]
        widest = max(text_width(label, FONT) for label in labels)
        if widest + 12 <= tick_spacing(ticks, domain):
            break
    return list(zip(ticks, labels, strict=True))


def _scale(domain: tuple[float, float], x0: float) -> Callable[[float], float]:
    low, high = domain
    span = (high - low) or 1.0

    def x(value: float) -> float:
        # Clamped: an unbounded end (or a value outside the padded domain) stops at the edge.
        # NaN never gets here (interval_chart draws no mark for it).
        if math.isinf(value):
            value = high if value > 0 else low
        return x0 + PLOT_WIDTH * min(max((value - low) / span, 0.0), 1.0)

    return x


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, size: int = FONT, **attrs: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attrs.items())
    return f'<text x="{_num(x)}" y="{_num(y)}" font-size="{size}"{extra}>{esc(text)}</text>'


def _row(row: Interval, middle: float, x: Callable[[float], float]) -> str:
    """One row's bar, value dot and open-end arrowhead, centred on `middle`, with its tooltip."""
    left, right = sorted((x(row.low), x(row.high)))
    if right - left < 2:  # a point interval: a 2 px bar centred on it
        left, right = (left + right) / 2 - 1, (left + right) / 2 + 1
    colour = WIRE_COPY if row.wire else OWN_TEXT
    parts = [
        f"<title>{esc(row.label + row.suffix)}: {esc(row.tooltip)}</title>",
        f'<rect x="{_num(left)}" y="{_num(middle - 5)}" width="{_num(right - left)}" '
        f'height="10" rx="2" fill="{colour}"/>',
    ]
    if row.open_high:
        tip = right + 6
        parts.append(
            f'<path d="M{_num(tip - 9)},{_num(middle - 6)}L{_num(tip)},{_num(middle)}'
            f'L{_num(tip - 9)},{_num(middle + 6)}Z" fill="{colour}"/>'
        )
    if row.value is not None and not math.isnan(row.value):
        parts.append(f'<circle cx="{_num(x(row.value))}" cy="{_num(middle)}" r="3.6" fill="#000"/>')
    return f"<g>{''.join(parts)}</g>"


def _legend(x0: float, y: float) -> str:
    parts, left = [], x0
    for name, colour in (("own text", OWN_TEXT), ("wire copy", WIRE_COPY)):
        parts.append(
            f'<rect x="{_num(left)}" y="{_num(y - 9)}" width="10" height="10" fill="{colour}"/>'
        )
        parts.append(_text(left + 15, y, name, fill=MUTED))
        left += 15 + text_width(name, FONT) + 18
    return "".join(parts)


def interval_chart(
    rows: list[Interval],
    band: Band | None,
    *,
    domain: tuple[float, float],
    title: str,
    x_title: str,
    label: str,
) -> str:
    """The chart as an <svg> element: `rows` top to bottom, `band` under them, the x axis over
    `domain`, `title` above and `x_title` below; `label` is its accessible name."""
    if not (domain[0] < domain[1] and all(map(math.isfinite, domain))):
        raise ValueError(f"chart domain must be finite and increasing, not {domain}")
    rows = [row for row in rows if not (math.isnan(row.low) or math.isnan(row.high))]
    names = [fit(row.label, LABEL_LIMIT, FONT, suffix=row.suffix) for row in rows]
    gutter = max([text_width(name, FONT) for name in names] + [0]) + 18
    x0, top = gutter, 28.0
    bottom = top + ROW_HEIGHT * len(rows)
    ticks = axis_ticks(domain)
    x = _scale(domain, x0)
    # Room on the right for the arrowheads and the last tick's label, centred on its tick.
    width = max(x0 + PLOT_WIDTH + 16, x(ticks[-1][0]) + text_width(ticks[-1][1], FONT) / 2 + 4)
    height = bottom + 70
    parts = [_text(0, 17, fit(title, width, TITLE_FONT, bold=True), TITLE_FONT, font_weight="bold")]
    for value, _ in ticks:
        parts.append(
            f'<line x1="{_num(x(value))}" y1="{_num(top)}" x2="{_num(x(value))}" '
            f'y2="{_num(bottom + 5)}" stroke="{GRID}"/>'
        )
    if band is not None:
        left, right = sorted((x(band.low), x(band.high)))
        parts.append(
            f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(right - left)}" '
            f'height="{_num(bottom - top)}" fill="{CONSENSUS}" fill-opacity="0.35">'
            f"<title>{esc(band.tooltip)}</title></rect>"
        )
    for index, (row, name) in enumerate(zip(rows, names, strict=True)):
        middle = top + ROW_HEIGHT * index + ROW_HEIGHT / 2
        parts.append(_text(x0 - 8, middle + 4, name, text_anchor="end"))
        parts.append(_row(row, middle, x))
    parts.append(
        f'<line x1="{_num(x0)}" y1="{_num(bottom)}" x2="{_num(x0 + PLOT_WIDTH)}" '
        f'y2="{_num(bottom)}" stroke="{MUTED}"/>'
    )
    for value, text in ticks:
        parts.append(_text(x(value), bottom + 18, text, text_anchor="middle", fill=MUTED))
    parts.append(
        _text(x0 + PLOT_WIDTH / 2, bottom + 36, x_title, text_anchor="middle", font_weight="bold")
    )
    parts.append(_legend(x0, bottom + 60))
    return (
        f'<svg role="img" aria-label="{esc(label)}" width="{_num(width)}" '
        f'height="{_num(height)}" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'font-family="{FONT_FAMILY}" fill="{INK}">{"".join(parts)}</svg>'
    )
