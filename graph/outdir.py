"""The output folder: what a build writes where, and how a new build takes the place of the old.

A build holds ``out/`` for itself (:func:`lock`: a second build into the same folder is refused
while the first runs), is written into a staging folder beside ``out/`` (:func:`staging`) and
swapped in whole (:func:`swap_in`) once complete, so a reader never sees a half-written build and
an interrupted one leaves the previous build as it was.
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuildError, InputError

if TYPE_CHECKING:
    from rdflib import Graph

STORE_DIR = "store"  # the persistent Oxigraph store later commands open without re-parsing
GRAPH_TRIG = "graph.trig"
GRAPH_TTL = "graph.ttl"
SUMMARY = "summary.md"
VIEW = "view.html"
VIEWS_DIR = "views"
CACHE_DIR = ".cache"  # report parts by content, for the next incremental build
TEXTS_DIR = "texts"  # the text extracted from each web page, PDF or Word file, by its SHA-256: what offsets index
MANIFEST = "manifest.json"  # in CACHE_DIR: the fingerprint, and which part each report's graph came from
SHARED_NQ = "shared.nq"  # in CACHE_DIR: the entities and places graphs as N-Quads, to update the store by difference
BUILD_ENTRIES = frozenset({GRAPH_TRIG, GRAPH_TTL, SUMMARY, VIEW, VIEWS_DIR, STORE_DIR, CACHE_DIR, TEXTS_DIR})


class OutputBusy(BuildError):
    """Another build is writing into the same output folder."""


_HELD: set[Path] = set()  # lock files this process holds (POSIX locks do not keep a process from itself)


class Lock:
    """``out`` held for one build: a POSIX lock (lockf) on ``.NAME.lock`` beside it. The system
    drops it when the process ends, however it ends, and the build's forked workers do not
    inherit it, so a killed build never leaves ``out`` locked; while it is held, nothing beside
    ``out`` belongs to a live build but this one."""

    def __init__(self, out: Path):
        self.out = out
        self.path = out.with_name(f".{out.name}.lock")
        self.fd: int | None = None

    def _busy(self, holder: str) -> OutputBusy:
        return OutputBusy(f"{self.out}: another govkg build is writing here{f' ({holder})' if holder else ''}; "
                          "wait for it to finish, or build into another folder (-o)")

    def acquire(self) -> "Lock":
        try:
            import fcntl
        except ImportError:  # not a POSIX system: builds into one folder are not kept apart
            return self
        if self.path in _HELD:
            raise self._busy(f"pid {os.getpid()}, this process")
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip()
                os.close(fd)
                if exc.errno in (errno.EACCES, errno.EAGAIN):
                    raise self._busy(holder) from None
                raise
            try:  # the build before us removes the file as it lets go: lock the file that is there now
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}, since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
        self.fd = fd
        _HELD.add(self.path)
        return self

    def release(self) -> None:
        if self.fd is not None:
            self.path.unlink(missing_ok=True)  # before unlocking: a build waiting for it then makes a new file
            os.close(self.fd)
            self.fd = None
            _HELD.discard(self.path)


def unwritable(out: Path, exc: OSError) -> BuildError:
    """The one line that says a build could not be written, what stopped it and where (the
    file it was writing is in the staging folder, gone by now: the file system is named)."""
    what = exc.strerror
    if not what:  # RocksDB's messages come without one, and name a file in the staging folder: say only what
        text = " ".join(str(exc).split())
        what = next((os.strerror(e) for e in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EIO)
                     if os.strerror(e) in text), text)
    where = exc.filename if exc.filename and not str(exc.filename).startswith(str(out.parent / f".{out.name}.tmp-")) \
        else out.parent
    kept = "the previous build there is as it was" if out.exists() else "nothing was left there"
    return BuildError(f"{out}: the build could not be written: {what} (in {where}); {kept}, and the unfinished one "
                      "was removed")


def lock(out: Path) -> Lock:
    """Hold ``out`` (resolved) for one build until :meth:`Lock.release`; :class:`OutputBusy` if
    another build holds it. Makes ``out``'s parent if need be."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Lock(out).acquire()


def staging(out: Path) -> Path:
    """A new, empty folder beside ``out`` to write a build into, ``out`` being held
    (:func:`lock`); what killed builds left there is cleared first."""
    _remove_leftovers(out)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))


def _umask() -> int:
    mask = os.umask(0o022)  # reading it means setting it: put it straight back
    os.umask(mask)
    return mask


def discard(tmp: Path) -> None:
    """A staging folder, removed (a build that did not finish)."""
    shutil.rmtree(tmp, ignore_errors=True)


def _remove_leftovers(out: Path) -> None:
    """Staging folders killed builds left beside ``out`` (never ``out`` itself). Called under the
    lock: no live build owns any of them."""
    for p in out.parent.glob(f".{out.name}.tmp-*"):
        if p.is_dir():
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
        for entry in sorted(tmp.iterdir(), key=lambda e: e.name == GRAPH_TRIG):  # graph.trig last: it marks a build
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
    try:  # the staging folder becomes out/: out/'s mode, or a new folder's (mkdtemp made it 0700)
        os.chmod(tmp, out.stat().st_mode & 0o7777)
    except FileNotFoundError:
        os.chmod(tmp, 0o777 & ~_umask())
    if out.exists():
        backup = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, backup)
    try:
        os.replace(tmp, out)
    except BaseException:
        if backup is not None:  # the previous build goes back where it was
            os.replace(backup, out)
        raise
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
