"""Exports of a build into the formats other tools read.

RDF: ttl and trig (as built), nq and nt (sorted lines, so equal builds give equal files),
jsonld. Networks for Gephi: graphml and gexf, entities as nodes with type, label, division
code, reports and mention count as attributes, relations as edges. Tables: csv, a folder of
entities.csv, relations.csv, statistics.csv, posts.csv and adoption.csv.
"""
from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path

from .errors import GovkgError
from .query import ENTITY_TYPE_VALUES, run_on_store
from .outdir import GRAPH_TRIG, GRAPH_TTL
from .store import open_store

FORMATS = ("ttl", "trig", "nq", "nt", "jsonld", "graphml", "gexf", "csv")

_ENTITIES = """
SELECT ?e ?type ?label (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) (SAMPLE(?c) AS ?code) (SAMPLE(?lv) AS ?level)
       (SAMPLE(?j) AS ?jurisdiction) (GROUP_CONCAT(DISTINCT ?rid; separator=" ") AS ?reports) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  ?e a ?t ; skos:prefLabel ?label .
  %TYPES%
  OPTIONAL { ?e skos:altLabel ?alias }
  OPTIONAL { ?e gk:divisionCode ?c }
  OPTIONAL { ?e gk:level ?lv }
  OPTIONAL { ?e gk:jurisdiction/skos:prefLabel ?j }
  OPTIONAL { ?e gk:mention ?m . ?m gk:report/dcterms:identifier ?rid }
} GROUP BY ?e ?type ?label ORDER BY ?type ?label ?e""".replace("%TYPES%", ENTITY_TYPE_VALUES)

_RELATIONS = """
SELECT ?s ?slabel ?predicate ?o ?olabel ?report ?quote WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gk:quote ?quote .
  OPTIONAL { ?st gk:report/dcterms:identifier ?report }
  ?s skos:prefLabel ?slabel . ?o skos:prefLabel ?olabel .
  BIND(STRAFTER(STR(?p), "#") AS ?predicate)
} ORDER BY ?predicate ?slabel ?olabel ?report"""

_STATISTICS = """
SELECT ?report ?subject ?indicator ?value ?unit ?qualifier ?period ?year ?surface ?quote WHERE {
  ?s a gk:Statistic ; gk:report/dcterms:identifier ?report ; gk:indicator ?indicator ; gk:value ?value ; gk:unit ?unit ;
     gk:quote ?quote ; gk:surface ?surface .
  OPTIONAL { ?s gk:about/skos:prefLabel ?subject }
  OPTIONAL { ?s gk:qualifier ?qualifier } OPTIONAL { ?s gk:period ?period } OPTIONAL { ?s gk:periodYear ?year }
} ORDER BY ?report ?s"""

_POSTS = """
SELECT ?person ?post ?organisation ?report ?quote WHERE {
  ?p org:holds ?h ; skos:prefLabel ?person . ?h skos:prefLabel ?post ; org:postIn/skos:prefLabel ?organisation .
  OPTIONAL { ?h gk:report/dcterms:identifier ?report } OPTIONAL { ?h gk:quote ?quote }
} ORDER BY ?person ?organisation ?post"""


def _select(store, q: str) -> tuple[list[str], list[list[str]]]:
    res = run_on_store(store, q)
    return res.vars, [["" if t is None else str(t) for t in row] for row in res.rows]


def export(build_dir: str | Path, fmt: str, out: str | Path, *, progress: bool = False) -> Path:
    """Export the build in ``build_dir`` as ``fmt`` to ``out`` (a file; a folder for csv);
    ``progress``: show the statements written on stderr (:mod:`graph.progress`)."""
    if fmt not in FORMATS:
        raise GovkgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    build, out = Path(build_dir), Path(out)
    store = open_store(build)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        try:
            _write_csv(store, tmp)
            if out.exists():
                shutil.rmtree(out) if out.is_dir() else out.unlink()
            os.replace(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return out
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "ttl":
            shutil.copyfile(build / GRAPH_TTL, tmp)
        elif fmt == "trig":
            shutil.copyfile(build / GRAPH_TRIG, tmp)
        elif fmt in ("nq", "nt"):
            _write_lines(store, fmt, tmp, progress)
        elif fmt == "jsonld":
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(build / GRAPH_TRIG, format="trig")
            tmp.write_text(ds.serialize(format="json-ld", indent=1, ensure_ascii=False), encoding="utf-8")
        else:
            _write_network(store, fmt, tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; an export is not
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _write_lines(store, fmt: str, path: Path, progress: bool = False) -> None:
    import io

    import pyoxigraph as ox

    from .progress import track

    buf = io.BytesIO()
    if fmt == "nq":
        quads = store.quads_for_pattern(None, None, None, None)
        for q in track(quads, total=len(store), what="statements", label="export") if progress else quads:
            if not isinstance(q.graph_name, ox.DefaultGraph):  # the default graph only repeats the named ones
                buf.write(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n".encode("utf-8"))
    else:  # the union of all graphs, each triple once
        seen = set()
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            seen.add(f"{q.subject} {q.predicate} {q.object} .\n")
        buf.write("".join(seen).encode("utf-8"))
    lines = sorted(set(buf.getvalue().decode("utf-8").splitlines(keepends=True)))
    path.write_text("".join(lines), encoding="utf-8")


def _write_csv(store, folder: Path) -> None:
    tables = {"entities.csv": _ENTITIES, "relations.csv": _RELATIONS, "statistics.csv": _STATISTICS, "posts.csv": _POSTS}
    for name, q in tables.items():
        cols, rows = _select(store, q)
        _csv(folder / name, cols, rows)
    from .query import library

    cols, rows = _select(store, library()["adoption_table"].text)
    _csv(folder / "adoption.csv", cols, rows)


def _csv(path: Path, cols: list[str], rows: list[list[str]]) -> None:
    # UTF-8 with a BOM: Excel then opens Chinese text correctly; pandas reads it with encoding="utf-8-sig"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        w.writerows(rows)


def network(store):
    """A networkx MultiDiGraph of entities and relations, attributes flat and never None."""
    import networkx as nx

    g = nx.MultiDiGraph()
    cols, rows = _select(store, _ENTITIES)
    for row in rows:
        r = dict(zip(cols, row))
        g.add_node(r["e"], label=r["label"], type=r["type"], code=r["code"], level=r["level"],
                   jurisdiction=r["jurisdiction"], aliases=r["aliases"], reports=r["reports"],
                   mentions=int(r["mentions"] or 0))
    cols, rows = _select(store, _RELATIONS)
    for row in rows:
        r = dict(zip(cols, row))
        if r["s"] in g and r["o"] in g and not g.has_edge(r["s"], r["o"], key=r["predicate"]):
            g.add_edge(r["s"], r["o"], key=r["predicate"], label=r["predicate"], predicate=r["predicate"],
                       report=r["report"], quote=r["quote"])
    return g


def _write_network(store, fmt: str, path: Path) -> None:
    import networkx as nx

    g = network(store)
    if fmt == "graphml":
        nx.write_graphml(g, path, encoding="utf-8")
    else:
        nx.write_gexf(g, path, encoding="utf-8")
