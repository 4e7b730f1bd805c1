"""Extraction: one report's normalised text → an :class:`~graph.model.Extraction`.

This module runs one report's extraction: it finds the report's places, agencies, named things,
persons, honors and figures (one module each), makes their entities, and asks :mod:`.actors`
who acts on what. Every rule is a pure function of the text and the report's context (its focal
place from the gazetteer), so each can be tested on a one-line sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..dates import report_date
from ..gazetteer import Gazetteer, Place
from ..gazetteer import load as load_gazetteer
from ..manifest import given_focus
from ..model import Entity, Extraction, Post, Relation, Report, Statistic
from ..normalise import Normalised, normalise
from ..timing import stage
from .actors import (PREDICATE, Doers, _coholders, _collective_doers, _drop_guesses, _governed, _headline_agency,
                     _indexes_by_key, _lead_agency, _led_drives, _most_specific, _own_bodies, _protagonist,
                     find_actors, post_bodies)
from .agencies import AgencyHit, find_agencies
from .components import counted_parts, fill_components
from .doc import CJK, Doc, Spans, finditer_around, name_key, place_entity
from .honors import awardee, find_honors, respectively
from .issuers import agency_index, issuers
from .named import find_named, strip_prefix
from .persons import find_persons
from .places import PlaceHit, find_context, find_places
from .statistics import find_statistics
from .subjects import SELF_LEVELS, SubjectFinder, self_references

__all__ = ["extract", "extract_text", "name_key"]

_CAMPAIGN_TAIL = re.compile("(专项斗争|专项行动|专项整治行动|专项整治|行动|活动|创建活动|系列宣传活动|宣传活动)$")
# written forms of one name (诉前调解工作机制 / 诉前调解机制, “雪亮工程”建设 / 雪亮工程): one key
_NAMED_FORMS = {"Mechanism": re.compile("工作(?=(机制|模式|体系|制度)$)"), "Program": re.compile("(?<=(工程|平台|系统|中心))建设$")}
# …and a name a clause's opening word or a descriptive prefix ran into (根据乡村雪亮工程) keys as its core
_LEADING_WORDS = re.compile("^(?:根据|按照|依托|通过|围绕|针对|对于|关于|经过|随着|为了|由于|因为|虽然|但是|并且|同时|此外|其中|目前|以及)+")


@lru_cache(maxsize=4096)  # (a pure function of the name, asked again of each program a corpus repeats)
def _named_key(t: str, name: str) -> str:
    k = name_key(name)
    if t == "Campaign":
        stem = _CAMPAIGN_TAIL.sub("", k)
        if len(stem) >= 2:
            k = stem
    elif t in _NAMED_FORMS:
        k = _NAMED_FORMS[t].sub("", k)
    if t == "Mechanism":  # 警调衔接 / 警调对接: one way of working, whichever word joins it
        k = k.replace("衔接", "对接")
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
        e = place_entity(h.place)
        e.aliases.add(h.surface)
        e.mentions.append(doc.mention(h.start, h.end))
        ent = ex.add(e)
        place_keys.append((h, ent.key))
    own = _own_units(doc, ex) if ctx.focus is None else {}
    agencies = find_agencies(doc, places)
    ag_keys: list[tuple[AgencyHit, tuple[str, str]]] = []
    for a in agencies:
        attrs = {"kind": a.kind}
        if a.jurisdiction is not None:
            attrs["jurisdiction"] = a.jurisdiction.id
            if ("Place", a.jurisdiction.id) not in ex.entities:  # (place_entity keys a place by its id)
                ex.entities[("Place", a.jurisdiction.id)] = place_entity(a.jurisdiction)
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
    _merge_renamed(doc, ex, ag_keys)
    taken = Spans((a.start, a.end) for a in agencies)
    named = find_named(doc, taken)
    fill_components(doc, named)
    actors = find_actors(doc, ag_keys, place_keys)
    focal_key = ("Place", ctx.county.id) if ctx.county else (("Place", ctx.focus.id) if ctx.focus else None)
    if focal_key is None and own:  # an anonymised report (我县…): the unit it speaks for
        focal_key = min(own.values(), key=lambda k: _LEVEL_RANK.index(ex.entities[k].attrs["level"]))
        ex.focus = focal_key
    # a report on one township is that township's, where no agency heads it
    town_key = ("Place", ctx.township.id) if ctx.township else None
    topic_key = _headline_agency(doc, ag_keys) or (town_key if town_key in ex.entities else focal_key)
    governed = _governed(actors, doc.text)  # mentions a preposition governs: never a subject
    named_topic = _headline_agency(doc, ag_keys) or _lead_agency(doc, ag_keys, governed, places, focal_key) or focal_key
    text = doc.text
    holders = post_bodies(doc, actors)  # (a person's several posts: their bodies name no doer)
    doers = [a for a in actors if a[:2] not in holders]
    whole = {w: ("Place", p.id) for w in ("县", "区", "旗", "市", "州", "盟", "省") if (p := ctx.level_place(w))}
    whole = own | whole
    doers = _collective_doers(doc, doers, ex, whole, place_keys, _own_bodies(ex, ctx))
    named_keys = []
    # where no body leads the report, the one most of its clauses are about: found when first asked
    doer_topic = [named_topic] if named_topic != focal_key else []

    def topic() -> tuple[str, str] | None:
        if not doer_topic:
            doer_topic.append(_protagonist(doc, actors, governed, topic_key, whole, ex, ctx) or named_topic)
        return doer_topic[0]

    attribution = Doers(doc, actors, doers, governed, named, focal_key, topic, ctx)
    ag_index = agency_index(ag_keys)
    free_places = [a for a in doers if a[2][0] == "Place" and a[:2] not in governed]  # (issuers acting in a clause)
    for h in named:
        key_name = _named_key(h.type, h.name)
        e = Entity(h.type, h.name, aliases=set(h.aliases), attrs={"key_name": key_name},
                   components=list(h.components), formula_count=h.formula_count)
        e.mentions.append(doc.mention(h.start, h.end))
        ent = ex.add(e)
        named_keys.append((h, ent.key))
        q, b, qe = doc.quote(h.start)
        if h.type in PREDICATE:
            for who in attribution.of(h, ent.key):
                ex.relations.append(Relation(who, PREDICATE[h.type], ent.key, q, b, qe))
        elif h.type == "Document":
            for issuer in attribution.counted(h.start) \
                    or issuers(doc, h.start, h.core_span, ag_keys, focal_key, named, named_topic, ag_index, free_places):
                ex.relations.append(Relation(ent.key, "issuedBy", issuer, q, b, qe))
    _led_drives(doc, doers, named_keys, ex)
    persons = find_persons(doc, agencies, places)
    ag_by_span = {(h.start, h.end): k for h, k in place_keys} | {(a.start, a.end): k for a, k in ag_keys}
    person_keys = []
    seen = set(ex.relations)  # (only _implied_agency adds relations while the posts are read)
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
            if org is None and body is not None and body.start < 0 and body.jurisdiction is not None:
                org = _implied_agency(ex, body, q, b, qe, seen)  # 副县长: the county's people's government
            if org:
                ex.posts.append(Post(ent.key, title, org, q, b, qe))
    county_id = ctx.county.id if ctx.county else None
    # who each honor and figure is about: bodies, places and persons at the head of a clause
    recipients = sorted(actors + person_keys)
    starts = [s for s, _, _ in recipients]
    recipients_by_key = _indexes_by_key(recipients)
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
            for holder in respectively(doc, honors, h, _coholders(doc, recipients, who, h.start, recipients_by_key) + [who]):
                ex.relations.append(Relation(ent.key, "awardedTo", holder, q, b, qe))
    names = [(h.start, h.end) for h in named] + [(h.start, h.end) for h in honors] + counted_parts(doc, named)
    for st in find_statistics(doc, [(s, e) for s, e, _ in actors], names):
        # a figure the text gives its owner (与桑植县接壤的镇 5个: 桑植县's): the last actor named there
        owner = [k for a, b, k in actors if st.owner[0] <= a and b <= st.owner[1]] if st.owner else None
        subject = owner[-1] if owner else subjects(st.start if st.about_at is None else st.about_at)
        q, b, qe = doc.quote(st.start)
        ex.statistics.append(Statistic(subject, st.indicator, st.value, st.unit, st.qualifier, st.period, q, b, qe,
                                       st.surface, period_year(st.period, ex.date)))
    _drop_guesses(ex, gz, attribution.guessed - attribution.said, attribution.said)
    # the headline: the first line, or the one after a page's navigation trail (首页 > 新闻 > …) in its first lines
    start = pos = 0
    for _ in range(3):
        end = text.find("\n", pos)
        if end < 0 or end - pos > 80:
            break
        if _TRAIL.search(text, pos, end):
            start = end + 1
            break
        pos = end + 1
    first_nl = text.find("\n", start)
    _most_specific(ex, gz, norm.offsets[first_nl] if 0 < first_nl - start <= 80 else -1, attribution.learned)
    _add_hierarchy(ex, gz)
    return ex


_TRAIL = re.compile("首页|当前位置|>")



def _implied_agency(ex: Extraction, body: AgencyHit, q: str, b: int, qe: int, seen: set) -> tuple[str, str]:
    """A body a post implies but the text does not name (副县长 → 某县人民政府): an agency
    with its jurisdiction and no mention. ``seen``: ``ex.relations`` as a set, kept up to date
    here (a report of a thousand officials does not scan its relations a thousand times)."""
    e = ex.add(Entity("Agency", body.name, attrs={"kind": body.kind, "jurisdiction": body.jurisdiction.id,
                                                 "implied": True}))
    pe = place_entity(body.jurisdiction)
    ex.entities.setdefault(pe.key, pe)
    rel = Relation(e.key, "jurisdiction", pe.key, q, b, qe)
    if rel not in seen:
        seen.add(rel)
        ex.relations.append(rel)
    return e.key


def text_of(doc: Doc, span: tuple[int, int]) -> str:
    return doc.text[span[0]:span[1]].replace("\n", " ")


_LEVEL_RANK = ("village", "township", "county", "prefecture", "province")


def _own_units(doc: Doc, ex: Extraction) -> dict[str, tuple[str, str]]:
    """The unit an anonymised report speaks for (我县信访工作…, 全县信访总量…), one Place per
    level word, named as the report names it (我县 before 本县 before 全县) and keyed to the
    report alone: two reports' 我县 need not be one county."""
    out: dict[str, tuple[str, str]] = {}
    text = doc.text
    for w, spans in self_references(text).items():
        forms = [text[s:e] for s, e in spans]
        name = min(forms, key=lambda f: ("我本全".index(f[0]), forms.index(f)))
        e = Entity("Place", name, aliases=set(forms),
                   attrs={"key_name": f"report/{doc.report_id}/{name}", "level": SELF_LEVELS[w], "code": "", "parent": None})
        e.mentions.extend(doc.mention(s, end) for s, end in spans)
        out[w] = ex.add(e).key
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
                # (the place whose key_name is ``parent`` is keyed by it: ex.add keys every entity so)
                cand = ex.entities.get(("Place", parent))
                cand = cand if cand is not None and cand.type == "Place" and cand.attrs.get("key_name") == parent else None
                if cand is None:
                    break
                parent = cand.attrs.get("parent")
                continue
            key = ("Place", p.id)
            if key not in ex.entities:
                ex.entities[key] = place_entity(p)
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
                _merge_into(ex, ag_keys, short, long)
                break


def _merge_into(ex: Extraction, ag_keys: list, old: Entity, new: Entity) -> None:
    """``old`` is another name of ``new``: one entity, under ``new``'s name."""
    new.aliases |= old.aliases | {old.name}
    new.mentions.extend(old.mentions)
    del ex.entities[old.key]
    for i, (a, k) in enumerate(ag_keys):
        if k == old.key:
            ag_keys[i] = (a, new.key)
    for i, r in enumerate(ex.relations):
        if r.subject == old.key:
            ex.relations[i] = Relation(new.key, r.predicate, r.object, r.quote, r.begin, r.end)


# a body's former name: A…更名为B, B的前身是A, B（原A）; its short name: B（以下简称A）
_RENAMED_TO = re.compile("(?:正式)?(?:更名为|改名为|改称为?|更名|改名)")
_FORMERLY = re.compile("的?前身(?:是|为)|[（(](?:原|以下简称|简称)")
_RENAMED = re.compile(f"{_RENAMED_TO.pattern}|{_FORMERLY.pattern}")
# words every match of _RENAMED holds: a text with none (most) is not read with the pattern,
# which, starting with optional characters, is tried at every position
_RENAMED_WORDS = ("更名", "改名", "改称", "前身", "（原", "(原", "简称")
# …and the words each match opens on, at most two characters after its start (正式更名, 的前身)
_RENAMED_AT = ("更名", "改名", "改称", "前身", "（", "(")
_UP_TO_8_CJK = re.compile(f"[{CJK}]{{0,8}}")


def _merge_renamed(doc: Doc, ex: Extraction, ag_keys: list) -> None:
    """A body the report names by its former name too (城关派出所 renamed 某某派出所) is one
    agency, under its present name: ``A…更名为B`` (A the last body before it in its sentence),
    ``B的前身是A``, ``B（原A）``; and one it declares a short name for, ``B（以下简称A）``, under
    its full name."""
    text = doc.text
    hits = sorted(ag_keys, key=lambda t: (t[0].start, -t[0].end))  # at one start, the whole unit first
    starts = [a.start for a, _ in hits]
    pairs = []
    by_alias: dict[str, tuple[str, str]] | None = None
    if not any(w in text for w in _RENAMED_WORDS):
        return
    for m in finditer_around(_RENAMED, text, _RENAMED_AT, 0, 2):
        i = bisect_left(starts, m.end())  # the body right after the marker (its place may come first)
        if i < len(hits) and _UP_TO_8_CJK.fullmatch(text[m.end():hits[i][0].start]):
            after = hits[i][1]
        else:  # …更名为金水派出所: a short name of a body named in full elsewhere
            if by_alias is None:
                by_alias = {a: k for k, e in ex.entities.items() if e.type == "Agency" for a in e.aliases if len(a) >= 4}
            after = next((by_alias[text[m.end():m.end() + n]] for n in range(24, 3, -1)
                          if text[m.end():m.end() + n] in by_alias), None)
            if after is None:
                continue
        ss, _ = doc.sentence_at(m.start())
        before = [t for t in hits[bisect_left(starts, ss):bisect_left(starts, m.start())] if t[0].end <= m.start()]
        if not before:
            continue
        before.sort(key=lambda t: (t[0].end, t[0].end - t[0].start))  # the whole unit that ends last
        if _FORMERLY.fullmatch(m.group(0)):
            if m.group(0).startswith(("（", "(")) and before[-1][0].end != m.start():
                continue  # （原…) right after the present name only
            if not m.group(0).startswith(("（", "(")) and before[-1][0].end < m.start() - 1:
                continue  # B的前身是A: B right before it
            pairs.append((after, before[-1][1], "简称" in m.group(0)))
        else:
            pairs.append((before[-1][1], after, False))
    for old, new, declared in pairs:
        if old != new and old in ex.entities and new in ex.entities \
                and (declared or ex.entities[old].attrs.get("kind") == ex.entities[new].attrs.get("kind")):
            _merge_into(ex, ag_keys, ex.entities[old], ex.entities[new])


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

