"""build._event_blocks: the report's events cut into blocks of about EVENT_ARTICLES_PER_BLOCK
articles, in order, each event whole in one block."""

from __future__ import annotations

from warehouse.pages import build


def test_events_are_cut_where_their_articles_reach_the_block_size(monkeypatch):
    monkeypatch.setattr(build, "EVENT_ARTICLES_PER_BLOCK", 2_000)
    sizes = [1_500, 600, 100, 2_500, 3, None]  # None: an event with no article in the file
    # The stored n_articles is ignored (a rejected build may have it wrong or NULL).
    events = [{"event_id": f"e{i}", "n_articles": None} for i in range(len(sizes))]
    articles = {f"e{i}": n for i, n in enumerate(sizes) if n is not None}
    cut = build._event_blocks(events, articles)
    assert [[e["event_id"] for e in block] for block in cut] == [
        ["e0", "e1"],
        ["e2", "e3"],
        ["e4", "e5"],
    ]


def test_no_events_no_blocks():
    assert list(build._event_blocks([], {})) == []
