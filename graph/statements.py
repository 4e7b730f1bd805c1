"""A named graph's written forms: TriG and Turtle statement blocks under one set of prefix lines.

Each report's graph is serialised once, by Oxigraph's writers, into blocks without prefix
lines; graph.trig and graph.ttl are these blocks one after another under one header, and the
store is loaded from the same blocks.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

# prefixes of the written files: vocabularies only; resources keep their full, readable IRIs
WRITE_PREFIXES = {"gk": "https://w3id.org/govkg/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
                  "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", "org": "http://www.w3.org/ns/org#",
                  "dcterms": "http://purl.org/dc/terms/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                  "xsd": "http://www.w3.org/2001/XMLSchema#"}


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
    graph's :meth:`~graph.rdf.QuadGraph.nquads`, if the caller already has it."""
    import pyoxigraph as ox

    text = g.nquads() if nquads is None else nquads
    quads = list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    if not quads:  # a corpus with no entities or no places: Oxigraph writes no prefix lines for nothing
        return b"", b""
    trig = _body(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=WRITE_PREFIXES), "trig")
    ttl = _graph_block_as_turtle(trig)
    if ttl is None:
        ttl = _body(ox.serialize([q.triple for q in quads], format=ox.RdfFormat.TURTLE, prefixes=WRITE_PREFIXES), "ttl")
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
