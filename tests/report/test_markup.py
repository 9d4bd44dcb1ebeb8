"""warehouse/pages without a warehouse: span markup, number display and one chart."""

from __future__ import annotations

import re

from warehouse.pages.charts import claim_chart
from warehouse.pages.markup import Span, fmt_interval, fmt_value, highlight, mark_spans


def test_text_is_escaped_and_spans_wrap_exact_offsets():
    text = 'He said <b>"6,000"</b> & left.'
    start = text.index("6,000")
    marked, skipped = mark_spans(text, [Span(start, start + 5, "<mark>", "</mark>")])
    assert skipped == 0
    assert marked == "He said &lt;b&gt;&quot;<mark>6,000</mark>&quot;&lt;/b&gt; &amp; left."


def test_nested_spans_nest_and_crossing_ones_are_left_out():
    text = "Rustem Umerov said 6,000."
    spans = [
        Span(0, len(text), "<s1>", "</s1>", 0),  # the sentence, outermost
        Span(0, 13, "<e>", "</e>", 2),
        Span(7, 13, "<e2>", "</e2>", 2),  # inside the first entity: nests
        Span(10, 20, "<x>", "</x>", 1),  # crosses the entity: cannot nest
        Span(19, 24, "<m>", "</m>", 1),
        Span(30, 40, "<out>", "</out>", 1),  # outside the text
    ]
    marked, skipped = mark_spans(text, spans)
    assert skipped == 2
    assert marked == "<s1><e>Rustem <e2>Umerov</e2></e> said <m>6,000</m>.</s1>"


def test_highlight_uses_the_sentence_offset_in_the_body():
    body = "First one. Then more than 6,000 bodies each."
    sentence_start = body.index("Then")
    sentence = body[sentence_start:]
    start = body.index("more")
    end = start + len("more than 6,000")
    assert highlight(sentence, sentence_start, start, end) == (
        "Then <mark>more than 6,000</mark> bodies each."
    )
    assert highlight(None, None, start, end) == ""


def test_numbers_display_as_printed_units():
    assert fmt_value(6000.0, None) == "6,000"
    assert fmt_value(0.18000000000000002, "share") == "18 %"
    assert fmt_value(997.7932800000001, "km") == "997.79 km"
    assert fmt_interval(5940.0, None, None) == "≥ 5,940"
    assert fmt_interval(None, 1212.0, None) == "≤ 1,212"
    assert fmt_interval(6000.0, 6000.0, None) == "6,000"
    assert fmt_interval(0.3, 1 / 3, "share") == "30 % – 33.33 %"
    assert fmt_interval(None, None, None) == "any value"


def group_row(
    subject: str,
    low: float | None,
    high: float | None,
    status: str = "consistent",
    unit: str | None = None,
    scope: str | None = None,
) -> dict:
    """A claim group's row as the report reads it: its subject, consensus and status."""
    return {
        "subject": subject,
        "unit": unit,
        "scope": scope,
        "status": status,
        "consensus_low": low,
        "consensus_high": high,
    }


def claim(outlet: str, quote: str, low: float, high: float | None, wire: bool = False) -> dict:
    return {
        "outlet_key": outlet,
        "quote": quote,
        "value": low,
        "value_low": low,
        "value_high": high,
        "per_side_value": low,
        "compare_low": low * 0.99,
        "compare_high": None if high is None else high * 1.01,
        "bound": "exact" if high is not None else "more_than",
        "is_wire_copy": wire,
    }


def test_chart_is_inline_svg_with_one_row_per_claim():
    group = group_row("body", None, None, status="conflict", scope="per_side")
    claims = [
        claim("A", "6,000", 6000, 6000),
        claim("A", "6,000", 6000, 6000),  # same outlet and quote: still its own row
        claim("B", "more than 6,000", 6000, None, wire=True),
        claim("C", "8,000", 8000, 8000),
    ]
    svg = claim_chart(group, claims, {"A": "Alpha <News>", "B": "Beta", "C": "Gamma"})
    assert svg.startswith(
        '<svg role="img" aria-label="Chart of body claims by outlet: conflict, the intervals'
    )
    assert "http" not in svg
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any("Alpha &lt;News&gt;" in t and "(2)" in t for t in labels), labels
    assert any("8,000" in t for t in labels) and any("conflict" in t for t in labels)


def test_article_markup_cannot_smuggle_a_reference():
    from warehouse.pages.render import article_page

    body = 'See <img src="http://evil.example/x.png"> and 6,000 bodies.'
    start = body.index("6,000")
    article = {
        "article_id": "art_1",
        "event_id": None,
        "outlet": None,
        "outlet_key": "unnamed:art_1",
        "original_outlet": None,
        "title": "<script>alert(1)</script>",
        "authors": [],
        "published_date": None,
        "dateline": None,
        "path": "/x/009.txt",
        "body": body,
        "word_count": 7,
    }
    claims = [
        {
            "claim_id": "clm_1",
            "group_id": None,
            "event_id": None,
            "start_char": start,
            "end_char": start + 5,
            "subject": "body",
            "bound": "exact",
            "status": None,
        }
    ]
    page = article_page(
        article, None, claims, [], [], {"unnamed:art_1": "unnamed (009.txt)"}, source="f"
    )
    assert "<script>" not in page and "<img" not in page
    assert "&lt;img src=&quot;http://evil.example/x.png&quot;&gt;" in page
    assert '<mark class="claim status-ungrouped" id="clm_1"' in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
