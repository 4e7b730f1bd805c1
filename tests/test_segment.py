"""jieba's dictionary, read from govkg's cache: the same dictionary, kept only where it is safe."""
from __future__ import annotations

import os

import jieba
import pytest

from graph import segment


def test_cached_dictionary_is_jiebas_own(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    tk = jieba.Tokenizer()
    tk.initialize()
    segment._cache_dictionary(tk.FREQ, tk.total)
    freq, total = segment._cached_dictionary()
    assert total == tk.total and freq == tk.FREQ
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"{segment._dictionary_key()}.pickle"]  # no temp file left


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cache_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    # a pickle planted by another user would run code: such a folder is ignored
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(shared))
    assert segment.cache_dir() is None
    segment._cache_dictionary({"公安": 1}, 1)
    assert segment._cached_dictionary() is None and not list(shared.iterdir())


def test_unreadable_cache_falls_back(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    (tmp_path / f"{segment._dictionary_key()}.pickle").write_bytes(b"not a pickle")
    assert segment._cached_dictionary() is None
