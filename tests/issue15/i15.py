"""What the issue-15 regression tests share: running the command line as a user does."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CLI = [sys.executable, "-m", "graph.cli"]


def govkg(*args, cwd=ROOT, env=None, timeout=300, text=True) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=text, cwd=cwd, env=env, timeout=timeout)


def one_line_error(run: subprocess.CompletedProcess) -> str:
    """The user error a command ended with: non-zero, one line on stderr, no traceback."""
    err = run.stderr if isinstance(run.stderr, str) else run.stderr.decode("utf-8", "replace")
    assert run.returncode != 0, err
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("govkg: "), err
    return lines[0]
