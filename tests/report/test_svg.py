"""warehouse/pages/svg: the hand-drawn interval chart's scale, ticks, labels and marks."""

from __future__ import annotations

import math
import re

import pytest

from tests.report.test_markup import claim, group_row
from warehouse.pages import svg
from warehouse.pages.charts import claim_chart

LABELS = {"A": "Alpha", "B": "Beta"}


def test_ticks_are_round_steps_inside_the_domain():
    assert svg.nice_ticks(5_700, 8_400, 6) == ([6_000.0, 6_500.0, 7_000.0, 7_500.0, 8_000.0], 0)
    assert svg.nice_ticks(10.6, 14.2, 4) == ([11.0, 12.0, 13.0, 14.0], 0)
    ticks, decimals = svg.nice_ticks(0.0011, 0.0042, 4)
    assert ticks == [0.002, 0.003, 0.004] and decimals == 3
    # A domain across zero has a plain 0 tick, never "-0".
    ticks, decimals = svg.nice_ticks(-3.2, 2.7, 6)
    assert 0.0 in ticks and all(str(t) != "-0.0" for t in ticks)
    assert svg.nice_ticks(5.0, 5.0, 6) == ([5.0], 0)  # a zero-width domain still has a tick


def test_axis_labels_of_large_numbers_do_not_crowd():
    # Each label must fit between its neighbours' ticks, at the spacing the ticks really have.
    for domain in [(0.0, 2.6e12), (-3.1e13, 4.4e13), (0.0, 9.9), (5_700.0, 8_400.0)]:
        ticks = svg.axis_ticks(domain)
        widest = max(svg.text_width(label, svg.FONT) for _, label in ticks)
        spacing = svg.tick_spacing([value for value, _ in ticks], domain)
        assert len(ticks) >= 2 and widest + 12 <= spacing, (domain, ticks)
    assert svg.axis_ticks((0.0, 2.6e12))[1][1] == "1,000,000,000,000"


def test_long_labels_are_cut_and_kept_whole_in_the_tooltip():
    quote = "about 12.5 percent of the people who lived in the whole town of Somewhere"
    assert svg.text_width(quote, svg.FONT) > svg.LABEL_LIMIT
    cut = svg.fit(quote, svg.LABEL_LIMIT, svg.FONT)
    assert cut.endswith("…") and quote.startswith(cut[:-1].rstrip())
    assert svg.text_width(cut, svg.FONT) <= svg.LABEL_LIMIT
    assert svg.fit("Reuters", svg.LABEL_LIMIT, svg.FONT) == "Reuters"
    group = group_row("killed", 0.12, 0.13, unit="share")
    chart = claim_chart(
        group,
        [claim("A", "12%", 0.12, 0.12), claim("B", quote, 0.11, 0.14, wire=True)],
        {"A": "Reuters", "B": "The Guardian"},
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", chart)
    assert any(t.startswith("The Guardian · “about 12.5") and t.endswith("…") for t in texts)
    assert f"The Guardian · “{quote}”: printed" in chart  # the whole label, in the tooltip
    # The consensus band is drawn, named in its tooltip; the axis is in percent.
    assert f'fill="{svg.CONSENSUS}"' in chart and "<title>consensus 12 % – 13 %</title>" in chart
    assert ">percent (compared interval, tolerance applied)</text>" in chart
    assert ">12</text>" in chart and ">13</text>" in chart


def test_marks_follow_the_claims():
    group = group_row("body", None, None, status="conflict", scope="per_side")
    claims = [
        claim("A", "6,000", 6000, 6000),
        claim("B", "more than 6,000", 6000, None, wire=True),
        claim("C", "8,000", 8000, 8000),
    ]
    chart = claim_chart(group, claims, {"A": "Alpha", "B": "Beta", "C": "Gamma"})
    assert chart.count("<circle") == 3  # a dot per value
    assert chart.count("<path") == 1  # one open upper end: one arrowhead
    assert chart.count(f'rx="2" fill="{svg.WIRE_COPY}"') == 1  # Beta's bar is a wire copy
    assert chart.count(f'rx="2" fill="{svg.OWN_TEXT}"') == 2
    assert f'fill="{svg.CONSENSUS}" fill-opacity' not in chart  # a conflict has no band
    # The open interval runs to the plot's right edge; Gamma's dot sits right of Alpha's.
    dots = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', chart)]
    assert dots[0] < dots[2]
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', chart).group(1))
    assert all(0 < x < width for x in dots)
    # Beta's open interval ends at the plot's right edge, where its arrowhead starts.
    axis = re.search(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="\2"', chart)
    bar = re.search(
        rf'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="10" rx="2" '
        rf'fill="{svg.WIRE_COPY}"',
        chart,
    )
    right = float(axis[1]) + svg.PLOT_WIDTH
    assert float(bar[1]) + float(bar[2]) == pytest.approx(right, abs=0.1)


def test_a_cut_label_keeps_its_counter_and_user_text_is_escaped():
    group = group_row('deaths <b>"here"</b> & there', 10.0, 10.0)
    quote = "ten people, according to the regional authorities who spoke on Tuesday evening"
    chart = claim_chart(
        group,
        [claim("A", quote, 10, 10), claim("A", quote, 10, 10)],
        {"A": "<script>x</script> News"},
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", chart)
    rows = [t for t in texts if t.startswith("&lt;script&gt;x&lt;/script&gt; News")]
    assert len(rows) == 2 and rows[0].endswith("…") and rows[1].endswith("… (2)"), rows
    assert "<script" not in chart and "<b>" not in chart
    assert 'aria-label="Chart of deaths &lt;b&gt;&quot;here&quot;&lt;/b&gt; &amp; there' in chart
    assert ": consensus 10" in re.search(r'aria-label="([^"]*)"', chart).group(1)


def test_a_group_of_one_value_zero_gets_a_readable_axis():
    group = group_row("killed", 0.0, 0.0)
    chart = claim_chart(group, [claim("A", "no one", 0, 0), claim("B", "none", 0, 0)], LABELS)
    ticks = re.findall(r'text-anchor="middle" fill="#4a5568">([^<]*)</text>', chart)
    assert "0" in ticks and all(len(t) <= 4 for t in ticks), ticks  # -1, -0.5, 0, 0.5, 1


def test_unbounded_values_stop_at_the_plot_edge():
    x = svg._scale((0.0, 10.0), 100.0)
    assert x(math.inf) == 100.0 + svg.PLOT_WIDTH and x(-math.inf) == 100.0
    assert x(-5.0) == 100.0 and x(5.0) == 100.0 + svg.PLOT_WIDTH / 2
    chart = svg.interval_chart(
        [
            svg.Interval("a", 1.0, math.inf, 4.0, True, False, "t"),
            svg.Interval("b", 1.0, 2.0, math.nan, False, False, "t"),  # NaN: no dot
            svg.Interval("c", math.nan, 2.0, 1.5, False, False, "t"),  # NaN end: no row
        ],
        None,
        domain=(0.0, 10.0),
        title="t",
        x_title="x",
        label="l",
    )
    assert "inf" not in chart and "nan" not in chart
    assert chart.count("<circle") == 1 and chart.count('rx="2"') == 2
    with pytest.raises(ValueError, match="finite and increasing"):
        svg.interval_chart([], None, domain=(3.0, 3.0), title="t", x_title="x", label="l")
