"""The manifest reader: usable rows and every problem, never an exception."""

from __future__ import annotations

import datetime as dt

from transforms.ingest.manifest import match_files, parse_manifest

CSV = """\
path,outlet,published_date,url,title,authors,section
1/a.txt,Reuters,2013-05-03,https://www.reuters.com/a,Lohan checks in,Jane Doe; John Roe,US
./1/b.txt,AP,3 May 2013,,,,
1/a.txt,BBC News,,,,,
1/c.txt,Fox News
,Nobody,,,,,
"""

JSONL = """\
{"path": "1/a.txt", "outlet": "Reuters", "authors": ["Jane Doe", "John Roe"], "extra": 1}
{"path": "1/b.txt", "published_date": "2013-02-30"}
not json at all
["1/c.txt", "Fox News"]

{"path": "1/d.txt", "authors": "Ann Lee; Bo Chen", "title": 7}
{"path": "1/a.txt", "outlet": "again"}
"""


def test_csv_rows_values_and_problems():
    manifest = parse_manifest(CSV, "manifest.csv")
    rows = {r["path"]: r for r in manifest.entries.iter_rows(named=True)}
    assert sorted(rows) == ["1/a.txt", "1/b.txt"]  # "./1/b.txt" normalized
    a = rows["1/a.txt"]
    assert (a["outlet"], a["published_date"], a["url"]) == (
        "Reuters",
        dt.date(2013, 5, 3),
        "https://www.reuters.com/a",
    )
    assert a["authors"] == ["Jane Doe", "John Roe"]  # ";"-separated in CSV
    assert rows["1/b.txt"]["outlet"] == "AP" and rows["1/b.txt"]["published_date"] is None
    issues = [(i.line, i.path, i.issue) for i in manifest.issues]
    assert issues == [
        (0, None, "unknown column(s) ignored: ['section']"),
        (3, "1/b.txt", "published_date: not an ISO date (YYYY-MM-DD): '3 May 2013'; ignored"),
        (4, "1/a.txt", "duplicate path (first at line 2)"),
        (5, None, "malformed line: 2 fields, header has 7"),
        (6, None, "row without a path"),
    ]


def test_jsonl_rows_values_and_problems():
    manifest = parse_manifest(JSONL, "manifest.jsonl")
    rows = {r["path"]: r for r in manifest.entries.iter_rows(named=True)}
    assert sorted(rows) == ["1/a.txt", "1/b.txt", "1/d.txt"]
    assert rows["1/a.txt"]["authors"] == ["Jane Doe", "John Roe"]  # a JSON list
    assert rows["1/d.txt"]["authors"] == ["Ann Lee", "Bo Chen"]  # a string splits as in CSV
    assert rows["1/d.txt"]["title"] is None
    problems = {(i.line, i.issue.split(":")[0]) for i in manifest.issues}
    assert problems == {
        (0, "unknown column(s) ignored"),
        (2, "published_date"),  # February 30th
        (3, "malformed line"),
        (4, "malformed line"),  # a list, not an object
        (6, "title"),  # a number, not text
        (7, "duplicate path (first at line 1)"),
    }


def test_rows_naming_no_found_file_are_issues_and_keys_become_found_paths():
    manifest = parse_manifest(CSV, "manifest.csv")
    matched = match_files(manifest, {"1/a.txt": "/corpus/1/a.txt"})
    assert matched.entries["path"].to_list() == ["/corpus/1/a.txt"]
    assert (3, "1/b.txt", "no such file under the source") in [
        (i.line, i.path, i.issue) for i in matched.issues
    ]


def test_an_empty_or_headerless_manifest_has_no_rows():
    assert parse_manifest("", "manifest.csv").entries.height == 0
    manifest = parse_manifest("outlet\nReuters\n", "manifest.csv")
    assert manifest.entries.height == 0
    assert [i.issue for i in manifest.issues] == ["row without a path"]
