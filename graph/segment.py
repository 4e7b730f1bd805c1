"""Word segmentation (jieba), loaded once per process with the domain lexicons."""
from __future__ import annotations

import os
import pickle
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from .timing import stage


@lru_cache(maxsize=1)
def tokenizer():
    tk = _bare_tokenizer()
    tk.FREQ, tk.total = _dictionary()[:2]
    tk.initialized = True
    return tk


def _bare_tokenizer():
    import logging

    _import_jieba()
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def _import_jieba() -> None:
    """Import jieba without pkg_resources: jieba imports it (60 ms, and deprecated) only to
    open its own data files, and falls back to plain open() when it is missing."""
    import sys

    if "jieba" in sys.modules:
        return
    missing = object()
    saved = sys.modules.get("pkg_resources", missing)
    if saved is missing:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba  # noqa: F401
    finally:
        if saved is missing:
            del sys.modules["pkg_resources"]


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict, int, dict]:
    """jieba's prefix dictionary, its total count, and the part-of-speech tag of each word, from
    govkg's cache when it has them. jieba keeps the first two as a marshal file (0.57 s to
    read) and reads the tags from dict.txt again in every process that imports jieba.posseg
    (0.3 s); pickled together, the tag table sharing the dictionary's strings, they load in
    0.25 s, and every process (each build, each worker) starts by loading them."""
    cached = _cached_dictionary()
    if cached is not None:
        return cached
    tk = _bare_tokenizer()
    tk.initialize()
    made = (tk.FREQ, tk.total, _word_tags(tk.get_dict_file(), tk.FREQ))
    _cache_dictionary(*made)
    return made


def _word_tags(f, freq: dict | None = None) -> dict[str, str]:
    """word → tag of a jieba dictionary file (the last line of a word wins, as in jieba.posseg).
    Its words are ``freq``'s own string objects, and equal tags one object, so that pickled
    beside ``freq`` the table costs references rather than 350k more strings."""
    words = {w: w for w in freq} if freq else {}
    tag_of: dict[str, str] = {}
    tags = {}
    with f:
        for line in f:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                tags[words.get(parts[0], parts[0])] = tag_of.setdefault(parts[2], parts[2])
    return tags


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
    import importlib.util

    d = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    st = d.stat()
    from importlib import metadata

    return f"jieba-{metadata.version('jieba')}-{st.st_size}-{st.st_mtime_ns}-tags"


def _cached_dictionary() -> tuple[dict, int, dict] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        freq, total, tags = pickle.loads((folder / f"{_dictionary_key()}.pickle").read_bytes())
    except Exception:  # absent, unreadable or of another shape: made again
        return None
    return freq, total, tags


def _cache_dictionary(freq: dict, total: int, tags: dict) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return  # a cache we cannot write costs speed, not correctness
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump((freq, total, tags), f, protocol=pickle.HIGHEST_PROTOCOL)
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


# jieba.posseg's own patterns (its cut without the HMM, which is all govkg asks of it)
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SPACE = re.compile(r"(\r\n|\s)")
_ENG1 = re.compile("^[a-zA-Z0-9]$")


@lru_cache(maxsize=20000)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs of ``text``, as ``jieba.posseg.lcut(text, HMM=False)`` gives them.

    The same algorithm over the same dictionary, written here because importing jieba.posseg
    reads dict.txt for its tag table in every process (0.3 s: most of what an incremental
    rebuild of one report costs); the tag table comes from govkg's cache instead.
    """
    with stage("segment"):
        tk = tokenizer()
        tags = _dictionary()[2]
        out: list[tuple[str, str]] = []
        for blk in _BLOCK.split(text):
            if _BLOCK.match(blk):
                dag = tk.get_DAG(blk)
                route: dict = {}
                tk.calc(blk, dag, route)
                x, n, buf = 0, len(blk), ""
                while x < n:
                    y = route[x][1] + 1
                    word = blk[x:y]
                    if _ENG1.match(word):  # single Latin letters and digits run together
                        buf += word
                    else:
                        if buf:
                            out.append((buf, "eng"))
                            buf = ""
                        out.append((word, tags.get(word, "x")))
                    x = y
                if buf:
                    out.append((buf, "eng"))
            else:  # between blocks there are no Latin letters, digits or dots: jieba tags each character "x"
                for part in _SPACE.split(blk):
                    if _SPACE.match(part):
                        out.append((part, "x"))  # a space, or a whole \r\n
                    else:
                        out.extend((ch, "x") for ch in part)
        return tuple(out)
