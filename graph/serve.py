"""A read-only SPARQL 1.1 Protocol endpoint over a build, with a query page and the views.

Limits that hold against a hostile client (each tested under load in tests/issue15):

- Requests are read by one event loop, never by a thread per connection: a request line and
  its headers must arrive within ``request_timeout`` seconds in all (not per byte: a client that
  trickles bytes is cut off), headers within 16 KB, a body only with a valid Content-Length of at
  most 100 KB. At most ``max_connections`` are open at once; a new one pushes out the oldest that
  is still sending its request. Then a bounded pool of threads answers.
- A ``Host`` that is a name (not an IP address) must be localhost or one named with
  ``--allow-host``: a page on another site cannot reach this endpoint by rebinding its own name
  to 127.0.0.1 (DNS rebinding).
- Each query runs in its own process (forked from a preloaded fork server), with an address
  space limit (``max_memory_mb``) and a result limit (``max_rows``). Queries start in turns, in
  arrival order: ``max_concurrent`` turns of ``quick`` seconds at once; a query not done by the
  end of its turn goes on beside the next ones, and once it has used ``quick`` seconds of CPU it
  is long: it runs at the lowest CPU priority in one of ``max_long`` places for long queries,
  up to ``timeout`` seconds, or is stopped when those are taken. So a simple query waits for at
  most a few turns, whatever else is running.
- Updates and SERVICE are refused (SERVICE found by parsing the query); FROM names graphs of
  the store (nothing is fetched or read from disk); only files of the build's views are served,
  after decoding and normalising the path.
"""
from __future__ import annotations

import asyncio
import collections
import html
import ipaddress
import json
import multiprocessing as mp
import os
import posixpath
import socket
import stat
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

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
MAX_HEAD_BYTES = 16_384
TEXT = "text/plain; charset=utf-8"
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml"}
REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           408: "Request Timeout", 411: "Length Required", 413: "Content Too Large", 414: "URI Too Long",
           431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
           503: "Service Unavailable"}


@dataclass
class Limits:
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows (or triples) a result may have
    max_concurrent: int = 4  # queries in their turn at once (a turn: the first `quick` seconds)
    max_long: int = 2  # long queries (past `quick` seconds of CPU) at once, run at the lowest CPU priority
    quick: float = 0.25  # seconds of a turn, and of CPU after which a query is long
    max_memory_mb: int = 1024  # address space a query process may add, in MB
    max_waiting: int = 64  # queries waiting for their turn; more are refused (503)
    max_connections: int = 256  # open connections; a new one pushes out the oldest still sending
    request_timeout: float = 5.0  # seconds to receive a whole request (line, headers, body)
    workers: int = 8  # threads answering complete requests


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


def _limit_memory(mb: int) -> None:
    """Cap this process's address space at what it maps now plus ``mb`` MB: a query that needs
    more fails to allocate and its process ends, not the machine's memory."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as f:
            now = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return  # not Linux: no cap (the time limit still holds)
    limit = now + mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(build_dir: str, query: str, accept: str, limits: Limits, conn) -> None:
    """Run one query in a child process and send (status, content type, body) back."""
    try:
        from .query import FORMATTERS, QueryError, graph_text, run_on_store
        from .store import open_store

        store = open_store(build_dir)
        _limit_memory(limits.max_memory_mb)
        try:
            res = run_on_store(store, query, limit=limits.max_rows)
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
            conn.send((400, TEXT, f"{err}\n".encode("utf-8")))
    except MemoryError:
        conn.send((503, TEXT, _memory_message(limits)))
    except Exception as exc:  # the child must always answer
        conn.send((500, TEXT, f"query failed: {type(exc).__name__}: {exc}\n".encode("utf-8")))
    finally:
        conn.close()


def _memory_message(limits: Limits) -> bytes:
    return (f"query stopped: it needed more than {limits.max_memory_mb} MB of memory "
            f"(govkg serve --max-memory)\n").encode("utf-8")


_ctx = None
_ctx_lock = threading.Lock()


def _context():
    global _ctx
    with _ctx_lock:
        if _ctx is None:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["graph.query", "graph.store", "graph.serve", "pyoxigraph", "rdflib"])
            _ctx = ctx
        return _ctx


def _start(build_dir: str, query: str, accept: str, limits: Limits):
    """A query's process and the end of the pipe its answer comes on."""
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(build_dir, query, accept, limits, child), daemon=True)
    proc.start()
    child.close()
    return proc, parent


def _stop(proc, conn) -> None:
    if proc.is_alive():
        proc.kill()
    proc.join(1)
    conn.close()


def _answer(proc, conn, limits: Limits) -> tuple[int, str, bytes]:
    try:
        return conn.recv()
    except (EOFError, OSError):
        proc.join(1)
        if proc.exitcode is not None and proc.exitcode < 0:  # ended by a signal: Rust aborts when an allocation fails
            return 503, TEXT, _memory_message(limits)
        return 500, TEXT, b"the query process ended without an answer\n"


def _cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user and system); the clock's time where /proc is missing."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("inf")


def _nice(pid: int, value: int) -> None:
    try:
        os.setpriority(os.PRIO_PROCESS, pid, value)
    except OSError:  # the process has ended
        pass


def _busy(limits: Limits, what: str) -> tuple[int, str, bytes]:
    return 503, TEXT, (f"query stopped: too many {what} at once (it needed more than its turn of "
                       f"{limits.quick:g} s); try again later\n").encode("utf-8")


def _timeout_answer(limits: Limits) -> tuple[int, str, bytes]:
    return 503, TEXT, (f"query stopped: it ran past the time limit of {limits.timeout:g} s "
                       f"(govkg serve --timeout)\n").encode("utf-8")


class _Turns:
    """Queries take turns in arrival order (see the module's docstring). Lives on the event loop:
    no locks; the waiting on each query's pipe happens in a thread of its own pool."""

    def __init__(self, build_dir: str, limits: Limits):
        self.build_dir, self.limits = build_dir, limits
        self.waiting: collections.deque = collections.deque()
        self.fresh = self.background = self.heavy = 0  # queries in their turn, past it, past it and long
        self.running: set = set()
        self.shed: dict[int, tuple] = {}  # pid -> the answer of a query stopped to make room
        self.pool = ThreadPoolExecutor(limits.max_concurrent + limits.max_long + 2, thread_name_prefix="govkg-query")

    async def run(self, query: str, accept: str) -> tuple[int, str, bytes]:
        if len(self.waiting) >= self.limits.max_waiting:
            return 503, TEXT, b"the endpoint is busy; try again\n"
        fut = asyncio.get_running_loop().create_future()
        self.waiting.append((query, accept, fut))
        self._next()
        return await fut

    def _next(self) -> None:
        while self.waiting and self.fresh < self.limits.max_concurrent:
            query, accept, fut = self.waiting.popleft()
            if fut.done():  # its client went away
                continue
            self.fresh += 1
            asyncio.get_running_loop().create_task(self._execute(query, accept, fut))

    async def _execute(self, query: str, accept: str, fut) -> None:
        loop, limits = asyncio.get_running_loop(), self.limits
        turn, background, heavy = True, False, False
        proc = conn = None
        result = None
        try:
            proc, conn = await loop.run_in_executor(self.pool, _start, self.build_dir, query, accept, limits)
            self.running.add(proc)
            t0 = time.monotonic()
            ready = await loop.run_in_executor(self.pool, conn.poll, limits.quick)
            if not ready:  # its turn is over: the next query starts, this one goes on in the background
                turn, background = False, True
                self.fresh -= 1
                self.background += 1
                self._next()
                _nice(proc.pid, 10)  # the queries in their turn first
                if self.background > limits.max_concurrent + limits.max_long:
                    self._shed()
            while not ready and result is None:
                left = limits.timeout - (time.monotonic() - t0)
                if left <= 0:
                    result = _timeout_answer(limits)
                elif not heavy and _cpu_seconds(proc.pid) >= limits.quick:
                    # a long query (by CPU used, not by the clock: on a busy machine a simple one
                    # can wait for the CPU): one of few, at the lowest priority
                    if self.heavy >= limits.max_long:
                        result = _busy(limits, "long queries running")
                    else:
                        heavy = True
                        self.heavy += 1
                        _nice(proc.pid, 19)
                else:
                    ready = await loop.run_in_executor(self.pool, conn.poll, min(limits.quick, left))
            if proc.pid in self.shed:
                result = self.shed.pop(proc.pid)
            elif result is None:
                result = await loop.run_in_executor(self.pool, _answer, proc, conn, limits)
        except Exception as exc:  # never leave a client without an answer
            result = (500, TEXT, f"query failed: {type(exc).__name__}: {exc}\n".encode("utf-8"))
        finally:
            if proc is not None:
                self.running.discard(proc)
                await loop.run_in_executor(self.pool, _stop, proc, conn)
            self.fresh -= turn
            self.background -= background
            self.heavy -= heavy
            self._next()
        if not fut.done():
            fut.set_result(result)

    def _shed(self) -> None:
        """Too many queries past their turn: stop the one that has used the most CPU (a simple
        query that only waited for the CPU uses little, and stays)."""
        procs = [p for p in self.running if p.pid not in self.shed and p.is_alive()]
        if procs:
            hungriest = max(procs, key=lambda p: _cpu_seconds(p.pid))
            self.shed[hungriest.pid] = _busy(self.limits, "queries running")
            hungriest.kill()

    def close(self) -> None:
        for proc in list(self.running):
            if proc.is_alive():
                proc.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)


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


def static_file(build_dir: Path, url_path: str) -> Path | None:
    """The file of the build's views a URL path names, or None. The path is decoded (UTF-8,
    strictly) and must already be normal: no empty, ``.`` or ``..`` segments, nothing hidden, no
    NUL or backslash, no link anywhere along it; only ``view.html`` and files under ``views/``
    of the kinds the views are made of — what the build wrote, never anything else in the folder."""
    try:
        rel = unquote(url_path, errors="strict").lstrip("/")
    except UnicodeDecodeError:
        return None
    segments = rel.split("/")
    if (not rel or "\x00" in rel or "\\" in rel or posixpath.normpath(rel) != rel
            or any(s in ("", ".", "..") or s.startswith(".") for s in segments)):
        return None
    if not (rel == "view.html" or (segments[0] == "views" and len(segments) > 1)):
        return None
    if posixpath.splitext(rel)[1] not in STATIC_TYPES:
        return None
    path = build_dir
    for s in segments:
        path = path / s
        try:
            st = os.lstat(path)
        except (OSError, ValueError):
            return None
        if stat.S_ISLNK(st.st_mode):
            return None
    return path if stat.S_ISREG(st.st_mode) else None


def _host_allowed(host: str, allowed: frozenset[str]) -> bool:
    """A Host header naming this server: an IP address, localhost, or a name the operator allowed."""
    name = host.strip().lower()
    if name.startswith("["):  # [v6]:port
        name = name[1:name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.rsplit(":", 1)[0]
    name = name.rstrip(".")
    try:
        ipaddress.ip_address(name)
        return True  # an address is no name a page can rebind
    except ValueError:
        pass
    return name == "localhost" or name.endswith(".localhost") or name in allowed


class _Request:
    def __init__(self, method: str, target: str, headers: dict[str, str], body: bytes, peer: str):
        self.method, self.target, self.headers, self.body, self.peer = method, target, headers, body, peer


class _Reject(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class Server:
    """The endpoint for one build (``serve_forever()`` runs it; ``shutdown()`` from another
    thread stops it). The listening socket is bound when it is made."""

    def __init__(self, build_dir: Path, host: str, port: int, limits: Limits, *, verbose: bool = False,
                 allow_hosts: tuple[str, ...] = ()):
        self.build_dir, self.limits, self.verbose = build_dir, limits, verbose
        self.allowed = frozenset(h.lower().rstrip(".") for h in allow_hosts)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
            family, _, _, _, address = infos[0]
            self.socket = socket.socket(family, socket.SOCK_STREAM)
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(address)
            self.socket.listen(512)
        except OSError as exc:
            raise GovkgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
        self.socket.setblocking(False)
        self.server_address = self.socket.getsockname()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._done = threading.Event()
        self._conns: dict = {}  # writer -> (opened at, still reading the request?)

    # ------------------------------------------------------------ running

    def serve_forever(self) -> None:
        self._done.clear()
        try:
            asyncio.run(self._main())
        finally:
            self._done.set()

    def shutdown(self) -> None:
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stopping.set)
            except RuntimeError:
                return
            self._done.wait(10)

    def server_close(self) -> None:
        self.socket.close()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        self._pool = ThreadPoolExecutor(self.limits.workers, thread_name_prefix="govkg-serve")
        self._turns = _Turns(str(self.build_dir), self.limits)
        server = await asyncio.start_server(self._connection, sock=self.socket, limit=MAX_HEAD_BYTES)
        try:
            await self._stopping.wait()
        finally:
            server.close()
            for writer in list(self._conns):
                writer.transport.abort()
            self._turns.close()
            self._pool.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------ one connection

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if len(self._conns) >= self.limits.max_connections:
            reading = [w for w, (_, r) in self._conns.items() if r]
            if not reading:  # every connection holds a complete request: this one must wait its turn elsewhere
                writer.transport.abort()
                return
            oldest = min(reading, key=lambda w: self._conns[w][0])
            self._conns.pop(oldest, None)
            oldest.transport.abort()
        self._conns[writer] = (time.monotonic(), True)
        peer = writer.get_extra_info("peername")
        try:
            try:
                req = await asyncio.wait_for(self._read(reader, peer), self.limits.request_timeout)
            except _Reject as rej:
                return await self._send(writer, "GET", rej.status, TEXT, f"{rej}\n".encode("utf-8"))
            except asyncio.TimeoutError:
                return await self._send(writer, "GET", 408, TEXT,
                                        f"the request did not arrive within {self.limits.request_timeout:g} s\n".encode())
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            if writer not in self._conns:
                return
            self._conns[writer] = (self._conns[writer][0], False)
            try:
                status, ctype, body = await self._respond(req)
            except Exception as exc:  # a bug: answer, and keep serving others
                status, ctype, body = 500, TEXT, f"internal error: {type(exc).__name__}: {exc}\n".encode("utf-8")
            if self.verbose:
                sys.stderr.write(f"govkg serve: {peer[0] if peer else '-'} {req.method} {req.target[:200]} {status}\n")
            await self._send(writer, req.method, status, ctype, body)
        finally:
            self._conns.pop(writer, None)
            if not writer.transport.is_closing():
                writer.transport.abort()

    async def _read(self, reader: asyncio.StreamReader, peer) -> _Request:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError:
            raise _Reject(431, f"request line and headers over {MAX_HEAD_BYTES} bytes") from None
        except asyncio.IncompleteReadError as exc:
            if b"\r\n\r\n" not in exc.partial and len(exc.partial) >= MAX_HEAD_BYTES:
                raise _Reject(431, f"request line and headers over {MAX_HEAD_BYTES} bytes") from None
            raise
        try:
            text = head.decode("latin-1")
        except UnicodeDecodeError:  # latin-1 decodes anything; kept for clarity
            raise _Reject(400, "unreadable request") from None
        line, *fields = text[:-4].split("\r\n")
        parts = line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise _Reject(400, "malformed request line")
        method, target, _ = parts
        if method not in ("GET", "HEAD", "POST"):
            raise _Reject(405 if method.isalpha() and method.isupper() else 400, f"method {method[:20]} is not served here")
        if target.startswith(("http://", "https://")):  # absolute form
            split = urlsplit(target)
            target = split.path + ("?" + split.query if split.query else "")
        if not target.startswith("/"):
            raise _Reject(400, "the request target must be a path")
        headers: dict[str, str] = {}
        for f in fields:
            name, sep, value = f.partition(":")
            if not sep or not name or name != name.strip() or any(c in name for c in " \t"):
                raise _Reject(400, "malformed header line")
            key, value = name.lower(), value.strip()
            if key in headers and key in ("content-length", "host") and headers[key] != value:
                raise _Reject(400, f"two different {name} headers")
            headers[key] = value
        if "host" in headers and not _host_allowed(headers["host"], self.allowed):
            raise _Reject(403, f"Host {headers['host'][:100]!r} is not a name of this endpoint (a page elsewhere "
                               "reaching it through DNS rebinding?); start govkg serve with --allow-host NAME to serve it")
        if "transfer-encoding" in headers:
            raise _Reject(411, "chunked request bodies are not accepted: send Content-Length")
        length = headers.get("content-length", "0")
        if not (length.isascii() and length.isdigit()) or len(length) > 12:
            raise _Reject(400, f"bad Content-Length {length[:20]!r}: a number of bytes")
        n = int(length)
        if n > MAX_QUERY_BYTES:
            raise _Reject(413, f"query too large: {n} bytes (the limit is {MAX_QUERY_BYTES})")
        body = await reader.readexactly(n) if n else b""
        return _Request(method, target, headers, body, peer)

    async def _send(self, writer: asyncio.StreamWriter, method: str, status: int, ctype: str, body: bytes) -> None:
        head = [f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}", f"Content-Type: {ctype}",
                f"Content-Length: {len(body)}", "X-Content-Type-Options: nosniff", "Connection: close",
                "Server: govkg"]
        if ctype.startswith("text/html"):
            head.append("Content-Security-Policy: default-src 'none'; script-src 'unsafe-inline'; "
                        "style-src 'unsafe-inline'; connect-src 'self'; img-src data:")
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (b"" if method == "HEAD" else body)
        try:
            writer.write(data)
            await asyncio.wait_for(writer.drain(), self.limits.request_timeout + len(data) / 100_000)
        except (asyncio.TimeoutError, ConnectionError):
            pass

    # ------------------------------------------------------------ what is answered

    async def _respond(self, req: _Request) -> tuple[int, str, bytes]:
        loop = asyncio.get_running_loop()
        url = urlsplit(req.target)
        if req.method in ("GET", "HEAD"):
            if url.path in ("/", "/index.html"):
                return 200, "text/html; charset=utf-8", await loop.run_in_executor(self._pool, _page, self.build_dir)
            if url.path == "/sparql":
                params = parse_qs(url.query, keep_blank_values=True)
                if "update" in params:
                    return 403, TEXT, b"updates are refused: this endpoint is read-only\n"
                if "query" not in params:
                    return 200, "text/html; charset=utf-8", await loop.run_in_executor(self._pool, _page, self.build_dir)
                return await self._query(params["query"][0], req.headers.get("accept", ""))
            return await loop.run_in_executor(self._pool, self._static, url.path)
        if url.path != "/sparql":
            return 404, TEXT, f"no such endpoint: {url.path[:200]}; SPARQL goes to /sparql\n".encode("utf-8")
        body = req.body.decode("utf-8", errors="replace")
        ctype = req.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return 403, TEXT, b"updates are refused: this endpoint is read-only\n"
        if ctype == "application/sparql-query":
            return await self._query(body, req.headers.get("accept", ""))
        params = parse_qs(body, keep_blank_values=True)
        params.update({k: v for k, v in parse_qs(url.query).items() if k not in params})
        if "update" in params:
            return 403, TEXT, b"updates are refused: this endpoint is read-only\n"
        if "query" not in params:
            return 400, TEXT, b"no query: send query=... (form) or an application/sparql-query body\n"
        return await self._query(params["query"][0], req.headers.get("accept", ""))

    async def _query(self, query: str, accept: str) -> tuple[int, str, bytes]:
        if len(query.encode("utf-8")) > MAX_QUERY_BYTES:
            return 413, TEXT, f"query too large (the limit is {MAX_QUERY_BYTES} bytes)\n".encode("utf-8")
        from .query import QueryError, check_query

        try:
            await asyncio.get_running_loop().run_in_executor(self._pool, check_query, query)
        except QueryError as err:
            return (403 if "refused" in str(err) else 400), TEXT, f"{err}\n".encode("utf-8")
        return await self._turns.run(query, accept)

    def _static(self, url_path: str) -> tuple[int, str, bytes]:
        path = static_file(self.build_dir, url_path)
        if path is None:
            return 404, TEXT, f"not found: {html.escape(url_path[:200])}\n".encode("utf-8")
        try:
            return 200, STATIC_TYPES[path.suffix], path.read_bytes()
        except OSError:
            return 404, TEXT, f"not found: {html.escape(url_path[:200])}\n".encode("utf-8")


def make_server(build_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
                verbose: bool = False, allow_hosts: tuple[str, ...] = ()) -> Server:
    """A server for the build in ``build_dir`` (call ``serve_forever()`` on it)."""
    from .store import open_store

    build = Path(build_dir).resolve()
    open_store(build)  # fail early, with a clear error, if there is no build here
    server = Server(build, host, port, limits or Limits(), verbose=verbose, allow_hosts=allow_hosts)
    _context()
    from multiprocessing import forkserver

    forkserver.ensure_running()  # started now (about a second), not on the first query
    return server
