"""Agencies: jurisdiction + body (+ unit), qualified to the report's places.

Grammar: ``[中共] [place | level word] body [modifier unit]`` where body and unit heads
come from ``lexicon/agency_bodies.txt`` and ``lexicon/agency_units.txt``; central bodies
from ``lexicon/national_bodies.txt``. A bare body (县法院, 法院, 公安机关) is qualified to
the place its level word names in this report's context.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..gazetteer import Place
from ..normalise import is_cjk
from ..lexicon import load_table
from .doc import CJK, Doc, finditer_near
from .places import PlaceHit

# a bare body (no place, no level word) stands for the focal county's own body
_BARE_OK = {"法院", "人民法院", "检察院", "人民检察院", "公安局", "司法局", "信访局", "公安机关", "司法行政机关",
            "监察委", "监察委员会", "纪委监委", "编委会", "交警大队", "政法委"}
# characters that may stand right before a bare body or level word (a boundary, a
# conjunction, a preposition or a transfer verb); any other Chinese character means the
# match is inside a longer word (社区警务室 is no 区警务室)
_BEFORE_OK = "、和与及至驻在由向对经交报送请同把将被从据到以"
_COLLECTIVE_BEFORE = ("全省", "全国", "全市", "各级", "各地", "广大", "全区", "各", "全县", "基层", "中央")
_FUNCTION = set("的了在和与及或对向把被将为从到由于等各全该本这那每其此个些所以而且并就都也还又更最很是有")
_UNIT_MOD_MAX = 8


@dataclass(frozen=True)
class Body:
    surface: str
    canonical: str
    kind: str


@dataclass
class AgencyHit:
    start: int
    end: int
    name: str  # canonical
    surface: str
    kind: str
    jurisdiction: Place | None
    parent: str | None = None  # canonical name of the body a unit belongs to
    aliases: set[str] = field(default_factory=set)


@lru_cache(maxsize=1)
def _bodies() -> tuple[Body, ...]:
    rows = [Body(*r[:3]) for r in load_table("agency_bodies.txt") if len(r) >= 3]
    return tuple(sorted(rows, key=lambda b: -len(b.surface)))


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, frozenset[str]], ...]:
    rows = [(r[0], frozenset(r[1].split())) for r in load_table("agency_units.txt") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda u: -len(u[0])))


@lru_cache(maxsize=1)
def _national() -> dict[str, str]:
    out = {}
    for row in load_table("national_bodies.txt"):
        canon = row[0]
        out[canon] = canon
        if len(row) > 1:
            for alias in row[1].split():
                out[alias] = canon
    return out


@lru_cache(maxsize=1)
def _body_re() -> re.Pattern:
    # the bodies longest first: at one position the first that fits is the longest
    return re.compile("|".join(re.escape(b.surface) for b in _bodies()))


_LVL1 = "省市县区州盟旗"  # after a place name: 慈利 + 县
_LVL = "省市县区州盟旗乡镇"  # standing for the report's place: 县公安局


class _Match:
    """What the agency grammar found at one position (the groups a regex match would have)."""

    __slots__ = ("_start", "_end", "_groups")

    def __init__(self, start: int, end: int, **groups: str | None):
        self._start, self._end, self._groups = start, end, groups

    def start(self, group: str | None = None) -> int:
        if group == "body":  # the last group: it ends the match
            return self._end - len(self._groups["body"])
        if group is not None:
            raise ValueError(f"start of {group!r} is not kept")
        return self._start

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, name: str) -> str | None:
        return self._groups.get(name)


class _AgencyGrammar:
    """``(中共)?(place(lvl1)? | lvl)? body`` searched like a regex — the same preference order at
    each position (中共 taken first, places longest first, a level character taken first) — but
    without compiling the report's place names into a pattern: that compile was a fifth of the
    extraction time. ``places``: the report's place surfaces."""

    def __init__(self, text: str, places: list[str]):
        self.text = text
        # the places by first character, longest first: a position tries only those that can start there
        self.places: dict[str, list[str]] = {}
        for p in sorted(places, key=len, reverse=True):
            self.places.setdefault(p[0], []).append(p)
        first = {"中", *_LVL, *self.places, *(b.surface[0] for b in _bodies())}
        self.candidates = [i for i, c in enumerate(text) if c in first]

    def _body(self, i: int, start: int, **groups: str | None) -> _Match | None:
        b = _body_re().match(self.text, i)
        return _Match(start, b.end(), body=b.group(), **groups) if b else None

    def _at(self, i: int) -> _Match | None:
        text = self.text
        for cpc in ((True, False) if text.startswith("中共", i) else (False,)):
            j = i + 2 if cpc else i
            c = "中共" if cpc else None
            for place in self.places.get(text[j:j + 1], ()):
                if text.startswith(place, j):
                    k = j + len(place)
                    if k < len(text) and text[k] in _LVL1:
                        m = self._body(k + 1, i, cpc=c, place=place, lvl1=text[k])
                        if m:
                            return m
                    m = self._body(k, i, cpc=c, place=place)
                    if m:
                        return m
            if j < len(text) and text[j] in _LVL:
                m = self._body(j + 1, i, cpc=c, lvl=text[j])
                if m:
                    return m
            m = self._body(j, i, cpc=c)
            if m:
                return m
        return None

    def search(self, pos: int) -> _Match | None:
        from bisect import bisect_left

        for i in self.candidates[bisect_left(self.candidates, pos):]:
            m = self._at(i)
            if m is not None:
                return m
        return None


@lru_cache(maxsize=1)
def _body_by_surface() -> dict[str, Body]:
    return {b.surface: b for b in _bodies()}


def _canonical(place: Place | None, body: Body, level_word: str | None) -> str:
    canon = body.canonical
    if place is None:
        return (level_word or "") + canon
    # 政法委 of a county is its party committee's: 平江县委政法委
    return place.name + canon


def find_agencies(doc: Doc, places: list[PlaceHit]) -> list[AgencyHit]:
    text, ctx = doc.text, doc.ctx
    hits: list[AgencyHit] = []
    taken: list[tuple[int, int]] = []
    # central bodies first: 中央政法委 must not read as a bare 政法委
    national = _national()
    for name in sorted(national, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            canon = national[name]
            hits.append(AgencyHit(m.start(), m.end(), canon, name, "national", None, aliases={name}))
            taken.append(m.span())
    township_hits = [h for h in places if h.place.level in ("township", "village")]
    by_surface = {}
    for h in places:
        by_surface.setdefault(h.surface, h.place)
    grammar = _AgencyGrammar(text, sorted(by_surface))
    from ..segment import is_word
    quoted = [(q.start, q.end) for q in doc.quotes]
    pos = 0
    ends: set[int] = set()
    while True:
        m = grammar.search(pos)
        if m is None:
            break
        pos = m.start() + 1
        s, e = m.span()
        if any(s < b and a < e for a, b in taken):
            continue
        body = _body_by_surface()[m.group("body")]
        place_surface = m.group("place")
        level_word = m.group("lvl") or m.group("lvl1")
        place = by_surface.get(place_surface) if place_surface else None
        after = text[e:e + 1]
        if body.surface == "委":
            if place is None and level_word is None:
                continue
            if after in ("员", "会") or text[e:e + 2] in ("托", "派"):
                continue
        boundary_ok = s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _BEFORE_OK or s in ends
        if place is None and body.surface not in _BARE_OK and any(a < s < b for a, b in quoted):
            continue
        if place is None and not level_word and any(a < s < b for a, b in quoted):
            continue  # a bare 法院 inside “法院执行年” names no body
        if place is None:
            if level_word:
                # a level word inside a longer word (社区, 片区, 全县) is no level word
                if level_word in ("乡", "镇") or text[s - 1:s] in ("全", "各", "本", "该") or (
                        not boundary_ok and is_word(text[s - 1:s + 1])):
                    continue
                place = ctx.level_place(level_word)
            else:
                if body.surface not in _BARE_OK:
                    continue
                if text[max(0, s - 2):s] in _COLLECTIVE_BEFORE or text[max(0, s - 1):s] in _COLLECTIVE_BEFORE:
                    continue
                if not boundary_ok:
                    continue
                place = ctx.county or ctx.focus
        elif level_word and body.canonical == "委" and place.name.endswith(level_word):
            level_word = None  # 攸县县委 is 攸县委
        if place is None:
            continue
        if place.level in ("township", "village") and body.kind == "party":
            continue
        canon = _canonical(place, body, level_word)
        surface = text[s:e]
        aliases = {surface, canon}
        if m.group("cpc"):
            aliases.add(surface[2:])
        hit = AgencyHit(s, e, canon, surface, body.kind, place, aliases=aliases)
        if place_surface and place_surface != place.name:
            aliases.add(place.name + text[m.start("body"):e])
        hits.append(hit)
        taken.append((s, e))
        ends.add(e)
        unit = _unit_after(text, e)
        if unit is not None:
            ue, utext = unit
            # a unit named after a township serves that township: …公安局天堂寨镇派出所
            town = next((h.place for h in township_hits if h.start == e and h.end <= ue), None)
            hits.append(AgencyHit(s, ue, canon + utext, text[s:ue], hit.kind, town or place, parent=canon,
                                  aliases={text[s:ue], canon + utext, utext}))
            taken.append((e, ue))
        pos = e
    hits.extend(_generic_bureaus(doc, by_surface, taken))
    hits.extend(_references(text, hits))
    hits.extend(_bare_units(doc, hits, taken))
    hits.extend(_quoted_centres(doc, places, taken))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _unit_after(text: str, pos: int) -> tuple[int, str] | None:
    """A unit named right after a body: …公安局合成作战指挥中心."""
    window = text[pos:pos + _UNIT_MOD_MAX + 6]
    for head, _ in _units():
        i = window.find(head)
        while i >= 0:
            mod = window[:i]
            if all(is_cjk(c) for c in mod) and not set(mod) & _FUNCTION and (mod or head not in ("中心", "大队")):
                if not mod or not _has_verb(mod):
                    return pos + i + len(head), window[:i + len(head)]
            i = window.find(head, i + 1)
    return None


def _has_verb(text: str) -> bool:
    """Does ``text`` hold a predicate (开展, 推进 …) or a function word, so cannot name a unit?"""
    from ..lexicon import load_set
    from ..segment import pos_tags

    verbs = load_set("predicate_verbs.txt")
    return any(w in verbs or flag.startswith(("d", "p", "c", "u")) for w, flag in pos_tags(text))


def _bare_units(doc: Doc, hits: list[AgencyHit], taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """A unit written alone (控告申诉室, 侦查实战中心) belongs to the nearest body of its kind
    before it, else to the focal county's body of that kind."""
    from ..segment import pos_tags, token_spans

    text = doc.text
    out = []
    for head, kinds in _units():
        if head in ("中心", "大队", "中队", "支队", "派出所", "警务室", "办公室", "督查室", "领导小组", "人民法庭"):
            continue
        for m in re.finditer(re.escape(head), text):
            hs, he = m.span()
            if any(hs < b and a < he for a, b in taken):
                continue
            spans = [t for t in token_spans(text, max(0, hs - 8), hs)]
            start = hs
            for a, b in reversed(spans):
                tok = text[a:b]
                if any(a < y and x < b for x, y in taken):
                    break
                flags = [f for _, f in pos_tags(tok)]
                if not all(is_cjk(c) for c in tok) or set(tok) & _FUNCTION:
                    break
                if any(f.startswith(("m", "t", "d", "p", "c", "u", "r", "f", "q")) for f in flags):
                    break
                start = a
                if hs - start >= 6:
                    break
            if start == hs and head not in ("控告申诉室",):
                continue
            parent = None
            for h in reversed(hits):
                if h.end <= hs and h.kind in kinds and h.parent is None:
                    parent = h
                    break
            if parent is None:
                continue
            surface = text[start:he]
            name = parent.name + surface
            out.append(AgencyHit(start, he, name, surface, parent.kind, parent.jurisdiction, parent=parent.name,
                                 aliases={surface, name}))
            taken.append((start, he))
    return out


_REFERENCE = {"该局": ("局", "厅"), "该院": ("院",), "该所": ("所",), "该委": ("委",), "该中心": ("中心",),
              "该庭": ("庭",), "该队": ("队",), "该厅": ("厅",)}


def _references(text: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """该局, 该院 … refer to the nearest body before them whose name ends the same way."""
    out = []
    ordered = sorted(hits, key=lambda h: h.start)
    for word, ends in _REFERENCE.items():
        for m in re.finditer(word, text):
            prior = [h for h in ordered if h.end <= m.start() and h.name.endswith(ends)]
            if not prior:
                continue
            ref = prior[-1]
            out.append(AgencyHit(m.start(), m.end(), ref.name, word, ref.kind, ref.jurisdiction, parent=ref.parent,
                                 aliases=set()))
    return out


_BUREAU_TAIL = re.compile(f"(?P<mod>[{CJK}]{{2,5}}?)(?P<head>局|厅|委员会)(?![{CJK}]{{0,1}}长)")


def _bureau_names(text: str, places: list[str]) -> Iterator[_Match]:
    """``(place | 省市县区) mod{2,5} (局|厅|委员会)`` found like ``re.finditer`` would (places
    longest first, matches not overlapping), with only the tail compiled, once."""
    order: dict[str, list[str]] = {}
    for p in sorted(places, key=len, reverse=True):
        order.setdefault(p[0], []).append(p)
    first = {*"省市县区", *order}
    pos = 0
    for i, c in enumerate(text):
        if i < pos or c not in first:
            continue
        found = None
        for p in order.get(c, ()):
            if text.startswith(p, i):
                t = _BUREAU_TAIL.match(text, i + len(p))
                if t:
                    found = _Match(i, t.end(), place=p, mod=t.group("mod"), head=t.group("head"))
                    break
        if found is None and c in "省市县区":
            t = _BUREAU_TAIL.match(text, i + 1)
            if t:
                found = _Match(i, t.end(), lvl=c, mod=t.group("mod"), head=t.group("head"))
        if found is not None:
            yield found
            pos = found.span()[1]


def _generic_bureaus(doc: Doc, by_surface: dict[str, Place], taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """Any bureau of a jurisdiction: 省戒毒管理局, 县应急管理局 (the lexicon lists the common ones)."""
    text = doc.text
    out = []
    for m in _bureau_names(text, sorted(by_surface)):
        s, e = m.span()
        if any(s < b and a < e for a, b in taken) or _has_verb(m.group("mod")) or set(m.group("mod")) & _FUNCTION:
            continue
        if m.group("lvl") and s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _BEFORE_OK:
            continue
        place = by_surface.get(m.group("place")) if m.group("place") else doc.ctx.level_place(m.group("lvl"))
        if place is None:
            continue
        name = place.name + m.group("mod") + m.group("head")
        out.append(AgencyHit(s, e, name, text[s:e], "gov", place, aliases={text[s:e], name}))
        taken.append((s, e))
    return out


_CENTRE = re.compile(f"([{CJK}]{{2,14}}?)(中心|工作领导小组|领导小组)")
_CENTRE_HEAD = re.compile("(?=中心|工作领导小组|领导小组)")
_SET_UP_GROUP = re.compile(f"(?:成立了?|组建了?|设立了?)([{CJK}]{{2,16}}?(?:工作领导小组|领导小组))")


def _quoted_centres(doc: Doc, places: list[PlaceHit], taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """A place's named centre or leading group: 平江县重症违法人员收治中心, …工作领导小组."""
    text = doc.text
    out = []
    full = {h.start: h for h in places if h.surface == h.place.name and h.place.level in ("county", "prefecture", "province")}
    for m in finditer_near(_CENTRE, text, _CENTRE_HEAD, 2, 14):
        s, e = m.span()
        # the name starts at a place name inside the match
        starts = [p for p in full if s <= p < e - 2]
        if not starts:
            continue
        ps = starts[-1]
        if any(ps < b and a < e for a, b in taken):
            continue
        mod = text[full[ps].end:m.start(2)]
        if not mod or set(mod) & _FUNCTION or len(mod) > 12:
            continue
        place = full[ps].place
        out.append(AgencyHit(ps, e, text[ps:e], text[ps:e], "centre", place, aliases={text[ps:e]}))
        taken.append((ps, e))
    # a leading group set up without a place (成立了…领导小组) belongs to the report's place
    for m in _SET_UP_GROUP.finditer(text):
        s, e = m.span(1)
        if any(s < b and a < e for a, b in taken):
            continue
        place = doc.ctx.county or doc.ctx.focus
        if place is None:
            continue
        name = place.name + m.group(1)
        out.append(AgencyHit(s, e, name, m.group(1), "centre", place, aliases={m.group(1), name}))
        taken.append((s, e))
    return out

