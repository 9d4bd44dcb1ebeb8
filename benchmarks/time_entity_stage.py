"""Time the entity stage (`canonicalize_mentions`) of one checkout on a stored warehouse.

    /work/main/.venv/bin/python benchmarks/time_entity_stage.py --root /work/main
    .venv/bin/python benchmarks/time_entity_stage.py --root .

Reads `entity_mentions` of the warehouse (default: the cached BBC one) read-only, adds the
`title` column when the checkout's schema has it (read back from the bodies, as extraction
does; not timed: it belongs to the parse stage), and times `canonicalize_mentions` with the
checkout's pin file, `--repeat` times; prints each time and the median. Run the two
checkouts one after the other on an otherwise quiet machine; CPU time
(`time.process_time`) is printed too, steadier than wall time on a shared machine (run
with POLARS_MAX_THREADS=1 so that both count one thread). A checkout whose stage first
finds names again (`transforms.entities.refind`, issue #13) has that step timed with it, as
its flow task runs both.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb
import polars as pl

ap = argparse.ArgumentParser()
ap.add_argument("--root", type=Path, required=True, help="checkout whose code is timed")
ap.add_argument("--warehouse", type=Path, default=Path("/work/cache/bbc/newsclaims.duckdb"))
ap.add_argument("--repeat", type=int, default=5)
args = ap.parse_args()
sys.path.insert(0, str(args.root.resolve()))

from transforms.contract.schema import columns  # noqa: E402
from transforms.entities.canonicalize import canonicalize_mentions  # noqa: E402
from transforms.entities.pins import read_pinned_aliases  # noqa: E402

with duckdb.connect(str(args.warehouse), read_only=True) as con:
    mentions = con.sql("select * from entity_mentions").pl()
    bodies = dict(con.sql("select article_id, body from articles").fetchall())
if "title" in columns("entity_mentions") and "title" not in mentions.columns:
    from transforms.entities.titles import title_before

    starts = mentions.select("article_id", "start_char").rows()
    titles = [title_before(bodies[a], s) for a, s in starts]
    mentions = mentions.with_columns(pl.Series("title", titles, dtype=pl.String))
pins = read_pinned_aliases((args.root / "warehouse" / "entity_aliases.csv").read_text("utf-8"))
refind = None
if (args.root / "transforms" / "entities" / "refind.py").exists():
    from transforms.entities import refind  # noqa: E402

    mentions = mentions.with_columns(part_role=pl.lit("body"), part_id=pl.lit(None, pl.String))
    frame = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
times, cpu = [], []
for _ in range(args.repeat):
    t0, c0 = time.perf_counter(), time.process_time()
    stage_input = mentions
    if refind is not None:
        found = refind.refound_mentions(frame, mentions).with_columns(
            mention_id=pl.lit(None, pl.String),
            entity_id=pl.lit(None, pl.String),
            sentence_id=pl.lit(None, pl.String),
        )
        stage_input = pl.concat([mentions, found.select(mentions.columns)])
    entities, out = canonicalize_mentions(stage_input, pins)
    times.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
print(
    f"{args.root}: {mentions.height} mentions -> {entities.height} entities; "
    f"seconds {' '.join(f'{t:.2f}' for t in times)}; median {statistics.median(times):.2f}; "
    f"CPU seconds {' '.join(f'{t:.2f}' for t in cpu)}; median {statistics.median(cpu):.2f}"
)
