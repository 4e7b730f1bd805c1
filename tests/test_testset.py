"""Our own test set (tests/testset): short reports from 27 provinces, several in traditional
script or wrapped in web-page junk, one in GB18030, with gold files in the shared gold format,
scored with ``govkg evaluate``. Written before the extractor was tuned on them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TESTSET = Path(__file__).parent / "testset"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from rdflib import Graph

    from graph import build
    from graph.evaluate import evaluate

    out = tmp_path_factory.mktemp("testset") / "out"
    result = build(TESTSET / "reports", out, view=False)
    assert not result.failures
    g = Graph().parse(out / "graph.ttl", format="turtle")
    return evaluate(g, TESTSET / "gold", reports=TESTSET / "reports")


def test_the_set_is_what_it_claims():
    reports = sorted((TESTSET / "reports").glob("*.txt"))
    assert len(reports) >= 40
    assert len(list((TESTSET / "gold").glob("*.json"))) == len(reports)


def test_entities(scores):
    assert scores["entities"]["all"]["f1"] >= 0.95
    for t in ("Place", "Agency", "Campaign", "Mechanism", "Person"):
        assert scores["entities"][t]["f1"] >= 0.85, t


def test_relations_posts_statistics(scores):
    assert scores["relations"]["all"]["f1"] >= 0.90
    assert scores["relations"]["county_rollup"]["f1"] >= 0.95
    assert scores["posts"]["f1"] >= 0.90
    assert scores["statistics"]["f1"] >= 0.90


def test_provenance(scores):
    assert scores["provenance"]["offsets_valid"] == 1.0
    assert scores["provenance"]["relations_with_evidence"] == 1.0
    assert scores["resolution"]["split_into_several_nodes"] == 0


def test_cli_evaluate(tmp_path):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "graph.cli", "build", str(TESTSET / "reports"), "-o", str(out), "-q"],
                   check=True, cwd=ROOT)
    run = subprocess.run([sys.executable, "-m", "graph.cli", "evaluate", str(out), "--gold", str(TESTSET / "gold")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "entity all" in run.stdout
