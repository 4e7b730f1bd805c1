"""The SPARQL endpoint: a standard client, refusals, the time limit, the page and the views."""
from __future__ import annotations

import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.serve import Limits, make_server


@pytest.fixture(scope="module")
def endpoint(seed_build):
    server = make_server(seed_build.out_dir, "127.0.0.1", 0, Limits(timeout=2.0, max_rows=500))
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


def post(url, data: dict, accept="application/sparql-results+json"):
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read().decode("utf-8")


def test_sparqlwrapper_select_json_and_xml(endpoint):
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    sw = SPARQLWrapper(endpoint + "/sparql")
    sw.setQuery("""PREFIX gk: <https://w3id.org/govkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?part WHERE { ?m skos:prefLabel "六位一体"@zh ; gk:hasComponent ?part }""")
    sw.setReturnFormat(JSON)
    parts = {b["part"]["value"] for b in sw.query().convert()["results"]["bindings"]}
    assert {"巡特警", "交警", "武警", "派出所", "城区专职巡防队"} <= parts
    sw.setReturnFormat(XML)
    assert "巡特警" in sw.query().convert().toxml()
    sw.setMethod("GET")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["results"]["bindings"]


def test_content_negotiation(endpoint):
    q = {"query": "SELECT ?l WHERE { ?c a gk:County ; skos:prefLabel ?l } ORDER BY ?l"}
    status, ctype, body = post(endpoint + "/sparql", q, "text/csv")
    assert status == 200 and ctype.startswith("text/csv") and body.splitlines()[0] == "l" and "慈利县" in body
    status, ctype, body = post(endpoint + "/sparql", q, "text/tab-separated-values")
    assert body.splitlines()[0] == "?l" and '"慈利县"@zh' in body
    status, ctype, body = post(endpoint + "/sparql", {"query": "CONSTRUCT { ?c a gk:County } WHERE { ?c a gk:County }"},
                               "text/turtle")
    assert ctype.startswith("text/turtle") and "430821000000" in body


def test_update_and_service_are_refused(endpoint):
    status, _, body = post(endpoint + "/sparql", {"update": "DROP ALL"})
    assert status == 403 and "read-only" in body
    req = urllib.request.Request(endpoint + "/sparql", data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                                 headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403
    status, _, body = post(endpoint + "/sparql", {"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"})
    assert status == 403 and "SERVICE" in body


def test_runaway_query_stops_at_the_time_limit_and_others_are_answered(endpoint):
    runaway = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
    quick = {"query": "ASK { ?c a gk:County }"}
    with ThreadPoolExecutor(4) as pool:
        slow = pool.submit(post, endpoint + "/sparql", runaway)
        time.sleep(0.2)
        fast = [pool.submit(post, endpoint + "/sparql", quick) for _ in range(3)]
        assert all(f.result()[0] == 200 and "true" in f.result()[2] for f in fast)
        t0 = time.time()
        status, _, body = slow.result()
    assert status == 503 and "time limit" in body and time.time() - t0 < 5


def test_result_size_limit(endpoint):
    status, _, body = post(endpoint + "/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert status == 400 and "more than 500 rows" in body


def test_local_files_are_never_read(endpoint):
    for source in ("file:///etc/passwd", "http://127.0.0.1:9/x.ttl"):
        status, _, body = post(endpoint + "/sparql", {"query": f"SELECT * FROM <{source}> WHERE {{ ?s ?p ?o }}"})
        assert status == 200 and "root" not in body and '"bindings": []' in body
    for path in ("/../../etc/passwd", "/views/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/graph.trig", "/store/CURRENT"):
        try:
            with urllib.request.urlopen(endpoint + path, timeout=10) as r:
                code = r.status
        except urllib.error.HTTPError as e:
            code = e.code
        assert code == 404, path


def test_named_graphs_can_be_chosen(endpoint):
    g = "https://w3id.org/govkg/id/graph/report/001_8448e90374b1967b"
    status, _, body = post(endpoint + "/sparql", {"query": f"SELECT DISTINCT ?l FROM <{g}> WHERE {{ ?c a gk:County ; gk:mention/nif:anchorOf ?l }}"})
    assert status == 200 and "攸县" in body and "慈利县" not in body


def test_query_page_and_view(endpoint):
    with urllib.request.urlopen(endpoint + "/", timeout=10) as r:
        page = r.read().decode("utf-8")
    assert "county_mechanisms" in page and "https://" not in page.split("<script")[0] and "cdn" not in page.lower()
    with urllib.request.urlopen(endpoint + "/view.html", timeout=10) as r:
        assert r.status == 200 and b"vis.Network" in r.read()


def test_bounded_load_from_concurrent_clients(endpoint):
    """40 requests from 8 clients at once: every one answered correctly, none lost."""
    q = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?c a gk:County }"}
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: post(endpoint + "/sparql", q), range(40)))
    assert all(status == 200 and '"4"' in body for status, _, body in results), {(s, b[:120]) for s, _, b in results}


def test_oversize_and_malformed_requests(endpoint):
    status, _, body = post(endpoint + "/sparql", {"query": "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000})
    assert status == 413 and "too large" in body
    status, _, body = post(endpoint + "/sparql", {"query": "SELECT WHERE {"})
    assert status == 400 and "syntax" in body.lower()
    status, _, body = post(endpoint + "/sparql", {})
    assert status == 400 and "no query" in body
    status, _, body = post(endpoint + "/nope", {"query": "ASK {}"})
    assert status == 404
