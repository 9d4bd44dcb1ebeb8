"""Read raw files from a folder or glob: the only place that touches the source filesystem.

Nothing is filtered out silently: every regular file found is returned, with its bytes or with
the reason it could not be read, and ingest decides what to quarantine.
"""

from __future__ import annotations

import glob
import hashlib
import os
from pathlib import Path

from transforms.ingest.files import FoundFile


def discover(source: str) -> tuple[Path, list[Path]]:
    """The root and sorted candidate files of `source`: a folder (searched recursively) or a glob.

    Hidden files and folders (a leading dot) are skipped: editors and version control keep
    their state there, and it is never an article.
    """
    root = Path(source)
    if root.is_dir():
        found = [p for p in root.rglob("*") if not _hidden(p.relative_to(root))]
    elif any(ch in source for ch in "*?["):
        found = [Path(p) for p in glob.glob(source, recursive=True)]
        parents = [str(p.parent.resolve()) for p in found] or [str(Path.cwd())]
        root = Path(os.path.commonpath(parents))
    else:
        raise FileNotFoundError(f"source {source!r} is neither a folder nor a glob")
    # Everything but folders: a FIFO or socket is reported (quarantined), never skipped.
    return root, sorted(p for p in found if p.is_symlink() or not p.is_dir())


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_file(path: Path, root: Path, max_bytes: int) -> FoundFile:
    """Read `path`, refusing links out of `root` and files over `max_bytes` without loading them."""
    shown = str(path)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return FoundFile(
            shown, None, None, None, f"unreadable: broken link or path ({exc.__class__.__name__})"
        )
    if path.is_symlink() and not real.is_relative_to(root.resolve()):
        return FoundFile(shown, None, None, None, f"link points outside the source folder: {real}")
    if not real.is_file():
        return FoundFile(shown, None, None, None, "not a regular file")
    try:
        size = real.stat().st_size
        if size > max_bytes:
            return FoundFile(
                shown, None, size, None, f"oversized: {size} bytes > limit {max_bytes}"
            )
        data = real.read_bytes()
    except OSError as exc:
        return FoundFile(shown, None, None, None, f"unreadable: {exc.strerror or exc}")
    return FoundFile(shown, data, len(data), hashlib.sha256(data).hexdigest(), None)
