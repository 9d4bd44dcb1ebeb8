"""ChartCache.prefetch: charts drawn ahead in worker processes are the ones drawn here, stored
in the cache folder once inlined, and never drawn twice."""

from __future__ import annotations

import pytest

from tests.report.test_markup import claim
from warehouse.pages import chart_cache
from warehouse.pages.chart_cache import ChartCache
from warehouse.pages.charts import chart_spec, render_svg

LABELS = {"A": "Alpha", "B": "Beta", "C": "Gamma"}


def _job(value: int) -> tuple[dict, str]:
    group = {
        "subject": f"body {value}",
        "unit": None,
        "scope": "total",
        "status": "consistent",
        "consensus_low": value * 0.99,
        "consensus_high": value * 1.01,
    }
    claims = [claim("A", f"{value:,}", value, value), claim("B", f"{value:,}", value, value)]
    return chart_spec(group, claims, LABELS), group["subject"]


def test_charts_drawn_ahead_in_two_processes_equal_charts_drawn_here(tmp_path, monkeypatch):
    monkeypatch.setattr(chart_cache, "MIN_CHARTS_PER_PROCESS", 2)
    jobs = [_job(value) for value in (1_000, 2_000, 3_000, 4_000, 1_000)]  # one repeated
    cache = ChartCache(tmp_path / "charts")
    with cache.drawing(workers=2):
        assert cache.prefetch(jobs) == 4  # the repeated spec is drawn once
        for spec, subject in jobs[:4]:
            assert cache.svg(spec, subject) == render_svg(spec, subject)
        assert cache.rendered == 4 and len(list((tmp_path / "charts").glob("*.svg"))) == 4
        # Cached now: a second prefetch draws nothing, and the page inlines the stored SVG.
        assert cache.prefetch(jobs) == 0
        assert cache.svg(*jobs[4]) == render_svg(*jobs[4]) and cache.reused == 1
        # A later block's charts are drawn by the same processes (started once).
        pool = cache._pool
        assert pool is not None
        assert cache.prefetch([_job(6_000), _job(7_000), _job(8_000), _job(9_000)]) == 4
        assert cache._pool is pool
    assert cache._pool is None  # the processes end with the block
    # Outside drawing() nothing is drawn ahead: svg() draws each chart itself.
    assert cache.prefetch([_job(10_000), _job(11_000), _job(12_000), _job(13_000)]) == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_too_few_charts_for_a_process_are_left_to_draw_here(tmp_path, workers):
    cache = ChartCache(None)
    with cache.drawing(workers):
        assert cache.prefetch([_job(5_000)]) == 0
    assert cache.svg(*_job(5_000)) == render_svg(*_job(5_000)) and cache.rendered == 1
