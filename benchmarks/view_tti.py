"""Time to interactive of view pages by node count, in headless Chromium (Debian's).

    python benchmarks/view_tti.py [--nodes 500 2000 5000]

Each page is a synthetic county network of the given size rendered exactly as govkg renders
views; the time is from navigation start to the moment the page can be used (physics settled
and stopped, or the precomputed layout drawn). Also prints the time to write the page.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TYPES = ["Agency", "Campaign", "Program", "Mechanism", "Person", "Statistic"]


def synthetic(n: int, seed: int = 7):
    import networkx as nx

    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    counties = max(1, n // 60)
    for c in range(counties):
        g.add_node(f"c{c}", label=f"县{c}", type="Place", code=f"43{c:04d}000000", reports="r1")
    for i in range(n - counties):
        t = rnd.choice(TYPES)
        g.add_node(f"n{i}", label=f"{t}{i}号机构", type=t, reports=f"r{i % 50}", quotes=["某县开展某项工作，取得成效。"])
        g.add_edge(f"c{rnd.randrange(counties)}", f"n{i}", key="rel", predicate="adopts")
        if rnd.random() < 0.3 and i:
            g.add_edge(f"n{i}", f"n{rnd.randrange(i)}", key="rel2", predicate="conducts")
    return g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[500, 2000, 5000])
    args = ap.parse_args()

    import browser
    from graph.views.layout import PHYSICS_MAX_NODES
    from graph.views.page import render

    print(f"{'nodes':>6} {'edges':>6} {'layout':>12} {'write s':>8} {'page MB':>8} {'interactive s':>14}")
    with tempfile.TemporaryDirectory() as tmp, browser.browser() as b:
        for n in args.nodes:
            g = synthetic(n)
            t0 = time.perf_counter()
            page = render(g, title=f"synthetic {n}")
            write_s = time.perf_counter() - t0
            path = Path(tmp) / f"v{n}.html"
            path.write_text(page, encoding="utf-8")
            p, log = browser.open_page(b, path.as_uri(), timeout_ms=120000)
            tti = p.evaluate("window.govkgReadyAt") / 1000
            mode = "physics" if n <= PHYSICS_MAX_NODES else "precomputed"
            print(f"{n:6} {g.number_of_edges():6} {mode:>12} {write_s:8.2f} {len(page) / 1e6:8.2f} {tti:14.2f}", flush=True)
            assert not log.outside_requests and not log.page_errors, log


if __name__ == "__main__":
    main()
