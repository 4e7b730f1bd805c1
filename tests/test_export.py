"""Exports: every format opens in the tool it is for, with the seed build's content."""
from __future__ import annotations

import csv

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from graph.export import FORMATS, export


@pytest.mark.parametrize("fmt", ["nq", "nt", "jsonld", "ttl", "trig"])
def test_rdf_exports_hold_every_triple(seed_build, tmp_path, fmt):
    path = export(seed_build.out_dir, fmt, tmp_path / f"g.{fmt}")
    union = Graph().parse(seed_build.out_dir / "graph.ttl", format="turtle")
    if fmt in ("nq", "trig", "jsonld"):
        ds = Dataset()
        ds.parse(path, format={"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt])
        triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    else:
        triples = set(Graph().parse(path, format={"nt": "nt", "ttl": "turtle"}[fmt]))
    assert len(triples) == len(union)
    assert oct(path.stat().st_mode & 0o777) != "0o600"


def test_sorted_line_exports_are_stable(seed_build, tmp_path):
    a = export(seed_build.out_dir, "nq", tmp_path / "a.nq").read_bytes()
    b = export(seed_build.out_dir, "nq", tmp_path / "b.nq").read_bytes()
    assert a == b


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networks_open_with_types_and_labels(seed_build, tmp_path, fmt):
    path = export(seed_build.out_dir, fmt, tmp_path / f"g.{fmt}")
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    nodes = {d["label"]: d for _, d in g.nodes(data=True)}
    assert nodes["慈利县"]["type"] == "Place" and nodes["慈利县"]["code"] == "430821000000"
    assert nodes["六位一体"]["type"] == "Mechanism"
    assert any(d.get("predicate") == "adopts" for *_, d in g.edges(data=True))


def test_csv_tables(seed_build, tmp_path):
    folder = export(seed_build.out_dir, "csv", tmp_path / "tables")
    assert {p.name for p in folder.iterdir()} == {"entities.csv", "relations.csv", "statistics.csv", "posts.csv", "adoption.csv"}
    with (folder / "statistics.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert any(r["indicator"] == "新建高清电子监控点" and r["value"] == "2881" and r["year"] == "2017" for r in rows)
    with (folder / "adoption.csv").open(encoding="utf-8-sig") as f:
        assert any(r["county"] == "慈利县" and r["item"] == "六位一体" for r in csv.DictReader(f))


def test_unknown_format_is_a_clear_error(seed_build, tmp_path):
    from graph.errors import GovkgError

    with pytest.raises(GovkgError, match="unknown export format"):
        export(seed_build.out_dir, "xlsx", tmp_path / "x.xlsx")
    assert "csv" in FORMATS
