"""Places: names from the division register, the report's focal place, and the
townships and villages the register does not know, found by their shape."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import UPPER_LEVELS, Gazetteer, Place, short_name
from ..lexicon import load_set
from ..segment import is_word, pos_tags, token_spans, tokenizer, word_count
from .numbers import cn_int
from ..normalise import is_cjk
from .doc import CJK, Context, Doc, Spans, find_all, finditer_around, finditer_from, overlaps, positions

# county names that are also everyday words
_COMMON = frozenset({"城区", "郊区", "矿区", "新区", "市区", "东区", "西区", "南区", "北区", "和县", "全县"})
_BOUNDARY = "在到和与省市州、及"  # characters a place name may follow inside a sentence
_DEMONSTRATIVE = set("这那该此每各片个座栋排间幢所")  # …and characters none can follow
_PHRASES = load_set("place_phrases.txt")
_BODY_END = set("委局院所办队庭会站部厅心组室处科联")  # last characters of bodies' names (县公安局会同县…)
_SHORT_STOP = load_set("place_short_stopwords.txt")
_FUNCTION_CHARS = set("的了在和与及或对向把被将为从到由于等各全该本这那每其此个些所以而且并就都也还又更最很")


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    place: Place
    surface: str


@lru_cache(maxsize=4)
def _full_name_index(gz: Gazetteer) -> tuple[str, dict[str, tuple[int, ...]], frozenset[str]]:
    """Full names of provinces, prefectures and counties (townships are matched per report),
    indexed by their last character — a handful (县, 区, 市, 旗, 州, 省, 盟) — and their last
    two: (the last characters, the lengths of the names ending in each two last characters, the
    names). Most of the text's 县 and 市 (全县, 该市) end no name: the two
    characters before an end rule them out with one look-up, and leave few lengths to try."""
    names = frozenset(name for name in gz.upper_names if name not in _COMMON and len(name) >= 2)
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[-2:], set()).add(len(name))
    ends = "".join(sorted({name[-1] for name in names}))
    return ends, {c: tuple(sorted(ls)) for c, ls in lengths.items()}, names


def _longest_matches(text: str, names: dict[str, object]) -> list[tuple[int, int, str]]:
    found = [(start, start + len(name), name) for name, at in find_all(text, names).items() for start in at]
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
    for c in ends:  # (a few characters: each found by str.find)
        e = text.find(c) + 1
        while e > 0:
            for n in lengths.get(text[e - 2:e], ()):
                if n <= e and text[e - n:e] in names:
                    found.append((e - n, e, text[e - n:e]))
            e = text.find(c, e) + 1
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


@lru_cache(maxsize=4)
def _shorts(gz: Gazetteer) -> dict[str, tuple[Place, ...]]:
    """Short forms of every province, prefecture and county (扬州 for 扬州市) → the divisions
    that go by them, for the ones that differ from the full name."""
    out: dict[str, list[Place]] = {}
    for name in gz.upper_names:
        for code in gz.by_name[name]:
            p = gz.places[code]
            if p.name == name and p.level in UPPER_LEVELS:
                sn = short_name(name, p.level)
                if sn != name and len(sn) >= 2:
                    out.setdefault(sn, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _readable_short(sn: str, name: str, gz: Gazetteer) -> bool:
    """May ``sn``, the short form of ``name``, be read outside the focal chain: a real short form,
    no other division's name, no stop word, no everyday word?"""
    return sn != name and len(sn) >= 2 and sn not in gz.by_name and sn not in _SHORT_STOP and not _everyday(sn)


@lru_cache(maxsize=4096)  # (a build of reports on many counties asks of each again)
def _sibling_shorts(gz: Gazetteer, code: str) -> dict[str, Place]:
    """Short forms of the other counties of ``code``'s prefecture (花垣 for 花垣县 beside 凤凰县)
    that may be read (:func:`_readable_short`)."""
    pref = gz.ancestor(code, "prefecture")
    out = {}
    for c in gz.children.get(pref.code, ()) if pref is not None else ():
        sn = _county_short(gz, c)
        if sn is not None and c != code:
            out[sn] = gz.places[c]
    return out


def _county_short(gz: Gazetteer, code: str) -> str | None:
    """The short form of the county ``code``, where it may be read (:func:`_readable_short`)."""
    p = gz.places[code]
    sn = short_name(p.name, p.level)
    return sn if p.level == "county" and _readable_short(sn, p.name, gz) else None


_LIST_AFTER = ("等地", "等县", "等市", "两地", "三地", "四地", "五地", "两县", "三县")


# a list of places by their short forms, closed by how many and of what level (高州、化州两市,
# 甲、乙、丙三县) or by 等地/等县: each item names a division the list says it is
_SHORT_LIST = re.compile(f"((?:[{CJK}]{{2,4}}、)+[{CJK}]{{2,4}})(?:([两二三四五六七八九十]{{1,2}})([县市区旗])|等([县市区旗地]))")
# (its first item ends in a 、 two to four characters after the match's start: only there is it
# tried, not at every Chinese character; and only in a text that closes a list so: _closes_list)
_CLOSE_ETC = re.compile("等[县市区旗地]")
_COUNT_CHARS = frozenset("两二三四五六七八九十")


def _closes_list(text: str) -> bool:
    """Does ``text`` hold what closes a list of short forms (两市, 三县, 等地: _SHORT_LIST's end)?
    (The level characters found by str.find and the numeral before them read: a class of the
    numerals tried at every character cost six times more.)"""
    return _CLOSE_ETC.search(text) is not None or any(i and text[i - 1] in _COUNT_CHARS for i in positions(text, "县市区旗"))


def _listed_shorts(text: str, gz: Gazetteer, focus: Place | None, taken) -> list[PlaceHit]:
    """The items of a list of short forms closed by a count and a level (高州、化州两市): each is the
    one county or prefecture of that short form and level in the register, or in the report's
    province where several share it; all of them, or none (the count must match)."""
    out: list[PlaceHit] = []
    shorts = _shorts(gz)
    for m in finditer_around(_SHORT_LIST, text, "、", 2, 4) if _closes_list(text) else ():
        items = m.group(1).split("、")
        level_char = m.group(3) or m.group(4)
        if m.group(2) and cn_int(m.group(2)) != len(items):
            continue
        def cands_of(form: str) -> list[Place]:
            return [p for p in shorts.get(form, ()) if p.level in ("county", "prefecture")
                    and (level_char == "地" or p.name.endswith(level_char))]

        found = []
        pos = m.start(1)
        for i, item in enumerate(items):
            cands = cands_of(item)
            if i == 0 and not cands:  # the list's first item starts where a word before it ends (茂名市|高州、…)
                cut = next((k for k in range(1, len(item) - 1) if cands_of(item[k:])), 0)
                if cut:
                    pos, item = pos + cut, item[cut:]
                    cands = cands_of(item)
            if len(cands) > 1 and focus is not None:
                prov = gz.ancestor(focus.code, "province") or focus
                cands = [p for p in cands if gz.is_within(p.code, prov.code)]
            if len(cands) != 1:
                break
            found.append((pos, pos + len(item), cands[0], item))
            pos += len(item) + 1
        else:
            for s, e, place, item in found:
                if not _overlaps(s, e, taken):
                    out.append(PlaceHit(s, e, place, item))
                    taken.append((s, e))
    return out


def _in_place_list(text: str, s: int, e: int) -> bool:
    """Does [s, e) stand as an item of a list of places (…、X、…, X等地, X两地)?"""
    return (s > 0 and text[s - 1] == "、") or text[e:e + 1] == "、" or text.startswith(_LIST_AFTER, e)


@lru_cache(maxsize=4)
def _wide_shorts(gz: Gazetteer) -> tuple[dict[str, Place], re.Pattern, dict[str, tuple[int, ...]], frozenset[str]]:
    """Short forms of provinces and prefectures that name one division only, no other
    division's full name and no everyday word (安徽, 扬州, 呼伦贝尔): read in any report. And a
    pattern for their first characters (followed by a second character of one: a short form has
    two or more), their lengths by first two characters, and their first two characters."""
    stop = _SHORT_STOP
    out = {}
    for sn, places in _shorts(gz).items():
        if len(places) == 1 and places[0].level in ("province", "prefecture") and sn not in gz.by_name \
                and sn not in stop:
            out[sn] = places[0]
    lengths: dict[str, set[int]] = {}
    for k in out:
        lengths.setdefault(k[:2], set()).add(len(k))
    firsts = "".join(sorted({k[0] for k in out}))
    seconds = "".join(sorted({k[1] for k in out}))
    return (out, re.compile("[" + firsts + "](?=[" + seconds + "])"),
            {c: tuple(sorted(v)) for c, v in lengths.items()}, frozenset(lengths))


def _everyday(word: str) -> bool:
    """Is ``word`` one word of the dictionary that is no proper name (平房, 长治 as in 长治久安)?"""
    tags = pos_tags(word)
    return len(tags) == 1 and not tags[0][1].startswith(("ns", "nr", "nz", "nt"))


def _crossed(text: str, edge: int) -> bool:
    """Does a word of the dictionary run across ``edge``? jieba's prefix dictionary holds
    every word and every start of one (count 0): from each start a few characters back, the
    stretch is followed across the edge while it is still the start of a word."""
    if edge <= 0 or edge >= len(text):
        return False
    freq = tokenizer().FREQ
    n = len(text)
    for i in range(max(0, edge - 5), edge):
        j = edge + 1
        while j <= n and (count := freq.get(text[i:j])) is not None:
            if count > 0:
                return True
            j += 1
    return False


def _word_start(text: str, s: int) -> bool:
    """Does a word start at ``s`` (no word of the dictionary runs across it, or segmenting says so)?"""
    if not _crossed(text, s):
        return True
    return any(a == s for a, _ in token_spans(text, max(0, s - 4), min(len(text), s + 4)))


@lru_cache(maxsize=4096)  # the focus and the places of a report ask about the same spans
def _aligned(text: str, s: int, e: int) -> bool:
    """Do [s, e) start and end on word boundaries (福建 in 幸福建设 does not)? Segmenting
    (without its HMM) makes no token that is not a dictionary word: where no word of the
    dictionary crosses either end, both are boundaries, and nothing need be segmented."""
    if not _crossed(text, s) and not _crossed(text, e):
        return True
    spans = token_spans(text, max(0, s - 4), min(len(text), e + 4))
    return any(a == s for a, _ in spans) and any(b == e for _, b in spans)


@lru_cache(maxsize=2)
def _wide_short_hits(text: str, gz: Gazetteer) -> tuple[tuple[int, int, str], ...]:
    """Register-wide short forms of provinces and prefectures in ``text``, leftmost longest
    (a caller checks they stand on word boundaries: :func:`_aligned`)."""
    shorts, first, lengths, heads = _wide_shorts(gz)
    found = []
    for m in first.finditer(text):
        i = m.start()
        if text[i:i + 2] not in heads:
            continue  # (most of the characters they start with start none of them here)
        for n in lengths[text[i:i + 2]]:
            v = text[i:i + n]
            if v in shorts:
                found.append((i, i + n, v))
    return tuple(h for h in _leftmost_longest(found) if not _given_name(text, h[0], h[1]))


_TITLE_END = set("长员记任理官师警席委书")


def _given_name(text: str, s: int, e: int) -> bool:
    """Is the two-character name at [s, e) the given name of a person (局长王建华): right
    after a surname that follows a title or stands at a clause start?"""
    if e - s != 2 or s == 0 or text[s - 1] not in _surnames():
        return False
    return s == 1 or not is_cjk(text[s - 2]) or text[s - 2] in _TITLE_END


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(w for w in load_set("surnames.txt") if len(w) == 1)


@lru_cache(maxsize=4)
def _township_names(gz: Gazetteer) -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[int, ...]]]:
    """Every township's full name → the townships that bear it; and the name lengths ending in
    each two last characters such names have (…镇, …乡, 街道, 苏木 …)."""
    places = gz.places
    out: dict[str, tuple[Place, ...]] = {}
    lengths: dict[str, set[int]] = {}
    for name, codes in gz.by_name.items():
        if len(name) >= 3 and name[-1] in "镇乡道木":
            towns = tuple(p for c in codes if (p := places[c]).level == "township" and not p.abolished)
            if towns:
                out[name] = towns
                lengths.setdefault(name[-2:], set()).add(len(name))
    return out, {c: tuple(sorted(v)) for c, v in lengths.items()}


_TOWN_END = re.compile("镇|乡|街道|苏木")
_TOWN_FIRSTS = "镇乡街苏"  # (the first characters of _TOWN_END's words: see finditer_from)


@lru_cache(maxsize=2)
def _register_townships(text: str, gz: Gazetteer) -> tuple[tuple[int, int, str], ...]:
    """Full names of townships anywhere in the register found in ``text``, leftmost longest."""
    names, lengths = _township_names(gz)
    found = []
    for m in finditer_from(_TOWN_END, text, _TOWN_FIRSTS):
        e = m.end()
        for n in lengths.get(text[e - 2:e], ()):
            if n <= e and text[e - n:e] in names:
                found.append((e - n, e, text[e - n:e]))
    return tuple(_leftmost_longest(found))


def _county_of_townships(text: str, gz: Gazetteer, within: Place | None) -> Place | None:
    """The county whose townships the text names, when it names no county: the one county
    (within ``within``, if given) holding at least two of the townships named, more than any other."""
    names, _ = _township_names(gz)
    votes: Counter = Counter()
    for v in {v for _, _, v in _register_townships(text, gz)}:
        for county in {t.parent for t in names[v]}:
            if county and (within is None or gz.is_within(county, within.code)):
                votes[county] += 1
    best = votes.most_common(2)
    if best and best[0][1] >= 2 and (len(best) == 1 or best[0][1] > best[1][1]):
        return gz.places.get(best[0][0])
    return None


def _common_above(gz: Gazetteer, a: Place, b: Place) -> Place | None:
    """The lowest division above both ``a`` and ``b``."""
    above = {p.code for p in gz.chain(a.code)[1:]}
    return next((p for p in gz.chain(b.code)[1:] if p.code in above), None)


def _names_place(text: str, gz: Gazetteer, place: Place) -> bool:
    """Does the text name ``place`` by its full name, another name, or its short form on word boundaries?"""
    if any(text.find(n) >= 0 for n in [place.name] + [n for n in _other_names(gz).get(place.code, ())]):
        return True
    sn = short_name(place.name, place.level)
    i = text.find(sn) if sn != place.name and len(sn) >= 2 else -1
    while i >= 0:
        if _aligned(text, i, i + len(sn)):
            return True
        i = text.find(sn, i + 1)
    return False


@lru_cache(maxsize=4)
def _other_names(gz: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Division code → the other names of provinces, prefectures and counties (阿盟, 石柱县)."""
    out: dict[str, list[str]] = {}
    for name in gz.upper_names:
        for code in gz.by_name[name]:
            if gz.places[code].name != name:
                out.setdefault(code, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def find_context(text: str, gz: Gazetteer) -> Context:
    """The report's focal place: the county-level unit it names most, else a prefecture
    or province; ties go to the first named."""
    # (a set phrase of governance writing that is also a division's name — 创建平安县 — names the
    # report's place only right after the division above it, as find_places reads it)
    hits = [h for h in _full_names(text, gz) if (_standalone(text, h[0], h[2]) or _after_parent(text, h[0], h[2], gz))
            and not (h[2] in _PHRASES and not _after_parent(text, h[0], h[2], gz))]
    # a line repeated word for word (a menu, a neighbouring headline) counts once; a name
    # written after the places above it (四川省X市Y区) once more
    line_start: dict[str, int] = {}  # a line's text → where it first stands
    first_of_line: dict[int, int] = {}  # …for the line starting at each position (each line's text made once)
    breaks = [m.start() for m in re.finditer("\n", text)]
    names: Counter = Counter()
    for s, _, v in hits:
        i = bisect_left(breaks, s)  # the line around s: from the break before it to the one after
        ls, le = (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else len(text))
        if ls not in first_of_line:
            first_of_line[ls] = line_start.setdefault(text[ls:le], ls)
        if first_of_line[ls] != ls:
            continue
        names[v] += 2 if _after_parent(text, s, v, gz) else 1
    unique_text = "\n".join(dict.fromkeys(text.split("\n")))
    first = {}
    for s, e, v in hits:
        first.setdefault(v, s)
        # a county misspelt right after its prefecture (黔南州荔坡县 for 荔波县) counts as that county
        for p in gz.lookup(v):
            if p.level == "prefecture" and (child := _misspelt_child(text, e, p, gz)) is not None:
                names[child[0].name] += 1
                first.setdefault(child[0].name, e)
    context_codes = {c for v in names for c in gz.by_name[v] if len(gz.by_name[v]) == 1}
    ctx = Context(gz)
    for level in ("county", "prefecture", "province"):
        by_place: dict[str, list] = {}
        for name, n in names.items():
            places = [p for p in gz.lookup(name) if p.level == level]
            if not places:
                continue
            place = _pick(places, context_codes, gz)
            if place is None:
                continue
            entry = by_place.setdefault(place.code, [0, first[name], place])
            entry[0] += n * 2
            entry[1] = min(entry[1], first[name])
        cands = []
        for n, at, place in by_place.values():
            # short forms (平江, 慈利) count too once the full name is there
            sn = short_name(place.name, level)
            extra = unique_text.count(sn) - n // 2 if sn != place.name else 0
            cands.append((n + max(extra, 0), -at, place))
        if cands:
            cands.sort(key=lambda t: (t[0], t[1]), reverse=True)
            ctx.focus = cands[0][2]
            if len(cands) > 2 and cands[0][0] < 2 * cands[1][0]:
                # three or more units of one level, none named far more often: a report on the
                # city or province above them, where the text names it (阿盟 … X旗, Y旗, Z旗)
                above = _common_above(gz, cands[0][2], cands[1][2])
                if above is not None and _names_place(text, gz, above):
                    ctx.focus = above
            break
    if ctx.focus is None:
        # no full name: the prefecture (else the province) its short forms name most (扬州, 安徽)
        shorts = _wide_shorts(gz)[0]
        counts = Counter(shorts[v].code for s, e, v in _wide_short_hits(text, gz) if _aligned(text, s, e))
        for level in ("prefecture", "province"):
            ranked = [(n, gz.places[c]) for c, n in counts.most_common() if gz.places[c].level == level]
            if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                ctx.focus = ranked[0][1]
                break
    if ctx.focus is None:
        # townships name their county when the text names no place above them (X镇、Y镇 of one county)
        ctx.focus = _county_of_townships(text, gz, None)
    township = _topic_township(text, gz, ctx.focus, unique_text)
    if ctx.focus is None and township is not None:
        ctx.focus = gz.places.get(township.parent)  # one township named alone: its county is the focus
    if ctx.focus is not None:
        for p in gz.chain(ctx.focus.code):
            setattr(ctx, p.level, p)
    ctx.township = township if township is not None and ctx.county is not None and township.parent == ctx.county.code else None
    return ctx


def _topic_township(text: str, gz: Gazetteer, focus: Place | None, unique_text: str) -> Place | None:
    """The township a report is about: of the focal county, named more often than the county
    and than any other of its townships; or, where the text names no county, the one township
    it names, if the register has one of that name only."""
    names_, _ = _township_names(gz)
    counts: Counter = Counter()
    lines: dict[str, int] = {}
    for s, _, v in _register_townships(text, gz):
        ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", s)
        if lines.setdefault(text[ls:le if le >= 0 else len(text)], ls) != ls:
            continue  # a repeated line counts once
        cands = names_[v] if focus is None else [t for t in names_[v] if t.parent == focus.code]
        if len(cands) == 1:
            counts[cands[0].code] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    town = gz.places[ranked[0][0]]
    if focus is None:
        return town if len(counts) == 1 else None
    if focus.level != "county":
        return None
    county_n = sum(unique_text.count(n) for n in (focus.name, *_other_names(gz).get(focus.code, ())))
    sn = short_name(focus.name, "county")
    if sn != focus.name:
        county_n = max(county_n, unique_text.count(sn))
    return town if ranked[0][1] > county_n else None


def find_places(doc: Doc) -> list[PlaceHit]:
    """Every place named in the text, resolved to the register where it can be."""
    gz, ctx, text = doc.ctx.gazetteer, doc.ctx, doc.text
    hits: list[PlaceHit] = []
    full = _full_names(text, gz)
    context_codes = set()
    if ctx.focus is not None:
        context_codes |= {p.code for p in gz.chain(ctx.focus.code)}
    full = [(s, e, v) for s, e, v in full if not _phrase_after_body(text, s, v, gz)]
    for s, _, v in full:
        if len(gz.by_name[v]) == 1 and not (v in _PHRASES and not _after_parent(text, s, v, gz)):
            context_codes.add(gz.by_name[v][0])  # (创建平安县: a phrase, which places nothing)
    focal_chain = context_codes.copy() if ctx.focus is None else {p.code for p in gz.chain(ctx.focus.code)}
    for s, e, v in full:
        place = _pick(gz.lookup(v), context_codes, gz)
        if place is None or place.level not in ("province", "prefecture", "county"):
            continue
        if place.code not in focal_chain and not _standalone(text, s, v) and not _after_parent(text, s, v, gz):
            continue  # 佳县 inside 最佳县市
        if place.code not in focal_chain and v != place.name and v.endswith("县") and text[e:e + 1] in ("市", "区"):
            continue  # 帮助合作县市: counties and cities a word governs, not a county's former name 合作县
        if place.code not in focal_chain and ((s > 0 and text[s - 1] in _DEMONSTRATIVE) or (
                v in _PHRASES and not _after_parent(text, s, v, gz))):
            continue  # 这片X区, 创建“平安县”: a phrase, no place
        if True:
            hits.append(PlaceHit(s, e, place, v))
    # townships before short names: 海伦镇 is no 海伦 + 镇
    taken = Spans((h.start, h.end) for h in hits)
    hits.extend(_townships(doc, taken, hits))
    # short names: of the focal chain (慈利, 张家界, 湖南), of places the text names in full
    # (兰考 after 兰考县), and of provinces and prefectures anywhere (安徽, 扬州)
    shorts: dict[str, Place] = {}
    chain_shorts = set()
    if ctx.focus is not None:
        for p in gz.chain(ctx.focus.code):
            sn = short_name(p.name, p.level)
            if sn != p.name and len(sn) >= 2:
                shorts[sn] = p
                chain_shorts.add(sn)
    seen_codes = set()  # (a county named fifty times gives its short form once: the first hit's)
    for h in hits:
        if h.place.level in UPPER_LEVELS and h.place.code and h.place.code not in seen_codes:
            seen_codes.add(h.place.code)
            sn = short_name(h.place.name, h.place.level)
            if _readable_short(sn, h.place.name, gz):
                shorts.setdefault(sn, h.place)
    for s, e, v in _longest_matches(text, shorts):
        if not _overlaps(s, e, taken) and (v in chain_shorts or _aligned(text, s, e)):
            hits.append(PlaceHit(s, e, shorts[v], v))
            taken.append((s, e))
    if ctx.focus is not None:
        # the focal county's neighbours in its prefecture by their short forms, where the text
        # lists places (与吉首、花垣等地): bare, a county's short form is too often a word
        sib = _sibling_shorts(gz, ctx.focus.code)
        for s, e, v in _longest_matches(text, sib):
            if not _overlaps(s, e, taken) and _in_place_list(text, s, e) and _aligned(text, s, e):
                hits.append(PlaceHit(s, e, sib[v], v))
                taken.append((s, e))
    hits.extend(_listed_shorts(text, gz, ctx.focus, taken))
    wide = _wide_shorts(gz)[0]
    for s, e, v in _wide_short_hits(text, gz):
        if not _overlaps(s, e, taken) and _aligned(text, s, e) and not _LOWER_LEVEL.match(text, e):
            hits.append(PlaceHit(s, e, wide[v], v))
            taken.append((s, e))
    hits.sort(key=lambda h: (h.start, h.end))
    hits.extend(_after_places(doc, hits, taken))
    hits.extend(_other_townships(doc, hits, taken))
    hits.extend(_named_again(doc, hits, taken))
    hits.sort(key=lambda h: (h.start, h.end))
    hits = _with_level_word(text, hits)
    hits.extend(_villages(doc, hits))
    hits.sort(key=lambda h: (h.start, h.end))
    # a place outside the report's own opening a company's name (成都某某科技有限公司) names the
    # company, not a place of the report; nor does one in the page's furniture (a site's name in
    # its navigation line, a paper's name by its page number)
    furniture = [(sg.start, sg.end) for sg in doc.norm.segments if sg.kind == "furniture"]
    return [h for h in hits if not (h.place.level in ("province", "prefecture", "county") and h.place.code not in focal_chain
                                    and (m := _COMPANY.match(text, h.end)) and _FUNCTION_CHARS.isdisjoint(m.group(0)))
            and not (furniture and h.place.code not in focal_chain and any(a <= h.start < b for a, b in furniture))]


# a lower level's word right after a name: the name is that township's or village's (黄石镇), not
# the prefecture or province it would be short for
_LOWER_LEVEL = re.compile("(?:镇|乡|村|街道|社区|苏木|嘎查)(?!村|镇|民|里|干部|级)")  # (湖南乡村, 黄石村民: no township)


def _with_level_word(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A township read by a short form and written with its level word after it (聚凤乡 for
    聚凤仡佬族侗族乡): the word is the name's, so that what follows (a village) starts after it."""
    starts = {h.start for h in hits}
    out = []
    for h in hits:
        e = h.end
        if h.place.level == "township" and text[e:e + 1] in ("乡", "镇") and h.place.name.endswith(text[e]) \
                and not h.surface.endswith(("乡", "镇")) and e not in starts and text[e + 1:e + 2] not in ("长", "党", "政"):
            h = PlaceHit(h.start, e + 1, h.place, text[h.start:e + 1])
        out.append(h)
    return out


# a company's own name (2–10 characters, none a division's level word) and its legal form
_COMPANY = re.compile("[^\\s，。；：、“”（）()省市县区镇乡村]{2,10}?(?:股份有限公司|有限责任公司|有限公司|集团有限公司)")


def _after_places(doc: Doc, hits: list[PlaceHit], taken: list[tuple[int, int]]) -> list[PlaceHit]:
    """Places written right after the place they belong to, anywhere in the register: a
    county's short form after its prefecture or province (湖南省慈利), a township after its
    county or prefecture (岳麓区X街, 佛山X镇), by name or, where the register has
    none, by shape."""
    gz, text = doc.ctx.gazetteer, doc.text
    names, _ = _township_names(gz)
    towns = {s: (e, v) for s, e, v in _register_townships(text, gz)}
    out: list[PlaceHit] = []
    todo = sorted(hits, key=lambda h: h.start)
    while todo:
        h = todo.pop(0)
        e = h.end
        if not h.place.code or h.place.level not in UPPER_LEVELS or _overlaps(e, e + 1, taken):
            continue
        found = None
        for form, child in _child_forms(gz, h.place.code).get(text[e:e + 2], ()):
            if text.startswith(form, e) and (found is None or len(form) > len(found[1])) and (
                    form == child.name or _aligned(text, e, e + len(form))):
                found = (child, form)
        if found is None and h.place.level == "province":  # 浙江诸暨: a county, its prefecture left out
            for form, child in _county_shorts_below(gz, h.place.code).get(text[e:e + 2], ()):
                if text.startswith(form, e) and (found is None or len(form) > len(found[1])) \
                        and _readable_short(form, child.name, gz) and _aligned(text, e, e + len(form)):
                    found = (child, form)
        if found is None and e in towns:  # a township of one of its counties: 芜湖市X镇
            te, v = towns[e]
            inside = [t for t in names[v] if gz.is_within(t.code, h.place.code)]
            if len(inside) == 1:
                found = (inside[0], v)
        if found is None and h.place.level in ("prefecture", "province"):
            found = _misspelt_child(text, e, h.place, gz)
        if found is None and (h.place.level == "county" or not gz.children.get(h.place.code)):
            # a township the register does not list, right after its county (or a city without counties)
            m = _TOWN_END.search(text, e + 2, e + 7)
            span = _name_before(text, m.start(), m.end()) if m and not _overlaps(m.start(), m.end(), taken) else None
            if span is not None and span[0] == e and text[e:span[1]] not in _TOWNSHIP_STOP:
                found = (Place("", text[e:span[1]], "township", h.place.code), text[e:span[1]])
        if found is not None:
            place, form = found
            s2, e2 = e, e + len(form)
            if not _overlaps(s2, e2, taken):
                out.append(PlaceHit(s2, e2, place, form))
                taken.append((s2, e2))
                todo.insert(0, out[-1])  # and what is written right after it (浙江诸暨X镇)
    return out


def _named_again(doc: Doc, hits: list[PlaceHit], taken: list[tuple[int, int]]) -> list[PlaceHit]:
    """A township of the register named again alone (X县Y镇 … Y镇) is the one named before;
    one never placed stays a township of the report's county the register does not list."""
    ctx, text = doc.ctx, doc.text
    names, _ = _township_names(ctx.gazetteer)
    found = {h.surface: h.place for h in hits if h.place.level == "township"}
    out = []
    for s, e, v in _register_townships(text, ctx.gazetteer):
        if _overlaps(s, e, taken) or v in _TOWNSHIP_STOP or not _reads_as_name(text, s, e - (2 if v.endswith(("街道", "苏木")) else 1)):
            continue
        place = found.get(v)
        if place is None and ctx.county is not None:
            place = Place("", v, "township", ctx.county.code)
        if place is not None:
            out.append(PlaceHit(s, e, place, v))
            taken.append((s, e))
    return out


@lru_cache(maxsize=4096)
def _child_forms(gz: Gazetteer, code: str) -> dict[str, tuple[tuple[str, Place], ...]]:
    """The names a division's children are written by right after it — their full names, a
    county's short form (慈利), a street's 街 form (湄江街 for 湄江街道) — by first two characters."""
    out: dict[str, list[tuple[str, Place]]] = {}
    for c in gz.children.get(code, ()):
        child = gz.places[c]
        forms = [child.name]
        if child.level == "township" and child.name.endswith("街道") and len(child.name) >= 4:
            forms.append(child.name[:-1])
        elif child.level == "county":
            sn = short_name(child.name, child.level)
            if sn != child.name and len(sn) >= 2:
                forms.append(sn)
        for form in forms:
            out.setdefault(form[:2], []).append((form, child))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=64)
def _county_shorts_below(gz: Gazetteer, code: str) -> dict[str, tuple[tuple[str, Place], ...]]:
    """The short forms of a province's counties that sit under its prefectures (诸暨 under
    浙江, its prefecture skipped: 浙江诸暨), by first two characters: only those that name one
    county in the province. Whether a form may be read (:func:`_readable_short`) the caller
    asks where the text writes it: asked here of every county, it tagged a hundred words per
    province (a tenth of a second in a build of reports on many provinces)."""
    forms: dict[str, list[Place]] = {}
    for pref in gz.children.get(code, ()):
        for c in gz.children.get(pref, ()):
            p = gz.places[c]
            if p.level == "county":
                sn = short_name(p.name, p.level)
                # (a form that is its county's own name is never read, and counts for no county:
                # as _county_short leaves it out, whatever the others of that form)
                if sn != p.name:
                    forms.setdefault(sn, []).append(p)
    out: dict[str, list[tuple[str, Place]]] = {}
    for sn, places in forms.items():
        if len(places) == 1:
            out.setdefault(sn[:2], []).append((sn, places[0]))
    return {k: tuple(v) for k, v in out.items()}


_COUNTY_SHAPE = re.compile(f"[{CJK}]{{2,4}}?[县市区旗]")


def _misspelt_child(text: str, e: int, parent: Place, gz: Gazetteer) -> tuple[Place, str] | None:
    """A county right after its prefecture written with one character wrong, as a careless
    conversion leaves it (黔南州荔坡县 for 荔波县): the one child of that length differing in one
    character of its name, not its level word."""
    m = _COUNTY_SHAPE.match(text, e)
    if m is None or m.group() in gz.by_name or is_word(m.group()) or is_word(m.group()[:-1]):
        return None  # 开发区 is no misspelt 开福区
    v = m.group()
    near = [gz.places[c] for c in gz.children.get(parent.code, ())
            if len(gz.places[c].name) == len(v) and gz.places[c].name[-1] == v[-1]
            and sum(a != b for a, b in zip(gz.places[c].name, v)) == 1]
    return (near[0], v) if len(near) == 1 else None


# verbs of joint action a body's name is followed by (县司法局联合街道办事处…: "together with the
# street office"), which some townships' names begin with (a 联合街道 elsewhere in the register)
_JOINT_VERBS = ("联合", "会同", "协同", "配合", "联手", "携手", "协助", "督促", "指导")


def _verb_after_body(text: str, s: int) -> bool:
    return s > 0 and text[s - 1] in _BODY_END and text.startswith(_JOINT_VERBS, s)


def _other_townships(doc: Doc, hits: list[PlaceHit], taken: list[tuple[int, int]]) -> list[PlaceHit]:
    """Townships of the register outside the focal county, named in full: the one of that
    name within the report's prefecture or province, else the one of that name in the whole
    register when it is no everyday word."""
    gz, ctx, text = doc.ctx.gazetteer, doc.ctx, doc.text
    names, _ = _township_names(gz)
    within = [p for p in (ctx.prefecture, ctx.province) if p is not None]
    out: list[PlaceHit] = []
    place_ends = {h.end for h in hits}
    for s, e, v in _register_townships(text, gz):
        if _overlaps(s, e, taken) or v in _TOWNSHIP_STOP or _verb_after_body(text, s):
            continue
        if s > 0 and is_cjk(text[s - 1]) and s not in place_ends and text[s - 1] not in _FUNCTION_CHARS \
                and (s - 1, s) in token_spans(text, max(0, s - 4), e):
            continue  # 石|门坎|镇: a character left alone before the name is the name's (完善|马驹桥镇 is not)
        cands = names[v]
        place = None
        for area in within:
            inside = [t for t in cands if gz.is_within(t.code, area.code)]
            if inside:
                place = inside[0] if len(inside) == 1 else None
                break
        if place is None and not any(gz.is_within(t.code, a.code) for t in cands for a in within):
            if len(cands) == 1 and not is_word(v) and _aligned(text, s, e):
                place = cands[0]
        if place is not None:
            out.append(PlaceHit(s, e, place, v))
            taken.append((s, e))
    return out


def _phrase_after_body(text: str, s: int, name: str, gz: Gazetteer) -> bool:
    """Is the name at ``s`` a set phrase right after a body's name, even if the text names no
    other place (县委政法委会同县法院: “together with” the county's court)?"""
    return name in _PHRASES and s > 0 and text[s - 1] in _BODY_END and not _after_parent(text, s, name, gz)


def _after_parent(text: str, s: int, name: str, gz: Gazetteer) -> bool:
    """Is the name at ``s`` written right after a division above it (河南新县, 湖南省慈利县)?"""
    return any(text.startswith(form, s - len(form)) for form in _parent_forms(gz, name))


@lru_cache(maxsize=4096)  # (asked of a report's few names again and again)
def _parent_forms(gz: Gazetteer, name: str) -> tuple[str, ...]:
    """The forms of the divisions above any division named ``name`` — full name, short form, short
    form with the level character (湘西州 for 湘西土家族苗族自治州) — of two characters or more."""
    forms: dict[str, None] = {}
    for p in gz.lookup(name):
        for a in gz.chain(p.code)[1:]:
            sn = short_name(a.name, a.level)
            for form in (a.name, sn, sn + a.name[-1]):
                if len(form) >= 2:
                    forms[form] = None
    return tuple(forms)


def _standalone(text: str, s: int, name: str) -> bool:
    """A two-character name (X县) right after a Chinese character that is no place
    boundary is part of a longer word: 最佳县市 holds no 佳县."""
    return len(name) > 2 or s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _BOUNDARY


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return overlaps(s, e, spans)  # without a scan where ``spans`` are Spans


_BAD_POS = ("v", "d", "p", "c", "u", "r", "f", "m", "q", "a", "b", "t", "y", "e", "o")
_BAD_POS_1 = ("d", "p", "c", "u", "r", "f", "m", "t", "y", "e", "o")
_BAD_POS_1_PLACED = tuple(f for f in _BAD_POS_1 if f != "p")
_MOTION = set("进驻下上回去来入出返赴往离住包联帮到在至抵")


def _name_before(text: str, sfx_start: int, sfx_end: int, after: set[int] | list[int] | None = None) -> tuple[int, int] | None:
    """The span of a place name ending in the suffix at [sfx_start, sfx_end): the word or
    two before it, if they read as a name (no verb, adverb, numeral …). ``after``: where
    places end, a name starting after them (a sorted list is searched by bisection)."""
    # every name given back reads as one (_reads_as_name): two Chinese characters at least, none
    # a function word, right before the suffix; without them (的村, 2个镇) nothing need be segmented
    near = text[max(0, sfx_start - 2):sfx_start]
    if len(near) < 2 or not (is_cjk(near[0]) and is_cjk(near[1])) or near[0] in _FUNCTION_CHARS \
            or near[1] in _FUNCTION_CHARS:
        return None
    lo = max(0, sfx_start - 6)
    spans = token_spans(text, lo, min(len(text), sfx_end + 2))
    tok = next(((a, b) for a, b in spans if a <= sfx_start < b), None)
    if tok is None:
        return None
    a, b = tok
    if a < sfx_start:  # the suffix is inside a longer word: 城关镇 (a name) or 下乡 (not)
        if b == sfx_end and sfx_start - a >= 2:
            return (a, sfx_end) if _reads_as_name(text, a, sfx_start) else None
        if not (b == sfx_end and sfx_start - a == 1 and text[sfx_start:sfx_end] == "村" and _rare(text[a:b])):
            return None
        # 菖蒲|塘村: the name's last character joined to the suffix as a rare word of the dictionary
        # (塘村; 农村, 山村 are words): the name runs from the word before it, if that word reads as
        # part of a name (偏远|山村 does not)
        before = [t for t in spans if t[1] <= a]
        if not before or before[-1][1] - before[-1][0] < 2:
            return None
        starts = [before[-1][0]]
    else:
        # 乡镇, 乡村, 社区戒毒 … are words of their own; a suffix the dictionary does not know
        # (嘎查) falls apart into characters, and ends on a word boundary
        if b != sfx_end and not (sfx_end - sfx_start > 1 and any(e == sfx_end for _, e in spans)):
            return None
        before = [t for t in spans if t[1] <= sfx_start]
        if not before:
            return None
        starts = [before[-1][0]]
    if sfx_start - starts[0] == 1 and len(before) >= 2:
        starts = [before[-2][0]]
        # a name the dictionary does not know falls apart into characters (茶 + 洋 + 口): up
        # to four of them, and a proper name before them (乌兰 + 套 + 海)
        k = 2 if before[-2][1] - before[-2][0] == 1 else len(before)
        while k < len(before) and before[-k - 1][1] - before[-k - 1][0] == 1 and sfx_start - before[-k - 1][0] <= 4:
            k += 1
            starts.insert(0, before[-k][0])
        if k < len(before):
            a, e = before[-k - 1]
            if e - a > 1 and sfx_start - a <= 4 and _proper(text[a:e]):
                starts.insert(0, a)
    for start in starts:
        placed = False  # right after the place it lies in (X镇 | 曼根村)
        if isinstance(after, list):  # a name starts after the place before it: X县 | Y镇
            i = bisect_left(after, sfx_start) - 1
            placed = i >= 0 and after[i] >= start
            start = after[i] if placed else start
        elif after is not None:
            start = max([start] + [p for p in after if start < p < sfx_start])
        if _reads_as_name(text, start, sfx_start, placed=placed):
            return start, sfx_end
    return None


def _rare(word: str) -> bool:
    """Is ``word`` in jieba's dictionary only as a rare word (fewer than 50 in its counts)?"""
    return word_count(word) < 50


def _proper(word: str) -> bool:
    tags = pos_tags(word)
    return len(tags) == 1 and tags[0][1].startswith(("ns", "nr", "nz"))


def _reads_as_name(text: str, s: int, e: int, *, placed: bool = False) -> bool:
    """Can text[s:e] be the name part of a place (before 镇, 村 …)? ``placed``: written right
    after the place it lies in, where a character the dictionary tags a preposition may be a
    name's (勐遮镇曼根村: 根)."""
    prefix = text[s:e]
    if not 2 <= len(prefix) <= 4 or not all(is_cjk(c) for c in prefix) or set(prefix) & _FUNCTION_CHARS or prefix in _TOWNSHIP_STOP:
        return False
    if prefix.startswith(("中国", "全国", "全省", "全市", "全县")):
        return False  # 中国竹乡, 全国…之乡: a title, no place
    if len(prefix) >= 3 and prefix[-1] in "大强重名古" and pos_tags(prefix[:-1])[0][1][:1] in ("n", "v") \
            and len(pos_tags(prefix[:-1])) == 1:
        return False  # 人口大镇, 经济强镇, 工业重镇: what kind of town it is, no name
    # a word of the language that is a verb, adverb, numeral … cannot be part of a name; a
    # name the dictionary does not know falls apart into single characters whose tags say
    # little (石板, 白沙): of those only function words and verbs of motion disqualify
    bad_1 = _BAD_POS_1_PLACED if placed else _BAD_POS_1
    if any(flag.startswith(_BAD_POS) if len(w) > 1 else (flag.startswith(bad_1) or w in _MOTION)
           for w, flag in pos_tags(prefix)):
        return False
    return not (s > 0 and text[s - 1] in "各全该本每")


_TOWNSHIP_STOP = frozenset(load_set("place_stopwords.txt"))


def _townships(doc: Doc, taken: list[tuple[int, int]], hits: list[PlaceHit]) -> list[PlaceHit]:
    """Townships of the report's county, by name, short name or 街 form; and the ones the
    register does not list, by shape — but not right after another county (X县Y镇 is X's)."""
    gz, ctx, text = doc.ctx.gazetteer, doc.ctx, doc.text
    out: list[PlaceHit] = []
    county = ctx.county
    if county is None:
        return out
    chain = {p.code for p in gz.chain(county.code)}
    foreign = {h.end for h in hits if h.place.level in UPPER_LEVELS and h.place.code not in chain}
    own_ends = {h.end for h in hits if h.place.code == county.code}
    wide = _wide_shorts(gz)[0]
    wide_ends = {e: s for s, e, v in _wide_short_hits(text, gz) if wide[v].code not in chain}

    def after_foreign(s: int) -> bool:  # right after another county, or a city's short form (佛山X镇)
        return s in foreign or (s in wide_ends and _aligned(text, wide_ends[s], s))
    names = _county_township_names(gz, county.code)
    for s, e, v in _longest_matches(text, names):
        if _overlaps(s, e, taken) or after_foreign(s):
            continue
        place = names[v]
        if v != place.name and len(v) == 2:
            # a two-character short name only in a list of places (伍市、三市镇), or where it is
            # no word of the language, standing as a word of its own (汀溪某村)
            before = text[s - 1] if s else ""
            after = text[e] if e < len(text) else ""
            if before not in "、和与及" and after not in "、和与及" and (is_word(v) or not _aligned(text, s, e)):
                continue
        out.append(PlaceHit(s, e, place, v))
        taken.append((s, e))
    # townships the register does not list (renamed, merged): by shape, in the county
    for m in finditer_from(_TOWN_END, text, _TOWN_FIRSTS):
        # a name before the suffix would hold the suffix: where a place already holds it (most
        # 镇 of a report end a township named by the register) nothing need be segmented
        if _overlaps(m.start(), m.end(), taken):
            continue
        span = _name_before(text, m.start(), m.end())
        if span is None:
            continue
        s, e = span
        if s - 1 in own_ends and is_cjk(text[s - 1]) and text[s - 1] not in _FUNCTION_CHARS:
            s -= 1  # 石阡县石|门坎|镇: the character left between the county and the name is the name's
        name = text[s:e]
        if _overlaps(s, e, taken) or name in _TOWNSHIP_STOP or after_foreign(s):
            continue
        known = gz.lookup(name, "township")
        place = next((p for p in known if p.parent == county.code), None)
        if place is None:
            if known:
                continue  # a township of another county: read later, where the text says which
            place = Place("", name, "township", county.code)
        out.append(PlaceHit(s, e, place, name))
        taken.append((s, e))
    return out


@lru_cache(maxsize=1024)  # (the same for every report on the county: made once, read only)
def _county_township_names(gz: Gazetteer, code: str) -> dict[str, Place]:
    """The names the townships of the county ``code`` are written by → the township: full
    names, short names (none of the stop words or of the county's chain), X街 for X街道, X苏木 for X乡."""
    names: dict[str, Place] = {}
    chain_shorts = {short_name(p.name, p.level) for p in gz.chain(code)}
    for c in gz.children.get(code, []):
        t = gz.places[c]
        names[t.name] = t
        sn = short_name(t.name, "township")
        if sn != t.name and sn not in names and len(sn) >= 2 and sn not in _TOWNSHIP_STOP and sn not in chain_shorts:
            names[sn] = t
        if t.name.endswith("街道") and len(t.name) >= 4:
            names.setdefault(t.name[:-1], t)  # X街 for X街道
        elif t.name.endswith("乡") and len(t.name) >= 3:
            names.setdefault(t.name[:-1] + "苏木", t)  # a 乡 of Inner Mongolia is a 苏木
    return names


_VILLAGE_END = re.compile("村|社区|居委会|嘎查")
_UNIT_WORD = re.compile("社区|村|镇|乡|街道")  # (a unit's word inside: 社区戒毒|社区 is no village's name)


_SHARED_VILLAGE = re.compile("(?:" + "|".join(sorted(load_set("village_names.txt"), key=len, reverse=True)) + ")(?:村|社区)")
# (tried only a name's length before a 村 or 社区, not at every character that starts a name)
_SHARED_LENGTHS = (min(map(len, load_set("village_names.txt"))), max(map(len, load_set("village_names.txt"))))
_VILLAGE_BODY = re.compile("党支部|党总支|党委|村委会|村民委员会|居委会|两委")


def _shared_names(doc: Doc, by_end: dict[int, PlaceHit], taken) -> list[PlaceHit]:
    """Villages by a name thousands share (团结村): right after their township, or before a
    village body (团结村党支部) in the report's township or county."""
    text, ctx = doc.text, doc.ctx
    out = []
    for m in finditer_around(_SHARED_VILLAGE, text, ("村", "社区"), *_SHARED_LENGTHS):
        s, e = m.span()
        parent_hit = by_end.get(s)
        if parent_hit is not None and parent_hit.place.level == "township":
            parent = parent_hit.place
        elif _VILLAGE_BODY.match(text, e) and (s == 0 or text[s - 1] in "，。；、：（(“”\n "):
            parent = ctx.township or ctx.county
        else:
            continue
        if parent is None or _overlaps(s, e, taken):
            continue
        out.append(PlaceHit(s, e, Place("", m.group(0), "village", parent.id), m.group(0)))
        taken.append((s, e))
    return out


def _villages(doc: Doc, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Villages and communities: right after their township (零阳镇青山村), or a standalone
    name that reads as one (厉家冲社区)."""
    text, ctx = doc.text, doc.ctx
    out: list[PlaceHit] = []
    taken = Spans((h.start, h.end) for h in hits)
    # right after its township, or after a county or city where the text names no township
    by_end = {h.end: h for h in hits if h.place.level in ("township", "county", "prefecture")}
    out.extend(_shared_names(doc, by_end, taken))
    short: list[tuple[int, int]] = []  # short standalone names: villages only if named in full too
    ends = sorted(by_end)
    for m in finditer_from(_VILLAGE_END, text, "村社居嘎"):
        if _overlaps(m.start(), m.end(), taken):
            continue  # (the name would hold its suffix, which a place holds: as in _townships)
        span = _name_before(text, m.start(), m.end(), ends)
        if span is None:
            continue
        s, e = span
        if _overlaps(s, e, taken):
            continue
        parent_hit = by_end.get(s)
        if parent_hit is None:
            # 某镇大|水田村: the word read as the name leaves a character or two after the
            # township; the name is all that stands between them, if it reads as one
            k = bisect_left(ends, s) - 1
            if k >= 0 and 0 < s - ends[k] <= 2 and by_end[ends[k]].place.level == "township" \
                    and not _UNIT_WORD.search(text, ends[k], m.start()) and _reads_as_name(text, ends[k], m.start()):
                s = ends[k]
                parent_hit = by_end[s]
        if parent_hit is None:
            # standalone: sentence or clause start, a name that is not an everyday word
            if s > 0 and text[s - 1] not in "，。；、：（(“”\n ":
                continue
            if len(text[s:m.start()]) < 3:
                short.append((s, e))
                continue
            # in the township the report is about, else in its county
            parent = ctx.township or ctx.county
        else:
            parent = parent_hit.place
        if parent is None:
            continue
        name = text[s:e]
        place = Place("", name, "village", parent.id)
        out.append(PlaceHit(s, e, place, name))
        taken.append((s, e))
    # a village named after its township (X镇福顶村) and elsewhere alone (福顶村累计…): the one village
    placed = {h.surface: h.place for h in out if by_end.get(h.start) is not None}
    for s, e in short:
        if text[s:e] in placed and not _overlaps(s, e, taken):
            out.append(PlaceHit(s, e, placed[text[s:e]], text[s:e]))
    return out
