"""jieba's dictionary and tag table, read from govkg's cache: the same dictionary, kept only where it is
safe; and govkg's part-of-speech cut, the same as jieba.posseg's."""
from __future__ import annotations

import os

import jieba
import pytest

from graph import segment


def test_cached_dictionary_is_jiebas_own(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    tk = jieba.Tokenizer()
    tk.initialize()
    tags = segment._word_tags(tk.get_dict_file())
    segment._cache_dictionary(tk.FREQ, tk.total, tags)
    freq, total, cached_tags = segment._cached_dictionary()
    assert total == tk.total and freq == tk.FREQ and cached_tags == tags
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"{segment._dictionary_key()}.pickle"]  # no temp file left


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cache_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    # a pickle planted by another user would run code: such a folder is ignored
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(shared))
    assert segment.cache_dir() is None
    segment._cache_dictionary({"公安": 1}, 1, {"公安": "n"})
    assert segment._cached_dictionary() is None and not list(shared.iterdir())


def test_unreadable_cache_falls_back(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    (tmp_path / f"{segment._dictionary_key()}.pickle").write_bytes(b"not a pickle")
    assert segment._cached_dictionary() is None


def test_old_cache_shape_is_not_used(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    (tmp_path / f"{segment._dictionary_key()}.pickle").write_bytes(pickle.dumps(({"公安": 1}, 1)))
    assert segment._cached_dictionary() is None


# Chinese with Latin letters, digits, formulas, spaces, line breaks and full-width forms: every
# branch of jieba.posseg's cut without the HMM
POS_SENTENCES = [
    "县公安局开展“净网2024”专项行动，破获案件12起，抓获犯罪嫌疑人35名。",
    "推行“4+1+X”工作模式和“5544”模式，建成A级景区3个。",
    "慈利县委政法委书记张三在会上讲话\r\n要求各乡镇 加强 综治中心建设",
    "全县安装高清摄像头 1.5 万个，覆盖率达 99.8%；APP下载量10万+。",
    "a b c abc ABC123 x_y#z&w 3.14 ..5 ＡＢＣ １２３ 　全角空格",
    "“雪亮工程”“天网工程”建设有序推进……",
    "", " ", "\n\n", "1", "a", "县",
]


def test_pos_tags_match_jieba_posseg():
    import jieba.posseg

    from conftest import ROOT

    texts = POS_SENTENCES + [line for p in sorted((ROOT / "seeds").glob("*.txt"))
                             for line in p.read_text(encoding="utf-8").splitlines()]
    for text in texts:
        want = tuple((p.word, p.flag) for p in jieba.posseg.lcut(text, HMM=False))
        assert segment.pos_tags(text) == want, text
