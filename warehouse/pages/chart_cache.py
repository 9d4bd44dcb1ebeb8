"""Rendered charts kept between reports, keyed by their spec: an unchanged group is not drawn again.

Rendering is most of a report's time at scale (vl-convert took 159 of 527 s for the 691 charts
of an ECB+ report, about 0.23 s each on a loaded 2-core machine), and a scheduled run changes
few groups, so each SVG is stored under the hash of its spec and renderer version. Entries no
report used in the latest build are pruned, so the folder holds one report's charts at most.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from warehouse.pages.charts import render_svg, spec_key


class ChartCache:
    """SVGs by spec key under `folder` (created on first use); `None` folder: no caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.rendered = 0
        self.reused = 0

    def svg(self, spec: dict, subject: str | None) -> str:
        key = spec_key(spec)
        self.used.add(key)
        path = self.folder / f"{key}.svg" if self.folder else None
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
