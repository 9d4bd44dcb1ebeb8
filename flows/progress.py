"""Progress lines for long stages: done, rate and ETA, at most every `every` seconds."""

from __future__ import annotations

import logging
import time


class Progress:
    """Log `what: done/total (rate/s, ETA)` when `every` seconds have passed since the last
    line, and once at the end, so a long parse is never silent in the terminal or the UI."""

    def __init__(self, what: str, total: int, logger: logging.Logger | logging.LoggerAdapter,
                 every: float = 10.0) -> None:  # fmt: skip
        self.what, self.total, self.logger, self.every = what, total, logger, every
        self.started = self.last = time.perf_counter()

    def update(self, done: int) -> None:
        now = time.perf_counter()
        if now - self.last < self.every and done < self.total:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        eta = (self.total - done) / rate if rate > 0 else float("inf")
        self.logger.info(
            "%s: %d/%d articles (%.1f/s, ETA %.0f s)", self.what, done, self.total, rate, eta
        )
