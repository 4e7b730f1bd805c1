"""Word segmentation (jieba), loaded once per process with the domain lexicons."""
from __future__ import annotations

from functools import lru_cache

from .timing import stage


@lru_cache(maxsize=1)
def tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def lcut(text: str) -> list[str]:
    with stage("segment"):
        return tokenizer().lcut(text, HMM=False)


def spans_boundary(left: str, right: str) -> bool:
    """True when segmenting ``left + right`` yields a word that crosses the join."""
    pos = 0
    cut = len(left)
    for tok in lcut(left + right):
        if pos < cut < pos + len(tok) and len(tok) > 1:
            return True
        pos += len(tok)
    return False


def is_word(text: str) -> bool:
    """Is ``text`` an entry of jieba's general dictionary (an everyday word)?"""
    tk = tokenizer()
    return tk.FREQ.get(text, 0) > 0


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """jieba tokens of ``text[start:end]`` as absolute spans."""
    out = []
    pos = start
    for tok in lcut(text[start:end]):
        out.append((pos, pos + len(tok)))
        pos += len(tok)
    return out


@lru_cache(maxsize=1)
def _posseg():
    import jieba.posseg as pseg

    tk = tokenizer()
    # importing jieba.posseg already read the tag table of jieba's default dictionary (for its
    # default tokenizer); ours uses that same dictionary, so share the table rather than read
    # dict.txt a second time (0.45 s of every process's start-up)
    pos = pseg.POSTokenizer.__new__(pseg.POSTokenizer)
    pos.tokenizer = tk
    pos.word_tag_tab = pseg.dt.word_tag_tab
    return pos


@lru_cache(maxsize=20000)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    with stage("segment"):
        return tuple((p.word, p.flag) for p in _posseg().lcut(text, HMM=False))
