"""Operations: bad input, incremental runs, locking, crashes, readers, schedules, the CLI."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT, SEEDS

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "newsclaims.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


# ---------------------------------------------------------------- bad input, one run for all

BAD_FILES = {
    "binary": ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256))),
    "empty": ("empty.txt", b""),
    "whitespace": ("blank.txt", b"   \n\n\t  \r\n"),
    "undecodable": (
        "cut.txt",
        "Talks at the \u00c7\u0131ra\u011fan Palace, said the caf\u00e9".encode()[:-1],
    ),
    "oversized": ("huge.txt", b"Russia and Ukraine met again. " * 2_000),
}
EXPECTED_REASON = {
    "binary": "binary",
    "empty": "empty",
    "whitespace": "whitespace only",
    "undecodable": "undecodable",
    "oversized": "oversized: 60000 bytes > limit 50000",
    "unreadable": "unreadable",
    "outside_link": "link points outside the source folder",
    "duplicate": "duplicate of",
    "fifo": "not a regular file",
}


@pytest.fixture(scope="module")
def bad_input_run(tmp_path_factory, prefect_harness):
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    root = tmp_path_factory.mktemp("bad")
    source = root / "source"
    source.mkdir()
    for name in SEED_NAMES:
        (source / name).write_bytes((SEEDS / name).read_bytes())
    for name, data in BAD_FILES.values():
        (source / name).write_bytes(data)
    (source / "gone.txt").symlink_to(root / "does-not-exist.txt")  # unreadable: dangling
    outside = root / "secret.txt"
    outside.write_text("A file outside the source folder.", encoding="utf-8")
    (source / "outside.txt").symlink_to(outside)
    (source / "copy-of-000.txt").write_bytes((SEEDS / SEED_NAMES[0]).read_bytes())
    os.mkfifo(source / "pipe.txt")
    settings = Settings().with_overrides(
        source=str(source), warehouse_dir=root / "wh", max_bytes=50_000
    )
    return newsclaims_flow(settings=settings), root / "wh"


FILE_OF_KIND = {kind: name for kind, (name, _) in BAD_FILES.items()} | {
    "unreadable": "gone.txt",
    "outside_link": "outside.txt",
    "duplicate": "copy-of-000.txt",
    "fifo": "pipe.txt",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_REASON))
def test_bad_file_is_quarantined_with_reason(bad_input_run, kind):
    summary, warehouse = bad_input_run
    reasons = {Path(path).name: reason for path, reason in summary.quarantined}
    assert EXPECTED_REASON[kind] in reasons[FILE_OF_KIND[kind]]
    stored = rows(
        warehouse, f"SELECT status, reason FROM raw_files WHERE path LIKE '%/{FILE_OF_KIND[kind]}'"
    )
    assert stored and stored[0][0] == "quarantined" and EXPECTED_REASON[kind] in stored[0][1]


def test_bad_files_do_not_stop_the_others(bad_input_run):
    summary, warehouse = bad_input_run
    assert summary.status == "published"
    assert (summary.files_loaded, len(summary.quarantined)) == (5, len(EXPECTED_REASON))
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    assert "quarantined" in summary.render() and "pipe.txt" in summary.render()


# ---------------------------------------------------------------- incremental runs


def test_changed_file_replaces_only_its_rows(run_flow, seed_copy, tmp_path):
    warehouse = tmp_path / "wh"
    run_flow(seed_copy, warehouse)
    sql = "SELECT a.path, s.sentence_id, s.text FROM sentences s JOIN articles a USING (article_id)"
    before = set(rows(warehouse, sql))
    changed = seed_copy / "002_873f81f42ea5c4c8.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace(
            "Read the full report at TheHill.com.",
            "Kyiv said the next round could come within weeks.\n"
            "Read the full report at TheHill.com.",
        ),
        encoding="utf-8",
    )

    summary = run_flow(seed_copy, warehouse)

    assert (summary.files_loaded, summary.files_unchanged) == (1, 4)
    after = set(rows(warehouse, sql))
    untouched = {r for r in before if not r[0].endswith("002_873f81f42ea5c4c8.txt")}
    assert untouched <= after  # same ids and text for every other article
    new_rows = after - before
    assert {r[0] for r in new_rows} == {str(changed)}
    assert any("next round could come within weeks" in r[2] for r in new_rows)
    assert rows(warehouse, "SELECT count(*), count(DISTINCT path) FROM articles") == [(5, 5)]


def test_removed_file_is_dropped_by_default_and_kept_on_request(run_flow, seed_copy, tmp_path):
    run_flow(seed_copy, tmp_path / "drop")
    run_flow(seed_copy, tmp_path / "keep")
    (seed_copy / SEED_NAMES[0]).unlink()
    assert run_flow(seed_copy, tmp_path / "drop").status == "published"
    assert run_flow(seed_copy, tmp_path / "keep", removed_files="keep").status == "unchanged"
    assert rows(tmp_path / "drop", "SELECT count(*) FROM articles") == [(4,)]
    assert rows(tmp_path / "keep", "SELECT count(*) FROM articles") == [(5,)]


def test_no_change_run_leaves_the_file_alone(run_flow, tmp_path):
    warehouse = tmp_path / "wh"
    full = run_flow(SEEDS, warehouse)
    digest = sha256(warehouse / "newsclaims.duckdb")
    again = run_flow(SEEDS, warehouse)
    assert again.status == "unchanged" and again.files_unchanged == 5
    assert sha256(warehouse / "newsclaims.duckdb") == digest
    assert again.seconds < full.seconds
    assert '"status": "unchanged"' in (warehouse / "runs.jsonl").read_text(encoding="utf-8")


def test_new_pins_reprocess_everything(run_flow, tmp_path):
    warehouse = tmp_path / "wh"
    run_flow(SEEDS, warehouse)
    pins = tmp_path / "pins.csv"
    pins.write_text("action,alias,label,canonical\nmerge,Kyiv,GPE,Kyiv\n", encoding="utf-8")
    summary = run_flow(SEEDS, warehouse, aliases_file=pins)
    assert (summary.status, summary.files_loaded) == ("published", 5)
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]


# ---------------------------------------------------------------- locking, crashes, readers


def test_second_run_is_refused_while_one_holds_the_warehouse(tmp_path, capsys):
    from flows.cli import main
    from warehouse.lock import run_lock

    with run_lock(tmp_path / "wh"):
        code = main(["run", "--source", str(SEEDS), "--warehouse", str(tmp_path / "wh")])
    assert code == 3
    assert "another newsclaims run is writing" in capsys.readouterr().err
    assert not (tmp_path / "wh" / "newsclaims.duckdb").exists()


def _cli(*args: str, api_url: str, log: Path) -> subprocess.Popen:
    """`newsclaims ARGS` in a child process against the given Prefect API, output to `log`
    (a file, not a pipe: an unread pipe would block a chatty child)."""
    env = dict(os.environ, PREFECT_API_URL=api_url, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    with open(log, "w", encoding="utf-8") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "flows.cli", *args],
            cwd=PROJECT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture()
def api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def test_killed_run_leaves_published_warehouse_intact(run_flow, seed_copy, tmp_path, api_url):
    warehouse = tmp_path / "wh"
    run_flow(SEEDS, warehouse)
    published = warehouse / "newsclaims.duckdb"
    digest = sha256(published)
    (seed_copy / "005_extra.txt").write_text(
        "Talks resume\n\nUkraine and Russia will meet again in Istanbul, Rustem Umerov said.\n",
        encoding="utf-8",
    )
    process = _cli(
        "run",
        "--source",
        str(seed_copy),
        "--warehouse",
        str(warehouse),
        api_url=api_url,
        log=tmp_path / "run.log",
    )
    deadline = time.time() + 120
    while not list(warehouse.glob("*.build")) and process.poll() is None:
        assert time.time() < deadline, "the run never started writing its build"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert sha256(published) == digest
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    after = run_flow(seed_copy, warehouse)
    assert after.status == "published" and after.files_loaded == 1
    assert not list(warehouse.glob("*.build"))


READER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
deadline = time.time() + float(sys.argv[2])
n = 0
while time.time() < deadline:
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.execute("SELECT count(*) FROM sentences JOIN articles USING (article_id)").fetchone()
print("ok", n, flush=True)
"""


def test_reader_holding_the_file_sees_no_error_during_publish(run_flow, seed_copy, tmp_path):
    warehouse = tmp_path / "wh"
    run_flow(seed_copy, warehouse)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(warehouse / "newsclaims.duckdb"), "20"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout.readline().strip() == "open"
    (seed_copy / SEED_NAMES[0]).unlink()
    assert run_flow(seed_copy, warehouse).status == "published"
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert out.strip() == "ok 5"  # the reader kept its snapshot of the old file
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(4,)]  # new readers see the new


# ---------------------------------------------------------------- schedules and observability


@pytest.fixture()
def scheduling_server(tmp_path) -> str:
    """A real `prefect server start`: the test harness's API runs no scheduler service, so
    scheduled runs would never be created there."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(
        os.environ,
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                break
        except OSError:
            assert server.poll() is None and time.time() < deadline, "prefect server did not start"
            time.sleep(0.5)
    yield url
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def test_served_schedule_executes_a_run(tmp_path, scheduling_server):
    warehouse = tmp_path / "wh"
    server = _cli(
        "serve",
        "--interval",
        "5",
        "--name",
        "test-serve",
        "--source",
        str(SEEDS),
        "--warehouse",
        str(warehouse),
        api_url=scheduling_server,
        log=tmp_path / "serve.log",
    )
    try:
        deadline = time.time() + 180
        while not (warehouse / "newsclaims.duckdb").exists():
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.time() < deadline, "no scheduled run published within 180 s"
            time.sleep(1)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]


def test_run_leaves_summary_and_checks_artifacts(run_flow, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    summary = run_flow(SEEDS, tmp_path / "wh")
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["newsclaims-summary", "newsclaims-checks"])
            )
        )
    assert {a.key for a in found} == {"newsclaims-summary", "newsclaims-checks"}
    assert any(summary.run_id in str(a.data) for a in found)


# ---------------------------------------------------------------- the CLI


def test_cli_query_checks_and_export(run_flow, tmp_path, capsys):
    from flows.cli import main

    warehouse = tmp_path / "wh"
    run_flow(SEEDS, warehouse)
    capsys.readouterr()
    assert (
        main(
            [
                "query",
                "--warehouse",
                str(warehouse),
                "select outlet, count(*) n from articles group by 1 order by 1",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Shafaq News" in out and "The Hill" in out
    assert main(["query", "--warehouse", str(warehouse), "drop table articles"]) == 2
    assert "refused" in capsys.readouterr().err
    assert main(["query", "--warehouse", str(warehouse), "copy articles to 'x.csv'"]) == 2
    assert main(["checks", "--warehouse", str(warehouse)]) == 0
    assert "body_count_agreement" in capsys.readouterr().out
    assert main(["export", "--warehouse", str(warehouse), "--parquet", str(tmp_path / "pq")]) == 0
    import polars as pl

    groups = pl.read_parquet(tmp_path / "pq" / "claim_comparison.parquet")
    body = groups.filter(pl.col("subject") == "body")
    assert body["outlet_key"].n_unique() == 4


def test_permission_denied_is_reported_not_raised(tmp_path, monkeypatch):
    # The tests run as root, for whom chmod 000 still reads; simulate the OS refusing instead.
    from flows import sources

    target = tmp_path / "locked.txt"
    target.write_text("Kyiv said the talks would resume.", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    found = sources.read_file(target, tmp_path, max_bytes=1000)
    assert (found.data, found.error) == (None, "unreadable: Permission denied")


# ---------------------------------------------------------------- review findings, pinned


def test_renamed_and_swapped_files_keep_their_articles(run_flow, seed_copy, tmp_path):
    warehouse = tmp_path / "wh"
    run_flow(seed_copy, warehouse)
    ids_before = set(rows(warehouse, "SELECT article_id FROM articles"))
    a, b = seed_copy / SEED_NAMES[0], seed_copy / SEED_NAMES[1]
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)  # swap the contents of two files
    b.write_bytes(a_bytes)
    (seed_copy / SEED_NAMES[2]).rename(seed_copy / "renamed.txt")
    summary = run_flow(seed_copy, warehouse)
    assert summary.status == "published" and summary.files_loaded == 0
    assert set(rows(warehouse, "SELECT article_id FROM articles")) == ids_before
    paths = {p for (p,) in rows(warehouse, "SELECT path FROM articles")}
    assert str(seed_copy / "renamed.txt") in paths


def test_empty_source_never_publishes_an_empty_warehouse(run_flow, tmp_path):
    warehouse = tmp_path / "wh"
    run_flow(SEEDS, warehouse)
    digest = sha256(warehouse / "newsclaims.duckdb")
    (tmp_path / "empty").mkdir()
    summary = run_flow(tmp_path / "empty", warehouse)
    assert summary.status == "blocked"
    assert any(c["table_name"] == "articles" for c in summary.blocking_failures)
    assert sha256(warehouse / "newsclaims.duckdb") == digest


def test_file_without_prose_is_quarantined_not_blocking(run_flow, seed_copy, tmp_path):
    (seed_copy / "caption_only.txt").write_text(
        "Vladimir Putin (Alexander Kazakov, Sputnik, Kremlin Pool Photo/AP)\n", encoding="utf-8"
    )
    summary = run_flow(seed_copy, tmp_path / "wh")
    assert summary.status == "published"
    reasons = {Path(p).name: r for p, r in summary.quarantined}
    assert reasons["caption_only.txt"].startswith("no article prose")
    assert rows(tmp_path / "wh", "SELECT count(*) FROM articles") == [(5,)]


def test_rebuild_starts_from_the_current_schema(run_flow, tmp_path):
    warehouse = tmp_path / "wh"
    run_flow(SEEDS, warehouse)
    # An older warehouse whose table lacks a column the current schema has.
    with duckdb.connect(str(warehouse / "newsclaims.duckdb")) as con:
        con.execute("ALTER TABLE numeric_claims DROP COLUMN currency")
        con.execute("UPDATE runs SET fingerprint = 'from-an-older-version'")
    summary = run_flow(SEEDS, warehouse)
    assert (summary.status, summary.files_loaded) == ("published", 5)
    assert rows(warehouse, "SELECT count(*) FROM numeric_claims WHERE currency IS NULL")[0][0] > 0
    assert rows(warehouse, "SELECT count(DISTINCT run_id) FROM raw_files") == [(2,)]


def test_query_cannot_read_files(run_flow, tmp_path):
    from warehouse.query import query

    run_flow(SEEDS, tmp_path / "wh")
    with pytest.raises(duckdb.Error):
        query(tmp_path / "wh" / "newsclaims.duckdb", "select * from read_text('/etc/hostname')")


def test_run_log_keeps_one_record_per_run(tmp_path):
    from datetime import datetime

    from warehouse.runlog import append_run, read_runs

    log = tmp_path / "runs.jsonl"
    base = {"run_id": "r1", "started_at": datetime(2026, 1, 1), "published": True}
    append_run(log, {**base, "status": "published"})
    append_run(log, {**base, "status": "failed", "published": False})
    runs = read_runs(log)
    assert runs.select("run_id", "status").rows() == [("r1", "failed")]
