"""`newsclaims run` answers in one line when the published file cannot be used (issues 15, 16)."""

from __future__ import annotations

import subprocess
import sys

from flows.cli import main

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


def test_a_read_write_holder_is_named_and_the_run_refused(
    run_flow, seed_copy, tmp_path, capsys, prefect_harness
):
    warehouse = tmp_path / "wh"
    assert run_flow(seed_copy, warehouse).status == "published"
    published = warehouse / "newsclaims.duckdb"
    before = published.read_bytes()
    # A BI client in another process, opening the file read-write (DuckDB's default).
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(published)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        (seed_copy / "extra.txt").write_text("New talks\n\nThey met for an hour on Monday.\n")
        code = main(["run", "--source", str(seed_copy), "--warehouse", str(warehouse)])
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3
    assert err[-1].startswith(f"newsclaims: refused: process {holder.pid} (")
    assert "open for writing" in err[-1]
    assert published.read_bytes() == before


def test_a_corrupt_warehouse_file_gives_the_way_out(seed_copy, tmp_path, capsys, prefect_harness):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    (warehouse / "newsclaims.duckdb").write_bytes(b"not a database" * 100)
    code = main(["run", "--source", str(seed_copy), "--warehouse", str(warehouse)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert "move it aside; the next run rebuilds the warehouse from the sources" in err[-1]
