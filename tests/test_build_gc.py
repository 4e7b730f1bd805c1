"""A build runs Python's cyclic collector less often, and gives the caller's settings back."""
import gc

import pytest

import importlib
from graph import build

build_mod = importlib.import_module("graph.build")  # the module: graph.build the name is the function


def test_collector_thresholds_inside_a_build_and_restored_after_an_error(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "r.txt").write_text("某某县公安局开展夏季治安打击整治行动。", encoding="utf-8")
    seen = []

    def failing_assemble(items, writer, result):
        seen.append(gc.get_threshold())
        raise RuntimeError("stop here")

    monkeypatch.setattr(build_mod, "assemble", failing_assemble)
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        build(tmp_path / "src", tmp_path / "out")
    assert seen == [build_mod.BUILD_GC_THRESHOLDS]
    assert gc.get_threshold() == before
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_collector_thresholds_restored_after_a_build(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "r.txt").write_text("某某县公安局开展夏季治安打击整治行动。", encoding="utf-8")
    gc.set_threshold(700, 10, 10)
    build(tmp_path / "src", tmp_path / "out", view=False)
    assert gc.get_threshold() == (700, 10, 10)
    assert (tmp_path / "out" / "graph.trig").is_file()
