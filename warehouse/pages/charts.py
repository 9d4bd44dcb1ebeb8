"""One chart per multi-outlet claim group: each claim's interval against the consensus band.

Promise: charts are Altair (Vega-Lite) specs rendered to SVG in-process by vl-convert-python,
which bundles Vega and needs no network or browser; the returned string is an <svg> element to
inline in a page, with no external reference (not even the XML namespace URLs, which inline
SVG in HTML does not need).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from typing import Any

import altair as alt
import vl_convert

from warehouse.pages.markup import esc, fmt_interval

Row = dict[str, Any]

ROW_HEIGHT = 26
WIDTH = 560


@functools.cache
def _vl_version() -> str | None:
    # Render with the Vega-Lite version Altair writes its specs for, when vl-convert has it.
    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


def _shown(claim: Row, scope: str | None) -> float | None:
    # A per-side group compares per-side values: plot "12,000 in total" at its 6,000 per side.
    if scope == "per_side" and claim.get("per_side_value") is not None:
        return claim["per_side_value"]
    return claim.get("value")


def _domain(values: list[float]) -> tuple[float, float]:
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    low, high = min(finite), max(finite)
    pad = max((high - low) * 0.15, abs(high) * 0.02, 1e-6)
    return low - pad, high + pad


def _chart_rows(
    claims: list[Row], bounds: tuple[list, list, list], edges: tuple[float, float], scale: float,
    unit: str | None, labels: dict[str, str],
) -> list[dict]:  # fmt: skip
    """One chart row per claim: its compared interval, its value, where it came from."""
    low_edge, high_edge = edges
    rows = []
    seen: dict[str, int] = {}
    for claim, low, high, value in zip(claims, *bounds, strict=True):
        name = f"{labels[claim['outlet_key']]} · “{claim['quote']}”"
        # The y axis is nominal: two claims with the same outlet and quote (the two sides,
        # said twice) would share one row, so the second one gets a counter.
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name += f" ({seen[name]})"
        rows.append(
            {
                "claim": name,
                "low": (low if low is not None else low_edge) * scale,
                "high": (high if high is not None else high_edge) * scale,
                "value": value * scale if value is not None else None,
                "open_high": high is None,
                "source": "wire copy" if claim["is_wire_copy"] else "own text",
                "bound": claim["bound"] or "",
                "interval": fmt_interval(low, high, unit),
                "printed": claim["quote"],
            }
        )
    return rows


def _interval_layers(x_scale: alt.Scale, x_title: str) -> list[alt.Chart]:
    """Bars for the intervals, points for the values, arrowheads for open upper ends."""
    base = alt.Chart(alt.NamedData(name=CLAIMS)).encode(
        y=alt.Y("claim:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
    )
    tooltip = [
        alt.Tooltip("printed:N", title="printed"),
        alt.Tooltip("bound:N"),
        alt.Tooltip("interval:N", title="compared"),
    ]
    bars = base.mark_bar(height=10, cornerRadius=2).encode(
        x=alt.X("low:Q", scale=x_scale, title=x_title),
        x2="high:Q",
        color=alt.Color(
            "source:N",
            scale=alt.Scale(domain=["own text", "wire copy"], range=["#2b6cb0", "#dd8a2a"]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        tooltip=tooltip,
    )
    points = base.mark_point(filled=True, color="black", size=40).encode(
        x=alt.X("value:Q", scale=x_scale), tooltip=tooltip
    )
    # An interval with no upper end runs to the chart's edge and ends in an arrowhead.
    arrows = (
        base.transform_filter("datum.open_high")
        .mark_point(shape="triangle-right", filled=True, color="#2b6cb0", size=90)
        .encode(x=alt.X("high:Q", scale=x_scale))
    )
    return [bars, points, arrows]


def _band(group: Row, edges: tuple[float, float], scale: float) -> dict | None:
    """The consensus band's row (None for a conflict or an unbounded consensus)."""
    c_low, c_high, unit = group["consensus_low"], group["consensus_high"], group["unit"]
    if group["status"] == "conflict" or (c_low is None and c_high is None):
        return None
    low_edge, high_edge = edges
    band = {
        "low": (c_low if c_low is not None else low_edge) * scale,
        "high": (c_high if c_high is not None else high_edge) * scale,
        "consensus": fmt_interval(c_low, c_high, unit),
    }
    # A point consensus (every outlet says 6,000) would be a zero-width band: widen it to
    # 1 % of the axis so it shows.
    if band["high"] - band["low"] < (high_edge - low_edge) * scale * 0.01:
        middle = (band["low"] + band["high"]) / 2
        half = (high_edge - low_edge) * scale * 0.005
        band["low"], band["high"] = middle - half, middle + half
    return band


def _consensus_layer(x_scale: alt.Scale) -> alt.Chart:
    """The consensus band, drawn under the intervals."""
    return (
        alt.Chart(alt.NamedData(name=BAND))
        .mark_rect(color="#38a169", opacity=0.35)
        .encode(x=alt.X("low:Q", scale=x_scale), x2="high:Q", tooltip=[alt.Tooltip("consensus:N")])
    )


# Placeholders of the template spec, replaced per chart. Building an Altair chart costs far
# more than rendering it once it is cached (366 of 397 s of an ECB+ report with every SVG
# cached went to Altair's constructors and copies, cProfile, shared 2-core machine), so Altair
# writes the spec once per layout and each chart fills in its data, axis and title.
CLAIMS, BAND = "claims", "band"
_TITLE, _X_TITLE, _DOMAIN_LOW, _DOMAIN_HIGH = "@@title@@", "@@x-title@@", -1.5e300, 1.5e300


@functools.cache
def _template(with_band: bool) -> str:
    """The spec (as JSON text) of a chart with or without the consensus band."""
    x_scale = alt.Scale(domain=[_DOMAIN_LOW, _DOMAIN_HIGH], nice=False, zero=False)
    layers = [
        *([_consensus_layer(x_scale)] if with_band else []),
        *_interval_layers(x_scale, _X_TITLE),
    ]
    chart = alt.layer(*layers).properties(width=WIDTH, height=ROW_HEIGHT, title=_TITLE)
    return json.dumps(chart.to_dict(validate=False))


def _fill(template: str, *, title: str, x_title: str, domain: tuple[float, float]) -> dict:
    spec = json.loads(template)

    def walk(node: object) -> object:
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            if node == [_DOMAIN_LOW, _DOMAIN_HIGH]:
                return list(domain)
            return [walk(value) for value in node]
        if isinstance(node, str) and "@@" in node:
            return node.replace(_TITLE, title).replace(_X_TITLE, x_title)
        return node

    return walk(spec)


def chart_spec(group: Row, claims: list[Row], labels: dict[str, str]) -> dict:
    """The Vega-Lite spec of one group's claims (each outlet's compared interval) and consensus.

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
    edges = _domain([*lows, *highs, *shown, c_low, c_high])
    rows = _chart_rows(claims, (lows, highs, shown), edges, scale, unit, labels)
    x_title = "percent" if unit == "share" else (unit or "count")
    if group["scope"] == "per_side":
        x_title += " per side"
    band = _band(group, edges, scale)
    title = f"{group['subject']}: consensus {fmt_interval(c_low, c_high, unit)}"
    if group["status"] == "conflict":
        title = f"{group['subject']}: conflict, the intervals share no value"
    spec = _fill(
        _template(band is not None),
        title=title,
        x_title=f"{x_title} (compared interval, tolerance applied)",
        domain=(edges[0] * scale, edges[1] * scale),
    )
    spec["height"] = ROW_HEIGHT * len(rows)
    spec["datasets"] = {CLAIMS: rows, **({BAND: [band]} if band else {})}
    return spec


def spec_key(spec: dict) -> str:
    """A content key of a spec and the renderer's version: equal key, equal SVG."""
    text = json.dumps(spec, sort_keys=True, default=str) + (_vl_version() or "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def render_svg(spec: dict, subject: str | None) -> str:
    """Render a spec to inline SVG (vl-convert: about 0.1-0.3 s a chart, the report's cost)."""
    version = _vl_version()
    svg = (
        vl_convert.vegalite_to_svg(spec, vl_version=version)
        if version
        else vl_convert.vegalite_to_svg(spec)
    )
    return _inline(svg, f"Chart of {subject} claims by outlet")


def claim_chart(group: Row, claims: list[Row], labels: dict[str, str]) -> str:
    """The SVG chart of one group's claims and consensus, rendered now (no cache)."""
    return render_svg(chart_spec(group, claims, labels), group["subject"])


def _inline(svg: str, label: str) -> str:
    # Namespace declarations are URLs (never fetched); inline SVG in HTML does not need them,
    # and dropping them keeps the generated pages free of any http(s) string at all.
    for attr in (
        ' xmlns="http://www.w3.org/2000/svg"',
        ' xmlns:xlink="http://www.w3.org/1999/xlink"',
    ):
        svg = svg.replace(attr, "")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{esc(label)}" ', 1)
