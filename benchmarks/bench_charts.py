"""Time drawing every chart a report of a warehouse shows, and the whole report beside it.

    uv run python benchmarks/bench_charts.py --warehouse /path/to/newsclaims.duckdb [--write]

Reads the warehouse (read-only) as the report does, a block of events at a time, and draws the
chart of every group reported by more than one outlet (render.draws_chart), timing only the
drawing. Then builds the whole report into a temporary folder and times that. With --write,
adds a row to benchmarks/results/charts.md.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
RESULTS = PROJECT / "benchmarks" / "results" / "charts.md"
HEADER = """# Chart drawing (`benchmarks/bench_charts.py`)

Charts are drawn by `warehouse/pages/svg.py`; before it, by Altair and vl-convert (73 ms a
chart on this machine, quiet: `vl_convert.vegalite_to_svg` over 30 small charts).

| commit | warehouse | events | charts | drawing s | ms a chart | report s | pages |
|---|---|---:|---:|---:|---:|---:|---:|
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    from warehouse import store
    from warehouse.pages import build, queries, render
    from warehouse.pages.charts import claim_chart

    charts, drawing = 0, 0.0
    with store.connect(args.warehouse, read_only=True) as con:
        events = queries.events(con)
        labels = render.outlet_labels(queries.articles(con))
        for first in range(0, len(events), 200):
            block = [e["event_id"] for e in events[first : first + 200]]
            for found in queries.by_event(con, block).values():
                claims = build._by_group(found["claims"])
                for group in found["groups"]:
                    rows = claims.get(group["group_id"], [])
                    if render.draws_chart(group, rows):
                        started = time.perf_counter()
                        claim_chart(group, rows, labels)
                        drawing += time.perf_counter() - started
                        charts += 1
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        index = build.build_report(args.warehouse, Path(tmp) / "report")
        report = time.perf_counter() - started
        pages = sum(1 for _ in index.parent.rglob("*.html"))
    per_chart = drawing / charts * 1000 if charts else 0.0
    print(
        f"{len(events)} events, {charts} charts drawn in {drawing:.2f} s "
        f"({per_chart:.2f} ms a chart)"
    )
    print(f"whole report: {report:.1f} s, {pages} pages ({platform.machine()})")
    if args.write:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True
        ).stdout.strip()
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
        text += (
            f"| {commit} | {args.warehouse} | {len(events):,} | {charts:,} | {drawing:.2f} | "
            f"{per_chart:.2f} | {report:.1f} | {pages:,} |\n"
        )
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
