"""Issue 15, item 3: a report with nothing of one kind stopped the build ("unexpected Oxigraph
output: the block does not start with the prefix lines"): an empty entities or places graph was
not handled. Any report, any corpus builds now. Fixtures: the four one-line reports below."""
from __future__ import annotations

import pytest

from i15_build import govkg, quads


NOTHING_OF_ONE_KIND = ["县公安局开展专项行动。", "慈利县破获案件12起。", "今天天气很好。", "hello world"]


@pytest.mark.parametrize("text", NOTHING_OF_ONE_KIND)
def test_item03_a_report_with_nothing_of_one_kind_builds(tmp_path, text):
    """An empty entities or places graph stopped the build: 'unexpected Oxigraph output: the
    block does not start with the prefix lines'."""
    from rdflib import Dataset

    from graph import build

    (tmp_path / "r.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(tmp_path / "r.txt", out)
    assert result.ok and not result.failures
    assert (out / "view.html").exists() and (out / "views" / "reports" / "r.html").exists()
    assert len(Dataset().parse(out / "graph.trig", format="trig")) > 0 and quads(out)
    # rebuilds that bring the store up to date (the shared graphs empty before or after) agree with clean ones
    for more in ("\n湄潭县公安局开展“清风”专项行动。\n", ""):
        (tmp_path / "r.txt").write_text(text + more + "\n", encoding="utf-8")
        build(tmp_path / "r.txt", out, view=False)
        build(tmp_path / "r.txt", tmp_path / "clean", view=False, incremental=False)
        assert quads(out) == quads(tmp_path / "clean")
        assert (out / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()


def test_item03_the_command_builds_hello_world(tmp_path):
    (tmp_path / "r.txt").write_text("hello world\n", encoding="utf-8")
    run = govkg("build", tmp_path / "r.txt", "-o", tmp_path / "out", "-q")
    assert run.returncode == 0 and not run.stderr, run.stderr
