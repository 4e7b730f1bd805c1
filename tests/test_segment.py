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


def test_tokenizer_cuts_as_jiebas_own():
    """govkg's tokenizer computes jieba's word graph and route with fewer steps: the same
    words, with the HMM and without, over the same dictionary."""
    from conftest import ROOT

    tk = segment.tokenizer()
    theirs = jieba.Tokenizer()
    theirs.FREQ, theirs.total, theirs.initialized = tk.FREQ, tk.total, True
    texts = POS_SENTENCES + ["张三丰在平江县矛盾纠纷调处中心说", "研究生命起源", "结婚的和尚未结婚的"]
    texts += [line for p in sorted((ROOT / "seeds").glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    for text in texts:
        for hmm in (False, True):
            assert tk.lcut(text, HMM=hmm) == theirs.lcut(text, HMM=hmm), text
        assert tk.get_DAG(text) == theirs.get_DAG(text)


@pytest.fixture()
def fresh_segment(tmp_path, monkeypatch):
    """segment with its own cache folder and no tokenizer made yet."""
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(segment, "_WHOLE", False)
    for f in (segment.tokenizer, segment._dictionary, segment.pos_tags, segment._cut, segment.word_tag):
        f.cache_clear()
    yield segment
    for f in (segment.tokenizer, segment._dictionary, segment.pos_tags, segment._cut, segment.word_tag):
        f.cache_clear()


def test_words_on_demand_answer_as_the_dictionary(fresh_segment):
    freq, total, tags = fresh_segment._dictionary()
    words = fresh_segment._words_on_demand()
    assert isinstance(words, fresh_segment.WordsOnDemand) and words.total == total
    probes = ["公安局", "公安", "公", "综治中心", "扫黑除恶", "雪亮工程", "不是一个词语", "", "a", "\ud800"]
    probes += [w for w in freq if freq[w] == 0][:50]  # prefixes of words: in the dictionary with count 0
    for w in probes:
        assert (w in words) == (w in freq), w
        assert words.get(w) == freq.get(w) and words.get(w, -1) == freq.get(w, -1), w
        assert words.tags.get(w, "x") == tags.get(w, "x"), w
        if w in freq:
            assert words[w] == freq[w]
        else:
            with pytest.raises(KeyError):
                words[w]


def test_segmenting_on_demand_equals_the_whole_dictionary(fresh_segment, monkeypatch):
    from conftest import ROOT

    monkeypatch.setattr(fresh_segment, "ON_DEMAND_LIMIT", 2000)  # swaps in the whole dictionary part-way
    tk = fresh_segment.tokenizer()
    assert isinstance(tk.FREQ, fresh_segment.WordsOnDemand)
    lines = [line for p in sorted((ROOT / "seeds").glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line.strip()][:60] + POS_SENTENCES
    got = [(fresh_segment.lcut(t), fresh_segment.pos_tags(t)) for t in lines]
    assert isinstance(tk.FREQ, dict)  # the limit was passed
    import jieba.posseg

    want = [(jieba.lcut(t, HMM=False), tuple((p.word, p.flag) for p in jieba.posseg.lcut(t, HMM=False))) for t in lines]
    assert got == want


def test_broken_words_file_falls_back_to_the_whole_dictionary(fresh_segment, tmp_path):
    fresh_segment._dictionary()  # writes the pickle (and no words file yet)
    (tmp_path / "cache" / f"{fresh_segment._dictionary_key()}.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    tk = fresh_segment.tokenizer()
    assert isinstance(tk.FREQ, dict)
    assert fresh_segment.lcut("县公安局开展专项行动") == jieba.lcut("县公安局开展专项行动", HMM=False)


def test_whole_dictionary_when_asked(fresh_segment):
    fresh_segment.load_dictionary(whole=True)  # a worker about to extract many reports
    assert isinstance(fresh_segment.tokenizer().FREQ, dict)


def _crosses_by_cutting(left: str, right: str) -> bool:
    pos, cut = 0, len(left)
    for tok in segment.lcut(left + right):
        if pos < cut < pos + len(tok) and len(tok) > 1:
            return True
        pos += len(tok)
    return False


@pytest.mark.parametrize("left,right", [
    ("体系建", "设，全"),  # a word across the join
    ("人民为", "中心，"),  # 为中 is no word's start: answered without cutting
    ("县公安", "局开展"),
    ("向好，", "群众安"),  # punctuation at the join
    ("AB", "C12"),  # Latin letters run together across the join
    ("办理\r", "\n案件"),  # a line break written in two characters
    ("", "案件"),
])
def test_spans_boundary_answers_as_cutting_the_joined_text(left, right):
    assert segment.spans_boundary(left, right) == _crosses_by_cutting(left, right)
