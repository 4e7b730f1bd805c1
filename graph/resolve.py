"""Resolve entities across reports: one node per (type, key), one canonical name each.

Within a report, extraction already qualified bare names to the report's places
(县公安局 → 慈利县公安局). Across reports the same key is the same node; its canonical
name is the form the reports use most (ties: shorter, then code-point order), so the
result does not depend on the order the files were read in.

Resolution reads only a small note per entity and report (:class:`EntityNote`), so a build
can drop each report's extraction as soon as it is written and still resolve the corpus.

One name can mean two things in two places: a county's own 5544 and another county's 5544
with other parts. A report's graph is a function of that report alone, so it names the
formula by its name; resolution, which sees every report, tells the meanings apart by the
parts the reports list (:func:`senses`) and records each as a *sense* of the entity (the
entities graph writes them as ``gk:sense``), so that adoption is counted per meaning.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from .model import Extraction


class EntityNote(NamedTuple):
    """What resolution needs to know of one entity as one report sees it. A named tuple, not a
    dataclass: an incremental build unpickles every cached report's notes, and tuples load 5×
    faster."""

    key: tuple[str, str]
    name: str
    weight: int  # how often the report names it this way
    aliases: tuple[str, ...]
    attrs: tuple[tuple[str, object], ...]
    components: tuple[str, ...]
    formula_count: int | None
    mentioned: bool
    jurisdiction: tuple[tuple[str, str], ...] = ()  # places the report says this agency serves
    first: int = -1  # where the report first names it (the begin of its first mention)
    quotes: tuple[str, ...] = ()  # the report's evidence of relations it takes part in: the 3 first in code-point order
    actors: tuple[tuple[str, str], ...] = ()  # who conducts, implements or adopts it in this report


QUOTES_KEPT = 3  # evidence quotes per entity for the views (the first in code-point order)


def _smallest(quotes: Iterable[str], n: int = QUOTES_KEPT) -> tuple[str, ...]:
    return tuple(sorted(set(quotes))[:n])


def notes(ex: Extraction) -> tuple[EntityNote, ...]:
    served: dict[tuple[str, str], set] = defaultdict(set)
    quoted: dict[tuple[str, str], set] = defaultdict(set)
    taken_up: dict[tuple[str, str], set] = defaultdict(set)
    seen = set()
    for r in ex.relations:
        if r.subject not in ex.entities or r.object not in ex.entities:
            continue
        if r.predicate == "jurisdiction":
            served[r.subject].add(r.object)
        elif r.predicate in ADOPTING:
            taken_up[r.object].add(r.subject)
        if (r.subject, r.predicate, r.object) not in seen:  # the evidence the report's graph keeps: the first
            seen.add((r.subject, r.predicate, r.object))
            quoted[r.subject].add(r.quote)
            quoted[r.object].add(r.quote)
    # a loop, not a generator of one expression: most entities have no aliases, no relations and
    # one attribute or two, and the empty cases are skipped instead of sorted (a build makes
    # tens of thousands of notes)
    # (the keys sorted, not the items: keys of two strings compare faster than (key, entity) pairs)
    out = []
    entities = ex.entities
    for key in sorted(entities):
        e = entities[key]
        mentions, attrs = e.mentions, e.attrs
        out.append(EntityNote(key, e.name, max(1, len(mentions)), tuple(sorted(e.aliases)) if e.aliases else (),
                              tuple(sorted(attrs.items())) if attrs else (), tuple(e.components), e.formula_count,
                              bool(mentions or attrs.get("implied")),
                              tuple(sorted(served[key])) if key in served else (),
                              min(map(_BEGIN, mentions)) if mentions else -1,
                              _smallest(quoted[key]) if key in quoted else (),
                              tuple(sorted(taken_up[key])) if key in taken_up else ()))
    return tuple(out)


_BEGIN = attrgetter("begin")
ADOPTING = ("conducts", "implements", "adopts")


class Sense(NamedTuple):
    """One meaning of a name used for different things in different places."""

    parts: tuple[str, ...]  # the parts its reports list, in the order first seen
    counties: tuple[tuple[str, str], ...]  # the counties that take it up
    reports: tuple[str, ...]  # the reports that use the name in this meaning


def _agree(a: set[str], b: set[str]) -> bool:
    """Two part lists describe the same thing when they share at least half of the shorter
    (a reworded part or a part left out does not make another mechanism)."""
    return len(a & b) >= max(1, math.ceil(min(len(a), len(b)) / 2))


def senses(uses: list[tuple[str, tuple, tuple[str, ...]]]) -> list[Sense]:
    """The meanings of one name, from its uses: (report id, counties taking it up, parts
    listed). Uses whose parts agree (:func:`_agree`), or that are in the same county, are one
    meaning; a use that lists no parts joins the meaning of its county when there is exactly
    one. One meaning (the usual case) gives ``[]``: the name is not ambiguous."""
    from .extract import name_key

    listed = [(rid, set(cs), tuple(name_key(p) for p in parts), parts) for rid, cs, parts in uses if parts]
    parent = list(range(len(listed)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(listed)):
        for j in range(i):
            _, ci, pi, _ = listed[i]
            _, cj, pj, _ = listed[j]
            if _agree(set(pi), set(pj)) or ci & cj:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(listed)):
        groups[root(i)].append(i)
    if len(groups) < 2:
        return []
    found = []
    for members in groups.values():
        parts: list[str] = []
        keys: set = set()
        for i in members:
            for p, k in zip(listed[i][3], listed[i][2]):
                if k not in keys:
                    keys.add(k)
                    parts.append(p)
        counties = set().union(*(listed[i][1] for i in members))
        found.append([parts, counties, {listed[i][0] for i in members}])
    for rid, cs, parts in uses:
        if parts:
            continue
        homes = [f for f in found if f[1] & set(cs)]
        if len(homes) == 1:
            homes[0][2].add(rid)
    out = [Sense(tuple(p), tuple(sorted(c)), tuple(sorted(r))) for p, c, r in found]
    return sorted(out, key=lambda s: (s.reports[0], s.counties))


@dataclass
class Resolved:
    canonical: dict[tuple[str, str], str] = field(default_factory=dict)
    aliases: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    attrs: dict[tuple[str, str], dict] = field(default_factory=dict)
    components: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    formula_count: dict[tuple[str, str], int] = field(default_factory=dict)
    mentioned: set[tuple[str, str]] = field(default_factory=set)  # keys some report names in its text
    jurisdiction: dict[tuple[str, str], set] = field(default_factory=dict)  # agency -> the places it serves
    # for the views: the reports that name an entity, where it is first named (report id, offset),
    # and its evidence quotes (the first QUOTES_KEPT in code-point order)
    reports: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    first_mention: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    quotes: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # names that mean different things in different places: their meanings (see :func:`senses`)
    senses: dict[tuple[str, str], list[Sense]] = field(default_factory=dict)

    def counties(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        """The county-level units ``key`` rolls up to: a place through its parents (itself if
        it is one), an agency through the places it serves — what the queries would otherwise
        ask as ``{ ?a gk:within* ?c } UNION { ?a gk:jurisdiction/gk:within* ?c }``."""
        found, todo, seen = [], [key] if key[0] == "Place" else sorted(self.jurisdiction.get(key, ())), set()
        for p in todo:
            while p in self.attrs and p not in seen:
                seen.add(p)
                if self.attrs[p].get("level") == "county":
                    found.append(p)
                parent = self.attrs[p].get("parent")
                p = ("Place", parent) if parent else None
        return sorted(set(found))


class Resolver:
    """Collects reports' notes in report-id order (the first report's attributes win), then
    picks the canonical names."""

    def __init__(self) -> None:
        self._names: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self._uses: dict[tuple[str, str], list] = defaultdict(list)  # (report, actors, parts) of taken-up items
        self._out = Resolved()

    def add(self, entity_notes: Iterable[EntityNote], report_id: str = "") -> None:
        """The notes of the report ``report_id``."""
        out = self._out
        reports, first_mention, quotes, aliases = out.reports, out.first_mention, out.quotes, out.aliases
        names, all_attrs, mentioned = self._names, out.attrs, out.mentioned
        for n in entity_notes:
            # the note's fields at once (a build adds tens of thousands: attribute look-ups were half the time)
            key, name, weight, note_aliases, attrs, components, formula_count, is_mentioned, jurisdiction, first, note_quotes, actors = n
            if is_mentioned:
                if key in reports:
                    reports[key].add(report_id)
                else:
                    reports[key] = {report_id}
                mentioned.add(key)
            if first >= 0:
                here = (report_id, first)
                if key not in first_mention or here < first_mention[key]:
                    first_mention[key] = here
            if note_quotes:
                have = quotes.get(key, ())
                if len(have) < QUOTES_KEPT or note_quotes[0] < have[-1]:
                    quotes[key] = _smallest(have + note_quotes)
            names[key][name] += weight
            known = aliases.get(key)
            if known is None:
                known = aliases[key] = set()
            known.update(note_aliases, (name,))
            merged = all_attrs.get(key)
            if merged is None:
                merged = all_attrs[key] = {}
            for k, v in attrs:
                merged.setdefault(k, v)
            if components:  # the union over reports, in the order first seen
                have = out.components.setdefault(key, [])
                have.extend(c for c in components if c not in have)
            if formula_count is not None:
                out.formula_count.setdefault(key, formula_count)
            if jurisdiction:
                out.jurisdiction.setdefault(key, set()).update(jurisdiction)
            if actors:
                self._uses[key].append((report_id, actors, components))

    def result(self) -> Resolved:
        out = self._out
        for key, counter in self._names.items():
            out.canonical[key] = sorted(counter.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
            out.aliases[key].discard(out.canonical[key])
            out.aliases[key].discard("")
        for key, uses in self._uses.items():
            if sum(1 for _, _, parts in uses if parts) < 2:
                continue  # one list of parts (or none) cannot disagree with another
            found = senses([(rid, tuple(c for a in actors for c in out.counties(a)), parts) for rid, actors, parts in uses])
            if found:
                out.senses[key] = found
        return out


def resolve(extractions: Iterable[Extraction]) -> Resolved:
    r = Resolver()
    for ex in sorted(extractions, key=lambda x: x.report.id):
        r.add(notes(ex), ex.report.id)
    return r.result()
