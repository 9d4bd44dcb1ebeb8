"""One writer per warehouse folder: a second run is refused, not queued.

An advisory `flock` on a lock file is released by the kernel when the holding process dies,
so a killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another newsclaims run holds the warehouse."""


@contextmanager
def run_lock(warehouse_dir: Path) -> Iterator[None]:
    """Hold the warehouse's run lock for the duration of the block, or raise WarehouseBusy."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    path = warehouse_dir / ".newsclaims.lock"
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise WarehouseBusy(
                f"another newsclaims run is writing {warehouse_dir} (pid {holder}); "
                "try again when it has finished"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
