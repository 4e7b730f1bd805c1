"""How build time and peak memory grow with corpus size.

    python benchmarks/scaling.py [--base-mb 1] [--factors 1 10 100] [--jobs 1]

The base corpus is about 1 MB of report-sized files made from the shared scale corpus and the
seeds (see build_throughput.py); each factor builds that many copies, in a fresh process whose
peak resident memory is read from the operating system. Prints seconds, characters per second,
peak MB, and time relative to linear growth.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

CHILD = """
import json, resource, sys, time
from graph import build
t0 = time.perf_counter()
r = build(sys.argv[1], sys.argv[2], view=False, jobs=int(sys.argv[3]), incremental=False)
print(json.dumps({"s": time.perf_counter() - t0, "reports": len(r.extractions),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-mb", type=float, default=1.0)
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    from build_throughput import make_corpus

    print(f"{'factor':>6} {'reports':>8} {'chars':>12} {'seconds':>8} {'k chars/s':>10} {'peak MB':>8} {'vs linear':>10}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "base"
        chars = make_corpus(one, args.base_mb)
        for f in args.factors:
            src = Path(tmp) / f"x{f}"
            src.mkdir()
            for k in range(f):
                for p in one.glob("*.txt"):  # a copy's text differs by a line, so no copy is a duplicate
                    (src / f"c{k:03d}_{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n第{k}份", encoding="utf-8")
            run = subprocess.run([sys.executable, "-c", CHILD, str(src), str(Path(tmp) / f"out{f}"), str(args.jobs)],
                                 capture_output=True, text=True, cwd=ROOT)
            if run.returncode:
                print(run.stderr[-2000:])
                return
            r = json.loads(run.stdout.strip().splitlines()[-1])
            base = base or r["s"] / f
            print(f"{f:6} {r['reports']:8} {chars * f:12,} {r['s']:8.1f} {chars * f / r['s'] / 1000:10.0f} "
                  f"{r['peak_mb']:8.0f} {r['s'] / (base * f):9.2f}×", flush=True)
            import shutil

            shutil.rmtree(src)
            shutil.rmtree(Path(tmp) / f"out{f}", ignore_errors=True)


if __name__ == "__main__":
    main()
