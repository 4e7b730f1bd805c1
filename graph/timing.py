"""Seconds spent per pipeline stage in this process, for the benchmarks' stage shares.

The stages are the pipeline's: read, normalise, segment, extract, resolve, graph, write (the
files and the store), views; and start-up, the loading of dictionaries and gazetteer.
Timing is always on: a clock read per stage entry costs well under a microsecond.
"""
from __future__ import annotations

import time
from collections import Counter

STAGES = ("start-up", "read", "normalise", "segment", "extract", "resolve", "graph", "write", "views")
SECONDS: Counter = Counter()


class stage:
    """``with stage(name):`` adds the block's seconds to ``name``'s (also when it raises). A
    class, not a generator: a build enters stages some ten times per report, and a generator's
    context manager costs several times the two clock reads."""

    __slots__ = ("name", "_t")

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> None:
        self._t = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        SECONDS[self.name] += time.perf_counter() - self._t


def reset() -> None:
    SECONDS.clear()


def shares() -> dict[str, float]:
    """Seconds per stage; ``extract`` excludes the normalising and segmenting inside it."""
    out = {s: SECONDS.get(s, 0.0) for s in STAGES}
    out["extract"] = max(0.0, out["extract"] - out["normalise"] - out["segment"])
    return out
