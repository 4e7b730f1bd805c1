"""Word segmentation (jieba) and part-of-speech tags, over jieba's dictionary read once per process
(or word by word, for a process that segments little)."""
from __future__ import annotations

import os
import pickle
import re
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from time import perf_counter

from .timing import SECONDS


ON_DEMAND_LIMIT = 10_000  # lookups answered word by word (about 14 reports, 0.04 s) before the whole dictionary is loaded
_WHOLE = False  # this process loads the whole dictionary (load_dictionary(whole=True) was called)


@lru_cache(maxsize=1)
def tokenizer():
    """jieba's tokenizer over its default dictionary. The dictionary is read word by word from
    govkg's SQLite copy of it (see :class:`WordsOnDemand`) until :func:`load_dictionary` loads
    it whole — at once for worker processes, by itself after ON_DEMAND_LIMIT lookups otherwise."""
    tk = _bare_tokenizer()
    words = None if _WHOLE else _words_on_demand()
    if words is not None:
        tk.FREQ, tk.total = words, words.total
    else:
        tk.FREQ, tk.total = _dictionary()[:2]
    tk.initialized = True
    return tk


def load_dictionary(*, whole: bool = False) -> None:
    """Open the dictionary (``whole``: load all of it now, as a process about to segment many
    reports should). Segmenting gives the same result either way."""
    global _WHOLE
    _WHOLE = _WHOLE or whole
    tk = tokenizer()
    if whole and isinstance(tk.FREQ, WordsOnDemand):
        tk.FREQ = _dictionary()[0]


def _tags():
    """The part-of-speech table in use: on demand while the dictionary is, else the whole one."""
    freq = tokenizer().FREQ
    return freq.tags if isinstance(freq, WordsOnDemand) else _dictionary()[2]


class WordsOnDemand:
    """jieba's prefix dictionary (word → count; 0 for a mere prefix of a word) and its tag table,
    read word by word from an SQLite copy in govkg's cache. Extraction segments only short
    windows of a report (a few hundred distinct words each), so rebuilding a few reports needs
    a few thousand of the dictionary's 500k entries: 8 µs each, against 0.25 s to load them all.
    Answers ``in``, ``[]`` and ``get`` as the dict does; after ON_DEMAND_LIMIT lookups, or if
    the file fails, it swaps the whole dictionary into the tokenizer."""

    def __init__(self, path: Path):
        import sqlite3

        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = self._con.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()
        self.total = int(row[0])
        self._rows: dict[str, tuple[int, str | None] | None] = {}
        self._lookups = 0
        self.tags = _TagsOnDemand(self)

    def row(self, word: str) -> tuple[int, str | None] | None:
        self._lookups += 1
        if self._lookups > ON_DEMAND_LIMIT:  # segmenting much: a dict in C answers far faster
            return self._whole(word)
        try:
            return self._rows[word]
        except KeyError:
            pass
        import sqlite3

        try:
            found = self._con.execute("SELECT f, t FROM words WHERE w = ?", (word,)).fetchone()
        except UnicodeEncodeError:  # a lone surrogate: no dictionary word has one
            found = None
        except sqlite3.Error:
            return self._whole(word)
        self._rows[word] = found
        return found

    def _whole(self, word: str) -> tuple[int, str | None] | None:
        freq, _, tags = _dictionary()
        load_dictionary(whole=True)
        return (freq[word], tags.get(word)) if word in freq else None

    def __contains__(self, word: str) -> bool:
        return self.row(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.row(word)
        if found is None:
            raise KeyError(word)
        return found[0]

    def get(self, word: str, default=None):
        found = self.row(word)
        return default if found is None else found[0]


class _TagsOnDemand:
    def __init__(self, words: WordsOnDemand):
        self._words = words

    def get(self, word: str, default=None):
        found = self._words.row(word)
        return default if found is None or found[1] is None else found[1]


def _words_on_demand() -> WordsOnDemand | None:
    """The dictionary on demand from govkg's cache, made there the first time (about 1 s); None
    when there is no cache folder or the copy cannot be read."""
    import sqlite3

    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{_dictionary_key()}.sqlite"
    if not path.exists():
        _write_words(path, *_dictionary())
    try:
        return WordsOnDemand(path)
    except (sqlite3.Error, OSError, TypeError, ValueError):
        return None


def _write_words(path: Path, freq: dict, total: int, tags: dict) -> None:
    import sqlite3

    def write(tmp: str) -> None:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("CREATE TABLE words (w TEXT PRIMARY KEY, f INTEGER NOT NULL, t TEXT) WITHOUT ROWID")
            con.executemany("INSERT INTO words VALUES (?, ?, ?)", ((w, f, tags.get(w)) for w, f in freq.items()))
            con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v)")
            con.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
        con.close()

    _write_atomic(path, write, sqlite3.Error)


def _write_atomic(path: Path, write: Callable[[str], None], *errors: type[Exception]) -> None:
    """Make a cache file: ``write`` fills a temporary file beside ``path``, which then replaces
    ``path`` whole, or not at all. A cache that cannot be written costs speed, not correctness:
    OSError and ``errors`` are swallowed."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except (OSError, *errors):
        pass
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _bare_tokenizer():
    import logging

    _import_jieba()
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return _tokenizer_class()()


@lru_cache(maxsize=1)
def _tokenizer_class() -> type:
    """jieba's Tokenizer with its word graph and best route computed as jieba does, with fewer
    steps: one dictionary lookup per fragment (``get`` for ``in`` then ``[]``) and, where only
    one word starts at a character, that word's score without a ``max`` over a generator.
    Segmenting is a seventh of extraction's time, mostly in these two; the scores are the
    same floats (the same operations in the same order), so every route is jieba's."""
    from math import log

    import jieba

    class Tokenizer(jieba.Tokenizer):
        def get_DAG(self, sentence: str) -> dict[int, list[int]]:
            self.check_initialized()
            get = self.FREQ.get
            n = len(sentence)
            dag = {}
            for k in range(n):
                ends = []
                i = k
                count = get(sentence[k])
                while count is not None:  # the fragment starts a word (0) or is one
                    if count:
                        ends.append(i)
                    i += 1
                    if i == n:
                        break
                    count = get(sentence[k:i + 1])
                dag[k] = ends or [k]
            return dag

        def calc(self, sentence: str, DAG: dict, route: dict) -> None:
            n = len(sentence)
            route[n] = (0, 0)
            logtotal = log(self.total)
            get = self.FREQ.get
            for idx in range(n - 1, -1, -1):
                ends = DAG[idx]
                if len(ends) == 1:
                    x = ends[0]
                    route[idx] = (log(get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                else:
                    # jieba's max() over (score, end) pairs, as a loop without a generator: the
                    # ends rise, so a later end wins a tie, as the greater pair does in max()
                    best = None
                    for x in ends:
                        score = log(get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0]
                        if best is None or score >= best:
                            best, end = score, x
                    route[idx] = (best, end)

    return Tokenizer


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
    from importlib import metadata

    st = (Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt").stat()
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

    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            pickle.dump((freq, total, tags), f, protocol=pickle.HIGHEST_PROTOCOL)

    _write_atomic(folder / f"{_dictionary_key()}.pickle", write)


def lcut(text: str) -> list[str]:
    """jieba's words of ``text`` (without its HMM), a new list each call."""
    return list(_cut(text))


@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    # extraction segments short windows, and a quarter of them again (the same clause read by
    # several rules, a phrase a report repeats): each is cut once while it is in the cache.
    # Timed as timing.stage("segment") times, without a context manager's generator per window
    t = perf_counter()
    try:
        return tuple(tokenizer().lcut(text, HMM=False))
    finally:
        SECONDS["segment"] += perf_counter() - t


_HAN = re.compile("[\u4E00-\u9FD5]")  # jieba's Chinese characters (its re_han_default, less letters and digits)


def spans_boundary(left: str, right: str) -> bool:
    """True when segmenting ``left + right`` yields a word that crosses the join."""
    text = left + right
    cut = len(left)
    if left and right and _HAN.match(left[-1]) and _HAN.match(right[0]):
        # Chinese on both sides: only a dictionary word can cross the join, and jieba reaches a
        # word through its prefixes, so with no word of the dictionary starting
        # ``text[k:cut + 1]`` none crosses (half the joins: answered without segmenting)
        freq = tokenizer().FREQ
        for k in range(cut):  # (a loop, not any() over a generator: asked at every line break)
            if text[k:cut + 1] in freq:
                break
        else:
            return False
    pos = 0
    for tok in _cut(text):  # (the cached tuple itself: lcut's copy is for callers that keep it)
        if pos < cut < pos + len(tok) and len(tok) > 1:
            return True
        pos += len(tok)
    return False


def is_word(text: str) -> bool:
    """Is ``text`` an entry of jieba's general dictionary (an everyday word)?"""
    tk = tokenizer()
    return tk.FREQ.get(text, 0) > 0


def word_count(text: str) -> int:
    """``text``'s count in jieba's dictionary (0: no word of it; a word's prefixes count 0 too)."""
    return tokenizer().FREQ.get(text) or 0


@lru_cache(maxsize=16384)  # asked of the same few thousand words again and again
def word_tag(text: str) -> str | None:
    """The part-of-speech tag jieba's dictionary gives ``text`` (None for a word it does not know)."""
    return _tags().get(text) if is_word(text) else None


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """jieba tokens of ``text[start:end]`` as absolute spans."""
    out = []
    pos = start
    for tok in _cut(text[start:end]):
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
    t = perf_counter()  # (timed as _cut is)
    try:
        tk = tokenizer()
        tags = _tags()
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
    finally:
        SECONDS["segment"] += perf_counter() - t
