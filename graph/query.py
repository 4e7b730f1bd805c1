"""The query library and the one way queries run: against the build's Oxigraph store, with
parameters turned into RDF terms first (typed, escaped by Oxigraph) and written into the query
as terms (:func:`inline_params`), so a value can never change what the query means.

Each ``graph/queries/NAME.rq`` starts with a header::

    # title: 中文标题 | English title
    # answers: what the rows are
    # param: county label optional | 县级单位名称 | a county-level unit's name
    # param: kind text optional {adopts,conducts} | … | …    (only these values)

Parameter kinds: ``label`` (a Chinese name, bound as a ``@zh`` literal), ``text`` (a plain
string), ``int``, ``iri``.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from .errors import GovkgError
from .model import ENTITY_TYPES
from .vocab import PREFIXES as VOCAB_PREFIXES, rdf_graph

PREFIXES = {**VOCAB_PREFIXES, "id": "https://w3id.org/govkg/id/"}  # predefined in every query


# each entity class → its type name (places come as Province … Village): a VALUES block for queries
_PLACE_CLASSES = ("Place", "Province", "Prefecture", "County", "Township", "Village")
ENTITY_TYPE_VALUES = "VALUES (?t ?type) { " + " ".join(
    [f'(gk:{c} "Place")' for c in _PLACE_CLASSES]
    + [f'(gk:{t} "{t}")' for t in ENTITY_TYPES if t != "Place"]) + " }"


class QueryError(GovkgError):
    """A query that cannot run: bad syntax, a refused feature, a missing parameter."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    required: bool
    help_zh: str = ""
    help_en: str = ""
    choices: tuple[str, ...] = ()  # the only values it takes (header: ``{a,b}`` after optional/required)

    def usage(self) -> str:
        """``--param NAME=…`` as --list shows it (``?``: optional)."""
        return f"--param {self.name}={'|'.join(self.choices) or '…'}" + ("" if self.required else "?")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    answers: str
    params: tuple[Param, ...]
    text: str


@dataclass
class QueryResult:
    kind: str  # "select", "ask" or "graph"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def _parse_header(name: str, text: str) -> NamedQuery:
    title = answers = ""
    params = []
    for line in text.splitlines():
        m = re.match(r"#\s*(title|answers|param):\s*(.*)", line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "title":
            title = value.strip()
        elif key == "answers":
            answers = value.strip()
        else:
            head, *helps = [p.strip() for p in value.split("|")]
            pname, *rest = head.split()
            kind, req, choices = (rest + ["text", "optional", ""][len(rest):])[:3]
            choices = tuple(c.strip() for c in choices.strip("{}").split(",") if c.strip())
            params.append(Param(pname, kind, req == "required", *(helps + ["", ""])[:2], choices=choices))
    return NamedQuery(name, title, answers, tuple(params), text)


@lru_cache(maxsize=1)
def library() -> dict[str, NamedQuery]:
    """The named queries shipped in graph/queries."""
    out = {}
    for f in sorted(resources.files("graph.queries").iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            out[f.name[:-3]] = _parse_header(f.name[:-3], f.read_text(encoding="utf-8"))
    return out


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """A library name, a .rq file path, or query text → (text, named query or None)."""
    lib = library()
    if spec in lib:
        return lib[spec].text, lib[spec]
    p = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 300 and "\n" not in spec and p.is_file()):
        if not p.is_file():
            raise QueryError(f"{spec}: no such query file (and no library query of that name; see 'govkg query --list')")
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError(f"{spec}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        return text, _parse_header(p.stem, text)
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        return spec, None
    raise QueryError(f"{spec!r}: not a library query (see 'govkg query --list'), a .rq file, or SPARQL text")


def _strip_strings_and_comments(q: str) -> str:
    q = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', q)
    q = re.sub(r"<[^<>\s]*>", "<>", q)
    return re.sub(r"#[^\n]*", "", q)


def _has_service(node) -> bool:
    """Whether rdflib's parse tree of a query holds a SERVICE pattern, at any depth."""
    from rdflib.plugins.sparql.parserutils import CompValue

    todo = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, CompValue):
            if n.name == "ServiceGraphPattern":
                return True
            todo.extend(n.values())
        elif isinstance(n, dict):
            todo.extend(n.values())
        elif not isinstance(n, (str, bytes)) and hasattr(n, "__iter__"):  # pyparsing's ParseResults, lists
            todo.extend(n)
    return False


def check_federation(q: str) -> None:
    """Refuse a query that would make the store send a request (SERVICE), found by parsing the
    query, never by reading its text: strings, comments and IRIs cannot hide it. Oxigraph can
    only see the keyword where the letters "service" stand in the text (it does not read \\u
    escapes outside strings), so only such a query is parsed; one rdflib cannot parse then is
    refused too, since it cannot be checked."""
    if not re.search("service", q, re.I):
        return
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(q)
    except Exception as exc:  # pyparsing's ParseException, and whatever else a parser may raise
        detail = " ".join(str(exc).split())[:200]
        raise QueryError(f"SPARQL syntax error, or a form govkg cannot check for SERVICE (which is refused): {detail}") from exc
    if _has_service(tree):
        raise QueryError("SERVICE is refused: this store never sends requests to other hosts")


def check_query(q: str) -> None:
    """Refuse what a read-only, local endpoint must not run."""
    check_federation(q)
    code = _strip_strings_and_comments(q)
    if re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|\{|<|GRAPH|SILENT|DEFAULT|ALL|NAMED)?",
                 code, re.I) and not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", code, re.I):
        raise QueryError("updates are refused: the graph is read-only here")


def bind_params(params: dict[str, str], named: NamedQuery | None) -> dict:
    """Parameter values → pyoxigraph terms, typed by the query's header."""
    import pyoxigraph as ox

    kinds = {p.name: p.kind for p in named.params} if named else {}
    if named:
        missing = [p.name for p in named.params if p.required and p.name not in params]
        if missing:
            raise QueryError(f"query {named.name!r} needs --param {missing[0]}=… ({_param_help(named, missing[0])})")
        unknown = [k for k in params if k not in kinds]
        if unknown:
            raise QueryError(f"query {named.name!r} has no parameter {unknown[0]!r}; it takes: "
                             + (", ".join(kinds) or "none"))
    choices = {p.name: p.choices for p in named.params if p.choices} if named else {}
    out = {}
    for k, v in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k):
            raise QueryError(f"{k!r} is not a parameter name")
        if k in choices and v not in choices[k]:
            raise QueryError(f"query {named.name!r}: --param {k} takes {' or '.join(choices[k])}, not {v!r}")
        kind = kinds.get(k, "text")
        if kind == "label":
            term = ox.Literal(v, language="zh")
        elif kind == "int":
            if not re.fullmatch(r"-?[0-9]+", v):
                raise QueryError(f"parameter {k} must be a whole number, not {v!r}")
            term = ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        elif kind == "iri":
            try:
                term = ox.NamedNode(v)
            except ValueError as exc:
                raise QueryError(f"parameter {k} must be an IRI: {exc}") from exc
        else:
            term = ox.Literal(v)
        out[ox.Variable(k)] = term
    return out


def _param_help(named: NamedQuery, name: str) -> str:
    p = next(p for p in named.params if p.name == name)
    return f"{p.help_zh} / {p.help_en}".strip(" /")


@lru_cache(maxsize=200_000)  # results repeat their labels and ids; rdflib's Literal() is slow to build
def _to_rdflib(term):
    import pyoxigraph as ox

    if term is None:  # an unbound variable
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt) if dt else None)
    raise QueryError(f"cannot convert {term!r}")


_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z_][A-Za-z0-9_]*)
  | (?P<word>[A-Za-z]+)
  | (?P<punct>[{}()])
""", re.X)


def inline_params(query: str, terms: dict) -> str:
    """``query`` with each bound parameter written in as its RDF term (``str(term)``: N-Triples
    syntax, escaped by Oxigraph, so a value can never close a string or add a clause). In a
    projection ``?p`` becomes ``(term AS ?p)``, in GROUP BY / ORDER BY / HAVING ``(term)``,
    elsewhere the bare term. Why: Oxigraph plans a query around the constants it can see; the
    same value bound from outside (substitutions, VALUES, BIND) leaves a FILTER on it unpushed
    (statistics_by_topic: 62 ms with the word in the text, 560 ms bound from outside)."""
    names = {str(k.value if hasattr(k, "value") else k).lstrip("?$"): v for k, v in terms.items()}
    out, pos = [], 0
    depth = 0
    select_paren = None  # paren depth inside a projection (None: not in one)
    paren = 0
    modifier_depth = None  # brace depth at which the last SELECT's group closed (solution modifiers follow)
    select_depths: list[int] = []  # brace depth of each open SELECT
    for m in _TOKENS.finditer(query):
        kind, tok = m.lastgroup, m.group(0)
        if kind == "word":
            up = tok.upper()
            if up == "SELECT":
                select_paren, paren = 0, 0
                select_depths.append(depth)
                modifier_depth = None
            elif up == "WHERE":
                select_paren = None
        elif kind == "punct":
            if tok == "{":
                select_paren = None
                depth += 1
                modifier_depth = None
            elif tok == "}":
                depth -= 1
                if select_depths and depth == select_depths[-1]:
                    select_depths.pop()
                    modifier_depth = depth
            elif tok == "(":
                paren += 1
            elif tok == ")":
                paren -= 1
        elif kind == "var" and tok[1:] in names:
            term = str(names[tok[1:]])
            if select_paren is not None and paren == 0:
                rep = f"({term} AS {tok})"
            elif modifier_depth is not None and depth == modifier_depth:
                rep = f"({term})"
            else:
                rep = term
            out.append(query[pos:m.start()])
            out.append(rep)
            pos = m.end()
    out.append(query[pos:])
    return "".join(out)


def run_on_store(store, query: str, bindings: dict | None = None, *, limit: int | None = None) -> QueryResult:
    """Run ``query`` on a pyoxigraph store (the union of all named graphs as default graph)."""
    check_query(query)
    # the default graph is the union of all reports' graphs, each fact once; a query that names its
    # dataset (FROM …) gets exactly that instead: graphs of this store, never files or URLs
    try:
        if bindings:
            try:
                res = store.query(inline_params(query, bindings), prefixes=PREFIXES)
            except SyntaxError:  # a query shape the inliner does not know: bind from outside
                res = store.query(query, prefixes=PREFIXES, substitutions=bindings)
        else:
            res = store.query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    try:  # results come lazily: evaluation errors surface while reading them
        return _collect(res, limit)
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def _collect(res, limit: int | None) -> QueryResult:
    import pyoxigraph as ox

    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        rows = []
        for sol in res:  # a solution iterates its values in the variables' order (None: unbound), far faster than sol[v]
            rows.append(tuple(map(_to_rdflib, sol)))  # the cache is C code: no Python frame for a cached term
            if limit is not None and len(rows) > limit:
                raise QueryError(f"the result has more than {limit} rows; add LIMIT or narrow the query")
        return QueryResult("select", names, rows)
    g = rdf_graph()  # CONSTRUCT and DESCRIBE results are written with the project's prefixes
    for i, t in enumerate(res):
        g.add((_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)))
        if limit is not None and i >= limit:
            raise QueryError(f"the result has more than {limit} triples; narrow the query")
    return QueryResult("graph", graph=g)


def run(build_dir: str | Path, spec: str, params: dict[str, str] | None = None, *, limit: int | None = None) -> QueryResult:
    """Run a library query (by name), a .rq file or SPARQL text on the build in ``build_dir``."""
    from .store import open_store

    text, named = resolve_query(spec)
    bindings = bind_params(params or {}, named)
    return run_on_store(open_store(build_dir), text, bindings, limit=limit)


# ---------------------------------------------------------------- output formats

def _cell(term) -> str:
    return "" if term is None else str(term)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def graph_text(g: Graph, fmt: str) -> str:
    """A CONSTRUCT or DESCRIBE result in an rdflib format, with the project's prefixes (JSON-LD:
    as its context)."""
    if fmt == "json-ld":
        return g.serialize(format="json-ld", context=VOCAB_PREFIXES)
    return g.serialize(format=fmt)


def format_table(res: QueryResult, *, max_width: int = 60) -> str:
    if res.kind == "ask":
        return "yes\n" if res.boolean else "no\n"
    if res.kind == "graph":
        return graph_text(res.graph, "turtle")

    def clip(s: str) -> str:
        s = s.replace("\n", " ")
        if _width(s) <= max_width:
            return s
        out, w = "", 0
        for c in s:
            cw = _width(c)
            if w + cw > max_width - 1:
                break
            out, w = out + c, w + cw
        return out + "…"

    cells = [[clip(_cell(t)) for t in row] for row in res.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(res.vars)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = [" | ".join(pad(v, w) for v, w in zip(res.vars, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(res.rows)} rows)")
    return "\n".join(lines) + "\n"


def format_delimited(res: QueryResult, delimiter: str) -> str:
    buf = io.StringIO()
    if res.kind != "select":
        raise QueryError("csv and tsv are for SELECT results")
    if delimiter == "\t":  # SPARQL 1.1 TSV: terms in their SPARQL form
        buf.write("\t".join("?" + v for v in res.vars) + "\n")
        for row in res.rows:
            buf.write("\t".join("" if t is None else t.n3() for t in row) + "\n")
        return buf.getvalue()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(res.vars)
    for row in res.rows:
        w.writerow([_cell(t) for t in row])
    return buf.getvalue()


def _json_term(t) -> dict:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    d = {"type": "literal", "value": str(t)}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype:
        d["datatype"] = str(t.datatype)
    return d


def format_json(res: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    if res.kind == "ask":
        return json.dumps({"head": {}, "boolean": res.boolean})
    if res.kind == "graph":
        return graph_text(res.graph, "json-ld")
    return json.dumps({"head": {"vars": res.vars},
                       "results": {"bindings": [{v: _json_term(t) for v, t in zip(res.vars, row) if t is not None}
                                                for row in res.rows]}}, ensure_ascii=False)


def format_xml(res: QueryResult) -> str:
    """SPARQL Query Results XML Format. A character XML cannot hold (a control character in a
    store built elsewhere) is written as U+FFFD, so the document always parses."""
    from xml.sax.saxutils import escape as _escape, quoteattr

    from .rdf import writable

    def escape(text: str) -> str:
        return _escape(writable(text))

    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if res.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if res.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"<variable name={quoteattr(v)}/>" for v in res.vars] + ["</head>", "<results>"]
    for row in res.rows:
        out.append("<result>")
        for v, t in zip(res.vars, row):
            if t is None:
                continue
            if isinstance(t, URIRef):
                inner = f"<uri>{escape(str(t))}</uri>"
            elif isinstance(t, BNode):
                inner = f"<bnode>{escape(str(t))}</bnode>"
            elif t.language:
                inner = f"<literal xml:lang={quoteattr(t.language)}>{escape(str(t))}</literal>"
            elif t.datatype:
                inner = f"<literal datatype={quoteattr(str(t.datatype))}>{escape(str(t))}</literal>"
            else:
                inner = f"<literal>{escape(str(t))}</literal>"
            out.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_frame(res: QueryResult):
    """A SELECT result as a pandas DataFrame: numbers as numbers, names as text."""
    import pandas as pd

    def value(t):
        if t is None:
            return None
        if isinstance(t, Literal) and t.datatype is not None:
            py = t.toPython()
            return py if isinstance(py, (int, float)) or hasattr(py, "year") else str(t)
        return str(t)

    return pd.DataFrame([[value(t) for t in row] for row in res.rows], columns=res.vars)


def frame(build_dir: str | Path, spec: str, **params: str):
    """Run a library query (or a .rq file, or SPARQL text) and return a DataFrame."""
    return to_frame(run(build_dir, spec, params))


FORMATTERS = {"table": format_table, "csv": lambda r: format_delimited(r, ","), "tsv": lambda r: format_delimited(r, "\t"),
              "json": format_json, "xml": format_xml}
