"""The manifest beside the files: found at the source root or named, never an article, hashed
into the fingerprint, and a named one must exist (exit 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import sources
from flows.cli import main
from flows.settings import Settings, SettingsError


def _source(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "1").mkdir(parents=True)
    (root / "1" / "a.txt").write_text("Talks resumed in Geneva on Monday, officials said.\n")
    (root / "b.txt").write_text("Talks ended in Geneva on Tuesday, officials said.\n")
    return root


def test_the_root_manifest_is_found_and_never_a_candidate_file(tmp_path):
    root = _source(tmp_path)
    (root / "manifest.csv").write_text("path,outlet\n1/a.txt,Reuters\nb.txt,AP\nc.txt,BBC\n")
    manifest = sources.find_manifest(str(root), None)
    assert manifest == root / "manifest.csv"
    found_root, paths = sources.discover(str(root), manifest)
    assert [p.relative_to(root).as_posix() for p in paths] == ["1/a.txt", "b.txt"]
    read = sources.read_manifest(manifest, found_root, paths)
    assert dict(read.entries.select("path", "outlet").iter_rows()) == {
        str(root / "1" / "a.txt"): "Reuters",
        str(root / "b.txt"): "AP",
    }
    assert [(i.line, i.path, i.issue) for i in read.issues] == [
        (4, "c.txt", "no such file under the source")
    ]


def test_a_glob_source_finds_its_manifest_and_matches_paths(tmp_path):
    root = _source(tmp_path)
    (root / "manifest.jsonl").write_text('{"path": "b.txt", "outlet": "AP"}\n')
    source = str(root / "**" / "*")
    manifest = sources.find_manifest(source, None)
    found_root, paths = sources.discover(source, manifest)
    assert manifest.name == "manifest.jsonl" and manifest not in paths
    read = sources.read_manifest(manifest, found_root, paths)
    assert read.entries["outlet"].to_list() == ["AP"] and read.issues == []


def test_an_unreadable_manifest_is_an_issue_not_a_failure(tmp_path):
    root = _source(tmp_path)
    (root / "manifest.csv").write_bytes(b"path,outlet\n\xff\xfe bad bytes\n")
    found_root, paths = sources.discover(str(root), root / "manifest.csv")
    read = sources.read_manifest(root / "manifest.csv", found_root, paths)
    assert read.entries.height == 0 and read.issues[0].issue.startswith("unreadable")


def test_a_named_manifest_must_exist(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("NEWSCLAIMS_MANIFEST", str(tmp_path / "missing.csv"))
    with pytest.raises(SettingsError, match="NEWSCLAIMS_MANIFEST / --manifest names no file"):
        Settings()
    monkeypatch.delenv("NEWSCLAIMS_MANIFEST")
    code = main(["run", "--source", str(_source(tmp_path)), "--manifest", str(tmp_path / "no")])
    err = capsys.readouterr().err
    assert code == 4 and len(err.strip().splitlines()) == 1 and "--manifest" in err


def test_the_manifest_enters_the_fingerprint(tmp_path):
    root = _source(tmp_path)
    settings = Settings().with_overrides(source=str(root))
    without = settings.fingerprint()
    (root / "manifest.csv").write_text("path,outlet\nb.txt,AP\n")
    with_ap = settings.fingerprint()
    (root / "manifest.csv").write_text("path,outlet\nb.txt,Reuters\n")
    assert len({without, with_ap, settings.fingerprint()}) == 3
    named = tmp_path / "elsewhere.jsonl"
    named.write_text('{"path": "b.txt", "outlet": "AP"}\n')
    assert settings.with_overrides(manifest=named).manifest_file == named
