"""Scale benchmark: full flow runs on the BBC corpus at 1x (and more), against one plain spaCy pass.

    uv run python benchmarks/bench_scale.py [--scales 1 10] [--workers 1 2] [--limit N] [--write]

For each scale k, a source folder holds k copies of every BBC file (copy i gets i trailing
newlines, so every copy is a distinct file to the content hash while its body is the same).
For each worker count, the flow runs in a fresh subprocess (a fresh warehouse) against one
Prefect API that the benchmark starts first, as a scheduled deployment runs against its server;
the API's start-up (about 8 s idle, over a minute on a loaded machine) is reported apart, not
charged to each run. The benchmark reports wall time, words/s, the largest peak RSS of the run's
processes (`RUSAGE_CHILDREN`, which covers spaCy's worker processes), the time of each stage
(from the stages' own log lines), and the ratio to one plain one-process spaCy pass with the
same pipes over the same bodies, measured in the same benchmark run (at the scales given by
`--plain-scales`, default 1: a 10x plain pass alone costs ten times the 1x one). The global
stages (canonicalize, reconcile) are also summed, and at each scale given as a ratio to their
1x time. `--write` writes the table to benchmarks/results/scale.md.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
RESULTS = ROOT / "benchmarks" / "results" / "scale.md"
# A stage's own log line (flows/tasks.py `_timed`): "<stage>: k=v, ... in 12.34 s".
_STAGE_LINE = re.compile(r" - ([a-z][a-z ]*): .* in ([\d.]+) s$")

# Each child prints its own peak and its workers' (the parse processes), in MB.
_PEAK = """
import resource
print("PEAK", max(resource.getrusage(w).ru_maxrss for w in
                  (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) // 1024)
"""

_RUN_FLOW = (
    """
import sys
from flows.pipeline import newsclaims_flow
from flows.settings import Settings
summary = newsclaims_flow(settings=Settings().with_overrides(source=sys.argv[1],
                                                            warehouse_dir=sys.argv[2]))
print("STATUS", summary.status, summary.files_seen, sum(summary.row_counts.values()))
import duckdb
with duckdb.connect(sys.argv[2] + "/newsclaims.duckdb", read_only=True) as db:
    # Counted in SQL: reading every body back into Python would add to the run's peak RSS.
    words = db.execute(r"select sum(len(regexp_extract_all(body, '\\S+'))) from articles")
    words = words.fetchone()[0]
print("WORDS", words)
"""
    + _PEAK
)

_PLAIN_PASS = (
    """
import sys, time
from pathlib import Path
import polars as pl
from transforms.ingest.decode import decode_bytes
from transforms.normalize.articles import normalize_articles
from transforms.nlp.pipeline import load_pipeline
paths = sorted(Path(sys.argv[1]).rglob("*.txt"))
texts = [decode_bytes(p.read_bytes(), max_bytes=5_000_000).text for p in paths]
files = pl.DataFrame({"file_id": [str(i) for i in range(len(paths))],
                      "path": [str(p) for p in paths], "text": texts})
files = files.filter(pl.col("text").is_not_null())
bodies = normalize_articles(files)[0]["body"].to_list()
nlp = load_pipeline()
started = time.perf_counter()
for _ in nlp.pipe(bodies, batch_size=32):
    pass
print("PLAIN", time.perf_counter() - started, sum(len(b.split()) for b in bodies))
"""
    + _PEAK
)


def make_source(target: Path, scale: int, limit: int | None) -> int:
    """k distinct copies of each BBC file under `target`; returns the number of files."""
    files = sorted(BBC.glob("*/*.txt"))[:limit]
    for copy in range(scale):
        for path in files:
            out = target / f"copy{copy}" / path.parent.name / path.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(path.read_bytes() + b"\n" * copy)
    return len(files) * scale


def run_child(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[str, float, int]:
    """Run `code` in a fresh interpreter; (its output, wall seconds, peak RSS in MB)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    peak = int(done.stdout.split("PEAK")[-1].split()[0])
    return done.stdout + done.stderr, seconds, peak


def stage_times(log: str) -> dict[str, float]:
    times: dict[str, float] = {}
    for line in log.splitlines():
        match = _STAGE_LINE.search(line.strip())
        if match:
            times[match.group(1)] = times.get(match.group(1), 0.0) + float(match.group(2))
    return times


# The stages that work over the whole warehouse rather than the new batch of articles.
GLOBAL_STAGES = ("canonicalize", "reconcile")


class Row(NamedTuple):
    scale: int
    files: int
    workers: int
    status: str
    wall: float
    words: int
    peak_mb: int
    plain_s: float | None  # the plain pass at this scale, when measured
    global_s: float
    global_1x: float | None  # the same worker count's global stages at 1x
    stages: dict[str, float]


def start_prefect_api() -> tuple[str, float]:
    """Start one Prefect API for every run of the benchmark; its URL and start-up seconds."""
    from prefect.server.api.server import SubprocessASGIServer

    started = time.perf_counter()
    server = SubprocessASGIServer()
    server.start(timeout=300)
    atexit.register(server.stop)
    return server.api_url, time.perf_counter() - started


def table(rows: list[Row], api_start: float) -> list[str]:
    """The results as a Markdown table, with how they were measured."""
    lines = [
        "# Scale benchmark (`benchmarks/bench_scale.py`)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
        "Wall time is the whole flow run in a fresh process (imports, model load, every stage",
        "and the report) against one Prefect API started first, as a scheduled deployment has",
        f"(its start-up here: {api_start:.1f} s, not charged to the runs). The plain pass is",
        "one `nlp.pipe` over the same bodies in one process; global stages are canonicalize",
        "and reconcile (events, wire copies, claim groups), which read the whole warehouse.",
        "'Ratio before the report' leaves out the report stage, drawn after the publish.",
        "",
        "| scale | files | workers | status | wall s | words/s | peak RSS MB "
        "| ratio to plain pass | ratio before the report | plain pass s | global s "
        "| global vs 1x | stage seconds |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        shown = ", ".join(f"{k} {v:.1f}" for k, v in row.stages.items())
        ratio = f"{row.wall / row.plain_s:.2f}" if row.plain_s else "-"
        before_report = row.wall - row.stages.get("report", 0.0)
        ratio_data = f"{before_report / row.plain_s:.2f}" if row.plain_s else "-"
        plain_s = f"{row.plain_s:.1f}" if row.plain_s else "-"
        vs_1x = f"{row.global_s / row.global_1x:.1f}x" if row.global_1x else "-"
        lines.append(
            f"| {row.scale}x | {row.files} | {row.workers} | {row.status} | {row.wall:.1f} "
            f"| {row.words / row.wall:,.0f} | {row.peak_mb} | {ratio} | {ratio_data} | {plain_s} "
            f"| {row.global_s:.1f} | {vs_1x} | {shown} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, help="BBC files per copy (default: all 2,225)")
    parser.add_argument("--plain-scales", type=int, nargs="*", default=[1])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where --write writes")
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"skipped: the BBC corpus is absent ({BBC})")
        return 0
    env = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    api_url, api_start = start_prefect_api()
    env["PREFECT_API_URL"] = api_url
    rows, plain, global_1x = [], {}, {}
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "source"
            n_files = make_source(source, scale, args.limit)
            if scale in args.plain_scales:
                out, _, _ = run_child(_PLAIN_PASS, str(source))
                plain[scale] = float(out.split("PLAIN")[1].split()[0])
            for workers in args.workers:
                warehouse = Path(tmp) / f"wh{workers}"
                log, wall, peak = run_child(
                    _RUN_FLOW, str(source), str(warehouse),
                    env={**env, "NEWSCLAIMS_WORKERS": str(workers)},
                )  # fmt: skip
                status, words = (
                    log.split("STATUS")[1].split()[0],
                    int(log.split("WORDS")[1].split()[0]),
                )
                stages = stage_times(log)
                global_s = sum(stages.get(name, 0.0) for name in GLOBAL_STAGES)
                if scale == 1:
                    global_1x[workers] = global_s
                rows.append(Row(scale, n_files, workers, status, wall, words, peak,
                                plain.get(scale),
                                global_s, global_1x.get(workers), stages))  # fmt: skip
                print(rows[-1], flush=True)
    lines = table(rows, api_start)
    print("\n".join(lines))
    if args.write:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
