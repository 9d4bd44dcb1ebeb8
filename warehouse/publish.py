"""Write-audit-publish: swap a checked build file into place, or set it aside.

DuckDB allows many read-only processes or one writer, never both, so the published file is
never opened for writing. The build file is closed, flushed to disk, then renamed over the
published path: `os.replace` is atomic on one filesystem, a reader holding the old file keeps
reading the old inode without error, and a new reader sees the new file.
"""

from __future__ import annotations

import os
from pathlib import Path

KEEP_REJECTED = 3


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(build: Path, published: Path) -> None:
    """Atomically replace `published` with the closed, checked `build` file."""
    wal = build.with_name(build.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{build} still has a write-ahead log: close its connections first")
    _fsync(build)
    os.replace(build, published)
    _fsync(published.parent)


def reject(build: Path, rejected_dir: Path, run_id: str) -> Path:
    """Move a build that failed its critical checks aside for inspection; keep the last few."""
    rejected_dir.mkdir(parents=True, exist_ok=True)
    target = rejected_dir / f"newsclaims-{run_id}.duckdb"
    os.replace(build, target)
    older = sorted(rejected_dir.glob("newsclaims-*.duckdb"))[:-KEEP_REJECTED]
    for path in older:
        path.unlink(missing_ok=True)
    return target
