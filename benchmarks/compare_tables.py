"""Export every table of a warehouse built from a source, and compare two exports row for row.

Used to prove that a refactor changes nothing a run produces (issue 10): export on the old
commit, export on the new one, diff. Columns that differ by nature between two runs (run ids,
timestamps, durations, the run fingerprint) are left out; everything else, ids included, is
compared.

    uv run python benchmarks/compare_tables.py export seeds/ /tmp/before
    uv run python benchmarks/compare_tables.py export seeds/ /tmp/after
    uv run python benchmarks/compare_tables.py diff /tmp/before /tmp/after

`export` runs the flow into a temporary warehouse (a temporary Prefect API is started unless
PREFECT_API_URL is set) and writes one sorted Parquet file per table plus `timing.txt`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.store import RUN_TABLES, comparable_tables  # noqa: E402

# The golden exports predate claim_group_history and id_lineage, which record runs, not data.
SKIP = RUN_TABLES | {"claim_group_history", "id_lineage"}


def export(source: str, out: Path) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = newsclaims_flow(
            settings=Settings().with_overrides(source=source, warehouse_dir=tmp)
        )
        seconds = time.perf_counter() - started
        published = Path(tmp) / "newsclaims.duckdb"
        if not published.exists():
            raise SystemExit(f"the run did not publish: {summary.render()}")
        tables = comparable_tables(published, skip=SKIP)
        for table, frame in tables.items():
            frame.write_parquet(out / f"{table}.parquet")
    (out / "timing.txt").write_text(f"{seconds:.1f} s flow wall time\n", encoding="utf-8")
    print(f"exported {len(tables)} tables to {out} ({seconds:.1f} s)")


def diff(before: Path, after: Path) -> int:
    names = sorted(
        {p.stem for p in before.glob("*.parquet")} | {p.stem for p in after.glob("*.parquet")}
    )
    failures = 0
    for name in names:
        a, b = before / f"{name}.parquet", after / f"{name}.parquet"
        if not (a.exists() and b.exists()):
            print(f"{name}: only in {'before' if a.exists() else 'after'}")
            failures += 1
            continue
        old, new = pl.read_parquet(a), pl.read_parquet(b)
        if old.columns != new.columns:
            print(f"{name}: columns differ: {old.columns} vs {new.columns}")
            failures += 1
            continue
        if old.equals(new):
            print(f"{name}: {old.height} rows identical")
            continue
        keyed = [c for c in old.columns if old.schema[c] != pl.List(pl.String)]
        gone = old.join(new, on=keyed, how="anti", nulls_equal=True)
        added = new.join(old, on=keyed, how="anti", nulls_equal=True)
        print(f"{name}: {old.height} vs {new.height} rows; {gone.height} gone, {added.height} new")
        for label, rows in (("-", gone), ("+", added)):
            for row in rows.head(5).iter_rows(named=True):
                print(f"  {label} {row}")
        failures += 1
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export")
    ex.add_argument("source")
    ex.add_argument("out", type=Path)
    df = sub.add_parser("diff")
    df.add_argument("before", type=Path)
    df.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "export":
        export(args.source, args.out)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
