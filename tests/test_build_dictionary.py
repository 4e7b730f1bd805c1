"""A clean one-process build of many reports loads jieba's whole dictionary before the first
report; a small build, or a rebuild that may extract only a few, looks words up on demand."""
from __future__ import annotations

import importlib

from graph import build

gb = importlib.import_module("graph.build")  # the module: graph.build the name is the function

SENTENCE = "某县公安局开展“护校安园”专项行动，出动警力{n}人次。\n"


def _reports(folder, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:02d}.txt").write_text(SENTENCE.format(n=i + 1), encoding="utf-8")


def _warm_calls(monkeypatch) -> list[bool]:
    calls: list[bool] = []
    real = gb._warm

    def spy(*, whole: bool = False) -> None:
        calls.append(whole)
        real(whole=False)  # the test process keeps its dictionary on demand for the other tests

    monkeypatch.setattr(gb, "_warm", spy)
    return calls


def test_a_clean_build_of_many_reports_loads_the_whole_dictionary_first(tmp_path, monkeypatch):
    _reports(tmp_path / "src", gb.WHOLE_DICTIONARY_REPORTS + 1)
    calls = _warm_calls(monkeypatch)
    build(tmp_path / "src", tmp_path / "out", view=False)
    assert calls and all(calls)


def test_a_small_build_and_a_rebuild_look_words_up_on_demand(tmp_path, monkeypatch):
    _reports(tmp_path / "few", 3)
    _reports(tmp_path / "many", gb.WHOLE_DICTIONARY_REPORTS + 1)
    build(tmp_path / "many", tmp_path / "out", view=False)
    (tmp_path / "many" / "r00.txt").write_text(SENTENCE.format(n=99), encoding="utf-8")
    calls = _warm_calls(monkeypatch)
    build(tmp_path / "few", tmp_path / "out-few", view=False)
    build(tmp_path / "many", tmp_path / "out", view=False)  # one report changed: the rest come from the cache
    assert calls and not any(calls)
