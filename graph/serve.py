"""A read-only SPARQL 1.1 Protocol endpoint over a build, with a query page and the views.

Each query runs in its own process (forked from a preloaded fork server), so a runaway query
is stopped at the time limit by ending that process, and other clients keep being answered.
Updates and SERVICE are refused; FROM names graphs of the store (nothing is fetched or read
from disk); only files of the build's views are served.
"""
from __future__ import annotations

import html
import json
import multiprocessing as mp
import re
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import GovkgError

RESULT_TYPES = {  # media type -> our format name
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
               "application/rdf+xml": "xml", "text/plain": "nt"}
CONTENT_TYPE = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
MAX_QUERY_BYTES = 100_000


@dataclass
class Limits:
    timeout: float = 10.0  # seconds per query
    max_rows: int = 10_000
    max_concurrent: int = 4


def _negotiate(accept: str, graph: bool) -> tuple[str, str]:
    """(our format, media type) for an Accept header."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    prefs = []
    for part in (accept or "").split(","):
        bits = part.strip().split(";")
        mt = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            if b.strip().startswith("q="):
                try:
                    q = float(b.strip()[2:])
                except ValueError:
                    q = 0.0
        prefs.append((q, mt))
    for _, mt in sorted(prefs, key=lambda t: -t[0]):
        if mt in table:
            return table[mt], mt
    return ("turtle", "text/turtle") if graph else ("json", "application/sparql-results+json")


def _child(build_dir: str, query: str, accept: str, max_rows: int, conn) -> None:
    """Run one query in a child process and send (status, content type, body) back."""
    try:
        from .query import FORMATTERS, QueryError, graph_text, run_on_store
        from .store import open_store

        try:
            res = run_on_store(open_store(build_dir), query, limit=max_rows)
            if res.kind == "graph":
                fmt, mt = _negotiate(accept, True)
                body = graph_text(res.graph, fmt)
                conn.send((200, f"{mt}; charset=utf-8", body.encode("utf-8")))
            else:
                fmt, mt = _negotiate(accept, False)
                if res.kind == "ask" and fmt in ("csv", "tsv"):
                    fmt = "json"
                conn.send((200, CONTENT_TYPE[fmt], FORMATTERS[fmt](res).encode("utf-8")))
        except QueryError as err:
            conn.send((400, "text/plain; charset=utf-8", f"{err}\n".encode("utf-8")))
    except Exception as exc:  # the child must always answer
        conn.send((500, "text/plain; charset=utf-8", f"query failed: {type(exc).__name__}: {exc}\n".encode("utf-8")))
    finally:
        conn.close()


_ctx = None
_ctx_lock = threading.Lock()


def _context():
    global _ctx
    with _ctx_lock:
        if _ctx is None:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["graph.query", "graph.store", "pyoxigraph", "rdflib"])
            _ctx = ctx
        return _ctx


def run_limited(build_dir: str, query: str, accept: str, limits: Limits) -> tuple[int, str, bytes]:
    """Run a query with the time limit enforced by ending its process."""
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(build_dir, query, accept, limits.max_rows, child), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(limits.timeout):
            try:
                return parent.recv()
            except EOFError:
                return 500, "text/plain; charset=utf-8", b"the query process ended without an answer\n"
        return 503, "text/plain; charset=utf-8", (
            f"query stopped: it ran past the time limit of {limits.timeout:g} s (govkg serve --timeout)\n").encode("utf-8")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(1)
        parent.close()


def _page(build_dir: Path) -> bytes:
    from .query import library

    examples = [{"name": n, "title": q.title, "answers": q.answers, "text": q.text,
                 "params": [p.name for p in q.params]} for n, q in library().items()]
    views = sorted(p.relative_to(build_dir).as_posix() for p in [build_dir / "view.html", *build_dir.glob("views/*.html")]
                   if p.is_file())
    template = resources.files("graph.web").joinpath("query.html").read_text(encoding="utf-8")
    data = json.dumps({"examples": examples, "views": views}, ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return template.replace("/*DATA*/null", data).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server_version = "govkg"
    build_dir: Path
    limits: Limits
    gate: threading.BoundedSemaphore

    def log_message(self, fmt: str, *args) -> None:  # quiet unless asked
        if getattr(self.server, "verbose", False):
            sys.stderr.write("govkg serve: " + fmt % args + "\n")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy",
                             "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                             "connect-src 'self'; img-src data:")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(200, "text/html; charset=utf-8", _page(self.build_dir))
        if url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                return self._error(403, "updates are refused: this endpoint is read-only")
            if "query" not in params:
                return self._send(200, "text/html; charset=utf-8", _page(self.build_dir))
            return self._query(params["query"][0])
        return self._static(url.path)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, f"no such endpoint: {url.path}; SPARQL goes to /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            return self._error(413, f"query too large: {length} bytes (the limit is {MAX_QUERY_BYTES})")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._error(403, "updates are refused: this endpoint is read-only")
        if ctype == "application/sparql-query":
            return self._query(body)
        params = parse_qs(body, keep_blank_values=True)
        params.update({k: v for k, v in parse_qs(url.query).items() if k not in params})
        if "update" in params:
            return self._error(403, "updates are refused: this endpoint is read-only")
        if "query" not in params:
            return self._error(400, "no query: send query=… (form) or an application/sparql-query body")
        return self._query(params["query"][0])

    def _query(self, query: str) -> None:
        if len(query.encode("utf-8")) > MAX_QUERY_BYTES:
            return self._error(413, f"query too large (the limit is {MAX_QUERY_BYTES} bytes)")
        from .query import QueryError, check_query

        try:
            check_query(query)
        except QueryError as err:
            return self._error(403 if "refused" in str(err) else 400, str(err))
        if not self.gate.acquire(timeout=self.limits.timeout):
            return self._error(503, "the endpoint is busy; try again")
        try:
            status, ctype, body = run_limited(str(self.build_dir), query, self.headers.get("Accept", ""), self.limits)
        finally:
            self.gate.release()
        self._send(status, ctype, body)

    def _static(self, path: str) -> None:
        """Only the build's view pages: view.html and views/*.html, nothing else."""
        rel = path.lstrip("/")
        if not re.fullmatch(r"(view\.html|views/(reports/)?[A-Za-z0-9_\-\u4e00-\u9fff.%]+\.(html|js|css|json))", rel) or ".." in rel:
            return self._error(404, f"not found: {html.escape(path)}")
        from urllib.parse import unquote

        target = (self.build_dir / unquote(rel)).resolve()
        root = self.build_dir.resolve()
        if root not in target.parents or not target.is_file():
            return self._error(404, f"not found: {html.escape(path)}")
        ctype = {"html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8",
                 "css": "text/css; charset=utf-8", "json": "application/json"}[target.suffix[1:]]
        self._send(200, ctype, target.read_bytes())


def make_server(build_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
                verbose: bool = False) -> ThreadingHTTPServer:
    """A server for the build in ``build_dir`` (call ``serve_forever()`` on it)."""
    from .store import open_store

    build = Path(build_dir).resolve()
    open_store(build)  # fail early, with a clear error, if there is no build here
    limits = limits or Limits()
    handler = type("Handler", (_Handler,), {"build_dir": build, "limits": limits,
                                            "gate": threading.BoundedSemaphore(limits.max_concurrent)})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise GovkgError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    server.daemon_threads = True
    server.verbose = verbose
    _context()
    return server
