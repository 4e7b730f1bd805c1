"""Issue 15, item 7: a corrupt cache or store (manifest.json = [], shared.nq cut short or with
garbage lines, a missing or overwritten .sst, a garbage CURRENT) gave tracebacks, and every
incremental rebuild failed until --clean. Now the damage is set aside with a warning and the
store loaded anew; query and serve on a damaged store say so in one line."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from i15_build import govkg, quads


def _sst(out: Path) -> list[Path]:
    return sorted((out / "store").glob("*.sst"))


DAMAGE = {
    "manifest_is_a_list": lambda out: (out / ".cache" / "manifest.json").write_text("[]"),
    "manifest_is_garbage": lambda out: (out / ".cache" / "manifest.json").write_bytes(b"\x00{garbage"),
    "shared_nq_cut_short": lambda out: (out / ".cache" / "shared.nq").write_bytes((out / ".cache" / "shared.nq").read_bytes()[:700]),
    "shared_nq_lines_lost": lambda out: (out / ".cache" / "shared.nq").write_text(
        "".join((out / ".cache" / "shared.nq").read_text(encoding="utf-8").splitlines(True)[:5]), encoding="utf-8"),
    "shared_nq_garbage_line": lambda out: (out / ".cache" / "shared.nq").open("a").write("garbage line\n"),
    "sst_missing": lambda out: _sst(out)[0].unlink(),
    "sst_overwritten": lambda out: [p.write_bytes(os.urandom(p.stat().st_size)) for p in _sst(out)],
    "sst_cut_short": lambda out: _sst(out)[-1].write_bytes(_sst(out)[-1].read_bytes()[:100]),
    "current_garbage": lambda out: (out / "store" / "CURRENT").write_text("garbage\n"),
    "store_gone": lambda out: shutil.rmtree(out / "store"),
}
TWO_REPORTS = {"a.txt": "凤凰县公安局开展“清风”专项行动，破获案件3起。", "b.txt": "湄潭县人民法院推行“诉调对接”工作机制。"}


@pytest.mark.parametrize("damage", DAMAGE)
def test_item07_a_damaged_cache_or_store_is_set_aside_with_a_warning(tmp_path, damage):
    """A corrupt manifest.json, shared.nq, .sst or CURRENT stopped every incremental rebuild
    with a traceback until --clean."""
    from graph import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, text in TWO_REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    build(src, out, view=False)
    DAMAGE[damage](out)
    (src / "a.txt").write_text(TWO_REPORTS["a.txt"] + "\n县公安局开展“净网”专项行动。", encoding="utf-8")
    again = build(src, out, view=False)
    assert not again.failures and len(again.warnings) == 1 and "the store is loaded anew" in again.warnings[0], again.warnings
    assert "\n" not in again.warnings[0]
    assert again.reused == 1  # the unchanged report's part still checks out on its own
    build(src, tmp_path / "clean", view=False, incremental=False)
    assert (out / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()
    assert quads(out) == quads(tmp_path / "clean")
    assert not build(src, out, view=False).warnings  # and the next rebuild updates the new store again


@pytest.mark.parametrize("damage", ["current_garbage", "sst_missing"])
def test_item07_query_and_serve_on_a_damaged_store_say_so_in_one_line(tmp_path, damage):
    from graph import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TWO_REPORTS["a.txt"], encoding="utf-8")
    build(src, out, view=False)
    DAMAGE[damage](out)
    for run in (govkg("query", "posts", "--from", out), govkg("serve", out, "--port", "0", timeout=60)):
        assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
        assert "the store is damaged" in run.stderr and f"-o {out} --clean" in run.stderr


def test_item07_the_command_says_why_the_store_is_loaded_anew(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TWO_REPORTS["a.txt"], encoding="utf-8")
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    DAMAGE["current_garbage"](out)
    (src / "b.txt").write_text(TWO_REPORTS["b.txt"], encoding="utf-8")
    run = govkg("build", src, "-o", out, "-q", "--no-view")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if ln.startswith("govkg: the store is loaded anew")]
    assert len(lines) == 1 and str(out / "store") in lines[0], run.stderr
