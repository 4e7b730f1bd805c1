"""Load a build into the user's own triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph of the build (one per report, one for entities, one for places) is sent with
HTTP PUT to ``STORE?graph=<graph IRI>``, which replaces an earlier version of the same graph; a
graph an earlier push put there that the build no longer has (its report was removed) is deleted.
What govkg put in the store is recorded there, in the graph ``https://w3id.org/govkg/id/pushed``
(``dcterms:hasPart`` each graph). Basic and digest authentication are supported
(``--user``/``--password``).
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GovkgError
from .store import open_store


RECORD = "https://w3id.org/govkg/id/pushed"  # a graph in the store listing the graphs govkg put there
GRAPHS = "https://w3id.org/govkg/id/graph/"  # the build's graph namespace: only graphs under it are ever removed
_HAS_PART = "http://purl.org/dc/terms/hasPart"


class PushError(GovkgError):
    """The store refused a graph or could not be reached. ``written``: the graphs written by then."""

    def __init__(self, message: str, written: list[str] | None = None):
        super().__init__(message)
        self.written = written or []


@dataclass
class PushResult:
    store: str
    graphs: list[tuple[str, int]] = field(default_factory=list)  # (graph IRI, triples)
    removed: list[str] = field(default_factory=list)  # graphs an earlier push left that the build no longer has


def _opener(url: str, user: str | None, password: str | None):
    handlers = []
    if user is not None:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


def graphs_of(build_dir: str | Path) -> list[tuple[str, bytes, int]]:
    """(graph IRI, N-Triples bytes, triple count) for every named graph of the build, in IRI order."""
    store = open_store(build_dir)
    out = []
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        lines = sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads_for_pattern(None, None, None, g)})
        out.append((g.value, "".join(lines).encode("utf-8"), len(lines)))
    return out


class _Store:
    """One Graph Store HTTP Protocol endpoint: PUT, GET and DELETE of a named graph."""

    def __init__(self, url: str, user: str | None, password: str | None, timeout: float):
        self.url, self.timeout = url, timeout
        self.opener = _opener(url, user, password)
        self.sep = "&" if "?" in url else "?"

    def _call(self, method: str, graph: str, body: bytes | None = None, ok_missing: bool = False) -> bytes:
        url = f"{self.url}{self.sep}graph={urllib.parse.quote(graph, safe='')}"
        # N-Triples is Turtle too, and every store takes text/turtle
        headers = {"Content-Type": "text/turtle; charset=utf-8"} if body is not None else {"Accept": "application/n-triples, text/turtle"}
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            if ok_missing and exc.code == 404:
                return b""
            detail = " ".join(exc.read()[:300].decode("utf-8", errors="replace").split())
            raise PushError(f"{self.url}: the store refused graph {graph} ({method}): HTTP {exc.code} {exc.reason} {detail}".rstrip()) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(f"{self.url}: cannot reach the store: {getattr(exc, 'reason', exc)}") from exc

    def put(self, graph: str, body: bytes) -> None:
        self._call("PUT", graph, body)

    def delete(self, graph: str) -> None:
        self._call("DELETE", graph, ok_missing=True)

    def record(self) -> set[str]:
        """The graphs earlier pushes put here, as their record lists them (none: no record)."""
        import pyoxigraph as ox

        data = self._call("GET", RECORD, ok_missing=True)
        if not data.strip():
            return set()
        try:
            triples = ox.parse(data, format=ox.RdfFormat.TURTLE)
            return {t.object.value for t in triples if t.predicate.value == _HAS_PART and isinstance(t.object, ox.NamedNode)}
        except (SyntaxError, ValueError) as exc:
            raise PushError(f"{self.url}: the record of earlier pushes (graph {RECORD}) cannot be read: {exc}") from exc

    def write_record(self, graphs: set[str]) -> None:
        self.put(RECORD, "".join(f"<{RECORD}> <{_HAS_PART}> <{g}> .\n" for g in sorted(graphs)).encode("utf-8"))


def push(build_dir: str | Path, store_url: str, *, user: str | None = None, password: str | None = None,
         timeout: float = 120.0, progress: bool = False) -> PushResult:
    """PUT every named graph of the build into the Graph Store at ``store_url`` and DELETE the
    graphs an earlier push put there that the build no longer has (a report removed from the
    corpus). The store keeps a record of what govkg put in it (graph ``RECORD``); it lists every
    graph that may be there at every step, so a push cut short is finished by the next one. ``progress``: show the graphs sent on
    stderr (:mod:`graph.progress`)."""
    try:
        split = urllib.parse.urlsplit(store_url)
        ok = split.scheme in ("http", "https") and bool(split.hostname)
    except ValueError:
        ok = False
    if not ok:
        raise PushError(f"{store_url}: the store must be an http(s) Graph Store endpoint URL")
    graphs = graphs_of(build_dir)
    store = _Store(store_url, user, password, timeout)
    result = PushResult(store_url)
    now = {iri for iri, _, _ in graphs}
    before = store.record()
    stale = sorted(g for g in before - now if g.startswith(GRAPHS))
    written: list[str] = []
    try:
        store.write_record(before | now)
        sending = graphs
        if progress:
            from .progress import track

            sending = track(graphs, total=len(graphs), what="graphs", label="push")
        for iri, body, n in sending:
            store.put(iri, body)
            written.append(iri)
            result.graphs.append((iri, n))
        for g in stale:
            store.delete(g)
            result.removed.append(g)
        store.write_record(now)
    except PushError as err:
        raise PushError(f"{err}; {_written(written, len(graphs))}", written) from err
    return result


def _written(written: list[str], total: int) -> str:
    if not written:
        return "no graph of this build was written: the store is as it was"
    shown = ", ".join(written[:8]) + (f" and {len(written) - 8} more" if len(written) > 8 else "")
    done = "all" if len(written) == total else f"{len(written)} of {total}"
    return (f"{done} graphs were written before it ({shown}); the others are as an earlier push left them: "
            "push again to finish")
