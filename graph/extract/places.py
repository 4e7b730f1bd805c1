"""Places: names from the division register, the report's focal place, and the
townships and villages the register does not know, found by their shape."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import Gazetteer, Place, short_name
from ..lexicon import load_set
from ..normalise import is_cjk
from .doc import Context, Doc

# county names that are also everyday words
_COMMON = frozenset({"城区", "郊区", "矿区", "新区", "市区", "东区", "西区", "南区", "北区", "和县", "全县"})
_FUNCTION_CHARS = set("的了在和与及或对向把被将为从到由于等各全该本这那每其此个些所以而且并就都也还又更最很")


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    place: Place
    surface: str


@lru_cache(maxsize=4)
def _full_name_index(gz: Gazetteer) -> tuple[re.Pattern, dict[str, tuple[int, ...]], frozenset[str]]:
    """Full names of provinces, prefectures and counties (townships are matched per report),
    indexed by their last character — a handful (县, 区, 市, 旗, 州, 省, 盟) — with the lengths
    that end in each: (a pattern for those characters, lengths by character, the names)."""
    names = frozenset(name for name in gz.upper_names if name not in _COMMON and len(name) >= 2)
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[-1], set()).add(len(name))
    ends = re.compile("[" + re.escape("".join(sorted(lengths))) + "]")
    return ends, {c: tuple(sorted(ls)) for c, ls in lengths.items()}, names


def _longest_matches(text: str, names: dict[str, object]) -> list[tuple[int, int, str]]:
    found = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            found.append((start, start + len(name), name))
            start = text.find(name, start + 1)
    return _leftmost_longest(found)


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of overlapping matches, the leftmost, and of those the longest."""
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last_end = [], -1
    for s, e, v in found:
        if s >= last_end:
            out.append((s, e, v))
            last_end = e
    return out


@lru_cache(maxsize=2)
def _full_names(text: str, gz: Gazetteer) -> tuple[tuple[int, int, str], ...]:
    """Full names of provinces, prefectures and counties in ``text``, leftmost longest (the
    focal place and the places of a report both need them: the text is scanned once). Every
    such name ends in one of a few characters: only the text before those is looked up."""
    ends, lengths, names = _full_name_index(gz)
    found = []
    for m in ends.finditer(text):
        e = m.end()
        for n in lengths[m.group()]:
            if n <= e and text[e - n:e] in names:
                found.append((e - n, e, text[e - n:e]))
    return tuple(_leftmost_longest(found))


def _pick(candidates: list[Place], context_codes: set[str], gz: Gazetteer) -> Place | None:
    """Choose among same-name divisions by the other places the report names."""
    if len(candidates) == 1:
        return candidates[0]
    scored = []
    for p in candidates:
        anc = {a.code for a in gz.chain(p.code)[1:]}
        scored.append((len(anc & context_codes), p.code, p))
    scored.sort(key=lambda t: (-t[0], t[1]))
    if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][2]
    return None


def find_context(text: str, gz: Gazetteer) -> Context:
    """The report's focal place: the county-level unit it names most, else a prefecture
    or province; ties go to the first named."""
    hits = [h for h in _full_names(text, gz) if _standalone(text, h[0], h[2])]
    names = Counter(v for _, _, v in hits)
    first = {}
    for s, _, v in hits:
        first.setdefault(v, s)
    context_codes = {c for v in names for c in gz.by_name[v] if len(gz.by_name[v]) == 1}
    ctx = Context(gz)
    for level in ("county", "prefecture", "province"):
        cands = []
        for name, n in names.items():
            places = [p for p in gz.lookup(name) if p.level == level]
            if not places:
                continue
            place = _pick(places, context_codes, gz)
            if place is None:
                continue
            # short forms (平江, 慈利) count too once the full name is there
            sn = short_name(place.name, level)
            extra = text.count(sn) - n if sn != place.name else 0
            cands.append((n * 2 + max(extra, 0), -first[name], place))
        if cands:
            cands.sort(key=lambda t: (t[0], t[1]), reverse=True)
            ctx.focus = cands[0][2]
            break
    if ctx.focus is not None:
        for p in gz.chain(ctx.focus.code):
            setattr(ctx, p.level, p)
    return ctx


def find_places(doc: Doc) -> list[PlaceHit]:
    """Every place named in the text, resolved to the register where it can be."""
    gz, ctx, text = doc.ctx.gazetteer, doc.ctx, doc.text
    hits: list[PlaceHit] = []
    full = _full_names(text, gz)
    context_codes = set()
    if ctx.focus is not None:
        context_codes |= {p.code for p in gz.chain(ctx.focus.code)}
    for _, _, v in full:
        if len(gz.by_name[v]) == 1:
            context_codes.add(gz.by_name[v][0])
    focal_chain = context_codes.copy() if ctx.focus is None else {p.code for p in gz.chain(ctx.focus.code)}
    for s, e, v in full:
        place = _pick(gz.lookup(v), context_codes, gz)
        if place is None or place.level not in ("province", "prefecture", "county"):
            continue
        if place.code not in focal_chain and not _standalone(text, s, v):
            continue  # 佳县 inside 最佳县市
        if True:
            hits.append(PlaceHit(s, e, place, v))
    # townships before short names: 海伦镇 is no 海伦 + 镇
    taken = [(h.start, h.end) for h in hits]
    hits.extend(_townships(doc, taken))
    # short names of the focal chain: 慈利, 张家界, 湖南
    shorts = {}
    if ctx.focus is not None:
        for p in gz.chain(ctx.focus.code):
            sn = short_name(p.name, p.level)
            if sn != p.name and len(sn) >= 2:
                shorts[sn] = p
    for s, e, v in _longest_matches(text, shorts):
        if not _overlaps(s, e, taken):
            hits.append(PlaceHit(s, e, shorts[v], v))
            taken.append((s, e))
    hits.sort(key=lambda h: (h.start, h.end))
    hits.extend(_villages(doc, hits))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _standalone(text: str, s: int, name: str) -> bool:
    """A two-character name (X县) right after a Chinese character that is no place
    boundary is part of a longer word: 最佳县市 holds no 佳县."""
    return len(name) > 2 or s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in "在到和与省市州、及"


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


_BAD_POS = ("v", "d", "p", "c", "u", "r", "f", "m", "q", "a", "t", "y", "e", "o")


def _name_before(text: str, sfx_start: int, sfx_end: int) -> tuple[int, int] | None:
    """The span of a place name ending in the suffix at [sfx_start, sfx_end): the word or
    two before it, if they read as a name (no verb, adverb, numeral …)."""
    from ..segment import pos_tags, token_spans

    lo = max(0, sfx_start - 4)
    spans = token_spans(text, lo, min(len(text), sfx_end + 2))
    tok = next(((a, b) for a, b in spans if a <= sfx_start < b), None)
    if tok is None:
        return None
    a, b = tok
    if a < sfx_start:  # the suffix is inside a longer word: 城关镇 (a name) or 下乡 (not)
        if b == sfx_end and sfx_start - a >= 2:
            prefix_start = a
        else:
            return None
    else:
        if b != sfx_end:
            return None  # 乡镇, 乡村, 社区戒毒 …
        before = [t for t in spans if t[1] <= sfx_start]
        if not before:
            return None
        prefix_start = before[-1][0]
        if sfx_start - prefix_start == 1 and len(before) >= 2:
            prefix_start = before[-2][0]
    prefix = text[prefix_start:sfx_start]
    if not 2 <= len(prefix) <= 4 or not all(is_cjk(c) for c in prefix) or set(prefix) & _FUNCTION_CHARS or prefix in _TOWNSHIP_STOP:
        return None
    if any(flag.startswith(_BAD_POS) for _, flag in pos_tags(prefix)):
        return None
    if prefix_start > 0 and text[prefix_start - 1] in "各全该本每":
        return None
    return prefix_start, sfx_end


_TOWNSHIP_STOP = frozenset(load_set("place_stopwords.txt"))


def _townships(doc: Doc, taken: list[tuple[int, int]]) -> list[PlaceHit]:
    gz, ctx, text = doc.ctx.gazetteer, doc.ctx, doc.text
    out: list[PlaceHit] = []
    county = ctx.county
    if county is None:
        return out
    names: dict[str, Place] = {}
    chain_shorts = {short_name(p.name, p.level) for p in gz.chain(county.code)}
    for code in gz.children.get(county.code, []):
        t = gz.places[code]
        names[t.name] = t
        sn = short_name(t.name, "township")
        if sn != t.name and sn not in names and len(sn) >= 2 and sn not in _TOWNSHIP_STOP and sn not in chain_shorts:
            names[sn] = t
    for s, e, v in _longest_matches(text, names):
        if _overlaps(s, e, taken):
            continue
        place = names[v]
        if v != place.name and len(v) == 2:
            # a two-character short name only in a list of places (伍市、三市镇)
            before = text[s - 1] if s else ""
            after = text[e] if e < len(text) else ""
            if before not in "、和与及" and after not in "、和与及":
                continue
        out.append(PlaceHit(s, e, place, v))
        taken.append((s, e))
    # townships the register does not list (renamed, merged): by shape, in the county
    for m in re.finditer("镇|乡|街道", text):
        span = _name_before(text, m.start(), m.end())
        if span is None:
            continue
        s, e = span
        name = text[s:e]
        if _overlaps(s, e, taken) or name in _TOWNSHIP_STOP:
            continue
        known = gz.lookup(name, "township")
        place = next((p for p in known if p.parent == county.code), None)
        if place is None:
            place = Place("", name, "township", county.code)
        out.append(PlaceHit(s, e, place, name))
        taken.append((s, e))
    return out


def _villages(doc: Doc, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Villages and communities: right after their township (零阳镇青山村), or a standalone
    name that reads as one (厉家冲社区)."""
    text, ctx = doc.text, doc.ctx
    out: list[PlaceHit] = []
    taken = [(h.start, h.end) for h in hits]
    by_end = {h.end: h for h in hits if h.place.level == "township"}
    for m in re.finditer("村|社区|居委会", text):
        span = _name_before(text, m.start(), m.end())
        if span is None:
            continue
        s, e = span
        if _overlaps(s, e, taken):
            continue
        parent_hit = by_end.get(s)
        if parent_hit is None:
            # standalone: sentence or clause start, a name that is not an everyday word
            if s > 0 and text[s - 1] not in "，。；、：（(“\n ":
                continue
            if len(text[s:m.start()]) < 3:
                continue
            parent = ctx.county
        else:
            parent = parent_hit.place
        if parent is None:
            continue
        name = text[s:e]
        place = Place("", name, "village", parent.id)
        out.append(PlaceHit(s, e, place, name))
        taken.append((s, e))
    return out
