"""Entities benchmark on the BBC corpus: throughput and the merge decisions, for review.

    uv run python benchmarks/bench_entities.py --sample 200          # develop
    uv run python benchmarks/bench_entities.py --sample 0 --write    # full corpus, write md

Parses each body (text after the title line) with the production spaCy pass, extracts and
canonicalizes mentions, and prints: docs, words, mentions, seconds per step, mentions/s, how
many spellings were merged into another entity per rule, and a random sample of merges to
check by eye. `--threshold-report` lists full-name pairs with a surname ratio in [70, 100),
the data behind SURNAME_RATIO. `--cache` keeps the mentions frame (parquet) so the
canonicalization can be re-run without parsing again; `--docs` keeps the parsed docs
(DocBin) so the extraction can be re-run too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.entities.canonicalize import canonicalize_with_log  # noqa: E402
from transforms.entities.mentions import extract_mentions  # noqa: E402
from transforms.entities.names import name_key  # noqa: E402
from transforms.entities.pins import read_pinned_aliases  # noqa: E402

CORPUS = Path("/work/shared/corpora/bbc")
RESULTS = ROOT / "benchmarks" / "results" / "entities.md"


def load_corpus(root: Path, sample: int, seed: int) -> tuple[list[str], list[str]]:
    """(article ids, bodies); the id is topic/file, the body drops the title line."""
    files = sorted(root.glob("*/*.txt"))
    if sample:
        files = sorted(random.Random(seed).sample(files, min(sample, len(files))))
    ids, bodies = [], []
    for path in files:
        # One file is not UTF-8: replace, the benchmark is about names, not decoding.
        text = path.read_bytes().decode("utf-8", errors="replace")
        _, _, body = text.partition("\n")
        ids.append(f"{path.parent.name}/{path.stem}")
        bodies.append(body.strip("\n"))
    return ids, bodies


def threshold_report(mentions: pl.DataFrame, agreeing_only: bool = False) -> list[str]:
    """Full person names whose surnames are close but not equal, with first-name agreement
    (`agreeing_only`: first names equal or ratio 80+, the pairs the surname ratio decides)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for text, label in mentions.select("text", "label").rows():
        votes[name_key(text)][label] += 1
    full = sorted(k for k, v in votes.items() if " " in k and v.most_common(1)[0][0] == "PERSON")
    lines = ["| surname ratio | first names | name A | name B |", "|---|---|---|---|"]
    rows = []
    for i, a in enumerate(full):
        ta = a.split()
        for b in full[i + 1 :]:
            tb = b.split()
            if ta[-1] == tb[-1]:
                continue
            r = fuzz.ratio(ta[-1], tb[-1])
            if r >= 70:
                fr = 100.0 if ta[0] == tb[0] else fuzz.ratio(ta[0], tb[0])
                if agreeing_only and fr < 80:
                    continue
                first = "same" if fr == 100.0 else f"{fr:.0f}"
                rows.append((r, first, a, b))
    for r, first, a, b in sorted(rows, reverse=True):
        lines.append(f"| {r:.1f} | {first} | {a} | {b} |")
    return lines


def merge_review(
    result, bodies: dict[str, str], show: int, seed: int, rules: set[str] | None = None
) -> list[str]:
    """A random sample of merge decisions as a markdown table, with a context snippet
    (`rules`: only decisions taken by these rules)."""
    entities, mentions = result.entities, result.mentions
    name_of = dict(zip(entities["entity_id"], entities["name"], strict=True))
    keyed = mentions.with_columns(pl.col("text").map_elements(name_key, pl.String).alias("k"))
    pool = sorted(
        (d for d in result.decisions if rules is None or d.rule in rules),
        key=lambda d: (d.rule, d.alias, d.article_id or ""),
    )
    sample = random.Random(seed).sample(pool, min(show, len(pool)))
    lines = ["| rule | merged spelling | into entity | where | context |", "|---|---|---|---|---|"]
    for d in sorted(sample, key=lambda d: (d.rule, d.alias)):
        rows = keyed.filter(pl.col("k") == d.alias)
        if d.article_id:
            rows = rows.filter(pl.col("article_id") == d.article_id)
        row = rows.row(0, named=True)
        body = bodies[row["article_id"]]
        a, b = row["start_char"], row["end_char"]
        ctx = body[max(0, a - 50) : a] + "**" + body[a:b] + "**" + body[b : b + 30]
        ctx = " ".join(ctx.split()).replace("|", "/")
        lines.append(
            f"| {d.rule} | {row['text']} ({rows.height}x) | {name_of[row['entity_id']]} "
            f"| {row['article_id']} | {ctx} |"
        )
    return lines


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sample", type=int, default=200, help="files to sample; 0 = all")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="parquet file for the mentions frame")
    ap.add_argument("--docs", type=Path, help="DocBin file: parse once, re-extract from it")
    ap.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    ap.add_argument("--threshold-report", action="store_true")
    ap.add_argument("--show", type=int, default=20, help="merges to sample for review")
    ap.add_argument("--rules", help="comma-separated rules to sample from (default: all)")
    return ap.parse_args()


def load_mentions(
    args: argparse.Namespace, ids: list[str], bodies: list[str]
) -> tuple[pl.DataFrame, float, float]:
    """(mentions, parse seconds, extract seconds): from the `--cache` parquet if it exists
    (both times 0), else parsed (or read from the `--docs` DocBin) and extracted."""
    if args.cache and args.cache.exists():
        return pl.read_parquet(args.cache), 0.0, 0.0
    from spacy.tokens import DocBin

    from transforms.nlp.pipeline import load_pipeline, parse

    nlp = load_pipeline()  # model load is not parsing time
    timing = args.docs.with_suffix(".json") if args.docs else None
    if args.docs and args.docs.exists():
        docs = list(DocBin().from_disk(args.docs).get_docs(nlp.vocab))
        # Parse time as measured when the DocBin was written.
        t_parse = json.loads(timing.read_text())["parse_seconds"]
    else:
        t0 = time.perf_counter()
        docs = list(parse(bodies))
        t_parse = time.perf_counter() - t0
        if args.docs:
            DocBin(docs=docs, store_user_data=False).to_disk(args.docs)
            timing.write_text(json.dumps({"parse_seconds": t_parse, "docs": len(docs)}))
    t0 = time.perf_counter()
    mentions = extract_mentions(ids, docs)
    t_extract = time.perf_counter() - t0
    if args.cache:
        mentions.write_parquet(args.cache)
    return mentions, t_parse, t_extract


def summary(
    args: argparse.Namespace,
    corpus: tuple[int, int],
    mentions: pl.DataFrame,
    result,
    seconds: tuple[float, float, float],
) -> list[str]:
    """The figures of the run, one markdown bullet each. `corpus` is (files, words),
    `seconds` (parse, extract, canonicalize); a zero time (cached step) is not printed."""
    files, words = corpus
    t_parse, t_extract, t_canon = seconds
    entities = result.entities
    n = mentions.height
    merged_aliases = int((entities["aliases"].list.len() - 1).sum())
    rule_counts = Counter(d.rule for d in result.decisions)
    out: list[str] = []
    out.append(
        f"- corpus: {args.corpus} ({files} files, sample={args.sample}, "
        f"seed={args.seed}), {words:,} words"
    )
    out.append(
        f"- mentions: {n:,} -> entities: {entities.height:,} "
        f"({(entities['mention_count'] > 1).sum():,} with 2+ mentions)"
    )
    if t_parse:
        out.append(
            f"- spaCy parse (full pipeline, 1 process): {t_parse:.1f} s "
            f"= {words / t_parse:,.0f} words/s"
        )
    if t_extract:
        out.append(f"- extract_mentions: {t_extract:.2f} s = {n / t_extract:,.0f} mentions/s")
    if t_parse:
        end_to_end = t_parse + t_extract + t_canon
        out.append(
            f"- parse + extract + canonicalize: {end_to_end:.1f} s "
            f"= {n / end_to_end:,.0f} mentions/s end to end"
        )
    out.append(f"- canonicalize_entities: {t_canon:.2f} s = {n / t_canon:,.0f} mentions/s")
    out.append(
        f"- spellings merged into another entity (aliases beyond the name): {merged_aliases:,}"
    )
    out.append(
        "- merge decisions by rule (distinct key -> cluster): "
        + ", ".join(f"{k} {v:,}" for k, v in sorted(rule_counts.items()))
    )
    spread = result.mentions.group_by("entity_id").agg(pl.col("label").n_unique().alias("n"))
    out.append(
        f"- entities whose mentions carry 2+ spaCy labels (merged across labels): "
        f"{(spread['n'] > 1).sum():,}"
    )
    labels = entities.group_by("label").agg(pl.len()).sort("len", descending=True)
    out.append("- entities by label: " + ", ".join(f"{lab} {c:,}" for lab, c in labels.rows()))
    return out


def write_results(mentions: pl.DataFrame, out: list[str], review: list[str]) -> None:
    """benchmarks/results/entities.md: the command, the figures, the merge sample and the
    surname pairs behind SURNAME_RATIO."""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    pairs = [
        ln for ln in threshold_report(mentions, agreeing_only=True) if not ln.startswith("| 7")
    ]
    text = [
        "# Entities benchmark",
        "",
        "```",
        " ".join(["uv run python", *sys.argv]),
        "```",
        "",
        *out,
        "",
        "## Sampled merges",
        "",
        *review,
        "",
        "## Surname pairs behind SURNAME_RATIO (first names agree, ratio 80+)",
        "",
        *pairs,
        "",
    ]
    RESULTS.write_text("\n".join(text), encoding="utf-8")


def main() -> None:
    args = parse_args()
    ids, bodies = load_corpus(args.corpus, args.sample, args.seed)
    words = sum(len(b.split()) for b in bodies)
    mentions, t_parse, t_extract = load_mentions(args, ids, bodies)

    pins = read_pinned_aliases((ROOT / "warehouse" / "entity_aliases.csv").read_text("utf-8"))
    t0 = time.perf_counter()
    result = canonicalize_with_log(mentions, pins)
    t_canon = time.perf_counter() - t0
    entities = result.entities

    out = summary(args, (len(ids), words), mentions, result, (t_parse, t_extract, t_canon))
    print("\n".join(out))

    # Merge sample: what was merged into what, with the mention in context, to judge by eye.
    rules = set(args.rules.split(",")) if args.rules else None
    review = merge_review(result, dict(zip(ids, bodies, strict=True)), args.show, args.seed, rules)
    print("\n".join(review))
    top = entities.head(25).select("name", "label", "mention_count", "article_count", "aliases")
    with pl.Config(tbl_rows=30, fmt_str_lengths=60, tbl_width_chars=160):
        print(top)
    if args.threshold_report:
        print("\n".join(threshold_report(mentions)[:80]))
    if args.write:
        write_results(mentions, out, review)


if __name__ == "__main__":
    main()
