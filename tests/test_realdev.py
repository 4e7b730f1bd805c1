"""Real reports nobody on the project wrote (``../shared/realdev``: 55 excerpts from 27
provinces with gold), scored on every test run so that no change slides back.

The texts are third-party and are never copied into the project: they are read where they lie,
at run time (or from ``$GOVKG_REALDEV``), and the test is skipped, saying so, where they are
absent. The floors are issue 16's targets; the figures of the day are in the README's quality
table (``govkg evaluate`` gives the same numbers as the reference scorer ``score.py``).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT

REALDEV = Path(os.environ.get("GOVKG_REALDEV", ROOT.parent / "shared" / "realdev"))

# measure → floor; entity F1 below 0.85 fails CI (issue 16), the others hold its other targets
FLOORS = {
    ("entities", "all"): 0.85,
    ("relations", "all"): 0.75,
    ("relations", "county_rollup"): 0.85,
    ("components",): 0.70,
    ("posts",): 0.80,
    ("statistics",): 0.88,
}
TYPE_FLOOR = 0.80  # every entity type with gold


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not (REALDEV / "texts").is_dir() or not (REALDEV / "gold").is_dir():
        pytest.skip(f"the real reports are not here ({REALDEV}/texts and /gold): realdev not scored "
                    "(set GOVKG_REALDEV to their folder to score them)")
    from graph import build
    from graph.evaluate import evaluate
    from graph.outdir import open_graph

    out = tmp_path_factory.mktemp("realdev") / "out"
    result = build(REALDEV / "texts", out, view=False)
    assert result.ok, [f.reason for f in result.failures]
    return evaluate(open_graph(out), REALDEV / "gold", reports=REALDEV / "texts")


def _f1(scores: dict, path: tuple[str, ...]) -> float:
    node = scores
    for key in path:
        node = node[key]
    return node["f1"]


@pytest.mark.parametrize("path", list(FLOORS), ids=lambda p: "/".join(p))
def test_real_reports_hold_their_floor(scores, path):
    got = _f1(scores, path)
    assert got >= FLOORS[path], (f"realdev {'/'.join(path)} F1 {got:.3f} fell below {FLOORS[path]}; "
                                 f"scores: {json.dumps(scores, ensure_ascii=False)[:2000]}")


def test_every_entity_type_with_gold_holds(scores):
    low = {t: round(v["f1"], 3) for t, v in scores["entities"].items()
           if t not in ("all", "untyped") and v["tp"] + v["fn"] > 0 and v["f1"] < TYPE_FLOOR}
    assert not low, f"entity types under {TYPE_FLOOR} on realdev: {low}"


def test_every_fact_points_at_its_words(scores):
    prov = scores["provenance"]
    assert prov["offsets_valid"] == 1.0
    assert prov["relations_with_evidence"] == 1.0
