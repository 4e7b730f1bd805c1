"""Progress of long work on stderr: a bar on a terminal (done / total, rate, time left: tqdm),
a plain line every few seconds when stderr is a file or a pipe (a log, CI), nothing for work
that ends within a few seconds. Commands pass ``quiet`` through: then nothing at all."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
DELAY = 2.0  # seconds before anything is shown: a short build prints no progress
EVERY = 10.0  # seconds between plain lines


def _plain(items: Iterable[T], total: int | None, what: str, label: str, stream) -> Iterator[T]:
    start = last = time.monotonic()
    done = 0
    shown = False
    for item in items:
        yield item
        done += 1
        now = time.monotonic()
        if now - start >= DELAY and (not shown or now - last >= EVERY):
            rate = done / (now - start)
            left = f", about {(total - done) / rate:.0f} s left" if total and rate > 0 else ""
            of = f"/{total}" if total else ""
            print(f"{label}: {done}{of} {what}, {rate:.1f}/s{left}", file=stream, flush=True)
            last, shown = now, True
    if shown:
        print(f"{label}: {done} {what} in {time.monotonic() - start:.0f} s", file=stream, flush=True)


def track(items: Iterable[T], *, total: int | None = None, what: str = "items", label: str = "govkg",
          stream=None) -> Iterator[T]:
    """``items`` as they are, with progress on ``stream`` (stderr): a tqdm bar on a terminal,
    plain lines elsewhere."""
    stream = stream if stream is not None else sys.stderr
    if stream.isatty():
        from tqdm import tqdm

        yield from tqdm(items, total=total, unit=f" {what}", desc=label, file=stream, delay=DELAY, leave=False,
                        dynamic_ncols=True)
    else:
        yield from _plain(items, total, what, label, stream)
