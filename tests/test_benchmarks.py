"""The benchmark scripts run on a real build (their figures are read by people, not asserted)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_storeload_reports_each_file_and_the_repeated_quads(tmp_path):
    from graph import build

    out = tmp_path / "out"
    build(ROOT / "seeds", out, view=False)
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "storeload.py"), str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "| graph.trig (" in run.stdout and "| graph.ttl (" in run.stdout
    assert "repeat a triple another graph holds" in run.stdout
    missing = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "storeload.py"), str(tmp_path / "none")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode != 0 and "not found" in missing.stderr
