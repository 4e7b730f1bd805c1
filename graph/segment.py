"""Word segmentation (jieba), loaded once per process with the domain lexicons."""
from __future__ import annotations

import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from .timing import stage


@lru_cache(maxsize=1)
def tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    cached = _cached_dictionary()
    if cached is not None:
        tk.FREQ, tk.total = cached
        tk.initialized = True
    else:
        tk.initialize()
        _cache_dictionary(tk.FREQ, tk.total)
    return tk


def cache_dir() -> Path | None:
    """govkg's own cache of derived data (``$GOVKG_CACHE_DIR``, else ``~/.cache/govkg``): a
    folder only this user can write, or None when there is none to be had."""
    base = os.environ.get("GOVKG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "govkg")
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        st = os.stat(base)
    except OSError:
        return None
    # the cache holds pickles: never read one from a folder someone else can write to
    if st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None
    return Path(base)


def _dictionary_key() -> str:
    import jieba

    d = Path(jieba.__file__).parent / "dict.txt"
    st = d.stat()
    return f"jieba-{jieba.__version__}-{st.st_size}-{st.st_mtime_ns}"


def _cached_dictionary() -> tuple[dict, int] | None:
    """jieba's prefix dictionary from govkg's cache. jieba keeps its own as a marshal file,
    which takes 0.57 s to read; the same dictionary pickled takes 0.2 s, and every process
    (each build, each worker) starts by reading it."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return pickle.loads((folder / f"{_dictionary_key()}.pickle").read_bytes())
    except Exception:  # absent or unreadable: jieba builds it again
        return None


def _cache_dictionary(freq: dict, total: int) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return  # a cache we cannot write costs speed, not correctness
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump((freq, total), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{_dictionary_key()}.pickle")  # whole or not at all
    except OSError:
        pass
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
