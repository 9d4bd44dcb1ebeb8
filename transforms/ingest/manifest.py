"""A manifest: metadata kept beside the article files (outlet, date, URL, title, authors).

Real collections usually carry their metadata in a catalog next to the text, not in it. A
manifest is `manifest.csv` or `manifest.jsonl` at the source root (or the file
`--manifest` / NEWSCLAIMS_MANIFEST names), one row per article file, keyed by `path` relative
to the source root. Columns, all optional but `path`:

- `outlet`, `url`, `title`: text;
- `published_date`: an ISO date (YYYY-MM-DD);
- `authors`: in CSV, names separated by ";" ("Jane Doe; John Roe"); in JSONL, a list of
  strings (a string is split on ";" as in CSV).

An empty value states nothing (the text's value stays). A problem never stops a run: a
malformed line, a row without a path, a second row for a path, a bad date, a list that is not
one, an unknown column, or a row naming no file found is reported (`ManifestIssue`) and the
rest of the manifest is used; a file with no usable row keeps the values read from its text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import polars as pl

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
FIELDS = ("outlet", "published_date", "url", "title", "authors")
ENTRY_SCHEMA = {
    "path": pl.String(),
    "line": pl.Int64(),  # the manifest line the row came from, for issues found later
    "outlet": pl.String(),
    "published_date": pl.Date(),
    "url": pl.String(),
    "title": pl.String(),
    "authors": pl.List(pl.String()),
}
ISSUE_SCHEMA = {"line": pl.Int64(), "path": pl.String(), "issue": pl.String()}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ManifestIssue:
    """One problem of a manifest: its line (1-based; 0 for the whole file) and path if known."""

    line: int
    path: str | None
    issue: str


@dataclass(frozen=True)
class Manifest:
    """The usable rows (ENTRY_SCHEMA, one per path) and the problems found reading them."""

    entries: pl.DataFrame
    issues: list[ManifestIssue]

    def issues_frame(self) -> pl.DataFrame:
        rows = [(i.line, i.path, i.issue) for i in self.issues]
        return pl.DataFrame(rows, schema=ISSUE_SCHEMA, orient="row")


def empty_manifest() -> Manifest:
    return Manifest(pl.DataFrame(schema=ENTRY_SCHEMA), [])


def normalize_path(path: str) -> str:
    """A manifest path as posix, without "./" or surrounding spaces: "./1/a.txt" -> "1/a.txt"."""
    return str(PurePosixPath(path.strip().replace("\\", "/")))


def parse_manifest(text: str, name: str) -> Manifest:
    """Read a manifest's text; `name` (the file name) says the format: .jsonl, else CSV."""
    rows = _jsonl_rows(text) if name.endswith(".jsonl") else _csv_rows(text)
    entries: dict[str, dict] = {}
    first_line: dict[str, int] = {}
    issues: list[ManifestIssue] = []
    unknown: set[str] = set()
    for line, raw in rows:
        if isinstance(raw, str):  # a line that could not be read
            issues.append(ManifestIssue(line, None, raw))
            continue
        entry, problems = _entry(raw, line, unknown)
        issues += problems
        if entry is None:
            continue
        path = entry["path"]
        if path in entries:
            issues.append(
                ManifestIssue(line, path, f"duplicate path (first at line {first_line[path]})")
            )
            continue
        entries[path], first_line[path] = entry, line
    if unknown:
        issues.insert(0, ManifestIssue(0, None, f"unknown column(s) ignored: {sorted(unknown)}"))
    return Manifest(pl.DataFrame(list(entries.values()), schema=ENTRY_SCHEMA), issues)


def _csv_rows(text: str) -> list[tuple[int, dict | str]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        return []
    rows: list[tuple[int, dict | str]] = []
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            rows.append((reader.line_num, f"malformed line: {exc}"))
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            rows.append(
                (reader.line_num, f"malformed line: {len(values)} fields, header has {len(header)}")
            )
            continue
        rows.append((reader.line_num, dict(zip(header, values, strict=True))))


def _jsonl_rows(text: str) -> list[tuple[int, dict | str]]:
    rows: list[tuple[int, dict | str]] = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            rows.append((line, f"malformed line: not JSON ({exc.msg})"))
            continue
        rows.append((line, value if isinstance(value, dict) else "malformed line: not an object"))
    return rows


def _entry(raw: dict, line: int, unknown: set[str]) -> tuple[dict | None, list[ManifestIssue]]:
    """One usable row from a read line (None if it has no path), and its problems."""
    path = raw.get("path")
    if not isinstance(path, str) or not path.strip():
        return None, [ManifestIssue(line, None, "row without a path")]
    path = normalize_path(path)
    unknown.update(k for k in raw if k not in ("path", *FIELDS))
    entry: dict = {"path": path, "line": line}
    issues: list[ManifestIssue] = []
    for field in FIELDS:
        value = raw.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        parsed, problem = _value(field, value)
        if problem is not None:
            issues.append(ManifestIssue(line, path, f"{field}: {problem}; ignored"))
        else:
            entry[field] = parsed
    return entry, issues


def _value(field: str, value: object) -> tuple[object, str | None]:
    """(parsed value, None) or (None, what is wrong with it)."""
    if field == "authors":
        if isinstance(value, str):
            names = [n.strip() for n in value.split(";") if n.strip()]
            return names, None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value if v.strip()], None
        return None, f"not a list of names: {value!r}"
    if not isinstance(value, str):
        return None, f"not text: {value!r}"
    if field == "published_date":
        try:
            if not _ISO_DATE.fullmatch(value.strip()):
                raise ValueError
            return dt.date.fromisoformat(value.strip()), None
        except ValueError:
            return None, f"not an ISO date (YYYY-MM-DD): {value!r}"
    return value.strip(), None


def match_files(manifest: Manifest, found: dict[str, str]) -> Manifest:
    """The manifest keyed by the found files' own paths: `found` maps each file's path
    relative to the source root (posix) to its path as found. A row naming no found file is
    an issue; its values are not used."""
    rows = manifest.entries
    known = rows["path"].is_in(list(found))
    missing = [
        ManifestIssue(line, path, "no such file under the source")
        for path, line in rows.filter(~known).select("path", "line").iter_rows()
    ]
    entries = rows.filter(known).with_columns(
        pl.col("path").replace_strict(found, return_dtype=pl.String())
    )
    return Manifest(entries, manifest.issues + missing)
