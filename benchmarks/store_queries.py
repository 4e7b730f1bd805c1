"""Query latency of every library query: plain in-memory rdflib against the Oxigraph store.

    python benchmarks/store_queries.py [--copies 1 10] [--repeat 5]

Builds the seed reports copied N times (each copy a separate report), then runs each library
query on (a) rdflib's own engine over the parsed TriG (union default graph) and (b) the build's
Oxigraph store, and prints median and 95th-percentile milliseconds and the ratio.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAMS = {"topic": "监控", "place": "张家界市", "county": "慈利县", "name": "县公安局"}


def corpus(copies: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for p in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(p, folder / f"c{k:03d}_{p.name}")
    return folder


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 10])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from rdflib import Dataset, Literal, Variable

    from graph import build
    from graph.query import PREFIXES, bind_params, library, run_on_store
    from graph.store import open_store

    for copies in args.copies:
        with tempfile.TemporaryDirectory() as tmp:
            src = corpus(copies, Path(tmp) / "in")
            out = Path(tmp) / "out"
            t0 = time.perf_counter()
            build(src, out, view=False)
            build_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            ds = Dataset(default_union=True)
            ds.parse(out / "graph.trig", format="trig")
            parse_s = time.perf_counter() - t0
            store = open_store(out)
            print(flush=True)
            print(f"## {copies}× seeds: {copies * 5} reports, {len(ds)} quads; build {build_s:.1f} s, rdflib parse {parse_s:.1f} s")
            print(f"{'query':22} {'rdflib med':>11} {'p95':>8} {'oxigraph med':>13} {'p95':>8} {'speed-up':>9}")
            ratios, failures = [], []
            for name, q in library().items():
                params = {p.name: PARAMS[p.name] for p in q.params if p.required}
                subs = bind_params(params, q)
                init = {Variable(k): Literal(v, lang=None if k == "topic" else "zh") for k, v in params.items()}
                text = "".join(f"PREFIX {p}: <{i}>\n" for p, i in PREFIXES.items()) + q.text
                o_times = timed(lambda: run_on_store(store, q.text, subs), args.repeat)
                om = statistics.median(o_times)
                op = sorted(o_times)[max(0, int(0.95 * len(o_times)) - 1)]
                try:
                    r_times = timed(lambda: list(ds.query(text, initBindings=init)), args.repeat)
                except Exception as exc:  # rdflib's engine cannot run every standard query
                    failures.append(name)
                    print(f"{name:22} {'fails':>11} {'':8} {om:13.1f} {op:8.1f}   rdflib: {type(exc).__name__}")
                    continue
                rm = statistics.median(r_times)
                rp = sorted(r_times)[max(0, int(0.95 * len(r_times)) - 1)]
                ratios.append(rm / om if om else float("inf"))
                print(f"{name:22} {rm:11.1f} {rp:8.1f} {om:13.1f} {op:8.1f} {rm / om:8.1f}×", flush=True)
            print(f"median speed-up of Oxigraph over rdflib: {statistics.median(ratios):.1f}× "
                  f"({len(failures)} of {len(ratios) + len(failures)} queries fail on rdflib's engine: {', '.join(failures)})")


if __name__ == "__main__":
    main()
