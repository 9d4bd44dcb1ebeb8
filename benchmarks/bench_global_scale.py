"""The stages after the parse at k times a published warehouse: time and peak memory.

    uv run python benchmarks/bench_global_scale.py [--warehouse ../cache/bbc] [--scales 1 10]
        [--out FILE]

`bench_scale.py --scales 1 10` runs the whole flow at 10x, and its parse alone costs ten times
the 1x parse (about an hour on two shared cores). The parse streams (each batch's Docs are
released), so what 10x puts at risk is the stages that read the whole warehouse. This
benchmark measures those without the parse: it copies a published warehouse's parsed rows k
times under new ids (copy c of an article gets `~c` on every id; the body is the same, as
bench_scale's copies are the same body), then runs the flow's own tasks on that build in a
fresh process, inside a Prefect flow as a run does: row checks, canonicalize (with refind),
reconcile (events, wire copies, groups) and validate. Each scale reports each stage's
seconds (from the stages' own log lines), their ratio to 1x, and the process's peak RSS
before the stages (tables copied, libraries imported) and after them.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import GLOBAL_STAGES, stage_times, start_prefect_api  # noqa: E402

DEFAULT = ROOT.parent / "cache" / "bbc"
STAGES = ("row checks", "canonicalize", "reconcile", "validate")
# The article-level tables a parse writes, and the id columns each copy must make distinct.
COPIED = {
    "raw_files": ("file_id", "path"),
    "articles": ("article_id", "file_id", "path"),
    "article_parts": ("part_id", "article_id"),
    "sentences": ("sentence_id", "article_id"),
    "entity_mentions": ("mention_id", "article_id", "sentence_id", "part_id"),
    "numeric_claims": ("claim_id", "article_id", "sentence_id"),
}
# Tables the global stages compute again: emptied, so the run starts from parsed rows only.
DERIVED = ("entities", "events", "claim_groups", "claim_group_history", "id_lineage")

_CHILD = """
import resource, sys
from pathlib import Path
from prefect import flow
from flows import tasks
from flows.settings import Settings

def peak():
    # The largest of this process and its children (the stages isolated in child processes).
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    return max(resource.getrusage(w).ru_maxrss for w in who) // 1024

@flow(name="global-stages-at-scale")
def global_stages(build: Path) -> None:
    settings = Settings()
    print("BEFORE", peak(), flush=True)
    import duckdb
    with duckdb.connect(str(build), read_only=True) as con:
        isolate = settings.isolates(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    print("ISOLATED", isolate, flush=True)
    tasks.withhold_faulty_articles(build, "bench", isolate)
    tasks.canonicalize_entities(build, None, isolate)
    tasks.reconcile_build(
        build, settings.tolerance, build.parent / "absent.duckdb", "bench", None, isolate
    )
    tasks.validate_build(build, "bench", build.parent / "docs", isolate)

global_stages(Path(sys.argv[1]))
print("PEAK", peak())
"""


def scaled_build(published: Path, build: Path, scale: int) -> dict[str, int]:
    """`build`: the published warehouse with its parsed rows copied `scale` times."""
    import duckdb

    from warehouse.store import SCHEMA_SQL

    build.write_bytes(published.read_bytes())
    counts = {}
    with duckdb.connect(str(build)) as con:
        _add_missing_columns(con, SCHEMA_SQL.read_text(encoding="utf-8"))
        for table in DERIVED:
            con.execute(f"DELETE FROM {table}")
        for table, ids in COPIED.items():
            renamed = ", ".join(f"{col} || '~' || c AS {col}" for col in ids)
            con.execute(
                f"INSERT INTO {table} SELECT t.* REPLACE ({renamed}) "
                f"FROM {table} t, range(1, {scale}) copies(c)"
            )
            counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counts


def _add_missing_columns(con, schema_sql: str) -> None:
    """Bring a warehouse published by older code to the current schema: columns it lacks are
    added empty (or with their default), as a run of the current code would have them."""
    import duckdb

    with duckdb.connect() as fresh:
        fresh.execute(schema_sql)
        wanted = fresh.execute(
            "SELECT table_name, column_name, data_type, column_default FROM duckdb_columns() "
            "WHERE NOT internal"
        ).fetchall()
    have = set(con.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall())
    tables = {table for table, _ in have}
    for table, column, kind, default in wanted:
        if table in tables and (table, column) not in have:
            given = f" DEFAULT {default}" if default is not None else ""
            con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {kind}{given}')


def run_scale(published: Path, scale: int, env: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp) / "build.duckdb"
        counts = scaled_build(published, build, scale)
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(build)],
            cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=False,
        )  # fmt: skip
    log = done.stdout + done.stderr
    if done.returncode != 0:
        raise SystemExit(f"scale {scale} failed:\n{log[-3000:]}")
    return {
        "scale": scale,
        "counts": counts,
        "stages": stage_times(log),
        "before": int(log.split("BEFORE")[1].split()[0]),
        "peak": int(log.split("PEAK")[-1].split()[0]),
    }


def table(rows: list[dict], source: Path) -> list[str]:
    one = rows[0]["stages"]
    lines = [
        "# The stages after the parse at scale (`benchmarks/bench_global_scale.py`)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Source: the parsed rows of `{source}`, copied k times.",
        "",
        "| scale | articles | mentions | claims | "
        + " | ".join(f"{s} s" for s in STAGES)
        + " | global s (canonicalize + reconcile) | global vs 1x | RSS before MB | peak RSS MB |",
        "|---|---:|---:|---:|" + "---:|" * len(STAGES) + "---:|---:|---:|---:|",
    ]
    base = sum(one.get(s, 0.0) for s in GLOBAL_STAGES)
    for row in rows:
        times = row["stages"]
        total = sum(times.get(s, 0.0) for s in GLOBAL_STAGES)
        shown = " | ".join(f"{times.get(s, 0.0):.1f}" for s in STAGES)
        c = row["counts"]
        lines.append(
            f"| {row['scale']}x | {c['articles']:,} | {c['entity_mentions']:,} "
            f"| {c['numeric_claims']:,} | {shown} | {total:.1f} | {total / base:.1f}x "
            f"| {row['before']:,} | {row['peak']:,} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=DEFAULT, help="a published warehouse")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--out", type=Path, help="also write the table here")
    args = parser.parse_args()
    published = args.warehouse / "newsclaims.duckdb"
    if not published.exists():
        print(f"skipped: no published warehouse at {published} (run newsclaims on BBC first)")
        return 0
    api_url, _ = start_prefect_api()
    env = {"PREFECT_API_URL": api_url, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    rows = []
    for scale in args.scales:
        rows.append(run_scale(published, scale, env))
        print(rows[-1], flush=True)
    lines = table(rows, args.warehouse)
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
