"""Agencies: jurisdiction + body (+ unit), qualified to the report's places.

Grammar: ``[中共] [place | level word] body [modifier unit]`` where body and unit heads
come from ``lexicon/agency_bodies.txt`` and ``lexicon/agency_units.txt``; central bodies
from ``lexicon/national_bodies.txt``. A bare body (县法院, 法院, 公安机关) is qualified to
the place its level word names in this report's context.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..gazetteer import UPPER_LEVELS, Place, short_name
from ..normalise import is_cjk
from ..lexicon import load_set, load_table
from .doc import CJK, Doc, Spans, find_all, find_words, finditer_around, finditer_from, finditer_near, overlaps, positions
from ..segment import is_word, pos_tags, token_spans
from .places import PlaceHit, _aligned, _leftmost_longest, _surnames, _word_start

# characters that may stand right before a bare body or level word (a boundary, a
# conjunction, a preposition or a transfer verb); any other Chinese character means the
# match is inside a longer word (社区警务室 is no 区警务室)
_BEFORE_OK = "、和与及至驻在由向对经交报送请同把将被从据到以的"
# verbs of working with a body, written right before its name (联合X派出所, 会同X司法所)
_WITH_VERBS = frozenset({"联合", "会同", "协同", "联同", "配合", "协助", "指导", "督促", "依托", "邀请", "组织"})
_COLLECTIVE_BEFORE = ("全省", "全国", "全市", "各级", "各地", "广大", "全区", "各", "全县", "基层", "中央")
_FUNCTION = set("的了在和与及或对向把被将为从到由于等各全该本这那每其此个些所以而且并就都也还又更最很是有")
_UNIT_MOD_MAX = 8
_LEVEL_LIST = ("县、", "乡、", "镇、", "村、", "市、", "区、")  # 乡、镇调委会: bodies of a level, no one body
_LEVELS_BEFORE = re.compile("[县市区旗镇乡村][（(][县市区旗镇乡村街道]{1,2}[）)]$")  # 旗县市（区）司法局


@dataclass(frozen=True)
class Body:
    surface: str
    canonical: str
    kind: str
    bare: str = ""  # "bare": alone, the report's county's; "prefecture": alone, its prefecture's


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
    rows = [Body(*r[:4]) for r in load_table("agency_bodies.txt") if len(r) >= 3]
    return tuple(sorted(rows, key=lambda b: -len(b.surface)))


@lru_cache(maxsize=1)
def _body_ends() -> tuple[re.Pattern, dict[str, tuple[int, ...]], frozenset[str], frozenset[str]]:
    """The characters bodies end in (a pattern), the lengths of the bodies ending in each two
    last characters (bodies of one character: by that character), the surfaces, and their last
    two characters."""
    surfaces = frozenset(b.surface for b in _bodies())
    return (_end_pattern(surfaces), _lengths_by_tail(surfaces), surfaces, frozenset(b[-2:] for b in surfaces))


def _lengths_by_tail(names) -> dict[str, tuple[int, ...]]:
    """The lengths of ``names`` by their last two characters (a name of one character: by it),
    ascending: where a name may end, the two characters there leave few lengths to try."""
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[-2:], set()).add(len(n))
    return {c: tuple(sorted(v)) for c, v in lengths.items()}


def _tail_lengths(lengths: dict[str, tuple[int, ...]], text: str, e: int, last: str) -> tuple[int, ...]:
    """The lengths of the names (:func:`_lengths_by_tail`) that may end at ``e`` in ``text``,
    whose last character is ``last``, ascending."""
    two = lengths.get(text[e - 2:e], ()) if e >= 2 else ()
    return (1,) + two if last in lengths else two


def _end_pattern(names) -> re.Pattern:
    """Where one of ``names`` may end: a last character of one, after a character that stands
    second to last in one (or that is a name of one character) — asked by a look-behind after
    the last character, so the engine skips ahead on the last characters and the many places
    where a common one (会, 大) ends no name are not matches to look at."""
    lasts = "".join(sorted({n[-1] for n in names}))
    before = "".join(sorted({n[-2] for n in names if len(n) >= 2}))
    singles = "".join(sorted(n for n in names if len(n) == 1))
    alternatives = [f"(?<=[{before}].)" if before else "", f"(?<=[{singles}])" if singles else ""]
    return re.compile(f"[{lasts}](?:" + "|".join(a for a in alternatives if a) + ")")


def _bodies_in(text: str) -> dict[int, str]:
    """Position → the longest body surface starting there."""
    ends, lengths, surfaces, tails = _body_ends()
    out: dict[int, str] = {}
    for m in ends.finditer(text):
        e = m.end()
        if text[e - 2:e] not in tails and m.group() not in surfaces:
            continue  # most of the characters bodies end in end no body here (会 of 开会)
        for n in _tail_lengths(lengths, text, e, m.group()):
            if n <= e and text[e - n:e] in surfaces:
                s = e - n
                if len(out.get(s, "")) < n and not (text[e - 1] == "办" and text[e:e + 1] in _BAN_WORD):
                    out[s] = text[s:e]
    return out


# 办 ending a body's short form (县委办, 政府办) but opening a word (县委办理, 县委办公会): the 委 alone
_BAN_WORD = frozenset("理公事法案结好")


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, frozenset[str]], ...]:
    rows = [(r[0], frozenset(r[1].split())) for r in load_table("agency_units.txt") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda u: -len(u[0])))


@lru_cache(maxsize=1)
def _whole_units() -> frozenset[str]:
    """Unit heads that are a unit's whole name (巡特警大队)."""
    return frozenset(r[0] for r in load_table("agency_units.txt") if len(r) >= 3 and r[2] == "whole")


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
def _national_index() -> tuple[re.Pattern, dict[str, tuple[int, ...]], frozenset[str]]:
    """The characters the central bodies' names end in, the lengths of the names by their last
    two characters (see :func:`_lengths_by_tail`), and the names' last two characters."""
    return _end_pattern(_national()), _lengths_by_tail(_national()), frozenset(n[-2:] for n in _national())


def _national_hits(text: str) -> list[tuple[int, int, str]]:
    """Central bodies named in ``text``, leftmost longest: (start, end, name as written). A
    ministry's name inside a longer word is none (司法部门, 公安部门 are any such department),
    nor a short form inside another word (集中办理 holds no 中办)."""
    national = _national()
    last, lengths, tails = _national_index()
    found = []
    for m in last.finditer(text):
        e = m.end()
        if text[e - 2:e] not in tails and m.group() not in national:
            continue  # (大, 会, 行 …: most end no central body's name)
        for n in _tail_lengths(lengths, text, e, m.group()):
            if n <= e and text[e - n:e] in national:
                found.append((e - n, e, text[e - n:e]))
    out = []
    for s, e, name in _leftmost_longest(found):
        if name.endswith("部") and text[e:e + 1] == "门":
            continue
        if e - s <= 2 and not _aligned(text, s, e):
            continue
        out.append((s, e, name))
    return out


_LVL1 = "省市县区州盟旗"  # after a place name: 慈利 + 县
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")  # written alone for the report's own autonomous unit
_LOCAL_LEVELS = ("乡", "镇", "村")
_COUNTED_AFTER = re.compile("[0-9０-９]+(?:个|所|家|处|座|支)")
_VILLAGE_COMMITTEES = frozenset({"村民委员会", "居民委员会"})
_LVL = "省市县区州盟旗乡镇村"  # standing for the report's place: 县公安局, 镇党委, 村党支部


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

    def __init__(self, text: str, places: list[str], written: dict[str, list[int]]):
        self.text = text
        # the places by first character, longest first: a position tries only those that can start there
        self.places: dict[str, list[str]] = {}
        for p in sorted(places, key=len, reverse=True):
            self.places.setdefault(p[0], []).append(p)
        # every match ends in a body: the longest body starting at each position, found from
        # the few characters bodies end in; a match can start only a little before one
        self.body_at = _bodies_in(text)
        starts = set()
        for b in self.body_at:
            starts.update((b, b - 1, b - 3))  # body, level word + body, 自治区 + body
        for p, at in written.items():
            for i in at:
                e = i + len(p)
                if e in self.body_at or e + 1 in self.body_at:
                    starts.add(i)
        # 中共 before a start: (where 中共 is written, found once, not asked at every start)
        starts |= {j for j in positions(text, ("中共",)) if j + 2 in starts}
        self.candidates = sorted(i for i in starts if i >= 0)

    def _body(self, i: int, start: int, **groups: str | None) -> _Match | None:
        surface = self.body_at.get(i)
        return _Match(start, i + len(surface), body=surface, **groups) if surface else None

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
            if text.startswith(_AUTONOMOUS, j):  # 自治区党委, 自治县政法委: the autonomous unit's
                m = self._body(j + 3, i, cpc=c, lvl=text[j:j + 3])
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
        cands = self.candidates
        for k in range(bisect_left(cands, pos), len(cands)):  # (no slice: a copy of the rest per search)
            m = self._at(cands[k])
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
    if canon == "人民法院" and place.level in ("province", "prefecture"):
        # a province's court is its high court, a city's its intermediate court
        canon = "高级人民法院" if place.level == "province" else "中级人民法院"
    elif canon == "委" and place.level in ("township", "village"):
        canon = "党委"  # 镇委 is the township's party committee
    elif place.level in ("province", "prefecture", "county") and canon.startswith("党委"):
        canon = canon[1:]  # 省党委 is 省委
    if place.name.endswith("自治区") and canon.startswith("委"):
        canon = "党" + canon  # an autonomous region's committee is its 党委: 自治区党委政法委
    # 政法委 of a county is its party committee's: 平江县委政法委
    return place.name + canon


@lru_cache(maxsize=1)
def _bare_bodies() -> dict[str, str]:
    """Bodies that, written alone, are the report's own: surface → the level they stand at."""
    return {b.surface: b.bare for b in _bodies() if b.bare}


def _local_place(places: list[PlaceHit], pos: int, levels: tuple[str, ...]) -> Place | None:
    """The township (or village) a bare 镇 / 村 refers to: the last one named before ``pos``,
    else the one the report names, if it names one only."""
    before = [h for h in places if h.place.level in levels and h.end <= pos]
    if before:
        return before[-1].place
    named = {h.place.id: h.place for h in places if h.place.level in levels}
    return next(iter(named.values())) if len(named) == 1 else None


@lru_cache(maxsize=1)
def _post_then_comma() -> re.Pattern:
    """A post title and the 、 after it: 常委、, 副局长、 (the next body of a person's posts)."""
    titles = sorted(load_set("posts.txt"), key=len, reverse=True)
    return re.compile(f"(?:常务副|副)?(?:{'|'.join(map(re.escape, titles))})、")


def _carried(text: str, s: int, prev: "AgencyHit | None") -> bool:
    """Does the body at ``s`` continue a list whose previous body named its place
    (X市民政局、教育局、妇联), or a person's posts whose first body named it (X市委常委、政法委书记)?"""
    if prev is None or prev.jurisdiction is None or prev.kind == "national" or prev.parent:
        return False
    gap = text[prev.end:s]
    return gap in ("、", "和", "及", "与", "以及", "、及") or (len(gap) <= 8 and _post_then_comma().fullmatch(gap) is not None)


def find_agencies(doc: Doc, places: list[PlaceHit]) -> list[AgencyHit]:
    text, ctx = doc.text, doc.ctx
    hits: list[AgencyHit] = []
    taken = Spans()  # every span a body holds, asked without a scan
    # central bodies first: 中央政法委 must not read as a bare 政法委
    national = _national()
    for s, e, name in _national_hits(text):
        hits.append(AgencyHit(s, e, national[name], name, "national", None, aliases={name}))
        taken.append((s, e))
    # units named on a township before bodies: 伍市人民法庭 is no 市 + 人民法庭
    hits.extend(_township_units(doc, places, hits, taken))
    hits.extend(_joint_committees(doc, places, taken))
    by_surface = {}
    for h in places:
        by_surface.setdefault(h.surface, h.place)
    # where each of the report's places is written: read by the grammar and by the bureaus' names
    written = find_all(text, sorted(by_surface))
    grammar = _AgencyGrammar(text, sorted(by_surface), written)
    place_starts = sorted(h.start for h in places)
    places_at: dict[int, list[PlaceHit]] = {}
    for h in places:
        places_at.setdefault(h.start, []).append(h)
    quoted = Spans((q.start, q.end) for q in doc.quotes)  # quoted.crosses(s): s inside a quotation
    bare_ok = _bare_bodies()
    pos = 0
    ends: set[int] = set()
    prev: AgencyHit | None = None  # the last body found, for lists
    while True:
        m = grammar.search(pos)
        if m is None:
            break
        pos = m.start() + 1
        s, e = m.span()
        if overlaps(s, e, taken):
            continue
        body = _body_by_surface()[m.group("body")]
        place_surface = m.group("place")
        level_word = m.group("lvl") or m.group("lvl1")
        place = by_surface.get(place_surface) if place_surface else None
        after = text[e:e + 1]
        if body.surface == "委":
            if place is None and level_word is None:
                continue
            if after == "会" and place is None and text[e - 2:e] in ("村委", "居委"):
                # 、村委会主任: no level word and 委, but the committee's own short name
                body, e, level_word = _body_by_surface()[text[e - 2:e + 1]], e + 1, None
                after = text[e:e + 1]
            elif after in ("员", "会") or text[e:e + 2] in ("托", "派"):
                continue
        if body.surface == "委员会" and (after == "议" or (place is None and level_word is None)):
            continue  # 委员会议: a members' meeting
        if body.canonical in _VILLAGE_COMMITTEES and place is None and level_word is None and prev is not None \
                and prev.jurisdiction is not None and prev.jurisdiction.level == "village" and text[s - 1:s] == "、" \
                and 0 <= s - prev.end <= 8:
            place = prev.jurisdiction  # 某村党支部书记、村委会主任: the same village's committee
        if body.canonical in _VILLAGE_COMMITTEES and (place is None or place.level != "village"):
            continue  # a village's or community's own (某省村委会换届工作会议 names none)
        boundary_ok = s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _BEFORE_OK or s in ends \
            or text[max(0, s - 2):s] in ("首个", "首家")  # 建成全区首家公证处: the place's own
        if place is None and body.surface not in bare_ok and not level_word and quoted.crosses(s):
            continue
        if place is None and not level_word and quoted.crosses(s):
            continue  # a bare 法院 inside “法院执行年” names no body
        if place is None:
            if level_word:
                # a level word inside a longer word (社区, 片区, 全县, 入市) is no level word
                # (该市警方, 本县法院: the level's own body, as 市警方 would be)
                # (a 村/乡/镇 inside a word ends a name the text does not resolve, even after a
                # character a body may follow: 大同村党支部, where 同村 is a word)
                if text[s - 1:s] in ("全", "各", "每") or text[max(0, s - 2):s] in _LEVEL_LIST or (
                        text[s - 1:s] in "（(" and text[s - 2:s - 1] in _LVL) or (
                        (not boundary_ok and text[s - 1:s] not in ("该", "本")
                         or level_word in _LOCAL_LEVELS and s > 0 and is_cjk(text[s - 1])) and not _word_start(text, s)):
                    continue
                if level_word in _AUTONOMOUS:
                    place = {"自治区": ctx.province, "自治州": ctx.prefecture}.get(level_word, ctx.county)
                    place = place if place is not None and place.name.endswith(level_word) else None
                elif level_word in ("乡", "镇"):
                    place = _local_place(places, s, ("township",))
                elif level_word == "村":
                    place = _local_place(places, s, ("village",))
                else:
                    place = ctx.level_place(level_word)
                if level_word == "县" and body.canonical == "委" and text[s - 1:s] == "团":
                    continue  # 团县委 is the Youth League's committee, found below
            elif _carried(text, s, prev):
                place = prev.jurisdiction  # X市民政局、教育局 …
            else:
                if body.surface not in bare_ok:
                    continue
                if text[max(0, s - 2):s] in _COLLECTIVE_BEFORE or text[max(0, s - 1):s] in _COLLECTIVE_BEFORE \
                        or _LEVELS_BEFORE.search(text, max(0, s - 6), s):
                    continue
                if not boundary_ok:
                    continue
                if _COUNTED_AFTER.match(text, e):
                    continue  # 建成…调处化解中心15个: a kind of body counted, not the county's one
                place = ctx.prefecture if bare_ok[body.surface] == "prefecture" else (ctx.county or ctx.focus)
                if place is not None and place.level == "province" and body.canonical.endswith("局") \
                        and body.kind not in ("police", "justice", "petition"):
                    continue  # a province has departments (厅), not bureaus: 教育局 alone is no province's
        elif level_word and body.canonical == "委" and place.name.endswith(level_word):
            level_word = None  # 攸县县委 is 攸县委
        if place is None:
            continue
        canon = _canonical(place, body, level_word)
        surface = text[s:e]
        aliases = {surface, canon, place.name + text[m.start("body"):e]}
        if m.group("cpc"):
            aliases.add(surface[2:])
        if body.surface == "交警大队":  # the traffic brigade is the police bureau's
            aliases.add(place.name + "公安局交警大队")
        hit = AgencyHit(s, e, canon, surface, body.kind, place, aliases=aliases)
        hits.append(hit)
        prev = hit
        taken.append((s, e))
        ends.add(e)
        # units after the body, and a unit's units: …公安局X区分局Y派出所
        ustart, parent_name, parent_place = e, canon, place
        while (unit := _unit_after(text, ustart, places, place_starts,
                                   towns=_township_forms(ctx.gazetteer, parent_place.code)
                                   if parent_place is not None and parent_place.level == "county" and parent_place.code
                                   else {})) is not None:
            ue, utext = unit
            # a unit named after a place serves that place: …公安局天堂寨镇派出所, …公安局X区分局
            sub = next((h.place for h in places_at.get(ustart, ()) if h.end <= ue
                        and h.place.level in ("county", "township", "village")), None)
            if sub is None and parent_place is not None and parent_place.level == "county":
                sub = _township_named(doc, parent_place, ustart)
            name = parent_name + utext
            hits.append(AgencyHit(s, ue, name, text[s:ue], hit.kind, sub or parent_place, parent=parent_name,
                                  aliases={text[s:ue], name, utext, text[ustart:ue]}))
            taken.append((ustart, ue))
            ustart, parent_name, parent_place = ue, name, sub or parent_place
        pos = max(e, ustart)
    hits.extend(_league_committees(doc, taken))
    hits.extend(_generic_bureaus(doc, by_surface, taken, written))
    hits.extend(_quoted_units(doc, places, hits, taken))
    hits.extend(_system_shorthand(doc, sorted(hits, key=lambda h: h.start), taken))
    hits.extend(_references(text, hits))
    hits.extend(_bare_units(doc, hits, taken))
    hits.extend(_quoted_centres(doc, places, taken))
    _one_station_per_township(hits)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


_STATIONS = ("派出所", "人民法庭", "司法所", "检察室")


def _one_station_per_township(hits: list[AgencyHit]) -> None:
    """A township's police station (court, justice office …) written several ways in one
    report (X镇派出所, X派出所, Y县公安局X派出所) is one agency: the name that says most."""
    groups: dict[tuple[str, str], list[AgencyHit]] = {}
    for h in hits:
        if h.jurisdiction is not None and h.jurisdiction.level == "township":
            unit = next((u for u in _STATIONS if h.name.endswith(u)), None)
            if unit is not None:
                groups.setdefault((h.jurisdiction.id, unit), []).append(h)
    for same in groups.values():
        if len({h.name for h in same}) < 2:
            continue
        best = max(same, key=lambda h: (h.parent is not None, len(h.name)))
        aliases = set().union(*(h.aliases for h in same)) | {h.name for h in same}
        for h in same:
            h.name, h.parent, h.aliases = best.name, best.parent, aliases


def _unit_after(text: str, pos: int, places: list[PlaceHit] = (), starts: list[int] | None = None, *,
                towns: dict[str, Place] | None = None) -> tuple[int, str] | None:
    """A unit named right after a body: …公安局合成作战指挥中心, …公安局天堂寨镇派出所,
    …公安局X区分局 (the unit word ending first, the longest of those). Its modifier names no
    other place inside it and starts with no verb of motion (…司法局赴X镇…中心). ``starts``: the
    places' starts, sorted (made here when not given). ``towns``: the body's county's townships
    by name and short name: a modifier that is one of them may hold characters that also write
    function words (a transcribed name with 都 or 和)."""
    window = text[pos:pos + _UNIT_MOD_MAX + 6]
    starts = sorted(h.start for h in places) if starts is None else starts
    inner = starts[bisect_right(starts, pos):bisect_left(starts, pos + len(window))]
    inner = [p - pos for p in inner]
    best = None
    for head, _ in _units():
        i = window.find(head)
        while i >= 0:
            mod = window[:i]
            town = bool(towns) and mod in towns
            if all(is_cjk(c) for c in mod) and (town or not set(mod) & _FUNCTION) and (mod or head not in ("中心", "大队")) \
                    and not (mod and mod[0] in _MOTION) and not any(0 < p < i for p in inner) \
                    and not (mod in ("", "副") and window[i + len(head):i + len(head) + 1] == "长"):
                if not mod or town or not _has_verb(mod):
                    end = i + len(head)
                    if best is None or end < best:
                        best = end
                    break
            i = window.find(head, i + 1)
    return (pos + best, window[:best]) if best is not None else None


def _township_named(doc: Doc, county: Place | None, pos: int) -> Place | None:
    """The township of ``county`` whose name or short name the text writes at ``pos`` (伍市 of 伍市镇)."""
    if county is None or not county.code:
        return None
    text = doc.text
    return next((t for form, t in _township_forms(doc.ctx.gazetteer, county.code).items()
                 if len(form) >= 2 and text.startswith(form, pos)), None)


_MOTION = set("赴到去往至来进驻抵")
_JOINING = frozenset({"联合", "会同", "配合", "协助", "协同", "携手"})  # (某大队联合某大队: no part of its name)

# a mediation committee two or more places set up together (X镇和Y镇联合人民调解委员会)
_JOINT = re.compile("联合(?:人民)?调(?:解委员会|委会)")
_JOIN = "和与、及"


def _joint_committees(doc: Doc, places: list[PlaceHit], taken: Spans) -> list[AgencyHit]:
    """A joint mediation committee: of the places listed before it (X镇和Y镇联合人民调解委员会,
    X乡、Y乡的跨界联合调委会, X县Y镇与Z县W镇边界联合调委会: the most local place of
    each), one agency serving each of them; written alone later, the one named before."""
    text = doc.text
    if "联合" not in text:
        return []
    by_end: dict[int, PlaceHit] = {}
    for h in places:
        if h.end not in by_end or h.start < by_end[h.end].start:
            by_end[h.end] = h
    out: list[AgencyHit] = []
    last: list[AgencyHit] = []
    for m in _JOINT.finditer(text):
        js, je = m.span()
        if overlaps(js, je, taken):
            continue
        # a modifier of up to six characters before 联合 (边界, 跨省), after the places and a 的
        p = js
        while p > js - 6 and p > 0 and is_cjk(text[p - 1]) and (p not in by_end) and text[p - 1] not in _FUNCTION:
            p -= 1
        if p not in by_end and text[p - 1:p] == "的":
            p -= 1
        if p not in by_end or (p < js and _has_verb(text[p + (text[p] == "的"):js])):
            if last:  # written alone: the joint committee named before
                out.extend(AgencyHit(js, je, h.name, text[js:je], h.kind, h.jurisdiction, aliases={text[js:je]})
                           for h in last)
            continue
        served: list[Place] = []
        start = p
        while p in by_end:
            h = by_end[p]
            if not served or text[p:p + 1] in _JOIN:
                served.append(h.place)  # the most local place of its group (X县Y镇: Y镇)
            start = p = h.start
            if text[p - 1:p] in _JOIN and (p - 1) in by_end:
                p -= 1
        served.reverse()
        surface = text[start:je]
        name = "".join(dict.fromkeys(pl.name for pl in served)) + "联合人民调解委员会"
        aliases = {surface, name, text[js:je], "联合人民调解委员会"}
        last = [AgencyHit(start, je, name, surface, "mediation", pl, aliases=aliases)
                for pl in dict.fromkeys(served)]
        out.extend(last)
        taken.append((start, je))
    return out


_LEAGUE = re.compile("团(?P<lvl>[省市县区州旗])委")


def _league_committees(doc: Doc, taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """The Communist Youth League's committee of a place: 团县委, 团市委 (written with 团 before the level)."""
    out = []
    for m in _LEAGUE.finditer(doc.text):
        s, e = m.span()
        if overlaps(s, e, taken):
            continue
        place = doc.ctx.level_place(m.group("lvl"))
        if place is None:
            continue
        name = place.name + "团委"
        out.append(AgencyHit(s, e, name, m.group(), "mass", place, aliases={m.group(), name, "共青团" + place.name + "委员会"}))
        taken.append((s, e))
    return out


# units named on their township (伍市派出所, 三市人民法庭): unit word → the county body they belong to
_TOWNSHIP_UNITS = {"派出所": "公安局", "人民法庭": "人民法院", "法庭": "人民法院", "司法所": "司法局",
                   "检察室": "人民检察院", "边境派出所": "公安局", "森林派出所": "公安局"}
_TOWNSHIP_UNIT_RE = re.compile("边境派出所|森林派出所|派出所|人民法庭|法庭|司法所|检察室")
_UNIT_KINDS = {"公安局": "police", "人民法院": "court", "司法局": "justice", "人民检察院": "procuratorate"}


def _forms(town: Place) -> tuple[str, ...]:
    """The names a township's units are named on: its name and short name (伍市镇, 伍市)."""
    sn = short_name(town.name, "township")
    if sn == town.name and sn.endswith("苏木") and len(sn) >= 4:
        sn = sn[:-2]  # a sumu's station is named on its name without 苏木, as a township's without 镇
    return (town.name, sn) if sn != town.name and len(sn) >= 2 else (town.name,)


@lru_cache(maxsize=1024)
def _township_forms(gz, county: str) -> dict[str, Place]:
    """A county's townships by full name and short name (伍市镇, 伍市)."""
    out: dict[str, Place] = {}
    for code in gz.children.get(county, ()):
        t = gz.places[code]
        for form in _forms(t):
            out.setdefault(form, t)
    return out


@lru_cache(maxsize=4)
def _upper_forms(gz) -> frozenset[str]:
    """The names and short names of the register's provinces, prefectures and counties."""
    return frozenset(f for p in gz.places.values() if p.level in UPPER_LEVELS for f in (p.name, short_name(p.name, p.level)))


@lru_cache(maxsize=64)
def _area_forms(gz, area: str) -> dict[str, Place | None]:
    """The names and short names of the townships in ``area`` (a prefecture's or province's
    code), each with its township, or None where several go by it."""
    out: dict[str, Place | None] = {}
    todo = [area]
    while todo:
        code = todo.pop()
        kids = gz.children.get(code, ())
        for form, t in _township_forms(gz, code).items():
            if t.level == "township":  # (a prefecture's children are counties, but some cities have townships)
                out[form] = t if out.get(form, t) is t else None
        todo.extend(k for k in kids if gz.places[k].level in UPPER_LEVELS)
    return out


def _township_in(gz, form: str, area: str | None) -> tuple[bool, Place | None]:
    """Is ``form`` a township's name (not a province's, prefecture's or county's too: 公安 is a
    county) in ``area`` (a prefecture's or province's code), and the township if one alone goes
    by it there; with no area, anywhere in the register (its full name, or with 镇, 乡 or 街道),
    the township not told."""
    if form in _upper_forms(gz):
        return False, None
    if area is not None:
        forms = _area_forms(gz, area)
        return form in forms, forms.get(form)
    return any(gz.lookup(form + sfx, "township") for sfx in ("", "镇", "乡", "街道")), None


def _township_units(doc: Doc, places: list[PlaceHit], hits: list[AgencyHit],
                    taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """A police station, court, justice office … named on a township's name or short name
    (伍市派出所 for the station of 伍市镇): the unit of the county's body, serving the township.
    The township is one of the report's county, or of a county the report names. A report that
    names no county (a national paper's story of one station) may still name a unit on a
    township's name: that township's unit where one alone bears the name in the report's
    prefecture or province, else the unit as written, its county unknown. (With no prefecture or
    province to go by, a name that one township alone in the register bears is no proof: streets
    and villages name stations too.)"""
    text, ctx, gz = doc.text, doc.ctx, doc.ctx.gazetteer
    ends: set[int] | None = None  # where the bodies and places end: made when first asked (few reports name such a unit)
    out = []
    countyless = ctx.county is None and not any(h.place.level == "county" for h in places)
    if countyless:
        area = ctx.prefecture or ctx.province
        area = area.code if area is not None and area.code else None
    # (every match holds one of these words at most two characters after its start: 边境派出所, 人民法庭)
    for m in finditer_around(_TOWNSHIP_UNIT_RE, text, ("派出所", "法庭", "司法所", "检察室"), 0, 2):
        us = m.start()
        names: dict[str, Place] | None = None  # (a countyless report asks _township_in form by form)
        if not countyless:  # townships of the report's county, and of a county named in the same sentence
            ss, se = doc.sentence_at(us)
            names = {}
            for p in [ctx.county] + [h.place for h in places if h.place.level == "county" and ss <= h.start < se]:
                if p is not None and p.code:
                    for k, t in _township_forms(gz, p.code).items():
                        names.setdefault(k, t)
        for n in (5, 4, 3, 2):
            s = us - n
            if s < 0 or overlaps(s, m.end(), taken):
                continue
            if names is None:
                known, town = _township_in(gz, text[s:us], area)
            else:
                town = names.get(text[s:us])
                known = town is not None
            if not known:
                # 某县城南派出所: a unit right after its county, on a name the register lacks
                if not (n <= 3 and names is not None and all(is_cjk(c) for c in text[s:us])
                        and not set(text[s:us]) & _FUNCTION and (town := _after_county(places, s)) is not None):
                    continue
            if not (s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _BEFORE_OK):
                if ends is None:
                    ends = {h.end for h in hits} | {h.end for h in places}
                if not (s in ends or text[max(0, s - 2):s] in _WITH_VERBS):
                    continue
            unit = "人民法庭" if m.group() == "法庭" else m.group()
            body = _TOWNSHIP_UNITS[m.group()]
            kind = _UNIT_KINDS[body]
            surface = text[s:m.end()]
            county = None if town is None else town if town.level == "county" else gz.places.get(town.parent)
            if town is None:
                out.append(AgencyHit(s, m.end(), text[s:us] + unit, surface, kind, None, aliases={surface}))
            elif county is None:
                break
            else:
                parent = county.name + body
                name = parent + text[s:us] + unit
                out.append(AgencyHit(s, m.end(), name, surface, kind, town, parent=parent,
                                     aliases={surface, name, text[s:us] + unit, county.name + surface}))
            taken.append((s, m.end()))
            break
    return out


def _after_county(places: list[PlaceHit], s: int) -> Place | None:
    """The county whose name ends at ``s``, if one does."""
    return next((h.place for h in places if h.end == s and h.place.level == "county"), None)


# units named by a proper name in quotes: “X”调解室, “X”志愿服务队
_QUOTED_UNIT_HEADS = ("志愿服务队", "调解委员会", "调解工作室", "调解中心", "调解室", "调解队", "调解站", "工作室",
                      "服务队", "服务站", "志愿队", "巡逻队", "警务室", "工作站", "服务社")
_QUOTED_UNIT = re.compile(f"(?P<mod>[{CJK}]{{0,4}}?)(?P<head>" + "|".join(_QUOTED_UNIT_HEADS) + ")")


def _unit_place(doc: Doc, places: list[PlaceHit], hits: list[AgencyHit], s: int) -> Place | None:
    """The place a unit named at ``s`` serves: the one written right before it, else the township
    or village last named in its sentence, else the place of the body last named there, else
    the report's county."""
    ss, _ = doc.sentence_at(s)
    place = next((h.place for h in places if h.end == s), None)
    if place is None:
        local = [h for h in places if ss <= h.start and h.end <= s and h.place.level in ("township", "village")]
        place = local[-1].place if local else None
    if place is None:
        bodies = [h for h in hits if ss <= h.start and h.end <= s and h.jurisdiction is not None]
        place = bodies[-1].jurisdiction if bodies else (doc.ctx.county or doc.ctx.focus)
    return place


_MEDIATORS_ROOM = re.compile("调解工作室|调解室")
_ROOM_VERBS = ("设立", "成立", "建立", "组建", "依托", "打造", "挂牌")


def _mediator(name: str) -> bool:
    """Does ``name`` name one person as a room is named after him: 老/小 and a surname (老杨),
    a surname and a form of address (刘大姐), or a surname and a given name of one or two
    characters that make no word (王德明)?"""
    sur = _surnames()
    if len(name) == 2 and name[0] in "老小" and name[1] in sur:
        return True
    if name[:1] in sur and name[1:] in ("大姐", "大哥", "大叔", "大妈", "阿姨", "姐", "哥"):
        return True
    if name[:1] not in sur:
        return False
    whole = pos_tags(name)
    if len(whole) == 1 and whole[0][1].startswith("nr"):
        return True  # 王德明: a name the dictionary knows as one
    return not is_word(name) and not is_word(name[1:]) and all(
        not f.startswith(("v", "n")) or f.startswith("nr") for _, f in pos_tags(name[1:]))


def _quoted_units(doc: Doc, places: list[PlaceHit], hits: list[AgencyHit],
                  taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """A unit with a proper name in quotes and a unit word after it (“X”调解室, “X”巡回调解室):
    an agency of the place written right before it, else of the township or village last
    named in its sentence, else of the body last named there, else of the report's county."""
    text, ctx = doc.text, doc.ctx
    out = []
    for q in doc.quotes:
        m = _QUOTED_UNIT.match(text, q.end)
        if m is None or not q.content or not all(is_cjk(c) for c in q.content) or len(q.content) > 10:
            continue
        s, e = q.start, m.end()
        if overlaps(s, e, taken) or _has_verb(m.group("mod")):
            continue
        place = _unit_place(doc, places, hits, s)
        if place is None:
            continue
        name = q.content + m.group("mod") + m.group("head")
        surface = text[s:e]
        out.append(AgencyHit(s, e, name, surface, "unit", place, aliases={surface, name, q.content}))
        taken.append((s, e))
    # a mediator's own room, unquoted, named after him (老杨调解工作室, 王德明个人调解工作室)
    for m in _MEDIATORS_ROOM.finditer(text) if "调解" in text else ():
        hs, e = m.span()
        named = hs - 2 if text.startswith("个人", hs - 2) else hs
        s = next((named - n for n in (2, 3) if _mediator(text[named - n:named]) and (
            named - n == 0 or not is_cjk(text[named - n - 1]) or text[named - n - 1] in _BEFORE_OK
            or any(h.end == named - n for h in places) or text[max(0, named - n - 2):named - n] in _ROOM_VERBS)), None)
        if s is None or overlaps(s, e, taken):
            continue
        place = _unit_place(doc, places, hits, s)
        if place is not None:
            out.append(AgencyHit(s, e, text[s:e], text[s:e], "unit", place, aliases={text[s:e]}))
            taken.append((s, e))
    # one unit named twice serves the most local place either mention gives it
    rank = {"village": 0, "township": 1, "county": 2, "prefecture": 3, "province": 4}
    best: dict[str, Place] = {}
    for h in out:
        if h.name not in best or rank.get(h.jurisdiction.level, 5) < rank.get(best[h.name].level, 5):
            best[h.name] = h.jurisdiction
    for h in out:
        h.jurisdiction = best[h.name]
    return out


def _has_verb(text: str) -> bool:
    """Does ``text`` hold a predicate (开展, 推进 …) or a function word, so cannot name a unit?"""
    verbs = load_set("predicate_verbs.txt")
    return any(w in verbs or flag.startswith(("d", "p", "c", "u")) for w, flag in pos_tags(text))


@lru_cache(maxsize=1)
def _bare_heads() -> tuple[str, ...]:
    """The unit heads :func:`_bare_units` reads written alone (not 中心, 大队 … : too common alone)."""
    return tuple(h for h, _ in _units() if h not in ("中心", "大队", "中队", "支队", "派出所", "警务室", "办公室", "督查室",
                                                     "领导小组", "人民法庭", "分局", "司法所"))


def _apart(at: list[int], n: int) -> list[int]:
    """Of a word's places ``at`` (ascending, overlapping ones too: :func:`find_all`), those
    ``re.finditer`` of the word gives (left to right, none overlapping the one before)."""
    out, end = [], -1
    for i in at:
        if i >= end:
            out.append(i)
            end = i + n
    return out


_COUNTY_BODY = {"police": "公安局", "court": "人民法院", "procuratorate": "人民检察院"}
_ORDINAL = re.compile("第[一二三四五六七八九十]{1,3}$")


def _bare_units(doc: Doc, hits: list[AgencyHit], taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """A unit written alone (控告申诉室, 侦查实战中心, 第二检察部, 巡特警大队) belongs to the
    nearest bureau, court or procuratorate of its kind before it; a unit whose head is its whole
    name, where none is named, to the focal county's."""
    text, ctx = doc.text, doc.ctx
    whole = _whole_units()
    hit_ends = {h.end for h in hits}
    out = []
    at = find_words(text, _bare_heads())  # (every head's places in one pass: a scan of the text per head cost more)
    for head, kinds in _units():
        if head not in at:
            continue  # (not written, or never alone: 中心, 大队 …)
        for hs in _apart(at[head], len(head)):
            he = hs + len(head)
            if overlaps(hs, he, taken):
                continue
            spans = [t for t in token_spans(text, max(0, hs - 8), hs)]
            start = hs
            ordinal = _ORDINAL.search(text, max(0, hs - 4), hs)
            if ordinal is not None:
                start = ordinal.start()  # 第二检察部
            else:
                for a, b in reversed(spans):
                    tok = text[a:b]
                    if overlaps(a, b, taken):
                        break
                    flags = [f for _, f in pos_tags(tok)]
                    if not all(is_cjk(c) for c in tok) or set(tok) & _FUNCTION:
                        break
                    if any(f.startswith(("m", "t", "d", "p", "c", "u", "r", "f", "q")) for f in flags) \
                            or tok in ("省", "市", "县", "区", "州", "旗") or ctx.county is not None and tok == ctx.county.name:
                        break  # (县看守所, 石阡县看守所: the county is the parent's, no part of the unit's name)
                    if "v" in flags and (a == 0 or not is_cjk(text[a - 1]) or a in hit_ends or tok in _JOINING):
                        break  # ，组建|审判团队, 某局|建成|…中心: a verb opening the clause or after a body is a predicate (刑事执行|检察部 is a name)
                    if "ns" in flags:
                        start = -1  # 某省某县公安户政大队, 某区户政大队: another place's unit, none of the body's before it
                        break
                    start = a
                    if hs - start >= 6:
                        break
            if start < 0:
                continue
            owner = next((h for h in reversed(hits) if h.end == hs - 1 and h.kind in kinds), None) \
                if start == hs and text[hs - 1:hs] == "的" else None  # 某县人民法院的执行团队
            if start == hs and head not in ("控告申诉室",) and head not in whole and owner is None:
                continue
            if start < hs and overlaps(start, he, taken):
                continue
            parent = (owner.name, owner.kind, owner.jurisdiction) if owner is not None else None
            for h in reversed(hits if parent is None else ()):
                if h.end <= hs and h.kind in kinds and h.parent is None and h.name.endswith(("局", "院", "厅", "处", "委")):
                    parent = (h.name, h.kind, h.jurisdiction)
                    break
            if parent is None and head in whole and ctx.county is not None:
                kind = next(k for k in kinds)
                if kind in _COUNTY_BODY:
                    parent = (ctx.county.name + _COUNTY_BODY[kind], kind, ctx.county)
            if parent is None:
                continue
            surface = text[start:he]
            name = parent[0] + surface
            out.append(AgencyHit(start, he, name, surface, parent[1], parent[2], parent=parent[0],
                                 aliases={surface, name}))
            taken.append((start, he))
    return out


_REFERENCE = {"该局": ("局", "厅"), "该院": ("院",), "该所": ("所",), "该委": ("委",), "该中心": ("中心",),
              "该庭": ("庭",), "该队": ("队",), "该厅": ("厅",)}


def _references(text: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """该局, 该院 … refer to the nearest body before them whose name ends the same way."""
    out = []
    # every word opens on 该 (and none can overlap itself): where 该 is written, found once, is
    # where each may be, instead of a scan of the text for each word
    at = positions(text, "该")
    if not at:
        return out
    ordered = sorted(hits, key=lambda h: h.start)
    for word, ends in _REFERENCE.items():
        for ws in (i for i in at if text.startswith(word, i)):
            prior = [h for h in ordered if h.end <= ws and h.name.endswith(ends)]
            if not prior:
                continue
            ref = prior[-1]
            out.append(AgencyHit(ws, ws + len(word), ref.name, word, ref.kind, ref.jurisdiction, parent=ref.parent,
                                 aliases=set()))
    return out


# the systems a ministry, a provincial department and a local bureau share (公安部 → 省公安厅 → 县公安局)
_SYSTEMS = ("人力资源和社会保障", "住房和城乡建设", "市场监督管理", "文化和旅游", "自然资源", "生态环境", "交通运输",
            "农业农村", "卫生健康", "应急管理", "公安", "司法", "民政", "教育", "财政", "水利", "商务", "审计", "统计",
            "林业", "体育", "信访")
_SHORTHAND = re.compile("省厅|市局")


def _system_shorthand(doc: Doc, hits: list[AgencyHit], taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """省厅, 市局: the province's department (the city's bureau) of the system of the body
    named last before it (公安部 … 省厅 is the province's 公安厅)."""
    text, ctx = doc.text, doc.ctx
    out = []
    for m in _SHORTHAND.finditer(text) if "省厅" in text or "市局" in text else ():
        s, e = m.span()
        if overlaps(s, e, taken) or not _aligned(text, s, e):
            continue
        place = ctx.province if m.group() == "省厅" else ctx.level_place("市")
        prior = [h for h in hits if h.end <= s and any(w in h.name for w in _SYSTEMS)]
        if place is None or not prior:
            continue
        system = next(w for w in _SYSTEMS if w in prior[-1].name)
        name = place.name + system + m.group()[1]
        out.append(AgencyHit(s, e, name, m.group(), prior[-1].kind, place, aliases={m.group(), name}))
        taken.append((s, e))
    return out


_LEVEL_CHAR = re.compile("[省市县区]")
_BUREAU_TAIL = re.compile(f"(?P<mod>[{CJK}]{{2,5}}?)(?P<head>局|厅|委员会)(?![{CJK}]{{0,1}}长)")


def _bureau_names(text: str, places: list[str], written: dict[str, list[int]]) -> Iterator[_Match]:
    """``(place | 省市县区) mod{2,5} (局|厅|委员会)`` found like ``re.finditer`` would (places
    longest first, matches not overlapping), with only the tail compiled, once."""
    # every match's head (局, 厅, 委员会) starts two to five characters after its modifier's start:
    # the tail is tried only where one does (a text with none has no match)
    heads = sorted(positions(text, ("局", "厅", "委员会")))
    if not heads:
        return

    def tail(t0: int) -> re.Match | None:
        j = bisect_left(heads, t0 + 2)
        return _BUREAU_TAIL.match(text, t0) if j < len(heads) and heads[j] <= t0 + 5 else None

    order: dict[str, list[str]] = {}
    for p in sorted(places, key=len, reverse=True):
        order.setdefault(p[0], []).append(p)
    # where a match may start: a level character, or where a place is written (``written``: each
    # place's places, as find_all gives them; at a place's first character with no place written
    # there only a level character can start one)
    starts = set(positions(text, "省市县区"))  # (where _LEVEL_CHAR matches)
    for at in written.values():
        starts.update(at)
    pos = 0
    for i in sorted(starts):
        if i < pos:
            continue
        c = text[i]
        found = None
        for p in order.get(c, ()):
            if text.startswith(p, i):  # the longest place written here, and no shorter one inside it
                t = tail(i + len(p))
                if t:
                    found = _Match(i, t.end(), place=p, mod=t.group("mod"), head=t.group("head"))
                break
        if found is None and c in "省市县区":
            t = tail(i + 1)
            if t:
                found = _Match(i, t.end(), lvl=c, mod=t.group("mod"), head=t.group("head"))
        if found is not None:
            yield found
            pos = found.span()[1]


# words ending in 局 that name no bureau
_NOT_BUREAU = frozenset("大局 格局 布局 结局 全局 当局 骗局 时局 棋局 饭局 赌局 开局 出局 残局 僵局 乱局 定局 终局 变局 危局 胜局 败局 新局 "
                        "大厅 餐厅 客厅 展厅 舞厅 门厅 前厅 歌厅 饭厅 乐厅 会厅 宴厅 茶厅".split())


def _generic_bureaus(doc: Doc, by_surface: dict[str, Place], taken: list[tuple[int, int]],
                     written: dict[str, list[int]]) -> list[AgencyHit]:
    """Any bureau of a jurisdiction: 省戒毒管理局, 县应急管理局 (the lexicon lists the common ones)."""
    text = doc.text
    out = []
    for m in _bureau_names(text, sorted(by_surface), written):
        s, e = m.span()
        if overlaps(s, e, taken) or _has_verb(m.group("mod")) or set(m.group("mod")) & _FUNCTION:
            continue
        if text[e - 2:e] in _NOT_BUREAU:
            continue  # 社会大局, 新格局, 音乐厅: no bureau
        if m.group("lvl") and s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _BEFORE_OK:
            continue
        place = by_surface.get(m.group("place")) if m.group("place") else doc.ctx.level_place(m.group("lvl"))
        if place is None:
            continue
        name = place.name + m.group("mod") + m.group("head")
        out.append(AgencyHit(s, e, name, text[s:e], "gov", place, aliases={text[s:e], name}))
        taken.append((s, e))
    return out


_CENTRE = re.compile(f"([{CJK}]{{2,18}}?)(中心|工作领导小组|领导小组|工作站|救助站|服务站)")
# (words, not a look-ahead: only where each starts is read, and a pattern opening on words is
# tried only where their first characters stand)
_CENTRE_HEAD = re.compile("中心|工作领导小组|领导小组|工作站|救助站|服务站")
_SET_UP = ("建立", "成立", "设立", "组建", "建成", "依托", "挂牌")
# levels listed before their count (县、乡（镇）、村三级, 市县乡三级), then the rest of a centre's name
_TIERS = re.compile(f"[省市县区乡镇村](?:[、和]?[省市县区乡镇村（）]){{1,6}}[两二三四五]级([{CJK}]{{0,10}})$")
_SET_UP_GROUP = re.compile(f"(?:成立了?|组建了?|设立了?)([{CJK}]{{2,16}}?(?:工作领导小组|领导小组))")


def _quoted_centres(doc: Doc, places: list[PlaceHit], taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """A place's named centre or leading group: 平江县重症违法人员收治中心, X街矛盾纠纷调处化解中心,
    …工作领导小组; or one of a level word where a sentence or a setting-up verb puts it
    (成立县社会风险研判中心)."""
    text = doc.text
    out = []
    full = {h.start: h for h in places if h.place.level in ("county", "prefecture", "province", "township")
            and (h.surface == h.place.name or h.surface[-1] in "县市区州旗镇乡街")}
    keys = list(full)
    ordered = keys == sorted(keys)  # (the places come sorted: then bisection finds the last)
    for m in finditer_near(_CENTRE, text, _CENTRE_HEAD, 2, 18):
        s, e = m.span()
        # 县、镇、村三级综治中心: a tier of centres, of which the report's names the top level's
        tm = _TIERS.search(text, max(0, m.start(2) - 24), m.start(2))
        if tm is not None and not overlaps(tm.start(), e, taken):
            top = doc.ctx.level_place(text[tm.start()])
            mod = tm.group(1)
            if top is not None and not set(mod) & _FUNCTION and not _has_verb(mod):
                name = top.name + mod + m.group(2)
                out.append(AgencyHit(tm.start(), e, name, text[tm.start():e], "centre", top,
                                     aliases={text[tm.start():e], name}))
                taken.append((tm.start(), e))
                continue
        # the name starts at a place name inside the match
        if ordered:
            i = bisect_left(keys, e - 2) - 1
            starts = [keys[i]] if i >= 0 and keys[i] >= s else []
        else:
            starts = [p for p in full if s <= p < e - 2]
        if starts:
            ps = starts[-1]
            if overlaps(ps, e, taken):
                continue
            mod = text[full[ps].end:m.start(2)]
            # a name may join two of its parts with 及 or 和 (社区戒毒及社区康复…工作站)
            if mod and not set(mod) & (_FUNCTION - set("及和")) and len(mod) <= 14 \
                    and not any(_has_verb(part) for part in re.split("[及和]", mod) if part):
                place = full[ps].place
                out.append(AgencyHit(ps, e, text[ps:e], text[ps:e], "centre", place,
                                     aliases={text[ps:e], place.name + text[full[ps].end:e]}))
                taken.append((ps, e))
                continue
            # the place is the clause's subject (X县建成县级…中心): the centre's own name may still
            # open on a level word after the verb, below
            s = full[ps].end
        # a level word at a word's start, after a boundary or a setting-up verb, then a name
        for ps in range(s, e - 4):
            lvl = text[ps]
            if lvl not in "省市县区" or not (ps == 0 or not is_cjk(text[ps - 1]) or text[ps - 1] in "、，：；"
                                             or text[max(0, ps - 2):ps] in _SET_UP):
                continue
            # 县级综治中心, 县域矛盾纠纷…中心: the level's own centre (级, 域 are no part of its name)
            lvl_end = ps + 2 if text[ps + 1:ps + 2] in ("级", "域") else ps + 1
            mod = text[lvl_end:m.start(2)]
            if not 2 <= len(mod) <= 12 or set(mod) & _FUNCTION or _has_verb(mod) or not _word_start(text, ps):
                continue
            if overlaps(ps, e, taken):
                break
            place = doc.ctx.level_place(lvl)
            if place is None:
                break
            name = place.name + text[lvl_end:e]
            out.append(AgencyHit(ps, e, name, text[ps:e], "centre", place, aliases={text[ps:e], name, text[lvl_end:e]}))
            taken.append((ps, e))
            break
    # a leading group set up without a place (成立了…领导小组) belongs to the report's place
    for m in finditer_from(_SET_UP_GROUP, text, "成组设"):
        s, e = m.span(1)
        if overlaps(s, e, taken):
            continue
        place = doc.ctx.county or doc.ctx.focus
        if place is None:
            continue
        name = place.name + m.group(1)
        out.append(AgencyHit(s, e, name, m.group(1), "centre", place, aliases={m.group(1), name}))
        taken.append((s, e))
    return out

