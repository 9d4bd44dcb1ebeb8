"""One chart per multi-outlet claim group: each claim's interval against the consensus band.

Promise: the returned string is an <svg> element to inline in a page, drawn here from the
group's rows (warehouse.pages.svg), with no script and no external reference (not even the
XML namespace URLs, which inline SVG in HTML does not need).
"""

from __future__ import annotations

import math
from typing import Any

from warehouse.pages import svg
from warehouse.pages.markup import fmt_interval

Row = dict[str, Any]


def _shown(claim: Row, scope: str | None) -> float | None:
    # A per-side group compares per-side values: plot "12,000 in total" at its 6,000 per side.
    if scope == "per_side" and claim.get("per_side_value") is not None:
        return claim["per_side_value"]
    return claim.get("value")


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _domain(values: list[float | None], least_pad: float) -> tuple[float, float]:
    """The axis' extent: the finite values with 15 % to spare, and at least `least_pad` on
    each side, so a group that is all one value (0 killed) gets a readable axis."""
    finite = [v for v in values if _finite(v)]
    if not finite:
        return 0.0, 1.0
    low, high = min(finite), max(finite)
    pad = max((high - low) * 0.15, abs(high) * 0.02)
    return low - (pad or least_pad), high + (pad or least_pad)


def _chart_rows(
    claims: list[Row], bounds: tuple[list, list, list], edges: tuple[float, float], scale: float,
    unit: str | None, labels: dict[str, str],
) -> list[svg.Interval]:  # fmt: skip
    """One chart row per claim: its compared interval, its value, where it came from."""
    low_edge, high_edge = edges
    rows = []
    seen: dict[str, int] = {}
    for claim, low, high, value in zip(claims, *bounds, strict=True):
        name = f"{labels[claim['outlet_key']]} · “{claim['quote']}”"
        # Two claims with the same outlet and quote (the two sides, said twice) would read as
        # one row said twice, so the second one gets a counter, kept when the label is cut.
        seen[name] = seen.get(name, 0) + 1
        bound = f" ({claim['bound']})" if claim["bound"] else ""
        rows.append(
            svg.Interval(
                label=name,
                suffix=f" ({seen[name]})" if seen[name] > 1 else "",
                low=(low if _finite(low) else low_edge) * scale,
                high=(high if _finite(high) else high_edge) * scale,
                value=value * scale if _finite(value) else None,
                open_high=high is None,
                wire=bool(claim["is_wire_copy"]),
                tooltip=f"printed “{claim['quote']}”{bound}; compared "
                f"{fmt_interval(low, high, unit)}",
            )
        )
    return rows


def _band(group: Row, edges: tuple[float, float], scale: float) -> svg.Band | None:
    """The consensus band (None for a conflict or an unbounded consensus)."""
    c_low, c_high, unit = group["consensus_low"], group["consensus_high"], group["unit"]
    if group["status"] == "conflict" or (c_low is None and c_high is None):
        return None
    low_edge, high_edge = edges
    low = (c_low if c_low is not None else low_edge) * scale
    high = (c_high if c_high is not None else high_edge) * scale
    # A point consensus (every outlet says 6,000) would be a zero-width band: widen it to
    # 1 % of the axis so it shows.
    if high - low < (high_edge - low_edge) * scale * 0.01:
        middle = (low + high) / 2
        half = (high_edge - low_edge) * scale * 0.005
        low, high = middle - half, middle + half
    return svg.Band(low, high, f"consensus {fmt_interval(c_low, c_high, unit)}")


def claim_chart(group: Row, claims: list[Row], labels: dict[str, str]) -> str:
    """The SVG chart of one group's claims (each outlet's compared interval) and consensus.

    `labels` maps a claim's outlet_key to the outlet name the page shows.
    """
    unit = group["unit"]
    scale = 100.0 if unit == "share" else 1.0
    lows = [c["compare_low"] if c["compare_low"] is not None else c["value_low"] for c in claims]
    highs = [
        c["compare_high"] if c["compare_high"] is not None else c["value_high"] for c in claims
    ]
    shown = [_shown(c, group["scope"]) for c in claims]
    c_low, c_high = group["consensus_low"], group["consensus_high"]
    # At least one unit (or one percentage point) to spare around a single value.
    edges = _domain([*lows, *highs, *shown, c_low, c_high], 0.01 if unit == "share" else 1.0)
    x_title = "percent" if unit == "share" else (unit or "count")
    if group["scope"] == "per_side":
        x_title += " per side"
    subject = group["subject"] or "(no subject)"
    verdict = f"consensus {fmt_interval(c_low, c_high, unit)}"
    if group["status"] == "conflict":
        verdict = "conflict, the intervals share no value"
    return svg.interval_chart(
        _chart_rows(claims, (lows, highs, shown), edges, scale, unit, labels),
        _band(group, edges, scale),
        domain=(edges[0] * scale, edges[1] * scale),
        title=f"{subject}: {verdict}",
        x_title=f"{x_title} (compared interval, tolerance applied)",
        label=f"Chart of {subject} claims by outlet: {verdict}",
    )
