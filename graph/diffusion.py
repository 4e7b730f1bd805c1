"""Where and when named campaigns, programs and mechanisms spread, read from a build's store.

An *adoption* is a county taking up an item (a campaign it conducts, a program it implements,
a mechanism it adopts), as a report states it: the actor rolls up to the county
(``gk:inCounty``), the statement has its evidence sentence in that report's graph, and the
report's ``dcterms:issued`` gives the year. A county's *first year* is the earliest year of a
dated report stating its adoption; a county whose reports are all undated adopted in a year
nobody knows, and is listed as such, never placed in a year.

Everything here is a function of the store (and of the division register and the shipped
county borders): :func:`read_diffusion` reads it once; :func:`curve`, :func:`panel_rows` and
:func:`event_history` shape it for the map pages, the notebooks and ``govkg export --panel``.
Where resolution found that one name means different things in different places (a
county's own 5544 and another's, told apart by their parts: ``gk:sense``), each sense is an
item of its own.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import GovkgError

ITEM_TYPES = ("Campaign", "Program", "Mechanism")


@dataclass(frozen=True)
class County:
    code: str  # the register's 12-digit code
    name: str
    prefecture: str
    province: str
    province_code: str

    @property
    def code6(self) -> str:
        """The 6-digit GB/T 2260 code researchers merge on."""
        return self.code[:6]


@dataclass(frozen=True)
class Evidence:
    report: str  # report id
    date: str | None  # ISO date (dcterms:issued)
    quote: str
    mention: int  # where the report names the item (offset for its text page), -1 if unknown

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


@dataclass
class Adoption:
    county: County
    evidence: list[Evidence] = field(default_factory=list)  # date order, undated last

    @property
    def first_year(self) -> int | None:
        years = [e.year for e in self.evidence if e.year is not None]
        return min(years) if years else None

    @property
    def first_report(self) -> str:
        return self.evidence[0].report if self.evidence else ""


@dataclass
class Item:
    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    adoptions: dict[str, Adoption] = field(default_factory=dict)  # county code → adoption

    @property
    def dated(self) -> dict[str, Adoption]:
        return {c: a for c, a in self.adoptions.items() if a.first_year is not None}

    @property
    def first_year(self) -> int | None:
        years = [a.first_year for a in self.dated.values()]
        return min(years) if years else None


@dataclass
class Diffusion:
    items: dict[str, Item]
    counties: dict[str, County]  # every county the reports concern (focus or actor), by code
    report_years: dict[str, int | None]  # report id → year of issue
    county_reports: dict[str, set[str]]  # county code → ids of the reports that concern it

    @property
    def last_year(self) -> int | None:
        years = [y for y in self.report_years.values() if y is not None]
        return max(years) if years else None

    def shared(self, min_counties: int = 2) -> list[Item]:
        """Items adopted in at least ``min_counties`` counties (dated or not), most shared first."""
        out = [i for i in self.items.values() if len(i.adoptions) >= min_counties]
        return sorted(out, key=lambda i: (-len(i.adoptions), i.label, i.iri))

    def find(self, name: str) -> Item:
        """The item called ``name``: its label, an alias, its IRI, or a written form of one
        (“雪亮工程”建设 finds 雪亮工程, 扫黑除恶专项行动 finds 扫黑除恶专项斗争)."""
        from .extract import _named_key, name_key

        key = name_key(name)

        def forms(i: Item) -> set[str]:
            names = (i.label, *i.aliases)
            return {name_key(a) for a in names} | {_named_key(i.type, a) for a in names}

        hits = [i for i in self.items.values() if name in (i.iri, i.label) or key in forms(i) or _named_key(i.type, name) in forms(i)]
        if len(hits) > 1:  # a name and its senses: the senses are what the reports mean
            hits = [i for i in hits if name in (i.iri, i.label)] or hits
        if len(hits) == 1:
            return hits[0]
        if not hits:
            near = sorted(i.label for i in self.items.values() if key and (key in name_key(i.label) or name_key(i.label) in key))
            hint = f"; did you mean {', '.join(near[:5])}?" if near else "; see 'govkg query first_adopters'"
            raise GovkgError(f"no campaign, program or mechanism named {name!r} with a county adopting it{hint}")
        raise GovkgError(f"{name!r} names {len(hits)} items: {', '.join(sorted(f'{i.label} [{i.type}]' for i in hits))}; "
                         "give one of these labels")


def _rows(store, q: str) -> list[tuple]:
    from .query import run_on_store

    return [tuple(None if t is None else str(t) for t in row) for row in run_on_store(store, q).rows]


_EVENTS = """
SELECT ?x ?t ?label ?code ?rid ?date ?quote ?qb WHERE {
  # the counties' relations first, in a group; then each one's evidence in the report graph holding it
  { ?a ?p ?x . VALUES ?p { gk:adopts gk:conducts gk:implements } ?a gk:inCounty ?c . ?c gk:divisionCode ?code . }
  GRAPH ?g { ?a ?p ?x . ?st rdf:object ?x ; rdf:subject ?a ; rdf:predicate ?p ; gk:quote ?quote ; gk:report ?r .
             OPTIONAL { ?st gk:quoteBegin ?qb } }
  ?x a ?t ; skos:prefLabel ?label . VALUES ?t { gk:Campaign gk:Program gk:Mechanism }
  ?r dcterms:identifier ?rid . OPTIONAL { ?r dcterms:issued ?date }
}"""

_ALIASES = """SELECT ?x ?alias WHERE { ?x a ?t ; skos:altLabel ?alias . VALUES ?t { gk:Campaign gk:Program gk:Mechanism } }"""

_MENTIONS = """SELECT ?x ?m WHERE { ?x a ?t ; gk:mention ?m . VALUES ?t { gk:Campaign gk:Program gk:Mechanism } }"""

_REPORTS = """
SELECT ?r ?rid ?date ?code WHERE {
  ?r a gk:Report ; dcterms:identifier ?rid . OPTIONAL { ?r dcterms:issued ?date }
  OPTIONAL { ?r gk:focus/gk:inCounty/gk:divisionCode ?code }
}"""

_ACTOR_COUNTIES = """
SELECT DISTINCT ?rid ?code WHERE {
  GRAPH ?g { ?st rdf:predicate ?p ; rdf:subject ?a ; gk:report ?r . } VALUES ?p { gk:adopts gk:conducts gk:implements }
  ?a gk:inCounty/gk:divisionCode ?code . ?r dcterms:identifier ?rid .
}"""

_SENSES = """
SELECT ?x ?s ?label ?rid WHERE { ?x gk:sense ?s . ?s skos:prefLabel ?label ; gk:report/dcterms:identifier ?rid }"""


def county_of(code: str, gz=None) -> County:
    """A county as the register describes it (name, prefecture, province)."""
    from .gazetteer import load

    gz = gz or load()
    p = gz.places.get(code)
    if p is None:
        return County(code, code, "", "", "")
    pref = gz.ancestor(code, "prefecture")
    prov = gz.ancestor(code, "province")
    return County(code, p.name, pref.name if pref else "", prov.name if prov else "", prov.code if prov else "")


def read_diffusion(store) -> Diffusion:
    """Every adoption the build's reports state, with its evidence, by item and county."""
    from .gazetteer import load

    gz = load()
    counties: dict[str, County] = {}

    def county(code: str) -> County:
        if code not in counties:
            counties[code] = county_of(code, gz)
        return counties[code]

    report_years: dict[str, int | None] = {}
    county_reports: dict[str, set[str]] = defaultdict(set)
    rid_of = {}
    for r, rid, date, code in _rows(store, _REPORTS):
        rid_of[r] = rid
        report_years[rid] = int(date[:4]) if date else None
        if code:
            county(code)
            county_reports[code].add(rid)
    for rid, code in _rows(store, _ACTOR_COUNTIES):
        county(code)
        county_reports[code].add(rid)
    mentions: dict[tuple[str, str], list[int]] = defaultdict(list)  # (item, report id) → mention offsets
    for x, m in _rows(store, _MENTIONS):
        report, _, chars = m.rpartition("#char=")
        if report in rid_of and chars.split(",", 1)[0].isdigit():
            mentions[(x, rid_of[report])].append(int(chars.split(",", 1)[0]))
    sense_of = {(x, rid): (s, label) for x, s, label, rid in _rows(store, _SENSES)}
    aliases: dict[str, list[str]] = defaultdict(list)
    for x, alias in _rows(store, _ALIASES):
        aliases[x].append(alias)
    items: dict[str, Item] = {}
    seen = set()
    for x, t, label, code, rid, date, quote, qb in _rows(store, _EVENTS):
        iri, name = sense_of.get((x, rid), (x, label))
        if (iri, code, rid) in seen:  # one report, one adoption: several actors of one county say it once
            continue
        seen.add((iri, code, rid))
        item = items.get(iri)
        if item is None:
            item = items[iri] = Item(iri, name, t.rsplit("#", 1)[-1], tuple(sorted(set(aliases.get(x, ())) | ({label} - {name}))))
        offs = sorted(mentions.get((x, rid), ()))
        begin = int(qb) if qb else -1
        inside = [o for o in offs if begin <= o < begin + len(quote)] if begin >= 0 else []
        ad = item.adoptions.setdefault(code, Adoption(county(code)))
        ad.evidence.append(Evidence(rid, date[:10] if date else None, quote, (inside or offs or [-1])[0]))
    for item in items.values():
        for ad in item.adoptions.values():
            ad.evidence.sort(key=lambda e: (e.date is None, e.date or "", e.report))
    return Diffusion(items, counties, report_years, dict(county_reports))


def curve(item: Item, *, by_province: bool = False, until: int | None = None) -> list[dict]:
    """Cumulative adopting counties by year, from the first adoption to ``until`` (default:
    the last adoption): rows of year, new, cumulative, the counties new that year and the
    reports behind them (and province, with ``by_province``); ``codes``: the counties' codes."""
    dated = sorted(item.dated.values(), key=lambda a: (a.first_year, a.county.code))
    if not dated:
        return []
    first, last = dated[0].first_year, max(until or 0, dated[-1].first_year)
    groups = sorted({a.county.province for a in dated}) if by_province else [None]
    new_in: dict[tuple, list[Adoption]] = defaultdict(list)  # (province or None, year) → counties new then
    for a in dated:
        new_in[(a.county.province if by_province else None, a.first_year)].append(a)
    out = []
    for g in groups:
        total = 0
        for year in range(first, last + 1):
            new = new_in.get((g, year), [])
            total += len(new)
            row = {"year": year, "new": len(new), "cumulative": total, "counties": [a.county.name for a in new],
                   "codes": [a.county.code for a in new],
                   "reports": sorted({e.report for a in new for e in a.evidence if e.year == year})}
            if by_province:
                row = {"province": g, **row}
            out.append(row)
    return out


PANEL_COLUMNS = ("county_code", "county", "prefecture", "province", "year", "entity", "type", "reports", "first_report")


def panel_rows(d: Diffusion, items: Iterable[Item] | None = None) -> list[dict]:
    """County × year × item, one row where reports of that year state the county's adoption:
    how many reports, and the first of them (by date, then id). Undated reports give a row
    with an empty year, so nothing the reports say is dropped."""
    rows = []
    for item in items if items is not None else d.items.values():
        for code, ad in item.adoptions.items():
            by_year: dict[int | None, list[Evidence]] = defaultdict(list)
            for e in ad.evidence:
                by_year[e.year].append(e)
            for year, evs in by_year.items():
                rows.append({"county_code": int(ad.county.code6), "county": ad.county.name, "prefecture": ad.county.prefecture,
                             "province": ad.county.province, "year": year, "entity": item.label, "type": item.type,
                             "reports": len({e.report for e in evs}), "first_report": evs[0].report})
    rows.sort(key=lambda r: (r["entity"], r["type"], r["county_code"], r["year"] is None, r["year"] or 0))
    return rows


HISTORY_COLUMNS = ("entity", "type", "county_code", "county", "prefecture", "province", "year", "adopted",
                   "adopted_before", "first_year", "adopted_undated", "neighbours_adopted", "neighbours", "province_share",
                   "reports", "entity_reports")
SCOPES = ("reported", "province", "country")


def _register_counties(gz) -> dict[str, list[str]]:
    """Province code → the codes of its county-level units in the register."""
    out: dict[str, list[str]] = defaultdict(list)
    for p in gz.places.values():
        if p.level == "county" and not p.abolished:
            prov = gz.ancestor(p.code, "province")
            if prov is not None:
                out[prov.code].append(p.code)
    return out


def event_history(d: Diffusion, items: Iterable[Item], *, scope: str = "reported") -> list[dict]:
    """The discrete-time event-history panel: for each item, one row per county and year from
    the first year any county adopted it until the last year of any dated report.

    ``adopted``: the county's first year is this year; ``adopted_before``: it is earlier (a
    county leaves the risk set after adopting: fit on ``adopted_before == 0``);
    ``neighbours_adopted``: counties sharing a border with it that adopted in an earlier
    year (of ``neighbours`` it has); ``province_share``: the share of the province's county-level
    units (in the division register) that adopted in an earlier year; ``reports``: the build's
    reports of that year that concern the county (its focus or an actor in it), a measure of
    how much is seen of it; ``entity_reports``: those stating its adoption of this item;
    ``adopted_undated``: reports say the county took it up, but none of them is dated (its
    rows say neither adopted nor not: drop them, or date its reports).

    ``scope``: which counties are at risk — ``reported`` (those some report concerns: the
    default, since a county no report covers cannot be seen adopting), ``province`` (every
    county of the provinces those lie in) or ``country``.
    """
    from .counties import neighbours as borders
    from .gazetteer import load

    if scope not in SCOPES:
        raise GovkgError(f"unknown panel scope {scope!r}; choose one of {', '.join(SCOPES)}")
    gz = load()
    adj = borders()
    in_province = _register_counties(gz)
    last = d.last_year
    report_year = d.report_years
    county_year_reports: dict[tuple[str, int], int] = defaultdict(int)
    for code, rids in d.county_reports.items():
        for rid in rids:
            if report_year.get(rid) is not None:
                county_year_reports[(code, report_year[rid])] += 1
    base = set(d.counties)
    if scope == "province":
        provs = {gz.ancestor(c, "province").code for c in base if gz.ancestor(c, "province")}
        base |= {c for p in provs for c in in_province.get(p, ())}
    elif scope == "country":
        base |= {c for cs in in_province.values() for c in cs}
    rows = []
    for item in items:
        first = item.first_year
        if first is None or last is None:
            continue
        fy = {c: a.first_year for c, a in item.dated.items()}
        undated = {c for c, a in item.adoptions.items() if a.first_year is None}
        at_risk = sorted(base | set(fy) | undated)
        info = {c: d.counties.get(c) or county_of(c, gz) for c in at_risk}
        prov_adopters: dict[str, list[int]] = defaultdict(list)
        for c, y in fy.items():
            prov_adopters[info.get(c, county_of(c, gz)).province_code].append(y)
        ent_reports: dict[tuple[str, int], set] = defaultdict(set)
        for c, a in item.adoptions.items():
            for e in a.evidence:
                if e.year is not None:
                    ent_reports[(c, e.year)].add(e.report)
        for c in at_risk:
            k = info[c]
            nb = adj.get(c, frozenset())
            denom = len(in_province.get(k.province_code, ())) or 1
            for year in range(first, last + 1):
                mine = fy.get(c)
                rows.append({
                    "entity": item.label, "type": item.type, "county_code": int(k.code6), "county": k.name,
                    "prefecture": k.prefecture, "province": k.province, "year": year,
                    "adopted": int(mine == year), "adopted_before": int(mine is not None and mine < year),
                    "first_year": mine, "adopted_undated": int(c in undated),
                    "neighbours_adopted": sum(1 for n in nb if fy.get(n) is not None and fy[n] < year),
                    "neighbours": len(nb),
                    "province_share": round(sum(1 for y in prov_adopters.get(k.province_code, ()) if y < year) / denom, 6),
                    "reports": county_year_reports.get((c, year), 0),
                    "entity_reports": len(ent_reports.get((c, year), ())),
                })
    return rows
