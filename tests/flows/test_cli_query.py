"""`newsclaims query`, `checks` and `export` on a hand-made warehouse (issues 15 and 16)."""

from __future__ import annotations

import json

import duckdb
import polars as pl
import pytest

from flows.cli import main
from tests.warehouse.rows import article, insert, new_build
from warehouse import store
from warehouse.runlog import write_checks

WAY_OUT = "move it aside; the next run rebuilds the warehouse from the sources"


@pytest.fixture()
def warehouse(tmp_path):
    folder = tmp_path / "wh"
    folder.mkdir()
    path = new_build(folder, "newsclaims.duckdb")
    rows = [
        article(f"a{i:03}", f"Prose {i}.", outlet="Reuters" if i % 2 else "AP") for i in range(120)
    ]
    with store.connect(path) as con:
        insert(con, "articles", rows)
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_formats(warehouse, capsys):
    sql = "select outlet, count(*) as n from articles group by 1 order by 1"
    base = ("query", "--warehouse", str(warehouse), sql)
    code, out, _ = run(capsys, *base, "--format", "csv")
    assert (code, out) == (0, "outlet,n\nAP,60\nReuters,60\n")
    code, out, _ = run(capsys, *base, "--format", "json")
    assert json.loads(out) == [{"outlet": "AP", "n": 60}, {"outlet": "Reuters", "n": 60}]
    code, out, _ = run(capsys, *base, "--format", "markdown")
    assert out.splitlines() == [
        "| outlet | n |",
        "| --- | --- |",
        "| AP | 60 |",
        "| Reuters | 60 |",
    ]
    code, out, _ = run(capsys, *base)
    assert code == 0 and "Reuters" in out and "shape: (2, 2)" in out


def test_limit_and_all(warehouse, capsys):
    base = ("query", "--warehouse", str(warehouse), "select article_id from articles order by 1")
    _, out, _ = run(capsys, *base)
    assert "…" in out and "a119" in out and "a060" not in out  # the table shows 50 rows
    for flags in (("--limit", "0"), ("--all",)):
        _, out, _ = run(capsys, *base, *flags)
        assert "…" not in out and all(f"a{i:03}" in out for i in range(120))
    _, out, _ = run(capsys, *base, "--format", "csv")
    assert len(out.splitlines()) == 121  # machine formats print every row by default
    _, out, _ = run(capsys, *base, "--format", "csv", "--limit", "3")
    assert out.splitlines() == ["article_id", "a000", "a001", "a002"]


def test_sql_from_a_file(warehouse, tmp_path, capsys):
    script = tmp_path / "q.sql"
    script.write_text("-- outlets\nselect count(distinct outlet) as n\nfrom articles;\n")
    code, out, _ = run(
        capsys, "query", "--warehouse", str(warehouse), "--file", str(script), "--format", "csv"
    )
    assert (code, out) == (0, "n\n2\n")
    code, _, err = run(capsys, "query", "--warehouse", str(warehouse), "--file", "nope.sql")
    assert code == 2 and "cannot read --file nope.sql" in err
    code, _, err = run(capsys, "query", "--warehouse", str(warehouse))
    assert code == 2 and "--file" in err
    code, _, err = run(
        capsys, "query", "--warehouse", str(warehouse), "select 1", "--file", str(script)
    )
    assert code == 2 and "one of them" in err


def test_pivot_works_and_writes_are_refused(warehouse, capsys):
    base = ("query", "--warehouse", str(warehouse))
    code, out, _ = run(
        capsys,
        *base,
        "pivot (select outlet from articles) on outlet using count(*)",
        "--format",
        "csv",
    )
    assert (code, out) == (0, "AP,Reuters\n60,60\n")
    for sql in (
        "drop table articles",
        "copy articles to 'x.csv'",
        "create table p as pivot articles on outlet using count(*)",
    ):
        code, _, err = run(capsys, *base, sql)
        assert code == 2 and err.startswith("newsclaims: refused")


def test_limits_stop_a_query_with_a_clear_message(warehouse, capsys, monkeypatch):
    base = ("query", "--warehouse", str(warehouse))
    code, _, err = run(capsys, *base, "select count(*) from range(1e12::BIGINT)", "--timeout", "1")
    assert (code, err) == (2, "newsclaims: query stopped after 1 s (NEWSCLAIMS_QUERY_TIMEOUT)\n")
    monkeypatch.setenv("NEWSCLAIMS_QUERY_MEMORY", "64MB")
    code, _, err = run(capsys, *base, "select * from range(20000000) order by hash(range)")
    assert code == 2
    assert (
        err == "newsclaims: query stopped: it needs more than 64MB of memory "
        "(NEWSCLAIMS_QUERY_MEMORY)\n"
    )


@pytest.mark.parametrize("value", ["abc", "0", "-1"])
def test_a_bad_limit_names_its_variable(warehouse, capsys, monkeypatch, value):
    monkeypatch.setenv("NEWSCLAIMS_QUERY_TIMEOUT", value)
    code, _, err = run(capsys, "query", "--warehouse", str(warehouse), "select 1")
    assert code == 4 and "NEWSCLAIMS_QUERY_TIMEOUT" in err and "positive number" in err
    code, _, err = run(
        capsys, "query", "--warehouse", str(warehouse), "select 1", "--timeout", value
    )
    assert code == 4 and "--timeout" in err


@pytest.mark.parametrize("kind", ["random bytes", "foreign"])
def test_a_corrupt_or_foreign_warehouse_is_one_line(tmp_path, capsys, kind):
    folder = tmp_path / "wh"
    folder.mkdir()
    path = folder / "newsclaims.duckdb"
    if kind == "random bytes":
        path.write_bytes(bytes(range(256)) * 64)
    else:
        with duckdb.connect(str(path)) as con:
            con.execute("CREATE TABLE invoices AS SELECT 1 AS id")
    for argv in (
        ("query", "--warehouse", str(folder), "select 1"),
        ("export", "--warehouse", str(folder), "--parquet", str(tmp_path / "pq")),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and err.rstrip().endswith(WAY_OUT), err


def test_checks_and_export(warehouse, tmp_path, capsys):
    results = pl.DataFrame(
        {
            "run_id": ["r1"],
            "suite": ["articles"],
            "table_name": ["articles"],
            "expectation": ["expect_x"],
            "success": [True],
            "severity": ["critical"],
            "observed": ["{}"],
        }
    )
    write_checks(warehouse / "checks", "r1", results)
    code, out, _ = run(capsys, "checks", "--warehouse", str(warehouse))
    assert code == 0 and "expect_x" in out
    (warehouse / "checks" / "r2.parquet").write_bytes(b"not parquet")
    code, _, err = run(capsys, "checks", "--warehouse", str(warehouse))
    assert (
        code == 2
        and err.startswith("newsclaims: cannot read the check results")
        and err.count("\n") == 1
    )
    code, out, _ = run(
        capsys, "export", "--warehouse", str(warehouse), "--parquet", str(tmp_path / "pq")
    )
    assert code == 0 and pl.read_parquet(tmp_path / "pq" / "articles.parquet").height == 120
