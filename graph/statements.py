"""A named graph's written forms: TriG and Turtle statement blocks under one set of prefix lines.

Each report's graph is written once into blocks without prefix lines, in the layout of
Oxigraph's writers; graph.trig and graph.ttl are these blocks one after another under one
header, and the store is loaded from the same blocks.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .rdf import AS_IS, WRITE_PREFIXES, _TERMS, _turtle_term, turtle_term  # noqa: F401 (the Turtle forms of terms)


@lru_cache(maxsize=2)
def header(fmt: str) -> bytes:
    """The prefix lines the written files start with once (and every block below leaves out);
    ``fmt``: "trig" or "ttl"."""
    import pyoxigraph as ox

    x = ox.NamedNode("urn:x")
    if fmt == "trig":
        data = ox.serialize([ox.Quad(x, x, x, x)], format=ox.RdfFormat.TRIG, prefixes=WRITE_PREFIXES)
    else:
        data = ox.serialize([ox.Triple(x, x, x)], format=ox.RdfFormat.TURTLE, prefixes=WRITE_PREFIXES)
    head = b"".join(line for line in data.splitlines(keepends=True) if line.startswith(b"@prefix "))
    if head.count(b"\n") != len(WRITE_PREFIXES):
        raise RuntimeError("unexpected Oxigraph output: not one @prefix line per prefix")
    return head


def _body(data: bytes, fmt: str) -> bytes:
    head = header(fmt)
    if not data.startswith(head):  # the writer must keep putting the same prefix lines first
        raise RuntimeError("unexpected Oxigraph output: the block does not start with the prefix lines")
    return data[len(head):]


def report_statements(g, nquads: str | None = None) -> tuple[bytes, bytes]:
    """(TriG, Turtle) statements of one named graph (a :class:`graph.rdf.QuadGraph`) without the
    prefix lines, sorted by subject, predicate, object: equal graphs give equal bytes, and the
    files are these blocks one after another under one set of prefix lines. ``nquads``: the
    graph's :meth:`~graph.rdf.QuadGraph.nquads`, if the caller already has it.

    The blocks are laid out here, as Oxigraph's writers lay them out, from the graph's N-Triples
    terms (parsing them into Oxigraph's objects only to write them again took most of the
    graph stage's time); a graph with a term outside the shapes :func:`_turtle_term` knows is
    written by Oxigraph itself."""
    rows = g.sorted_rows()
    if not rows:  # a corpus with no entities or no places: no block at all
        return b"", b""
    graph = f"<{g.identifier}>"
    return (_blocks(graph, rows) or _blocks(graph, g.statements())
            or oxigraph_blocks(g.nquads() if nquads is None else nquads))


def oxigraph_blocks(nquads: str) -> tuple[bytes, bytes]:
    """The (TriG, Turtle) blocks of one graph's N-Quads as Oxigraph's own writers give them:
    for the terms :func:`_blocks` leaves, and the layout it must match."""
    import pyoxigraph as ox

    quads = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    if not quads:  # Oxigraph writes no prefix lines for nothing
        return b"", b""
    trig = _body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=WRITE_PREFIXES), "trig")
    ttl = _graph_block_as_turtle(trig)
    if ttl is None:
        ttl = _body(ox.serialize([q.triple for q in quads], format=ox.RdfFormat.TURTLE, prefixes=WRITE_PREFIXES), "ttl")
    return trig, ttl


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _blocks(graph: str, rows: list[tuple]) -> tuple[bytes, bytes] | None:
    """(TriG, Turtle) of one graph's sorted statements (one given twice is written once) in
    Oxigraph's layout: a subject at the line start, each further predicate on its own line after
    `` ;``, objects of one predicate joined by `` , ``; in TriG all of it one tab in, inside
    ``<graph> {`` … ``}``. None if a term is not one :func:`_turtle_term` writes.

    A row ``(subject, "", described)`` stands for all of a subject's statements, laid out
    already (``described[0]``: its predicates and objects, as they follow the subject; see
    :meth:`graph.rdf.QuadGraph.sorted_rows`); None if the subject has other rows too."""
    out: list[str] = []
    append, terms = out.append, _TERMS.get  # (a cache hit is most terms: looked up here, not in a call)
    # (plain and Chinese literals and our own IRIs are their own Turtle form: not looked up at all)
    last_s = last_p = last_o = None
    for s, p, o in rows:
        if s == last_s:
            if p == last_p:
                if o == last_o:  # the same statement again (rows may repeat: they are sorted, not made unique)
                    continue
                if not p:  # a subject described whole has no other rows
                    return None
                ot = o if o[-1] == '"' or o.startswith(AS_IS) else terms(o) or turtle_term(o)
                if ot is None:
                    return None
                append(" , " + ot)
                last_o = o
                continue
            if not p or not last_p:
                return None
            ot = o if o[-1] == '"' or o.startswith(AS_IS) else terms(o) or turtle_term(o)
            pt = "a" if p == _RDF_TYPE else terms(p) or turtle_term(p)
            if ot is None or pt is None:
                return None
            append(f" ;\n\t{pt} {ot}")
        else:
            st = s if s.startswith(AS_IS) else terms(s) or turtle_term(s)
            if st is None:
                return None
            if not p:
                append(f" .\n{st}{o[0]}" if out else st + o[0])
            else:
                ot = o if o[-1] == '"' or o.startswith(AS_IS) else terms(o) or turtle_term(o)
                pt = "a" if p == _RDF_TYPE else terms(p) or turtle_term(p)
                if ot is None or pt is None:
                    return None
                append(f" .\n{st} {pt} {ot}" if out else f"{st} {pt} {ot}")
            last_s = s
        last_p, last_o = p, o
    append(" .\n")
    ttl = "".join(out).encode("utf-8")
    # the TriG from the Turtle's bytes (no term holds a line break: N-Triples escapes it; and no
    # UTF-8 sequence holds the byte of one): one encoding, and a byte string to indent, not text
    trig = b"%s {\n\t" % graph.encode("utf-8") + ttl[:-1].replace(b"\n", b"\n\t") + b"\n}\n"
    return trig, ttl


def _graph_block_as_turtle(trig: bytes) -> bytes | None:
    """The Turtle of one TriG graph block (``<g> {`` tab-indented statements ``}``): the same
    statements one tab to the left — Oxigraph writes both alike and escapes line breaks and
    tabs inside literals. None if the block is not shaped so."""
    lines = trig.split(b"\n")
    if len(lines) < 3 or not lines[0].endswith(b" {") or lines[-2:] != [b"}", b""]:
        return None
    inner = lines[1:-2]
    if not all(line.startswith(b"\t") for line in inner):
        return None
    return b"".join(line[1:] + b"\n" for line in inner)


def pieces(path: Path, size: int) -> Iterator[bytes]:
    """A written TriG or Turtle file in pieces of about ``size`` bytes, each cut before a line
    that starts a top-level statement (the writer indents every other line)."""
    with open(path, "rb") as f:
        rest = b""
        while True:
            block = f.read(size)
            if not block:
                break
            data = rest + block
            cut = data.rfind(b"\n<")
            if cut < 0:
                rest = data
                continue
            yield data[:cut + 1]
            rest = data[cut + 1:]
        if rest.strip():
            yield rest
