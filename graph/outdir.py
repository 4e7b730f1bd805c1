"""The output folder: what a build writes where, and how a new build takes the place of the old.

A build is written into a staging folder beside ``out/`` (:func:`staging`) and swapped in
whole (:func:`swap_in`) once complete, so a reader never sees a half-written build and an
interrupted one leaves the previous build as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from rdflib import Graph

STORE_DIR = "store"  # the persistent Oxigraph store later commands open without re-parsing
GRAPH_TRIG = "graph.trig"
GRAPH_TTL = "graph.ttl"
SUMMARY = "summary.md"
VIEW = "view.html"
VIEWS_DIR = "views"
CACHE_DIR = ".cache"  # report parts by content, for the next incremental build
MANIFEST = "manifest.json"  # in CACHE_DIR: the fingerprint, and which part each report's graph came from
SHARED_NQ = "shared.nq"  # in CACHE_DIR: the entities and places graphs as N-Quads, to update the store by difference
BUILD_ENTRIES = frozenset({GRAPH_TRIG, GRAPH_TTL, SUMMARY, VIEW, VIEWS_DIR, STORE_DIR, CACHE_DIR})


def staging(out: Path) -> Path:
    """A new, empty folder beside ``out`` to write a build into (``out`` resolved, its parent
    made if need be); what killed builds left there is cleared first."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))


def discard(tmp: Path) -> None:
    """A staging folder, removed (a build that did not finish)."""
    shutil.rmtree(tmp, ignore_errors=True)


def _remove_leftovers(out: Path) -> None:
    """Temporary folders a killed build left beside ``out`` (never ``out`` itself)."""
    import time

    for p in out.parent.glob(f".{out.name}.tmp-*"):
        if p.is_dir() and time.time() - p.stat().st_mtime > 60:
            shutil.rmtree(p, ignore_errors=True)
    for p in out.parent.glob(f".{out.name}.old-*"):
        if p.is_dir():
            if not out.exists():  # killed between the two renames: the old build is the one to keep
                os.replace(p, out)
            else:
                shutil.rmtree(p, ignore_errors=True)


def swap_in(tmp: Path, out: Path) -> None:
    """Swap the new build in: old → backup, new → out, drop backup. A folder that holds anything
    besides a build (the user's files) is never replaced: the build's entries move into it one by
    one, each atomically, and everything else there stays as it was."""
    if out.exists() and any(e.name not in BUILD_ENTRIES for e in out.iterdir()):
        for entry in sorted(tmp.iterdir(), key=lambda e: e.name != GRAPH_TRIG):  # graph.trig last: it marks a build
            target = out / entry.name
            if target.exists():
                old = out / f".{entry.name}.old-{os.getpid()}"
                os.replace(target, old)
                os.replace(entry, target)
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
            else:
                os.replace(entry, target)
        shutil.rmtree(tmp, ignore_errors=True)
        return
    backup = None
    if out.exists():
        backup = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, backup)
    os.replace(tmp, out)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def open_graph(build_dir: str | Path) -> "Graph":
    """A build's graph.ttl as an rdflib graph (for SHACL validation and scoring)."""
    from rdflib import Graph

    p = Path(build_dir) / GRAPH_TTL
    if not p.exists():
        raise InputError(f"{build_dir}: no {GRAPH_TTL} here; run 'govkg build' first")
    g = Graph()
    g.parse(p, format="turtle")
    return g
