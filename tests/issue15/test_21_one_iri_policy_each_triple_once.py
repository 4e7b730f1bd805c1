"""Issue 15, item 21: graph.ttl held 7,620 statements for 7,361 distinct triples; IRIs mixed raw
Chinese with percent-encoding (六位一体 raw, 、 as %E3%80%81); CONSTRUCT results used `ns1:`.
Now: one IRI policy (graph.rdf.slug: a name's characters as they are, percent-encoded only ASCII
other than letters, digits and -._~+, and spaces, control and format characters), each triple
stated once in graph.ttl (and once per named graph in graph.trig), the project's prefixes in
every RDF text written. Fixture: REPORTS below, two reports stating the same relation."""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pyoxigraph as ox

from i15 import govkg

REPORTS = {"a.txt": "慈利县公安局开展“禁毒、反诈”专项行动。县法院建立“诉调对接”工作机制。\n",
           "b.txt": "慈利县公安局开展“禁毒、反诈”专项行动，破获案件3起。\n"}


def _build(tmp_path):
    src = tmp_path / "reports"
    src.mkdir()
    for name, text in REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    return out


def test_item21_each_triple_once_in_graph_ttl_and_per_graph(tmp_path):
    out = _build(tmp_path)
    statements = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    quads = list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert len(statements) == len(set(statements))  # no triple stated twice
    assert {q.triple for q in statements} == {q.triple for q in quads}  # the union of the named graphs
    assert len(quads) == len(set(quads))
    conducts = [t for t in statements if t.predicate.value.endswith("#conducts")]
    assert len(conducts) == 1 and sum(q.predicate.value.endswith("#conducts") for q in quads) == 2


def test_item21_one_iri_policy(tmp_path):
    from graph.rdf import slug

    out = _build(tmp_path)
    iris = set(re.findall(r"<(https://w3id\.org/govkg/id/[^>]*)>", (out / "graph.trig").read_text(encoding="utf-8")))
    assert "https://w3id.org/govkg/id/campaign/禁毒、反诈" in iris
    for iri in iris:  # every IRI is in the one canonical form: decoding and encoding again changes nothing
        path = iri.split("#")[0][len("https://w3id.org/govkg/id/"):]
        assert "/".join(slug(unquote(seg)) for seg in path.split("/")) == path, iri
    assert slug("警民同心,网格走亲 二") == "警民同心%2C网格走亲%20二" and slug("零\u200b宽") == "零%E2%80%8B宽"


def test_item21_the_projects_prefixes_in_every_rdf_written(tmp_path):
    out = _build(tmp_path)
    construct = "CONSTRUCT { ?a gk:conducts ?c . ?c skos:prefLabel ?l } WHERE { ?a gk:conducts ?c . ?c skos:prefLabel ?l }"
    ttl = govkg("query", construct, "--from", out).stdout
    assert "@prefix gk: <https://w3id.org/govkg/ontology#>" in ttl and "gk:conducts" in ttl and "ns1:" not in ttl
    ld = json.loads(govkg("query", construct, "--from", out, "-f", "json").stdout)
    assert ld["@context"]["gk"] == "https://w3id.org/govkg/ontology#"
    exported = json.loads(govkg("export", out, "-f", "jsonld", "-o", "-").stdout)
    assert exported["@context"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
    for name in ("graph.ttl", "graph.trig"):
        head = (out / name).read_text(encoding="utf-8").split("\n<", 1)[0]
        assert "@prefix gk: <https://w3id.org/govkg/ontology#> ." in head and "ns1:" not in head
