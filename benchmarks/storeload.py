"""What loading a build's graph into Oxigraph costs, part by part, on one core.

    python benchmarks/storeload.py OUT [--chunk-mb 8]

OUT is a finished build (``govkg build … -o OUT``); its ``graph.trig`` (the named graphs) and
``graph.ttl`` (their union, each triple once: the store's default graph) are loaded again into
fresh stores in a temporary folder, and the script prints, for each file: parsing alone, a bulk
load into an in-memory store, a bulk load into an on-disk store in one piece and in pieces of
``--chunk-mb`` (as a build loads them), and the compaction after each. It also counts how many of
the named graphs' quads repeat a triple another graph holds: the default graph is a second copy of
all but those. The process pins itself to one core first, as ``suite.py`` pins the builds.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _pieces(path: Path, mb: float) -> list[bytes]:
    from graph.statements import pieces

    return list(pieces(path, int(mb * 1_000_000)))


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    import pyoxigraph as ox

    from graph.outdir import GRAPH_TRIG, GRAPH_TTL
    from graph.statements import header

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="a finished build's folder")
    ap.add_argument("--chunk-mb", type=float, default=8.0, help="piece size for the loading in pieces (default 8)")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    files = {"trig": args.out / GRAPH_TRIG, "ttl": args.out / GRAPH_TTL}
    for p in files.values():
        if not p.is_file():
            sys.exit(f"{p}: not found; give the folder of a finished build")
    fmt = {"trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE}
    graph = {"trig": None, "ttl": ox.DefaultGraph()}

    def load(store, data: bytes, kind: str) -> None:
        if graph[kind] is None:
            store.bulk_load(data, format=fmt[kind])
        else:
            store.bulk_load(data, format=fmt[kind], to_graph=graph[kind])

    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="govkg-storeload-"))
    try:
        stores = {"one": ox.Store(str(tmp / "one")), "pieces": ox.Store(str(tmp / "pieces"))}
        memory = ox.Store()
        for kind, path in files.items():
            data = path.read_bytes()
            n = 0

            def parse() -> None:
                nonlocal n
                n = sum(1 for _ in ox.parse(data, format=fmt[kind]))

            parse_s = _timed(parse)
            mem_s = _timed(lambda: load(memory, data, kind))
            one_s = _timed(lambda: load(stores["one"], data, kind))
            chunks = _pieces(path, args.chunk_mb)
            pieces_s = _timed(lambda: [load(stores["pieces"], header(kind) + c, kind) for c in chunks])
            rows.append((f"{path.name} ({n:,} {'quads' if kind == 'trig' else 'triples'}, {len(data) / 1e6:.0f} MB)",
                         parse_s, mem_s, one_s, pieces_s, len(chunks)))
        compact = {k: _timed(s.optimize) for k, s in stores.items()}
        print(f"## Loading {args.out} into Oxigraph, one core (seconds)\n")
        print("| file | parse only | in memory | on disk, one piece | on disk, in pieces |")
        print("|---|---|---|---|---|")
        for name, p, m, o, c, k in rows:
            print(f"| {name} | {p:.2f} | {m:.2f} | {o:.2f} | {c:.2f} ({k} pieces of {args.chunk_mb:g} MB) |")
        print(f"| compaction after both (`optimize`) | | | {compact['one']:.2f} | {compact['pieces']:.2f} |\n")
        seen: dict = {}
        repeats = 0
        for q in ox.parse(files["trig"].read_bytes(), format=ox.RdfFormat.TRIG):
            t = q.triple
            if t in seen:
                repeats += 1
            else:
                seen[t] = 1
        total = repeats + len(seen)
        print(f"Quads of the named graphs that repeat a triple another graph holds: {repeats:,} of {total:,} "
              f"({repeats / total:.0%}); the default graph (their union) holds {len(seen):,} triples.")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
