"""What each view shows, read from the build's store as a networkx graph.

Nodes carry: label, type, code (places), reports, up to three evidence quotes and the first
mention (report, begin, end) so a page can open the report text there. Edges carry their
predicate. Every kind is a function of the store and returns a ``nx.MultiDiGraph``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

from ..errors import GovkgError
from ..resolve import QUOTES_KEPT, Resolved
from ..query import ENTITY_TYPE_VALUES, PREFIXES

KINDS = ("overview", "county", "mechanism", "agency", "report")


def _select(store, q: str, **params: str) -> Iterator[dict]:
    """Rows of one of the views' own SELECTs as dicts of plain strings (None: unbound), read
    straight from Oxigraph (the views run thousands of these; no rdflib terms in between)."""
    import pyoxigraph as ox

    subs = {ox.Variable(k): (ox.Literal(v, language="zh") if k == "name" else ox.Literal(v)) for k, v in params.items()}
    res = store.query(q, prefixes=PREFIXES, substitutions=subs or None)
    names = [v.value for v in res.variables]
    for sol in res:  # a solution's terms in the order of its variables (a quarter faster than by name)
        yield dict(zip(names, [None if t is None else t.value for t in sol]))


def _rows(store, q: str, **params: str) -> list[dict]:
    return list(_select(store, q, **params))


def catalog(store, nodes: Iterable[str] | None = None) -> dict[str, dict]:
    """What a page shows of each entity (label, type, code, reports, up to three evidence
    quotes — the first in code-point order —, and the first mention), read in three passes over
    the store; ``nodes``: only these (default: every entity, for writing many pages)."""
    values = ""
    if nodes is not None:
        values = " ".join(f"<{n}>" for n in nodes if str(n).startswith("http"))
        if not values:
            return {}
        values = f"VALUES ?e {{ {values} }}"
    info: dict[str, dict] = {}
    for r in _select(store, f"""SELECT ?e ?label ?type ?code WHERE {{
            {values} ?e skos:prefLabel ?label ; a ?t . {ENTITY_TYPE_VALUES} OPTIONAL {{ ?e gk:divisionCode ?code }} }}"""):
        info[r["e"]] = {"label": r["label"], "type": r["type"], "code": r["code"] or "", "reports": ""}
    for r in _select(store, f"""SELECT ?e ?quote WHERE {{ {values}
            {{ ?st rdf:subject ?e }} UNION {{ ?st rdf:object ?e }} ?st gk:quote ?quote ; gk:report ?r }}"""):
        d = info.get(r["e"])
        if d is not None:  # keep the smallest few, without sorting every quote in the store
            qs = d.setdefault("quotes", [])
            if r["quote"] not in qs and (len(qs) < QUOTES_KEPT or r["quote"] < qs[-1]):
                qs.append(r["quote"])
                qs.sort()
                del qs[QUOTES_KEPT:]
    _mentions(store, info, values)
    return info


def catalog_of(res: Resolved) -> dict[str, dict]:
    """What :func:`catalog` reads from a build's store, from the build's own resolution (the
    build writes its views without reading every mention back)."""
    from ..rdf import entity_iri

    keys = [k for k in res.canonical if k[0] == "Place"] + [k for k in res.mentioned if k[0] != "Place"]
    info: dict[str, dict] = {}
    for key in keys:
        d = {"label": res.canonical.get(key, key[1]), "type": key[0],
             "code": (res.attrs.get(key, {}).get("code") or "") if key[0] == "Place" else "",
             "reports": " ".join(sorted(res.reports.get(key, ())))}
        if key in res.quotes:
            d["quotes"] = list(res.quotes[key])
        if key in res.first_mention:
            d["mention"] = list(res.first_mention[key])
        info[str(entity_iri(key))] = d
    return info


def _mentions(store, info: dict[str, dict], values: str) -> None:
    """Each entity's reports and first mention (the first of its first report). A mention's IRI
    is its report's with NIF's character offsets (``…/report/x#char=10,14``, RFC 5147): one
    scan of gk:mention gives both, without joining every mention to its report and offsets."""
    rid_of = {r["r"]: r["id"] for r in _select(store, "SELECT ?r ?id WHERE { ?r a gk:Report ; dcterms:identifier ?id }")}
    reports: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[str, int]] = {}
    for r in _select(store, f"SELECT ?e ?m WHERE {{ {values} ?e gk:mention ?m }}"):
        if r["e"] not in info:
            continue
        report, _, chars = r["m"].rpartition("#char=")
        rid = rid_of.get(report)
        begin = chars.split(",", 1)[0]
        if rid is None or not begin.isdigit():
            raise GovkgError(f"mention {r['m']} is not <report>#char=begin,end")
        reports[r["e"]].add(rid)
        here = (rid, int(begin))
        if r["e"] not in first or here < first[r["e"]]:
            first[r["e"]] = here
    for e, rids in reports.items():
        info[e]["reports"] = " ".join(sorted(rids))
        info[e]["mention"] = list(first[e])


def _describe(store, g: nx.MultiDiGraph, cat: dict[str, dict] | None = None) -> None:
    """Fill labels, types, codes, reports, quotes and first mentions of the nodes in ``g``."""
    if not g:
        return
    if cat is None:
        cat = catalog(store, list(g.nodes))
    for n in g.nodes:
        d = cat.get(n)
        if d is not None:
            g.nodes[n].update(d)


def _add_edges(g: nx.MultiDiGraph, rows: list[dict], s: str, o: str, pred: str | None = None) -> None:
    for r in rows:
        p = pred or r.get("p", "")
        p = p.rsplit("#", 1)[-1]
        if not g.has_edge(r[s], r[o], key=p):
            g.add_edge(r[s], r[o], key=p, predicate=p)


_COUNTY_ROLLUP = "?a gk:inCounty ?c ."


def overview(store, *, max_items: int = 400, cat: dict | None = None) -> nx.MultiDiGraph:
    """Counties and the mechanisms, campaigns and programs they take up, each item sized by
    the number of counties; past ``max_items`` only the most shared items are kept."""
    rows = _rows(store, f"""SELECT DISTINCT ?c ?x ?p WHERE {{ ?a ?p ?x . VALUES ?p {{ gk:adopts gk:conducts gk:implements }}
        {_COUNTY_ROLLUP} }}""")
    counties_of: dict[str, set] = defaultdict(set)
    for r in rows:
        counties_of[r["x"]].add(r["c"])
    keep = set(sorted(counties_of, key=lambda x: (-len(counties_of[x]), x))[:max_items])
    g = nx.MultiDiGraph(hidden=len(counties_of) - len(keep), hidden_what="less-shared items")
    _add_edges(g, [r for r in rows if r["x"] in keep], "c", "x")
    _describe(store, g, cat)
    for x in keep:
        g.nodes[x]["size_by"] = len(counties_of[x])
    for n, d in g.nodes(data=True):
        if d.get("type") == "Place":
            d["size_by"] = sum(1 for _ in g.successors(n))
    return g


MAX_COUNTY_STATISTICS = 300


def counties(store) -> list[tuple[str, str, str]]:
    """Every county the reports mention: (IRI, name, division code or ""), by name then IRI."""
    rows = _rows(store, """SELECT DISTINCT ?c ?l ?code WHERE { ?c a gk:County ; skos:prefLabel ?l ; gk:mention ?m .
        OPTIONAL { ?c gk:divisionCode ?code } }""")
    return sorted({(r["c"], r["l"], r["code"] or "") for r in rows}, key=lambda t: (t[1], t[0]))


def _is_county(store, iri: str) -> bool:
    """Is ``iri`` one of :func:`counties`?"""
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return bool(store.query("ASK { ?c a gk:County ; skos:prefLabel ?l ; gk:mention ?m }", prefixes=PREFIXES,
                            substitutions={ox.Variable("c"): node}))


def find_county(store, focus: str) -> str:
    """The county ``focus`` names: its name, its division code or its IRI. Counties share names
    (鼓楼区 is a district of several cities; an anonymised report's 我县 is its own): a name held
    by several is refused with their codes, so that the page shows the one meant."""
    if focus.startswith(("http://", "https://")) and _is_county(store, focus):
        return focus  # (the build's own county pages name theirs so: one question, not the whole list each)
    found = [c for c in counties(store) if focus in c]
    if not found:
        raise GovkgError(f"no county named {focus!r} in this build (see 'govkg query reports_overview')")
    if len(found) > 1:
        raise GovkgError(f"{len(found)} counties are called {focus!r}: give one's division code or IRI as the focus ("
                         + ", ".join(code or iri for iri, _, code in found) + ")")
    return found[0][0]


# What a county page shows besides its statistics, one SELECT each, for one county or many at
# once: the counties come first, as VALUES, so that each county's rows come in the order its own
# query gives them (a page's edges are drawn in that order). (SELECT, subject and object
# variables, predicate or None: the row's ?p.)
_COUNTY_PARTS = (
    ("SELECT DISTINCT ?c ?a ?x ?p WHERE {{ {counties} ?a ?p ?x . VALUES ?p {{ gk:adopts gk:conducts gk:implements }} ?a gk:inCounty ?c . }}",
     "a", "x", None),
    ("SELECT DISTINCT ?c ?a ?c2 WHERE {{ {counties} ?a a gk:Agency ; gk:jurisdiction ?c2 . ?a gk:inCounty ?c . }}", "a", "c2", "jurisdiction"),
    ("SELECT DISTINCT ?c ?a ?c2 WHERE {{ {counties} ?a gk:within ?c2 ; gk:inCounty ?c }}", "a", "c2", "within"),
    ("SELECT DISTINCT ?c ?p ?a WHERE {{ {counties} ?p org:holds/org:postIn ?a . ?a gk:inCounty ?c . }}", "p", "a", "holds"),
    ("SELECT DISTINCT ?c ?h ?a WHERE {{ {counties} ?h gk:awardedTo ?a . ?a gk:inCounty ?c . }}", "h", "a", "awardedTo"),
)
_COUNTY_COMPONENTS = "SELECT DISTINCT ?c ?m ?part WHERE {{ {counties} ?a gk:adopts ?m . ?a gk:inCounty ?c . ?m gk:hasComponent ?part }}"


CountyRows = dict[str, list[list[dict]]]  # county IRI → the rows of each of _COUNTY_PARTS, then of its components


def county_rows(store, iris: Iterable[str]) -> CountyRows:
    """What the pages of the counties ``iris`` show besides their statistics, each query run
    once for all of them (a build's county pages: a handful of queries, not a handful per page)."""
    iris = list(iris)
    out: CountyRows = {c: [[] for _ in range(len(_COUNTY_PARTS) + 1)] for c in iris}
    if not iris:
        return out
    values = "VALUES ?c { " + " ".join(f"<{c}>" for c in iris) + " }"
    for i, q in enumerate([q for q, *_ in _COUNTY_PARTS] + [_COUNTY_COMPONENTS]):
        for r in _select(store, q.format(counties=values)):
            out[r.pop("c")][i].append(r)
    return out


def county(store, name: str, *, cat: dict | None = None, max_statistics: int = MAX_COUNTY_STATISTICS,
           rows: CountyRows | None = None) -> nx.MultiDiGraph:
    """One county (``name``: see :func:`find_county`): its agencies, officials, campaigns, mechanisms with their parts, programs,
    honors and statistics (those of the last ``max_statistics``, in report-id order; the
    rest are counted on the page, and all are in the ``statistics_by_topic`` query).
    ``rows``: the :func:`county_rows` of many counties, this one among them."""
    if rows is not None and name in rows:
        c = name  # one of the counties the rows were read for (by IRI): no question to ask
    else:
        c = find_county(store, name)
        rows = county_rows(store, [c])
    *parts, components = rows[c]
    g = nx.MultiDiGraph()
    g.add_node(c)
    for found, (_, s, o, pred) in zip(parts, _COUNTY_PARTS):
        _add_edges(g, found, s, o, pred)
    _describe(store, g, cat)
    # mechanisms' parts and the county's statistics as leaf nodes
    for r in components:
        pid = f"part:{r['m']}:{r['part']}"
        g.add_node(pid, label=r["part"], type="Component", reports="", code="")
        g.add_edge(r["m"], pid, key="hasComponent", predicate="hasComponent")
    # the county first: Oxigraph joins in the order written, and every statistic first is slow
    # (one query per county, not one for all: statistics of one report and quote stand in the order
    # Oxigraph's sort leaves them, which depends on the rows sorted together)
    inside = f"?a gk:inCounty <{c}> ."
    stats = _rows(store, f"""SELECT ?a ?ind ?v ?u ?q ?rid ?b WHERE {{ {inside} ?s gk:about ?a . ?s a gk:Statistic ;
            gk:indicator ?ind ; gk:value ?v ; gk:unit ?u ; gk:quote ?q ; gk:report/dcterms:identifier ?rid .
            OPTIONAL {{ ?s gk:quoteBegin ?b }} }} ORDER BY ?rid ?b""")
    if len(stats) > max_statistics:  # a decade of a county's reports: thousands of leaves nobody can read
        g.graph.update(hidden=len(stats) - max_statistics, hidden_what="statistics of earlier reports")
    for i, r in enumerate(stats[-max_statistics:] if max_statistics else []):
        sid = f"stat:{c}:{i}"
        g.add_node(sid, label=f"{r['ind']} {r['v']}{r['u']}", type="Statistic", reports=r["rid"], code="", quotes=[r["q"]],
                   mention=[r["rid"], int(r["b"] or 0)])
        g.add_edge(r["a"], sid, key="about", predicate="about")
    return g


def mechanism(store, *, cat: dict | None = None) -> nx.MultiDiGraph:
    """County × mechanism: who adopted what, and the first year a dated report says so."""
    rows = _rows(store, f"""SELECT ?c ?x (MIN(?y) AS ?year) WHERE {{ ?a gk:adopts ?x . {_COUNTY_ROLLUP}
        ?st rdf:subject ?a ; rdf:predicate gk:adopts ; rdf:object ?x ; gk:report ?r .
        OPTIONAL {{ ?r dcterms:issued ?d . BIND(SUBSTR(STR(?d), 1, 4) AS ?y) }} }} GROUP BY ?c ?x""")
    g = nx.MultiDiGraph()
    for r in rows:
        g.add_edge(r["c"], r["x"], key="adopts", predicate="adopts", year=r["year"] or "")
    _describe(store, g, cat)
    return g


def agency(store, *, cat: dict | None = None) -> nx.MultiDiGraph:
    """Agencies and the campaigns and programs they run."""
    rows = _rows(store, """SELECT DISTINCT ?a ?x ?p WHERE { ?a a gk:Agency ; ?p ?x . VALUES ?p { gk:conducts gk:implements } }""")
    g = nx.MultiDiGraph()
    _add_edges(g, rows, "a", "x")
    _describe(store, g, cat)
    return g


def report(store, report_id: str, *, cat: dict | None = None) -> nx.MultiDiGraph:
    """Everything one report contributed: its entities and the relations read from it."""
    found = _rows(store, "SELECT ?rid ?r WHERE { ?r a gk:Report ; dcterms:identifier ?rid }", rid=report_id)
    if not found:
        raise GovkgError(f"no report {report_id!r} in this build")
    r_iri = found[0]["r"]
    g = nx.MultiDiGraph()
    for r in _rows(store, f"SELECT DISTINCT ?e WHERE {{ ?e gk:mention/gk:report <{r_iri}> }}"):
        g.add_node(r["e"])
    _add_edges(g, _rows(store, f"""SELECT DISTINCT ?s ?o ?p WHERE {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        gk:report <{r_iri}> }}"""), "s", "o")
    _describe(store, g, cat)
    return g


def slice_for(store, kind: str, focus: str | None = None, *, cat: dict[str, dict] | None = None,
              rows: CountyRows | None = None) -> nx.MultiDiGraph:
    """The graph one view shows; ``cat``: a :func:`catalog` of the whole store, and ``rows``:
    the :func:`county_rows` of every county, when many views are made from it."""
    if kind not in KINDS:
        raise GovkgError(f"unknown view kind {kind!r}; choose one of {', '.join(KINDS)}")
    if kind in ("county", "report") and not focus:
        raise GovkgError(f"the {kind} view needs --focus (a {'county name' if kind == 'county' else 'report id'})")
    if kind == "county":
        return county(store, focus, cat=cat, rows=rows)
    if kind == "report":
        return report(store, focus, cat=cat)
    return {"overview": overview, "mechanism": mechanism, "agency": agency}[kind](store, cat=cat)
