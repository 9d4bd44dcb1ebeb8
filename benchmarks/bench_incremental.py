"""Full run versus a run with nothing to do, on a slice of the BBC corpus.

    uv run python benchmarks/bench_incremental.py [--limit 300]

Copies `--limit` BBC files (spread evenly over the topics) into a temporary source folder, runs
the flow once (everything parsed), again with no change, and again after touching one file.
Reports seconds per run inside the flow (the Prefect API is started once, before timing) and
the ratios. Writes benchmarks/results/incremental.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

PROJECT = Path(__file__).resolve().parents[1]
BBC = PROJECT.parent / "shared" / "corpora" / "bbc"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    from flows.pipeline import newsclaims_flow
    from flows.settings import Settings

    corpus = sorted(BBC.glob("*/*.txt"))
    files = corpus[:: max(1, len(corpus) // args.limit)][: args.limit]  # spread over topics
    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=120):
        source = Path(tmp) / "source"
        source.mkdir()
        for path in files:
            shutil.copy(path, source / f"{path.parent.name}_{path.name}")
        settings = Settings().with_overrides(source=str(source), warehouse_dir=Path(tmp) / "wh")
        timings = {}
        for label in ("full", "no change", "one file changed"):
            if label == "one file changed":
                first = sorted(source.iterdir())[0]
                first.write_text(first.read_text(errors="replace") + "\nAn added line.\n")
            started = time.perf_counter()
            summary = newsclaims_flow(settings=settings)
            timings[label] = (time.perf_counter() - started, summary.status, summary.files_loaded)
    lines = [
        f"# Incremental runs on {len(files)} BBC articles",
        "",
        "Command: `uv run python benchmarks/bench_incremental.py --limit "
        f"{args.limit}` (flow time, Prefect API already running)",
        "",
        "| run | seconds | status | files parsed | share of full |",
        "|---|---|---|---|---|",
    ]
    full = timings["full"][0]
    for label, (seconds, status, loaded) in timings.items():
        lines.append(f"| {label} | {seconds:.2f} | {status} | {loaded} | {seconds / full:.1%} |")
    report = "\n".join(lines) + "\n"
    out = PROJECT / "benchmarks" / "results" / "incremental.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
