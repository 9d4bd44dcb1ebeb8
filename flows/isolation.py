"""A stage's work in a fresh interpreter, so the memory it used goes back to the system.

The whole-build stages (row checks, canonicalize, reconcile, validate) and the report read
whole tables into polars and DuckDB, and import scikit-learn and Great Expectations. Run in
the flow's process, what their allocators keep afterwards (malloc_trim and jemalloc's decay
did not give it back, benchmarks/results/global_scale.md) stacks on what the parse left: at
10x BBC the flow's process reached 1.64 GB before the report, where each stage alone peaks
near 1.4 GB. A child process ends and its memory with it; the price is a fresh interpreter
and its imports (a few seconds), so the flow isolates only builds of
NEWSCLAIMS_ISOLATE_ARTICLES articles or more.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(work: Callable[..., T], *args: Any, isolate: bool) -> T:
    """`work(*args)`, in a fresh child process when `isolate`, else here. `work` must be a
    module-level function and its arguments and result picklable; its exception is raised
    here as it was raised there."""
    if not isolate:
        return work(*args)
    # spawn, not fork: the flow's process runs Prefect's and polars' threads, whose locks a
    # fork would copy mid-state (as in flows/parse_pool.py).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(work, *args).result()
