"""Events benchmark: ECB+ accuracy (odd topics tune, even topics report) and BBC scale.

    uv run python benchmarks/bench_events.py [--ecbplus-warehouse DIR] [--bbc-warehouse DIR]
        [--sweep] [--scales 1 10] [--write]

The event stage (`transforms.reconcile.events.group_events`) runs on the tables of a
published warehouse of each corpus (default `../cache/<corpus>/`, else one built there by
`newsclaims run` into `benchmarks/.cache/<corpus>/`). ECB+: `articles.path` maps to the
`file` of `events.csv`; the clustering runs on all 982 articles, and pairwise precision,
recall, F1 and B-cubed F1 are reported for all topics, the odd (tuning) and the even (report)
topics. `--sweep` prints odd-topic F1 over a grid of the threshold and the text weight: the
figures behind THRESHOLD and TEXT_WEIGHT. BBC: the event-size distribution and the largest
event; then the stage at each `--scales` k: k distinct copies of every article (new ids; each
copy drops one paragraph and ends with a sentence of its own, so none is an exact duplicate),
each scale in a fresh process, with wall time and peak RSS. `--write` writes
benchmarks/results/events.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.reconcile import events as ev  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
CACHE = ROOT.parent / "cache"
RESULTS = ROOT / "benchmarks" / "results" / "events.md"
SOURCES = {"ecbplus": SHARED / "ecbplus" / "articles", "bbc": SHARED / "bbc"}


def warehouse_file(corpus: str, given: str | None) -> Path:
    """The published warehouse of `corpus`: given, cached beside the project, or built."""
    if given:
        return Path(given) / "newsclaims.duckdb"
    if (CACHE / corpus / "newsclaims.duckdb").exists():
        return CACHE / corpus / "newsclaims.duckdb"
    target = ROOT / "benchmarks" / ".cache" / corpus
    if not (target / "newsclaims.duckdb").exists():
        env = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "newsclaims"), "run", "--source", str(SOURCES[corpus]),
             "--warehouse", str(target)],
            cwd=ROOT, env={**os.environ, **env}, check=True,
        )  # fmt: skip
    return target / "newsclaims.duckdb"


def load_tables(path: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(articles joined with outlet_key, entity mentions, entities) as reconcile sees them."""
    with duckdb.connect(str(path), read_only=True) as con:

        def frame(sql: str) -> pl.DataFrame:
            return pl.from_arrow(con.sql(sql).to_arrow_table())

        columns = {
            name
            for (name,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'articles'"
            ).fetchall()
        }
        # articles.outlet_key since issue 11; a warehouse published before it has the view.
        articles = frame(
            "SELECT * FROM articles"
            if "outlet_key" in columns
            else "SELECT a.*, o.outlet_key FROM articles a "
            "JOIN article_outlets o USING (article_id)"
        )
        mentions = frame("SELECT article_id, entity_id, label FROM entity_mentions")
        entities = frame("SELECT entity_id, name FROM entities")
    return articles, mentions, entities


def scores(labels: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Pairwise precision, recall, F1 and B-cubed F1 of predicted `labels` against `gold`."""
    same_l, same_g = labels[:, None] == labels[None, :], gold[:, None] == gold[None, :]
    upper = np.triu_indices(labels.size, 1)
    sl, sg = same_l[upper], same_g[upper]
    tp = int((sl & sg).sum())
    p, r = tp / max(int(sl.sum()), 1), tp / max(int(sg.sum()), 1)
    both = (same_l & same_g).sum(axis=1)
    bp, br = (both / same_l.sum(axis=1)).mean(), (both / same_g.sum(axis=1)).mean()
    return {
        "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "B3": 2 * bp * br / (bp + br), "articles": labels.size, "events": len(set(labels)),
        "gold_events": len(set(gold)),
    }  # fmt: skip


def ecbplus_truth(articles: pl.DataFrame) -> pl.DataFrame:
    truth = pl.read_csv(SHARED / "ecbplus" / "events.csv")
    files = articles.with_columns(file=pl.col("path").str.extract(r"(articles/.*)$"))
    return files.join(truth, on="file", how="inner")


def ecbplus_rows(tables, labels_of) -> list[tuple[str, dict[str, float]]]:
    """Scores of the clustering `labels_of` gives (article_id -> label) per topic subset."""
    truth = ecbplus_truth(tables[0])
    labels = np.array([labels_of[a] for a in truth["article_id"]])
    gold, topic = truth["event"].to_numpy(), truth["topic"].to_numpy()
    subsets = {"all topics": topic > 0, "odd topics (tuning)": topic % 2 == 1,
               "even topics (report)": topic % 2 == 0}  # fmt: skip
    return [(name, scores(labels[m], gold[m])) for name, m in subsets.items()]


def ecbplus(tables) -> list[tuple[str, dict[str, float]]]:
    _, membership = ev.group_events(*tables)
    return ecbplus_rows(tables, dict(membership.rows()))


# The tuning grid: a coarse pass (weights 0.7 / 0.85 / 1.0, floors 0.04-0.10, thresholds
# 0.60-1.00 by 0.05) found the region; this is the fine grid around it.
WEIGHTS = (0.85,)
FLOORS = (0.06, 0.08, 0.10)
THRESHOLDS = tuple(round(0.80 + 0.01 * k, 2) for k in range(16))


def sweep(tables) -> None:
    """Odd-topic scores over the grid of text weight, scale floor and threshold (the tuning
    data; even-topic scores printed beside them, never used to choose)."""
    articles = tables[0].sort("article_id")
    ids = articles["article_id"].to_list()
    for weight in WEIGHTS:
        pairs = ev.penalize_distant_days(
            ev.scored_pairs(articles, tables[1], text_weight=weight),
            articles,
            ev.MAX_DAYS,
            text_weight=weight,
        )
        for floor in FLOORS:
            for threshold in THRESHOLDS:
                label = ev.event_labels(pairs, len(ids), threshold=float(threshold), floor=floor)
                rows = dict(ecbplus_rows(tables, dict(zip(ids, label, strict=True))))
                odd, even = rows["odd topics (tuning)"], rows["even topics (report)"]
                print(f"weight {weight:.2f} floor {floor:.2f} threshold {threshold:.2f}: "
                      f"odd F1 {odd['F1']:.3f} B3 {odd['B3']:.3f} P {odd['P']:.3f} "
                      f"R {odd['R']:.3f} | even F1 {even['F1']:.3f} B3 {even['B3']:.3f}",
                      flush=True)  # fmt: skip


def bbc_events(tables) -> tuple[Counter, pl.DataFrame, pl.DataFrame]:
    """(event-size distribution, the largest event's row, the titles of its articles)."""
    events, membership = ev.group_events(*tables)
    sizes = Counter(_size_bucket(n) for n in events["n_articles"])
    largest = events.sort(["n_articles", "event_id"], descending=[True, False]).head(1)
    titles = (
        membership.filter(pl.col("event_id") == largest["event_id"][0])
        .join(tables[0].select("article_id", "path", "title"), on="article_id")
        .sort("path")
    )
    return sizes, largest, titles


def _size_bucket(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if n <= top:
            return name
    return "21+"


_SCALE_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[1] + "/benchmarks")
from bench_events import copies, load_tables
from pathlib import Path
from transforms.reconcile.events import group_events
tables = copies(load_tables(Path(sys.argv[2])), int(sys.argv[3]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
started = time.perf_counter()
events, membership = group_events(*tables)
seconds = time.perf_counter() - started
print(json.dumps({"articles": tables[0].height, "seconds": seconds, "rss_before_mb": before,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "events": events.height, "largest": int(events["n_articles"].max())}))
"""


def copies(tables, k: int):
    """`k` copies of every article (copy 0 is the original) under new ids: copy c > 0 drops
    paragraph c (mod the paragraphs) and ends with a sentence naming the copy."""
    articles, mentions, entities = tables
    if k == 1:
        return tables
    frames, mention_frames = [], []
    for c in range(k):
        new_id = pl.col("article_id") + (f"_copy{c}" if c else "")
        body = pl.col("body").map_elements(lambda b, c=c: _changed(b, c), return_dtype=pl.String)
        frames.append(articles.with_columns(article_id=new_id, body=body))
        mention_frames.append(mentions.with_columns(article_id=new_id))
    return pl.concat(frames), pl.concat(mention_frames), entities


def _changed(body: str, c: int) -> str:
    if c == 0:
        return body
    paragraphs = body.split("\n\n")
    if len(paragraphs) > 1:
        del paragraphs[c % len(paragraphs)]
    return "\n\n".join([*paragraphs, f"This is reprint number {c} of the report."])


def scale_rows(path: Path, scales: list[int]) -> list[dict]:
    rows = []
    for k in scales:
        done = subprocess.run(
            [sys.executable, "-c", _SCALE_CHILD, str(ROOT), str(path), str(k)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        rows.append({"scale": k, **json.loads(done.stdout.strip().splitlines()[-1])})
        print(rows[-1], flush=True)
    return rows


def report(ecb_rows, bbc, scale) -> list[str]:
    lines = [
        "# Events benchmark (`benchmarks/bench_events.py`)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}. Rule: `transforms/reconcile/events.py` "
        f"(threshold {ev.THRESHOLD}, text weight {ev.TEXT_WEIGHT}; beyond {ev.MAX_DAYS} days "
        f"words only, x {ev.DATE_PENALTY}).",
        "Tuned on the odd topics only (`--sweep`); the even topics are the report. The tables",
        "are a published warehouse's (`articles.path` mapped to `events.csv` `file`).",
        "",
        "## ECB+ (pairwise and B-cubed, clustering run on all articles)",
        "",
        "| topics | articles | gold events | events | pairwise P | pairwise R | pairwise F1 "
        "| B-cubed F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in ecb_rows:
        lines.append(
            f"| {name} | {s['articles']} | {s['gold_events']} | {s['events']} | {s['P']:.3f} "
            f"| {s['R']:.3f} | {s['F1']:.3f} | {s['B3']:.3f} |"
        )
    if bbc:
        sizes, largest, titles = bbc
        order = ["1", "2", "3-5", "6-10", "11-20", "21+"]
        lines += ["", "## BBC: event sizes", "", "| articles in the event | events |", "|---|---:|"]
        lines += [f"| {b} | {sizes.get(b, 0)} |" for b in order]
        row = largest.row(0, named=True)
        lines += ["", f'Largest event: {row["n_articles"]} articles, label "{row["label"]}":', ""]
        lines += [
            f"- {p.split('bbc/')[-1]}: {t}"
            for p, t in titles.select("path", "title").head(8).iter_rows()
        ]
    if scale:
        lines += ["", "## BBC: the event stage at scale (fresh process per scale)", "",
                  "k copies of every article under new ids; copy c > 0 drops paragraph c and",
                  "ends with a sentence of its own. RSS before: the process peak before the",
                  "stage (loading the tables); peak RSS: after it.", "",
                  "| scale | articles | seconds | x 1x time | RSS before (MB) | peak RSS (MB) "
                  "| events | largest |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
        base = scale[0]["seconds"]
        for r in scale:
            lines.append(
                f"| {r['scale']}x | {r['articles']} | {r['seconds']:.2f} | "
                f"{r['seconds'] / base:.2f} | {r['rss_before_mb']} | {r['peak_mb']} | "
                f"{r['events']} | {r['largest']} |"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecbplus-warehouse")
    parser.add_argument("--bbc-warehouse")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    missing = [name for name, src in SOURCES.items() if not src.is_dir()]
    if missing:
        print(f"skipped: corpora absent under {SHARED}: {', '.join(missing)}")
        return 0
    ecb_tables = load_tables(warehouse_file("ecbplus", args.ecbplus_warehouse))
    if args.sweep:
        sweep(ecb_tables)
        return 0
    ecb_rows = ecbplus(ecb_tables)
    for name, s in ecb_rows:
        print(name, {k: round(v, 3) for k, v in s.items()}, flush=True)
    bbc_path = warehouse_file("bbc", args.bbc_warehouse)
    bbc = bbc_events(load_tables(bbc_path))
    print(bbc[0], bbc[1].rows(), bbc[2]["title"].head(8).to_list(), flush=True)
    scale = scale_rows(bbc_path, args.scales) if args.scales else []
    lines = report(ecb_rows, bbc, scale)
    print("\n".join(lines))
    if args.write:
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
