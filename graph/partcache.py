"""Report parts by content, in out/.cache: a rebuild after adding or changing a few reports
extracts only those.

A cached part is plain data — one line of JSON, then the report's TriG, Turtle and text page as
they were written — so reading the cache can never run code (a planted file is just a file that
does not check out). Every field is checked against the types of :class:`~graph.parts.ReportPart`
and :class:`~graph.resolve.EntityNote` as it is read back; an entry that does not check out is a
cache miss: the report is extracted again.
"""
from __future__ import annotations

import hashlib
import json
import os
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Report
from .parts import ReportPart
from .resolve import EntityNote

MAGIC = b"govkg-part 1\n"
SUFFIX = ".part"


class Unfit(ValueError):
    """A cache entry that does not check out."""


def _apply(f: Callable[[Any], Any], v: Any) -> Any:
    return f(v)


def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function that takes a value as JSON gives it back and returns it as ``hint`` types it
    (arrays become tuples and named tuples), or raises :class:`Unfit`."""
    if hint is str or hint is bool:
        def exact(v, t=hint):
            if type(v) is not t:
                raise Unfit(f"{t.__name__} expected")
            return v
        return exact
    if hint is int:
        def integer(v):
            if type(v) is not int:  # bool is an int to isinstance: not here
                raise Unfit("int expected")
            return v
        return integer
    if hint is object:  # an attribute's value: a JSON scalar
        def scalar(v):
            if v is not None and type(v) not in (str, int, float, bool):
                raise Unfit("a plain value expected")
            return v
        return scalar
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):  # a named tuple
        fields = [_converter(h) for h in typing.get_type_hints(hint).values()]

        def named(v, cls=hint, n=len(fields)):
            if type(v) is not list or len(v) != n:
                raise Unfit(f"{cls.__name__} expected")
            return cls._make(map(_apply, fields, v))
        return named
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"no cache converter for {hint}")
        inner = _converter(options[0])
        return lambda v: None if v is None else inner(v)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:  # the common case, checked at C speed
            def strings(v):
                if type(v) is not list or not set(map(type, v)) <= {str}:
                    raise Unfit("array of strings expected")
                return tuple(v)
            return strings
        item = _converter(args[0])

        def many(v):
            if type(v) is not list:
                raise Unfit("array expected")
            return tuple(map(item, v))
        return many
    if origin is tuple:
        items = [_converter(a) for a in args]

        def fixed(v):
            if type(v) is not list or len(v) != len(items):
                raise Unfit(f"array of {len(items)} expected")
            return tuple(f(x) for f, x in zip(items, v))
        return fixed
    if origin is dict and args[0] is str:
        value = _converter(args[1])

        def mapping(v):
            if type(v) is not dict:
                raise Unfit("object expected")
            return {k: value(x) for k, x in v.items()}
        return mapping
    raise TypeError(f"no cache converter for {hint}")


_NOTES = _converter(tuple[EntityNote, ...])
_COUNTS = _converter(dict[str, int])
_FOCUS = _converter(str | None)


def encode(part: ReportPart) -> bytes:
    """A part as its cache entry."""
    head = {"id": part.report_id, "digest": part.digest, "notes": part.notes, "counts": part.counts, "focus": part.focus,
            "sizes": [len(part.trig), len(part.ttl), len(part.page)]}
    return b"".join((MAGIC, json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), b"\n",
                     part.trig, part.ttl, part.page))


def decode(data: bytes, report: Report) -> ReportPart:
    """The part a cache entry holds for ``report``; :class:`Unfit` if it does not check out."""
    if not data.startswith(MAGIC):
        raise Unfit("not a govkg cache entry")
    end = data.find(b"\n", len(MAGIC))
    try:
        head = json.loads(data[len(MAGIC):end])
    except (ValueError, RecursionError) as exc:
        raise Unfit(f"unreadable: {exc}") from None
    if type(head) is not dict or head.get("id") != report.id or type(head.get("digest")) is not str:
        raise Unfit("not this report's entry")
    sizes = head.get("sizes")
    if (type(sizes) is not list or len(sizes) != 3 or any(type(n) is not int or n < 0 for n in sizes)
            or sum(sizes) != len(data) - end - 1):
        raise Unfit("its statements are cut short or run on")
    a, b = end + 1 + sizes[0], end + 1 + sizes[0] + sizes[1]
    return ReportPart(report.id, report.path, head["digest"], _NOTES(head.get("notes")), _COUNTS(head.get("counts")),
                      _FOCUS(head.get("focus")), data[end + 1:a], data[a:b], data[b:])


@dataclass(frozen=True)
class PartCache:
    """Report parts by content, in out/.cache. ``folder``: the new build's cache; ``previous``:
    the last build's."""

    folder: Path | None
    previous: Path | None
    fingerprint: str

    def name(self, report: Report, digest: str) -> str:
        # the id, file name and encoding are written into the report's graph: part of the key
        h = hashlib.sha256("\x1f".join((digest, report.id, Path(report.path).name, report.encoding)).encode()).hexdigest()
        return f"{self.fingerprint}-{h[:40]}{SUFFIX}"

    def get(self, name: str, report: Report) -> ReportPart | None:
        """The previous build's part under ``name`` (:meth:`name`), or None (absent, or it does
        not check out)."""
        if self.previous is None:
            return None
        f = os.path.join(self.previous, name)  # plain strings: a thousand Path objects cost more than the reads
        try:
            with open(f, "rb") as fh:
                data = fh.read()
            part = decode(data, report)
        except (OSError, Unfit):
            return None
        if self.folder is not None:
            to = os.path.join(self.folder, name)
            try:
                os.link(f, to)
            except OSError:
                with open(to, "wb") as fh:
                    fh.write(data)
        part.reused, part.key = True, name
        return part

    def put(self, part: ReportPart) -> None:
        if self.folder is None:
            return
        try:
            data = encode(part)
        except (TypeError, ValueError):  # a value JSON cannot hold: the report is extracted again next time
            return
        with open(os.path.join(self.folder, part.key), "wb") as fh:
            fh.write(data)
