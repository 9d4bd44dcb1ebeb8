"""Rendered charts kept between reports, keyed by their spec: an unchanged group is not drawn again.

Rendering is most of a report's time at scale (vl-convert took 159 of 527 s for the 691 charts
of an ECB+ report, about 0.23 s each on a loaded 2-core machine), and a scheduled run changes
few groups, so each SVG is stored under the hash of its spec and renderer version. Entries no
report used in the latest build are pruned, so the folder holds one report's charts at most.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from warehouse.pages.charts import render_svg, spec_key

# Below this many charts to draw per extra process, starting the process (an interpreter and
# vl-convert's JavaScript engine, about 2 s) costs more than it saves (0.1-0.2 s a chart).
MIN_CHARTS_PER_PROCESS = 32


def _render(job: tuple[dict, str | None]) -> str:
    return render_svg(*job)


class ChartCache:
    """SVGs by spec key under `folder` (created on first use); `None` folder: no caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.rendered = 0
        self.reused = 0
        self.drawn: dict[str, str] = {}  # drawn ahead by prefetch(), not yet inlined
        self._workers = 1
        self._pool: ProcessPoolExecutor | None = None

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.svg" if self.folder else None

    @contextmanager
    def drawing(self, workers: int) -> Iterator[None]:
        """Within this block prefetch() draws in up to `workers` processes, started on the first
        prefetch worth them and kept for the next (the report prefetches a block of events at
        a time; starting the processes costs about 2 s)."""
        self._workers = workers
        failed = False
        try:
            yield
        except BaseException:
            failed = True
            raise
        finally:
            if self._pool is not None:
                # On an error the charts still queued are not drawn (nothing would use them).
                self._pool.shutdown(cancel_futures=failed)
            self._pool, self._workers = None, 1

    def prefetch(self, jobs: Iterable[tuple[dict, str | None]]) -> int:
        """Draw ahead, in the processes of drawing(), the charts of `jobs` (spec, subject) that
        are not cached; returns how many were drawn. vl-convert draws one chart at a time per
        process (threads gained nothing, measured), and a cold report of the BBC corpus spent
        85 of its 108 s drawing 879 charts, so the charts of a large report are drawn on
        every core. Too few to be worth a process: none drawn here, svg() draws them."""
        missing: dict[str, tuple[dict, str | None]] = {}
        for spec, subject in jobs:
            key = spec_key(spec)
            path = self._path(key)
            if key not in self.drawn and not (path is not None and path.is_file()):
                missing[key] = (spec, subject)
        if self._pool is None:
            # Started by the first block with charts enough for two processes, with every
            # worker: later blocks (a cold report's whole) use them too.
            if min(self._workers, len(missing) // MIN_CHARTS_PER_PROCESS) < 2:
                return 0
            processes = self._workers
            # A fresh interpreter per process (spawn): the report runs inside the flow's
            # process, whose threads (Prefect's, polars') a fork would copy mid-state.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(processes, mp_context=context)
        drawn = self._pool.map(_render, missing.values(), chunksize=8)
        for key, svg in zip(missing, drawn, strict=True):
            self.drawn[key] = svg
        return len(missing)

    def svg(self, spec: dict, subject: str | None) -> str:
        key = spec_key(spec)
        self.used.add(key)
        path = self._path(key)
        if key in self.drawn:
            svg = self.drawn.pop(key)
            self.rendered += 1
            if path is not None:
                self._store(path, svg)
            return svg
        if path is not None and path.is_file():
            self.reused += 1
            return path.read_text(encoding="utf-8")
        svg = render_svg(spec, subject)
        self.rendered += 1
        if path is not None:
            self._store(path, svg)
        return svg

    def _store(self, path: Path, svg: str) -> None:
        # Written beside and renamed, so a killed run never leaves a half-written chart that a
        # later report would inline.
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(svg)
        os.replace(temporary, path)

    def prune(self) -> int:
        """Delete the charts this report did not use (and leftovers of killed runs)."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.iterdir():
            if path.stem not in self.used or path.suffix != ".svg":
                path.unlink(missing_ok=True)
                removed += 1
        return removed
