"""Issue 15, item 15: control characters in a name made `query -f xml` and `export -f graphml/gexf`
write XML that is not well formed; U+FFFE/U+FFFF in graph.ttl are refused by rapper; a 310-digit
count was written as "inf"^^xsd:decimal and `validate` still conformed. Names lose the characters
XML cannot hold where they are made (graph/normalise.py), anchors and other literals carry U+FFFD
in their place (one for one: offsets hold), a non-finite value is never written, and the SHACL
shapes catch both. Fixture: REPORT below, names with C0 controls, DEL, U+FFFE and U+FFFF."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
from rdflib import Graph, Literal

from i15 import govkg

REPORT = ("凤凰县公安局开展“净\x01网\x08行\uffff动\ufffe”专项行动，破获案件" + "9" * 310 + "起，抓获嫌疑人12人。\n"
          "凤凰县建立“调\x1b解\x7f室”工作机制。\n")
BAD = set("\x01\x08\x1b\x7f\ufffe\uffff")


def _build(tmp_path):
    src = tmp_path / "reports"
    src.mkdir()
    (src / "fh.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    run = govkg("build", src, "-o", out, "-q", "--no-view")
    assert run.returncode == 0, run.stderr
    return out


def test_item15_names_are_clean_and_every_xml_output_parses(tmp_path):
    out = _build(tmp_path)
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert not BAD & set(ttl) and "\\uFFFF" not in ttl.upper() and "\\u0001" not in ttl
    g = Graph().parse(out / "graph.ttl", format="turtle")
    labels = {str(o) for o in g.objects() if isinstance(o, Literal)}
    assert "净网行动" in {lab.replace(" ", "") for lab in labels}
    assert not any(BAD & set(lab) for lab in labels)
    run = govkg("query", "SELECT ?l WHERE { ?x skos:prefLabel|nif:anchorOf|gk:quote ?l }", "-f", "xml", "--from", out)
    assert run.returncode == 0 and ET.fromstring(run.stdout.encode("utf-8")).tag.endswith("sparql")
    for fmt in ("graphml", "gexf"):
        path = tmp_path / f"g.{fmt}"
        assert govkg("export", out, "-f", fmt, "-o", path).returncode == 0
        ET.parse(path)
        assert (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path).number_of_nodes() > 0


def test_item15_a_non_finite_count_is_never_written(tmp_path):
    out = _build(tmp_path)
    g = Graph().parse(out / "graph.ttl", format="turtle")
    values = [o for o in g.objects(None, None) if isinstance(o, Literal) and str(o).lower() in ("inf", "-inf", "nan")]
    assert values == []
    from rdflib import URIRef
    assert {int(v) for v in g.objects(None, URIRef("https://w3id.org/govkg/ontology#value"))} == {12}
    run = govkg("validate", out)
    assert run.returncode == 0, run.stdout


def test_item15_the_shapes_catch_unwritable_names_and_infinite_values(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "graph.ttl").write_text("""
@prefix gk: <https://w3id.org/govkg/ontology#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:r> a gk:Report ; dcterms:identifier "r" ; gk:file "r.txt" .
<urn:c> a gk:Campaign ; skos:prefLabel "净\\u0001网\\uFFFF"@zh .
<urn:s> a gk:Statistic ; gk:value "inf"^^xsd:decimal ; gk:unit "起" ; gk:indicator "破获案件"@zh ; gk:report <urn:r> ;
    gk:quote "破获案件…起"@zh .
""", encoding="utf-8")
    run = govkg("validate", bad)
    assert run.returncode == 1 and "2 violation(s)" in run.stderr, run.stdout + run.stderr
    assert "finite number" in run.stdout and "XML cannot carry" in run.stdout
