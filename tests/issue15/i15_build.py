"""What the build side's issue-15 regression tests share: the command line as a user runs it, and
a build's store as a set of quads."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CLI = [sys.executable, "-m", "graph.cli"]


def govkg(*args, env=None, cwd=ROOT, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


def wait_for(cond, what: str, limit: float = 60.0) -> None:
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def quads(build_dir) -> set:
    from graph.store import open_store

    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in open_store(build_dir)}
