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
from transforms.ingest.manifest import (
    MANIFEST_NAMES,
    Manifest,
    ManifestIssue,
    empty_manifest,
    match_files,
    parse_manifest,
)


def _is_glob(source: str) -> bool:
    return any(ch in source for ch in "*?[")


def _glob_root(found: list[Path]) -> Path:
    parents = [str(p.parent.resolve()) for p in found] or [str(Path.cwd())]
    return Path(os.path.commonpath(parents))


def discover(source: str, manifest: Path | None = None) -> tuple[Path, list[Path]]:
    """The root and sorted candidate files of `source`: a folder (searched recursively) or a glob.

    Hidden files and folders (a leading dot) are skipped: editors and version control keep
    their state there, and it is never an article. Neither is the metadata `manifest`, when
    it lies among the files.
    """
    root = Path(source)
    if root.is_dir():
        found = [p for p in root.rglob("*") if not _hidden(p.relative_to(root))]
    elif _is_glob(source):
        found = [Path(p) for p in glob.glob(source, recursive=True)]
        root = _glob_root(found)
    else:
        raise FileNotFoundError(f"source {source!r} is neither a folder nor a glob")
    if manifest is not None:
        found = [p for p in found if not _same_file(p, manifest)]
    # Everything but folders: a FIFO or socket is reported (quarantined), never skipped.
    return root, sorted(p for p in found if p.is_symlink() or not p.is_dir())


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.resolve() == other.resolve()
    except (OSError, RuntimeError):
        return False


def find_manifest(source: str, named: Path | None) -> Path | None:
    """The manifest of `source`: `named` if given, else manifest.csv (then manifest.jsonl) at
    the source root (a folder, or the folder a glob's files share), else None."""
    if named is not None:
        return named
    if Path(source).is_dir():
        root = Path(source)
    elif _is_glob(source):
        root = _glob_root([Path(p) for p in glob.glob(source, recursive=True)])
    else:
        return None
    return next((root / n for n in MANIFEST_NAMES if (root / n).is_file()), None)


def relative_path(path: Path, root: Path) -> str:
    """`path` relative to the source root, posix: the key a manifest row names it by."""
    try:
        relative = path.relative_to(root)
    except ValueError:  # a glob's files are found unresolved, its root resolved
        relative = (path.parent.resolve() / path.name).relative_to(root.resolve())
    return relative.as_posix()


def read_manifest(manifest: Path | None, root: Path, paths: list[Path]) -> Manifest:
    """The manifest's rows keyed by each file's path as found (str(path)), and its issues. An
    unreadable manifest is one issue, never a failed run: the files keep their text values."""
    if manifest is None:
        return empty_manifest()
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Manifest(empty_manifest().entries, [ManifestIssue(0, None, f"unreadable: {exc}")])
    found = {relative_path(p, root): str(p) for p in paths}
    return match_files(parse_manifest(text, manifest.name), found)


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
