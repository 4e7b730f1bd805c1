"""Issue 15, item 9: `govkg explain` showed relations the build does not write (53 shown, 49 in
the graph; one relation twice, with two quotes). explain and the report's graph now take the
same selection (graph.rdf.written), so the audit lists exactly the graph's relations, once each.
Fixture: test_09_report.txt, one campaign conducted in two sentences."""
from __future__ import annotations

import re
import shutil

from i15 import HERE, govkg

REPORT = HERE / "test_09_report.txt"


def _written_relations(out, report_id: str) -> list[tuple[str, str, str]]:
    from graph.rdf import report_graph_iri
    from graph.store import open_store

    rows = open_store(out).query(f"""
        SELECT ?s ?p ?o WHERE {{
          GRAPH <{report_graph_iri(report_id)}> {{ ?st a rdf:Statement ; rdf:subject ?a ; rdf:predicate ?pred ; rdf:object ?b }}
          ?a skos:prefLabel ?s . ?b skos:prefLabel ?o . BIND(STRAFTER(STR(?pred), "#") AS ?p) }}""",
        prefixes={"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "skos": "http://www.w3.org/2004/02/skos/core#"})
    return sorted((r[0].value, r[1].value, r[2].value) for r in rows)


def test_item09_explain_lists_the_graphs_relations_once_each(tmp_path):
    src = tmp_path / "reports"
    src.mkdir()
    shutil.copy(REPORT, src / "cili.txt")
    out = tmp_path / "out"
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    run = govkg("explain", src / "cili.txt")
    assert run.returncode == 0, run.stderr
    shown = re.findall(r"^  (\S+) —(\w+)→ (\S+)$", run.stdout, re.M)
    header = int(re.search(r"^## Relations \((\d+)\)", run.stdout, re.M).group(1))
    in_graph = _written_relations(out, "cili")
    assert ("慈利县公安局", "conducts", "净网2021") in in_graph
    assert len(shown) == len(set(shown)) == header == len(in_graph)
    assert sorted((s, p, o) for s, p, o in shown) == in_graph
