"""The build's Oxigraph store: the only module that opens, loads and updates it.

A build loads a new store in pieces as the reports' statements come (:class:`StoreLoader`), or
brings the previous build's store up to date by difference (:func:`update_store`); later
commands open it read-only (:func:`open_store`) and query it.
"""
from __future__ import annotations

from pathlib import Path

from .errors import GovkgError, InputError
from .outdir import STORE_DIR
from .statements import header, pieces

# Bytes of statements per bulk load. Each load lands as files overlapping all the store holds, and
# RocksDB merges them into it: small loads keep memory low and overlap a parallel build's
# extraction, but the merging they cause grows with the store. So a load takes half what the
# store holds, between these bounds (on one core, 100× the benchmark corpus: 225 s with 8 MB
# loads, 175 s growing to 48 MB, without views; peak 515 → 826 MB, the bulk loader's buffers).
LOAD_CHUNK = 8_000_000
LOAD_CHUNK_MAX = 48_000_000


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
        """Statements as :func:`graph.statements.report_statements` gives them."""
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
            for piece in pieces(path, LOAD_CHUNK_MAX):
                self._bulk(piece, fmt, graph)

    def _bulk(self, body: bytes, fmt: str, graph) -> None:
        import pyoxigraph as ox

        data = header(fmt) + body
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


def update_store(previous: Path, path: Path, *, drop: list[str], fresh: list[tuple[bytes, bytes]], shared: str,
                 shared_before: str) -> None:
    """A new store at ``path``: the ``previous`` build's, copied (hard links to its immutable
    files, so this costs nothing), without the named graphs in ``drop``, with the ``fresh``
    reports' statements ((TriG, Turtle) as :func:`graph.statements.report_statements` gives
    them), and with the shared graphs (entities, places) changed from ``shared_before`` to
    ``shared`` (N-Quads, as :meth:`graph.rdf.QuadGraph.nquads` writes them: only the lines that
    differ are parsed). The default graph stays the union of the named graphs: a triple leaves
    it when no named graph holds it any more. The same statements a :class:`StoreLoader` would
    load."""
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
        store.load(header("trig") + trig, format=ox.RdfFormat.TRIG)
        store.load(header("ttl") + ttl, format=ox.RdfFormat.TURTLE, to_graph=default)
    for t in gone:
        if all(q.graph_name == default for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
    store.flush()
    del store


class StoreError(GovkgError):
    """The build's store is damaged: it cannot be opened or read."""


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__  # RocksDB's messages run over several lines


def open_store(build_dir: str | Path):
    """The build's Oxigraph store, read-only (several readers may share it); :class:`StoreError`
    in one line if it is damaged."""
    import pyoxigraph as ox

    p = Path(build_dir) / STORE_DIR
    if not p.is_dir():
        raise InputError(f"{build_dir}: no {STORE_DIR}/ here; run 'govkg build' first")
    try:
        return ox.Store.read_only(str(p))
    except OSError as exc:
        raise InputError(f"{p}: cannot open the store: {exc}") from exc
    except (RuntimeError, ValueError) as exc:  # what RocksDB says of a damaged store
        raise StoreError(f"{p}: the store is damaged and cannot be opened ({_reason(exc)}); "
                         f"build it again with 'govkg build SOURCE -o {build_dir} --clean'") from None
