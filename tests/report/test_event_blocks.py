"""build._event_blocks: the report's events cut into blocks of about EVENT_ARTICLES_PER_BLOCK
articles, in order, each event whole in one block."""

from __future__ import annotations

from warehouse.pages import build


def test_events_are_cut_where_their_articles_reach_the_block_size(monkeypatch):
    monkeypatch.setattr(build, "EVENT_ARTICLES_PER_BLOCK", 2_000)
    sizes = [1_500, 600, 100, 2_500, 3, None]  # None: an event whose count is unknown
    events = [{"event_id": f"e{i}", "n_articles": n} for i, n in enumerate(sizes)]
    blocks = [[e["event_id"] for e in block] for block in build._event_blocks(events)]
    assert blocks == [["e0", "e1"], ["e2", "e3"], ["e4", "e5"]]


def test_no_events_no_blocks():
    assert list(build._event_blocks([])) == []
