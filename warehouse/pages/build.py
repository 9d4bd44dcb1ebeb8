"""build_report: a warehouse file in, a static offline report folder out, swapped into place.

Promise: the warehouse file is opened read-only (any file: the published one or a rejected
build); every page is written into a fresh folder beside `out_dir`, which then replaces
`out_dir` by rename, so a reader sees the old report or the new one, never a half-written one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import duckdb

from warehouse import store
from warehouse.pages import queries, render
from warehouse.pages.charts import claim_chart


def _banner(source: Path) -> str:
    # A blocked run leaves its build in <warehouse>/rejected/: say so on every page, so nobody
    # mistakes a report of rejected data for the published warehouse.
    if source.parent.name == "rejected":
        return (
            '<p class="banner"><strong>Rejected build.</strong> This report shows a build '
            "that failed a critical check and was not published.</p>"
        )
    return ""


# Pages are made a block at a time and written as they are made, so the report holds one
# block's rows and pages, not the warehouse's: at 10x BBC (22,000 articles, 600,000 mentions,
# 210,000 claims) holding every page and span at once took the report to 3.5 GB.
ARTICLES_PER_BLOCK = 1_000
# Events are blocked by their articles (a claim group's size follows its event's articles).
EVENT_ARTICLES_PER_BLOCK = 2_000


def render_pages(con: duckdb.DuckDBPyConnection, source: Path) -> Iterator[tuple[str, str]]:
    """Every page of the report as (path relative to the report folder, HTML), one at a time."""
    label = source.name
    run = queries.latest_run(con)
    if run:
        label += f" (latest recorded run {run['run_id']}, {run['status']})"
    banner = _banner(source)
    events = queries.events(con)
    articles = queries.articles(con)
    labels = render.outlet_labels(articles)
    by_event: dict[str | None, list[queries.Row]] = defaultdict(list)
    for article in articles:
        by_event[article["event_id"]].append(article)

    yield "index.html", render.index_page(events, source=label, banner=banner)

    def chart(group: queries.Row, claims: list[queries.Row]) -> str:
        return claim_chart(group, claims, labels)

    sizes = {event_id: len(listed) for event_id, listed in by_event.items()}
    for block in _event_blocks(events, sizes):
        found = queries.by_event(con, [event["event_id"] for event in block])
        for event in block:
            yield (
                render.event_href(event["event_id"]),
                _event_page(
                    event,
                    found[event["event_id"]],
                    by_event[event["event_id"]],
                    labels,
                    chart,
                    source=label,
                    banner=banner,
                ),
            )

    yield from _article_pages(con, articles, events, labels, source=label, banner=banner)


def _event_blocks(
    events: list[queries.Row], articles: dict[str | None, int]
) -> Iterator[list[queries.Row]]:
    """`events` in order, cut into blocks of about EVENT_ARTICLES_PER_BLOCK articles, counted
    from `articles` (event id to its articles in the file), not the stored n_articles, which a
    rejected build may have wrong."""
    block: list[queries.Row] = []
    size = 0
    for event in events:
        block.append(event)
        size += articles.get(event["event_id"], 0)
        if size >= EVENT_ARTICLES_PER_BLOCK:
            yield block
            block, size = [], 0
    if block:
        yield block


def _article_pages(
    con: duckdb.DuckDBPyConnection,
    articles: list[queries.Row],
    events: list[queries.Row],
    labels: dict[str, str],
    *,
    source: str,
    banner: str,
) -> Iterator[tuple[str, str]]:
    """A page per article: its body with claims, entity mentions and wire sentences marked;
    bodies and spans are read ARTICLES_PER_BLOCK articles at a time."""
    events_by_id = {e["event_id"]: e for e in events}
    for first in range(0, len(articles), ARTICLES_PER_BLOCK):
        block = articles[first : first + ARTICLES_PER_BLOCK]
        ids = [article["article_id"] for article in block]
        bodies = queries.article_bodies(con, ids)
        spans: dict[str, dict[str, list[queries.Row]]] = {
            "claims": defaultdict(list),
            "mentions": defaultdict(list),
            "wire": defaultdict(list),
        }
        for kind, rows in (
            ("claims", queries.article_claims(con, ids)),
            ("mentions", queries.article_mentions(con, ids)),
            ("wire", queries.wire_sentences(con, ids)),
        ):
            for row in rows:
                spans[kind][row["article_id"]].append(row)
        for article in block:
            article_id = article["article_id"]
            yield (
                render.article_href(article_id),
                render.article_page(
                    {**article, "body": bodies[article_id]},
                    events_by_id.get(article["event_id"]),
                    spans["claims"][article_id],
                    spans["mentions"][article_id],
                    spans["wire"][article_id],
                    labels,
                    source=source,
                    banner=banner,
                ),
            )


def _by_group(rows: list[queries.Row]) -> dict[str, list[queries.Row]]:
    """`rows` (claims or history states) keyed by their group, in their order."""
    grouped: dict[str, list[queries.Row]] = defaultdict(list)
    for row in rows:
        grouped[row["group_id"]].append(row)
    return grouped


def _event_page(
    event: queries.Row,
    found: dict[str, list[queries.Row]],
    articles: list[queries.Row],
    labels: dict[str, str],
    chart: Callable[[queries.Row, list[queries.Row]], str],
    *,
    source: str,
    banner: str,
) -> str:
    """One event's page from its `found` groups, claims and history (queries.by_event): its
    groups with their claims, and how each changed group moved."""
    return render.event_page(
        event,
        found["groups"],
        _by_group(found["claims"]),
        articles,
        labels,
        chart,
        source=source,
        banner=banner,
        history_by_group=_by_group(found["history"]),
    )


def build_report(published: Path, out_dir: Path) -> Path:
    """Write the report of the warehouse file `published` into `out_dir`; returns index.html.

    `published` may be any warehouse file (the published one, or a build set aside in
    rejected/); it is only read. `out_dir` is replaced whole.
    """
    published, out_dir = Path(published), Path(out_dir)
    if not published.is_file():
        raise FileNotFoundError(f"no warehouse file at {published}")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # Reports before the charts were drawn here kept rendered SVGs beside the report; nothing
    # reads that folder now.
    shutil.rmtree(out_dir.with_name(f".{out_dir.name}.charts"), ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        # closing(): on a failed write the generator ends here, before the connection it
        # reads closes.
        with (
            store.connect(published, read_only=True) as con,
            closing(render_pages(con, published)) as made,
        ):
            for relative, text in made:
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        # mkdtemp makes a private (0700) folder; the report is meant to be read by anyone who
        # can read the warehouse folder.
        os.chmod(staging, 0o755)
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir / "index.html"


def _swap(staging: Path, out_dir: Path) -> None:
    # Two renames on one filesystem: the old report moves aside, the new one takes its name.
    # Between them the folder is briefly absent (a reader gets "not found", never a mix).
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(out_dir, old)
    os.replace(staging, out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
