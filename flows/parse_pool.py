"""The local parse in several processes: each worker parses a batch AND reads it into rows.

spaCy's own `n_process` sends every Doc back to the parent, which deserializes it (a BBC Doc
is about 0.5 MB) and then runs the sentence, entity and claim rules alone: on a 2-core machine
the parent becomes a third busy process and the rules never run in parallel. Here the unit of
work is `bodies.parse_rows`, the same call a Dask worker makes, so only the small row frames
cross the process boundary and the rules run on every core.

The workers start from a fresh interpreter (`spawn`). Forking the flow's process was tried and
hangs: polars' thread pool (and Prefect's threads) do not survive a fork, and a worker that
builds a frame after it deadlocks. A fresh interpreter re-imports the caller's main module, so
a script that runs the flow with several workers (or on a build that flows/isolation.py
isolates) needs the usual `if __name__ == "__main__":` guard (the `newsclaims` command and
`python -c` need none). Each worker imports
spaCy and loads the model once, a few seconds, in parallel with the others.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

import polars as pl

from transforms import bodies
from transforms.nlp.pipeline import load_pipeline

# Batches in flight per worker: enough that no worker waits for the parent to hand it the
# next one, few enough that finished rows and queued bodies stay a small part of memory.
IN_FLIGHT_PER_WORKER = 3


def _pool(workers: int, model: str) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=load_pipeline, initargs=(model,)
    )


def parse_in_processes(
    articles: pl.DataFrame,
    model: str,
    workers: int,
    batch_size: int,
    on_batch: Callable[[bodies.BodyRows, int], None],
) -> None:
    """Parse `articles` in `workers` processes, `batch_size` articles a task, and hand each
    batch's rows to `on_batch(rows, done)` in article order (as one process would give them),
    `done` being the articles finished so far: the caller stages them, so no batch is kept
    here once handed on. A failing batch's error (ArticleFailed, which names the file) is
    raised here, and the pool is shut down without waiting for the rest."""
    starts = deque(range(0, articles.height, batch_size))
    columns = [c for c in ("article_id", "body", "path") if c in articles.columns]
    pending: deque[tuple[Future[bodies.BodyRows], int]] = deque()
    done = 0
    pool = _pool(workers, model)
    try:
        while starts or pending:
            while starts and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                chunk = articles.slice(starts.popleft(), batch_size).select(columns)
                pending.append((pool.submit(bodies.parse_rows, chunk, model), chunk.height))
            future, size = pending.popleft()
            done += size
            on_batch(future.result(), done)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
