"""Writing one build: report by report into a staging folder beside ``out/``, then the graphs
that need every report, the store, the summary and the views; then the folder is swapped in.

The build hands the writer its parts as they come and, at the end, its result (the parts and
the resolution); the writer lays them out as :mod:`graph.outdir` names them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .outdir import (CACHE_DIR, GRAPH_TRIG, GRAPH_TTL, MANIFEST, SHARED_NQ, STORE_DIR, SUMMARY, TEXTS_DIR, VIEW,
                     VIEWS_DIR, discard, lock, staging, swap_in, unwritable)
from .partcache import PACK, PackWriter
from .parts import BuildResult, ReportPart
from .rdf import TurtleUnion
from .statements import header, report_statements
from .store import StoreLoader, open_store, update_store
from .timing import stage

FRESH_LIMIT = 256_000_000  # bytes of changed reports' statements held for updating the store in place


class BuildWriter:
    """Writes one build into a temporary folder beside ``out``, report by report as the parts
    arrive, then swaps it in (``finish``) or removes it (``abort``)."""

    def __init__(self, out: Path, *, view: bool = True, fingerprint: str = "", reuse: bool = False, jobs: int = 1):
        """``fingerprint``: the code's (see :func:`graph.build.code_fingerprint`), recorded with
        the build; with ``reuse``, and the same fingerprint as the previous build's in ``out``,
        the store is brought up to date from the previous one instead of loaded anew."""
        self.out = Path(out).resolve()
        self.view = view
        self.jobs = jobs  # processes for writing the views
        self.fingerprint = fingerprint
        self._trig = self._ttl = self._loader = self._pack = None
        self.warnings: list[str] = []  # what the user should know: a previous build's store that did not check out
        self._lock = lock(self.out)  # refused here if another build holds out/
        self.tmp: Path | None = None
        try:
            self.tmp = staging(self.out)
            self.cache_dir = self.tmp / CACHE_DIR
            self.cache_dir.mkdir()
            self._pack = PackWriter(self.cache_dir / PACK)  # each part, for the next build to take unchanged
            self._trig = open(self.tmp / GRAPH_TRIG, "wb", buffering=1 << 20)  # parts are ~20 KB: one write call per MB
            self._ttl = open(self.tmp / GRAPH_TTL, "wb", buffering=1 << 20)
            self._trig.write(header("trig"))
            self._ttl.write(header("ttl"))
            self._union = TurtleUnion()  # graph.ttl states each triple once, however many graphs hold it
            if view:
                (self.tmp / VIEWS_DIR / "reports").mkdir(parents=True)
            self._pages, self._texts = str(self.tmp / VIEWS_DIR / "reports"), str(self.tmp / TEXTS_DIR)
            self._folders: set[str] = {self._pages} if view else set()  # folders made so far
            self._manifest: dict[str, str] = {}  # report id -> the part its graph came from
            self._previous = self._previous_manifest() if reuse and fingerprint else None
            self._fresh: list[tuple[bytes, bytes]] | None = [] if self._previous is not None else None
            self._fresh_bytes = 0
            # no previous store to start from: load the new one as the reports come
            self._loader = StoreLoader(self.tmp / STORE_DIR) if self._fresh is None else None
        except BaseException:
            self.abort()
            raise

    def _previous_manifest(self) -> dict[str, str] | None:
        """Which part each report's graph came from in the previous build, if that build was
        made by this code and its record, shared graphs and store check out; else None (with a
        warning when something was there but did not check out: the store is then loaded anew)."""
        path = self.out / CACHE_DIR / MANIFEST
        if not path.exists():
            return None
        try:
            m = json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            return self._not_reused(f"{path} cannot be read ({exc})")
        if type(m) is not dict:
            return self._not_reused(f"{path} is not a build's record")
        if m.get("fingerprint") != self.fingerprint:
            return None  # made by another version of govkg: nothing to note
        reports, shared = m.get("reports"), m.get("shared")
        if (type(reports) is not dict or not set(map(type, reports)) <= {str}
                or not set(map(type, reports.values())) <= {str} or type(shared) is not str):
            return self._not_reused(f"{path} is not a build's record")
        try:
            digest = hashlib.sha256((self.out / CACHE_DIR / SHARED_NQ).read_bytes()).hexdigest()
        except OSError as exc:
            return self._not_reused(f"{self.out / CACHE_DIR / SHARED_NQ} cannot be read ({exc.strerror})")
        if digest != shared:
            return self._not_reused(f"{self.out / CACHE_DIR / SHARED_NQ} is not as the last build wrote it")
        if not (self.out / STORE_DIR / "CURRENT").is_file():  # a damaged store is found as it is copied (see finish)
            return self._not_reused(f"{self.out / STORE_DIR}: no store there")
        return reports

    def _not_reused(self, why: str) -> None:
        self.warnings.append(f"the store is loaded anew, not updated from the previous build's: {why}")
        return None

    def add(self, part: ReportPart) -> None:
        """One report's graph into graph.trig, graph.ttl and the store, its text page into
        views/reports/, the part into the cache."""
        with stage("write"):
            self._trig.write(part.trig)
            union = self._union.add(part.ttl)  # what earlier reports did not say: all the store's default graph needs of it
            self._ttl.write(union)
            # (paths as strings, each folder made once: pathlib's objects and a mkdir call per
            # report were a good part of writing a thousand small files)
            if self.view:
                self._write_file(os.path.join(self._pages, f"{part.report_id}.html"), part.page)
            if part.text:
                self._write_file(os.path.join(self._texts, f"{part.digest}.txt"), part.text)
            if part.key:  # no key: built with no cache (graph.distributed)
                self._pack.add(part)
            self._manifest[part.report_id] = part.key
            if self._fresh is not None and self._previous.get(part.report_id) != part.key:
                self._fresh.append((part.trig, part.ttl))  # new or changed since the previous build
                self._fresh_bytes += len(part.trig) + len(part.ttl)
                if self._fresh_bytes > FRESH_LIMIT:  # that much change: loading the whole build is quicker
                    self._fresh = None
                    self._trig.flush()
                    self._ttl.flush()
                    self._loader = StoreLoader(self.tmp / STORE_DIR)
                    self._loader.add_files(self.tmp / GRAPH_TRIG, self.tmp / GRAPH_TTL)  # what came so far
                    return
            if self._loader is not None:
                self._loader.add(part.trig, union)

    def _write_file(self, path: str, data: bytes) -> None:
        """``data`` into the file ``path`` of the staging folder, its folder made if need be."""
        folder = os.path.dirname(path)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        with open(path, "wb") as f:
            f.write(data)

    def finish(self, result: BuildResult) -> dict[str, Path]:
        """The graphs that need every report (entities, places), the store, the summary and the
        views; then the build replaces ``out``."""
        from .rdf import entities_graph, places_graph, report_graph_iri
        from .summary import summary_markdown

        tmp = self.tmp
        with stage("graph"):
            graphs = [entities_graph(result.resolved), places_graph(result.resolved)]
            texts = [g.nquads() for g in graphs]  # written once: for the files and for the next build's store update
            shared = [report_statements(g, t) for g, t in zip(graphs, texts)]
            shared_nq = "".join(texts)
        with stage("write"):
            unions = []
            for trig, ttl in shared:
                self._trig.write(trig)
                unions.append(self._union.add(ttl))
                self._ttl.write(unions[-1])
            self._trig.close()
            self._ttl.close()
            (tmp / SUMMARY).write_text(summary_markdown(result), encoding="utf-8")
            if self._loader is not None:
                for (trig, _), union in zip(shared, unions):
                    self._loader.add(trig, union)
                self._loader.close()
                self._loader = None
            else:
                gone = [rid for rid, key in self._previous.items() if self._manifest.get(rid) != key]
                try:
                    update_store(self.out / STORE_DIR, tmp / STORE_DIR, drop=[str(report_graph_iri(r)) for r in gone],
                                 fresh=self._fresh, shared=shared_nq,
                                 shared_before=(self.out / CACHE_DIR / SHARED_NQ).read_text(encoding="utf-8"))
                except (RuntimeError, SyntaxError, ValueError) as exc:  # RocksDB's checks on opening it: a damaged store
                    self._not_reused(f"{self.out / STORE_DIR}: {' '.join(str(exc).split())}")
                    shutil.rmtree(tmp / STORE_DIR, ignore_errors=True)
                    loader = StoreLoader(tmp / STORE_DIR)
                    loader.add_files(tmp / GRAPH_TRIG, tmp / GRAPH_TTL)
                    loader.close()
            self._pack.close()
            data = shared_nq.encode("utf-8")
            (self.cache_dir / SHARED_NQ).write_bytes(data)
            record = {"fingerprint": self.fingerprint, "reports": self._manifest, "shared": hashlib.sha256(data).hexdigest()}
            (self.cache_dir / MANIFEST).write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        if self.view:
            from .views import write_views
            from .views.data import catalog_of

            with stage("views"):
                store = open_store(tmp)
                write_views(store, tmp / VIEWS_DIR, top_page=tmp / VIEW, jobs=self.jobs, store_path=tmp / STORE_DIR,
                            cat=catalog_of(result.resolved))
                del store
        with stage("write"):
            swap_in(tmp, self.out)
        self._lock.release()
        return {name: self.out / name for name in (GRAPH_TRIG, GRAPH_TTL, SUMMARY) + ((VIEW, VIEWS_DIR) if self.view else ())}

    def abort(self) -> None:
        """The staging folder removed and ``out`` let go: the previous build stays as it was."""
        self._loader = None  # releases the store before its folder goes
        for f in (self._trig, self._ttl, self._pack):
            if f is not None:
                try:
                    f.close()
                except OSError:  # its last buffer could not be written (a full disk): the file goes anyway
                    pass
        if self.tmp is not None:
            discard(self.tmp)
        self._lock.release()


@contextmanager
def writing(out: Path, **options) -> Iterator[BuildWriter]:
    """A :class:`BuildWriter` for ``out`` (``options``: its keywords) for the block to write the
    build with; if the block fails, what it wrote is removed and ``out`` left as it was, and an
    OSError (a full disk, a read-only folder) becomes one line: a :class:`~graph.errors.BuildError`."""
    out = Path(out)
    try:
        writer = BuildWriter(out, **options)
    except OSError as exc:
        raise unwritable(out.resolve(), exc) from None
    try:
        yield writer
    except OSError as exc:
        writer.abort()
        raise unwritable(writer.out, exc) from None
    except BaseException:
        writer.abort()
        raise
