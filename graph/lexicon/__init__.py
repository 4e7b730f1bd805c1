"""General domain lexicons, kept as plain text files beside this module.

One entry per line; ``#`` starts a comment; fields are tab-separated. Nothing here
names an entity of a particular report: these are the head nouns, titles and
patterns any county governance report uses.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line.strip(" "))
    return tuple(out)


@lru_cache(maxsize=None)
def load_set(name: str) -> frozenset[str]:
    return frozenset(w for line in load_lines(name) for w in line.split())


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in load_lines(name))
