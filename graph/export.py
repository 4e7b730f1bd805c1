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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(cols)
                w.writerows([["" if r[c] is None else r[c] for c in cols] for r in rows])
        else:
            _write_parquet(rows, cols, tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


_PANEL_TYPES = {"county_code": "int64", "year": "int32", "reports": "int32", "entity_reports": "int32", "adopted": "int8",
                "adopted_before": "int8", "adopted_undated": "int8", "first_year": "int32", "neighbours_adopted": "int32", "neighbours": "int32",
                "province_share": "float64"}


def _write_parquet(rows: list[dict], cols: tuple[str, ...], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, getattr(pa, _PANEL_TYPES.get(c, "string"))()) for c in cols])
    table = pa.Table.from_pylist([{c: r[c] for c in cols} for r in rows], schema=schema)
    pq.write_table(table, path)
