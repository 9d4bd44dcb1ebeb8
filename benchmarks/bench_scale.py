"""Scale benchmark: full flow runs on the BBC corpus at 1x (and more), against one plain spaCy pass.

    uv run python benchmarks/bench_scale.py [--scales 1 10] [--workers 1 2] [--limit N] [--write]

For each scale k, a source folder holds k copies of every BBC file (copy i gets i trailing
newlines, so every copy is a distinct file to the content hash while its body is the same).
For each worker count, the flow runs in a fresh subprocess (a fresh warehouse, a temporary
Prefect API) and the benchmark reports wall time, words/s, the largest peak RSS of the run's
processes (`RUSAGE_CHILDREN`, which covers spaCy's worker processes), the time of each stage
(from the stages' own log lines), and the ratio to one plain one-process spaCy pass with the
same pipes over the same bodies, measured in the same benchmark run. `--write` writes the
table to benchmarks/results/scale.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
RESULTS = ROOT / "benchmarks" / "results" / "scale.md"
# A stage's own log line (flows/tasks.py `_timed`): "<stage>: k=v, ... in 12.34 s".
_STAGE_LINE = re.compile(r" - ([a-z][a-z ]*): .* in ([\d.]+) s$")

# Each child prints its own peak and its workers' (spaCy's n_process children), in MB.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, help="BBC files per copy (default: all 2,225)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"skipped: the BBC corpus is absent ({BBC})")
        return 0
    env = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    rows = []
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "source"
            n_files = make_source(source, scale, args.limit)
            out, _, plain_peak = run_child(_PLAIN_PASS, str(source))
            plain_s, words = (float(x) for x in out.split("PLAIN")[1].split()[:2])
            for workers in args.workers:
                warehouse = Path(tmp) / f"wh{workers}"
                log, wall, peak = run_child(
                    _RUN_FLOW, str(source), str(warehouse),
                    env={**env, "NEWSCLAIMS_WORKERS": str(workers)},
                )  # fmt: skip
                status = log.split("STATUS")[1].split()[0]
                stages = stage_times(log)
                rows.append((scale, n_files, workers, status, wall, words / wall, peak,
                             wall / plain_s, plain_s, plain_peak, stages))  # fmt: skip
                print(rows[-1], flush=True)
    lines = [
        "# Scale benchmark (`benchmarks/bench_scale.py`)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
        "Wall time is the whole flow run in a fresh process (including about 8 s of temporary",
        "Prefect API start); the plain pass is one `nlp.pipe` over the same bodies, one process.",
        "",
        "| scale | files | workers | status | wall s | words/s | peak RSS MB | ratio to plain pass "
        "| plain pass s | stage seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for scale, files, workers, status, wall, wps, peak, ratio, plain_s, _pp, stages in rows:
        shown = ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
        lines.append(
            f"| {scale}x | {files} | {workers} | {status} | {wall:.1f} | {wps:,.0f} | {peak} "
            f"| {ratio:.2f} | {plain_s:.1f} | {shown} |"
        )
    print("\n".join(lines))
    if args.write:
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
