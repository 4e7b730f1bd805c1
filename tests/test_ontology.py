"""The ontology: every term the graph uses is declared, labelled in both languages, and
documented in docs/ontology.html."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from conftest import ROOT
from graph.vocab import GK

ONT = Graph().parse(ROOT / "ontology" / "govkg.ttl", format="turtle")


def test_every_term_the_build_uses_is_declared_and_labelled(seed_build):
    g = Graph().parse(seed_build.out_dir / "graph.ttl", format="turtle")
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(GK._NS))}
    for term in used:
        labels = {lab.language for lab in ONT.objects(term, RDFS.label) if isinstance(lab, Literal)}
        comments = {c.language for c in ONT.objects(term, RDFS.comment) if isinstance(c, Literal)}
        assert {"zh", "en"} <= labels and {"zh", "en"} <= comments, term


def test_generated_documentation_covers_the_ontology():
    html = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    for term in set(ONT.subjects()):
        if isinstance(term, URIRef) and str(term).startswith(str(GK._NS)):
            assert str(term).split("#")[1] in html, term
