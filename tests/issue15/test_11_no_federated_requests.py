"""Issue 15, item 11: SSRF. The SERVICE refusal stripped strings before looking for the keyword,
so `\"\"\"` inside comments or `'` inside IRIs hid it and Oxigraph sent the request (a loopback
listener logged it); `govkg query` did the same. Federation is now refused by parsing the query
(rdflib's SPARQL parser: a SERVICE pattern anywhere in the tree), never by text. A loopback
listener must receive nothing, through `govkg query`, the Python API and the endpoint."""
from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from i15 import govkg


@pytest.fixture()
def listener():
    """A loopback TCP listener that records every connection made to it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    srv.settimeout(0.1)
    hits, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            hits.append(conn)
            conn.close()

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield srv.getsockname()[1], hits
    stop.set()
    t.join()
    srv.close()


def bypasses(port: int) -> dict[str, str]:
    u = f"http://127.0.0.1:{port}/sparql"
    return {
        "plain": f"SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        "triple_quotes_in_comments": f'# """\nSELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}\n# """',
        "apostrophes_in_iris": f"SELECT * WHERE {{ BIND(<urn:a'> AS ?a) SERVICE <{u}> {{ ?s ?p ?o }} BIND(<urn:b'> AS ?b) }}",
        "silent_lower_case": f"select * where {{ service silent <{u}> {{ ?s ?p ?o }} }}",
        "a_variable": f"SELECT * WHERE {{ VALUES ?e {{ <{u}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        "inside_exists": f"ASK {{ FILTER EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
        "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        "prefixed_name": f"PREFIX e: <http://127.0.0.1:{port}/> SELECT * {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
        "relative_to_base": f"BASE <http://127.0.0.1:{port}/> SELECT * {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        "in_a_subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
        "after_a_hash_in_a_string": f'SELECT * WHERE {{ BIND("#\\"\'" AS ?x) SERVICE <{u}> {{ ?s ?p ?o }} }}',
    }


def _quiet(hits) -> None:
    time.sleep(0.3)  # a request Oxigraph made would have connected by now
    assert hits == [], "a request reached the loopback listener"


def test_item11_every_bypass_is_refused_by_the_api_and_nothing_is_sent(seed_build, listener):
    from graph.query import QueryError, run

    port, hits = listener
    for name, q in bypasses(port).items():
        with pytest.raises(QueryError, match="SERVICE"):
            run(seed_build.out_dir, q)
        _quiet(hits)


def test_item11_govkg_query_refuses_them(seed_build, listener):
    port, hits = listener
    for name in ("triple_quotes_in_comments", "apostrophes_in_iris"):
        run = govkg("query", bypasses(port)[name], "--from", seed_build.out_dir)
        assert run.returncode == 2 and "SERVICE is refused" in run.stderr and "Traceback" not in run.stderr, run.stderr
    _quiet(hits)


def test_item11_the_endpoint_refuses_them(seed_build, listener):
    from graph.serve import Limits, make_server

    port, hits = listener
    server = make_server(seed_build.out_dir, "127.0.0.1", 0, Limits(timeout=5.0))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, sport = server.server_address[:2]
        for name, q in bypasses(port).items():
            req = urllib.request.Request(f"http://{host}:{sport}/sparql", data=urllib.parse.urlencode({"query": q}).encode())
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(req, timeout=30)
            assert err.value.code == 403, name
        _quiet(hits)
    finally:
        server.shutdown()
        server.server_close()


def test_item11_the_word_itself_is_no_refusal(seed_build):
    from graph.query import run

    for q in ('SELECT ?l WHERE { ?x skos:prefLabel ?l FILTER(CONTAINS(?l, "SERVICE")) }',
              "# SERVICE <http://example.org/> { }\nASK { ?s ?p ?o }",
              "ASK { <http://example.org/service> ?p ?o }"):
        run(seed_build.out_dir, q)
