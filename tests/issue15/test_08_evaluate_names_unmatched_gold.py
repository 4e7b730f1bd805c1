"""Issue 15, item 8: `govkg evaluate BUILD --gold DIR` where no gold report is in the build
printed F1 0.000 everywhere. The gold files that match no report are named; when none match,
the command fails with a message saying so."""
from __future__ import annotations

import json

from i15 import govkg, one_line_error

REPORT = "慈利县公安局开展“净网2021”专项行动，破获电信网络诈骗案件12起。"


def _gold(report_id: str) -> dict:
    return {"report": report_id, "entities": [{"type": "Agency", "name": "慈利县公安局"},
                                              {"type": "Campaign", "name": "净网2021", "conducted_by": ["慈利县公安局"]}],
            "statistics": []}


def test_item08_unmatched_gold_is_named_and_none_matching_fails(tmp_path):
    src = tmp_path / "reports"
    src.mkdir()
    (src / "cili.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "cili.json").write_text(json.dumps(_gold("cili"), ensure_ascii=False), encoding="utf-8")
    (gold / "typo.json").write_text(json.dumps(_gold("cili-2021"), ensure_ascii=False), encoding="utf-8")
    run = govkg("evaluate", out, "--gold", gold)
    assert run.returncode == 0, run.stderr
    assert "typo.json" in run.stderr and "cili.json" not in run.stderr
    assert "typo.json" in run.stdout
    run = govkg("evaluate", out, "--gold", gold, "--json")
    assert json.loads(run.stdout)["gold_without_report"] == ["typo.json"]

    (gold / "cili.json").unlink()
    line = one_line_error(govkg("evaluate", out, "--gold", gold))
    assert "none of its 1 gold files names a report of this build" in line and "cili-2021" in line and "cili" in line
