"""govkg push into a real Virtuoso, and the library's answers read back through Virtuoso's own
SPARQL endpoint equal the embedded store's."""
from __future__ import annotations

import json
import os
import re
import urllib.parse
import urllib.request

import pytest

import virtuoso
from graph.push import PushError, push
from graph.query import library, run

needs_virtuoso = pytest.mark.skipif(not virtuoso.available() and not os.environ.get("CI"),
                                    reason="virtuoso-opensource not installed (CI installs it)")
PARAMS = {"topic": "监控", "place": "张家界市", "county": "慈利县", "name": "县公安局", "mechanism": "六位一体", "kind": "adopts"}


@pytest.fixture(scope="module")
def virt(tmp_path_factory):
    proc, base = virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    yield base
    virtuoso.stop(proc)


def _virtuoso_select(base: str, query: str) -> list[dict]:
    req = urllib.request.Request(base + "/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    with urllib.request.urlopen(req, timeout=120) as r:
        data = json.loads(r.read())
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def _norm(value) -> str:
    if value is None:
        return ""
    s = str(value)
    s = {"1": "true", "0": "false"}.get(s, s) if s in ("0", "1") else s
    if "; " in s:  # GROUP_CONCAT: the order of the parts is the engine's
        s = "; ".join(sorted(s.split("; ")))
    return s


def _rows(dicts, cols):
    return sorted(tuple(_norm(d.get(c)) for c in cols) for d in dicts)


def _with_values(text: str, params: dict) -> str:
    """Virtuoso has no SEP-0007 substitution: the same parameters as a VALUES block (test only)."""
    if not params:
        return text
    names = " ".join("?" + k for k in params)
    vals = " ".join(json.dumps(v) + ("" if k == "topic" else "@zh") for k, v in params.items())  # \\u escapes: Virtuoso garbles raw non-ASCII in query text
    return re.sub(r"WHERE\s*\{", lambda m: f"{m.group(0)} VALUES ({names}) {{ ({vals}) }}", text, count=1)


@needs_virtuoso
def test_push_seeds_and_query_them_back(seed_build, virt):
    store = virt + "/sparql-graph-crud-auth"
    result = push(seed_build.out_dir, store, user="dba", password="dba")
    assert len(result.graphs) == 7  # five reports, entities, places
    # pushing again replaces each report's graph instead of adding to it
    push(seed_build.out_dir, store, user="dba", password="dba")
    count = _virtuoso_select(virt, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                   "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/govkg/id/graph/')) }")
    assert int(count[0]["n"]) == sum(n for _, n in result.graphs)
    for name, q in library().items():
        for params in ({p.name: PARAMS[p.name] for p in q.params if p.required},  # as bare as allowed, and
                       {p.name: PARAMS[p.name] for p in q.params if p.name in PARAMS}):  # every parameter given
            ours = run(seed_build.out_dir, name, params)
            theirs = _virtuoso_select(virt, _with_values(q.text, params))
            cols = ours.vars
            mine = [{c: (None if t is None else str(t)) for c, t in zip(cols, row)} for row in ours.rows]
            assert _rows(mine, cols) == _rows(theirs, cols), (name, params)


@needs_virtuoso
def test_push_errors_are_clear(seed_build, virt):
    with pytest.raises(PushError, match="refused graph"):
        push(seed_build.out_dir, virt + "/sparql-graph-crud-auth", user="dba", password="wrong")
    with pytest.raises(PushError, match="cannot reach"):
        push(seed_build.out_dir, "http://127.0.0.1:9/store")
