"""Writing a build: the only module that knows the output layout and the store.

Everything is written into a sibling temporary folder which then replaces ``out/``
in one rename, so a reader never sees a half-written build.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from .errors import InputError
from .gazetteer import load as load_gazetteer
from .rdf import dataset

if TYPE_CHECKING:
    from .build import BuildResult

STORE_DIR = "store"  # the persistent Oxigraph store later commands open without re-parsing
GRAPH_TRIG = "graph.trig"
GRAPH_TTL = "graph.ttl"
SUMMARY = "summary.md"
VIEW = "view.html"
VIEWS_DIR = "views"


def write_build(result: "BuildResult", *, view: bool = True, cache: Path | None = None) -> dict[str, Path]:
    from .summary import summary_markdown

    out = result.out_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        quads, triples = sorted_statements(dataset(result.resolved, load_gazetteer()))
        (tmp / GRAPH_TRIG).write_bytes(_serialize(quads, "trig"))
        (tmp / GRAPH_TTL).write_bytes(_serialize(triples, "ttl"))
        (tmp / SUMMARY).write_text(summary_markdown(result), encoding="utf-8")
        load_store(tmp / STORE_DIR, quads=quads, triples=triples)
        if cache is not None and cache.is_dir():  # the extraction cache moves in with the build
            shutil.copytree(cache, tmp / ".cache")
        if view:
            from .views import write_views

            store = open_store(tmp)
            write_views(store, tmp / VIEWS_DIR, result.extractions, top_page=tmp / VIEW)
            del store
        _replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return {name: out / name for name in (GRAPH_TRIG, GRAPH_TTL, SUMMARY) + ((VIEW, VIEWS_DIR) if view else ())}


def _remove_leftovers(out: Path) -> None:
    """Temporary folders a killed build left beside ``out`` (never ``out`` itself)."""
    import time

    for p in out.parent.glob(f".{out.name}.tmp-*"):
        if p.is_dir() and time.time() - p.stat().st_mtime > 60:
            shutil.rmtree(p, ignore_errors=True)
    for p in out.parent.glob(f".{out.name}.old-*"):
        if p.is_dir():
            if not out.exists():  # killed between the two renames: the old build is the one to keep
                os.replace(p, out)
            else:
                shutil.rmtree(p, ignore_errors=True)


def _replace(tmp: Path, out: Path) -> None:
    """Swap the new build in: old → backup, new → out, drop backup. A folder that holds anything
    besides a build (the user's files) is never replaced: the build's entries move into it one by
    one, each atomically, and everything else there stays as it was."""
    build_entries = {GRAPH_TRIG, GRAPH_TTL, SUMMARY, VIEW, VIEWS_DIR, STORE_DIR, ".cache"}
    if out.exists() and any(e.name not in build_entries for e in out.iterdir()):
        for entry in sorted(tmp.iterdir(), key=lambda e: e.name != GRAPH_TRIG):  # graph.trig last: it marks a build
            target = out / entry.name
            if target.exists():
                old = out / f".{entry.name}.old-{os.getpid()}"
                os.replace(target, old)
                os.replace(entry, target)
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
            else:
                os.replace(entry, target)
        shutil.rmtree(tmp, ignore_errors=True)
        return
    backup = None
    if out.exists():
        backup = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, backup)
    os.replace(tmp, out)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


# prefixes of the written files: vocabularies only; resources keep their full, readable IRIs
WRITE_PREFIXES = {"gk": "https://w3id.org/govkg/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
                  "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", "org": "http://www.w3.org/ns/org#",
                  "dcterms": "http://purl.org/dc/terms/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                  "xsd": "http://www.w3.org/2001/XMLSchema#"}


def sorted_statements(quads: list) -> tuple[bytes, bytes]:
    """(N-Quads, N-Triples of the union as a set), each sorted by graph, subject, predicate,
    object: the order the files are written in, so equal graphs give equal bytes."""
    rows = sorted({(str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)) for q in quads})
    nq = "".join(f"{s} {p} {o} {g} .\n" for g, s, p, o in rows)
    triples = sorted({(s, p, o) for _, s, p, o in rows})
    nt = "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    return nq.encode("utf-8"), nt.encode("utf-8")


def _serialize(data: bytes, fmt: str) -> bytes:
    """TriG (from N-Quads) or Turtle (from N-Triples) by Oxigraph's writer, in input order."""
    import pyoxigraph as ox

    src, dst = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG) if fmt == "trig" else (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE)
    return ox.serialize(ox.parse(data, format=src), format=dst, prefixes=WRITE_PREFIXES)


def load_store(path: Path, trig: Path | None = None, *, quads: bytes | None = None, triples: bytes | None = None) -> None:
    """Bulk-load the build into a new on-disk Oxigraph store at ``path``: the named graphs, and
    as default graph their union as a set (graph.ttl), so COUNT(*) counts each fact once."""
    import pyoxigraph as ox

    store = ox.Store(str(path))
    if quads is not None:
        store.bulk_load(quads, format=ox.RdfFormat.N_QUADS)
    elif trig is not None:
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    if triples is not None:
        store.bulk_load(triples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    elif trig is not None and trig.with_name(GRAPH_TTL).exists():
        store.bulk_load(path=str(trig.with_name(GRAPH_TTL)), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    store.flush()
    store.optimize()
    del store  # released before the folder is renamed into place


def open_store(build_dir: str | Path):
    """The build's Oxigraph store, read-only (several readers may share it)."""
    import pyoxigraph as ox

    p = Path(build_dir) / STORE_DIR
    if not p.is_dir():
        raise InputError(f"{build_dir}: no {STORE_DIR}/ here; run 'govkg build' first")
    try:
        return ox.Store.read_only(str(p))
    except OSError as exc:
        raise InputError(f"{p}: cannot open the store: {exc}") from exc


def open_graph(build_dir: str | Path) -> Graph:
    p = Path(build_dir) / GRAPH_TTL
    if not p.exists():
        raise InputError(f"{build_dir}: no {GRAPH_TTL} here; run 'govkg build' first")
    g = Graph()
    g.parse(p, format="turtle")
    return g
