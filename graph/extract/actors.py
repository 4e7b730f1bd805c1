"""Who acts on what in one report: given the doc, its actors (the bodies and places it names, by
span) and its named things, who conducts, implements or adopts each drive, program and way of
working, which mentions head a clause as its doer (not governed by a preposition, not the body of
an official's post, not a site or a paper), the body a report is about (its headline's, its
opening's, its protagonist), the bodies acting together with a doer, and the holders listed
together for an honor.

Every rule is a pure function of the text, the actors (sorted by start) and the report's context,
so each can be tested on a one-line sentence; :mod:`graph.extract` calls them in order.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from ..gazetteer import Gazetteer, short_name
from ..lexicon import load_set, load_table
from ..model import Extraction, Relation
from .doc import PAUSE_MARK, Doc, finditer_around, finditer_from, name_key, place_entity
from .subjects import _KIND_AFTER, _NOT_ACTING, _SELF_BODY, GENERIC_BODIES, SubjectFinder, self_body_matches, spoken_for  # noqa: F401 (_SELF_BODY: read from here by tests)

_PREP_BEFORE = set("在以对向从为与和把将到于经由给及、赴被")
# a place naming a newspaper, station or site (山东法制传媒网, 某县融媒体中心讯): no actor
_SOURCE = re.compile("(?:来源|稿源|出处|供稿|转自)[：:]\\s*$")
_PLACE_REF = {"镇": ("township",), "乡": ("township",), "街道": ("township",), "村": ("village",),
              "社区": ("village",), "县": ("county",), "旗": ("county",), "区": ("county",), "市": ("county", "prefecture")}


_PLACE_REF_RE = re.compile("该(街道|社区|镇|乡|村|县|旗|区|市)")


@lru_cache(maxsize=4096)
def _ref_words(name: str, level: str) -> tuple[str, ...]:
    """The reference words (镇, 村 …) that can name a place of this name and level."""
    return tuple(word for word, levels in _PLACE_REF.items() if level in levels and name.endswith(word))


def _place_references(text: str, place_keys: list) -> list[tuple[int, int, tuple[str, str]]]:
    """该镇, 该村, 该县 …: the nearest place of that level named before, as an actor."""
    out = []
    if "该" not in text:
        return out  # (no reference word: the places need not be ordered)
    ordered = sorted(place_keys, key=lambda hk: hk[0].end)
    last: dict[str, tuple[str, str]] = {}  # reference word → the latest place it can name
    i = 0
    for m in _PLACE_REF_RE.finditer(text):
        while i < len(ordered) and ordered[i][0].end <= m.start():
            h, k = ordered[i]
            for word in _ref_words(h.place.name, h.place.level):
                last[word] = k
            i += 1
        if m.group(1) in last:
            out.append((m.start(), m.end(), last[m.group(1)]))
    return out


_MEDIA = re.compile("(?:法制|法治|政法|新闻|经济)?(?:日报|晚报|传媒网?|新闻网|电视台|广播电视台|融媒体中心|手机报"
                    "|网(?![格络点民上下站页友购点]))|供图|供稿|提供图片|摄影?[）)]")  # …or a credit (某局供图)
PREDICATE = {"Campaign": "conducts", "Program": "implements", "Mechanism": "adopts"}
ADOPTING = frozenset(PREDICATE.values())


_DRIVE_OF_PLACE = re.compile("(?:平安|法治)(.{1,6}?)(?:建设|创建)?")


def _place_drive_actor(h, ctx) -> tuple[str, str] | None:
    """平安X / 法治X named after the report's county (or its city, province): that place's own
    drive, whoever speaks of it."""
    m = _DRIVE_OF_PLACE.fullmatch(name_key(h.name)) if h.type == "Campaign" else None
    if m is None:
        return None
    for p in (ctx.county, ctx.prefecture, ctx.province):
        if p is not None and m.group(1) in (p.name, short_name(p.name, p.level)):
            return ("Place", p.id)
    return None


# a thing of a unit above the county, by its level (依托州级“X”体系, 接入省级“X”平台)
_LEVEL_BEFORE = re.compile("(?:([省市州盟])级|全([省市州盟]))[“「]?$")  # 州级“X”体系, 按照全省“X”部署


def _level_owner(text: str, h, ctx) -> tuple[str, str] | None:
    """The report's unit of the level written right before the thing ``h`` (州级“X”体系: the
    prefecture), where that is a unit above the report's county: it runs the thing too."""
    m = _LEVEL_BEFORE.search(text, max(0, h.start - 3), h.start)
    p = ctx.level_place(m.group(1) or m.group(2)) if m is not None else None
    return ("Place", p.id) if p is not None and p is not ctx.county else None


def _drop_guesses(ex: Extraction, gz: Gazetteer, guessed: set, said: set) -> None:
    """A thing some sentence names a doer for (``said``: doer, predicate, thing) takes no doer
    guessed for it elsewhere (``guessed``: a headline naming no one, given the report's topic)
    unless the named one is the guess's own (its body or place, which :func:`_most_specific`
    weighs): the named doer is the one the text gives. (A partner joined to a guessed doer,
    联合某局开展“X”, names no doer.)"""
    if not guessed:
        return
    named: dict[tuple, list] = {}
    for who, p, o in said:
        named.setdefault((p, o), []).append(who)

    def place_of(k) -> str | None:
        return k[1] if k[0] == "Place" else (ex.entities[k].attrs.get("jurisdiction") if k in ex.entities else None)

    def yields(guess, p, o) -> bool:
        if (p, o) not in named:
            return False
        home = place_of(guess)
        return not any((q := place_of(n)) and home and (q == home or _within(gz, q, home)) for n in named[(p, o)])

    ex.relations[:] = [r for r in ex.relations
                       if not ((r.subject, r.predicate, r.object) in guessed and yields(r.subject, r.predicate, r.object))]


def _most_specific(ex: Extraction, gz: Gazetteer, headline_end: int = -1, learned: set = frozenset()) -> None:
    """Who implements or adopts a thing is the most specific actor the text names: a county (or
    city, province) drops out where one of its own bodies or places does the same thing in the
    report (某县推行“X” … 某县司法局推行“X”: the bureau's way of working; …某县某镇推行“X”: the
    township's), unless it is said to learn it from that place or the thing is named as its own
    (州级“X”体系) (``learned``: subject, predicate, object). A township keeps its own; a
    county keeps the drives its body text says it conducts beside its bodies (扫黑除恶: the
    county's and its police's), not the ones only its headline gives it; a province all that its
    body text says it does (某省公安机关践行“X”, beside a station of one of its counties)."""
    by_thing: dict[tuple, set] = {}
    body_said: set[tuple] = set()  # (subject, predicate, object) the report says past its headline
    for r in ex.relations:
        if r.predicate in ADOPTING:
            by_thing.setdefault((r.predicate, r.object), set()).add(r.subject)
            if r.begin >= headline_end:
                body_said.add((r.subject, r.predicate, r.object))
    drop = set()
    for (pred, obj), subjects in by_thing.items():
        for subj in subjects:
            e = ex.entities.get(subj)
            if subj[0] != "Place" or e is None or e.attrs.get("level") not in ("county", "prefecture", "province") and not (
                    e.attrs.get("level") == "township" and (subj, pred, obj) not in body_said):
                continue  # (a township keeps what its body text says it does)
            if (pred == "conducts" or e.attrs.get("level") == "province") and (subj, pred, obj) in body_said:
                continue  # a county conducts its drives beside its bodies; only a headline's 某县开展 yields
            if (subj, pred, obj) in learned:
                continue  # it took the way of working up from one of its own places (学习推广某市“X”)
            place_id = e.attrs.get("key_name")
            for other in subjects:
                if other[0] == "Agency" and other in ex.entities:
                    juris = ex.entities[other].attrs.get("jurisdiction")
                else:  # a place of its own (某县某镇推行“X”)
                    juris = other[1] if other[0] == "Place" and other != subj else None
                if juris and (juris == place_id or _within(gz, juris, place_id)):
                    drop.add((subj, pred, obj))
                    break
    if drop:
        ex.relations[:] = [r for r in ex.relations if (r.subject, r.predicate, r.object) not in drop]


# a province's or city's organs named together (某省公安机关): the bodies of every level below it, no
# one body (a county's are mostly its one bureau: 某县公安机关和司法行政机关 are its 公安局 and 司法局)
_ORGANS = re.compile("(?:公安|检察|审判|司法行政|政法|行政执法)机关$")
_SYSTEM_LEVELS = ("province", "prefecture")
# a unit as a level of government (省级层面整合…): the report's unit of that level
_AS_LEVEL = re.compile("([省市县区州盟旗])级层面")
# a whole unit by its level word: 全州 (the prefecture its sentence names, else the report's), 全镇 / 本乡 (the township);
# (全县, 全市 …: the report's own unit, see _WHOLE_CLAUSE)
# (written to open on one character class, which the engine skips ahead on: 全州 in group 1, 全镇 / 本乡 in 2)
_WHOLE_UNIT_WORD = re.compile("[全本我](?:(?<=全)([州盟])(?![委政长级])|([镇乡])(?![委政长级]))")
# …and a whole unit's bodies of a kind (全省法院, 全市公安机关): the unit
_WHOLE_ORGANS = re.compile("全([省市县区旗州盟])(?:各级)?(?:公安机关|检察机关|审判机关|政法机关|政法系统|法院|检察院)")
# a whole province by its one-character short name (全川上下, 全湘各地) or as 全省 with the parts that make
# it up (全省各地): the report's province, when the character is that province's
_PROVINCE_CHARS = {"北京": "京", "天津": "津", "河北": "冀", "山西": "晋", "内蒙古": "蒙", "辽宁": "辽", "吉林": "吉",
                   "黑龙江": "黑", "上海": "沪", "江苏": "苏", "浙江": "浙", "安徽": "皖", "福建": "闽", "江西": "赣",
                   "山东": "鲁", "河南": "豫", "湖北": "鄂", "湖南": "湘", "广东": "粤", "广西": "桂", "海南": "琼",
                   "重庆": "渝", "四川": "川蜀", "贵州": "黔", "云南": "滇", "西藏": "藏", "陕西": "陕秦", "甘肃": "陇",
                   "青海": "青", "宁夏": "宁", "新疆": "疆"}
_WHOLE_PROVINCE = re.compile("全(?:省(?=各地|上下|各级|各族)|([京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕秦陇青宁疆]))")


def _collective_doers(doc: Doc, doers: list, ex: Extraction, whole: dict, place_keys: list = (),
                      bodies: dict | None = None) -> list:
    """Who acts for a mention that names a place's bodies together: a province's or city's organs
    of a kind (某省公安机关, 某市各级公安机关) or a whole unit's bodies (全省法院) — the place itself. The
    others act as named (某县委、县政府: both bodies, the most specific actors the text names).
    A prefecture or township named by its level word is the place of that level named before
    it: in its sentence (在某州，…，全州…), or, for a township (全镇上下…), the report's last one;
    a unit as a level (省级层面) is the report's unit of that level. A place written right before a
    kind of body (某县公安, 某县检察): the report's own body of that kind (``bodies``, by kind)."""
    text = doc.text
    bodies = bodies or {}
    out = []
    for s, e, k in doers:
        if k[0] == "Place":
            if bodies and (kind := _KIND_AFTER.match(text, e, e + 2)) and (body := bodies.get(GENERIC_BODIES[kind.group(0)])) \
                    and ex.entities[body].attrs.get("jurisdiction") == k[1]:
                k = body
        elif text[e - 2:e] == "机关" or text[s - 1:s] == "全":  # (most bodies are neither: no look-ups)
            juris = ex.entities[k].attrs.get("jurisdiction") if k in ex.entities else None
            if juris and ("Place", juris) in ex.entities:
                surface = text[s:e]
                organs = _ORGANS.search(surface)
                if (organs and organs.start() > 0 and ex.entities[("Place", juris)].attrs.get("level") in _SYSTEM_LEVELS) \
                        or (text[s - 1:s] == "全" and surface[:1] in "省市县区旗州盟"):
                    k = ("Place", juris)
        out.append((s, e, k))
    added = []
    starts, reach = [a[0] for a in out], list(accumulate((a[1] for a in out), max))

    def free(m: re.Match) -> bool:  # no preposition governs it, no actor reaches into it
        i = bisect_left(starts, m.end()) - 1
        return _free(text, m.start()) and not (i >= 0 and reach[i] > m.start())

    def unit(m: re.Match) -> None:  # the report's unit of a level word acts at m
        key = whole.get(m.group(1))
        if key is None or not free(m):
            return
        if key not in ex.entities and key[1] in doc.ctx.gazetteer.places:
            ex.entities[key] = place_entity(doc.ctx.gazetteer.places[key[1]])  # (its ancestors come later)
        if key in ex.entities:
            added.append((m.start(), m.end(), key))

    for m in _AS_LEVEL.finditer(text) if "层面" in text else ():
        unit(m)
    county = doc.ctx.county.id if doc.ctx.county else None
    if county is not None and ("我" in text or "本" in text):
        # a body speaking of itself (我院推行…, 本局开展…): the report's own body of that kind
        attrs = lambda k: ex.entities[k].attrs if k in ex.entities else {}
        own = SubjectFinder._own_body(out, attrs, lambda k: attrs(k).get("jurisdiction") == county)
        for m in self_body_matches(doc):
            if m.group(1) and (key := own.get(m.group(1))) is not None and free(m):
                added.append((m.start(), m.end(), key))
    for m in _WHOLE_ORGANS.finditer(text) if "全" in text else ():
        unit(m)
    province = doc.ctx.province
    for m in _WHOLE_PROVINCE.finditer(text) if "全" in text and province is not None else ():
        if m.group(1) is None or m.group(1) in _PROVINCE_CHARS.get(province.name[:3 if province.name[:3] in _PROVINCE_CHARS else 2], ""):
            key = ("Place", province.id)
            if free(m) and key in ex.entities:
                added.append((m.start(), m.end(), key))
    by_last: dict[str, list] = {}  # the places named, by their names' last character (made when first asked)
    for m in finditer_from(_WHOLE_UNIT_WORD, text, "全本我"):
        if not by_last:
            for h, k in place_keys:
                by_last.setdefault(text[h.end - 1], []).append((h.end, h.start, k))
            for v in by_last.values():
                v.sort()
        named = by_last.get(m.group(0)[-1], [])
        j = bisect_right(named, (m.start(), float("inf"))) - 1  # the last one ending before it
        # 全州: one its own sentence names; 全镇: the township named last
        if j >= 0 and (m.group(2) or named[j][1] >= doc.sentence_at(m.start())[0]) and free(m):
            added.append((m.start(), m.end(), named[j][2]))
        elif m.group(1) and (key := whole.get(m.group(1))) and key in ex.entities \
                and ex.entities[key].name.endswith(m.group(1)) and free(m):
            added.append((m.start(), m.end(), key))  # (else the report's own 州 or 盟: 全盟各地…)
    if "我" in text or "全" in text:  # an official's 我们, 我们镇, 全局: the body or place he speaks for
        attrs_of = lambda k: ex.entities[k].attrs if k in ex.entities else {}
        added.extend(spoken_for(doc, out, attrs_of))
    return sorted(out + added) if added else out


_PLACES_OWN = re.compile("(?:[省市县区旗州盟]委|人民政府|政府)$")


def _protagonist(doc: Doc, actors: list, governed: set, topic_key, whole: dict, ex: Extraction,
                 ctx) -> tuple[str, str] | None:
    """The body a report whose headline and opening name none is about (a station whose staff
    and work its clauses keep naming, in a report placed by its county): the subject
    :class:`SubjectFinder` makes its default, when that is a body other than the place's own
    party committee or government (某县委 acting speaks for the county)."""
    finder = SubjectFinder(doc, sorted(actors), governed, topic_key, whole, _own_bodies(ex, ctx),
                           lambda k: ex.entities[k].attrs if k in ex.entities else {}, ctx.county.id if ctx.county else None)
    k = finder.default
    if k is not None and k[0] == "Agency" and k in ex.entities and not _PLACES_OWN.search(ex.entities[k].name):
        return k
    return None


def _within(gz: Gazetteer, place_id: str, ancestor_id: str) -> bool:
    p = gz.places.get(place_id)
    while p is not None and p.parent:
        if p.parent == ancestor_id:
            return True
        p = gz.places.get(p.parent)
    return False


_PREP2 = ("通过", "依托", "按照", "根据", "围绕", "联合", "配合", "针对", "关于", "经过", "协助", "会同", "得到", "受到",
         "牵头", "邀请", "指导", "督促", "组织", "前往",
         "走进", "来到", "走访")  # …a verb whose object the body is (牵头县民政局等单位组建…; “X”活动走进某局)


# a body a list goes on from (A、B等五家单位抽人进驻): participants listed, not a new subject
_LIST_ON = re.compile("[、和与及等]")
_HEAD_REACH = 12  # how many actors back a later clause's head is looked for
_CLAUSE_OPENERS = ("在于", "由于")  # words ending in a preposition's character that open a clause (在于X推进…)


def _free(text: str, s: int) -> bool:
    """Is the mention at ``s`` free of a governing preposition (在县法院, 通过县委政法委)?"""
    before = text[max(0, s - 2):s]
    if before in _CLAUSE_OPENERS:
        return True  # 在于X…, 由于X…: X heads the clause they open
    return not (s > 0 and text[s - 1] in _PREP_BEFORE) and before not in _PREP2


def _specific(actors: list, text: str) -> list:
    """Drop actors a more specific one refines: 湄潭县 before 永兴镇 (湄潭县永兴镇), 成都市
    before 郫都区人民检察院, 金寨县公安局 within 金寨县公安局天堂寨镇派出所."""
    out = []
    for s, e, k in actors:
        refined = any((s2 == e or (s2 == s and e2 > e) or (s2 <= s and e <= e2 and (s2, e2) != (s, e) and k2[0] == k[0] == "Agency"))
                      for s2, e2, k2 in actors if (s2, e2, k2) != (s, e, k))
        if not refined:
            out.append((s, e, k))
    return out


# a clause or a sentence on the whole county (全县…, 该县…, 本县…): the patterns of the plain
# reading (_actor_naive); the index (_DoerIndex.whole_place_word) finds the second's two-character
# core once per report (no two of which overlap) and checks its look-arounds where each stands
_WHOLE_CORE = "(?:全|该|本|我)[县市区旗]"
_WHOLE_CLAUSE = re.compile("(?:同时|其中|目前)?，?(?:全|该|本|我)[县市区旗州](?![委政长])")
_WHOLE_PLACE_PLAIN = re.compile(f"(?<![在赴到向于对给往])(?<!面向|覆盖|深入|走进|走遍|遍及|辐射){_WHOLE_CORE}(?![委政长])")
_WHOLE_PLACE = re.compile(_WHOLE_CORE)


# words a sentence may open with before its frame or its subject (同时，在某州，…)
_OPENING_LEAD = "(?:(?:同时|此外|另外|其中|目前|如今|当前|近年来|今年以来|[0-9]{4}年(?:以来)?)，?)?"
# 在X，…: a sentence opening on places a 在 governs, alone in their clause, frames what follows
_FRAME_AT = re.compile(_OPENING_LEAD + "在")
_FRAME_JOIN = re.compile("和|、|及|与|以及")
_FRAME_END = re.compile("(?:等地|等)?，")
# a sentence opening on an adverbial with no subject of its own (通过…，围绕…，在…中，以…为抓手，):
# its subject is the first body or place heading a clause after it
_ADVERBIAL = re.compile(_OPENING_LEAD + "(?:通过|依托|围绕|按照|根据|借助|结合|针对|为了|为|随着|以|在[^，。；]{1,60}?"
                        "(?:中|下|之际|期间|基础上|背景下|过程中|之下)，)")
# what may stand between a clause mark and the subject heading the clause
_HEAD_LEAD = re.compile("(?:同时|目前|此外|另外|如今|当前|近年来|今年以来|[0-9]{4}年(?:以来)?|\\s|"
                        "(?:今年|去年|近日|日前|近期|年初|年底|上半年|下半年|一年来|多年来)，?)*")  # (今年，县委、县政府…)


def _frame(text: str, actors: list, ss: int, se: int) -> tuple[int, list[tuple[str, str]]] | None:
    """The places a sentence at ``ss`` opens on with 在, alone in their clause (在某州，… ;
    在某州某县和某州某县，…): where the frame ends and the most specific of them (a county
    written right after its prefecture refines it), or None. ``actors`` sorted by start."""
    m = _FRAME_AT.match(text, ss, se)
    if m is None:
        return None
    cur, chain = m.end(), []
    while True:
        i, j = bisect_left(actors, (cur,)), bisect_left(actors, (cur + 1,))
        if i == j:
            break
        s, e, k = max(actors[i:j], key=lambda a: a[1])
        if k[0] != "Place" or e <= cur:
            return None
        chain.append((s, e, k))
        cur = e
        joint = _FRAME_JOIN.match(text, cur, se)
        if joint is not None and bisect_left(actors, (joint.end(),)) < len(actors) \
                and actors[bisect_left(actors, (joint.end(),))][0] == joint.end():
            cur = joint.end()
    end = _FRAME_END.match(text, cur, se)
    if not chain or end is None:
        return None
    keys = [k for n, (s, e, k) in enumerate(chain) if not (n + 1 < len(chain) and chain[n + 1][0] == e)]
    return end.end(), list(dict.fromkeys(keys))


# verbs of taking up another's way of working, right before whose it is (学习借鉴B“X”经验); not
# those of spreading it (推广, 推介: a higher body commending a place's way to others)
_LEARNING = re.compile("(?:学习借鉴|学习|借鉴|复制|引进|参照|对标|移植|效仿)了?$")


def _learner(doc: Doc, actors: list, governed: set, pos: int, named, focal_key, index: "_DoerIndex",
             topic) -> tuple[str, str] | None:
    """Who takes up the way of working named at ``pos`` from the body or place written right
    before it (学习借鉴B“X”经验, 复制推广B的“X”模式): the doer of the learning verb, read as for
    a named thing there (else ``topic()``, the report's), besides B; None where no such verb
    and source stand before it. ``actors`` sorted by start."""
    text = doc.text
    p = pos - 1 if text[pos - 1:pos] == "的" else pos
    i = bisect_left(index.starts, p) - 1
    source = False
    while i >= 0 and pos - p < 40:  # back over the source's name (湖南省吉首市)
        if actors[i][1] == p:
            p, source = actors[i][0], True
        elif actors[i][1] < p:
            break
        i -= 1
    verb = _LEARNING.search(text, max(0, p - 6), p) if source else None
    if verb is None:
        return None
    learner = _actor(doc, actors, governed, verb.start(), named, focal_key, index)
    if learner is None and not _central_voice(doc, *doc.sentence_at(verb.start()), verb.start()):
        learner = topic()
    return learner


def _agent_after(text: str, actors: list, pos: int, ce: int, in_named) -> tuple[str, str] | None:
    """The body 由 names after ``pos`` in the clause ending at ``ce`` (“X”行动由县公安局组织实施):
    the one that acts on what is named at ``pos``; among the next few actors only. ``actors``
    sorted by start; ``in_named(i)``: is actor i inside a named thing?"""
    i = bisect_left(actors, (pos,))
    for n in range(i, min(len(actors), i + 8)):
        s, e, k = actors[n]
        if s >= ce:
            break
        if k[0] == "Agency" and text[s - 1:s] == "由" and not in_named(n):
            while n + 1 < len(actors) and actors[n + 1][0] == s:  # the whole unit written from there
                n += 1
            return actors[n][2] if actors[n][2][0] == "Agency" else k
    return None


def _whole_clause_between(text: str, marks: list[int], a: int, b: int) -> bool:
    """Does a clause starting after a clause mark in [a, b) open on the whole county (全县…)?
    ``marks``: the text's clause marks, ascending."""
    return any(_WHOLE_CLAUSE.match(text, marks[i] + 1) for i in range(bisect_left(marks, a), bisect_left(marks, b)))


def _heads_clause(text: str, actors: list, cs: int, s: int) -> bool:
    """Does the mention at ``s`` head its clause starting at ``cs``: nothing but time words and
    the places or bodies written on into it (某县某镇) before it? ``actors`` sorted by start."""
    p = s
    for a in reversed(actors[bisect_left(actors, (cs,)):bisect_left(actors, (s,))]):
        if a[1] == p:
            p = a[0]
    return _HEAD_LEAD.fullmatch(text, cs, p) is not None


class _DoerIndex:
    """What :func:`_actor` asks of a report's actors (sorted) for each named thing, answered
    from indexes made once, so a report with thousands of named things and actors (a scraped page
    with no line breaks, a sentence listing hundreds of bodies) costs time in proportion to its
    length: where each actor's nearest refining actor starts (see :func:`_specific`), the
    positions of clause marks, line breaks and 全县-words, each sentence's first free actor, and
    the subject each sentence carries into the next ones of its paragraph."""

    def __init__(self, doc: Doc, actors: list, governed: set, named) -> None:
        text = doc.text
        self.doc, self.actors, self.governed = doc, actors, governed
        self.starts = [s for s, _, _ in actors]
        in_named = bytearray(len(text) + 1)
        for n in named:
            if n.end > n.start:
                in_named[n.start:n.end] = b"\1" * (n.end - n.start)
        self.in_named = [bool(in_named[s]) for s in self.starts]
        # the actors that refine each (see :func:`_specific`), of all and of those outside named
        # things: the first start of one starting at or after it (written on from it, or longer
        # from its start), and the last start of an agency holding it (its station holds a bureau)
        inf = float("inf")
        n = len(actors)
        self.after_all, self.after_free = [inf] * n, [inf] * n
        self.holder_all, self.holder_free = [-inf] * n, [-inf] * n
        starts, named_at = self.starts, self.in_named
        after_all, after_free, holder_all, holder_free = self.after_all, self.after_free, self.holder_all, self.holder_free
        for i, actor in enumerate(actors):
            s, e, k = actor
            j = first = bisect_left(starts, s)
            while j < n and starts[j] <= e:  # one starting within [s, e] (the cheap questions first)
                s2, e2, _ = other = actors[j]
                if (s2 == e or (s2 == s and e2 > e)) and other != actor:
                    after_all[i] = min(after_all[i], s2)
                    if not named_at[j]:
                        after_free[i] = min(after_free[i], s2)
                j += 1
            if k[0] == "Agency":  # the actors an agency holds start within it
                j = first
                while j < n and starts[j] < e:
                    s2, e2, k2 = actors[j]
                    if e2 <= e and (s2 != s or e2 != e) and k2[0] == "Agency":
                        holder_all[j] = max(holder_all[j], s)
                        if not named_at[i]:
                            holder_free[j] = max(holder_free[j], s)
                    j += 1
        self.marks = doc.clause_marks
        self.breaks = doc.line_breaks
        self.wholes = [m.start() for m in finditer_from(_WHOLE_PLACE, text, "全该本我")]
        # where the whole pattern holds in the full text; a slice [ss, pos) may also let one
        # that stands at its very start or end (the look-arounds see less), checked per query
        self.wholes_free = [w for w in self.wholes if _WHOLE_PLACE_PLAIN.match(text, w)]
        self.ends_by = list(accumulate((e for _, e, _ in actors), max))
        self.by_key = _indexes_by_key(actors)  # each key's actors, by index  # the furthest end of the actors so far
        self._first: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._frames: dict[tuple[int, int], tuple | None] = {}
        self._carried: dict[int, tuple[str, str] | None] = {}
        # each sentence's subject for the next ones: its first actor that nothing refines, and no
        # preposition governs; and for each sentence the last one before it with another subject
        self.sent_starts = [s for s, _ in doc.sentences]
        keys: list = [None] * len(doc.sentences)
        for i, (s, e, k) in enumerate(actors):
            t = bisect_right(self.sent_starts, s) - 1
            if t >= 0 and keys[t] is None and self.after_all[i] == inf and self.holder_all[i] == -inf \
                    and (s, e) not in governed:
                keys[t] = k
        self.sent_keys = keys
        self.last_keyed, self.other_before = [], []
        last, other = -1, -1
        for t, k in enumerate(keys):
            if k is not None:
                if last >= 0 and keys[last] != k:
                    other = last
                elif last >= 0:
                    other = self.other_before[last]
                last = t
            self.last_keyed.append(last)
            self.other_before.append(other if k is not None else -1)

    def specific_between(self, lo: int, hi: int, a: int, b: int):
        """``_specific(actors[lo:hi])`` for a stretch of actors starting in [a, b), yielded one by
        one (a caller that stops early reads no further)."""
        for i in range(lo, hi):
            if not (self.after_all[i] < b or self.holder_all[i] >= a):
                yield self.actors[i]

    def refined(self, i: int, ss: int, se: int) -> bool:
        """Does an actor outside named things, starting in the sentence [ss, se), refine actor i?"""
        return self.after_free[i] < se or self.holder_free[i] >= ss

    def clause_start(self, ss: int, pos: int) -> int:
        """After the last clause mark (，；：) in [ss, pos), else ``ss``."""
        i = bisect_left(self.marks, pos) - 1
        return max(self.marks[i] + 1 if i >= 0 and self.marks[i] >= ss else 0, ss)

    def last_in_clause(self, ss: int, se: int, cs: int, pos: int) -> tuple[str, str] | None:
        """The last free actor of the sentence [ss, se) that stands in [cs, pos)."""
        i = min(bisect_right(self.starts, pos), bisect_left(self.starts, se)) - 1
        while i >= 0 and self.starts[i] >= cs and self.starts[i] >= ss:
            s, e, k = self.actors[i]
            if e <= pos and not self.in_named[i] and not self.refined(i, ss, se) and (s, e) not in self.governed:
                return k
            i -= 1
        return None

    def first_in_sentence(self, ss: int, se: int) -> tuple[int, tuple[str, str]] | None:
        """The sentence's first free actor (its start and key)."""
        if (ss, se) not in self._first:
            found = None
            i = bisect_left(self.starts, ss)
            while i < len(self.actors) and self.starts[i] < se:
                s, e, k = self.actors[i]
                if not self.in_named[i] and not self.refined(i, ss, se) and (s, e) not in self.governed:
                    found = (s, k)
                    break
                i += 1
            self._first[(ss, se)] = found
        return self._first[(ss, se)]

    def later_head(self, ss: int, se: int, first: int, pos: int) -> tuple[str, str] | None:
        """The free actor heading the last clause before ``pos`` that has one, where that is a
        later clause than the one of the sentence's first free actor (at ``first``): 甲…部署，乙
        迅速响应，组织开展“X”: 乙; a few actors back only."""
        text, actors = self.doc.text, self.actors
        i = min(bisect_left(self.starts, pos), bisect_left(self.starts, se)) - 1
        lo = max(bisect_right(self.starts, first), i - _HEAD_REACH)
        first_clause = self.clause_start(ss, first)
        while i >= lo:
            s, e, k = actors[i]
            i -= 1
            if e > pos or self.in_named[i + 1] or self.refined(i + 1, ss, se) or (s, e) in self.governed:
                continue
            cs = self.clause_start(ss, s)
            if cs <= first_clause:
                return None
            if _heads_clause(text, actors, cs, s) and not _NOT_ACTING.match(text, e) and not _LIST_ON.match(text, e):
                return k
        return None

    def frame(self, ss: int, se: int) -> tuple[int, list[tuple[str, str]]] | None:
        """:func:`_frame` of the sentence [ss, se), found once for all its named things."""
        if (ss, se) not in self._frames:
            self._frames[(ss, se)] = _frame(self.doc.text, self.actors, ss, se)
        return self._frames[(ss, se)]

    def whole_place_word(self, ss: int, pos: int) -> bool:
        """Does ``_WHOLE_PLACE_PLAIN`` find 全县 (该县 …) in text[ss:pos]? Inside the slice a
        match reads as in the full text; at its first two characters and its end the slice's
        edges hide what the look-arounds would see, so those few are read on the slice."""
        text = self.doc.text
        i = bisect_left(self.wholes_free, ss)
        if i < len(self.wholes_free) and self.wholes_free[i] + 3 <= pos:
            return True
        j = bisect_left(self.wholes, ss)
        for w in self.wholes[j:j + 2] + self.wholes[max(j, bisect_left(self.wholes, pos - 2)):][:1]:
            if (w < ss + 2 or w == pos - 2) and w + 2 <= pos:
                lo = max(ss, w - 2)
                if _WHOLE_PLACE_PLAIN.match(text[lo:pos], w - lo):
                    return True
        return False

    def carried(self, ss: int) -> tuple[str, str] | None:
        """The subject the earlier sentences of the paragraph carry into the one at ``ss``: the
        one subject they all have, if they have one."""
        if ss not in self._carried:
            self._carried[ss] = self._carry(ss)
        return self._carried[ss]

    def _carry(self, ss: int) -> tuple[str, str] | None:
        i = bisect_left(self.breaks, ss) - 1
        ps = self.breaks[i] + 1 if i >= 0 else 0
        p, q = bisect_left(self.sent_starts, ps), bisect_left(self.sent_starts, ss)
        n = bisect_left(self.starts, ss)
        if (p < len(self.sent_starts) and self.sent_starts[p] != ps) or q >= len(self.sent_starts) \
                or self.sent_starts[q] != ss or (n and self.ends_by[n - 1] >= ss):
            # a paragraph or sentence start that is no sentence's, or an actor running into this
            # sentence: the plain reading
            return _carried_naive(self.doc, self.actors, self.governed, ps, ss)
        t = self.last_keyed[q - 1] if q > 0 else -1
        if t < p:
            return None
        return self.sent_keys[t] if self.other_before[t] < p else None


def _carried_naive(doc: Doc, actors: list, governed: set, ps: int, ss: int) -> tuple[str, str] | None:
    subjects = {}
    for s, e, k in _specific([a for a in actors if ps <= a[0] < ss], doc.text):
        if (s, e) not in governed:
            subjects.setdefault(doc.sentence_at(s), k)
    return next(iter(set(subjects.values()))) if len(set(subjects.values())) == 1 else None


# the centre speaking (总书记…强调，要…; 中央…会议明确提出…), the nation's goals (到2025年，我国将…) or
# the centre meeting (全国X总结表彰大会): what it
# calls for or sums up is no local body's deed unless the sentence names the body
_CENTRAL_VOICE = re.compile("总书记|党中央|中共中央|国务院|我国|中央[^，。；：]{0,12}(?:会议|精神|部署|要求|指出|强调)"
                            "|全国[^，。；：“”]{0,30}?(?:大会|会议)")


def _central_voice(doc: Doc, ss: int, se: int, pos: int) -> bool:
    """Does the centre speak (or meet) in the sentence [ss, se), starting by ``pos`` (a national
    meeting may open the name: 全国X大会; ``_CENTRAL_VOICE``: the sentence's first match)? Each
    sentence is searched once."""
    memo = doc.memo.setdefault("central_voice", {})
    if ss not in memo:
        m = _CENTRAL_VOICE.search(doc.text, ss, se)
        memo[ss] = m.start() if m else -1
    return 0 <= memo[ss] <= pos


def _actor(doc: Doc, actors: list, governed: set, pos: int, named, focal_key=None,
           index: _DoerIndex | None = None) -> tuple[str, str] | None:
    """Who does what is named at ``pos``: the nearest free agency or place before it in its
    clause; else the body 由 names after it in its clause (“X”行动由县公安局组织实施); else the
    free one heading a later clause of its sentence before it (甲部署…，乙迅速响应，组织开展“X”), else
    the first free one of its sentence before it (one after it is mostly a
    partner or an object: 建立X机制，牵头县妇联…); a clause on
    the whole county (全县…, 该县…, 本县…) is the county's; else the places the sentence opens on
    with 在 (在某州，…); else, in a sentence opening on an adverbial (通过…，在…中，), the free one
    heading a clause after it; else, unless the centre speaks in the sentence (总书记…强调，要…),
    the subject carried from earlier sentences of the same paragraph. ``index``: the report's
    :class:`_DoerIndex` (made here when not given)."""
    text = doc.text
    index = index or _DoerIndex(doc, actors, governed, named)
    ss, se = doc.sentence_at(pos)
    cs = index.clause_start(ss, pos)
    found = index.last_in_clause(ss, se, cs, pos)
    if found is not None:
        return found
    j = bisect_left(index.marks, pos)
    found = _agent_after(text, actors, pos, min(index.marks[j], se) if j < len(index.marks) else se,
                         index.in_named.__getitem__)
    if found is not None:
        return found
    if focal_key and _WHOLE_CLAUSE.match(text, cs, pos):
        return focal_key
    first = index.first_in_sentence(ss, se)
    if first is not None and first[0] < pos:
        return index.later_head(ss, se, first[0], pos) or first[1]
    framed = index.frame(ss, se)
    if framed is not None and framed[0] <= pos:
        return framed[1][0]
    if first is not None and _ADVERBIAL.match(text, ss, se) \
            and _heads_clause(text, actors, index.clause_start(ss, first[0]), first[0]):
        # (a clause on the whole county before it heads the sentence: 以X为抓手，全县…)
        return focal_key if focal_key and _whole_clause_between(text, index.marks, pos, first[0]) else first[1]
    if focal_key and index.whole_place_word(ss, pos):
        return focal_key
    if _central_voice(doc, ss, se, pos):
        return None
    # carried over from earlier sentences of the paragraph, only when they all had one subject
    return index.carried(ss)


_CLAUSE_REACH = 120  # how far back a clause mark is looked for (a sentence of no marks is not read again per thing)


def _mark_before(text: str, ss: int, pos: int, marks: str) -> int:
    """The last of ``marks`` in the sentence from ``ss`` before ``pos``, within ``_CLAUSE_REACH``; -1 if none."""
    lo = max(ss, pos - _CLAUSE_REACH)
    last = -1
    for c in marks:  # (a loop, not max over a generator: asked several times for each named thing)
        i = text.rfind(c, lo, pos)
        if i > last:
            last = i
    return last


# a body the clause before sets up (…合并组建县矛盾调处中心，实行“X”): what the next clause says it
# practises is its own way of working
_CLAUSE_MARK = re.compile("[，；：]")
_SET_UP = re.compile("(?:整合为|合并为|组建|建成|成立|挂牌成立|组建成立)了?$")
_PRACTISE = re.compile("(?:实行|推行|运行|采取|采用|实施)")


def _new_body(doc: Doc, actors: list, pos: int) -> tuple[str, str] | None:
    """The body set up at the end of the clause before the one of ``pos``, when that clause opens
    on a verb of practice (…组建县矛盾调处中心，实行“X”): the new body. ``actors``
    sorted by start."""
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    cs = _mark_before(text, ss, pos, "，；") + 1
    if cs <= 0 or not _PRACTISE.match(text, cs) or _CLAUSE_MARK.search(text, cs, pos):
        return None
    i = bisect_left(actors, (cs,)) - 1
    best = None
    while i >= 0 and actors[i][0] >= ss and actors[i][1] >= cs - 1:  # the longest body ending at the mark
        s, e, k = actors[i]
        if e == cs - 1 and k[0] == "Agency" and (best is None or s < best[0]):
            best = (s, k)
        i -= 1
    if best is None:
        return None
    # the set-up verb right before the body, or before the place or body its name is written on
    j = bisect_left(actors, (best[0],)) - 1
    s = best[0]
    while j >= 0 and actors[j][1] == s:
        s = actors[j][0]
        j -= 1
    return best[1] if _SET_UP.search(text, max(ss, s - 6), s) or _SET_UP.search(text, max(ss, best[0] - 6), best[0]) else None


# the bodies a report has named together, by their number (两部门, 三家单位): a clause's subject
_COUNTED = re.compile("(?<![在向对与和及给把将从由])([两二三四五六七八九])(?:个|家)?(?:部门|单位)(?![的之])")
# (every match has 部门 or 单位 one or two characters on: only there is _COUNTED tried, not at every character)
_NUMBER = {c: n for n, c in enumerate("一两三四五六七八九", 1)} | {"二": 2}
_LISTED = re.compile("(?:、|和|与|及|以及|同|会同|联合)$")


def _counted_bodies(doc: Doc, actors: list, pos: int, counts: tuple) -> list[tuple[str, str]]:
    """The bodies 两部门 / 三家单位 heading the clause of ``pos`` (or the sentence's clause before
    it, with no actor between) stand for: the last bodies of that number the text named together
    before it (A、B、C联合开展…。…三部门建立“X”). [] where there is no such mention or list.
    ``counts``: the text's ``_COUNTED`` matches and their starts; ``actors`` sorted by start."""
    starts, counts = counts
    if not counts:
        return []
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    i = bisect_left(starts, pos) - 1
    if i < 0 or counts[i].start() < ss:
        return []
    m = counts[i]
    j, k = bisect_left(actors, (m.end(),)), bisect_left(actors, (pos,))
    mark = _mark_before(text, ss, m.start(), "，；：")
    if j < k or (mark < 0 and m.start() - ss > _CLAUSE_REACH) \
            or not _HEAD_LEAD.fullmatch(text, mark + 1 if mark >= 0 else ss, m.start()):
        return []  # (another actor between it and the thing, or words before it in its clause)
    n = _NUMBER[m.group(1)]
    # the outermost bodies before it, and the runs of them joined by 、/和/联合 …, the last first
    bodies = []
    for s, e, key in actors[bisect_left(actors, (m.start() - 1500,)):bisect_left(actors, (m.start(),))]:
        if key[0] != "Agency":
            continue
        if bodies and s < bodies[-1][1]:
            if e > bodies[-1][1]:
                bodies[-1] = (bodies[-1][0], e, key)
            continue
        bodies.append((s, e, key))
    run: list = []
    for s, e, key in reversed(bodies):
        if run and _LISTED.search(text, max(0, run[0][0] - 2), run[0][0]) and text[e:run[0][0]] in \
                ("、", "和", "与", "及", "以及", "同", "会同", "联合"):
            run.insert(0, (s, e, key))
            continue
        if len(dict.fromkeys(k for _, _, k in run)) == n:
            break
        run = [(s, e, key)]
    keys = list(dict.fromkeys(k for _, _, k in run))
    return keys if len(keys) == n else []


_LEADS = re.compile("牵头(?:组织)?$")


def _leader(doc: Doc, actors: list, pos: int) -> tuple[str, str] | None:
    """The body leading the clause right before the one of ``pos`` (某办牵头，县公安局、县司法局联合
    开展“X”): one more doer. ``actors`` sorted by start."""
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    cs = _mark_before(text, ss, pos, "，；") + 1
    if cs <= 0:
        return None
    if not _LEADS.search(text, max(ss, cs - 5), cs - 1):
        # …牵头，X、Y参与，开展“Z”: a leading clause further back in the sentence
        lead = text.rfind("牵头，", max(ss, pos - _CLAUSE_REACH), cs)
        if lead < 0:
            return None
        cs = lead + 3
    lead = text.rfind("牵头", max(ss, cs - 5), cs)
    pcs = max(_mark_before(text, ss, lead, "，；") + 1, ss, lead - _CLAUSE_REACH)
    firsts = actors[bisect_left(actors, (pcs,)):bisect_left(actors, (lead,))]
    ends = [a for a in firsts if a[1] == lead and a[2][0] == "Agency"]
    if not ends or not _HEAD_LEAD.fullmatch(text, pcs, min(a[0] for a in firsts)):
        return None
    return min(ends)[2]  # (the body written out from the clause's start)


_COORDINATES = re.compile("(?:具体|负责)?(?:统筹|牵头|主抓|负责组织|组织实施|具体实施)")


def _coordinator(doc: Doc, actors: list, pos: int, marks: list) -> tuple[str, str] | None:
    """The body heading the clause right after the one of ``pos`` as the one coordinating it
    (某县实施“X”行动，县委政法委负责统筹，…): one more doer. ``marks``: the clause marks, ascending."""
    text = doc.text
    _, se = doc.sentence_at(pos)
    j = bisect_left(marks, pos)
    if j >= len(marks) or marks[j] >= se or text[marks[j]] != "，":
        return None
    i = bisect_left(actors, (marks[j] + 1,))
    if i >= len(actors) or actors[i][0] != marks[j] + 1 or actors[i][2][0] != "Agency":
        return None
    end = max(a[1] for a in actors[i:i + 4] if a[0] == marks[j] + 1)
    key = next(a[2] for a in actors[i:i + 4] if a[0] == marks[j] + 1 and a[1] == end)
    return key if _COORDINATES.match(text, end) else None


# 此次行动由某委牵头，…: the body leading the drive the sentence before names
_LED_DRIVE = re.compile("(?:此次|本次|该|这次)(?:专项)?(?:行动|活动|专项斗争|专项整治)由")
_LED_BY = re.compile("(?:牵头|组织|负责|主办|统筹)")


def _led_drives(doc: Doc, actors: list, named_keys: list, ex: Extraction) -> None:
    text = doc.text
    if "由" not in text:
        return
    drives = sorted((h.start, k) for h, k in named_keys if h.type == "Campaign")
    for m in finditer_from(_LED_DRIVE, text, "此本该这"):
        i = bisect_left(actors, (m.end(),))
        if i >= len(actors) or actors[i][0] != m.end() or actors[i][2][0] != "Agency":
            continue
        end = max(a[1] for a in actors[i:] if a[0] == m.end())
        key = next(a[2] for a in actors[i:] if a[0] == m.end() and a[1] == end)
        ss, _ = doc.sentence_at(m.start())
        j = bisect_left(drives, (ss,)) - 1
        if not _LED_BY.match(text, end) or j < 0 or drives[j][0] < doc.sentence_at(max(0, ss - 1))[0]:
            continue  # (only a drive the sentence just before names)
        q, b, qe = doc.quote(m.start())
        ex.relations.append(Relation(key, "conducts", drives[j][1], q, b, qe))


# a sentence opening on orders followed (为贯彻落实省厅“X”行动部署，…): who heads the next clause carries the drive out
_COMPLYING = re.compile(_OPENING_LEAD + "(?:为(?:深入|全面|认真)?(?:贯彻落实|贯彻|落实)|按照|根据|依据|响应)")
_ORDERS = re.compile("[^，。；“”]{0,12}?(?:部署|要求|安排|号召)(?:要求)?，")


def _complier(doc: Doc, h, index: "_DoerIndex") -> tuple[str, str] | None:
    """The body or place heading the clause after an opening on the orders a drive ``h`` comes
    with (为贯彻落实省公安厅“百日攻坚”行动部署，某县公安局闻令而动，…; 按照市里“X”专项行动要求，某镇…):
    it conducts the drive too. None where the sentence opens otherwise."""
    text = doc.text
    ss, se = doc.sentence_at(h.start)
    m = _COMPLYING.match(text, ss, h.start)
    if m is None or PAUSE_MARK.search(text, m.end(), h.start):
        return None
    o = _ORDERS.match(text, h.end, se)
    if o is None:
        return None
    first = index.first_in_sentence(o.end(), se)
    if first is None or not _heads_clause(text, index.actors, o.end(), first[0]):
        return None
    return first[1]


# a thing a body or place is said to practise in a relative clause (该县推行的“X”, 某镇探索出的“X”)
_RELATIVE_END = re.compile("(?:出|了)?的[“「]?$")
_RELATIVE_LEAD = re.compile("(?:所|率先|创新|积极|全面|首创)$")


def _relative_doer(doc: Doc, actors: list, h) -> tuple[str, str] | None:
    """The body or place right before a verb of doing and 的 before the thing ``h``
    (对该县推行的“X”表示赞赏): whoever governs the clause, it is what does the thing.
    ``actors`` sorted by start."""
    text = doc.text
    before = _RELATIVE_END.sub("", text[max(0, h.start - 12):h.start])
    if len(before) == min(12, h.start):
        return None  # (no 的 right before the thing)
    verb = next((v for v in _verbs_longest_first(h.type) if before.endswith(v)), None)
    if verb is None:
        return None
    at = h.start - (min(12, h.start) - len(before)) - len(verb)
    lead = _RELATIVE_LEAD.search(text, max(0, at - 2), at)
    at = lead.start() if lead else at
    i = bisect_left(actors, (at,)) - 1
    best = None
    while i >= 0 and actors[i][1] >= at - 1:
        if actors[i][1] == at and (best is None or actors[i][0] < best[0]):
            best = actors[i]
        i -= 1
    return best[2] if best is not None and best[2][0] in ("Agency", "Place") else None


# a thing a visitor inspects (调研“X”, 检查指导“X”落实成效): not the visitor's deed
_INSPECTED = re.compile("(?:调研|督导|督查|检查|视察|考察|观摩|检查指导|督导检查|调研指导)(?:了)?[“「]?$")
_VISITED = re.compile("(?:到|赴|深入|前往|走进)$")


def _inspected_place(doc: Doc, actors: list, pos: int) -> tuple[str, str] | None:
    """The place a visit goes to in the clause of ``pos`` (到某镇调研“X”): the thing inspected
    there is its own; None where the clause names none."""
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    cs = max(_mark_before(text, ss, pos, "，；：") + 1, ss)
    visited = None
    for s, e, k in actors[bisect_left(actors, (cs,)):bisect_left(actors, (pos,))]:
        if _VISITED.search(text, max(0, s - 2), s) or (visited is not None and s == visited[1]):
            visited = (s, e, k)  # (the places written on from it: 到某县某镇)
    return visited[2] if visited is not None else None


# what the bodies 由 names after a thing do to it (由县委政法委牵头、县公安局具体实施)
_CHARGED_WITH = re.compile("(?:负责|牵头|具体|统一|组织|共同)*(?:实施|建设|推进|开展|承建|运维|组织实施|推动|落实|运行)")
_CHARGE_JOIN = re.compile("(?:牵头|负责|统筹|主抓)?(?:、|和|与|及|，)(?:由)?")


def _charged(doc: Doc, actors: list, h, index: "_DoerIndex") -> list[tuple[str, str]]:
    """The bodies 由 names after the thing ``h`` in its sentence as the ones charged with it
    (“X”由县委政法委牵头、县公安局具体实施; “X”是…工程，由县公安局负责组织实施): each body joined
    to the one before by 、/和 (after 牵头 …), where a verb of doing follows the last. ``actors``
    sorted by start."""
    text = doc.text
    _, se = doc.sentence_at(h.start)
    out, end = [], None
    stop = min(se, h.end + _CLAUSE_REACH // 2)  # (a few words on only: a long sentence is not read for each thing)
    if text.find("由", max(0, h.end - 1), stop - 1) < 0:
        return []  # (no 由 before an actor starting there: most things, whose actors need not be read)
    i = bisect_left(index.starts, h.end)
    while i < len(actors) and actors[i][0] < (stop if end is None else se) and len(out) < 6:
        s, e, k = actors[i]
        i += 1
        if end is not None and s - end > 8:
            break  # (the next body joined on stands right after the last)
        if index.in_named[i - 1] or (end is not None and s < end) or k[0] != "Agency":
            continue
        while i < len(actors) and actors[i][0] == s and actors[i][2][0] == "Agency":  # the whole unit from there
            e, k = actors[i][1], actors[i][2]
            i += 1
        if end is None and text[s - 1:s] != "由":
            continue
        if end is not None and not _CHARGE_JOIN.fullmatch(text, end, s):
            break
        out.append(k)
        end = e
        if _CHARGED_WITH.match(text, e):
            return out
    return []


_BRIEF = 6  # how long a clause of a bare predicate is (主动作为, 统筹协调, 高度重视)
_ROLE_OF_LEAD = re.compile("统筹|牵头|协调|主导|主抓")
_TOGETHER_AFTER = re.compile("配合|参与|协助|协同|共同|联合|一起|携手")


def _brief_lead(doc: Doc, pos: int, actor, index: "_DoerIndex") -> tuple[str, str] | None:
    """The sentence's first actor, where a later clause's head does the thing at ``pos``
    (``actor``, see :meth:`_DoerIndex.later_head`) and the first's own clause is a bare predicate
    with no object (A主动作为，B积极配合，共同建立“X”; A统筹协调，B具体负责，推进“X”): it acts too.
    None where its clause goes on to an object of its own (A在全市部署整治，B迅速响应，开展“X”)."""
    ss, se = doc.sentence_at(pos)
    first = index.first_in_sentence(ss, se)
    if actor is None or first is None or first[1] == actor or first[0] >= pos:
        return None
    i = bisect_left(index.starts, first[0])
    end = max(a[1] for a in index.actors[i:i + 4] if a[0] == first[0])
    j = bisect_left(index.marks, end)
    if j >= len(index.marks) or index.marks[j] - end > _BRIEF or doc.text[index.marks[j]] != "，" \
            or bisect_left(index.starts, index.marks[j]) > bisect_left(index.starts, end) \
            or _NOT_ACTING.match(doc.text, end) and not _ROLE_OF_LEAD.search(doc.text, end, index.marks[j]) \
            or index.later_head(ss, se, first[0], pos) != actor:
        return None
    # …where the two are said to act together: the first leads (统筹), the later helps (配合), or 共同
    if _ROLE_OF_LEAD.search(doc.text, end, index.marks[j]) or _TOGETHER_AFTER.search(doc.text, index.marks[j], pos):
        return first[1]
    return None


def _served(doc: Doc, actors: list, h) -> tuple[str, str] | None:
    """The body or place 为 governs right before a verb that acts on the named thing ``h`` in its
    clause (…为某镇建立“X”机制创造了条件): the verb's doer, not the clause's subject."""
    text = doc.text
    ss, _ = doc.sentence_at(h.start)
    cs = max(_mark_before(text, ss, h.start, "，；：") + 1, ss, h.start - _CLAUSE_REACH)
    for s, e, k in reversed(actors[bisect_left(actors, (cs,)):bisect_left(actors, (h.start,))]):
        if text[s - 1:s] == "为" and e < h.start:
            verb = text[e:h.start].rstrip("“「")
            if any(verb == v or verb.endswith(v) and len(verb) - len(v) <= 2 for v in _trigger_verbs().get(h.type, ())):
                return k
            return None
    return None


# a thing another is put into (把“X”纳入“Y”建设考评): the frame the clause's doer puts X in, not its deed
_INTO = re.compile("(?:纳入|列入|融入|写入|编入|向)[“「]?$")  # (…正向“Y”转变: a goal)
_SINCE = re.compile("[”」]?以来")
# an official's words after the body, title and name (某局局长某人在会上要求，…): calls on others,
# or an account in which the body acts only where a verb of doing governs the thing
_SPEECH = re.compile("[^，。；：“”]{1,4}?(?:在?[^，。；：“”]{1,24}?(?:上|时|中|期间))?(?:(要求|强调|指出|提出)|说|表示|介绍|称)[，：]")
_MEANS = re.compile("(?:通过|根据|按照|依托|借助|围绕|以)$")


@lru_cache(maxsize=1)
def _trigger_verbs() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split()) for row in load_table("relation_triggers.txt") if len(row) >= 2}


@lru_cache(maxsize=None)
def _verbs_longest_first(kind: str) -> tuple[str, ...]:
    return tuple(sorted(_trigger_verbs().get(kind, ()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _all_trigger_verbs() -> tuple[str, ...]:
    return tuple({v for verbs in _trigger_verbs().values() for v in verbs})


def _speeches(doc: Doc, actors: list) -> list[tuple[int, int, tuple[str, str], bool]]:
    """Each official's words a report quotes after the body, title and name (某局局长某人表示，…):
    where the words start, the start of the speaker's body, its key and whether they are a call
    (要求, 强调 …), ascending. ``actors`` sorted by start."""
    text = doc.text
    out = []
    titles = _titles_after(doc)
    for s, e, k in actors:
        t = _title_after(text, e, titles)
        t = t[1] if t is not None else None
        m = _SPEECH.match(text, t) if t is not None else None
        if m is not None:
            out.append((m.end(), s, k, m.group(1) is not None))
    return sorted(out)


def _titles_after(doc: Doc) -> dict:
    """The report's answers of :func:`_title_after`, by position (:func:`post_bodies` and
    :func:`_speeches` ask after the same actors)."""
    return doc.memo.setdefault(_title_after, {})


def _title_after(text: str, at: int, memo: dict) -> tuple[int, int] | None:
    """Where the first post title starting 0 to 4 characters after ``at`` starts and ends (at
    each position the longest), or None; a caller with a shorter reach compares the start. At
    each position the titles' lengths for its character (longest first) are looked up in the set
    of titles, not each title compared (副 opens dozens)."""
    found = memo.get(at, memo)
    if found is memo:
        titles, lengths = _post_title_lengths()
        found = None
        for p in range(at, at + 5):
            for n in lengths.get(text[p:p + 1], ()):
                if p + n <= len(text) and text[p:p + n] in titles:
                    found = (p, p + n)
                    break
            if found is not None:
                break
        memo[at] = found
    return found


@lru_cache(maxsize=1)
def _post_title_lengths() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The post titles, and the lengths of those opening on each character, longest first."""
    lengths: dict[str, set[int]] = {}
    for t in _post_titles():
        lengths.setdefault(t[:1], set()).add(len(t))
    return frozenset(_post_titles()), {c: tuple(sorted(v, reverse=True)) for c, v in lengths.items()}


def _unsaid_by_speaker(doc: Doc, speeches: list, actor: tuple[str, str], h) -> bool:
    """Is ``actor`` at the named thing ``h`` only the body of an official whose words hold the
    thing (县委书记某人要求，让“X”成为…; 某所所长某人说，“X”帮了大忙), not its doer? A call
    (要求, 强调, 指出 …) is for others to answer; in an account (说, 表示, 介绍) the body does
    what a verb of doing before the thing says it does (…表示，将推进“X”). ``speeches``: the
    report's :func:`_speeches`."""
    text = doc.text
    ss, _ = doc.sentence_at(h.start)
    i = bisect_right(speeches, (h.start, float("inf"))) - 1
    lo = i - 8  # (the last few speakers of the sentence, the last first: a list of hundreds reads no further)
    while i >= max(0, lo) and speeches[i][1] >= ss:
        start, _, key, call = speeches[i]
        i -= 1
        if key != actor:
            continue
        if call:
            return True
        cs = max(text.rfind(c, start, h.start) for c in "，；：") + 1
        before = text[max(cs, start):h.start].rstrip("“「")
        return _MEANS.search(before) is not None or not any(v in before for v in _trigger_verbs().get(h.type, ()))
    return False


def _actor_naive(doc: Doc, actors: list, governed: set, pos: int, named, focal_key=None) -> tuple[str, str] | None:
    """:func:`_actor` as first written, scanning the report's actors for each named thing (a
    test checks the indexed one against it)."""
    text = doc.text
    ss, se = doc.sentence_at(pos)
    inside = _specific([(s, e, k) for s, e, k in actors if ss <= s < se and not any(n.start <= s < n.end for n in named)], text)
    cs = max(text.rfind(c, ss, pos) for c in "，；：") + 1
    cs = max(cs, ss)
    clause = [(s, e, k) for s, e, k in inside if cs <= s and e <= pos and (s, e) not in governed]
    if clause:
        return clause[-1][2]
    ce = min([se] + [i for i in range(pos, se) if text[i] in "，；："])
    found = _agent_after(text, actors, pos, ce, lambda n: any(h.start <= actors[n][0] < h.end for h in named))
    if found is not None:
        return found
    if focal_key and _WHOLE_CLAUSE.match(text[cs:pos]):
        return focal_key
    free = [(s, e, k) for s, e, k in inside if (s, e) not in governed]
    if free and free[0][0] < pos:
        clause_of = lambda p: max([ss] + [text.rfind(c, ss, p) + 1 for c in "，；："])
        heads = [k for s, e, k in free if s > free[0][0] and e <= pos and clause_of(s) > clause_of(free[0][0])
                 and _heads_clause(text, actors, clause_of(s), s) and not _NOT_ACTING.match(text, e)
                 and not _LIST_ON.match(text, e)]
        return heads[-1] if heads else free[0][2]
    free = [(s, k) for s, e, k in free]
    framed = _frame(text, actors, ss, se)
    if framed is not None and framed[0] <= pos:
        return framed[1][0]
    if free and _ADVERBIAL.match(text[:se], ss) and _heads_clause(
            text, actors, max([ss] + [text.rfind(c, ss, free[0][0]) + 1 for c in "，；："]), free[0][0]):
        heads = [i + 1 for i in range(pos, free[0][0]) if text[i] in "，；："]
        return focal_key if focal_key and any(_WHOLE_CLAUSE.match(text, c) for c in heads) else free[0][1]
    if focal_key and _WHOLE_PLACE_PLAIN.search(text[ss:pos]):
        return focal_key
    if (m := _CENTRAL_VOICE.search(text, ss, se)) and m.start() <= pos:
        return None
    # carried over from earlier sentences of the paragraph, only when they all had one subject
    ps = text.rfind("\n", 0, ss) + 1
    subjects = {}
    for s, e, k in _specific([a for a in actors if ps <= a[0] < ss], text):
        if (s, e) not in governed:
            subjects.setdefault(doc.sentence_at(s), k)
    return next(iter(set(subjects.values()))) if len(set(subjects.values())) == 1 else None


# what follows a list of bodies heading a sentence as its subject (A、B联合出台…; A和B高度重视…), not
# as the holder of what follows (A、B等单位负责人…, A和B的…)
_JOINT_HEAD = re.compile("(?!等|的|之|所|[^，。；：]{0,6}(?:负责人|主要领导|领导|干部|人员|代表))")
_PAUSE_IN_GAP = re.compile("[，。；：]")
_STOP_IN_REST = re.compile("[。；：]")
_JOINT = re.compile("(?:、|和|与|及|以及|同|联合|会同|携手|协同|并)$")


def _coactors(doc: Doc, actors: list, key: tuple[str, str], pos: int,
              index: _DoerIndex | None = None) -> list[tuple[str, str]]:
    """The bodies acting together with ``key`` before ``pos`` in its clause: A、B、C联合开展, A与B建立,
    A联合B开展 — each joined to the one before by nothing but 、/和/与/联合 …, the last one followed
    by nothing but a few words before the thing (共同, 联合, 在全县 …). ``actors`` sorted by start;
    ``index``: their :class:`_DoerIndex`, so that a long sentence is not read again for each thing
    (without it, the plain scan a test checks the indexed one against)."""
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    lo, hi = bisect_left(actors, (ss,)), bisect_left(actors, (pos,))
    if index is None:
        mine = [a for a in actors[lo:hi] if a[2] == key and a[1] <= pos]
        if not mine:
            return []
        start, end = mine[-1][0], mine[-1][1]
        chain = _specific(actors[bisect_left(actors, (end,)):hi], text)
    else:
        own = index.by_key.get(key, [])
        j = bisect_left(own, hi) - 1
        while j >= 0 and own[j] >= lo and actors[own[j]][1] > pos:
            j -= 1
        if j < 0 or own[j] < lo:
            return []
        start, end = actors[own[j]][0], actors[own[j]][1]
        chain = index.specific_between(bisect_left(actors, (end,)), hi, end, pos)
    out = []
    for s, e, k in chain:
        if e > pos:
            continue
        gap = text[end:s]
        if len(gap) > 2 or not _JOINT.search(gap) or _PAUSE_IN_GAP.search(gap):
            break
        if k != key and k not in out:
            out.append(k)
        end = e
    rest = text[end:pos]  # …联合县公安局某派出所，在全镇开展“X”: one comma before a short adverbial
    if not out or _STOP_IN_REST.search(rest):
        return []
    if rest.count("，") > 1 or len(rest) > 16 or (
            "，" in rest and not re.match("(?:在|于|共同|联合|一起|携手|全面|深入|分别|积极)", rest.split("，")[1])):
        # bodies listed at the head of the sentence are its subject all through (A与B、C会签文件，建立“X”)
        # …, and the thing's clause is theirs when a verb of doing governs it (…，群众的问题“一站式”受理: not)
        return out if _JOINT_HEAD.match(text, end) and _heads_clause(text, actors, ss, start) \
            and text[max(end, pos - 8):pos].rstrip("“「").endswith(_all_trigger_verbs()) else []
    return out


# a body a clause's doer acts with (联合, 会同) or for (配合, 协助: the one it helps acts too), or
# that it gets to act (组织县法院、县检察院开展…)
_JOINING_BEFORE = re.compile("(?:联合|会同|携手|协同|配合|协助|组织)$")
_LIST_JOINS = ("、", "和", "及", "与", "以及")
_TOGETHER = re.compile("(?:共同|一起|一道|联合|携手|合作)")


def _respective(doc: Doc, h, named: list, found: list, actors: list) -> list[tuple[str, str]]:
    """A、B、C分别推行“X”、“Y”和“Z”: where 分别 pairs as many doers listed right before it with as
    many named things in its clause, the one in the thing's place (and whoever else ``found`` holds
    that is not listed: a place whose drive it is); else ``found``. ``actors`` sorted by start."""
    text = doc.text
    ss, _ = doc.sentence_at(h.start)
    i = text.rfind("分别", ss, h.start)
    if i < 0 or any(c in text[i:h.start] for c in "，。；：\n"):
        return found
    ce = min((j for j in (text.find(c, h.end) for c in "，。；\n") if j >= 0), default=len(text))
    things = [x for x in named if i < x.start < ce and x.type in PREDICATE]
    # the doers listed right before 分别, joined by nothing but 、/和/及/与 (the most specific of each)
    listed: list = []
    end = i
    for s, e, k in reversed(_specific(actors[bisect_left(actors, (ss,)):bisect_left(actors, (i,))], text)):
        if e > end:
            continue
        if text[e:end] not in (_LIST_JOINS if listed else ("",)):
            break
        listed.insert(0, k)
        end = s
    if len(listed) < 2 or len(listed) != len(things) or h not in things:
        return found
    return [listed[things.index(h)]] + [k for k in found if k not in listed]


def _joined_by(doc: Doc, actors: list, pos: int) -> list[tuple[str, str]]:
    """联合X开展“Y” / 会同X推行“Y” / 配合X开展“Y”: the bodies a clause joins to its doer, right
    before the verb; a list after the joining word joins whole (联合A、B、C开展“Y”)."""
    text = doc.text
    cs = max(text.rfind(c, max(0, pos - 80), pos) for c in "，。；：\n") + 1
    # only a list ending within 8 characters of pos joins, and what refines it ends there too: the
    # actors of the last 120 characters (no list of bodies' names is longer), not all since cs
    lo = bisect_left(actors, (max(cs, pos - 120),))
    found = _specific(actors[lo:bisect_left(actors, (pos,))], text)
    out = []
    for i, (s, e, k) in enumerate(found):
        if e > pos or not (_JOINING_BEFORE.search(text[max(cs, s - 4):s]) or (
                text[s - 1:s] in ("与", "同", "和") and _TOGETHER.match(text, e))):  # …，与县司法局共同推出“X”
            continue
        listed = [k]
        for s2, e2, k2 in found[i + 1:]:
            if text[e:s2] not in _LIST_JOINS or e2 > pos:
                break
            listed.append(k2)
            e = e2
        if len(text[e:pos]) <= 8:
            out.extend(listed)
    return out


def _coholders(doc: Doc, recipients: list, who: tuple[str, str], pos: int,
               by_key: dict | None = None) -> list[tuple[str, str]]:
    """The holders listed with ``who`` right before it (A、B和C被评为…): each of its kind, joined to
    the next by nothing but 、/和/及/与. ``recipients`` sorted by start; ``by_key``: each key's
    indexes in it (made here when not given), so that a long sentence is not read for each honor."""
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    lo, hi = bisect_left(recipients, (ss,)), bisect_left(recipients, (pos,))
    if by_key is None:
        by_key = _indexes_by_key(recipients)
    own = by_key.get(who, [])
    j = bisect_left(own, hi) - 1  # who's last mention in [lo, hi) ending by pos
    while j >= 0 and own[j] >= lo and recipients[own[j]][1] > pos:
        j -= 1
    if j < 0 or own[j] < lo:
        return []
    start = recipients[own[j]][0]
    out = []
    for i in range(bisect_left(recipients, (start,)) - 1, lo - 1, -1):
        s, e, k = recipients[i]
        if e > start:
            continue
        gap = text[e:start]
        if k[0] != who[0] or not (gap in _LIST_JOINS or (
                k[0] == "Person" and gap[:1] in "、和及与" and gap[1:] in _post_title_set())):
            break  # (所长张某、民警李某: persons each named with a title)
        out.insert(0, k)
        start = s
    return out


def _indexes_by_key(items: list) -> dict:
    """Each key (an item's third field) → the indexes of its items, ascending."""
    out: dict = {}
    for i, item in enumerate(items):
        out.setdefault(item[2], []).append(i)
    return out


def _governed(actors: list, text: str) -> set[tuple[int, int]]:
    """Mentions a preposition governs, with the places written right after them
    (到杉木桥镇沅坪村: both the township and the village); not a body 由 names as the one that acts
    (由县公安局牵头…)."""
    out = set()
    prev_end, prev_gov = -1, False
    for s, e, k in sorted(actors):
        gov = (not _free(text, s) and not (k[0] == "Agency" and text[s - 1:s] == "由")) or (s == prev_end and prev_gov)
        if gov:
            out.add((s, e))
        prev_end, prev_gov = e, gov
    return out


def _headline_agency(doc: Doc, ag_keys) -> tuple[str, str] | None:
    """A report whose headline names an agency (慈利县公安局工作掠影) is about that agency."""
    text = doc.text
    first = text.split("\n", 1)[0]
    if len(first) > 80:
        return None
    for a, k in ag_keys:
        if a.start < len(first) and a.parent is None and not _MEDIA.match(text, a.end):
            return _with_unit(a, k, ag_keys)  # (某县人民政府网 > 政务公开: a site's breadcrumb names no body)
    return None


def _with_unit(a, k, ag_keys):
    """The unit written on with its body (某县公安局某派出所: the station), else the body."""
    units = [(u.end, uk) for u, uk in ag_keys if u.start == a.start and u.end > a.end and u.parent is not None]
    return max(units)[1] if units else k


@lru_cache(maxsize=1)
def _post_titles() -> tuple[str, ...]:
    return tuple(sorted(load_set("posts.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _post_title_set() -> frozenset[str]:
    return frozenset(_post_titles()) | {"民警", "辅警", "干警", "法官", "检察官", "调解员", "网格员", "律师", "干部"}


_LEAD = re.compile("[^，。；]{0,12}|[^，。；]{0,60}，(?:[一-龥]{0,8}[省市县区州盟旗])?")


def _lead_agency(doc: Doc, ag_keys, governed: set, places=(), focal_key=None) -> tuple[str, str] | None:
    """The body a report is about when its headline names none: the agency that is the subject
    of its first sentences (凤凰县检察院聚焦…，推行…), not one a preposition governs; none where
    the report's own place heads a sentence before it (某县坚持…，出台四条措施。…: the place's report)."""
    text = doc.text
    body = text.find("\n") + 1 if len(text.split("\n", 1)[0]) <= 80 else 0
    own = [h.start for h in places if focal_key is not None and body <= h.start <= body + 200 and ("Place", h.place.id) == focal_key
           and (h.start, h.end) not in governed and _LEAD.fullmatch(text, doc.sentence_at(h.start)[0], h.start)
           and text[h.end:h.end + 1] not in "“「\"的"  # (not a place naming what follows: 某县“X”行动)
           and not any(a.start <= h.start < a.end for a, _ in ag_keys if a.start <= body + 200)]  # (not one a body's name holds)
    for a, k in ag_keys:
        if a.start < body or a.parent is not None or (a.start, a.end) in governed or _MEDIA.match(text, a.end) \
                or _SOURCE.search(text, max(0, a.start - 4), a.start):
            continue
        if re.search("(?:[省市县区旗州盟]委|人民政府|政府)$", a.name):
            return None  # 攸县委, 县政府 leading: the county itself acts
        if a.start > body + 200:
            return None
        if re.match("(?:常务副|副)?", text[a.end:a.end + 3]) and text.startswith(_post_titles(), a.end + len(
                re.match("(?:常务副|副)?", text[a.end:a.end + 3]).group(0))):
            continue  # 某市政协副主席、某县委书记X: the body of a person's post, no doer
        ss, _ = doc.sentence_at(a.start)
        if own and min(own) < ss:
            return None
        # the clause's subject: nothing but a date, a place or a few words before it, after at
        # most one opening clause (党史学习教育以来，某省某县检察院…; 为落实…部署，某县司法局…)
        lead = text[ss:a.start]
        if _LEAD.fullmatch(lead):
            return _with_unit(a, k, ag_keys)
        cs = ss + lead.rfind("，") + 1
        if 0 < cs - ss <= 61 and _places_only(places, cs, a.start):
            return _with_unit(a, k, ag_keys)  # …部署要求，山东单县司法局: the places before it are its own
    return None


def _places_only(places, s: int, e: int) -> bool:
    """Is ``text[s:e]`` nothing but place mentions written one after another?"""
    spans = {h.start: h.end for h in places}
    while s < e and s in spans:
        s = spans[s]
    return s == e


def _own_bodies(ex: Extraction, ctx) -> dict[str, tuple[str, str]]:
    """The report's own county's bodies by kind (公安局, 检察院, 法院, 司法局), where it names them."""
    out: dict[str, tuple[str, str]] = {}
    county = ctx.county.id if ctx.county else None
    for e in ex.entities.values():
        if e.type == "Agency" and county and e.attrs.get("jurisdiction") == county and not e.attrs.get("parent"):
            for kind in ("公安局", "检察院", "法院", "司法局"):
                if e.name.endswith(kind):
                    out.setdefault(kind, e.key)
    return out


def find_actors(doc: Doc, ag_keys: list, place_keys: list) -> list[tuple[int, int, tuple[str, str]]]:
    """The report's actors, (start, end, key) sorted by start: its agencies (``ag_keys``: hit,
    key), its places (``place_keys``) of a level that acts, and the places 该镇, 该县 … refer to."""
    # actors: agencies, and places that are not part of an agency's name; never a body naming a
    # site or the source of the page (某县人民政府网, 来源：某县融媒体中心)
    actors = [(a.start, a.end, k) for a, k in ag_keys
              if not _MEDIA.match(doc.text, a.end) and not _SOURCE.search(doc.text, max(0, a.start - 4), a.start)]
    spans = sorted((a.start, a.end) for a, _ in ag_keys)
    ag_starts, ag_reach = [a for a, _ in spans], list(accumulate((b for _, b in spans), max))
    actors += [(h.start, h.end, k) for h, k in place_keys
               if h.place.level in ("county", "prefecture", "province", "township", "village")
               and not ((i := bisect_right(ag_starts, h.start) - 1) >= 0 and ag_reach[i] >= h.end)
               and not _MEDIA.match(doc.text, h.end)]
    actors += _place_references(doc.text, place_keys)
    actors += _unit_references(doc.text, ag_keys)
    actors.sort()
    return actors


# a unit referred back to by its kind (该大队, 该派出所 …; 该局, 该院, 该所 are the agency finder's own)
_UNIT_REF = re.compile("该(大队|中队|支队|派出所|司法所|法庭|检察室|警务站|工作站|站|部|办|科|室)(?![长主])")


def _unit_references(text: str, ag_keys: list) -> list[tuple[int, int, tuple[str, str]]]:
    """该大队, 该派出所 …: the nearest body named before whose name ends with that kind, as an actor."""
    if "该" not in text:
        return []
    out = []
    ordered = sorted(((a.end, k) for a, k in ag_keys), key=lambda t: t[0])
    ends = [e for e, _ in ordered]
    for m in _UNIT_REF.finditer(text):
        i = bisect_right(ends, m.start()) - 1
        for j in range(i, max(-1, i - 30), -1):  # (the last few bodies named: a long list is not read again)
            k = ordered[j][1]
            if k[1].endswith(m.group(1)):
                out.append((m.start(), m.end(), k))
                break
    return out


def post_bodies(doc: Doc, actors: list) -> set[tuple[int, int]]:
    """The spans of the ``actors`` that are the bodies of a person's several posts
    (州政协副主席、县委书记李某介绍…): they name the posts, not a doer; one post
    (县公安局局长某人表示，将推进…) speaks for its body."""
    titles = _post_titles()
    text = doc.text
    holders = set()
    after = _titles_after(doc)
    for a in actors:
        # a title up to four characters on, with no clause mark before it
        mark = PAUSE_MARK.search(text, a[1], a[1] + 4)
        reach = mark.start() - a[1] if mark else 4
        t = _title_after(text, a[1], after)
        end = t[1] if t is not None and t[0] <= a[1] + reach else None
        if end is not None and (text[end:end + 1] == "、" or (text[a[0] - 1:a[0]] == "、"
                                                           and text.endswith(titles, 0, a[0] - 1))):
            holders.add(a[:2])
    holder_starts = {b[0] for b in holders}
    for a in reversed(actors):  # 湖南 + 湘西州政协副主席: the place before the body goes with it
        if a[1] in holder_starts:
            holders.add(a[:2])
            holder_starts.add(a[0])
    return holders


class Doers:
    """Who conducts, implements or adopts each named thing of a report (:meth:`of`), read from
    its doers (``doers``: the actors less the bodies of posts, sorted), and what a counted
    mention (三部门) stands for. Each reading's doer is kept as said (the thing's own sentence
    names it: ``said``), guessed (only the report's ``topic()`` gives it: ``guessed``) or as a
    learner (``learned``), as (doer, predicate, thing), for :func:`_drop_guesses` and
    :func:`_most_specific`."""

    def __init__(self, doc: Doc, actors: list, doers: list, governed: set, named, focal_key, topic, ctx) -> None:
        text = doc.text
        self.doc, self.actors, self.doers, self.governed, self.named = doc, actors, doers, governed, named
        self.focal_key, self.topic, self.ctx = focal_key, topic, ctx
        self.index = _DoerIndex(doc, doers, governed, named)
        self.learned: set = set()  # (learner, predicate, thing): taken up from another's example
        # (doer, predicate, thing) read from the thing's own sentence, and those only the report's topic gives
        self.said: set = set()
        self.guessed: set = set()
        counts = list(finditer_around(_COUNTED, text, ("部门", "单位"), 1, 2))
        self.counts = ([m.start() for m in counts], counts)
        self.speeches = _speeches(doc, doers)

    def counted(self, pos: int) -> list[tuple[str, str]]:
        """The bodies a counted mention (三部门) heading the clause of ``pos`` stands for."""
        return _counted_bodies(self.doc, self.doers, pos, self.counts)

    def of(self, h, thing: tuple[str, str]) -> list[tuple[str, str]]:
        """Who conducts, implements or adopts the named thing ``h`` (its entity's key ``thing``),
        in the order the relations are written."""
        doc, doers, governed, named, index = self.doc, self.doers, self.governed, self.named, self.index
        text, focal_key, topic, counts, speeches = doc.text, self.focal_key, self.topic, self.counts, self.speeches
        # (a thing another is put into, 纳入“Y”; a drive that only dates the clause, Y以来)
        into = _INTO.search(text, max(0, h.start - 4), h.start) is not None or (
            _SINCE.match(text, h.end) is not None and text[h.start - 1:h.start] in ("", "，", "。", "；", "\n"))
        actor = None if into else _actor(doc, doers, governed, h.start, named, focal_key, index)
        actor = _new_body(doc, doers, h.start) or actor
        actor = _served(doc, doers, h) or actor  # 为某镇建立“X”创造条件: the township sets it up
        actor = _relative_doer(doc, doers, h) or actor  # 对该县推行的“X”表示赞赏: the county's
        if actor is not None and not into and _INSPECTED.search(text, max(0, h.start - 8), h.start):
            actor = _inspected_place(doc, doers, h.start)  # 到某镇调研“X”: the township's, not the visitor's
        counted = _counted_bodies(doc, doers, h.start, counts)  # 三部门建立“X”: the three named before
        actor = counted[0] if counted else actor
        speaker = None
        if actor is not None and _unsaid_by_speaker(doc, speeches, actor, h):
            speaker, actor = actor, None  # (某局局长某人要求，把“X”…: what an official calls for is not the body's deed)
        if actor is None and not into and not _central_voice(doc, *doc.sentence_at(h.start), h.start):
            actor = topic()  # (what the centre calls for is not the report's body's deed)
            if actor == speaker:  # (…nor, by default, the speaker's body's: the report's place's)
                actor = focal_key
            if actor is not None:
                self.guessed.add((actor, PREDICATE[h.type], thing))
        elif actor is not None:
            self.said.add((actor, PREDICATE[h.type], thing))
        drive_of = _place_drive_actor(h, self.ctx)  # 平安X: X's own drive, beside whoever speaks of it
        owner = _level_owner(text, h, self.ctx)  # 州级“X”体系: the prefecture's, beside the county using it
        if owner is not None and drive_of is None:
            drive_of = owner
            self.learned.add((owner, PREDICATE[h.type], thing))  # (kept beside its own county's use: its own thing)
        learner = _learner(doc, doers, governed, h.start, named, focal_key, index, topic)  # 学习借鉴B“X”
        if learner is not None:
            self.learned.add((learner, PREDICATE[h.type], thing))
        if actor is not None or drive_of is not None or learner is not None:
            framed = index.frame(*doc.sentence_at(h.start))  # 在A县和B县，…: both
            framed = framed[1] if framed is not None and framed[0] <= h.start and actor in framed[1] else []
            complier = _complier(doc, h, index) if h.type == "Campaign" else None  # 为落实A“X”部署，B…
            complier = complier or _brief_lead(doc, h.start, actor, index)  # A主动作为，B积极配合，共同建立“X”
            charged = _charged(doc, doers, h, index)  # “X”由A牵头、B具体实施: A and B, beside the place it is of
            found = list(dict.fromkeys([a for a in [actor, drive_of, learner, complier, _leader(doc, doers, h.start),
                                                     _coordinator(doc, doers, h.start, index.marks)] if a]
                                       + framed + counted + charged + _coactors(doc, doers, actor, h.start, index)
                                       + _joined_by(doc, self.actors, h.start)))
            return _respective(doc, h, named, found, self.actors)
        return []
