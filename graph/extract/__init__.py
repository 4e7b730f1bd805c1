"""Extraction: one report's normalised text → an :class:`~graph.model.Extraction`.

Every rule is a pure function of the text and the report's context (its focal place
from the gazetteer), so each can be tested on a one-line sentence.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from ..dates import report_date
from ..gazetteer import Gazetteer, Place
from ..gazetteer import load as load_gazetteer
from ..manifest import given_focus
from ..model import Entity, Extraction, Post, Relation, Report, Statistic
from ..normalise import Normalised, normalise
from ..timing import stage
from .agencies import AgencyHit, find_agencies
from .components import fill_components
from .doc import Doc, Spans
from .honors import awardee, find_honors
from .named import find_named, strip_prefix
from .persons import find_persons
from .places import PlaceHit, find_context, find_places
from .statistics import find_statistics
from .subjects import SubjectFinder

__all__ = ["extract", "extract_text", "name_key"]

_STRIP = re.compile(r"[\s“”\"'‘’「」『』《》〈〉<>()（）【】\[\]]+")
_CAMPAIGN_TAIL = re.compile("(专项斗争|专项行动|专项整治行动|专项整治|行动|活动|创建活动|系列宣传活动|宣传活动)$")
# written forms of one name (诉前调解工作机制 / 诉前调解机制, “雪亮工程”建设 / 雪亮工程): one key
_NAMED_FORMS = {"Mechanism": re.compile("工作(?=(机制|模式|体系|制度)$)"), "Program": re.compile("(?<=(工程|平台|系统|中心))建设$")}
# …and a name a clause's opening word or a descriptive prefix ran into (根据乡村雪亮工程) keys as its core
_LEADING_WORDS = re.compile("^(?:根据|按照|依托|通过|围绕|针对|对于|关于|经过|随着|为了|由于|因为|虽然|但是|并且|同时|此外|其中|目前|以及)+")
_PREP_BEFORE = set("在以对向从为与和把将到于经由给及、")
PREDICATE = {"Campaign": "conducts", "Program": "implements", "Mechanism": "adopts"}


def name_key(name: str) -> str:
    """Canonical comparison form of a name: NFKC, no quotes, brackets or spaces."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", name))


def _place_entity(place: Place) -> Entity:
    e = Entity("Place", place.name, attrs={"key_name": place.id, "level": place.level, "code": place.code,
                                           "parent": place.parent})
    return e


def _named_key(t: str, name: str) -> str:
    k = name_key(name)
    if t == "Campaign":
        stem = _CAMPAIGN_TAIL.sub("", k)
        if len(stem) >= 2:
            k = stem
    elif t in _NAMED_FORMS:
        k = _NAMED_FORMS[t].sub("", k)
    if t not in PREDICATE:  # documents (关于…的意见), honors: their names as written
        return k
    core = strip_prefix(_LEADING_WORDS.sub("", k))
    return core if len(core) >= 4 and core[0].isalnum() else k  # never a key that opens with punctuation


def extract_text(text: str, report_id: str = "report", *, gazetteer: Gazetteer | None = None) -> Extraction:
    """Extract from a text (a convenience for tests and notebooks)."""
    return extract(Report(report_id, report_id, text, "utf-8"), gazetteer=gazetteer)


def extract(report: Report, *, gazetteer: Gazetteer | None = None, norm: Normalised | None = None) -> Extraction:
    with stage("extract"):
        return _extract(report, gazetteer or load_gazetteer(), norm)


def _extract(report: Report, gz: Gazetteer, norm: Normalised | None) -> Extraction:
    if norm is None:
        with stage("normalise"):
            norm = normalise(report.text, paragraphs=report.format not in ("text/plain", "text/markdown"))
    ctx = find_context(norm.text, gz)
    if report.meta.county:  # a manifest's county wins over the text's
        ctx = given_focus(ctx, report.meta.county, gz)
    doc = Doc(norm, report.id, ctx)
    ex = Extraction(report=report, script=norm.script)
    if ctx.focus is not None:
        ex.focus = ("Place", ctx.focus.id)
    ex.date = getattr(report_date(report.text, report.meta.date), "date", None)

    places = find_places(doc)
    place_keys: list[tuple[PlaceHit, tuple[str, str]]] = []
    for h in places:
        e = _place_entity(h.place)
        e.aliases.add(h.surface)
        e.mentions.append(doc.mention(h.start, h.end))
        ent = ex.add(e)
        place_keys.append((h, ent.key))
    agencies = find_agencies(doc, places)
    ag_keys: list[tuple[AgencyHit, tuple[str, str]]] = []
    for a in agencies:
        attrs = {"kind": a.kind}
        if a.jurisdiction is not None:
            attrs["jurisdiction"] = a.jurisdiction.id
            pe = _place_entity(a.jurisdiction)
            ex.entities.setdefault(pe.key, pe)
        if a.parent:
            attrs["parent"] = a.parent
        e = Entity("Agency", a.name, aliases=set(a.aliases), attrs=attrs)
        e.mentions.append(doc.mention(a.start, a.end))
        ent = ex.add(e)
        ag_keys.append((a, ent.key))
        q, b, qe = doc.quote(a.start)
        if a.jurisdiction is not None:
            ex.relations.append(Relation(ent.key, "jurisdiction", ("Place", a.jurisdiction.id), q, b, qe))
    _merge_short_forms(ex, ag_keys)
    taken = Spans((a.start, a.end) for a in agencies)
    named = find_named(doc, taken)
    fill_components(doc, named)
    # actors: agencies, and places that are not part of an agency's name
    actors = [(a.start, a.end, k) for a, k in ag_keys]
    spans = sorted((a.start, a.end) for a, _ in ag_keys)
    ag_starts, ag_reach = [a for a, _ in spans], list(accumulate((b for _, b in spans), max))
    actors += [(h.start, h.end, k) for h, k in place_keys
               if h.place.level in ("county", "prefecture", "province", "township", "village")
               and not ((i := bisect_right(ag_starts, h.start) - 1) >= 0 and ag_reach[i] >= h.end)]
    actors.sort()
    focal_key = ("Place", ctx.county.id) if ctx.county else (("Place", ctx.focus.id) if ctx.focus else None)
    # a report on one township is that township's, where no agency heads it
    town_key = ("Place", ctx.township.id) if ctx.township else None
    topic_key = _headline_agency(doc, ag_keys) or (town_key if town_key in ex.entities else focal_key)
    governed = _governed(actors, doc.text)  # mentions a preposition governs: never a subject
    named_topic = _headline_agency(doc, ag_keys) or _lead_agency(doc, ag_keys, governed) or focal_key
    # the bodies of a person's several posts (州政协副主席、县委书记李某介绍…) name the posts, not
    # a doer; one post (县公安局局长某人表示，将推进…) speaks for its body
    titles = _post_titles()
    text = doc.text
    titles_by_first = _post_titles_by_first()
    holders = set()
    for a in actors:
        end = next((a[1] + k + len(t) for k in range(5) if not re.search("[，。；、：]", text[a[1]:a[1] + k])
                    for t in titles_by_first.get(text[a[1] + k:a[1] + k + 1], ()) if text.startswith(t, a[1] + k)), None)
        if end is not None and (text[end:end + 1] == "、" or (text[a[0] - 1:a[0]] == "、"
                                                           and text.endswith(titles, 0, a[0] - 1))):
            holders.add(a[:2])
    holder_starts = {b[0] for b in holders}
    for a in reversed(actors):  # 湖南 + 湘西州政协副主席: the place before the body goes with it
        if a[1] in holder_starts:
            holders.add(a[:2])
            holder_starts.add(a[0])
    doers = [a for a in actors if a[:2] not in holders]
    named_keys = []
    index = _DoerIndex(doc, doers, governed, named)
    ag_index = _agency_index(ag_keys)
    for h in named:
        key_name = _named_key(h.type, h.name)
        e = Entity(h.type, h.name, aliases=set(h.aliases), attrs={"key_name": key_name},
                   components=list(h.components), formula_count=h.formula_count)
        e.mentions.append(doc.mention(h.start, h.end))
        ent = ex.add(e)
        named_keys.append((h, ent.key))
        q, b, qe = doc.quote(h.start)
        if h.type in PREDICATE:
            actor = _actor(doc, doers, governed, h.start, named, focal_key, index) or named_topic
            if actor is not None:
                ex.relations.append(Relation(actor, PREDICATE[h.type], ent.key, q, b, qe))
        elif h.type == "Document":
            for issuer in _issuers(doc, h.start, h.core_span, ag_keys, focal_key, named, ag_index):
                ex.relations.append(Relation(ent.key, "issuedBy", issuer, q, b, qe))
    persons = find_persons(doc, agencies, places)
    ag_by_span = {(h.start, h.end): k for h, k in place_keys} | {(a.start, a.end): k for a, k in ag_keys}
    person_keys = []
    for p in persons:
        e = Entity("Person", p.name, attrs={"key_name": p.name})
        e.mentions.append(doc.mention(p.start, p.end))
        ent = ex.add(e)
        person_keys.append((p.start, p.end, ent.key))
        q, b, qe = doc.quote(p.start)
        if p.evidence:  # a caption: the name and its post lines together
            b, qe = norm.to_original(*p.evidence)
            q = text_of(doc, p.evidence)
        for title, body in p.posts:
            org = ag_by_span.get((body.start, body.end)) if body else None
            if org:
                ex.posts.append(Post(ent.key, title, org, q, b, qe))
    whole = {w: ("Place", p.id) for w in ("县", "区", "旗", "市", "州", "盟", "省") if (p := ctx.level_place(w))}
    county_id = ctx.county.id if ctx.county else None
    # who each honor and figure is about: bodies, places and persons at the head of a clause
    recipients = sorted(actors + person_keys)
    starts = [s for s, _, _ in recipients]
    subjects = SubjectFinder(doc, recipients, governed, topic_key, whole, _own_bodies(ex, ctx),
                             lambda k: ex.entities[k].attrs if k in ex.entities else {}, county_id)
    honors = find_honors(doc, taken + [(h.start, h.end) for h in named], starts)
    for h in honors:
        e = Entity("Honor", h.name, aliases=set(h.aliases), attrs={"key_name": name_key(h.name)})
        e.mentions.append(doc.mention(h.start, h.end))
        ent = ex.add(e)
        q, b, qe = doc.quote(h.start)
        who = awardee(doc, h, recipients, starts, subjects, lambda k: ex.entities[k].name if k in ex.entities else None)
        if who is not None:
            ex.relations.append(Relation(ent.key, "awardedTo", who, q, b, qe))
    names = [(h.start, h.end) for h in named] + [(h.start, h.end) for h in honors]
    for st in find_statistics(doc, [(s, e) for s, e, _ in actors], names):
        subject = subjects(st.start)
        q, b, qe = doc.quote(st.start)
        ex.statistics.append(Statistic(subject, st.indicator, st.value, st.unit, st.qualifier, st.period, q, b, qe,
                                       st.surface, period_year(st.period, ex.date)))
    _add_hierarchy(ex, gz)
    return ex


_PREP2 = ("通过", "依托", "按照", "根据", "围绕", "联合", "配合", "针对", "关于", "经过", "协助", "会同", "得到", "受到")


def _free(text: str, s: int) -> bool:
    """Is the mention at ``s`` free of a governing preposition (在县法院, 通过县委政法委)?"""
    return not (s > 0 and text[s - 1] in _PREP_BEFORE) and text[max(0, s - 2):s] not in _PREP2


def text_of(doc: Doc, span: tuple[int, int]) -> str:
    return doc.text[span[0]:span[1]].replace("\n", " ")


def _specific(actors: list, text: str) -> list:
    """Drop actors a more specific one refines: 湄潭县 before 永兴镇 (湄潭县永兴镇), 成都市
    before 郫都区人民检察院, 金寨县公安局 within 金寨县公安局天堂寨镇派出所."""
    out = []
    for s, e, k in actors:
        refined = any((s2 == e or (s2 == s and e2 > e) or (s <= s2 and e2 <= e and (s2, e2) != (s, e) and k2[0] == k[0] == "Agency"))
                      for s2, e2, k2 in actors if (s2, e2, k2) != (s, e, k))
        if not refined:
            out.append((s, e, k))
    return out


# a clause or a sentence on the whole county (全县…): the patterns of the plain reading
# (_actor_naive), and the second as the index reads it: its two-character core (no two of which
# overlap) and the characters its (?![…]) lets not follow it (none here)
_WHOLE_CLAUSE = re.compile("(?:同时|其中|目前)?，?(?:全县|全市|全区|全旗|全州)")
_WHOLE_PLACE_PLAIN = re.compile("(全县|全市|全区|全旗)")
_WHOLE_PLACE = re.compile("全县|全市|全区|全旗")
_WHOLE_PLACE_NOT_BEFORE = ""


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
        # the start of the first actor (of all, and of those outside named things) that refines each
        inf = float("inf")
        self.refined_all, self.refined_free = [inf] * len(actors), [inf] * len(actors)
        for i, (s, e, k) in enumerate(actors):
            j = bisect_left(self.starts, s)
            while j < len(actors) and self.starts[j] <= e:  # a refining actor starts within [s, e]
                s2, e2, k2 = actors[j]
                if (s2, e2, k2) != (s, e, k) and (s2 == e or (s2 == s and e2 > e) or (
                        s <= s2 and e2 <= e and (s2, e2) != (s, e) and k2[0] == k[0] == "Agency")):
                    self.refined_all[i] = min(self.refined_all[i], s2)
                    if not self.in_named[j]:
                        self.refined_free[i] = min(self.refined_free[i], s2)
                j += 1
        self.marks = [m.start() for m in re.finditer("[，；：]", text)]
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.wholes = [m.start() for m in _WHOLE_PLACE.finditer(text)]
        self.wholes_at = set(self.wholes)
        self.wholes_free = [w for w in self.wholes if not _WHOLE_PLACE_NOT_BEFORE or w + 2 >= len(text)
                            or text[w + 2] not in _WHOLE_PLACE_NOT_BEFORE]  # the (?![…]) holds in the text
        self.ends_by = list(accumulate((e for _, e, _ in actors), max))  # the furthest end of the actors so far
        self._first: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._carried: dict[int, tuple[str, str] | None] = {}
        # each sentence's subject for the next ones: its first actor that nothing refines, and no
        # preposition governs; and for each sentence the last one before it with another subject
        self.sent_starts = [s for s, _ in doc.sentences]
        keys: list = [None] * len(doc.sentences)
        for i, (s, e, k) in enumerate(actors):
            t = bisect_right(self.sent_starts, s) - 1
            if t >= 0 and keys[t] is None and self.refined_all[i] == inf and (s, e) not in governed:
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

    def clause_start(self, ss: int, pos: int) -> int:
        """After the last clause mark (，；：) in [ss, pos), else ``ss``."""
        i = bisect_left(self.marks, pos) - 1
        return max(self.marks[i] + 1 if i >= 0 and self.marks[i] >= ss else 0, ss)

    def last_in_clause(self, ss: int, se: int, cs: int, pos: int) -> tuple[str, str] | None:
        """The last free actor of the sentence [ss, se) that stands in [cs, pos)."""
        i = min(bisect_right(self.starts, pos), bisect_left(self.starts, se)) - 1
        while i >= 0 and self.starts[i] >= cs and self.starts[i] >= ss:
            s, e, k = self.actors[i]
            if e <= pos and not self.in_named[i] and self.refined_free[i] >= se and (s, e) not in self.governed:
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
                if not self.in_named[i] and self.refined_free[i] >= se and (s, e) not in self.governed:
                    found = (s, k)
                    break
                i += 1
            self._first[(ss, se)] = found
        return self._first[(ss, se)]

    def whole_place_word(self, ss: int, pos: int) -> bool:
        """Does ``_WHOLE_PLACE_PLAIN`` find 全县 (全市 …) in text[ss:pos]? Right before ``pos``
        nothing follows it there; further back, what follows it in the text must be let."""
        if pos - 2 >= ss and pos - 2 in self.wholes_at:
            return True
        i = bisect_left(self.wholes_free, ss)
        return i < len(self.wholes_free) and self.wholes_free[i] + 3 <= pos

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


def _actor(doc: Doc, actors: list, governed: set, pos: int, named, focal_key=None,
           index: _DoerIndex | None = None) -> tuple[str, str] | None:
    """Who does what is named at ``pos``: the nearest free agency or place before it in its
    clause; else the first free one of its sentence before it (one after it is mostly a
    partner or an object: 建立X机制，牵头县妇联…); a clause on
    the whole county (全县…) is the county's; else the subject carried from earlier
    sentences of the same paragraph. ``index``: the report's :class:`_DoerIndex` (made here
    when not given)."""
    text = doc.text
    index = index or _DoerIndex(doc, actors, governed, named)
    ss, se = doc.sentence_at(pos)
    cs = index.clause_start(ss, pos)
    found = index.last_in_clause(ss, se, cs, pos)
    if found is not None:
        return found
    if focal_key and _WHOLE_CLAUSE.match(text, cs, pos):
        return focal_key
    first = index.first_in_sentence(ss, se)
    if first is not None and first[0] < pos:
        return first[1]
    if focal_key and index.whole_place_word(ss, pos):
        return focal_key
    # carried over from earlier sentences of the paragraph, only when they all had one subject
    return index.carried(ss)


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
    if focal_key and _WHOLE_CLAUSE.match(text[cs:pos]):
        return focal_key
    for s, e, k in inside:
        if s < pos and (s, e) not in governed:
            return k
    if focal_key and _WHOLE_PLACE_PLAIN.search(text[ss:pos]):
        return focal_key
    # carried over from earlier sentences of the paragraph, only when they all had one subject
    ps = text.rfind("\n", 0, ss) + 1
    subjects = {}
    for s, e, k in _specific([a for a in actors if ps <= a[0] < ss], text):
        if (s, e) not in governed:
            subjects.setdefault(doc.sentence_at(s), k)
    return next(iter(set(subjects.values()))) if len(set(subjects.values())) == 1 else None


def _governed(actors: list, text: str) -> set[tuple[int, int]]:
    """Mentions a preposition governs, with the places written right after them
    (到杉木桥镇沅坪村: both the township and the village)."""
    out = set()
    prev_end, prev_gov = -1, False
    for s, e, k in sorted(actors):
        gov = not _free(text, s) or (s == prev_end and prev_gov)
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
        if a.start < len(first) and a.parent is None:
            return k
    return None


@lru_cache(maxsize=1)
def _post_titles() -> tuple[str, ...]:
    from ..lexicon import load_set

    return tuple(sorted(load_set("posts.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _post_titles_by_first() -> dict[str, tuple[str, ...]]:
    """The post titles by first character, longest first (a position tries only its own)."""
    out: dict[str, list[str]] = {}
    for t in _post_titles():
        out.setdefault(t[:1], []).append(t)
    return {c: tuple(ts) for c, ts in out.items()}


def _lead_agency(doc: Doc, ag_keys, governed: set) -> tuple[str, str] | None:
    """The body a report is about when its headline names none: the agency that is the subject
    of its first sentences (凤凰县检察院聚焦…，推行…), not one a preposition governs."""
    text = doc.text
    body = text.find("\n") + 1 if len(text.split("\n", 1)[0]) <= 80 else 0
    for a, k in ag_keys:
        if a.start < body or a.parent is not None or (a.start, a.end) in governed:
            continue
        if re.search("(?:[省市县区旗州盟]委|人民政府|政府)$", a.name):
            return None  # 攸县委, 县政府 leading: the county itself acts
        if a.start > body + 200:
            return None
        ss, _ = doc.sentence_at(a.start)
        # the clause's subject: nothing but a date, a place or a few words before it
        if re.fullmatch("[^，。；]{0,12}", text[ss:a.start]):
            return k
    return None


def _agency_index(ag_keys) -> tuple[dict[int, tuple[str, str]], list[int], dict] | None:
    """What :func:`_issuers` asks for each document: the first agency ending at each position,
    the agencies' starts, and a place for each sentence's issuing verbs (None when the agencies
    do not come sorted by start, as :func:`find_agencies` gives them)."""
    starts = [a.start for a, _ in ag_keys]
    if starts != sorted(starts):
        return None
    by_end: dict[int, tuple[str, str]] = {}
    for a, k in ag_keys:
        by_end.setdefault(a.end, k)
    return by_end, starts, {}  # (and each sentence's issuing verbs, as they are asked for)


_ISSUING = re.compile("(印发|出台|制定|下发|发布|颁布|制订)了?")
_TITLES_BETWEEN = re.compile("(?:《[^》]*》|[和、及与并]|\\s)*")


def _last_issuing_verb(doc: Doc, pos: int, index: tuple) -> tuple[int, int] | None:
    """The last issuing verb (印发, 出台 …) ``_ISSUING.finditer`` finds from the start of the
    sentence at ``pos`` to ``pos``: from the sentence's verbs, found once for all its titles (a
    sentence of thousands of titles is not scanned again for each). A verb running past ``pos``
    is read as far as ``pos`` lets it (印发 of 印发了)."""
    ss, se = doc.sentence_at(pos)
    cache = index[2]
    if (ss, se) not in cache:
        cache[(ss, se)] = [m.span() for m in _ISSUING.finditer(doc.text, ss, se)]
    verbs = cache[(ss, se)]
    i = bisect_right([e for _, e in verbs], pos) if len(verbs) < 8 else bisect_right(_Ends(verbs), pos)
    if i < len(verbs) and verbs[i][0] < pos and verbs[i][1] - verbs[i][0] == 3 and verbs[i][0] + 2 == pos:
        return verbs[i][0], pos  # 印发了 cut at 了
    return verbs[i - 1] if i else None


class _Ends:
    """The ends of a list of spans, as a sequence bisect can search without copying them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> int:
        return self.spans[i][1]


def _issuers(doc: Doc, pos: int, core, ag_keys, focal_key, named, index=None) -> list[tuple[str, str]]:
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    # a body written right before the document: 省委“10个严禁”
    if index is not None:
        if pos in index[0]:
            return [index[0][pos]]
    else:
        for a, k in ag_keys:
            if a.end == pos:
                return [k]
    if index is not None and pos <= doc.sentence_at(pos)[1]:
        found = _last_issuing_verb(doc, pos, index)
    else:
        m = None
        for m in _ISSUING.finditer(text[ss:pos]):
            pass
        found = (ss + m.start(), ss + m.end()) if m else None
    # the verb governs this title: nothing but other titles and 和/、 stands between
    if found is None or not _TITLES_BETWEEN.fullmatch(text, found[1], pos):
        return []
    trig = found[0]
    if index is not None:  # the agencies starting in [ss, trig), in order
        lo, hi = bisect_left(index[1], ss), bisect_left(index[1], trig)
        found = [k for a, k in ag_keys[lo:hi] if a.end <= trig]
    else:
        found = [k for a, k in ag_keys if ss <= a.start and a.end <= trig]
    if found:
        return list(dict.fromkeys(found))
    return [focal_key] if focal_key else []


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


def _add_hierarchy(ex: Extraction, gz: Gazetteer) -> None:
    """Ancestors of every place (implied places: no mention) and the within relations."""
    extra: dict[str, Place] = {}
    for e in list(ex.entities.values()):
        if e.type != "Place":
            continue
        parent = e.attrs.get("parent")
        while parent:
            if parent in gz.places:
                p = gz.places[parent]
            else:
                cand = next((x for x in ex.entities.values() if x.type == "Place" and x.attrs.get("key_name") == parent), None)
                if cand is None:
                    break
                parent = cand.attrs.get("parent")
                continue
            key = ("Place", p.id)
            if key not in ex.entities:
                ex.entities[key] = _place_entity(p)
            extra[p.id] = p
            parent = p.parent


def _merge_short_forms(ex: Extraction, ag_keys: list) -> None:
    """平江县收治中心 is 平江县重症违法人员收治中心 when both stand in one report: an agency
    whose name (less its place) ends another's of the same place is that agency."""
    agencies = [e for e in ex.entities.values() if e.type == "Agency" and e.attrs.get("jurisdiction")]
    places = {e.attrs["key_name"]: e.name for e in ex.entities.values() if e.type == "Place"}
    for short in agencies:
        pname = places.get(short.attrs["jurisdiction"], "")
        tail = short.name[len(pname):] if short.name.startswith(pname) else short.name
        if len(tail) < 3 or short.attrs.get("parent"):
            continue
        for long in agencies:
            if long is short or long.attrs.get("jurisdiction") != short.attrs["jurisdiction"] or long.attrs.get("parent"):
                continue
            ltail = long.name[len(pname):] if long.name.startswith(pname) else long.name
            if len(ltail) > len(tail) + 1 and ltail.endswith(tail) and not ltail.endswith("委" + tail):
                long.aliases |= short.aliases | {short.name}
                long.mentions.extend(short.mentions)
                del ex.entities[short.key]
                for i, (a, k) in enumerate(ag_keys):
                    if k == short.key:
                        ag_keys[i] = (a, long.key)
                for i, r in enumerate(ex.relations):
                    if r.subject == short.key:
                        ex.relations[i] = Relation(long.key, r.predicate, r.object, r.quote, r.begin, r.end)
                break


def period_year(period: str | None, report_date: str | None) -> int | None:
    """The year a period names: 2017年至今 → 2017; 今年 / 截至今年8月 → the report's year;
    去年 → the year before. None when neither the text nor the report's date says."""
    if not period:
        return None
    m = re.search("(19|20)[0-9]{2}", period)
    if m:
        return int(m.group(0))
    if report_date:
        year = int(report_date[:4])
        if "去年" in period:
            return year - 1
        if "今年" in period or "本年" in period:
            return year
    return None

