"""Seconds spent per pipeline stage in this process, for the benchmarks' stage shares.

The stages are the pipeline's: read, normalise, segment, extract, resolve, graph, write (the
files and the store), views; and start-up, the loading of dictionaries and gazetteer.
Timing is always on: a clock read per stage entry costs well under a microsecond.
"""
from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from collections.abc import Iterator

STAGES = ("start-up", "read", "normalise", "segment", "extract", "resolve", "graph", "write", "views")
SECONDS: Counter = Counter()


@contextmanager
def stage(name: str) -> Iterator[None]:
    t = time.perf_counter()
    try:
        yield
    finally:
        SECONDS[name] += time.perf_counter() - t


def reset() -> None:
    SECONDS.clear()


def shares() -> dict[str, float]:
    """Seconds per stage; ``extract`` excludes the normalising and segmenting inside it."""
    out = {s: SECONDS.get(s, 0.0) for s in STAGES}
    out["extract"] = max(0.0, out["extract"] - out["normalise"] - out["segment"])
    return out
