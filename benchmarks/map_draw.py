"""How fast a diffusion map page draws China's counties, in headless Chromium (Debian's).

    python benchmarks/map_draw.py [--runs 5]

Two pages, each made as ``govkg build`` makes them (the boundaries in counties.js beside the
page): an item adopted in 30 counties, and one adopted in every county the boundaries hold
(2,845 coloured paths, years spread over 2010–2021), the worst case for colouring. Prints the
time from navigation start to the page drawn and usable (``window.govkgReadyAt``: every county
path in the document, coloured, after two animation frames), its script's share
(``govkgDrawMs``), and one full play of the slider's years, step by step without the pause.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def page(n_counties: int, folder: Path, seed: int = 7) -> Path:
    import json

    from graph.counties import boundaries_text
    from graph.diffusion import Adoption, Diffusion, Evidence, Item, county_of
    from graph.views.map import GEO_ASSET, render_map, write_geo_asset

    rnd = random.Random(seed)
    codes = sorted(c["register"] for c in json.loads(boundaries_text())["counties"] if c["register"])
    chosen = rnd.sample(codes, min(n_counties, len(codes)))
    item = Item("https://w3id.org/govkg/id/mechanism/x", "某机制", "Mechanism")
    for i, code in enumerate(chosen):
        year = 2010 + rnd.randrange(12)
        item.adoptions[code] = Adoption(county_of(code), [Evidence(f"r{i}", f"{year}-05-01", "某县推行某机制，取得成效。", 3)])
    d = Diffusion({item.iri: item}, {}, {"r": 2021}, {})
    write_geo_asset(folder)
    path = folder / f"map-{n_counties}.html"
    t = time.perf_counter()
    path.write_text(render_map(d, [item], title=f"{n_counties} counties", geo_src=GEO_ASSET), encoding="utf-8")
    print(f"page for {n_counties} counties written in {time.perf_counter() - t:.2f} s", file=sys.stderr)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    import browser

    with tempfile.TemporaryDirectory() as tmp, browser.browser() as b:
        print(f"{'coloured':>9} {'drawn s (median)':>17} {'worst s':>8} {'script ms':>10} {'play 12 years ms':>17}")
        for n in (30, 100_000):
            path = page(n, Path(tmp))
            ready, script, play = [], [], []
            for _ in range(args.runs):
                p, log = browser.open_page(b, path.as_uri(), timeout_ms=60000)
                assert not log.page_errors and not log.outside_requests, log
                ready.append(p.evaluate("window.govkgReadyAt") / 1000)
                script.append(p.evaluate("window.govkgDrawMs"))
                play.append(p.evaluate("""() => { const s = document.getElementById('year'), t = performance.now();
                    for (let y = +s.min; y <= +s.max; y++) { s.value = y; s.dispatchEvent(new Event('input')); }
                    document.body.getBoundingClientRect(); return performance.now() - t; }"""))
                p.context.close()
            coloured = p and min(n, 2845)
            print(f"{coloured:>9} {statistics.median(ready):>17.2f} {max(ready):>8.2f} {statistics.median(script):>10.0f} "
                  f"{statistics.median(play):>17.0f}")


if __name__ == "__main__":
    started = time.time()
    main()
    print(f"({time.time() - started:.0f} s in all)", file=sys.stderr)
