"""Benchmark the numeric-claims stage against quantulum3 on the BBC corpus, in one run.

    uv run python benchmarks/bench_claims.py [--limit N] [--corpus DIR] [--out FILE]

Measures, on the same article bodies (each BBC file minus its first line, the title), in CPU
seconds of this process (`time.process_time`; the 2 cores are shared with other work, so wall
time swings with their load; wall seconds are reported too):
- quantulum3 `parser.parse` words/s and the quantities it finds;
- `extract_claims` words/s given the spaCy docs already parsed (best of --repeat runs, since
  the 2 cores are shared);
- words/s of the stage including the one spaCy pass (`transforms.nlp.pipeline.parse`);
and lists what quantulum3 finds that the claims stage does not (by quantulum3 unit, with
examples), then writes the figures to benchmarks/results/claims.md.
"""

from __future__ import annotations

import argparse
import collections
import platform
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from transforms.claims.extract import extract_claims  # noqa: E402
from transforms.nlp.pipeline import parse  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpora/bbc")
TARGET_RATIO = 25.0


def load_bodies(corpus: Path, limit: int | None) -> tuple[list[str], list[str]]:
    """(ids, bodies) of the corpus files in a stable order; one file is not valid UTF-8."""
    paths = sorted(corpus.rglob("*.txt"))
    if limit:
        paths = paths[:limit]
    ids, bodies = [], []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        _title, _, body = text.partition("\n")
        ids.append(str(path.relative_to(corpus)))
        bodies.append(body.strip("\n"))
    return ids, bodies


class Clock:
    """CPU and wall seconds of a block: `with Clock() as c: ...; c.cpu, c.wall`."""

    def __enter__(self) -> Clock:
        self._cpu, self._wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cpu = time.process_time() - self._cpu
        self.wall = time.perf_counter() - self._wall


def run_quantulum(bodies: list[str]) -> tuple[Clock, list[list[tuple[int, int, str, str]]]]:
    """Time, and per body the quantities found as (start, end, surface, unit name)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser
    found = []
    with Clock() as clock:
        for body in bodies:
            quantities = parser.parse(body)
            found.append([(q.span[0], q.span[1], q.surface, q.unit.name) for q in quantities])
    return clock, found


_FRACTION_NOUNS = {"half", "halves", "quarter", "quarters", "third", "thirds", "fifth"}


def miss_reason(body: str, start: int, end: int, surface: str) -> str:
    """A rough reason why a quantulum3 quantity has no claim, from its surface and context."""
    low = surface.strip().lower()
    before = body[max(0, start - 12) : start]
    if "&#" in body[max(0, start - 3) : end + 1] or low in ("&", ""):
        return "'&' or an HTML entity (&#233;) read as a number"
    if low.startswith(("a ", "an ")):
        return "indefinite article read as 1 ('a year ago', 'a bit', 'a key', '£1bn a year')"
    if low.split("-")[0] in _FRACTION_NOUNS:
        return "'half'/'quarter' as a noun ('half-time', 'the second half', 'the quarter')"
    glued = any(c.isdigit() for c in low) and any(c.isalpha() for c in low.replace(" ", ""))
    if glued and low[-1:].isalpha() and low[:1].isdigit() and len(low) <= 4:
        return "model or standard name ('3G', '3D', '4's')"
    words = before.split()
    if surface[:1].isupper() or (words and words[-1][:1].isupper() and words[-1][-1:].isalpha()):
        return "number inside a name ('Six Nations', 'Radio 4', 'PlayStation 2', 'Euro 2004')"
    return "other"


@dataclass
class Timings:
    """The clocks of one run: the parse, each stage-alone run (and the best), quantulum3."""

    parse: Clock
    stages: list[Clock]
    best: Clock
    quantulum: Clock


@dataclass
class Misses:
    """quantulum3 quantities overlapping no claim, counted three ways, with examples."""

    by_unit: collections.Counter[str] = field(default_factory=collections.Counter)
    surface: collections.Counter[str] = field(default_factory=collections.Counter)
    reason: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: list[str] = field(default_factory=list)
    other_examples: list[str] = field(default_factory=list)
    matched_claims: set = field(default_factory=set)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N files only")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="stage-alone runs; the best counts")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/claims.md")
    ap.add_argument("--examples", type=int, default=40, help="missed examples to list")
    return ap.parse_args(argv)


def measure(
    ids: list[str], bodies: list[str], words: int, repeat: int
) -> tuple[pl.DataFrame, list[list[tuple[int, int, str, str]]], Timings]:
    """Parse once, run the stage `repeat` times and quantulum3 once, printing each figure."""
    with Clock() as parse_clock:
        docs = list(parse(bodies))
    t_parse = parse_clock.cpu
    print(f"spaCy parse: {t_parse:.1f} s ({words / t_parse:,.0f} words/s)", flush=True)

    stage_clocks = []
    for _ in range(max(1, repeat)):
        with Clock() as clock:
            claims = extract_claims(ids, docs)
        stage_clocks.append(clock)
    best = min(stage_clocks, key=lambda c: c.cpu)
    t_stage = best.cpu
    print(f"claims stage: {t_stage:.2f} s ({words / t_stage:,.0f} words/s), "
          f"{claims.height:,} claims", flush=True)  # fmt: skip

    quant_clock, quant = run_quantulum(bodies)
    t_quant = quant_clock.cpu
    n_quant = sum(len(q) for q in quant)
    print(f"quantulum3: {t_quant:.1f} s ({words / t_quant:,.0f} words/s), "
          f"{n_quant:,} quantities", flush=True)  # fmt: skip
    return claims, quant, Timings(parse_clock, stage_clocks, best, quant_clock)


def compare(
    ids: list[str],
    bodies: list[str],
    quant: list[list[tuple[int, int, str, str]]],
    claims: pl.DataFrame,
    n_examples: int,
) -> Misses:
    """What quantulum3 finds that we do not: a quantity whose span overlaps no claim."""
    spans: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for art, s, e in claims.select("article_id", "start_char", "end_char").iter_rows():
        spans[art].append((s, e))
    misses = Misses()
    for art, body, found in zip(ids, bodies, quant, strict=True):
        ours = spans.get(art, [])
        for s, e, surface, unit in found:
            hit = [c for c in ours if c[0] < e and s < c[1]]
            if hit:
                misses.matched_claims.update((art, c) for c in hit)
                continue
            misses.by_unit[unit] += 1
            misses.surface[surface.strip().lower()] += 1
            reason = miss_reason(body, s, e, surface)
            misses.reason[reason] += 1
            context = body[max(0, s - 40) : e + 40].replace("\n", " ")
            if len(misses.examples) < n_examples:
                misses.examples.append(f"`{surface}` ({unit}): …{context}…")
            if reason == "other" and len(misses.other_examples) < n_examples:
                misses.other_examples.append(f"`{surface}` ({unit}): …{context}…")
    return misses


def figure_lines(
    limit: int | None, n_bodies: int, words: int, claims: pl.DataFrame, n_quant: int, t: Timings
) -> list[str]:
    """The report's head: command, machine, the table of timings and the speed ratio."""
    t_parse, t_stage, t_quant = t.parse.cpu, t.best.cpu, t.quantulum.cpu
    stage_wps = words / t_stage
    quant_wps = words / t_quant
    both_wps = words / (t_parse + t_stage)
    ratio = stage_wps / quant_wps
    return [
        "# Numeric claims vs quantulum3 (BBC corpus)",
        "",
        f"Command: `uv run python benchmarks/bench_claims.py"
        f"{f' --limit {limit}' if limit else ''}`  ",
        f"Machine: {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, 2 shared cores; {n_bodies:,} articles, {words:,} words "
        "(BBC files without the title line).",
        "",
        "| measure | CPU s | words/s (CPU) | wall s | words/s (wall) | found |",
        "|---|---:|---:|---:|---:|---:|",
        f"| quantulum3 `parser.parse` | {t_quant:.1f} | {quant_wps:,.0f} | "
        f"{t.quantulum.wall:.1f} | {words / t.quantulum.wall:,.0f} | {n_quant:,} quantities |",
        f"| claims stage, docs already parsed (best of {len(t.stages)}) | {t_stage:.2f} | "
        f"{stage_wps:,.0f} | {t.best.wall:.2f} | {words / t.best.wall:,.0f} | "
        f"{claims.height:,} claims |",
        f"| spaCy parse alone | {t_parse:.1f} | {words / t_parse:,.0f} | "
        f"{t.parse.wall:.1f} | {words / t.parse.wall:,.0f} | |",
        f"| claims stage including the parse | {t_parse + t_stage:.1f} | {both_wps:,.0f} | "
        f"{t.parse.wall + t.best.wall:.1f} | "
        f"{words / (t.parse.wall + t.best.wall):,.0f} | |",
        "",
        f"Stage alone / quantulum3 (CPU): **{ratio:.1f}x**; wall: "
        f"{t.quantulum.wall / t.best.wall:.1f}x (target {TARGET_RATIO:.0f}x: "
        f"{'met' if ratio >= TARGET_RATIO else 'NOT met'}). Claims found: {claims.height:,} vs "
        f"{n_quant:,} quantities ({'more' if claims.height > n_quant else 'fewer'}).",
        "",
    ]


def miss_lines(claims: pl.DataFrame, misses: Misses) -> list[str]:
    """The report's tail: claims by kind and what quantulum3 finds that the stage does not."""
    n_missed = sum(misses.by_unit.values())
    only_ours = claims.height - len(misses.matched_claims)
    by_kind = claims.group_by("kind").len().sort("len", descending=True)
    return [
        "Claims by kind: " + ", ".join(f"{k} {n:,}" for k, n in by_kind.iter_rows()) + ".",
        "",
        f"quantulum3 quantities overlapping no claim: {n_missed:,}; claims overlapping no "
        f"quantulum3 quantity: {only_ours:,}.",
        "",
        "## What quantulum3 finds that the claims stage does not",
        "",
        "By rough reason (benchmarks/bench_claims.py `miss_reason`):",
        "",
        *[f"- {n:,} {r}" for r, n in misses.reason.most_common()],
        "",
        "By quantulum3 unit: "
        + ", ".join(f"{u} {n}" for u, n in misses.by_unit.most_common(15))
        + ".",
        "",
        "Most frequent surfaces: "
        + ", ".join(f"`{s}` {n}" for s, n in misses.surface.most_common(30))
        + ".",
        "",
        "Examples (first in corpus order):",
        "",
        *[f"- {x}" for x in misses.examples],
        "",
        "Examples of the 'other' reason:",
        "",
        *[f"- {x}" for x in misses.other_examples],
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ids, bodies = load_bodies(args.corpus, args.limit)
    words = sum(len(b.split()) for b in bodies)
    print(f"{len(bodies)} articles, {words:,} words", flush=True)

    claims, quant, timings = measure(ids, bodies, words, args.repeat)
    n_quant = sum(len(q) for q in quant)
    misses = compare(ids, bodies, quant, claims, args.examples)
    lines = figure_lines(args.limit, len(bodies), words, claims, n_quant, timings)
    lines += miss_lines(claims, misses)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[6:18]))
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
