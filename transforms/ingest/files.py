"""Ingest decisions: which raw files load, which are unchanged, which are quarantined and why.

Pure: it takes what the source reader found (bytes or a read error per path) and what the
published warehouse already holds, and returns frames. Decoding is `transforms.ingest.decode`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from transforms.contract.schema import columns
from transforms.ingest.decode import decode_bytes
from transforms.text.ids import stable_id

# The decoded files a run parses (not a table: the text is normalized into articles).
NEW_FILE_SCHEMA = {"file_id": pl.String, "path": pl.String, "text": pl.String}


@dataclass(frozen=True)
class FoundFile:
    """What the reader found at one path: bytes and their hash, or the reason it failed."""

    path: str
    data: bytes | None
    size: int | None
    sha256: str | None
    error: str | None


def file_id_for(sha256: str) -> str:
    """Content id of a file: equal bytes, equal id, whatever the path."""
    return stable_id("file", sha256)


def classify_files(
    found: Sequence[FoundFile],
    loaded_file_ids: set[str],
    *,
    run_id: str,
    max_bytes: int,
    seen_at: datetime,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Decide each file's status; return (raw_files rows, decoded new files to parse).

    A file whose content an earlier run loaded is `unchanged` and not decoded again. A second
    path with the same bytes as an earlier path in this run is quarantined as a duplicate, so
    one article never appears twice.
    """
    rows: list[dict] = []
    new: list[dict] = []
    first_path_of: dict[str, str] = {}
    for item in found:
        row = {
            "run_id": run_id,
            "file_id": None,
            "path": item.path,
            "sha256": item.sha256,
            "bytes": item.size,
            "encoding": None,
            "status": "quarantined",
            "reason": item.error,
            "seen_at": seen_at,
        }
        rows.append(row)
        if item.error is not None or item.data is None or item.sha256 is None:
            row["reason"] = row["reason"] or "unreadable"
            continue
        row["file_id"] = file_id_for(item.sha256)
        if item.sha256 in first_path_of:
            row["reason"] = f"duplicate of {first_path_of[item.sha256]}"
            continue
        first_path_of[item.sha256] = item.path
        if row["file_id"] in loaded_file_ids:
            row["status"] = "unchanged"
            continue
        decoded = decode_bytes(item.data, max_bytes=max_bytes)
        row["encoding"] = decoded.encoding
        if decoded.reason is not None or decoded.text is None:
            row["reason"] = decoded.reason
            continue
        row["status"] = "loaded"
        new.append({"file_id": row["file_id"], "path": item.path, "text": decoded.text})
    return (
        pl.DataFrame(rows, schema=columns("raw_files")),
        pl.DataFrame(new, schema=NEW_FILE_SCHEMA),
    )


def articles_to_drop(
    published: pl.DataFrame, raw_files: pl.DataFrame, *, removed_files: str
) -> list[str]:
    """Article ids the build must delete, given what this run found.

    `published` holds article_id, file_id, path of the published warehouse. An article whose
    content is still found under any path (renamed, moved, swapped) is never dropped. One
    whose content is gone is dropped under "drop"; under "keep" only when its path now holds
    other content (the file changed).
    """
    if published.height == 0:
        return []
    found = raw_files.filter(pl.col("status").is_in(["loaded", "unchanged"]))
    gone = published.filter(~pl.col("file_id").is_in(found["file_id"].implode()))
    if removed_files != "drop":
        gone = gone.filter(pl.col("path").is_in(found["path"].implode()))
    return sorted(gone["article_id"])


def plan_drops(
    published: pl.DataFrame, raw_files: pl.DataFrame, *, rebuild: bool, removed_files: str
) -> list[str]:
    """The published article ids a run deletes: every one on a rebuild (the fingerprint
    changed, so every file is parsed again), else those whose file changed or left."""
    if rebuild:
        return sorted(published["article_id"])
    return articles_to_drop(published, raw_files, removed_files=removed_files)


def paths_changed(published: pl.DataFrame, raw_files: pl.DataFrame) -> bool:
    """Whether an unchanged file is now found under another path than the published one."""
    current = raw_files.filter(pl.col("status") == "unchanged").select("file_id", "path")
    moved = published.join(current, on="file_id", suffix="_now").filter(
        pl.col("path") != pl.col("path_now")
    )
    return moved.height > 0


def quarantine_articles(
    raw_files: pl.DataFrame,
    articles: pl.DataFrame,
    parts: pl.DataFrame,
    reasons: dict[str, str],
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Move the files named in `reasons` (file_id -> reason) to quarantine before the parse,
    so one such file never blocks the batch; returns the three frames updated."""
    if not reasons:
        return raw_files, articles, parts
    reason_of = pl.DataFrame(
        {"file_id": list(reasons), "new_reason": list(reasons.values())},
        schema={"file_id": pl.String, "new_reason": pl.String},
    )
    held = pl.col("new_reason").is_not_null() & (pl.col("status") == "loaded")
    raw_files = (
        raw_files.join(reason_of, on="file_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(held).then(pl.lit("quarantined")).otherwise(pl.col("status")).alias("status"),
            pl.when(held).then(pl.col("new_reason")).otherwise(pl.col("reason")).alias("reason"),
        )
        .drop("new_reason")
    )
    gone = articles.filter(pl.col("file_id").is_in(reason_of["file_id"].implode()))
    return (
        raw_files,
        articles.filter(~pl.col("file_id").is_in(gone["file_id"].implode())),
        parts.filter(~pl.col("article_id").is_in(gone["article_id"].implode())),
    )
