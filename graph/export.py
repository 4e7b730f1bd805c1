"""Exports of a build into the formats other tools read.

RDF: ttl and trig (as built), nq and nt (sorted lines, so equal builds give equal files),
jsonld. Networks for Gephi: graphml and gexf, entities as nodes with type, label, division
code, reports and mention count as attributes, relations as edges. Tables: csv, a folder of
entities.csv, relations.csv, statistics.csv, posts.csv and adoption.csv, written beside
whatever else the folder holds.
"""
from __future__ import annotations

import csv
import io
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import GovkgError
from .output import output_file
from .query import ENTITY_TYPE_VALUES, run_on_store
from .outdir import CACHE_DIR, GRAPH_TRIG, GRAPH_TTL, STORE_DIR, SUMMARY, VIEW, VIEWS_DIR
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


def _select(store, q: str, *, xml: bool = False) -> tuple[list[str], list[list[str]]]:
    """Rows of strings ("" for unbound); ``xml``: with characters XML cannot hold made U+FFFD."""
    from .rdf import writable

    res = run_on_store(store, q)
    cell = (lambda t: "" if t is None else writable(str(t))) if xml else (lambda t: "" if t is None else str(t))
    return res.vars, [[cell(t) for t in row] for row in res.rows]


STDOUT = "-"  # as ``out``: standard output (single-file formats)
TABLES = ("entities.csv", "relations.csv", "statistics.csv", "posts.csv", "adoption.csv")
_BUILD_FILES = (GRAPH_TRIG, GRAPH_TTL, SUMMARY, VIEW)
_BUILD_FOLDERS = (STORE_DIR, CACHE_DIR, VIEWS_DIR)


def export(build_dir: str | Path, fmt: str, out: str | Path, *, progress: bool = False) -> Path:
    """Export the build in ``build_dir`` as ``fmt`` to ``out``: a file (``"-"``: standard
    output), or for csv a folder, into which the five tables are written beside whatever else
    it holds. Only the export's own files are written, each atomically; a link, a device or a
    pipe named as ``out`` is written into, never replaced; an existing file keeps its mode. ``progress``: show the statements
    written on stderr (:mod:`graph.progress`)."""
    if fmt not in FORMATS:
        raise GovkgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    build = Path(build_dir)
    store = open_store(build)
    if str(out) == STDOUT:
        if fmt == "csv":
            raise GovkgError("csv writes a folder of five tables, not one stream: give -o FOLDER")
        stream = sys.stdout.buffer
        _write_file(store, build, fmt, stream, progress)
        stream.flush()
        return Path(STDOUT)
    out = Path(out)
    _refuse_build_paths(build, out, folder=fmt == "csv")
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise GovkgError(f"{out}: not a folder; csv writes a folder of five tables ({', '.join(TABLES)})")
        out.mkdir(parents=True, exist_ok=True)
        for name, (cols, rows) in _tables(store):
            with output_file(out / name) as f:
                _csv(f, cols, rows)
        return out
    with output_file(out) as f:
        _write_file(store, build, fmt, f, progress)
    return out


def _refuse_build_paths(build: Path, out: Path, *, folder: bool) -> None:
    """A folder target must not be the working folder, the build or a folder holding it; no
    target may be one of the build's own files or inside its store, cache or views."""
    b, o = build.resolve(), out.resolve()
    if folder and (o == Path.cwd().resolve() or o == b or o in b.parents):
        what = "the current folder" if o == Path.cwd().resolve() else "the build itself" if o == b else "a folder holding the build"
        raise GovkgError(f"{out}: will not write the tables into {what}; name a folder of their own (e.g. -o tables/)")
    if (not folder and o.parent == b and o.name in _BUILD_FILES) or any(o == b / d or b / d in o.parents for d in _BUILD_FOLDERS):
        raise GovkgError(f"{out}: part of the build in {build}; choose a path outside it")


def _write_file(store, build: Path, fmt: str, f: BinaryIO, progress: bool = False) -> None:
    if fmt in ("ttl", "trig"):
        with open(build / (GRAPH_TTL if fmt == "ttl" else GRAPH_TRIG), "rb") as src:
            shutil.copyfileobj(src, f)
    elif fmt in ("nq", "nt"):
        f.write(_lines(store, fmt, progress))
    elif fmt == "jsonld":
        from rdflib import Dataset

        from .vocab import PREFIXES

        ds = Dataset()
        ds.parse(build / GRAPH_TRIG, format="trig")
        f.write(ds.serialize(format="json-ld", context=PREFIXES, indent=1, ensure_ascii=False).encode("utf-8"))
    else:
        _write_network(store, fmt, f)


def _lines(store, fmt: str, progress: bool = False) -> bytes:
    """Sorted N-Quads of the named graphs, or N-Triples of their union (each triple once)."""
    import pyoxigraph as ox

    from .progress import track

    if fmt == "nq":  # the default graph only repeats the named ones
        quads = store.quads_for_pattern(None, None, None, None)
        if progress:
            quads = track(quads, total=len(store), what="statements", label="export")
        lines = {f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n"
                 for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    else:
        lines = {f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return "".join(sorted(lines)).encode("utf-8")


def _tables(store) -> Iterator[tuple[str, tuple[list[str], list[list[str]]]]]:
    from .query import library

    queries = dict(zip(TABLES, (_ENTITIES, _RELATIONS, _STATISTICS, _POSTS, library()["adoption_table"].text)))
    for name in TABLES:
        yield name, _select(store, queries[name])


def _csv(f: BinaryIO, cols: list[str], rows: list[list[str]]) -> None:
    # UTF-8 with a BOM: Excel then opens Chinese text correctly; pandas reads it with encoding="utf-8-sig"
    text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
    w = csv.writer(text)
    w.writerow(cols)
    w.writerows(rows)
    text.flush()
    text.detach()


def network(store):
    """A networkx MultiDiGraph of entities and relations, attributes flat and never None (and
    free of characters XML cannot hold, which become U+FFFD: GraphML and GEXF are XML)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    cols, rows = _select(store, _ENTITIES, xml=True)
    for row in rows:
        r = dict(zip(cols, row))
        g.add_node(r["e"], label=r["label"], type=r["type"], code=r["code"], level=r["level"],
                   jurisdiction=r["jurisdiction"], aliases=r["aliases"], reports=r["reports"],
                   mentions=int(r["mentions"] or 0))
    cols, rows = _select(store, _RELATIONS, xml=True)
    for row in rows:
        r = dict(zip(cols, row))
        if r["s"] in g and r["o"] in g and not g.has_edge(r["s"], r["o"], key=r["predicate"]):
            g.add_edge(r["s"], r["o"], key=r["predicate"], label=r["predicate"], predicate=r["predicate"],
                       report=r["report"], quote=r["quote"])
    return g


def _write_network(store, fmt: str, f: BinaryIO) -> None:
    import networkx as nx

    g = network(store)
    if fmt == "graphml":
        nx.write_graphml(g, f, encoding="utf-8")
    else:
        nx.write_gexf(g, f, encoding="utf-8")


# ---------------------------------------------------------------- county × year panels

PANEL_FORMATS = ("csv", "parquet")


def export_panel(build_dir: str | Path, out: str | Path, *, diffusion: bool = False, entities: list[str] | tuple = (),
                 min_counties: int = 2, scope: str = "reported", fmt: str | None = None) -> Path:
    """Write a county × year panel of the build in ``build_dir`` to ``out`` (.csv or .parquet).

    The adoption panel (default): one row per county, year and campaign, program or mechanism
    that reports of that year say the county takes up, with how many reports and the first
    (columns :data:`graph.diffusion.PANEL_COLUMNS`). ``diffusion``: the event-history panel of
    :func:`graph.diffusion.event_history` for ``entities`` (names, aliases or IRIs), or for
    every item adopted in at least ``min_counties`` counties with a known year.

    CSV is UTF-8 without a byte-order mark (pandas and R's read.csv read it as it is; the
    Excel tables of ``--format csv`` keep theirs), Parquet needs pyarrow (``pip install
    'govkg[panel]'``)."""
    from .diffusion import HISTORY_COLUMNS, PANEL_COLUMNS, event_history, panel_rows, read_diffusion

    out = Path(out)
    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in PANEL_FORMATS:
        raise GovkgError(f"a panel is written as .csv or .parquet, not {out.name!r} (or give --format csv|parquet)")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise GovkgError("writing Parquet needs pyarrow: pip install 'govkg[panel]' (or write .csv)") from exc
    d = read_diffusion(open_store(Path(build_dir)))
    items = [d.find(e) for e in entities] if entities else None
    if diffusion:
        if items is None:
            items = [i for i in d.shared(min_counties) if len(i.dated) >= min_counties]
        rows, cols = event_history(d, items, scope=scope), HISTORY_COLUMNS
    else:
        rows, cols = panel_rows(d, items), PANEL_COLUMNS
    out.parent.mkdir(parents=True, exist_ok=True)
    with output_file(out) as f:
        if fmt == "csv":
            text = io.TextIOWrapper(f, encoding="utf-8", newline="")
            w = csv.writer(text)
            w.writerow(cols)
            w.writerows([["" if r[c] is None else r[c] for c in cols] for r in rows])
            text.flush()
            text.detach()
        else:
            _write_parquet(rows, cols, f)
    return out


_PANEL_TYPES = {"county_code": "int64", "year": "int32", "reports": "int32", "entity_reports": "int32", "adopted": "int8",
                "adopted_before": "int8", "adopted_undated": "int8", "first_year": "int32", "neighbours_adopted": "int32", "neighbours": "int32",
                "province_share": "float64"}


def _write_parquet(rows: list[dict], cols: tuple[str, ...], f: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, getattr(pa, _PANEL_TYPES.get(c, "string"))()) for c in cols])
    table = pa.Table.from_pylist([{c: r[c] for c in cols} for r in rows], schema=schema)
    pq.write_table(table, f)
