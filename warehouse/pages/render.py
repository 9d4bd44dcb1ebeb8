"""The report's pages as HTML strings: index, one page per event, one page per article.

Promise: pure functions from query rows to HTML; no I/O. Every text from the warehouse goes
through `markup` (escaped once), every link is relative (index.html, events/<id>.html,
articles/<id>.html), and each page carries its CSS inline plus a Content-Security-Policy that
forbids loading anything, so a page opened from disk is complete and cannot reach a network.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from warehouse.pages.markup import Span, esc, fmt_interval, fmt_value, highlight, mark_spans

Row = dict[str, Any]

# Nothing may load from anywhere (the charts are inline SVG, the CSS is inline): a browser
# enforces it, so a page that slipped in an external reference would show it broken.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
       color: #1a202c; background: #fff; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 1.25rem; }
header { border-bottom: 1px solid #e2e8f0; padding-top: .75rem; padding-bottom: .5rem; }
header a { color: #2b6cb0; text-decoration: none; }
footer { color: #718096; font-size: 13px; border-top: 1px solid #e2e8f0; margin-top: 2rem;
         padding-top: .5rem; padding-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: .8rem 0 .3rem; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .3rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #e2e8f0; padding: .3rem .45rem; text-align: left;
         vertical-align: top; }
th { background: #f7fafc; font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; border-radius: 9px; padding: 0 .5rem; font-size: 12px;
         font-weight: 600; }
.status-conflict .badge.status, .badge.status-conflict { background: #fed7d7; color: #9b2c2c; }
.badge.status-consistent { background: #c6f6d5; color: #22543d; }
.badge.status-single_source { background: #edf2f7; color: #4a5568; }
.badge.wire { background: #feebc8; color: #7b341e; }
tr.conflict td { background: #fff5f5; }
section.group { border: 1px solid #e2e8f0; border-radius: 6px; padding: .2rem 1rem .6rem;
                margin: 1rem 0; }
section.group.status-conflict { border-color: #fc8181; box-shadow: 0 0 0 2px #fed7d7; }
dl.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: .3rem 0; }
dl.facts div { display: flex; gap: .35rem; }
dl.facts dt { color: #718096; } dl.facts dd { margin: 0; font-weight: 600; }
mark { background: #fefcbf; padding: 0 .1rem; border-radius: 2px; }
mark.claim { background: #fefcbf; border-bottom: 2px solid #d69e2e; }
mark.claim.status-conflict { background: #fed7d7; border-bottom-color: #c53030; }
mark.claim.status-consistent { background: #c6f6d5; border-bottom-color: #2f855a; }
span.entity { border-bottom: 2px dotted #805ad5; }
span.wire { background: #fffaf0; outline: 1px dashed #ed8936; }
.body { white-space: pre-wrap; max-width: 46rem; font-size: 16px; line-height: 1.65; }
.chart svg { max-width: 100%; height: auto; }
.muted { color: #718096; } .banner { background: #fffbea; border: 1px solid #f6e05e;
         padding: .5rem .8rem; border-radius: 4px; margin: .8rem 0; }
.legend span, .legend mark { margin-right: 1rem; }
"""


def slug(identifier: str) -> str:
    """A file name for an id: the warehouse's ids are [a-z0-9_], anything else is replaced."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", identifier)


def event_href(event_id: str) -> str:
    return f"events/{slug(event_id)}.html"


def article_href(article_id: str) -> str:
    return f"articles/{slug(article_id)}.html"


def page(title: str, body: str, *, depth: int, source: str, banner: str = "") -> str:
    """A complete HTML document; `depth` is how many folders below the index it lives."""
    up = "../" * depth
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><a href="{up}index.html">newsclaims report</a>
<span class="muted">· agreement and conflict between outlets</span></header>
<main>
{banner}
{body}
</main>
<footer>Built from {esc(source)}. Self-contained: this page loads nothing from any
network.</footer>
</body>
</html>
"""


def outlet_labels(articles: list[Row]) -> dict[str, str]:
    """The name each outlet key shows as: the outlet, or the file of an unnamed article."""
    labels: dict[str, str] = {}
    for article in articles:
        if article["outlet"]:
            labels[article["outlet_key"]] = article["outlet"]
        else:
            name = PurePosixPath(article["path"] or article["article_id"]).name
            labels[article["outlet_key"]] = f"unnamed ({name})"
    return labels


def _status(status: str | None) -> str:
    status = status or "ungrouped"
    return f'<span class="badge status status-{esc(status)}">{esc(status.replace("_", " "))}</span>'


def _dates(row: Row) -> str:
    first, last = row.get("first_date"), row.get("last_date")
    if first is None and last is None:
        return "no date stated"
    if first == last or last is None:
        return esc(str(first))
    return f"{esc(str(first))} – {esc(str(last))}"


def index_page(events: list[Row], *, source: str, banner: str = "") -> str:
    rows = []
    for event in events:
        css = ' class="conflict"' if event["n_conflict"] else ""
        rows.append(
            f'<tr{css}><td><a href="{event_href(event["event_id"])}">'
            f"{esc(event['label'] or event['event_id'])}</a></td>"
            f"<td>{_dates(event)}</td>"
            f"<td class=num>{event['n_articles']}</td><td class=num>{event['n_outlets']}</td>"
            f"<td class=num>{event['n_conflict']}</td><td class=num>{event['n_consistent']}</td>"
            f"<td class=num>{event['n_single_source']}</td></tr>"
        )
    n_conflict = sum(1 for e in events if e["n_conflict"])
    body = f"""<h1>Events</h1>
<p>{len(events)} event(s), {n_conflict} with conflicting claims (listed first).
A claim group is one quantity reported for an event; it is <em>consistent</em> when the
intervals the outlets' wordings allow share a value, a <em>conflict</em> when they do not.</p>
<table class="events">
<thead><tr><th>event</th><th>dates</th><th class=num>articles</th><th class=num>outlets</th>
<th class=num>conflict</th><th class=num>consistent</th><th class=num>single source</th>
</tr></thead>
<tbody>
{"".join(rows)}
</tbody></table>"""
    return page("newsclaims report: events", body, depth=0, source=source, banner=banner)


def _facts(pairs: list[tuple[str, str]]) -> str:
    items = "".join(f"<div><dt>{esc(k)}</dt><dd>{v}</dd></div>" for k, v in pairs)
    return f'<dl class="facts">{items}</dl>'


def _claim_rows(claims: list[Row], labels: dict[str, str], unit: str | None) -> str:
    rows = []
    for claim in claims:
        wire = ' <span class="badge wire" title="this sentence is a wire copy">wire copy</span>'
        href = f"../{article_href(claim['article_id'])}#{slug(claim['claim_id'])}"
        outlet = esc(labels[claim["outlet_key"]])
        if claim["original_outlet"]:
            outlet += f' <span class="muted">(from {esc(claim["original_outlet"])})</span>'
        attributed = (
            f'<br><span class="muted">said: {esc(claim["attributed_to"])}</span>'
            if claim["attributed_to"]
            else ""
        )
        compared = fmt_interval(claim["compare_low"], claim["compare_high"], unit)
        rows.append(
            f'<tr class=claim><td class=outlet><a href="{href}">{outlet}</a>'
            f"{wire if claim['is_wire_copy'] else ''}</td>"
            f"<td class=quote>“{esc(claim['quote'])}”</td>"
            f"<td>{esc(claim['bound'] or '')}</td>"
            f"<td class=num>{esc(fmt_value(claim['value'], unit))}</td>"
            f"<td class=num>{esc(compared)}</td>"
            f"<td class=sentence>"
            f"{highlight(claim['sentence'], claim['sentence_start'], claim['start_char'], claim['end_char'])}"  # noqa: E501
            f"{attributed}</td></tr>"
        )
    return (
        "<table class=claims><thead><tr><th>outlet</th><th>printed</th><th>bound</th>"
        "<th class=num>value</th><th class=num>compared</th><th>sentence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _history_table(history: list[Row], unit: str | None) -> str:
    """How the group moved over the publishing runs that recorded it (empty when it never did)."""
    if not history:
        return ""
    rows = "".join(
        f"<tr><td>{esc(str(h['recorded_at'])[:19])}</td><td><code>{esc(h['run_id'])}</code></td>"
        f"<td class=num>{h['n_outlets']}</td><td class=num>{h['n_independent']}</td>"
        f"<td class=num>{h['n_claims']}</td>"
        f"<td>{esc(fmt_interval(h['consensus_low'], h['consensus_high'], unit))}</td>"
        f"<td>{_status(h['status'])}</td></tr>"
        for h in history
    )
    return (
        "<details class=history open><summary>How it moved over the runs</summary>"
        "<table class=history><thead><tr><th>recorded</th><th>run</th><th class=num>outlets</th>"
        "<th class=num>independent</th><th class=num>claims</th><th>consensus</th>"
        f"<th>status</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def group_section(
    group: Row,
    claims: list[Row],
    labels: dict[str, str],
    chart: Callable[[], str] | None,
    history: list[Row] | None = None,
) -> str:
    unit = group["unit"]
    consensus = (
        "none: the outlets' intervals share no value"
        if group["status"] == "conflict"
        else fmt_interval(group["consensus_low"], group["consensus_high"], unit)
    )
    facts = _facts(
        [
            ("kind", esc(group["kind"] or "—")),
            ("unit", esc(unit or "—")),
            ("scope", esc(group["scope"] or "—")),
            ("consensus", esc(consensus)),
            ("outlets", str(group["n_outlets"])),
            ("independent", str(group["n_independent"])),
            ("claims", str(group["n_claims"])),
        ]
    )
    svg = f'<div class="chart">{chart()}</div>' if chart else ""
    status = esc(group["status"] or "ungrouped")
    return f"""<section class="group status-{status}" id="{slug(group["group_id"])}"
 data-subject="{esc(group["subject"] or "")}" data-status="{status}">
<h3>{esc(group["subject"] or "(no subject)")} {_status(group["status"])}</h3>
{facts}
{svg}
{_history_table(history or [], unit)}
{_claim_rows(claims, labels, unit)}
</section>"""


def draws_chart(group: Row, claims: list[Row]) -> bool:
    """A chart only for a group of more than one outlet, with claims."""
    return group["n_outlets"] > 1 and bool(claims)


def event_page(
    event: Row,
    groups: list[Row],
    claims_by_group: dict[str, list[Row]],
    articles: list[Row],
    labels: dict[str, str],
    chart: Callable[[Row, list[Row]], str],
    *,
    source: str,
    banner: str = "",
    history_by_group: dict[str, list[Row]] | None = None,
) -> str:
    article_items = "".join(
        f'<li><a href="../{article_href(a["article_id"])}">{esc(labels[a["outlet_key"]])}</a>'
        f"{' · ' + esc(a['title']) if a['title'] else ''}"
        f"{' <span class=muted>(from ' + esc(a['original_outlet']) + ')</span>' if a['original_outlet'] else ''}"  # noqa: E501
        "</li>"
        for a in articles
    )
    multi = [g for g in groups if g["n_outlets"] > 1]
    single = [g for g in groups if g["n_outlets"] <= 1]

    def section(group: Row) -> str:
        claims = claims_by_group.get(group["group_id"], [])
        make = (lambda: chart(group, claims)) if draws_chart(group, claims) else None
        moved = (history_by_group or {}).get(group["group_id"])
        return group_section(group, claims, labels, make, moved)

    counts = {
        s: sum(1 for g in groups if g["status"] == s)
        for s in ("conflict", "consistent", "single_source")
    }
    facts = _facts(
        [
            ("dates", _dates(event)),
            ("articles", str(event["n_articles"])),
            ("outlets", str(event["n_outlets"])),
            ("conflict", str(counts["conflict"])),
            ("consistent", str(counts["consistent"])),
            ("single source", str(counts["single_source"])),
        ]
    )
    body = f"""<h1>{esc(event["label"] or event["event_id"])}</h1>
{facts}
<h2>Articles</h2>
<ul class="articles">{article_items}</ul>
<p class="muted">Each group below is one quantity. <em>compared</em> is the interval the
reconciliation compares (per side when the group is per side, tolerance applied);
<em>independent</em> counts outlets once per wire text. In each sentence the printed number is
<mark>highlighted</mark>.</p>
<h2>Reported by more than one outlet ({len(multi)})</h2>
{"".join(section(g) for g in multi) or "<p>None.</p>"}
<h2>Reported by one outlet ({len(single)})</h2>
{"".join(section(g) for g in single) or "<p>None.</p>"}"""
    title = f"{event['label'] or event['event_id']}: claims by outlet"
    return page(title, body, depth=1, source=source, banner=banner)


def _article_spans(wire: list[Row], claims: list[Row], mentions: list[Row]) -> list[Span]:
    """The marks of an article body: wire sentences, then claims, then entity mentions."""
    spans = [
        Span(w["start_char"], w["end_char"], '<span class="wire" title="wire copy">', "</span>", 0)
        for w in wire
    ]
    for c in claims:
        status = c["status"] or "ungrouped"
        title = f"{c['subject'] or 'claim'} · {c['bound'] or ''} · {status}"
        open_tag = (
            f'<mark class="claim status-{esc(status)}" id="{slug(c["claim_id"])}"'
            f' title="{esc(title)}">'
        )
        close_tag = "</mark>"
        if c["event_id"] and c["group_id"]:
            href = f"../{event_href(c['event_id'])}#{slug(c['group_id'])}"
            open_tag = f'<a href="{href}">{open_tag}'
            close_tag = "</mark></a>"
        spans.append(Span(c["start_char"], c["end_char"], open_tag, close_tag, 1))
    for m in mentions:
        label = m["entity_label"] or m["label"] or "entity"
        title = f"{label}: {m['entity_name']}" if m["entity_name"] else label
        spans.append(
            Span(
                m["start_char"],
                m["end_char"],
                f'<span class="entity" title="{esc(title)}">',
                "</span>",
                2,
            )
        )
    return spans


def article_page(
    article: Row,
    event: Row | None,
    claims: list[Row],
    mentions: list[Row],
    wire: list[Row],
    labels: dict[str, str],
    *,
    source: str,
    banner: str = "",
) -> str:
    """The page of one article: its facts, then its body with claims and entities marked."""
    spans = _article_spans(wire, claims, mentions)
    body_html, skipped = mark_spans(article["body"], spans)
    outlet = labels[article["outlet_key"]]
    event_link = (
        f'<a href="../{event_href(event["event_id"])}">{esc(event["label"] or event["event_id"])}</a>'  # noqa: E501
        if event
        else "—"
    )
    authors = ", ".join(article["authors"] or []) or "—"
    facts = _facts(
        [
            ("outlet", esc(outlet)),
            ("original outlet", esc(article["original_outlet"] or "—")),
            ("authors", esc(authors)),
            ("date", esc(str(article["published_date"] or "—"))),
            ("dateline", esc(article["dateline"] or "—")),
            ("event", event_link),
            ("words", str(article["word_count"])),
            ("file", esc(article["path"] or "—")),
        ]
    )
    note = (
        f'<p class="muted">{skipped} overlapping mark(s) could not be nested and are not shown.</p>'
        if skipped
        else ""
    )
    body = f"""<h1>{esc(article["title"] or outlet)}</h1>
{facts}
<p class="legend"><mark class="claim">numeric claim</mark>
<span class="entity">entity mention</span><span class="wire">wire-copy sentence</span>
<span class="muted">{len(claims)} claims, {len(mentions)} mentions</span></p>
{note}
<div class="body">{body_html}</div>"""
    return page(
        f"{outlet}: {article['title'] or article['article_id']}",
        body,
        depth=1,
        source=source,
        banner=banner,
    )
