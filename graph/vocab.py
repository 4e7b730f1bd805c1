"""The govkg vocabulary as a DefinedNamespace: a misspelt term raises at import or use."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://w3id.org/govkg/id/")
# the project's vocabulary prefixes, declared in every RDF text govkg writes (resources keep their
# full, readable IRIs); queries may use them undeclared
PREFIXES = {"gk": "https://w3id.org/govkg/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "dcterms": "http://purl.org/dc/terms/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "org": "http://www.w3.org/ns/org#",
            "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "prov": "http://www.w3.org/ns/prov#"}


def rdf_graph():
    """An empty rdflib Graph that writes the project's prefixes (not ``ns1:`` …)."""
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    return g


class GK(DefinedNamespace):
    _NS = Namespace("https://w3id.org/govkg/ontology#")
    _fail = True

    # classes
    Report: URIRef
    Mention: URIRef
    Entity: URIRef
    Place: URIRef
    Province: URIRef
    Prefecture: URIRef
    County: URIRef
    Township: URIRef
    Village: URIRef
    Agency: URIRef
    Campaign: URIRef
    Program: URIRef
    Mechanism: URIRef
    Person: URIRef
    Document: URIRef
    Honor: URIRef
    Statistic: URIRef
    Sense: URIRef
    # entity properties
    mention: URIRef
    report: URIRef
    divisionCode: URIRef
    level: URIRef
    within: URIRef
    inCounty: URIRef
    borders: URIRef
    jurisdiction: URIRef
    conducts: URIRef
    implements: URIRef
    adopts: URIRef
    hasComponent: URIRef
    componentList: URIRef
    formulaCount: URIRef
    componentsMatchCount: URIRef
    issuedBy: URIRef
    awardedTo: URIRef
    sense: URIRef
    # statistics
    about: URIRef
    indicator: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    period: URIRef
    periodYear: URIRef
    surface: URIRef
    # evidence
    quote: URIRef
    quoteBegin: URIRef
    quoteEnd: URIRef
    evidenceSource: URIRef
    # reports
    focus: URIRef
    script: URIRef
    encoding: URIRef
    characterCount: URIRef
    file: URIRef
    extractedText: URIRef
