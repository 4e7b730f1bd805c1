"""govkg's speed and memory, side by side in one run on the same text.

    python benchmarks/suite.py                      # everything (about 30 minutes on 2 cores)
    python benchmarks/suite.py --only throughput jobs incremental
    python benchmarks/suite.py --factors 1 10 --triples 10000 100000   # a quicker pass

Sections (each prints a Markdown table):

- throughput: characters per second per core of plain ``jieba.lcut`` (the floor any jieba-based
  extractor pays), of govkg's extraction and per-report work, and of a whole ``govkg build -j 1``
  in a fresh process pinned to one core; the share of time per stage (read, normalise, segment,
  extract, resolve, graph, write).
- scaling: build time, throughput against jieba.lcut and peak memory at 1×, 10×, 100× a base
  corpus of about 1 MB (the shared scale corpus and the seeds, cut into report-sized files), each
  in a fresh process pinned to one core; below 100× the best of three builds (``--scale-repeat``),
  each after its own jieba pass, against the best jieba pass.
- jobs: ``govkg build -j N`` against ``-j 1`` on the same text, with a check that the output is
  byte-identical.
- incremental: a rebuild after changing 1 of 1,000 reports against a clean build, from the
  command line (fresh processes) and through the Python API (dictionaries already loaded).
- queries: median and 95th-percentile latency of every library query on graphs of about 10k, 100k
  and 1M triples, the build's Oxigraph store against plain in-memory rdflib (each rdflib query
  capped, in a forked process, at --rdflib-cap seconds).
- views: time to write a build's views, and time to interactive of pages by node count in
  headless Chromium (benchmarks/view_tti.py).

The shared corpus is read in place (research use) and nothing made from it stays on disk.
"""
from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import SCALE, base_files, make_corpus  # noqa: E402

SECTIONS = ("throughput", "scaling", "jobs", "incremental", "queries", "views")
# a researcher's typical call of each library query (parameters the query does not take are ignored)
PARAMS = {"topic": "监控", "place": "张家界市", "county": "慈利县", "name": "县公安局", "mechanism": "六位一体", "kind": "adopts"}

# a build in a fresh process: seconds, peak resident memory of it and its workers, stage seconds
CHILD = """
import json, os, resource, sys, time
if sys.argv[6] == "pin":  # one core for the process and every thread it starts (RocksDB's included)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
t0 = time.perf_counter()
from graph import build
from graph.timing import shares
r = build(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), view=sys.argv[4] == "view", incremental=sys.argv[5] == "inc")
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"s": time.perf_counter() - t0, "reports": len(r.parts), "failures": len(r.failures), "reused": r.reused,
                  "peak_mb": peak / 1024, "stages": shares()}))
"""


def run_build(src: Path, out: Path, *, jobs: int = 1, view: bool = True, incremental: bool = False,
              one_core: bool = False) -> dict:
    """A build in a fresh process; ``one_core``: pinned to one CPU, threads and all (the store's
    bulk loader otherwise spreads its work over a second core)."""
    pin = "pin" if one_core and hasattr(os, "sched_setaffinity") else "nopin"
    run = subprocess.run([sys.executable, "-c", CHILD, str(src), str(out), str(jobs), "view" if view else "noview",
                          "inc" if incremental else "clean", pin], capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        raise SystemExit(f"build of {src} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table(head: list[str], rows: list[list]) -> None:
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    print(flush=True)


# ---------------------------------------------------------------------------------------------


def throughput(tmp: Path, args) -> dict:
    from graph.build import _warm, make_part
    from graph.extract import extract
    from graph.read import read_report

    src = tmp / "base"
    files, chars = make_corpus(src, args.mb)  # the same text jieba_rate cuts into the same pieces
    reports = [read_report(p) for p in sorted(src.glob("*.txt"))]
    jieba_s = chars / jieba_rate(args.mb)
    _warm(whole=True)  # the whole dictionary in memory, as jieba.lcut has it
    _forget()
    t0 = time.perf_counter()
    for r in reports:
        extract(r)
    extract_s = time.perf_counter() - t0
    _forget()  # the same text again: without this, its cuts and look-ups would all be remembered
    t0 = time.perf_counter()
    for r in reports:
        make_part(r, "")
    part_s = time.perf_counter() - t0
    whole = run_build(src, tmp / "out-base", jobs=1, one_core=True)
    jc = chars / jieba_s
    print(f"## Throughput on one core: {files} reports, {chars:,} characters\n")
    table(["what", "k chars/s", "× jieba.lcut"], [
        ["plain jieba.lcut (dictionary loaded)", f"{jc / 1000:.0f}", "1.00"],
        ["govkg extraction (read text → entities, relations, statistics)", f"{chars / extract_s / 1000:.0f}", f"{jieba_s / extract_s:.2f}"],
        ["govkg per report (extraction + its graph + its text page)", f"{chars / part_s / 1000:.0f}", f"{jieba_s / part_s:.2f}"],
        ["govkg build -j 1, whole, this small corpus (fresh process: start-up, store, views; larger corpora under Growth)", f"{chars / whole['s'] / 1000:.0f}", f"{jieba_s / whole['s']:.2f}"],
    ])
    stages = whole["stages"]
    total = whole["s"]
    other = max(0.0, total - sum(stages.values()))
    print(f"Stage shares of that build ({total:.1f} s):\n")
    table(["stage", "seconds", "share"], [[k, f"{v:.2f}", f"{v / total:.0%}"] for k, v in stages.items()]
          + [["other (imports, finding files, summary)", f"{other:.2f}", f"{other / total:.0%}"]])
    return {"chars": chars, "jieba_kcps": jc / 1000, "extract_ratio": jieba_s / extract_s, "part_ratio": jieba_s / part_s,
            "build_ratio": jieba_s / whole["s"], "stages": stages, "build_s": total}


def _forget() -> None:
    """Empty govkg's caches of what it met in texts (jieba's cuts of windows, names' IRIs, terms
    written …): a pass over text met before starts as a fresh process would, dictionaries and
    lexicons loaded (the caches of at most a few entries hold those)."""
    from graph.rdf import QuadGraph
    from graph.statements import _TERMS

    for name, module in list(sys.modules.items()):
        if name == "graph" or name.startswith("graph."):
            for obj in list(vars(module).values()):
                if callable(getattr(type(obj), "cache_clear", None)) and (obj.cache_info().maxsize or 0) > 8:
                    obj.cache_clear()
    QuadGraph._iris.clear()
    _TERMS.clear()


def jieba_rate(mb: float) -> float:
    """Characters per second of plain ``jieba.lcut`` over the base corpus's reports, dictionary
    loaded: the best of three passes (the machine's speed drifts by several per cent)."""
    import jieba

    from corpus import REPORT_CHARS, base_text

    text = base_text(mb)
    pieces = [text[i:i + REPORT_CHARS] for i in range(0, len(text), REPORT_CHARS)]
    jieba.lcut("预热")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for p in pieces:
            jieba.lcut(p)
        best = min(best, time.perf_counter() - t0)
    return len(text) / best


def scaling(tmp: Path, args) -> dict:
    """Each corpus size built ``--scale-repeat`` times (100× and up once), a best-of-three
    ``jieba.lcut`` pass measured just before each build. The table's ratio is the best build
    against the best jieba pass, the same treatment for both (this machine's speed drifts by
    tens of per cent within minutes); every pair's own ratio is printed below it."""
    rows, out, pairs = [], {}, {}
    base = None
    floors = []
    for f in args.factors:
        src = tmp / f"x{f}"
        files, chars = make_corpus(src, args.mb, copies=f)
        runs = []
        for _ in range(args.scale_repeat if f < 100 else 1):
            floor = jieba_rate(args.mb)
            floors.append(floor)
            r = run_build(src, tmp / f"out-x{f}", jobs=args.scale_jobs, one_core=args.scale_jobs == 1)
            r["pair_ratio"] = chars / r["s"] / floor
            runs.append(r)
            _rm(tmp / f"out-x{f}")
        r = min(runs, key=lambda x: x["s"])
        r["files"], r["chars"] = files, chars
        pairs[f] = [x["pair_ratio"] for x in runs]
        out[f] = r
        _rm(src)
    floor = max(floors)
    for f, r in out.items():
        chars = r["chars"]
        base = base or r["s"] / f
        r["jieba_ratio"] = chars / r["s"] / floor
        rows.append([f"{f}×", r["files"], f"{chars:,}", f"{r['s']:.1f}", f"{chars / r['s'] / 1000:.0f}",
                     f"{r['jieba_ratio']:.2f}", f"{r['peak_mb']:.0f}", f"{r['s'] / (base * f):.2f}"])
    pinned = ", pinned to one core" if args.scale_jobs == 1 else ""
    print(f"## Growth with corpus size (govkg build -j {args.scale_jobs}{pinned}, views included, fresh process each)\n")
    spread = f"; they ranged {min(floors) / 1000:.0f}k–{floor / 1000:.0f}k" if len(floors) > 1 else ""
    print(f"Plain jieba.lcut on the same text: {floor / 1000:.0f}k chars/s (best of {3 * len(floors)} passes, three "
          f"just before each build{spread}).\n")
    table(["corpus", "reports", "characters", "best of seconds", "k chars/s", "× jieba.lcut", "peak MB", "time ÷ linear"], rows)
    for f, ratios in pairs.items():
        if len(ratios) > 1:
            print(f"{f}×: {len(ratios)} builds; each against the jieba pass just before it: "
                  + ", ".join(f"{x:.2f}" for x in ratios) + f" (median {statistics.median(ratios):.2f}×)\n")
    print("Seconds per stage in each of those builds (with -j > 1, those of the main process only):\n")
    stages = list(next(iter(out.values()))["stages"])
    table(["corpus", *stages], [[f"{f}×", *(f"{r['stages'][k]:.1f}" for k in stages)] for f, r in out.items()])
    return out


def jobs(tmp: Path, args) -> dict:
    src = tmp / "jobs"
    files, chars = make_corpus(src, args.mb, copies=args.jobs_mb / args.mb)
    best: dict[int, float] = {}
    digests: dict[int, str] = {}
    for _ in range(args.jobs_repeat):  # interleaved, best of each: this machine's speed drifts
        for j in args.jobs:
            o = tmp / f"out-j{j}"
            r = run_build(src, o, jobs=j)
            digests[j] = digest(o / "graph.trig")
            best[j] = min(best.get(j, float("inf")), r["s"])
            _rm(o)
    _rm(src)
    one, first = best[args.jobs[0]], digests[args.jobs[0]]
    rows = [[f"-j {j}", f"{best[j]:.1f}", f"{chars / best[j] / 1000:.0f}", f"{one / best[j]:.2f}×",
             "yes" if digests[j] == first else "NO"] for j in args.jobs]
    print(f"## Worker processes: {files} reports, {chars:,} characters, {os.cpu_count()} cores "
          f"(best of {args.jobs_repeat} builds each, taken in turn)\n")
    table(["build", "seconds", "k chars/s", "speed-up", "graph.trig identical to -j 1"], rows)
    return best


def incremental(tmp: Path, args) -> dict:
    from graph import build

    src = tmp / "inc"
    files, chars = make_corpus(src, args.mb, copies=args.reports / base_files(args.mb))
    one = sorted(src.glob("*.txt"))[len(list(src.glob("*.txt"))) // 2]
    original = one.read_text(encoding="utf-8")
    rows, out = [], {}
    for view in (True, False):
        label = "views included" if view else "--no-view"
        best = {"cli clean": [], "cli rebuild": [], "api clean": [], "api rebuild": []}
        for k in range(args.inc_repeat):  # interleaved, best of each: this machine's speed drifts
            changed = original + f"\n县公安局开展“清风{k}号”专项行动。"  # a new change each time: one report to extract
            # command line: a fresh process each time, as `govkg build` runs
            one.write_text(original, encoding="utf-8")
            best["cli clean"].append(run_build(src, tmp / "inc-out", view=view)["s"])
            one.write_text(changed, encoding="utf-8")
            inc = run_build(src, tmp / "inc-out", view=view, incremental=True)
            best["cli rebuild"].append(inc["s"])
            # the Python API in one process: dictionaries stay loaded between builds
            one.write_text(original, encoding="utf-8")
            t0 = time.perf_counter()
            build(src, tmp / "api-out", view=view, incremental=False)
            best["api clean"].append(time.perf_counter() - t0)
            one.write_text(changed, encoding="utf-8")
            t0 = time.perf_counter()
            r = build(src, tmp / "api-out", view=view)
            best["api rebuild"].append(time.perf_counter() - t0)
        run_build(src, tmp / "inc-ref", view=view)  # a clean build of the last state, to compare with
        ref = digest(tmp / "inc-ref" / "graph.trig")
        for how, o, reused in (("command line", "inc-out", inc["reused"]), ("Python API", "api-out", r.reused)):
            key = "cli" if how == "command line" else "api"
            clean_s, inc_s = min(best[f"{key} clean"]), min(best[f"{key} rebuild"])
            same = digest(tmp / o / "graph.trig") == ref
            rows.append([f"{how}, {label}", f"{clean_s:.1f}", f"{inc_s:.2f}", f"{clean_s / inc_s:.1f}×", reused,
                         "yes" if same else "NO"])
            out[f"{key}_{label}"] = clean_s / inc_s
        _rm(tmp / "inc-out", tmp / "inc-ref", tmp / "api-out")
    _rm(src)
    print(f"## Rebuild after changing 1 of {files} reports ({chars:,} characters), -j 1 "
          f"(best of {args.inc_repeat} clean builds and of {args.inc_repeat} rebuilds each, taken in turn)\n")
    table(["how", "clean build s", "rebuild s", "faster", "reports reused", "same output as a clean build"], rows)
    return out


def _triples_per_copy(tmp: Path, args) -> tuple[float, float]:
    """(triples shared by every copy, triples each copy adds) of the base corpus: copies share
    their places and entity descriptions, so the graph grows by less than a copy's size."""
    from graph.store import open_store

    counts = []
    for copies in (1, 2):
        src = tmp / f"probe{copies}"
        make_corpus(src, args.mb, copies=copies)
        run_build(src, tmp / "probe-out", jobs=2, view=False)
        counts.append(len(list(open_store(tmp / "probe-out").quads_for_pattern(None, None, None, _default()))))
        _rm(src, tmp / "probe-out")
    per_copy = counts[1] - counts[0]
    return counts[0] - per_copy, per_copy


def _default():
    import pyoxigraph as ox

    return ox.DefaultGraph()


def _rdflib_times(ds, text: str, init: dict, repeat: int, cap: float) -> list[float] | None:
    """Run one query on rdflib in a forked process (the parsed graph shared copy-on-write), so a
    query that runs past ``cap`` seconds can be stopped. None: it did not finish in time."""
    import multiprocessing as mp

    def work(conn):
        try:
            out = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                list(ds.query(text, initBindings=init))
                out.append((time.perf_counter() - t0) * 1000)
                if sum(out) > cap * 1000 / 2:
                    break
            conn.send(out)
        except Exception as exc:  # rdflib's engine cannot run every standard query
            conn.send(f"{type(exc).__name__}")

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(False)
    p = ctx.Process(target=work, args=(send,))
    p.start()
    if recv.poll(cap):
        res = recv.recv()
        p.join()
        return res
    p.kill()
    p.join()
    return None


def queries(tmp: Path, args) -> dict:
    from rdflib import Dataset, Literal, Variable

    from graph.query import PREFIXES, bind_params, library, run_on_store
    from graph.store import open_store

    shared, per_copy = _triples_per_copy(tmp, args)
    out = {}
    for target in args.triples:
        copies = max(0.05, (target - shared) / per_copy)
        src = tmp / f"q{target}"
        files, chars = make_corpus(src, args.mb, copies=round(copies, 2))
        o = tmp / f"q{target}-out"
        run_build(src, o, jobs=2, view=False)
        store = open_store(o)
        n = len(list(store.quads_for_pattern(None, None, None, _default())))
        t0 = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(o / "graph.trig", format="trig")
        parse_s = time.perf_counter() - t0
        rows, ox_meds, rd_meds, ratios = [], [], [], []
        for name, q in library().items():
            params = {p.name: PARAMS[p.name] for p in q.params if p.name in PARAMS}
            subs = bind_params(params, q)
            run_on_store(store, q.text, subs)  # warm the store's caches, as a running service has them
            ox_t = []
            for _ in range(args.repeat):
                t1 = time.perf_counter()
                run_on_store(store, q.text, subs)
                ox_t.append((time.perf_counter() - t1) * 1000)
            om, op = statistics.median(ox_t), _p95(ox_t)
            ox_meds.append(om)
            kinds = {p.name: p.kind for p in q.params}
            init = {Variable(k): Literal(v, lang="zh" if kinds[k] == "label" else None) for k, v in params.items()}
            text = "".join(f"PREFIX {p}: <{i}>\n" for p, i in PREFIXES.items()) + q.text
            rd = _rdflib_times(ds, text, init, args.repeat, args.rdflib_cap)
            if rd is None:
                rows.append([name, f"{om:.1f}", f"{op:.1f}", f"> {args.rdflib_cap * 1000:.0f}", "", f"> {args.rdflib_cap * 1000 / om:.0f}×"])
                rd_meds.append(args.rdflib_cap * 1000)
                ratios.append(args.rdflib_cap * 1000 / om)
            elif isinstance(rd, str):
                rows.append([name, f"{om:.1f}", f"{op:.1f}", f"fails ({rd})", "", ""])
            else:
                rm = statistics.median(rd)
                rd_meds.append(rm)
                ratios.append(rm / om)
                rows.append([name, f"{om:.1f}", f"{op:.1f}", f"{rm:.1f}", f"{_p95(rd):.1f}", f"{rm / om:.0f}×"])
        print(f"## Library queries on {n:,} triples ({files} reports, {chars:,} characters; rdflib parse {parse_s:.0f} s)\n")
        table(["query", "Oxigraph median ms", "p95 ms", "rdflib median ms", "p95 ms", "speed-up"], rows)
        print(f"Oxigraph: median of the medians {statistics.median(ox_meds):.1f} ms, slowest median {max(ox_meds):.1f} ms; "
              f"speed-up over rdflib on the median query {statistics.median(rd_meds) / statistics.median(ox_meds):.0f}× "
              f"(median of the per-query speed-ups {statistics.median(ratios):.0f}×; capped queries count at the cap)\n", flush=True)
        out[target] = {"triples": n, "ox_median": statistics.median(ox_meds), "ox_max": max(ox_meds),
                       "speedup_median_query": statistics.median(rd_meds) / statistics.median(ox_meds)}
        del ds, store
        _rm(src, o)
    return out


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(0.95 * len(xs)) - 1))]


def views(tmp: Path, args) -> dict:
    from graph.store import open_store
    from graph.views import write_views

    rows = []
    for f in args.view_factors:
        src = tmp / f"v{f}"
        files, chars = make_corpus(src, args.mb, copies=f)
        o = tmp / f"v{f}-out"
        run_build(src, o, jobs=2, view=False)
        store = open_store(o)
        t0 = time.perf_counter()
        pages = write_views(store, tmp / f"v{f}-views")
        s = time.perf_counter() - t0
        rows.append([f"{f}×", files, len(pages), f"{s:.1f}", f"{s / len(pages) * 1000:.0f}"])
        del store
        _rm(src, o, tmp / f"v{f}-views")
    print("## Writing a build's views (overview, mechanism, agency, one page per county, index)\n")
    table(["corpus", "reports", "pages", "seconds", "ms per page"], rows)
    tti = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "view_tti.py"), "--nodes", *map(str, args.nodes)],
                         capture_output=True, text=True, cwd=ROOT)
    print("Time to interactive in headless Chromium (benchmarks/view_tti.py):\n")
    print(tti.stdout if tti.returncode == 0 else f"(not run: {tti.stderr.strip().splitlines()[-1:]})")
    return {}


def _rm(*paths: Path) -> None:
    import shutil

    for p in paths:
        shutil.rmtree(p, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    ap.add_argument("--mb", type=float, default=1.0, help="size of the base corpus in MB of UTF-8 (default 1)")
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--scale-jobs", type=int, default=1)
    ap.add_argument("--scale-repeat", type=int, default=3,
                    help="builds per corpus size below 100×, each after its own jieba pass; the best counts (default 3)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--jobs-repeat", type=int, default=3, help="builds per -j value; the best counts (default 3)")
    ap.add_argument("--jobs-mb", type=float, default=10.0, help="corpus for the -j comparison (default 10 MB, 3.3M characters)")
    ap.add_argument("--reports", type=int, default=1000, help="reports in the incremental test (default 1000)")
    ap.add_argument("--inc-repeat", type=int, default=3, help="clean builds and rebuilds per row; the best counts (default 3)")
    ap.add_argument("--triples", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-cap", type=float, default=20.0, help="seconds before an rdflib query is stopped")
    ap.add_argument("--view-factors", type=float, nargs="+", default=[1, 10])
    ap.add_argument("--nodes", type=int, nargs="+", default=[500, 2000, 5000])
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    # pip compiles an installed package's bytecode; an editable install gets it on first import,
    # but not where PYTHONDONTWRITEBYTECODE is set (as in many containers): compile it here, so
    # each fresh-process build measures govkg rather than Python compiling govkg's source
    compileall.compile_dir(ROOT / "graph", quiet=1)
    figures = {}
    print(f"# govkg benchmarks — {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    if not SCALE.exists():  # the figures would describe other text: say so at the top
        print(f"**Note: {SCALE} is missing, so the base corpus is the seed reports repeated** (far denser in "
              "entities than news text; these figures do not compare with the README's)\n")
    with tempfile.TemporaryDirectory(prefix="govkg-bench-") as tmp:
        for name in SECTIONS:
            if name in args.only:
                t0 = time.perf_counter()
                figures[name] = globals()[name](Path(tmp), args)
                print(f"({name}: {time.perf_counter() - t0:.0f} s)\n", flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
