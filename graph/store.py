"""Writing a build: the only module that knows the output layout and the store.

Everything is written into a sibling temporary folder which then replaces ``out/``
in one rename, so a reader never sees a half-written build.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from .errors import InputError
from .timing import stage

if TYPE_CHECKING:
    from .build import BuildResult, ReportPart

STORE_DIR = "store"  # the persistent Oxigraph store later commands open without re-parsing
GRAPH_TRIG = "graph.trig"
GRAPH_TTL = "graph.ttl"
SUMMARY = "summary.md"
VIEW = "view.html"
VIEWS_DIR = "views"
CACHE_DIR = ".cache"  # report parts by content, for the next incremental build
MANIFEST = "manifest.json"  # in CACHE_DIR: the fingerprint, and which part each report's graph came from
SHARED_NQ = "shared.nq"  # in CACHE_DIR: the entities and places graphs as N-Quads, to update the store by difference
FRESH_LIMIT = 256_000_000  # bytes of changed reports' statements held for updating the store in place
# Bytes of statements per bulk load. Each load lands as files overlapping all the store holds, and
# RocksDB merges them into it: small loads keep memory low and overlap a parallel build's
# extraction, but the merging they cause grows with the store. So a load takes half what the
# store holds, between these bounds (on one core, 100× the benchmark corpus: 225 s with 8 MB
# loads, 175 s growing to 48 MB, without views; peak 515 → 826 MB, the bulk loader's buffers).
LOAD_CHUNK = 8_000_000
LOAD_CHUNK_MAX = 48_000_000


class BuildWriter:
    """Writes one build into a temporary folder beside ``out``, report by report as the parts
    arrive, then swaps it in (``finish``) or removes it (``abort``)."""

    def __init__(self, out: Path, *, view: bool = True, fingerprint: str = "", reuse: bool = False, jobs: int = 1):
        """``fingerprint``: the code's (see :func:`graph.build.code_fingerprint`), recorded with
        the build; with ``reuse``, and the same fingerprint as the previous build's in ``out``,
        the store is brought up to date from the previous one instead of loaded anew."""
        self.out = Path(out).resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(self.out)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        self.view = view
        self.jobs = jobs  # processes for writing the views
        self.cache_dir = self.tmp / CACHE_DIR
        self.cache_dir.mkdir()
        self._trig = open(self.tmp / GRAPH_TRIG, "wb", buffering=1 << 20)  # parts are ~20 KB: one write call per MB
        self._ttl = open(self.tmp / GRAPH_TTL, "wb", buffering=1 << 20)
        self._trig.write(_header("trig"))
        self._ttl.write(_header("ttl"))
        from .rdf import TurtleUnion

        self._union = TurtleUnion()  # graph.ttl states each triple once, however many graphs hold it
        if view:
            (self.tmp / VIEWS_DIR / "reports").mkdir(parents=True)
        self.fingerprint = fingerprint
        self._manifest: dict[str, str] = {}  # report id -> the part its graph came from
        self._previous = self._previous_manifest() if reuse and fingerprint else None
        self._fresh: list[tuple[bytes, bytes]] | None = [] if self._previous is not None else None
        self._fresh_bytes = 0
        # no previous store to start from: load the new one as the reports come
        self._loader = StoreLoader(self.tmp / STORE_DIR) if self._fresh is None else None

    def _previous_manifest(self) -> dict[str, str] | None:
        try:
            m = json.loads((self.out / CACHE_DIR / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (m.get("fingerprint") != self.fingerprint or not (self.out / STORE_DIR / "CURRENT").exists()
                or not (self.out / CACHE_DIR / SHARED_NQ).exists()):
            return None
        return m.get("reports")

    def add(self, part: "ReportPart") -> None:
        """One report's graph into graph.trig, graph.ttl and the store, its text page into
        views/reports/."""
        with stage("write"):
            self._trig.write(part.trig)
            self._ttl.write(self._union.add(part.ttl))
            if self.view:
                page = self.tmp / VIEWS_DIR / "reports" / f"{part.report_id}.html"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_bytes(part.page)
            self._manifest[part.report_id] = part.key
            if self._fresh is not None and self._previous.get(part.report_id) != part.key:
                self._fresh.append((part.trig, part.ttl))  # new or changed since the previous build
                self._fresh_bytes += len(part.trig) + len(part.ttl)
                if self._fresh_bytes > FRESH_LIMIT:  # that much change: loading the whole build is quicker
                    self._fresh = None
                    self._trig.flush()
                    self._ttl.flush()
                    self._loader = StoreLoader(self.tmp / STORE_DIR)
                    self._loader.add_files(self.tmp / GRAPH_TRIG, self.tmp / GRAPH_TTL)  # what came so far
                    return
            if self._loader is not None:
                self._loader.add(part.trig, part.ttl)

    def finish(self, result: "BuildResult") -> dict[str, Path]:
        """The graphs that need every report (entities, places), the store, the summary and the
        views; then the build replaces ``out``."""
        from .rdf import entities_graph, places_graph, report_graph_iri
        from .summary import summary_markdown

        tmp = self.tmp
        with stage("graph"):
            graphs = [entities_graph(result.resolved), places_graph(result.resolved)]
            texts = [g.nquads() for g in graphs]  # written once: for the files and for the next build's store update
            shared = [report_statements(g, t) for g, t in zip(graphs, texts)]
            shared_nq = "".join(texts)
        with stage("write"):
            for trig, ttl in shared:
                self._trig.write(trig)
                self._ttl.write(self._union.add(ttl))
            self._trig.close()
            self._ttl.close()
            (tmp / SUMMARY).write_text(summary_markdown(result), encoding="utf-8")
            if self._loader is not None:
                for trig, ttl in shared:
                    self._loader.add(trig, ttl)
                self._loader.close()
                self._loader = None
            else:
                gone = [rid for rid, key in self._previous.items() if self._manifest.get(rid) != key]
                update_store(self.out / STORE_DIR, tmp / STORE_DIR, drop=[str(report_graph_iri(r)) for r in gone],
                             fresh=self._fresh, shared=shared_nq,
                             shared_before=(self.out / CACHE_DIR / SHARED_NQ).read_text(encoding="utf-8"))
            (self.cache_dir / SHARED_NQ).write_text(shared_nq, encoding="utf-8")
            (self.cache_dir / MANIFEST).write_text(json.dumps({"fingerprint": self.fingerprint, "reports": self._manifest},
                                                              ensure_ascii=False, sort_keys=True), encoding="utf-8")
        if self.view:
            from .views import write_views
            from .views.data import catalog_of

            with stage("views"):
                store = open_store(tmp)
                write_views(store, tmp / VIEWS_DIR, top_page=tmp / VIEW, jobs=self.jobs, store_path=tmp / STORE_DIR,
                            cat=catalog_of(result.resolved))
                del store
        with stage("write"):
            _replace(tmp, self.out)
        return {name: self.out / name for name in (GRAPH_TRIG, GRAPH_TTL, SUMMARY) + ((VIEW, VIEWS_DIR) if self.view else ())}

    def abort(self) -> None:
        self._loader = None  # releases the store before its folder goes
        self._trig.close()
        self._ttl.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


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


@lru_cache(maxsize=2)
def _header(fmt: str) -> bytes:
    """The prefix lines the written files start with once (and every block below leaves out)."""
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
    head = _header(fmt)
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


class StoreLoader:
    """A new on-disk Oxigraph store, bulk-loaded in pieces as the statements come (``LOAD_CHUNK``
    bytes at first, growing with the store up to ``LOAD_CHUNK_MAX``): named graphs from TriG, and
    their union as a set (the Turtle of the same triples) as default graph, so COUNT(*) counts
    each fact once. Oxigraph's bulk loader holds its input in memory (900 MB for a 54 MB TriG
    file); in pieces it stays below that, and in a parallel build the loading overlaps the
    extraction."""

    def __init__(self, path: Path):
        import pyoxigraph as ox

        self.store = ox.Store(str(path))
        self._trig: list[bytes] = []
        self._ttl: list[bytes] = []
        self._size = 0
        self._loaded = 0  # bytes loaded so far

    def _chunk(self) -> int:
        return min(LOAD_CHUNK_MAX, max(LOAD_CHUNK, self._loaded // 2))

    def add(self, trig: bytes, ttl: bytes) -> None:
        """Statements as :func:`report_statements` gives them."""
        self._trig.append(trig)
        self._ttl.append(ttl)
        self._size += len(trig) + len(ttl)
        if self._size >= self._chunk():
            self._load()

    def add_files(self, trig: Path, ttl: Path) -> None:
        """Everything in a TriG and a Turtle file as written here (one prefix block on top,
        top-level statements starting at the line start), in pieces."""
        import pyoxigraph as ox

        for path, fmt, graph in ((trig, "trig", None), (ttl, "ttl", ox.DefaultGraph())):
            for piece in _pieces(path, LOAD_CHUNK_MAX):
                self._bulk(piece, fmt, graph)

    def _bulk(self, body: bytes, fmt: str, graph) -> None:
        import pyoxigraph as ox

        data = _header(fmt) + body
        self._loaded += len(body)
        if graph is None:
            self.store.bulk_load(data, format=ox.RdfFormat.TRIG)
        else:
            self.store.bulk_load(data, format=ox.RdfFormat.TURTLE, to_graph=graph)

    def _load(self) -> None:
        import pyoxigraph as ox

        if self._trig:
            self._bulk(b"".join(self._trig), "trig", None)
            self._bulk(b"".join(self._ttl), "ttl", ox.DefaultGraph())
        self._trig, self._ttl, self._size = [], [], 0

    def close(self) -> None:
        self._load()
        self.store.flush()
        self.store.optimize()
        del self.store  # released before the folder is renamed into place


def _pieces(path: Path, size: int) -> Iterator[bytes]:
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


def update_store(previous: Path, path: Path, *, drop: list[str], fresh: list[tuple[bytes, bytes]], shared: str,
                 shared_before: str) -> None:
    """A new store at ``path``: the ``previous`` build's, copied (hard links to its immutable
    files, so this costs nothing), without the named graphs in ``drop``, with the ``fresh``
    reports' statements ((TriG, Turtle) as :func:`report_statements` gives them), and with the
    shared graphs (entities, places) changed from ``shared_before`` to ``shared`` (N-Quads, as
    :meth:`graph.rdf.QuadGraph.nquads` writes them: only the lines that differ are parsed). The
    default graph stays the union of the named graphs: a triple leaves it when no named graph
    holds it any more. The same statements a :class:`StoreLoader` would load."""
    import pyoxigraph as ox

    ox.Store.read_only(str(previous)).backup(str(path))
    store = ox.Store(str(path))
    default = ox.DefaultGraph()
    gone = set()  # triples a named graph lost: the union may have lost them
    for g in drop:
        node = ox.NamedNode(g)
        gone.update(q.triple for q in store.quads_for_pattern(None, None, None, node))
        store.remove_graph(node)
    before, after = set(shared_before.splitlines(True)), set(shared.splitlines(True))

    def parsed(lines: set[str]) -> list:
        return list(ox.parse("".join(sorted(lines)).encode("utf-8"), format=ox.RdfFormat.N_QUADS))

    for q in parsed(before - after):
        store.remove(q)
        gone.add(q.triple)
    store.extend([ox.Quad(q.subject, q.predicate, q.object, g) for q in parsed(after - before) for g in (q.graph_name, default)])
    for trig, ttl in fresh:
        store.load(_header("trig") + trig, format=ox.RdfFormat.TRIG)
        store.load(_header("ttl") + ttl, format=ox.RdfFormat.TURTLE, to_graph=default)
    for t in gone:
        if all(q.graph_name == default for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
    store.flush()
    del store


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
