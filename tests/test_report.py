"""The offline report (warehouse/pages) on real warehouses built by the flow.

Two warehouses per module: the seeds, published; and the seeds plus a sixth outlet claiming
8,000 bodies per side, which the critical per-side check blocks, so its report is built from
the build set aside in rejected/. The browser tests open the pages in headless Debian
chromium from disk.
"""

from __future__ import annotations

import html
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from tests.conftest import SEEDS
from warehouse.pages import build, build_report, conflicts_markdown, render

# A sixth outlet that reports 8,000 bodies per side against the seeds' 6,000.
CONFLICTING_ARTICLE = """\
Prisoner swap agreed in Istanbul talks

Russia and Ukraine agreed in Istanbul on Monday to hand over the bodies of 8,000 killed \
soldiers from each side, Defense Minister Rustem Umerov said after the talks at the Ciragan \
Palace with Vladimir Medinsky.

Both sides also agreed to exchange wounded prisoners of war, Umerov said.
"""

SELECT_BODIES = """
SELECT c.outlet_key, c.outlet, c.per_side_value, c.status, c.n_independent, c.consensus_low,
       c.consensus_high
FROM claim_comparison c JOIN claim_groups g ON g.group_id = c.group_id
WHERE g.subject = 'body' AND g.scope = 'per_side'
ORDER BY outlet_key
"""


def fetch(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def run(source: Path, warehouse: Path):
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    settings = Settings().with_overrides(source=str(source), warehouse_dir=warehouse)
    return newsclaims_flow(settings=settings)


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, prefect_harness) -> tuple[Path, Path]:
    """(published warehouse file, report index) for the seeds."""
    warehouse = tmp_path_factory.mktemp("report_wh")
    summary = run(SEEDS, warehouse)
    assert summary.status == "published", summary.render()
    published = warehouse / "newsclaims.duckdb"
    return published, build_report(published, warehouse / "report")


@pytest.fixture(scope="module")
def conflict_report(tmp_path_factory, prefect_harness) -> tuple[Path, Path]:
    """(rejected build file, report index) for the seeds plus the 8,000-bodies article."""
    source = tmp_path_factory.mktemp("conflict_src")
    shutil.copytree(SEEDS, source, dirs_exist_ok=True)
    (source / "005_conflicting.txt").write_text(CONFLICTING_ARTICLE, encoding="utf-8")
    warehouse = tmp_path_factory.mktemp("conflict_wh")
    summary = run(source, warehouse)
    assert summary.status == "blocked", summary.render()
    assert not (warehouse / "newsclaims.duckdb").exists()
    (rejected,) = sorted((warehouse / "rejected").glob("*.duckdb"))
    return rejected, build_report(rejected, warehouse / "report")


def event_ids(path: Path) -> list[tuple[str, str]]:
    return fetch(path, "SELECT event_id, label FROM events ORDER BY event_id")


def section(page: str, subject: str, status: str | None = None) -> str:
    """The HTML of the claim group section for `subject` on an event page (the first one)."""
    pattern = rf'<section class="group[^"]*"[^>]*data-subject="{re.escape(subject)}"'
    if status:
        pattern += rf' data-status="{status}"'
    match = re.search(pattern + r".*?</section>", page, flags=re.S)
    assert match, f"no {subject!r} section"
    return match.group(0)


def text_of(html_text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html_text))


# --- the seeds' report -------------------------------------------------------------------


def test_index_lists_the_seeds_event(seeds_report):
    published, index = seeds_report
    [(event_id, label)] = event_ids(published)
    page = index.read_text(encoding="utf-8")
    assert f'href="events/{event_id}.html"' in page
    assert f">{label}</a>" in page
    assert (index.parent / "events" / f"{event_id}.html").is_file()
    # n_articles and n_outlets of the seeds' event: five articles, five outlets.
    assert re.search(r"<td class=num>5</td><td class=num>5</td>", page)


def test_bodies_group_shows_four_outlets_at_6000_per_side(seeds_report):
    published, index = seeds_report
    rows = fetch(published, SELECT_BODIES)
    # The warehouse's own answer first: four outlets, each 6,000 per side, all agreeing.
    assert {r[0] for r in rows} and len({r[0] for r in rows}) == 4
    assert {(r[2], r[3], r[4], r[5], r[6]) for r in rows} == {
        (6000.0, "consistent", 4, 6000.0, 6000.0)
    }
    [(event_id, _)] = event_ids(published)
    page = (index.parent / "events" / f"{event_id}.html").read_text(encoding="utf-8")
    body = section(page, "body")
    shown = text_of(body)
    assert "consensus 6,000" in shown and "independent 4" in shown and "outlets 4" in shown
    assert "scope per_side" in shown
    for _, outlet, *_ in rows:
        name = outlet or "unnamed ("
        assert name in shown, name
    # Every outlet's sentence has its printed number highlighted; the chart is inline SVG.
    assert body.count("<mark>6,000</mark>") >= 3
    assert "<mark>more than 6,000</mark>" in body
    assert "<svg " in body and "<img" not in body


def test_quotes_are_highlighted_from_offsets(seeds_report):
    published, index = seeds_report
    [(event_id, _)] = event_ids(published)
    page = (index.parent / "events" / f"{event_id}.html").read_text(encoding="utf-8")
    quotes = fetch(published, "SELECT quote FROM numeric_claims WHERE group_id IS NOT NULL")
    # Every <mark> but the one in the page's explanation ("the printed number is highlighted").
    marks = re.findall(r"<mark>(.*?)</mark>", page)
    assert marks.count("highlighted") == 1
    marks.remove("highlighted")
    assert sorted(html.unescape(m) for m in marks) == sorted(q for (q,) in quotes)


def test_wire_copies_are_marked(seeds_report):
    published, index = seeds_report
    [(event_id, _)] = event_ids(published)
    page = (index.parent / "events" / f"{event_id}.html").read_text(encoding="utf-8")
    wire_claims = fetch(
        published,
        "SELECT count(*) FROM numeric_claims c JOIN sentences s USING (sentence_id) "
        "WHERE s.is_wire_copy AND c.group_id IS NOT NULL",
    )[0][0]
    assert wire_claims > 0  # the seeds' two unnamed articles share wire sentences
    assert page.count('class="badge wire"') == wire_claims


def test_article_pages_mark_claims_and_entities(seeds_report):
    published, index = seeds_report
    counts = fetch(
        published,
        """SELECT a.article_id,
                  (SELECT count(*) FROM numeric_claims c
                   WHERE c.article_id = a.article_id AND c.part_role = 'body'),
                  (SELECT count(*) FROM entity_mentions m
                   WHERE m.article_id = a.article_id AND m.part_role = 'body')
           FROM articles a""",
    )
    assert len(counts) == 5
    for article_id, n_claims, n_mentions in counts:
        page = (index.parent / "articles" / f"{article_id}.html").read_text(encoding="utf-8")
        assert page.count('<mark class="claim') == n_claims + 1  # + the legend's sample
        assert page.count('<span class="entity" title=') == n_mentions
        assert "could not be nested" not in page
    umerov = fetch(
        published,
        "SELECT m.article_id, m.text FROM entity_mentions m JOIN entities e USING (entity_id) "
        "WHERE e.name = 'Rustem Umerov' LIMIT 1",
    )[0]
    page = (index.parent / "articles" / f"{umerov[0]}.html").read_text(encoding="utf-8")
    assert f'<span class="entity" title="PERSON: Rustem Umerov">{umerov[1]}</span>' in page


def test_links_are_relative_and_resolve(seeds_report):
    _, index = seeds_report
    root = index.parent
    for page in root.rglob("*.html"):
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            assert not urlsplit(href).scheme, (page, href)
            target = href.split("#")[0]
            assert (page.parent / target).resolve().is_file(), (page, href)


def test_rebuild_replaces_the_folder_whole(seeds_report, tmp_path):
    published, _ = seeds_report
    out = tmp_path / "report"
    build_report(published, out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    index = build_report(published, out)
    assert index == out / "index.html" and index.is_file()
    assert not (out / "stale.html").exists()
    # Beside the report nothing remains (no staging or old folder).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def report_files(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.html"))
    }


def test_pages_made_in_blocks_equal_pages_made_at_once(seeds_report, tmp_path, monkeypatch):
    # The report reads bodies and spans a block of articles at a time (one block for the five
    # seeds by default); blocks of two cut the seeds in three, and every page comes out the same.
    published, index = seeds_report
    monkeypatch.setattr(build, "ARTICLES_PER_BLOCK", 2)
    monkeypatch.setattr(build, "EVENT_ARTICLES_PER_BLOCK", 1)
    blocked = build_report(published, tmp_path / "report")
    expected = report_files(index.parent)
    assert len([p for p in expected if p.startswith("articles/")]) == 5
    assert report_files(blocked.parent) == expected


def test_a_page_that_fails_leaves_the_old_report(seeds_report, tmp_path, monkeypatch):
    # Pages are written as they are made: a failure after some are written must still leave
    # the previous report whole and no half-written folder beside it.
    published, _ = seeds_report
    out = tmp_path / "report"
    build_report(published, out)
    before = report_files(out)
    made = 0
    article_page = render.article_page

    def third_fails(*args, **kwargs):
        nonlocal made
        made += 1
        if made == 3:
            raise RuntimeError("third article page failed")
        return article_page(*args, **kwargs)

    monkeypatch.setattr(render, "article_page", third_fails)
    with pytest.raises(RuntimeError, match="third article page failed"):
        build_report(published, out)
    assert report_files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_no_markdown_conflicts_for_the_seeds(seeds_report):
    published, index = seeds_report
    text = conflicts_markdown(published, index)
    assert "No claim group is in conflict" in text
    assert index.resolve().as_uri() in text


# --- the conflict report ------------------------------------------------------------------


def test_conflict_page_shows_both_values(conflict_report):
    rejected, index = conflict_report
    assert fetch(
        rejected,
        "SELECT status FROM claim_groups WHERE subject = 'body' AND scope = 'per_side'",
    ) == [("conflict",)]
    [(event_id, label)] = event_ids(rejected)
    index_page = index.read_text(encoding="utf-8")
    assert '<tr class="conflict">' in index_page and "Rejected build" in index_page
    page = (index.parent / "events" / f"{event_id}.html").read_text(encoding="utf-8")
    body = section(page, "body", "conflict")
    shown = text_of(body)
    assert "8,000" in shown and "6,000" in shown
    assert "<mark>8,000</mark>" in body and "<mark>6,000</mark>" in body
    # Conflicting groups come first on the event page.
    assert page.index('data-status="conflict"') < page.index('data-status="consistent"')


def test_conflicts_markdown_lists_what_each_outlet_said(conflict_report):
    rejected, index = conflict_report
    text = conflicts_markdown(rejected, index)
    assert "**body** (per\\_side, count)" in text
    assert "“8,000”" in text and "“6,000”" in text
    assert f"({index.resolve().as_uri()})" in text
    assert conflicts_markdown(rejected, None).rstrip().endswith("No report was built for this run.")


# --- offline -----------------------------------------------------------------------------

EXTERNAL_ATTR = re.compile(
    r"""(?:src|href|action|poster|data|srcset|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""", re.I
)
EXTERNAL_CSS = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import)""", re.I)


@pytest.mark.parametrize("which", ["seeds_report", "conflict_report"])
def test_no_external_reference_anywhere(which, request):
    source, index = request.getfixturevalue(which)
    bodies = "\n".join(b for (b,) in fetch(source, "SELECT body FROM articles"))
    files = sorted(p for p in index.parent.rglob("*") if p.is_file())
    assert files and all(p.suffix == ".html" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not EXTERNAL_ATTR.search(text), path
        assert not EXTERNAL_CSS.search(text), path
        # Any http(s) string at all must be text copied from an article.
        for url in re.findall(r"https?://[^\s\"'<>]+", text):
            assert url in bodies, (path, url)


# --- in a browser -------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)

# The browser's own background services (time sync, component updates, sign-in) that it asks
# for even with background networking disabled; they are not requests of the page, and the
# resolver rule below maps every host to nothing, so they cannot leave the machine either.
BROWSER_HOSTS = ("google.com", "googleapis.com", "gstatic.com", "gvt1.com")


def chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        # No host resolves: a request the page made could not leave the machine, and it is
        # logged (NotifyBeforeURLRequest) before it fails, which is what the test reads.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr",
        "--v=1",
        *extra,
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


def requested_urls(log: str) -> list[str]:
    return re.findall(r"NotifyBeforeURLRequest: (\S+)", log)


def page_requests(log: str) -> list[str]:
    """The http(s) requests in a chromium log that are not the browser's own services."""
    urls = []
    for url in requested_urls(log):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            continue
        host = parts.hostname or ""
        if any(host == h or host.endswith("." + h) for h in BROWSER_HOSTS):
            continue
        urls.append(url)
    return urls


def png_pixels(path: Path, max_rows: int) -> tuple[int, int, set[bytes]]:
    """(width, height, distinct pixels of the first `max_rows` rows) of an 8-bit RGB(A) PNG.

    Decoded with zlib and the PNG row filters by hand: no imaging library is installed.
    """
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 4 if colour == 6 else 3
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    previous = bytearray(stride)
    pixels: set[bytes] = set()
    for y in range(min(height, max_rows)):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = previous[i - bpp] if i >= bpp else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        pixels.update(bytes(line[i : i + bpp]) for i in range(0, stride, bpp))
        previous = line
    return width, height, pixels


@needs_chromium
def test_browser_detects_a_page_request(tmp_path):
    """The control: the log does show a request a page makes, so its absence means something."""
    control = tmp_path / "control.html"
    control.write_text(
        '<!DOCTYPE html><img src="http://control-host.invalid/x.png">', encoding="utf-8"
    )
    result = chromium(tmp_path, control.as_uri(), "--dump-dom")
    assert "http://control-host.invalid/x.png" in page_requests(result.stderr)


@needs_chromium
def test_browser_renders_the_seeds_event_page_offline(seeds_report, tmp_path):
    published, index = seeds_report
    [(event_id, label)] = event_ids(published)
    page = index.parent / "events" / f"{event_id}.html"

    result = chromium(tmp_path, page.as_uri(), "--dump-dom")
    dom = result.stdout
    assert label in dom
    body = text_of(section(dom, "body"))
    assert "consensus 6,000" in body
    for (outlet,) in fetch(
        published,
        "SELECT DISTINCT coalesce(outlet, 'unnamed (') FROM claim_comparison "
        "WHERE subject = 'body'",
    ):
        assert outlet in body, outlet
    assert page_requests(result.stderr) == []
    assert not re.search(r"<(?:img|script|link|iframe)\b", dom)

    shot = tmp_path / "event.png"
    result = chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert page_requests(result.stderr) == []
    width, height, pixels = png_pixels(shot, max_rows=400)
    assert (width, height) == (1280, 2000)
    # A blank page is one colour; text, badges and the chart give anti-aliased hundreds.
    assert len(pixels) > 50, len(pixels)


@needs_chromium
def test_browser_shows_the_conflict_and_both_values(conflict_report, tmp_path):
    rejected, index = conflict_report
    [(event_id, _)] = event_ids(rejected)
    page = index.parent / "events" / f"{event_id}.html"
    result = chromium(tmp_path, page.as_uri(), "--dump-dom")
    body = text_of(section(result.stdout, "body", "conflict"))
    assert "8,000" in body and "6,000" in body and "conflict" in body
    assert page_requests(result.stderr) == []
    index_dom = chromium(tmp_path, index.as_uri(), "--dump-dom").stdout
    assert "Rejected build" in index_dom
