"""Load a build into the user's own triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph of the build (one per report, one for places) is sent with HTTP PUT to
``STORE?graph=<graph IRI>``, which replaces an earlier version of the same graph. Basic and
digest authentication are supported (``--user``/``--password``).
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GovkgError
from .store import open_store


class PushError(GovkgError):
    """The store refused a graph or could not be reached."""


@dataclass
class PushResult:
    store: str
    graphs: list[tuple[str, int]] = field(default_factory=list)  # (graph IRI, triples)


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


def push(build_dir: str | Path, store_url: str, *, user: str | None = None, password: str | None = None,
         timeout: float = 120.0) -> PushResult:
    """PUT every named graph of the build into the Graph Store at ``store_url``."""
    try:
        ok = urllib.parse.urlsplit(store_url).scheme in ("http", "https") and urllib.parse.urlsplit(store_url).hostname
    except ValueError:
        ok = False
    if not ok:
        raise PushError(f"{store_url}: the store must be an http(s) Graph Store endpoint URL")
    opener = _opener(store_url, user, password)
    result = PushResult(store_url)
    sep = "&" if "?" in store_url else "?"
    for iri, body, n in graphs_of(build_dir):
        url = f"{store_url}{sep}graph={urllib.parse.quote(iri, safe='')}"
        # N-Triples is Turtle too, and every store takes text/turtle
        req = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "text/turtle; charset=utf-8"})
        try:
            with opener.open(req, timeout=timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", errors="replace").strip()
            raise PushError(f"{store_url}: the store refused graph {iri}: HTTP {exc.code} {exc.reason} {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(f"{store_url}: cannot reach the store: {getattr(exc, 'reason', exc)}") from exc
        result.graphs.append((iri, n))
    return result
