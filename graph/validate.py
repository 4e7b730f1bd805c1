"""SHACL validation of a build against ontology/shapes.ttl (pySHACL)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import GovkgError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Path:
    p = ONTOLOGY_DIR / name
    if not p.exists():
        raise GovkgError(f"{p}: ontology file missing (govkg is meant to run from its source checkout: pip install -e .)")
    return p


@dataclass
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against the govkg shapes, with the ontology for class inference."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    ont = Graph().parse(ontology_file("govkg.ttl"), format="turtle")
    conforms, results, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ont, inference="rdfs",
                                             abort_on_first=False, allow_warnings=True)
    from rdflib.namespace import SH

    n = len(set(results.subjects(predicate=SH.resultSeverity, object=SH.Violation)))
    return ValidationReport(bool(conforms), n, text)
