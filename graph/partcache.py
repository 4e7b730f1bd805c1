"""Report parts by content, in out/.cache: a rebuild after adding or changing a few reports
extracts only those.

The parts lie one after another in one file (``parts.pack``), each under a line naming it and
giving its length: a build writes a thousand parts as one file, not a thousand files (creating
a file costs the system far more than writing its bytes: about 0.8 s of a 10× benchmark build). A
pack cut short keeps the parts before the cut.

A cached part is plain data in MessagePack — strings, numbers, arrays and the report's TriG,
Turtle and text page as bytes — so reading the cache can never run code (a planted file is just
a file that does not check out). Every field is checked against the types of
:class:`~graph.parts.ReportPart` and :class:`~graph.resolve.EntityNote` as it is read back; an
entry that does not check out is a cache miss: the report is extracted again.
"""
from __future__ import annotations

import hashlib
import os
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import msgpack

from .model import Report
from .parts import ReportPart
from .resolve import EntityNote

MAGIC = b"govkg-part 2\n"
SUFFIX = ".part"
PACK = "parts.pack"
PACK_MAGIC = b"govkg-parts 1\n"
_ENTRY_LINE = re.compile(rb"([0-9a-f]{1,64}-[0-9a-f]{40}\.part) ([0-9]{1,12})\n")  # what PartCache.name gives
_SCALARS = {str, int, float, bool, type(None)}  # what an attribute's value (typed ``object``) may be


class Unfit(ValueError):
    """A cache entry that does not check out."""


def _checker(hint: Any) -> Callable[[tuple], None]:
    """A function that checks a column of values as MessagePack gives them back (arrays as
    tuples) against ``hint``, raising :class:`Unfit` if one does not fit. A whole column is
    checked at once, at C speed: a rebuild reads tens of thousands of notes."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, bool, object) or origin in (typing.Union, types.UnionType):
        if hint is object:
            allowed = _SCALARS
        elif hint in (str, int, bool):
            allowed = {hint}
        else:
            allowed = set(args)
            if not allowed <= _SCALARS:
                raise TypeError(f"no cache check for {hint}")

        def scalars(col: tuple) -> None:
            if not set(map(type, col)) <= allowed:  # type(), not isinstance: a bool is no int here
                raise Unfit(f"{hint} expected")
        return scalars
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # tuple[X, ...]: any length
        inner = _checker(args[0])

        def rows(col: tuple) -> None:
            if not set(map(type, col)) <= {tuple}:
                raise Unfit("arrays expected")
            inner(tuple(chain.from_iterable(col)))
        return rows
    if origin is tuple:  # tuple[X, Y]: that many, a column each
        parts = [_checker(a) for a in args]

        def fixed(col: tuple) -> None:
            if not set(map(type, col)) <= {tuple} or not set(map(len, col)) <= {len(parts)}:
                raise Unfit(f"arrays of {len(parts)} expected")
            for check, c in zip(parts, zip(*col)):
                check(c)
        return fixed
    raise TypeError(f"no cache check for {hint}")


_NOTE_CHECKS = [_checker(h) for h in typing.get_type_hints(EntityNote).values()]


def _notes(rows: Any) -> tuple[EntityNote, ...]:
    if type(rows) is not tuple or not set(map(type, rows)) <= {tuple} or not set(map(len, rows)) <= {len(_NOTE_CHECKS)}:
        raise Unfit("notes expected")
    if rows:
        for check, col in zip(_NOTE_CHECKS, zip(*rows)):
            check(col)
    return tuple(map(EntityNote._make, rows))


def _value_check(hint: Any) -> Callable[[Any], Any]:
    """A function that checks one field of a part as MessagePack gives it back, returning it,
    or raises :class:`Unfit`."""
    if hint == tuple[EntityNote, ...]:
        return _notes
    if typing.get_origin(hint) is dict:
        keys, values = typing.get_args(hint)

        def mapping(v: Any) -> Any:
            if type(v) is not dict or not set(map(type, v)) <= {keys} or not set(map(type, v.values())) <= {values}:
                raise Unfit(f"{hint} expected")
            return v
        return mapping
    if hint is bytes:
        allowed = {bytes}
    elif hint is str or typing.get_origin(hint) in (typing.Union, types.UnionType):
        allowed = {hint} if hint is str else set(typing.get_args(hint))
    else:
        raise TypeError(f"no cache check for {hint}")

    def value(v: Any) -> Any:
        if type(v) not in allowed:
            raise Unfit(f"{hint} expected")
        return v
    return value


_OWN = {"report_id", "path", "reused", "key"}  # the report's own, or set as a part is taken from the cache
_FIELDS = {name: _value_check(hint) for name, hint in typing.get_type_hints(ReportPart).items() if name not in _OWN}


def encode(part: ReportPart) -> bytes:
    """A part as its cache entry."""
    return MAGIC + msgpack.packb({"id": part.report_id, **{name: getattr(part, name) for name in _FIELDS}},
                                 use_bin_type=True)


def decode(data: bytes, report: Report) -> ReportPart:
    """The part a cache entry holds for ``report``; :class:`Unfit` if it does not check out."""
    if not data.startswith(MAGIC):
        raise Unfit("not a govkg cache entry")
    try:
        d = msgpack.unpackb(memoryview(data)[len(MAGIC):], use_list=False, raw=False)
    except Exception as exc:  # any malformed input: msgpack's own errors, bad UTF-8, too deep, cut short
        raise Unfit(f"unreadable: {exc}") from None
    if type(d) is not dict or d.get("id") != report.id:
        raise Unfit("not this report's entry")
    return ReportPart(report_id=report.id, path=report.path, **{name: check(d.get(name)) for name, check in _FIELDS.items()})


class PackWriter:
    """A new pack of parts, written in order; :meth:`close` when done."""

    def __init__(self, path: Path):
        self._file = open(path, "wb", buffering=1 << 20)
        self._file.write(PACK_MAGIC)

    def add(self, part: ReportPart) -> None:
        """``part`` under its ``key`` (a part that cannot be encoded is left out: its report is
        extracted again next time)."""
        try:
            data = encode(part)
        except (TypeError, ValueError):  # a value MessagePack cannot hold
            return
        self.add_entry(part.key, data)

    def add_entry(self, name: str, data: bytes) -> None:
        self._file.write(b"%s %d\n" % (name.encode("ascii"), len(data)))
        self._file.write(data)

    def close(self) -> None:
        self._file.close()


def pack_index(path: str | Path) -> dict[str, tuple[int, int]]:
    """Where each entry of the pack at ``path`` lies: name -> (offset, length). Empty if the file
    is missing or no pack; a damaged entry line or a cut ends the index there."""
    index: dict[str, tuple[int, int]] = {}
    try:
        with open(path, "rb") as f:
            if f.read(len(PACK_MAGIC)) != PACK_MAGIC:
                return index
            size = os.fstat(f.fileno()).st_size
            while True:
                m = _ENTRY_LINE.fullmatch(f.readline(120))
                if m is None:
                    return index
                at, n = f.tell(), int(m.group(2))
                if at + n > size:
                    return index
                index.setdefault(m.group(1).decode("ascii"), (at, n))
                f.seek(n, os.SEEK_CUR)
    except OSError:
        return index


def pack_entries(path: str | Path) -> Iterator[tuple[str, bytes]]:
    """Each entry of the pack at ``path``: (name, data), in order."""
    with open(path, "rb") as f:
        for name, (at, n) in pack_index(path).items():
            f.seek(at)
            yield name, f.read(n)


@lru_cache(maxsize=2)
def _index(path: str, stamp: tuple[int, int, int]) -> dict[str, tuple[int, int]]:
    # once per process and pack (``stamp``: its inode, size and time): a worker process is handed
    # the cache anew with each batch of reports, and must not read the pack's lines each time
    return pack_index(path)


@dataclass(frozen=True)
class PartCache:
    """Report parts by content: ``previous``, the last build's out/.cache, to take them from."""

    previous: Path | None
    fingerprint: str

    def name(self, report: Report, digest: str) -> str:
        # the id, file name, encoding, format and what the file or a manifest says of it are
        # written into the report's graph: part of the key
        h = hashlib.sha256("\x1f".join((digest, report.id, Path(report.path).name, report.encoding, report.format,
                                        repr(report.meta))).encode()).hexdigest()
        return f"{self.fingerprint}-{h[:40]}{SUFFIX}"

    def get(self, name: str, report: Report) -> ReportPart | None:
        """The previous build's part under ``name`` (:meth:`name`), or None (absent, or it does
        not check out)."""
        if self.previous is None:
            return None
        path = os.path.join(self.previous, PACK)
        try:
            st = os.stat(path)
            where = _index(path, (st.st_ino, st.st_size, st.st_mtime_ns)).get(name)
            if where is None:
                return None
            with open(path, "rb") as f:
                f.seek(where[0])
                data = f.read(where[1])
            part = decode(data, report)
        except (OSError, Unfit):
            return None
        part.reused, part.key = True, name
        return part
